// Find Number's pure part: reading a number typed in any common format, the filter each gateway gets, and merging
// the gateways' answers (found, absent, could not search, cancelled) into one answer.
import { strict as assert } from 'node:assert';
import type { NumberResource } from '../../../src/core/models';
import { lookupHint, normalizeCountry, parseNumberLookup } from '../../../src/core/numbers/numberLookup';
import { exactMatches, numberSearchFilter, numberState, searchProgress, summarizeSearch, type GatewaySearchOutcome, type SearchedGateway } from '../../../src/core/numbers/numberSearch';

function e164Of(text: string, country?: string): string {
  const parsed = parseNumberLookup(text, country);
  assert.ok(parsed.ok, `${text} is read (${parsed.ok ? '' : parsed.message})`);
  return parsed.e164;
}

function problemOf(text: string, country?: string): string {
  const parsed = parseNumberLookup(text, country);
  assert.ok(!parsed.ok, `${text} is refused`);
  return parsed.message;
}

describe('core/numbers: Find Number input', () => {
  it('reads international numbers however they are written', () => {
    for (const text of ['+442079460301', '+44 20 7946 0301', '  +44 (0)20 7946-0301 ', '0044 20 7946 0301', '+44.20.7946.0301', 'tel:+442079460301', '+44\u00a020\u00a07946\u00a00301']) {
      assert.equal(e164Of(text), '+442079460301', text);
    }
    assert.equal(e164Of('+1 (425) 555-0100'), '+14255550100');
  });

  it('reads a national number in the default country, or in a country written first', () => {
    assert.equal(e164Of('(020) 7946 0301', 'GB'), '+442079460301');
    assert.equal(e164Of('020 7946 0301', 'gb'), '+442079460301');
    assert.equal(e164Of('GB (020) 7946 0301'), '+442079460301');
    assert.equal(e164Of('gb: 020 7946 0301'), '+442079460301');
    assert.equal(e164Of('US 425 555 0100', 'GB'), '+14255550100', 'the country in the input wins over the default');
    assert.equal(e164Of('+44 20 7946 0301', 'US'), '+442079460301', 'an international number ignores the default');
    const parsed = parseNumberLookup('(020) 7946 0301', 'GB');
    assert.ok(parsed.ok && parsed.country === 'GB');
  });

  it('refuses a national number without a country, and says the three ways to give one', () => {
    const message = problemOf('(020) 7946 0301');
    assert.match(message, /no country code/);
    assert.match(message, /\+44 20 7946 0301/);
    assert.match(message, /GB \(020\) 7946 0301/);
    assert.match(message, /acg\.numbers\.defaultCountry/);
  });

  it('refuses what is not a number, with the reason', () => {
    assert.match(problemOf(''), /Type a telephone number/);
    assert.match(problemOf('+44 20 7946 0301 ext 5'), /digits only.*'ext'/);
    assert.match(problemOf('ZZ 020 7946 0301'), /ZZ is not a country code/);
    assert.match(problemOf('+999 1234 5678'), /country calling code/);
    assert.match(problemOf('+44 1234 5678 9012 3456'), /at most 16/);
    assert.match(problemOf('0', 'GB'), /not a telephone number in GB/);
  });

  it('shows the E.164 form while typing, and the problem as an error', () => {
    assert.deepEqual(lookupHint('0044 20 7946 0301'), { severity: 'info', message: 'Searches for +442079460301.' });
    assert.deepEqual(lookupHint('020 7946 0301', 'GB'), { severity: 'info', message: 'Searches for +442079460301 (a national number in GB).' });
    assert.equal(lookupHint('020 7946 0301')?.severity, 'error');
    assert.equal(lookupHint('   '), undefined, 'nothing typed yet: no message');
  });

  it('takes the default country from the setting only when it is a real country', () => {
    assert.equal(normalizeCountry(' gb '), 'GB');
    assert.equal(normalizeCountry(''), undefined);
    assert.equal(normalizeCountry('ZZ'), undefined);
    assert.equal(normalizeCountry('GBR'), undefined);
    assert.equal(normalizeCountry(44), undefined);
  });
});

const PROD: SearchedGateway = { id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/contoso-prod-gw', name: 'contoso-prod-gw', subscriptionId: 's1', subscriptionName: 'Production' };
const LAB: SearchedGateway = { id: '/subscriptions/s2/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/contoso-lab-gw', name: 'contoso-lab-gw', subscriptionId: 's2' };
const GAPS: SearchedGateway = { id: '/subscriptions/s1/resourceGroups/rg2/providers/Microsoft.VoiceServices/communicationsGateways/fabrikam-new-gw', name: 'fabrikam-new-gw', subscriptionId: 's1' };

function number(telephoneNumber: string, extra: Partial<NumberResource> = {}): NumberResource {
  return {
    telephoneNumber,
    accountName: 'Northwind-Bulk',
    serviceDetails: { teamsOperatorConnect: { enabled: true, assignmentStatus: 'assigned' } },
    serviceProvisioningStatus: 'synced',
    ...extra,
  };
}

describe('core/numbers: Find Number search and answer', () => {
  it("asks each gateway with the Numbers view's own prefix clause, and keeps only the exact number", () => {
    assert.equal(numberSearchFilter('+442030000005'), "startswith(telephoneNumber,'+442030000005')");
    const answer = [number('+442030000005'), number('+4420300000051'), number('+44203000000')];
    assert.deepEqual(exactMatches('+442030000005', answer).map((n) => n.telephoneNumber), ['+442030000005']);
  });

  it('describes the state: account, services with assignment, status, and a failure with the service errors', () => {
    assert.equal(numberState(number('+442030000005')), 'account Northwind-Bulk · Operator Connect (assigned) · synced');
    const failed = number('+442030000050', {
      serviceProvisioningStatus: 'failed',
      serviceProvisioningErrors: [{ code: 'TeamsNumberAlreadyAcquired', message: 'Already acquired.', details: [{ code: 'Inner', message: 'By another operator.' }] }],
    });
    assert.equal(numberState(failed), 'account Northwind-Bulk · Operator Connect (assigned) · failed: TeamsNumberAlreadyAcquired: Already acquired.; Inner: By another operator.');
    assert.equal(numberState(number('+1', { serviceDetails: {}, serviceProvisioningStatus: undefined })), 'account Northwind-Bulk · no services · provisioning status unknown');
  });

  it('found once: the match, on which gateway, and its state in one sentence', () => {
    const outcomes: GatewaySearchOutcome[] = [
      { kind: 'found', gateway: PROD, numbers: [number('+442030000005'), number('+4420300000051')] },
      { kind: 'absent', gateway: LAB },
    ];
    const summary = summarizeSearch('+442030000005', outcomes, { subscriptions: 2 });
    assert.deepEqual(summary.matches.map((m) => [m.gateway.name, m.number.telephoneNumber]), [['contoso-prod-gw', '+442030000005']]);
    assert.equal(summary.searched, 2);
    assert.equal(summary.headline, '+442030000005 is on contoso-prod-gw, account Northwind-Bulk · Operator Connect (assigned) · synced.');
  });

  it('a gateway that could not be searched is listed with its reason, and hides none of the answers', () => {
    const outcomes: GatewaySearchOutcome[] = [
      { kind: 'found', gateway: PROD, numbers: [number('+442030000005')] },
      { kind: 'failed', gateway: GAPS, reason: 'IP address not allowed' },
      { kind: 'absent', gateway: LAB },
    ];
    const summary = summarizeSearch('+442030000005', outcomes, { subscriptions: 2 });
    assert.equal(summary.matches.length, 1);
    assert.equal(summary.searched, 2);
    assert.deepEqual(summary.unsearched, [{ where: 'fabrikam-new-gw', reason: 'IP address not allowed' }]);
    assert.match(summary.headline, /is on contoso-prod-gw.*Note: could not search fabrikam-new-gw: IP address not allowed\.$/);
  });

  it('not found: says how many gateways in how many subscriptions, and which could not be searched (subscriptions too)', () => {
    const outcomes: GatewaySearchOutcome[] = [
      { kind: 'absent', gateway: PROD },
      { kind: 'absent', gateway: LAB },
      { kind: 'failed', gateway: GAPS, reason: 'unreachable' },
    ];
    const summary = summarizeSearch('+15555550100', outcomes, { subscriptions: 3, subscriptionFailures: [{ subscriptionId: 's3', subscriptionName: 'Sandbox', reason: 'no access' }] });
    assert.equal(summary.matches.length, 0);
    assert.equal(
      summary.headline,
      '+15555550100 was not found on 2 gateways in 3 subscriptions. Note: could not search subscription Sandbox: no access; fabrikam-new-gw: unreachable.',
    );
    assert.equal(summarizeSearch('+15555550100', [{ kind: 'absent', gateway: LAB }], { subscriptions: 1 }).headline, '+15555550100 was not found on 1 gateway in 1 subscription.');
  });

  it('cancelled: counts the gateways that did not answer, and keeps what was found before', () => {
    const outcomes: GatewaySearchOutcome[] = [
      { kind: 'found', gateway: PROD, numbers: [number('+442030000005')] },
      { kind: 'cancelled', gateway: LAB },
      { kind: 'cancelled', gateway: GAPS },
    ];
    const summary = summarizeSearch('+442030000005', outcomes, { subscriptions: 2 });
    assert.equal(summary.matches.length, 1);
    assert.equal(summary.cancelled, 2);
    assert.equal(summary.searched, 1);
    assert.match(summary.headline, /Note: 2 gateways were not searched \(cancelled\)\.$/);
  });

  it('found on several gateways: every match, counted by gateway', () => {
    const outcomes: GatewaySearchOutcome[] = [
      { kind: 'found', gateway: PROD, numbers: [number('+442079460301')] },
      { kind: 'found', gateway: LAB, numbers: [number('+442079460301', { accountName: 'Contoso-Telecom-Lab' })] },
    ];
    const summary = summarizeSearch('+442079460301', outcomes, { subscriptions: 2 });
    assert.deepEqual(summary.matches.map((m) => `${m.gateway.name}/${m.number.accountName}`), ['contoso-prod-gw/Northwind-Bulk', 'contoso-lab-gw/Contoso-Telecom-Lab']);
    assert.equal(summary.headline, '+442079460301 is on 2 gateways (2 matches).');
  });

  it('no gateways at all: says so instead of "not found"', () => {
    assert.equal(summarizeSearch('+442079460301', [], { subscriptions: 1 }).headline, 'There are no communications gateways in the 1 selected subscription, so +442079460301 was not searched for.');
  });

  it('progress counts gateways', () => {
    assert.equal(searchProgress(2, 3), '2 of 3 gateways searched');
    assert.equal(searchProgress(0, 1), '0 of 1 gateway searched');
  });
});
