// Flat config: strict TypeScript rules, plus the layering rule that keeps src/core and src/azure free of 'vscode'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'src/core and src/azure must not depend on vscode: inject what they need from a face.' }],
  }],
};

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
  { files: ['src/core/**/*.ts', 'src/azure/**/*.ts'], rules: noVscode },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { sourceType: 'module' } },
);
