// Quick fixes: applying one removes the diagnostic it was offered for, keeps the file valid, and edits only what it
// must (commas around a removed element, indentation of an inserted property).
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, configKindOf, validateConfig, type ConfigDiagnostic, type ConfigKind } from '../../../src/core/config';
import { CSV, PLAN, RULE_FIXTURES, edit } from './fixtures';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

function only(diagnostics: readonly ConfigDiagnostic[], ruleId: string): ConfigDiagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

function fixAndRecheck(kind: ConfigKind, text: string, d: ConfigDiagnostic, index = 0): { fixed: string; after: ConfigDiagnostic[] } {
  const fix = d.fixes?.[index];
  assert.ok(fix, `${d.ruleId} has no fix ${index}`);
  const fixed = applyEdits(text, fix.edits);
  return { fixed, after: validateConfig(kind, fixed) };
}

describe('config quick fixes', () => {
  describe('every fix offered on a rule fixture removes its diagnostic', () => {
    for (const fixture of RULE_FIXTURES) {
      const { text } = fixture.bad;
      const before = only(validateConfig(fixture.kind, text), fixture.ruleId);
      before.forEach((d, n) => {
        (d.fixes ?? []).forEach((fix, k) => {
          if (fix.command) return;
          it(`${fixture.ruleId} #${n + 1}: ${fix.title}`, () => {
            for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end);
            const { after } = fixAndRecheck(fixture.kind, text, d, k);
            assert.equal(only(after, fixture.ruleId).length, before.length - 1, `${fixture.ruleId} still reported after "${fix.title}"`);
            assert.deepEqual(only(after, 'ACG-SCHEMA-006'), [], 'the fix broke the syntax');
          });
        });
      });
    }
  });

  it('normalises a national number with the plan\'s declared country', () => {
    const { text } = edit(PLAN, ['"+442030000001"', '«"020 3000 0001"»']);
    const [d] = only(validateConfig('plan', text), 'ACG-NUM-001');
    assert.equal(d.fixes?.[0]?.edits[0]?.newText, '"+442030000001"');
    assert.equal(d.fixes?.[0]?.isPreferred, true);
  });

  it('normalises spaces, dashes and a 00 prefix without a country', () => {
    for (const [written, e164] of [
      ['+44 20-3000-0001', '+442030000001'],
      ['0044 20 3000 0001', '+442030000001'],
      ['442030000001', '+442030000001'],
    ] as const) {
      const text = PLAN.replace('"defaultCountry": "GB",\n', '').replace('"+442030000001"', JSON.stringify(written));
      const found = validateConfig('plan', text).filter((d) => d.ruleId.startsWith('ACG-NUM-') && d.fixes);
      assert.equal(found[0]?.fixes?.[0]?.edits[0]?.newText, JSON.stringify(e164), written);
    }
  });

  describe('removing a duplicate number', () => {
    const numbers = ['+442030000001', '+442030000002', '+442030000001', '+442030000003'];
    const plan = (list: string[]) =>
      `{"accounts": [{"name": "A", "serviceDetails": {"teamsOperatorConnect": {"enabled": true, "syncEnabled": true}}, "numbers": [\n${list
        .map((n) => `  {"telephoneNumber": "${n}", "serviceDetails": {"teamsOperatorConnect": {"enabled": true, "configuration": {"usage": "FirstPartyAppAssignment", "choosableCapabilities": ["InboundCalling"]}}}}`)
        .join(',\n')}\n]}]}`;

    it('takes the later occurrence and its following comma from the middle of a list', () => {
      const text = plan(numbers);
      const [d] = only(validateConfig('plan', text), 'ACG-NUM-014');
      assert.equal(d.related?.[0] && text.slice(d.related[0].range.start, d.related[0].range.end), '"+442030000001"');
      assert.ok(d.related![0].range.start < d.range.start, 'related points at the first occurrence');
      const { fixed, after } = fixAndRecheck('plan', text, d);
      assert.equal(fixed, plan(['+442030000001', '+442030000002', '+442030000003']));
      assert.deepEqual(after, []);
    });

    it('takes the comma before the last element of a list', () => {
      const text = plan(['+442030000001', '+442030000002', '+442030000001']);
      const [d] = only(validateConfig('plan', text), 'ACG-NUM-014');
      const { fixed } = fixAndRecheck('plan', text, d);
      assert.equal(fixed, plan(['+442030000001', '+442030000002']));
      assert.doesNotThrow(() => JSON.parse(fixed));
    });

    it('reports a repeat across accounts with the other account\'s entry as the related place', () => {
      const text = PLAN.replace('"+14255550105"', '"+442030000001"');
      const [d] = only(validateConfig('plan', text), 'ACG-NUM-014');
      assert.equal(d.message, '+442030000001 is listed more than once: list each number once.');
      const first = d.related?.[0]?.range;
      assert.ok(first && first.start < text.indexOf('"Fabrikam"'), 'related points into the first account, Northwind');
      assert.equal(text.slice(first.start, first.end), '"+442030000001"');
      assert.notEqual(d.fixes?.[0]?.isPreferred, true, 'different entries: removing is offered, not preferred');
    });
  });

  describe('adding a missing reason', () => {
    it('inserts a placeholder into a multi-line customerRelationship, indented like its members', () => {
      const text = PLAN.replace('"status": "AgreementSigned",\n        "comment": "OPS-1"', '"status": "ContractTerminated"');
      const [d] = only(validateConfig('plan', text), 'ACG-RFI-002');
      const { fixed, after } = fixAndRecheck('plan', text, d);
      assert.ok(fixed.includes('"status": "ContractTerminated",\n        "comment": "TODO: reason"\n'), fixed);
      assert.deepEqual(only(after, 'ACG-RFI-002'), []);
      assert.equal(only(after, 'ACG-RFI-004').length, 1, 'the placeholder stays visible as a warning');
    });

    it('inserts into a one-line object and fills a blank comment', () => {
      const oneLine = PLAN.replace(/"customerRelationship": \{[^}]*\}/, '"customerRelationship": {"status": "ConsentDeclined"}');
      const [d1] = only(validateConfig('plan', oneLine), 'ACG-RFI-002');
      assert.ok(fixAndRecheck('plan', oneLine, d1).fixed.includes('{"status": "ConsentDeclined", "comment": "TODO: reason"}'));
      const blank = PLAN.replace('"status": "AgreementSigned",\n        "comment": "OPS-1"', '"status": "ConsentDeclined",\n        "comment": " "');
      const [d2] = only(validateConfig('plan', blank), 'ACG-RFI-002');
      assert.ok(fixAndRecheck('plan', blank, d2).fixed.includes('"comment": "TODO: reason"'));
    });
  });

  describe('CSV cells', () => {
    it('normalises a number cell, the case of an enum cell and a boolean, quoting when needed', () => {
      const text = CSV.replace('+442030000100,Northwind,true,FirstPartyAppAssignment,InboundCalling', '0044 20 3000 0100,Northwind,TRUE,firstPartyAppAssignment,"inboundCalling;OutboundCalling"');
      const diagnostics = validateConfig('numbersCsv', text);
      const newTexts = diagnostics.flatMap((d) => d.fixes ?? []).map((f) => f.edits[0]?.newText);
      assert.deepEqual(newTexts, ['+442030000100', 'true', 'FirstPartyAppAssignment', '"InboundCalling,OutboundCalling"']);
      const all = diagnostics.flatMap((d) => d.fixes?.[0]?.edits ?? []);
      assert.deepEqual(validateConfig('numbersCsv', applyEdits(text, all)), []);
    });

    it('renames a heading written in another case', () => {
      const text = CSV.replace('telephoneNumber,', 'TelephoneNumber,');
      const d = validateConfig('numbersCsv', text).find((x) => x.ruleId === 'ACG-CSV-003');
      assert.equal(d?.fixes?.[0]?.title, 'Rename the column to telephoneNumber');
      assert.deepEqual(validateConfig('numbersCsv', applyEdits(text, d!.fixes![0].edits)), []);
    });

    it('removes a duplicate row with its line break', () => {
      const row = '+442030000100,Northwind,true,FirstPartyAppAssignment,InboundCalling,,,northwind\n';
      const text = `${CSV}${row}`;
      const [d] = only(validateConfig('numbersCsv', text), 'ACG-NUM-014');
      assert.equal(applyEdits(text, d.fixes![0].edits), CSV);
    });
  });

  it('offers splitting as a command when a plan or CSV is over 10,000', () => {
    const plan = RULE_FIXTURES.find((f) => f.ruleId === 'ACG-PLAN-001')!;
    const [d] = only(validateConfig('plan', plan.bad.text), 'ACG-PLAN-001');
    assert.deepEqual(d.fixes?.map((f) => [f.command, f.edits.length]), [['splitPlan', 0]]);
    const csv = RULE_FIXTURES.find((f) => f.ruleId === 'ACG-CSV-001')!;
    const [c] = only(validateConfig('numbersCsv', csv.bad.text), 'ACG-CSV-001');
    assert.deepEqual(c.fixes?.map((f) => f.command), ['splitCsv']);
  });

  it('applying every preferred fix to the broken samples leaves fewer problems and valid syntax', () => {
    for (const name of readdirSync(SAMPLES).filter((n) => n.startsWith('broken'))) {
      const kind = configKindOf(name)!;
      const text = readFileSync(join(SAMPLES, name), 'utf8');
      const before = validateConfig(kind, text);
      const edits = [];
      let end = -1;
      // Non-overlapping preferred fixes, in text order (as "Fix all" would pick them).
      for (const fix of before.flatMap((d) => (d.fixes ?? []).filter((f) => f.isPreferred && f.edits.length > 0))) {
        const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
        if (sorted[0].range.start <= end) continue;
        edits.push(...sorted);
        end = sorted[sorted.length - 1].range.end;
      }
      assert.ok(edits.length > 0, `${name} offers preferred fixes`);
      const after = validateConfig(kind, applyEdits(text, edits));
      assert.ok(after.length < before.length, `${name}: ${before.length} → ${after.length}`);
      assert.deepEqual(only(after, 'ACG-SCHEMA-006'), [], name);
    }
  });
});
