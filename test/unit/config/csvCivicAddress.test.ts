// ACG-NUM-010 in a *.acg-numbers.csv file: a CallingUserAssignment number (as its usage or one of its additional
// usages) needs an emergency address, a civic address or a location, unless the tenant may set it. The rule is the
// plan's (numberRules.ts); validateCsv.ts places it on the row's first configuration cell. These cases guard that the
// CSV path raises it at all, only where it applies, and on the right cell.
import { strict as assert } from 'node:assert';
import { validateConfig } from '../../../src/core/config';
import { getRule } from '../../../src/core/rules/ruleTable';

const OC = 'serviceDetails_teamsOperatorConnect';
const TPM = 'serviceDetails_teamsPhoneMobile';
const columns = (service: string) =>
  [
    'telephoneNumber',
    'accountName',
    `${service}_enabled`,
    `${service}_configuration_usage`,
    `${service}_configuration_choosableCapabilities`,
    `${service}_configuration_additionalUsages`,
    `${service}_configuration_civicAddressId`,
    `${service}_configuration_locationId`,
    `${service}_configuration_allowTenantAddressUpdate`,
  ].join(',');

/** One data row: usage, additional usages, civic address, location, tenant may update. */
function csv(service: string, ...rows: readonly (readonly [string, string, string, string, string])[]): string {
  const capabilities = service === TPM ? '"InboundCalling,OutboundCalling,Mobile"' : '"InboundCalling,OutboundCalling"';
  const lines = rows.map(([usage, additional, civic, location, tenant], i) => `+4420300001${String(i).padStart(2, '0')},Northwind,true,${usage},${capabilities},${additional},${civic},${location},${tenant}`);
  return [columns(service), ...lines, ''].join('\n');
}

function civicFindings(text: string): { cell: string; line: number; severity: string; message: string }[] {
  return validateConfig('numbersCsv', text)
    .filter((d) => d.ruleId === 'ACG-NUM-010')
    .map((d) => ({ cell: text.slice(d.range.start, d.range.end), line: text.slice(0, d.range.start).split('\n').length - 1, severity: d.severity, message: d.message }));
}

describe('config: CSV emergency address (ACG-NUM-010)', () => {
  it('a CallingUserAssignment row without an address: a warning on its usage cell, in the rule\'s words', () => {
    const text = csv(OC, ['CallingUserAssignment', '', '', '', '']);
    const found = civicFindings(text);
    assert.deepEqual(
      found.map(({ cell, line, severity }) => ({ cell, line, severity })),
      [{ cell: 'CallingUserAssignment', line: 1, severity: 'warning' }],
    );
    assert.equal(getRule('ACG-NUM-010').severity, 'warning');
    assert.match(found[0].message, /civicAddressId or locationId/);
    // Only this rule's finding: the base row is otherwise valid, so a finding here is about the address alone.
    assert.deepEqual(validateConfig('numbersCsv', text).map((d) => d.ruleId), ['ACG-NUM-010']);
  });

  it('CallingUserAssignment as an additional usage counts too (reported on the row\'s first configuration cell)', () => {
    const text = csv(OC, ['FirstPartyAppAssignment', 'CallingUserAssignment', '', '', '']);
    assert.deepEqual(civicFindings(text).map(({ cell, line }) => ({ cell, line })), [{ cell: 'FirstPartyAppAssignment', line: 1 }]);
  });

  it('is raised per row, each on its own row, in a Teams Phone Mobile file as well', () => {
    const text = csv(TPM, ['CallingUserAssignment', '', '', '', ''], ['CallingUserAssignment', '', 'addr-1', '', ''], ['CallingUserAssignment', '', '', '', '']);
    assert.deepEqual(civicFindings(text).map(({ cell, line }) => ({ cell, line })), [
      { cell: 'CallingUserAssignment', line: 1 },
      { cell: 'CallingUserAssignment', line: 3 },
    ]);
  });

  it('the range is exactly the cell, quotes included', () => {
    const text = csv(OC, ['"CallingUserAssignment"', '', '', '', '']);
    assert.deepEqual(civicFindings(text).map((f) => f.cell), ['"CallingUserAssignment"']);
  });

  for (const [what, row] of [
    ['a civic address', ['CallingUserAssignment', '', 'addr-1', '', '']],
    ['a location', ['CallingUserAssignment', '', '', 'loc-1', '']],
    ['allowTenantAddressUpdate true', ['CallingUserAssignment', '', '', '', 'true']],
    ['a usage that needs no address', ['FirstPartyAppAssignment', 'ConferenceAssignment', '', '', '']],
  ] as const) {
    it(`is not raised for a row with ${what}`, () => {
      const text = csv(OC, row);
      assert.deepEqual(civicFindings(text), []);
      assert.deepEqual(validateConfig('numbersCsv', text).map((d) => d.ruleId), [], 'the row is valid');
    });
  }

  it('allowTenantAddressUpdate false does not stand in for an address', () => {
    assert.equal(civicFindings(csv(OC, ['CallingUserAssignment', '', '', '', 'false'])).length, 1);
  });
});
