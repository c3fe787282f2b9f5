#!/usr/bin/env node
// npm run test:desktop — the same integration tests (dist/test/integration/index.js) in desktop VS Code through
// @vscode/test-electron. It downloads VS Code (into .vscode-test/), so it needs the internet: use it on a developer
// machine; here, offline, use `npm run test:integration` (code-server) instead.
// Options: --no-build; ACG_VSCODE_VERSION (default: stable), e.g. 1.100.3 for the oldest supported engine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('test:desktop: build failed');
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'acg-desktop-'));
const resultFile = join(scratch, 'result.json');
const workspace = join(scratch, 'workspace');
mkdirSync(workspace);
let code = 1;
try {
  await runTests({
    version: process.env.ACG_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'integration', 'index'),
    // Same contract as the code-server runner: the entry writes its counts here (test/runner/mochaEntry.ts).
    extensionTestsEnv: { ACG_TEST_RESULT_FILE: resultFile },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${join(scratch, 'user')}`,
    ],
  });
  // A crashed extension host can still end with exit code 0: require the entry's positive result.
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  if (!result) {
    console.error('test:desktop: no result file from the test entry: the extension host crashed or a test exited');
  } else if (result.failed === 0 && result.passed > 0) {
    console.log(`test:desktop: ${result.passed} passed, ${result.failed} failed`);
    code = 0;
  } else {
    console.error(`test:desktop: ${result.passed} passed, ${result.failed} failed`);
  }
} catch (error) {
  console.error(`test:desktop: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
