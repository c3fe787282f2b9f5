import { strict as assert } from 'node:assert';
import { runCli } from '../../../src/cli/main';
import { RULES } from '../../../src/core/rules/ruleTable';

function capture(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('acg CLI', () => {
  it('lists every rule id with its severity and source', () => {
    const { code, out } = capture(['rules']);
    assert.equal(code, 0);
    for (const rule of Object.values(RULES)) assert.match(out, new RegExp(`^${rule.id}\\s+${rule.severity}\\s`, 'm'));
  });

  it('prints the rule table as JSON that round-trips', () => {
    const { code, out } = capture(['rules', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual((JSON.parse(out) as { id: string }[]).map((r) => r.id), Object.keys(RULES));
  });

  it('refuses an unknown format and an unknown command with exit code 2', () => {
    assert.equal(capture(['rules', '--format=xml']).code, 2);
    const unknown = capture(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
  });
});
