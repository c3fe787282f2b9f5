// The integration test entry: `extensionTestsPath` for code-server (npm run test:integration) and for desktop VS Code
// through @vscode/test-electron (npm run test:desktop). esbuild builds it, and each test/integration/**/*.test.ts, into
// dist/test/integration/; mocha is required from the repository's node_modules at run time.
// ACG_TEST_FILES=<regular expression> runs only the test files whose name matches (e.g. `onboarding`), which the
// extension host inherits from the runner's environment. Soaks (`*Soak.test.ts`) run for minutes under injected
// faults: they are measurements, run only when named (`npm run soak:vscode`), not with every `npm test`.
import * as path from 'node:path';
import { findTestFiles, runMochaEntry } from '../runner/mochaEntry';

export function run(): Promise<void> {
  const only = process.env.ACG_TEST_FILES;
  const files = findTestFiles(__dirname).filter((file) => (only ? new RegExp(only).test(path.basename(file)) : !/Soak\.test\.js$/.test(file)));
  return runMochaEntry({ name: 'integration', files, timeout: 30_000 });
}
