// The incremental session must give exactly what a full validation gives, whatever the edit: inside one number,
// across numbers, adding and removing lines, breaking the syntax for a while, and edits outside the numbers lists.
import { strict as assert } from 'node:assert';
import { ConfigValidationSession, validateConfig, type ConfigKind } from '../../../src/core/config';
import { PLAN } from './fixtures';

function bigPlan(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => {
    const tel = `+4420${30000000 + i}`;
    return i % 2 === 0
      ? `{"telephoneNumber":"${tel}","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}}}`
      : `{"telephoneNumber":"${tel}","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling"],"locationId":"loc"}}}}`;
  });
  return `{\n  "accounts": [\n    {\n      "name": "Bulk",\n      "serviceDetails": {"teamsOperatorConnect": {"enabled": true, "syncEnabled": true}},\n      "numbers": [\n        ${lines.join(',\n        ')}\n      ]\n    },\n    {\n      "name": "Other",\n      "serviceDetails": {"teamsOperatorConnect": {"enabled": true, "syncEnabled": true}},\n      "numbers": [\n        {"telephoneNumber":"+441134960000","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}}}\n      ]\n    }\n  ],\n  "relationships": [{"tenantId": "d03b82dc-4553-48a6-9dc6-6947743824e4", "customerRelationship": {"status": "CustomerContacted"}}]\n}\n`;
}

function replaceAt(text: string, at: number, length: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + length);
}

function check(session: ConfigValidationSession, kind: ConfigKind, text: string, step: string): void {
  assert.deepEqual(session.update(text), validateConfig(kind, text), step);
}

describe('ConfigValidationSession', () => {
  it('matches a full validation through a sequence of plan edits', () => {
    const session = new ConfigValidationSession('plan');
    let text = bigPlan(400);
    check(session, 'plan', text, 'initial');
    const steps: [string, (t: string) => string, string][] = [
      ['one number made national', (t) => t.replace('"+442030000123"', '"020 3000 0123"'), 'incremental'],
      ['fixed again', (t) => t.replace('"020 3000 0123"', '"+442030000123"'), 'incremental'],
      ['duplicate created', (t) => t.replace('"+442030000200"', '"+442030000100"'), 'incremental'],
      ['duplicate across accounts', (t) => t.replace('"+441134960000"', '"+442030000007"'), 'incremental'],
      ['line added after the last number', (t) => t.replace('"locationId":"loc"}}}}\n      ]', '"locationId":"loc"}}}},\n        {"telephoneNumber":"+442039999999","serviceDetails":{"teamsPhoneMobile":{"enabled":true}}}\n      ]'), 'incremental'],
      ['line removed from the middle', (t) => t.replace(/\n {8}\{"telephoneNumber":"\+442030000050"[^\n]*,/, ''), 'incremental'],
      ['first line removed', (t) => t.replace(/\n {8}\{"telephoneNumber":"\+442030000000"[^\n]*,/, ''), 'incremental'],
      ['two lines edited at once', (t) => t.replace('"+442030000010"', '"x"').replace('"+442030000011"', '"+44 20"'), 'incremental'],
      ['usage typo', (t) => t.replace('"usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling"],"locationId":"loc"}}}},\n        {"telephoneNumber":"+442030000022"', '"usage":"callingUserAssignment","choosableCapabilities":["InboundCalling"],"locationId":"loc"}}}},\n        {"telephoneNumber":"+442030000022"'), 'incremental'],
      ['account-level edit', (t) => t.replace('"name": "Other"', '"name": "Other Co"'), 'full'],
      ['relationship edit', (t) => t.replace('"status": "CustomerContacted"', '"status": "ConsentDeclined"'), 'full'],
      ['number edit after a full run', (t) => t.replace('"+442030000300"', '"+442030000301"'), 'incremental'],
      ['everything removed', () => '', 'full'],
      ['back', () => bigPlan(50), 'full'],
    ];
    for (const [name, change, mode] of steps) {
      text = change(text);
      check(session, 'plan', text, name);
      assert.equal(session.lastMode, mode, name);
    }
  });

  it('keeps the rest while a number is momentarily broken, then recovers', () => {
    const session = new ConfigValidationSession('plan');
    const good = bigPlan(100).replace('"+442030000070"', '"+44 20 3000 0070"');
    check(session, 'plan', good, 'initial');
    const at = good.indexOf('{"telephoneNumber":"+442030000042"');
    const broken = replaceAt(good, at, 1, '');
    const shown = session.update(broken);
    assert.equal(session.lastMode, 'broken');
    const syntax = shown.filter((d) => d.ruleId === 'ACG-SCHEMA-006');
    assert.ok(syntax.length > 0, 'the syntax error is reported');
    for (const d of syntax) assert.ok(Math.abs(d.range.start - at) < 200, 'near the edit');
    const kept = shown.find((d) => d.ruleId === 'ACG-NUM-001');
    assert.ok(kept, 'the diagnostic further down is kept');
    assert.equal(broken.slice(kept.range.start, kept.range.end), '"+44 20 3000 0070"', 'and shifted with the edit');
    const typing = replaceAt(broken, at + 5, 0, 'x');
    assert.ok(session.update(typing).some((d) => d.ruleId === 'ACG-SCHEMA-006'));
    check(session, 'plan', good.replace('"+442030000042"', '"+442030000043"'), 'repaired');
  });

  it('returns the same array for the same text, and validates other kinds in full', () => {
    const session = new ConfigValidationSession('plan');
    const first = session.update(PLAN);
    assert.equal(session.update(PLAN), first);
    assert.equal(session.lastMode, 'cached');
    const gateway = new ConfigValidationSession('gateway');
    check(gateway, 'gateway', '{"name": "x"}', 'gateway');
    const csv = new ConfigValidationSession('numbersCsv');
    check(csv, 'numbersCsv', 'Numbers\n123\n', 'csv');
  });

  it('matches a full validation on a JSONC plan (comments, trailing commas) and after reset', () => {
    const session = new ConfigValidationSession('plan');
    const jsonc = PLAN.replace('"accounts": [', '// accounts\n  "accounts": [');
    check(session, 'plan', jsonc, 'jsonc');
    session.reset();
    check(session, 'plan', PLAN, 'after reset');
  });

  it('applies options such as the default country', () => {
    const text = PLAN.replace('"defaultCountry": "GB",\n', '').replace('"+442030000001"', '"020 3000 0001"');
    const session = new ConfigValidationSession('plan', { defaultCountry: 'GB' });
    const d = session.update(text).find((x) => x.ruleId === 'ACG-NUM-001');
    assert.equal(d?.fixes?.[0]?.edits[0]?.newText, '"+442030000001"');
  });
});
