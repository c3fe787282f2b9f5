// The suites cannot be silently shortened: every mocha configuration refuses `.only`, no test file carries one, and a
// skipped test says why on the line before it.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return /\.(test|spec)\.ts$/.test(name) ? [full] : [];
  });
}

/** Every .ts file under `dir` (tests and their helpers). */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * A fixed sleep: a promise that a timer resolves, or the promise-based timers. Timers that trigger an action (abort
 * after N ms) or bound a wait with a rejection are not sleeps: the test does not wait on them to go on.
 */
const FIXED_SLEEP = [/setTimeout\(\s*(resolve|r|res|done)\s*[,)]/, /setTimeout\(\s*\(\)\s*=>\s*(resolve|r|res|done)\(\s*\)/, /from ['"](node:)?timers\/promises['"]/];

/** Files that poll a condition between timer ticks (a bounded loop that ends as soon as it holds), with why. */
const POLLING_ALLOWED: Readonly<Record<string, string>> = {
  'test/integration/helpers.ts': 'until(): polls a condition that VS Code offers no event for, up to a deadline',
  'test/runner/codeServer.ts': 'waits for code-server to listen on its port, which has no event',
  'test/support/contract/harness.ts': 'polls an ARM long-running operation to its end, as a client would',
};

describe('test hygiene', () => {
  it('every mocha configuration forbids .only', () => {
    for (const config of ['.mocharc.json', 'test/e2e/.mocharc.json']) {
      const options = JSON.parse(readFileSync(join(root, config), 'utf8')) as Record<string, unknown>;
      assert.equal(options['forbid-only'], true, config);
    }
    assert.match(readFileSync(join(root, 'test/runner/mochaEntry.ts'), 'utf8'), /forbidOnly: true/, 'the in-VS Code runner');
  });

  it('lint refuses .only in a test file (it, describe, context, test), and nothing else of the same name', async function () {
    this.timeout(60_000);
    const eslint = new ESLint({ cwd: root });
    // Built from parts, so this file itself does not carry the pattern the test above looks for.
    const only = (fn: string, name: string) => `${fn}.only('${name}', () => undefined);`;
    const fixture = [
      only('it', 'a'),
      only('describe', 'b'),
      only('context', 'c'),
      only('test', 'd'),
      "it['only']('e', () => undefined);",
      // Not a test function: a property that happens to be called only.
      "const options = { only: true };",
      "export const picked = options.only;",
      '',
    ].join('\n');
    const [result] = await eslint.lintText(fixture, { filePath: join(root, 'test/unit/onlyFixture.test.ts') });
    const onlyLines = result.messages.filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.line);
    assert.deepEqual(onlyLines, [1, 2, 3, 4, 5], JSON.stringify(result.messages));
    assert.ok(result.messages.filter((m) => m.ruleId === 'no-restricted-properties').every((m) => m.severity === 2), 'an error, not a warning');
  });

  it('no fixed sleeps in tests: wait on events or fake clocks (polling helpers listed with a reason)', () => {
    const problems: string[] = [];
    for (const file of tsFiles(join(root, 'test'))) {
      const path = relative(root, file).replace(/\\/g, '/');
      if (path === 'test/unit/testHygiene.test.ts' || POLLING_ALLOWED[path]) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (FIXED_SLEEP.some((pattern) => pattern.test(line))) problems.push(`${path}:${index + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(problems, [], 'a sleep waits a guessed time: wait for the event, or move a fake clock (test/support/fakeClock.ts)');
  });

  it('the sleep check recognises the usual spellings, and not a timer that triggers an action', () => {
    const sleeps = [
      'await new Promise((resolve) => setTimeout(resolve, 80));',
      'await new Promise((r) => setTimeout(r, 50));',
      'const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(() => resolve(), ms));',
      "import { setTimeout as wait } from 'node:timers/promises';",
    ];
    const notSleeps = ['setTimeout(() => controller.abort(), 100);', 'const timer = setTimeout(() => reject(new Error(\'timed out\')), timeoutMs);'];
    assert.deepEqual(sleeps.filter((line) => !FIXED_SLEEP.some((p) => p.test(line))), []);
    assert.deepEqual(notSleeps.filter((line) => FIXED_SLEEP.some((p) => p.test(line))), []);
  });

  it('no test file uses .only, and every skip has a reason in a comment just above it', () => {
    const problems: string[] = [];
    for (const file of testFiles(join(root, 'test'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        const where = `${relative(root, file)}:${index + 1}`;
        if (/\b(it|describe|context|test)\.only\(/.test(line)) problems.push(`${where} uses .only`);
        if (/\b(it|describe)\.skip\(|\bthis\.skip\(\)/.test(line) && !/\/\/|\/\*/.test(`${lines[index - 1] ?? ''} ${line}`)) problems.push(`${where} skips without a reason`);
      });
    }
    assert.deepEqual(problems, []);
  });
});
