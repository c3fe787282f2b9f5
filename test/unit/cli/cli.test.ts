import { strict as assert } from 'node:assert';
import { AcgError } from '../../../src/azure/errors';
import { runCli } from '../../../src/cli/main';
import { RULES } from '../../../src/core/rules/ruleTable';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('acg CLI', () => {
  it('lists every rule id with its severity and source', async () => {
    const { code, out } = await capture(['rules']);
    assert.equal(code, 0);
    for (const rule of Object.values(RULES)) assert.match(out, new RegExp(`^${rule.id}\\s+${rule.severity}\\s`, 'm'));
  });

  it('prints the rule table as JSON that round-trips', async () => {
    const { code, out } = await capture(['rules', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual((JSON.parse(out) as { id: string }[]).map((r) => r.id), Object.keys(RULES));
  });

  it('reports an unexpected failure as every face does (presentError), with what to do, and exits 3 (could not run)', async () => {
    const err: string[] = [];
    const failingOut = (): void => {
      throw new AcgError({ kind: 'notSignedIn', message: 'Not signed in to Azure.', service: 'entra', requestId: 'r-1' });
    };
    const code = await runCli(['rules'], failingOut, (line) => err.push(line));
    assert.equal(code, 3);
    assert.deepEqual(err, ['acg: Not signed in to Azure.', '  Microsoft Entra ID', '  Request id: r-1', '  To fix: sign in (az login, or the AZURE_* environment variables) and run it again.']);
  });

  it('refuses an unknown format and an unknown command with exit code 4 (usage)', async () => {
    assert.equal((await capture(['rules', '--format=xml'])).code, 4);
    const unknown = await capture(['frobnicate']);
    assert.equal(unknown.code, 4);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
  });

  it('refuses an unknown option or argument to acg rules with exit code 4, as every command does (found by the CLI argument fuzz)', async () => {
    for (const argv of [['rules', '--bogus'], ['rules', 'x'], ['rules', '--format', 'json', '--format', 'text'], ['rules', '--format'], ['rules', '--format=']]) {
      const { code, out, err } = await capture(argv);
      assert.equal(code, 4, argv.join(' '));
      assert.match(err, /^acg rules: [^\n]+$/, argv.join(' '));
      assert.equal(out, '');
    }
    assert.equal((await capture(['rules', '--format=json'])).code, 0);
    assert.match((await capture(['rules', '--help'])).out, /acg rules \[--format text\|json\]/);
  });

  it('never lets an argument break a message over lines or send control characters to the terminal (found by the CLI argument fuzz)', async () => {
    for (const argv of [['a\nb'], ['check', '--gateway', 'x', '--bogus\r\n'], ['validate', '--format', '\u001b[31mred'], ['plan', 'x\u2028y.acg-plan.json']]) {
      const { code, err } = await capture(argv);
      assert.equal(code, 4, JSON.stringify(argv));
      assert.ok(err.split('\n').length <= 2, `${JSON.stringify(argv)}: ${JSON.stringify(err)}`);
      const controls = [...err.split('\n')[0]].filter((c) => c !== '\t' && (c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) || c === '\u2028' || c === '\u2029'));
      assert.deepEqual(controls, [], JSON.stringify(argv));
    }
    assert.match((await capture(['a\nb'])).err, /^acg: unknown command 'a\\nb'\./);
  });

  it('refuses an empty file name as a usage error that says so, not as a blank in a sentence or the whole folder (found by the CLI argument fuzz)', async () => {
    const plan = await capture(['plan', '']);
    assert.equal(plan.code, 4);
    assert.match(plan.err, /^acg plan: the desired file name is empty\./);
    const apply = await capture(['apply', '', '--gateway', 'contoso-prod-gw', '--yes']);
    assert.equal(apply.code, 4);
    assert.match(apply.err, /^acg apply: the plan file name is empty\./);
    const validate = await capture(['validate', '']);
    assert.equal(validate.code, 4, 'acg validate "" does not validate the working folder');
    assert.match(validate.err, /^acg validate: an empty file name: name a file, folder or glob\./);
  });
});
