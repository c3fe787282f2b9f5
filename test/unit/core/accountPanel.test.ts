// The Account panel's view model: every service shown (enabled or not) with sync and counts, errors flattened for
// reading, the edit turned into the body to PUT (checked by the rule table) with its exact change, what a delete will
// do, and the civic address tally of a scan.
import { strict as assert } from 'node:assert';
import { accountDeletion, accountOverview, applyServicesEdit, currentEdit, describeServiceChanges, writableAccount, type ServicesEdit } from '../../../src/core/enterprises/accountPanel';
import { civicAddressRows, emptyUsage, tallyNumbers, USAGE_SAMPLE_SIZE } from '../../../src/core/enterprises/civicUsage';
import { SERVICES, type AccountResource, type NumberResource, type TeamsCivicAddressResource, type TeamsDirectRoutingAccountDetails } from '../../../src/core/models';
import { RULES } from '../../../src/core/rules';
import { SERVICE_ORDER } from '../../../src/webviews/account/protocol';

const ADDRESS = '0f6b2c1e-1111-4a4a-9c9c-000000000001';
const OTHER = '0f6b2c1e-2222-4a4a-9c9c-000000000002';

function account(extra: Partial<AccountResource> = {}): AccountResource {
  return {
    name: 'Fabrikam-Finance',
    correlationId: 'SF-1',
    serviceDetails: {
      teamsTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      teamsOperatorConnect: { enabled: true, syncEnabled: true, numberCount: 6 },
      teamsPhoneMobile: { enabled: true, syncEnabled: false, numberCount: 2 },
    },
    serviceProvisioningStatus: 'synced',
    ...extra,
  };
}

const directRouting = (extra: Partial<TeamsDirectRoutingAccountDetails> = {}): TeamsDirectRoutingAccountDetails => ({
  enabled: true,
  syncEnabled: true,
  subdomainStatus: 'provisioned',
  configuration: { subdomain: 'proseware', callScreening: true, subdomainTokens: { region1Token: 'tok1', region2Token: 'tok2' } },
  ...extra,
});

function edit(base: AccountResource, change: (e: { services: Record<string, { enabled: boolean; syncEnabled: boolean }>; directRouting?: ServicesEdit['directRouting'] }) => void): ServicesEdit {
  const e = structuredClone(currentEdit(base)) as { services: Record<string, { enabled: boolean; syncEnabled: boolean }>; directRouting?: ServicesEdit['directRouting'] };
  change(e);
  return e as ServicesEdit;
}

describe('core: the Account panel view model', () => {
  it('lists the services in the order every face uses', () => {
    assert.deepEqual([...SERVICE_ORDER], SERVICES.map((s) => s.key));
  });

  it('shows every service, enabled or not, with sync and the service’s own number count; Call Protection has no sync', () => {
    const overview = accountOverview(account());
    assert.deepEqual(
      overview.services.map((s) => [s.short, s.enabled, s.syncEnabled, s.numberCount]),
      [
        ['OC', true, true, 6],
        ['TPM', true, false, 2],
        ['DR', false, false, undefined],
        ['Zoom', false, false, undefined],
        ['AOCP', false, undefined, undefined],
      ],
    );
    assert.equal(overview.teamsTenantId, '72f988bf-86f1-41af-91ab-2d7cd011db47');
    assert.equal(overview.directRouting, undefined);
  });

  it('shows Direct Routing’s configuration and subdomain status, and flattens nested errors for reading', () => {
    const overview = accountOverview(
      account({
        serviceDetails: { teamsDirectRouting: directRouting({ subdomainStatus: 'inconsistent' }) },
        serviceProvisioningStatus: 'failed',
        serviceProvisioningErrors: [{ code: 'TeamsSyncFailed', message: 'Teams refused', target: 'serviceDetails', details: [{ code: 'ConsentSuspended', message: 'The consent is suspended' }] }],
      }),
    );
    assert.deepEqual(overview.directRouting, { subdomain: 'proseware', callScreening: true, region1Token: 'tok1', region2Token: 'tok2', subdomainStatus: 'inconsistent' });
    assert.equal(overview.status, 'failed');
    assert.deepEqual(overview.errors, [
      { code: 'TeamsSyncFailed', message: 'Teams refused', target: 'serviceDetails', depth: 0 },
      { code: 'ConsentSuspended', message: 'The consent is suspended', depth: 1 },
    ]);
  });

  it('a PUT body never carries the read-only fields (numberCount, subdomainStatus, the status and its errors)', () => {
    const body = writableAccount(account({ serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true, numberCount: 3 }, teamsDirectRouting: directRouting() }, serviceProvisioningErrors: [] }));
    const text = JSON.stringify(body);
    for (const field of ['numberCount', 'subdomainStatus', 'serviceProvisioningStatus', 'serviceProvisioningErrors']) assert.ok(!text.includes(field), `${field} left out: ${text}`);
    assert.deepEqual(body.serviceDetails?.teamsDirectRouting?.configuration?.subdomain, 'proseware');
  });

  it('an unchanged form gives back the same body and no change lines', () => {
    const base = account();
    const applied = applyServicesEdit(base, currentEdit(base));
    assert.ok('account' in applied);
    assert.deepEqual(applied.account, writableAccount(base));
    assert.deepEqual(describeServiceChanges(base, applied.account), []);
  });

  it('turning one service’s sync off changes that switch only, and says so as before → after', () => {
    const base = account();
    const applied = applyServicesEdit(base, edit(base, (e) => (e.services.teamsOperatorConnect.syncEnabled = false)));
    assert.ok('account' in applied);
    assert.deepEqual(applied.account.serviceDetails?.teamsOperatorConnect, { enabled: true, syncEnabled: false });
    assert.deepEqual(applied.account.serviceDetails?.teamsPhoneMobile, { enabled: true, syncEnabled: false });
    assert.equal(applied.account.serviceDetails?.teamsTenantId, base.serviceDetails?.teamsTenantId);
    assert.deepEqual(describeServiceChanges(base, applied.account), ['Operator Connect sync: on → off']);
  });

  it('enabling services the account never had adds them; Call Protection gets no sync', () => {
    const base = account();
    const applied = applyServicesEdit(
      base,
      edit(base, (e) => {
        e.services.zoomPhoneCloudPeering = { enabled: true, syncEnabled: true };
        e.services.azureOperatorCallProtection = { enabled: true, syncEnabled: true };
      }),
    );
    assert.ok('account' in applied);
    assert.deepEqual(applied.account.serviceDetails?.azureOperatorCallProtection, { enabled: true });
    assert.deepEqual(describeServiceChanges(base, applied.account), [
      'Zoom Phone Cloud Peering: disabled → enabled',
      'Zoom Phone Cloud Peering sync: off → on',
      'Azure Operator Call Protection: disabled → enabled',
    ]);
  });

  it('Direct Routing’s configuration is checked by the rule table: its message comes back on the field, nothing to send', () => {
    const base = account();
    const applied = applyServicesEdit(
      base,
      edit(base, (e) => {
        e.services.teamsDirectRouting = { enabled: true, syncEnabled: true };
        e.directRouting = { subdomain: 'far-too-long-subdomain', callScreening: false, region1Token: 'ok', region2Token: 'bad token!' };
      }),
    );
    assert.ok('problems' in applied);
    assert.deepEqual(applied.problems.map((p) => p.field), ['directRouting.subdomain', 'directRouting.region2Token']);
    // The rule table's own wording (rule ACG-ACC-002), not a copy of it.
    assert.match(applied.problems[0].message, /subdomain has 22 characters: use 1 to 10/);
    assert.ok(RULES['ACG-ACC-002']);
  });

  it('a Direct Routing change lists the configuration’s differences', () => {
    const base = account({ serviceDetails: { teamsDirectRouting: directRouting() } });
    const applied = applyServicesEdit(
      base,
      edit(base, (e) => {
        e.directRouting = { subdomain: 'prose2', callScreening: false, region1Token: 'tok1', region2Token: 'tok2' };
      }),
    );
    assert.ok('account' in applied);
    assert.deepEqual(describeServiceChanges(base, applied.account), ['Direct Routing subdomain: proseware → prose2', 'Direct Routing call screening: on → off']);
  });

  it('deleting: with numbers and without deleteNumbers the service would refuse, so it is said before sending', () => {
    const refused = accountDeletion('Fabrikam-Finance', 8, false);
    assert.equal(refused.allowed, false);
    assert.match(refused.message, /still has 8 numbers: the service refuses/);
    const allowed = accountDeletion('Fabrikam-Finance', 8, true);
    assert.ok(allowed.allowed);
    assert.equal(allowed.message, 'Delete account Fabrikam-Finance and its 8 numbers?');
    assert.match(allowed.detail, /deleteNumbers=true/);
    const empty = accountDeletion('Margies-Travel', 0, false);
    assert.ok(empty.allowed);
    assert.equal(empty.message, 'Delete account Margies-Travel?');
  });
});

describe('core: civic address usage', () => {
  const number = (telephoneNumber: string, address?: string, location?: string, tpm = false): NumberResource => ({
    telephoneNumber,
    accountName: 'A',
    serviceDetails: {
      [tpm ? 'teamsPhoneMobile' : 'teamsOperatorConnect']: {
        enabled: true,
        configuration: { usage: 'CallingUserAssignment', choosableCapabilities: [], ...(address ? { civicAddressId: address } : {}), ...(location ? { locationId: location } : {}) },
      },
    },
  });

  it('counts numbers per address and location (ids without case), keeps a bounded sample, and counts per service', () => {
    const tally = emptyUsage();
    tallyNumbers(tally, [number('+1', ADDRESS, 'LOC-A'), number('+2', ADDRESS.toUpperCase(), 'loc-a'), number('+3', OTHER, undefined, true), number('+4')]);
    tallyNumbers(tally, Array.from({ length: 10 }, (_, i) => number(`+5${i}`, ADDRESS, 'loc-b')));
    assert.equal(tally.scanned, 14);
    assert.equal(tally.withoutAddress, 1);
    const used = tally.byAddress[ADDRESS];
    assert.equal(used.count, 12);
    assert.equal(used.sample.length, USAGE_SAMPLE_SIZE);
    assert.deepEqual(used.sample.slice(0, 2), ['+1', '+2']);
    assert.deepEqual(used.locations, { 'loc-a': 2, 'loc-b': 10 });
    assert.equal(tally.byAddress[OTHER].count, 1);
    assert.equal(tally.perService.teamsOperatorConnect, 13);
    assert.equal(tally.perService.teamsPhoneMobile, 1);
  });

  it('address rows: validation, locations default first, labels from the description or the address line', () => {
    const address: TeamsCivicAddressResource = {
      id: ADDRESS,
      houseNumber: '1',
      streetName: 'Microsoft Way',
      cityOrTown: 'Redmond',
      country: 'US',
      defaultLocationId: 'l2',
      validationStatus: 'notValidated',
      locations: [
        { id: 'l1', civicAddressId: ADDRESS, description: 'Lobby', elin: 'ELIN1' },
        { id: 'l2', civicAddressId: ADDRESS, description: 'Main', isDefault: true },
      ],
    };
    const [row] = civicAddressRows([address]);
    assert.equal(row.label, '1 Microsoft Way, Redmond, US');
    assert.equal(row.validated, false);
    assert.deepEqual(row.locations.map((l) => [l.description, l.isDefault, l.elin]), [['Main', true, undefined], ['Lobby', false, 'ELIN1']]);
  });
});
