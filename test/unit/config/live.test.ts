import { strict as assert } from 'node:assert';
import { extractPlanReferences, liveFindings, numbersToCheck, type LiveResults } from '../../../src/core/config/live';
import { RULES } from '../../../src/core/rules/ruleTable';

const PLAN = `{
  "gateway": { "subscriptionId": "5b8e1a3c-2f4d-4b6a-8e9c-1d2f3a4b5c01", "resourceGroup": "rg", "name": "contoso-prod-gw" },
  "accounts": [
    {
      "name": "Nobody-Ltd",
      "serviceDetails": { "teamsTenantId": "d03b82dc-4553-48a6-9dc6-6947743824e4" }
    },
    {
      "name": "Adatum-Corp",
      "numbers": [
        { "telephoneNumber": "+14255550101" },
        { "telephoneNumber": "+12065550120", "serviceDetails": { "teamsOperatorConnect": { "enabled": true, "configuration": { "civicAddressId": "AAAA0000-0000-4000-8000-000000000001", "locationId": "bbbb0000-0000-4000-8000-000000000002" } } } },
        { "telephoneNumber": "+12065550121", "serviceDetails": { "teamsPhoneMobile": { "enabled": true, "configuration": { "locationId": "cccc0000-0000-4000-8000-000000000003" } } } }
      ]
    }
  ]
}`;

function slice(range: { start: number; end: number }, text = PLAN): string {
  return text.slice(range.start, range.end);
}

const RESULTS: LiveResults = {
  accounts: new Map([
    ['Nobody-Ltd', false],
    ['Adatum-Corp', true],
  ]),
  civic: new Map([['Adatum-Corp', { addresses: new Set(['aaaa0000-0000-4000-8000-000000000001']), locations: new Set(['bbbb0000-0000-4000-8000-000000000002']) }]]),
  owners: new Map<string, string | null>([
    ['+14255550101', 'Fabrikam-Finance'],
    ['+12065550120', 'Adatum-Corp'],
    ['+12065550121', null],
  ]),
};

describe('live checks (pure part)', () => {
  it('extracts account names, civic address and location ids and numbers with exact ranges', () => {
    const refs = extractPlanReferences(PLAN);
    assert.deepEqual(
      refs.accounts.map((a) => slice(a.name.range)),
      ['"Nobody-Ltd"', '"Adatum-Corp"'],
    );
    const adatum = refs.accounts[1];
    assert.deepEqual(
      adatum.numbers.map((n) => slice(n.range)),
      ['"+14255550101"', '"+12065550120"', '"+12065550121"'],
    );
    assert.deepEqual(adatum.civicAddressIds.map((c) => c.value), ['AAAA0000-0000-4000-8000-000000000001']);
    assert.deepEqual(
      adatum.locationIds.map((l) => slice(l.range)),
      ['"bbbb0000-0000-4000-8000-000000000002"', '"cccc0000-0000-4000-8000-000000000003"'],
    );
  });

  it('tolerates comments, syntax errors and non-plans', () => {
    assert.deepEqual(extractPlanReferences('').accounts, []);
    assert.deepEqual(extractPlanReferences('[1,2]').accounts, []);
    const text = '{ // a comment\n "accounts": [ { "name": "A-1", }, 3, { "name": 4 } ], }';
    const refs = extractPlanReferences(text);
    assert.deepEqual(
      refs.accounts.map((a) => slice(a.name.range, text)),
      ['"A-1"'],
    );
  });

  it('turns lookup results into findings at the values', () => {
    const findings = liveFindings(extractPlanReferences(PLAN), RESULTS, 'contoso-prod-gw');
    const at = findings.map((f) => `${f.ruleId} ${slice(f.range)}`);
    assert.deepEqual(at, [
      'ACG-LIVE-001 "Nobody-Ltd"',
      'ACG-LIVE-002 "cccc0000-0000-4000-8000-000000000003"',
      'ACG-LIVE-003 "+14255550101"',
    ]);
    for (const f of findings) {
      const rule = RULES[f.ruleId as keyof typeof RULES];
      assert.equal(f.severity, 'warning');
      assert.equal(f.severity, rule.severity);
      assert.equal(f.sourceUrl, rule.sourceUrl);
    }
    assert.match(findings[2].message, /Fabrikam-Finance/);
  });

  it('reports nothing for values it could not look up', () => {
    const none: LiveResults = { accounts: new Map(), civic: new Map(), owners: new Map() };
    assert.deepEqual(liveFindings(extractPlanReferences(PLAN), none, 'gw'), []);
  });

  it('bounds the numbers per pass and says so once', () => {
    const numbers = Array.from({ length: 5 }, (_, i) => `{ "telephoneNumber": "+1425555010${i}" }`).join(',');
    const text = `{ "accounts": [ { "name": "A", "numbers": [${numbers}, { "telephoneNumber": "+14255550100" }] } ] }`;
    const refs = extractPlanReferences(text);
    const bounded = numbersToCheck(refs, 3);
    assert.deepEqual(bounded.numbers, ['+14255550100', '+14255550101', '+14255550102']);
    assert.equal(bounded.total, 5);
    assert.equal(bounded.truncatedAt && slice(bounded.truncatedAt.range, text), '"+14255550103"');
    const owners = new Map<string, string | null>(bounded.numbers.map((n) => [n, 'B']));
    owners.set('+14255550104', 'B');
    const findings = liveFindings(refs, { accounts: new Map([['A', true]]), civic: new Map(), owners }, 'gw', 3);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['ACG-LIVE-003', 'ACG-LIVE-003', 'ACG-LIVE-003', 'ACG-LIVE-003', 'ACG-LIVE-004'],
    );
    assert.equal(findings[4].severity, 'info');
    assert.equal(numbersToCheck(refs, 200).truncatedAt, undefined);
  });
});
