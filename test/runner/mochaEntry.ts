// Runs INSIDE the extension host (code-server's or desktop VS Code's): the common body of every test entry's
// `run()`. It runs mocha, prints the report to the console (which the runner receives through codeAutomationLog),
// prints one closing line "<name>: N passed, N failed", and writes the positive result file that the runner requires.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** The runner passes the result file's path to code-server's environment, which the extension host inherits. */
export const RESULT_FILE_ENV = 'ACG_TEST_RESULT_FILE';

/** The first line the entry prints; the runner prints the extension host's console from here on. */
export const START_LINE_PREFIX = 'mocha: running ';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  total: number;
}

export interface MochaEntryOptions {
  /** Shown in the closing line, e.g. "integration". */
  name: string;
  /** Built test files (.js) for mocha to require, each with the bdd globals. */
  files?: string[];
  /** Or tests defined in code (the fixtures): called after the bdd globals (describe, it, …) exist. */
  register?: () => void;
  /** Per-test timeout in ms. */
  timeout?: number;
}

/** Every `*.test.js` below `dir`, sorted, so that the order is stable. */
export function findTestFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((entry) => entry.endsWith('.test.js'))
    .map((entry) => path.join(dir, entry))
    .sort();
}

export async function runMochaEntry(options: MochaEntryOptions): Promise<void> {
  console.log(`${START_LINE_PREFIX}${options.name} tests (node ${process.version}, pid ${process.pid})`);
  // forbidOnly: a stray `.only` must fail the run, not silently skip the rest of the suite.
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: options.timeout ?? 20_000, forbidOnly: true });
  for (const file of options.files ?? []) mocha.addFile(file);
  if (options.register) {
    mocha.suite.emit('pre-require', globalThis, options.name, mocha);
    options.register();
  }

  const result = await new Promise<SuiteResult>((resolve, reject) => {
    const counts = { passed: 0, failed: 0, pending: 0 };
    try {
      const runner = mocha.run(() => resolve({ ...counts, total: counts.passed + counts.failed + counts.pending }));
      runner.on('pass', () => counts.passed++);
      // Also fires for failing hooks, which count as failures.
      runner.on('fail', () => counts.failed++);
      runner.on('pending', () => counts.pending++);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });

  const skipped = result.pending > 0 ? `, ${result.pending} skipped` : '';
  console.log(`${options.name}: ${result.passed} passed, ${result.failed} failed${skipped}`);

  const resultFile = process.env[RESULT_FILE_ENV];
  if (resultFile) fs.writeFileSync(resultFile, `${JSON.stringify(result)}\n`);

  if (result.failed > 0) throw new Error(`${result.failed} of ${result.total} tests failed`);
  if (result.total === 0) throw new Error('no tests ran');
}
