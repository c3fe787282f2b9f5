// Run an extension test entry (mocha, `run(): Promise<void>`) inside a real VS Code: code-server plus headless Chromium.
//
// Success needs all of: the workbench reports exit code 0, AND the entry wrote its result file, AND that file counts
// at least one test and no failure. The result file matters because a crashed extension host, or a test that calls
// process.exit, also makes the workbench report 0.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { exposeAutomation, launchBrowser, saveServerLogs, saveWindowLogs, workbenchUrl, type WindowLog } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { RESULT_FILE_ENV, START_LINE_PREFIX, type SuiteResult } from './mochaEntry';
import { repoRoot, testResultsDir } from './paths';

export interface BeforeRunContext {
  /** This run's folder under test-results/, for anything the setup wants to keep. */
  resultsDir: string;
}

/** What a `beforeRun` hook hands back: environment for the extension host, and how to clean up after the run. */
export interface RunSetup {
  env?: Record<string, string>;
  dispose?: () => void | Promise<void>;
}

/** Runs before code-server starts, e.g. to start the emulator and pass its URL and CA file (NODE_EXTRA_CA_CERTS). */
export type BeforeRun = (context: BeforeRunContext) => RunSetup | undefined | Promise<RunSetup | undefined>;

export interface RunOptions {
  /** Names the run's folder: test-results/<name>/. */
  name: string;
  /** The built test entry (.js, with or without the extension). */
  extensionTestsPath: string;
  /** The extension to load; default: this repository. */
  extensionDevelopmentPath?: string;
  /** Folder to open in the workbench; default: an empty temporary folder. */
  workspace?: string;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** User settings for the run. */
  settings?: Record<string, unknown>;
  beforeRun?: BeforeRun;
  /** The whole run, from starting code-server to the exit code; on expiry the process group is killed. */
  timeoutMs?: number;
  /** Each line of the extension host's console; default: printed to stdout as it comes. */
  onOutput?: (line: string) => void;
  /** Default: test-results/<name>. Emptied at the start. */
  resultsDir?: string;
}

export interface RunResult {
  /** 0 only on a positive result. */
  exitCode: number;
  passed: number;
  failed: number;
  /** What happened, in one line: the counts on success, the cause otherwise. */
  reason: string;
  durationMs: number;
  resultsDir: string;
}

type Ending =
  | { kind: 'exit'; code: number; logs: WindowLog[] }
  | { kind: 'timeout' }
  | { kind: 'server-exit'; code: number | null; signal: string | null }
  | { kind: 'page'; message: string };

function readResult(file: string): SuiteResult | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<keyof SuiteResult, unknown>>;
    const count = (n: unknown): number => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : NaN);
    const result = { passed: count(value.passed), failed: count(value.failed), pending: count(value.pending ?? 0), total: count(value.total) };
    return Object.values(result).some(Number.isNaN) ? undefined : result;
  } catch {
    return undefined;
  }
}

async function screenshot(page: Page | undefined, file: string): Promise<void> {
  if (!page || page.isClosed()) return;
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
  } catch {
    // The page may be gone with the browser; the logs still tell the story.
  }
}

export async function runExtensionTests(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 180_000;
  const resultsDir = options.resultsDir ?? path.join(testResultsDir, options.name);
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultFile = path.join(resultsDir, 'result.json');
  const print = options.onOutput ?? ((line: string) => console.log(line));
  const report: string[] = [];

  let server: CodeServer | undefined;
  let page: Page | undefined;
  let setup: RunSetup | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let entryStarted = false;
  const browserPromise = launchBrowser();
  // A rejection is handled below; do not let it surface as unhandled while the server starts.
  browserPromise.catch(() => undefined);

  try {
    const ending = await new Promise<Ending>((resolve, reject) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
      (async () => {
        setup = (await options.beforeRun?.({ resultsDir })) ?? undefined;
        const current = await startCodeServer({
          env: { ...options.env, ...setup?.env, [RESULT_FILE_ENV]: resultFile },
          settings: options.settings,
          workspace: options.workspace,
        });
        server = current;
        // Timed out while code-server was starting: the cleanup below has already run.
        if (finished) return void (await current.stop());
        void current.exited.then(({ code, signal }) => resolve({ kind: 'server-exit', code, signal }));
        const browser = await browserPromise;
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        page = await context.newPage();
        page.on('crash', () => resolve({ kind: 'page', message: 'the browser page crashed' }));
        browser.on('disconnected', () => resolve({ kind: 'page', message: 'the browser went away' }));
        await exposeAutomation(page, {
          onLog: (type, text) => {
            report.push(type === 'info' ? text : `[${type}] ${text}`);
            // The window's own chatter comes first; print from the test entry's start line on.
            if (!entryStarted && text.startsWith(START_LINE_PREFIX)) entryStarted = true;
            if (entryStarted) print(text);
          },
          onExit: (code, logs) => resolve({ kind: 'exit', code, logs }),
        });
        await page.goto(
          workbenchUrl(current, {
            extensionDevelopmentPath: options.extensionDevelopmentPath ?? repoRoot,
            extensionTestsPath: options.extensionTestsPath,
          }),
        );
      })().catch(reject);
    });
    clearTimeout(timer);

    let outcome: { exitCode: number; passed: number; failed: number; reason: string };
    if (ending.kind === 'timeout') {
      outcome = { exitCode: 1, passed: 0, failed: 0, reason: `timed out after ${Math.round(timeoutMs / 1000)} s` };
    } else if (ending.kind === 'server-exit') {
      const how = ending.signal ?? `code ${ending.code}`;
      outcome = { exitCode: 1, passed: 0, failed: 0, reason: `code-server exited (${how}) before the tests finished` };
    } else if (ending.kind === 'page') {
      outcome = { exitCode: 1, passed: 0, failed: 0, reason: ending.message };
    } else {
      saveWindowLogs(path.join(resultsDir, 'window-logs'), ending.logs);
      const result = readResult(resultFile);
      if (!result) {
        outcome = {
          exitCode: ending.code || 1,
          passed: 0,
          failed: 0,
          reason:
            `no result file from the test entry (workbench exit code ${ending.code}): ` +
            'the extension host crashed, a test called process.exit, or run() never finished',
        };
      } else {
        const counts = `${result.passed} passed, ${result.failed} failed`;
        const ok = ending.code === 0 && result.failed === 0 && result.passed > 0;
        let reason = counts;
        if (result.failed === 0 && ending.code !== 0) reason = `${counts}, but the workbench exit code is ${ending.code}`;
        else if (result.failed === 0 && result.passed === 0) reason = result.total === 0 ? 'no tests ran' : `${counts}: none passed`;
        outcome = { exitCode: ok ? 0 : ending.code || 1, passed: result.passed, failed: result.failed, reason };
      }
    }

    if (outcome.exitCode !== 0) {
      await screenshot(page, path.join(resultsDir, 'failure.png'));
      // The tests never started: the window's last words are the best clue.
      if (!entryStarted) for (const line of report.slice(-20)) print(line);
    }
    return { ...outcome, durationMs: Date.now() - started, resultsDir };
  } catch (error) {
    await screenshot(page, path.join(resultsDir, 'failure.png'));
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 1, passed: 0, failed: 0, reason: message, durationMs: Date.now() - started, resultsDir };
  } finally {
    finished = true;
    clearTimeout(timer);
    fs.writeFileSync(path.join(resultsDir, 'report.txt'), report.length ? `${report.join('\n')}\n` : '');
    const browser = await browserPromise.catch(() => undefined);
    await browser?.close().catch(() => undefined);
    const current: CodeServer | undefined = server;
    if (current) {
      saveServerLogs(current, path.join(resultsDir, 'server-logs'));
      await current.stop();
      fs.writeFileSync(path.join(resultsDir, 'code-server.log'), current.output());
    }
    await setup?.dispose?.();
  }
}
