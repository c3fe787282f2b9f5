// npm run test:integration — build, then run test/integration in a real VS Code (code-server + headless Chromium).
// Options: --no-build; ACG_TEST_TIMEOUT=<seconds> (default 600) bounds the whole run:
// a guard against a hung workbench, not a performance limit, so it leaves room for a slow, shared CI machine.
import * as path from 'node:path';
import { integrationSetup } from '../test/integration/setup';
import { codeServerMissingReason, repoRoot, runExtensionTests } from '../test/runner';
import { build, exitOnSignals, secondsFromEnv } from './code-server/common';

async function main(): Promise<number> {
  exitOnSignals();
  const missing = codeServerMissingReason();
  if (missing) {
    console.error(`test:integration: ${missing}`);
    return 1;
  }
  build();
  const timeout = secondsFromEnv('ACG_TEST_TIMEOUT', 600);
  const result = await runExtensionTests({
    name: 'integration',
    extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'integration', 'index.js'),
    beforeRun: integrationSetup,
    // VS Code's system-certificate support replaces Node's CA list and drops NODE_EXTRA_CA_CERTS.
    settings: { 'http.systemCertificates': false },
    timeoutMs: timeout * 1000,
  });
  const where = path.relative(repoRoot, result.resultsDir);
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (result.exitCode !== 0) {
    console.error(`test:integration: FAILED after ${seconds} s: ${result.reason} (results in ${where})`);
    return result.exitCode;
  }
  console.log(`test:integration: ok in ${seconds} s (report and logs in ${where})`);
  console.log(`integration: ${result.passed} passed, ${result.failed} failed`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
