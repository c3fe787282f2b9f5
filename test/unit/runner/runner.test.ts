// The runner's own tests: tiny extension-host suites (test/runner/fixtures/*) run in a real code-server, to prove that
// the runner tells a pass from a failure, a crash and a hang. Skipped, with the reason printed, only when code-server
// is not installed (npm run host:install).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { codeServerMissingReason, repoRoot, runExtensionTests, type RunResult } from '../../runner';

const FIXTURES = ['pass', 'fail', 'crash', 'hang'] as const;
type Fixture = (typeof FIXTURES)[number];
const fixturesOut = path.join(repoRoot, 'dist', 'test', 'runner-fixtures');
const HANG_TIMEOUT_MS = 20_000;

interface FixtureRun {
  result: RunResult;
  output: string[];
}

async function runFixture(fixture: Fixture, timeoutMs = 90_000): Promise<FixtureRun> {
  const output: string[] = [];
  const result = await runExtensionTests({
    name: path.join('runner', fixture),
    extensionTestsPath: path.join(fixturesOut, fixture, 'index.js'),
    timeoutMs,
    onOutput: (line) => output.push(line),
  });
  // Shown only when an assertion below fails, as the message's context.
  return { result, output };
}

function context(run: FixtureRun): string {
  return `${JSON.stringify(run.result)}\n--- extension host output ---\n${run.output.join('\n')}`;
}

describe('extension test runner (code-server + Chromium)', function () {
  this.timeout(120_000);
  // The hang's run starts in before() and waits out its timeout alongside the other three, which run one after the
  // other (two code-servers at a time at most, each on its own port and in its own process group).
  let hang: Promise<FixtureRun> | undefined;

  before(async function () {
    const missing = codeServerMissingReason();
    if (missing) {
      console.log(`    skipped: ${missing}`);
      // Reason: without code-server (host:install never ran here) there is no VS Code to run the fixtures in.
      this.skip();
    }
    await esbuild.build({
      entryPoints: FIXTURES.map((fixture) => ({
        in: path.join(repoRoot, 'test', 'runner', 'fixtures', fixture, 'index.ts'),
        out: path.join(fixture, 'index'),
      })),
      outdir: fixturesOut,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
    hang = runFixture('hang', HANG_TIMEOUT_MS);
    hang.catch(() => undefined);
  });

  after(async () => {
    // Whatever happened to the tests, wait for the hang's run to have stopped its code-server.
    await hang?.catch(() => undefined);
  });

  it('pass: reports success and the passed count', async () => {
    const run = await runFixture('pass');
    assert.equal(run.result.exitCode, 0, context(run));
    assert.equal(run.result.passed, 3, context(run));
    assert.equal(run.result.failed, 0, context(run));
    assert.ok(run.output.includes('fixture-pass: 3 passed, 0 failed'), context(run));
    assert.ok(fs.statSync(path.join(run.result.resultsDir, 'report.txt')).size > 0, 'mocha report saved');
  });

  it('fail: exits non-zero with the failed count, and saves a screenshot and the window logs', async () => {
    const run = await runFixture('fail');
    assert.notEqual(run.result.exitCode, 0, context(run));
    assert.equal(run.result.passed, 1, context(run));
    assert.equal(run.result.failed, 1, context(run));
    assert.ok(run.output.some((line) => line.includes('one is not two')), context(run));
    assert.ok(fs.existsSync(path.join(run.result.resultsDir, 'failure.png')), 'failure screenshot saved');
    assert.ok(fs.existsSync(path.join(run.result.resultsDir, 'window-logs')), 'window logs saved');
  });

  it('crash: process.exit(0) inside a test is a failure, although the workbench reports 0', async () => {
    const run = await runFixture('crash');
    assert.notEqual(run.result.exitCode, 0, context(run));
    assert.match(run.result.reason, /no result file/, context(run));
  });

  it('hang: a test that never ends is stopped by the bounded timeout', async () => {
    const run = await hang!;
    assert.notEqual(run.result.exitCode, 0, context(run));
    assert.equal(run.result.reason, `timed out after ${HANG_TIMEOUT_MS / 1000} s`, context(run));
    assert.ok(run.result.durationMs < HANG_TIMEOUT_MS + 15_000, `stopped soon after the timeout: ${run.result.durationMs} ms`);
  });
});
