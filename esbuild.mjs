// One build for every entry point. Type checking is separate (npm run typecheck).
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Heavy SDKs are reached only through dynamic import(), so esbuild wraps them in lazy initialisers that run on first
  // use, never at activation. `vscode` is provided by the host.
  external: ['vscode'],
  // jsonc-parser's "main" is a UMD build whose require('./impl/…') calls esbuild cannot follow (the bundle then fails
  // at load with "Cannot find module './impl/format'"); its ES module build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  {
    ...node,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    define: { ACG_VERSION: JSON.stringify(version) },
  },
  { ...node, entryPoints: { emulator: 'emulator/main.ts' }, outdir: 'dist' },
  // Integration tests (run inside VS Code): the entry and every test file, mocha required from node_modules.
  {
    ...node,
    entryPoints: ['test/integration/index.ts', 'test/integration/**/*.test.ts'],
    outbase: 'test/integration',
    outdir: 'dist/test/integration',
    external: ['vscode', 'mocha'],
  },
];

// Webview pages: one browser bundle per panel (src/webviews/<panel>/app.ts → dist/webviews/<panel>.js, and the CSS
// it imports → <panel>.css), DOM-only, loaded into the panel's iframe by the HTML shell (src/webviews/shared/html.ts).
const panels = readdirSync('src/webviews', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`src/webviews/${entry.name}`).includes('app.ts'))
  .map((entry) => entry.name);
builds.push({
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  entryPoints: Object.fromEntries(panels.map((panel) => [panel, `src/webviews/${panel}/app.ts`])),
  outdir: 'dist/webviews',
});

// Codicons for the pages: the .vsix carries no node_modules, and a webview may read only dist/webviews.
mkdirSync('dist/webviews/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webviews/codicons/${file}`);

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
