// Fuzz: the config parsers and validators (src/core/config and its rules) on mutated files. Each case starts from a
// real sample (samples/) or a test fixture, applies one to four mutations (./../fuzz/textMutations.ts: character
// edits, truncation, lines deleted or duplicated, values of the wrong JSON type, huge strings, odd Unicode, BOMs,
// CRLF, CSV quoting), then validates. Asserted: no exception; every finding, related place and fix edit is a
// well-formed range (0 ≤ start ≤ end ≤ length); a fix's edits do not overlap, and the text they make validates again
// without an exception; the readers built on the validators (csvToPlan, splitCsv, splitPlan, migrationToPowerShell)
// do not throw either. Seeded and bounded by a number of cases; the seed is printed and ACG_FUZZ_SEED=<n> replays it.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, configKindOf, csvToPlan, migrationToPowerShell, splitCsv, splitPlan, validateConfig, type ConfigDiagnostic, type ConfigKind, type TextRange } from '../../../src/core/config';
import { announceRun, fuzzRuns, fuzzSeed } from '../fuzz/fuzzRun';
import { csvMutation, jsonMutation, mutations, textMutation } from '../fuzz/textMutations';
import { CSV, LAB_GATEWAY, MIGRATION, PLAN, PROD_GATEWAY } from './fixtures';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const SEED = fuzzSeed(20_261_205);
const CASES = fuzzRuns(200);

function starts(kind: ConfigKind): { name: string; text: string }[] {
  const samples = readdirSync(SAMPLES)
    .filter((name) => configKindOf(name) === kind)
    .map((name) => ({ name, text: readFileSync(join(SAMPLES, name), 'utf8') }));
  const fixtures = { gateway: [LAB_GATEWAY, PROD_GATEWAY], plan: [PLAN], migration: [MIGRATION], numbersCsv: [CSV] }[kind];
  return [...samples, ...fixtures.map((text, i) => ({ name: `fixture ${kind} ${i + 1}`, text }))];
}

function wellFormed(text: string, range: TextRange, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: whole-number offsets ${JSON.stringify(range)}`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${what}: range ${JSON.stringify(range)} inside 0..${text.length}`);
}

/** Every range well-formed and inside the text, fix edits disjoint; returns the fixes' edit lists. */
function checkFindings(text: string, diagnostics: readonly ConfigDiagnostic[]): void {
  for (const d of diagnostics) {
    wellFormed(text, d.range, d.ruleId);
    assert.ok(d.message.length > 0, `${d.ruleId}: a message`);
    for (const r of d.related ?? []) wellFormed(text, r.range, `${d.ruleId} related`);
    for (const fix of d.fixes ?? []) {
      const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      edits.forEach((e, i) => {
        wellFormed(text, e.range, `${d.ruleId} fix "${fix.title}"`);
        if (i > 0) assert.ok(edits[i - 1].range.end <= e.range.start, `${d.ruleId} fix "${fix.title}": edits overlap`);
      });
    }
  }
}

interface Figures {
  cases: number;
  findings: number;
  fixesApplied: number;
}

function validateAll(kind: ConfigKind, text: string, figures: Figures): void {
  const diagnostics = validateConfig(kind, text);
  figures.findings += diagnostics.length;
  checkFindings(text, diagnostics);
  // The quick fixes: each one's text validates again (its own findings well-formed), the command fixes run.
  for (const fix of diagnostics.flatMap((d) => d.fixes ?? []).slice(0, 3)) {
    if (fix.command === 'splitPlan') splitPlan(text);
    else if (fix.command === 'splitCsv') splitCsv(text);
    if (fix.edits.length === 0) continue;
    const fixed = applyEdits(text, fix.edits);
    checkFindings(fixed, validateConfig(kind, fixed));
    figures.fixesApplied++;
  }
  if (kind === 'numbersCsv') csvToPlan(text, { defaultCountry: 'GB' });
  if (kind === 'migration') migrationToPowerShell(text);
}

const KINDS: readonly { kind: ConfigKind; label: string; structural: fc.Arbitrary<readonly [string, (t: string) => string]> }[] = [
  { kind: 'plan', label: '*.acg-plan.json', structural: jsonMutation },
  { kind: 'gateway', label: '*.acg-gateway.json', structural: jsonMutation },
  { kind: 'migration', label: '*.acg-migration.json', structural: jsonMutation },
  { kind: 'numbersCsv', label: '*.acg-numbers.csv', structural: csvMutation },
];

describe('config parsers and validators fuzz (mutated samples and fixtures)', function () {
  this.timeout(120_000);

  for (const { kind, label, structural } of KINDS) {
    it(`${label}: ${CASES} mutated files, no exception, every finding and fix inside the document`, () => {
      const figures: Figures = { cases: 0, findings: 0, fixesApplied: 0 };
      const from = starts(kind);
      announceRun(`${label} parser`, CASES, SEED);
      fc.assert(
        fc.property(fc.constantFrom(...from), mutations([textMutation, structural, structural]), (start, steps) => {
          figures.cases++;
          let text = start.text;
          for (const [, mutate] of steps) text = mutate(text);
          validateAll(kind, text, figures);
        }),
        { seed: SEED, numRuns: CASES, endOnFailure: true },
      );
      console.log(`      ${label} fuzz seed ${SEED}: ${figures.cases} files from ${from.length} starts, 0 exceptions, ${figures.findings} findings in range, ${figures.fixesApplied} quick fixes applied and revalidated`);
      assert.equal(figures.cases, CASES);
    });
  }
});

describe('config parsers: regressions the fuzz found', () => {
  it('an unclosed block comment at the end of a JSON file: the syntax error ends at the end of the text, not past it', () => {
    for (const kind of ['plan', 'gateway', 'migration'] as const) {
      for (const text of ['/*', '{}/*', '{\n  "name": "x" /* note', '\uFEFF/*']) {
        const diagnostics = validateConfig(kind, text);
        assert.ok(diagnostics.some((d) => d.ruleId === 'ACG-SCHEMA-006'), `${kind} ${JSON.stringify(text)}: a syntax error`);
        checkFindings(text, diagnostics);
      }
    }
  });
});
