// The suites cannot be silently shortened: every mocha configuration refuses `.only`, no test file carries one, and a
// skipped test says why on the line before it.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return /\.(test|spec)\.ts$/.test(name) ? [full] : [];
  });
}

describe('test hygiene', () => {
  it('every mocha configuration forbids .only', () => {
    for (const config of ['.mocharc.json', 'test/e2e/.mocharc.json']) {
      const options = JSON.parse(readFileSync(join(root, config), 'utf8')) as Record<string, unknown>;
      assert.equal(options['forbid-only'], true, config);
    }
    assert.match(readFileSync(join(root, 'test/runner/mochaEntry.ts'), 'utf8'), /forbidOnly: true/, 'the in-VS Code runner');
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
