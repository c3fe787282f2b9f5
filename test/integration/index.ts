// The integration test entry: `extensionTestsPath` for code-server (npm run test:integration) and for desktop VS Code
// through @vscode/test-electron (npm run test:desktop). esbuild builds it, and each test/integration/**/*.test.ts, into
// dist/test/integration/; mocha is required from the repository's node_modules at run time.
import { findTestFiles, runMochaEntry } from '../runner/mochaEntry';

export function run(): Promise<void> {
  return runMochaEntry({ name: 'integration', files: findTestFiles(__dirname), timeout: 30_000 });
}
