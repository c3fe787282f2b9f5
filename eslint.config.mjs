// Flat config: strict TypeScript rules, the layering rule that keeps src/core and src/azure free of 'vscode', and the
// webview split: pages are browser code, and only one module loads the component library.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = { name: 'vscode', message: 'src/core and src/azure must not depend on vscode: inject what they need from a face.' };

// Webview pages run in a browser iframe: DOM globals, no Node, no vscode. Their files are each panel's app.ts and
// browser/ folder and src/webviews/shared/browser (src/webviews/tsconfig.json type-checks them with the DOM lib only).
const WEBVIEW_BROWSER_FILES = ['src/webviews/*/app.ts', 'src/webviews/*/browser/**/*.ts', 'src/webviews/shared/browser/**/*.ts'];
const COMPONENT_LIBRARY = 'src/webviews/shared/browser/components.ts';
const componentLibraries = [
  { name: '@vscode/webview-ui-toolkit', message: 'Only src/webviews/shared/browser/components.ts loads the component library, so it can be swapped in one place.' },
  { name: '@vscode-elements/elements', message: 'Registers the same tag names as @vscode/webview-ui-toolkit: never load both. Go through src/webviews/shared/browser/components.ts.' },
];
const browserGlobals = {
  ...Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off'])),
  ...globals.browser,
};

/** Host code (everything in src but the webview pages) never loads a component library or a page's browser code. */
function hostImports(paths) {
  return {
    'no-restricted-imports': ['error', {
      paths: [...paths, ...componentLibraries],
      patterns: [{ group: ['**/browser/*', '*/app', './app'], message: 'Host code never imports webview browser code (it runs in the page, with the DOM).' }],
    }],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.emulator/**', 'test-results/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  // Later blocks replace earlier ones' no-restricted-imports, so the layer rule repeats the host rule's lists.
  { files: ['src/**/*.ts'], ignores: WEBVIEW_BROWSER_FILES, rules: hostImports([]) },
  { files: ['src/core/**/*.ts', 'src/azure/**/*.ts'], rules: hostImports([noVscode]) },
  {
    files: WEBVIEW_BROWSER_FILES,
    languageOptions: { globals: browserGlobals },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Webview pages run in the browser: ask the host through the panel protocol.' }, ...componentLibraries],
        patterns: [{ group: ['node:*'], message: 'Webview pages run in the browser, not in Node.' }],
      }],
    },
  },
  {
    files: [COMPONENT_LIBRARY],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Webview pages run in the browser.' }] }] },
  },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { sourceType: 'module' } },
  // A stray `.only` would shrink a run to one test; mocha's forbid-only refuses it at run time, this at lint time.
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...['it', 'describe', 'context', 'test', 'suite', 'specify'].map((object) => ({
        object,
        property: 'only',
        message: `${object}.only runs that test alone and silently skips every other: remove it before committing.`,
      }))],
    },
  },
);
