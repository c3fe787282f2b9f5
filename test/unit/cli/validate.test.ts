// `acg validate` end to end through runCli: compiler-style lines, exit codes, JSON, and SARIF that validates against
// the official SARIF 2.1.0 schema (sarif-2.1.0-rtm.5.json, shipped by @microsoft/jest-sarif).
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli } from '../../../src/cli/main';
import { expandBraces, expandGlob } from '../../../src/cli/glob';
import { RULES } from '../../../src/core/rules/ruleTable';

const ROOT = join(__dirname, '..', '..', '..');

async function run(argv: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l), cwd);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Key lines per broken sample (path:line:col: severity id), as a compiler would print them.
const KEY_LINES: Readonly<Record<string, readonly string[]>> = {
  'broken.acg-plan.json': [
    'samples/broken.acg-plan.json:7:24: error ACG-REF-001',
    'samples/broken.acg-plan.json:9:26: error ACG-TEN-001',
    'samples/broken.acg-plan.json:17:28: error ACG-NUM-001 020 3000 0001 contains spaces',
    'samples/broken.acg-plan.json:18:28: error ACG-NUM-004',
    'samples/broken.acg-plan.json:20:28: warning ACG-NUM-005',
    'samples/broken.acg-plan.json:23:224: error ACG-NUM-008',
    'samples/broken.acg-plan.json:29:28: error ACG-NUM-014 +442030000000 is listed more than once: list each number once.',
    '  samples/broken.acg-plan.json:16:28: note: +442030000000 is first listed here.',
    'samples/broken.acg-plan.json:45:28: error ACG-NUM-014',
    'samples/broken.acg-plan.json:59:15: error ACG-PLAN-003',
    'samples/broken.acg-plan.json:71:7: error ACG-RFI-002',
    'samples/broken.acg-plan.json:89:19: error ACG-PLAN-004',
  ],
  'broken.acg-gateway.json': [
    'samples/broken.acg-gateway.json:1:1: error ACG-SCHEMA-001 location is required.',
    'samples/broken.acg-gateway.json:6:3: warning ACG-SCHEMA-005 Unknown property locaton: did you mean location?',
    'samples/broken.acg-gateway.json:16:33: warning ACG-GW-015 10.20.30.40 is private',
    'samples/broken.acg-gateway.json:17:72: warning ACG-GW-016',
    'samples/broken.acg-gateway.json:22:17: error ACG-GW-008',
    'samples/broken.acg-gateway.json:39:3: warning ACG-TL-003',
    'samples/broken.acg-gateway.json:53:25: warning ACG-TL-004',
  ],
  'broken.acg-numbers.csv': [
    'samples/broken.acg-numbers.csv:1:363: error ACG-CSV-003 Unknown column Notes',
    'samples/broken.acg-numbers.csv:3:33: error ACG-SCHEMA-002 enabled must be true or false, not the text "TRUE": write true.',
    'samples/broken.acg-numbers.csv:5:60: error ACG-NUM-008',
    'samples/broken.acg-numbers.csv:8:1: error ACG-NUM-014 +442030000100 is listed more than once: list each number once.',
    '  samples/broken.acg-numbers.csv:2:1: note: +442030000100 is first listed here.',
    'samples/broken.acg-numbers.csv:9:1: error ACG-CSV-005 This row has 4 cells, the heading row 9',
  ],
  'broken.acg-migration.json': [
    'samples/broken.acg-migration.json:13:35: error ACG-MIG-002',
    'samples/broken.acg-migration.json:14:22: error ACG-MIG-003 Wait 5 minutes is too short',
    'samples/broken.acg-migration.json:27:30: error ACG-MIG-004',
    'samples/broken.acg-migration.json:36:19: error ACG-MIG-007',
    'samples/broken.acg-migration.json:40:28: error ACG-MIG-009',
  ],
};

describe('acg validate', () => {
  for (const [name, lines] of Object.entries(KEY_LINES)) {
    it(`prints ${name}'s diagnostics as file:line:col: severity code message, and exits 1`, async () => {
      const { code, out, err } = await run(['validate', `samples/${name}`]);
      assert.equal(err, '');
      assert.equal(code, 1);
      const printed = out.split('\n');
      for (const line of lines) assert.ok(printed.some((p) => p.startsWith(line)), `missing: ${line}`);
      assert.match(printed[printed.length - 1], /^\d+ errors?, \d+ warnings? in 1 file\.$/);
    });
  }

  it('exits 0 on the valid samples, given as a glob and as files', async () => {
    const glob = await run(['validate', 'samples/{contoso,northwind,numbers,move}*']);
    assert.equal(glob.code, 0, glob.out + glob.err);
    assert.equal(glob.out, '0 errors, 0 warnings in 6 files.');
    const files = await run(['validate', 'samples/northwind.acg-plan.json', './samples/numbers-oc.acg-numbers.csv']);
    assert.equal(files.code, 0);
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acg-validate-'));
    try {
      const plan = JSON.parse(readFileSync(join(ROOT, 'samples', 'northwind.acg-plan.json'), 'utf8')) as { accounts: { numbers?: { serviceDetails: { teamsOperatorConnect?: { configuration?: Record<string, unknown> } } }[] }[] };
      delete plan.accounts[0].numbers![3].serviceDetails.teamsOperatorConnect!.configuration!['locationId'];
      writeFileSync(join(dir, 'w.acg-plan.json'), JSON.stringify(plan, null, 2));
      const { code, out } = await run(['validate', 'w.acg-plan.json'], dir);
      assert.equal(code, 0);
      assert.match(out, /w\.acg-plan\.json:\d+:\d+: warning ACG-NUM-010/);
      assert.match(out, /0 errors, 1 warning in 1 file\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates every config file under a folder', async () => {
    const { code, out } = await run(['validate', 'samples']);
    assert.equal(code, 1);
    assert.match(out, /in 13 files\.$/);
  });

  it('exits 3 with the path and the reason for unreadable or unusable inputs', async () => {
    const missing = await run(['validate', 'samples/nothere.acg-plan.json']);
    assert.equal(missing.code, 3);
    assert.equal(missing.err, 'acg validate: cannot read samples/nothere.acg-plan.json: no such file or folder (ENOENT).');
    const notConfig = await run(['validate', 'package.json']);
    assert.equal(notConfig.code, 3);
    assert.match(notConfig.err, /package\.json is not a config file: its name must end in \.acg-gateway\.json/);
    const noMatch = await run(['validate', 'samples/*.acg-nothing.json']);
    assert.equal(noMatch.code, 3);
    assert.match(noMatch.err, /no config files match 'samples\/\*\.acg-nothing\.json'/);
    const mixed = await run(['validate', 'samples/broken.acg-plan.json', 'gone.acg-plan.json']);
    assert.equal(mixed.code, 3, 'an unreadable file wins over errors found');
    assert.match(mixed.out, /ACG-NUM-001/, 'the readable files are still reported');
  });

  it('exits 4 on usage errors, with the problem on one line and a pointer to --help (found by the CLI argument fuzz)', async () => {
    for (const argv of [['validate'], ['validate', '--format', 'xml', 'samples'], ['validate', '--bogus', 'samples'], ['validate', '--format'], ['validate', '--default-country', 'GBR', 'samples']]) {
      const { code, out, err } = await run(argv);
      assert.equal(code, 4, argv.join(' '));
      assert.match(err, /^acg validate: [^\n]+\nRun 'acg validate --help' for the options\.$/, argv.join(' '));
      assert.equal(out, '');
    }
  });

  it('prints its usage on --help and -h, as every other command does, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run(['validate', flag]);
      assert.equal(code, 0, flag);
      assert.match(out, /^Usage: acg validate <files\|globs\|folders\.\.\.>/);
      assert.equal(err, '');
    }
  });

  it('writes JSON with positions, related places and fixes', async () => {
    const { code, out } = await run(['validate', '--format=json', 'samples/broken.acg-plan.json']);
    assert.equal(code, 1);
    const result = JSON.parse(out) as {
      files: { path: string; kind: string; diagnostics: { ruleId: string; range: { startLine: number; startColumn: number }; related?: unknown[]; fixes?: { title: string }[] }[] }[];
      summary: { errors: number; warnings: number; files: number };
    };
    assert.equal(result.files[0].kind, 'plan');
    const d = result.files[0].diagnostics.find((x) => x.ruleId === 'ACG-NUM-001')!;
    assert.deepEqual([d.range.startLine, d.range.startColumn], [17, 28]);
    assert.equal(d.fixes?.[0]?.title, 'Change to "+442030000001"');
    assert.ok(result.files[0].diagnostics.some((x) => x.ruleId === 'ACG-NUM-014' && x.related?.length === 1));
    assert.equal(result.summary.files, 1);
    assert.ok(result.summary.errors > 10);
  });

  it('writes SARIF 2.1.0 that validates against the official schema', async () => {
    const { code, out } = await run(['validate', '--format', 'sarif', 'samples']);
    assert.equal(code, 1);
    const log = JSON.parse(out) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]; relatedLocations?: unknown[]; fixes?: unknown[] }[];
      }[];
    };
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The official schema has a pattern (language tags) that is not valid with the u flag; the schema is draft-04.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    const [run0] = log.runs;
    assert.deepEqual(run0.tool.driver.rules.map((r) => r.id), Object.keys(RULES));
    for (const rule of run0.tool.driver.rules) assert.equal(rule.helpUri, RULES[rule.id as keyof typeof RULES].sourceUrl);
    const number = run0.results.find((r) => r.ruleId === 'ACG-NUM-001' && r.locations[0].physicalLocation.artifactLocation.uri === 'samples/broken.acg-plan.json')!;
    assert.deepEqual(number.locations[0].physicalLocation.region, { startLine: 17, startColumn: 28, endLine: 17, endColumn: 43, charOffset: number.locations[0].physicalLocation.region['charOffset'], charLength: 15 });
    assert.equal(run0.tool.driver.rules[number.ruleIndex].id, 'ACG-NUM-001');
    assert.ok(number.fixes && number.fixes.length === 1);
    assert.ok(run0.results.some((r) => r.ruleId === 'ACG-NUM-014' && r.relatedLocations?.length === 1));
    assert.ok(run0.results.some((r) => r.level === 'warning') && run0.results.some((r) => r.level === 'error'));
  });

  it('keeps `acg rules` working', async () => {
    assert.equal((await run(['rules'])).code, 0);
  });
});

describe('acg glob expansion', () => {
  it('expands braces, nested too', async () => {
    assert.deepEqual(expandBraces('a{b,c{d,e}}f'), ['abf', 'acdf', 'acef']);
    assert.deepEqual(expandBraces('plain'), ['plain']);
  });

  it('matches *, ?, [..] and ** relative to the working directory, skipping dot folders and node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acg-glob-'));
    try {
      for (const path of ['a/x.acg-plan.json', 'a/b/y.acg-plan.json', 'a/b/c/z1.acg-plan.json', '.hidden/h.acg-plan.json', 'node_modules/m.acg-plan.json', 'top.acg-plan.json']) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), '{}');
      }
      assert.deepEqual(expandGlob('**/*.acg-plan.json', dir), ['a/b/c/z1.acg-plan.json', 'a/b/y.acg-plan.json', 'a/x.acg-plan.json', 'top.acg-plan.json']);
      assert.deepEqual(expandGlob('a/*/?.acg-plan.json', dir), ['a/b/y.acg-plan.json']);
      assert.deepEqual(expandGlob('a/**/z[0-9].acg-plan.json', dir), ['a/b/c/z1.acg-plan.json']);
      assert.deepEqual(expandGlob('.hidden/*.json', dir), ['.hidden/h.acg-plan.json']);
      assert.deepEqual(expandGlob(`${dir}/a/*.json`, '/'), [`${dir}/a/x.acg-plan.json`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
