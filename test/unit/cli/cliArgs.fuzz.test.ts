// Fuzz: random command lines given to the CLI's in-process entry (runCli, what dist/cli.js runs). Each argv is built
// from the real commands and options mixed with garbage (unknown options, missing or empty values, `--x=` forms,
// repeated options, odd Unicode, very long strings, stray positionals). Valid commands need not succeed; asserted:
// runCli never throws or rejects, its exit code is one of the documented codes (src/cli/exitCodes.ts), no output
// carries a stack trace or a JavaScript engine error, and a usage error (exit 4) says what is wrong on one line of
// stderr that starts with `acg` (a second line may only point at --help). No network: the cloud is the emulator's on
// a closed loopback port, the working directory a fresh folder with two samples. Seeded and bounded by a number of
// cases; the seed is printed and ACG_FUZZ_SEED=<n> replays it.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../../src/cli/main';
import { EXIT } from '../../../src/cli/exitCodes';
import { announceRun, fuzzRuns, fuzzSeed } from '../fuzz/fuzzRun';

const SEED = fuzzSeed(20_261_206);
const CASES = fuzzRuns(400);
const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const CODES: readonly number[] = Object.values(EXIT);

const COMMANDS = ['validate', 'rules', 'check', 'export', 'plan', 'apply', 'help', '--help', '-h', '--version', '-v'];
const OPTIONS = ['--format', '--default-country', '--gateway', '--subscription', '--fix', '--input', '--cloud', '--emulator-url', '--account', '--filter', '--out', '--journal', '--resume', '--yes', '-y', '--device-code', '--help', '-h'];

/** A path that stays inside the working folder (the fuzz must not walk or write outside it). */
const localPath = fc.oneof(
  fc.constantFrom('lab.acg-gateway.json', 'plan.acg-plan.json', 'missing.acg-plan.json', 'x.acg-numbers.csv', 'x.acg-migration.json', 'plan.json', 'journal.jsonl', '.', '*.json', '**/*', 'sub/', 'a b.acg-plan.json', 'é.acg-plan.json'),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[/\\]/g, '_').replace(/^\.\.?$/, 'dot').replace(/^~/, '_')),
);
const anyValue = fc.oneof(
  localPath,
  fc.constantFrom('', ' ', '-', '--', '=', 'text', 'json', 'sarif', 'markdown', 'csv', 'jsonl', 'xml', 'GB', 'gb', 'ZZ', 'all', 'role=', '=x', 'role=ProvisioningAPI.AdminUser', 'prefix=+44', 'service=OC,status=failed', 'status=', 'Emulator', 'AzureCloud', 'azurecloud', 'Mars', 'contoso-prod-gw', '/subscriptions/x/resourceGroups/y', '00000000-0000-0000-0000-000000000000', 'not-a-guid'),
  fc.constantFrom('https://127.0.0.1:1', 'http://127.0.0.1:1', 'https://example.com', 'https://127.0.0.1:1/path', 'https://user:pw@127.0.0.1:1', 'not a url', 'https://[::1]:1'),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
  fc.string({ maxLength: 6, unit: 'binary' }),
  fc.constantFrom('x'.repeat(10_000), '\u0000', '\uD800', '\u202Eevil', '--gateway', '--format=json'),
);
const option = fc.oneof(
  fc.constantFrom(...OPTIONS),
  fc.tuple(fc.constantFrom(...OPTIONS), anyValue).map(([name, value]) => `${name}=${value}`),
  fc.constantFrom('--', '-', '---gateway', '--Gateway', '--formats', '-f', '--no-yes', '--yes=true', '--help=1'),
  fc.string({ maxLength: 10 }).map((s) => `--${s}`),
);
const token = fc.oneof({ weight: 3, arbitrary: option }, { weight: 3, arbitrary: anyValue });
const randomArgv = fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: anyValue }), fc.array(token, { maxLength: 8 })).map(([command, rest]) => [command, ...rest]);

/** A full, valid command line of each command: near-valid ones break one token, so the checks deep in each parser run. */
const VALID: readonly (readonly string[])[] = [
  ['validate', 'lab.acg-gateway.json', '--format', 'json', '--default-country', 'GB'],
  ['rules', '--format', 'json'],
  ['check', '--gateway', 'contoso-prod-gw', '--subscription', '5b8e1a3c-2f4d-4b6a-8e9c-1d2f3a4b5c01', '--format', 'json', '--fix', 'all', '--input', 'role=ProvisioningAPI.AdminUser', '--cloud', 'Emulator', '--emulator-url', 'https://127.0.0.1:1'],
  ['export', '--gateway', 'contoso-prod-gw', '--account', 'Northwind-Traders', '--filter', 'prefix=+44,service=OC,status=failed', '--format', 'csv', '--out', 'out.csv'],
  ['plan', 'plan.acg-plan.json', '--gateway', 'contoso-prod-gw', '--out', 'plan.json', '--format', 'markdown'],
  ['plan', 'lab.acg-gateway.json', '--format=json'],
  ['apply', 'plan.json', '--yes', '--journal', 'journal.jsonl'],
  ['apply', 'plan.acg-plan.json', '--gateway', 'contoso-prod-gw', '--yes'],
  ['apply', '--resume', 'journal.jsonl', '--yes'],
];
const nearValidArgv = fc.tuple(fc.constantFrom(...VALID), fc.nat(), fc.oneof(token, anyValue), fc.constantFrom('replace', 'insert', 'delete', 'repeat')).map(([line, at, tokenValue, how]) => {
  const args = [...line];
  const i = 1 + (at % Math.max(1, args.length - 1));
  if (how === 'replace') args[i] = tokenValue;
  else if (how === 'insert') args.splice(i, 0, tokenValue);
  else if (how === 'delete') args.splice(i, 1);
  else args.push(...args.slice(i, i + 2));
  return args;
});
const argv = fc.oneof(randomArgv, nearValidArgv);

/** A stack frame line, or an engine error's name or wording, anywhere in the output. */
const CRASH = /^\s+at .+:\d+|\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b|Cannot read propert|is not a function|is not iterable|Maximum call stack|\[object Object\]|\bundefined\b/m;

describe('acg CLI arguments fuzz (random command lines)', function () {
  this.timeout(120_000);
  let cwd: string;

  before(() => {
    cwd = mkdtempSync(join(tmpdir(), 'acg-cli-fuzz-'));
    copyFileSync(join(SAMPLES, 'contoso-lab.acg-gateway.json'), join(cwd, 'lab.acg-gateway.json'));
    copyFileSync(join(SAMPLES, 'northwind.acg-plan.json'), join(cwd, 'plan.acg-plan.json'));
  });
  after(() => rmSync(cwd, { recursive: true, force: true }));

  it(`${CASES} random command lines: no exception, a documented exit code, no stack trace, usage errors on one line with exit 4`, async () => {
    // The emulator cloud on a closed port: a command that gets as far as signing in fails fast, here, with exit 3.
    const env = { ACG_CLOUD: 'Emulator', ACG_EMULATOR_URL: 'https://127.0.0.1:1' };
    const byCode = new Map<number, number>();
    announceRun('acg arguments', CASES, SEED);
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(args, (l) => out.push(l), (l) => err.push(l), cwd, env);
        byCode.set(code, (byCode.get(code) ?? 0) + 1);
        const shown = JSON.stringify(args).slice(0, 300);
        assert.ok(CODES.includes(code), `${shown}: exit ${code} is a documented code`);
        const all = [...out, ...err].join('\n');
        assert.doesNotMatch(all, CRASH, `${shown}: no stack trace or engine error`);
        if (code === EXIT.usage) {
          assert.ok(err.length >= 1 && err.length <= 2, `${shown}: the usage error is one line (and at most a --help pointer): ${JSON.stringify(err)}`);
          assert.match(err[0], /^acg( [a-z]+)?: \S/, `${shown}: the message names the command`);
          assert.ok(!err[0].includes('\n'), `${shown}: one line`);
          if (err.length === 2) assert.match(err[1], /--help/, `${shown}: the second line points at --help`);
        }
        // acg rules takes one option: anything else is a usage error too, not silently ignored.
        const rest = args.slice(1);
        const rulesOk = rest.length === 0 || rest.some((a) => a === '--help' || a === '-h') || (rest.length === 1 && /^--format=(text|json)$/.test(rest[0])) || (rest.length === 2 && rest[0] === '--format' && /^(text|json)$/.test(rest[1]));
        if (args[0] === 'rules' && code === EXIT.ok) assert.ok(rulesOk, `${shown}: acg rules ran only on a command line it takes`);
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
    console.log(`      acg arguments fuzz seed ${SEED}: ${CASES} command lines, 0 exceptions, exit codes ${[...byCode].sort(([a], [b]) => a - b).map(([c, n]) => `${c}×${n}`).join(' ')}`);
    assert.ok((byCode.get(EXIT.usage) ?? 0) > CASES / 4, 'most random command lines are usage errors');
  });
});
