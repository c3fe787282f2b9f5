import { strict as assert } from 'node:assert';
import type { AccountResource, RequestForInformationResource, TeamsCivicAddressResource } from '../../../src/core/models';
import {
  accountForRequest,
  accountView,
  addressLine,
  civicAddressView,
  companyOf,
  enabledServices,
  escapeMarkdown,
  groupByRelationship,
  locationView,
  requestForAccount,
  requestView,
  sortedLocations,
  syncSummary,
} from '../../../src/core/enterprises';
import { accountFormProblems, accountFromRequest, suggestAccountName, validateNewAccountName } from '../../../src/core/enterprises/accountFromRequest';
import { reasonPrompt, relationshipChange, relationshipChoices, validateReason } from '../../../src/core/enterprises/relationshipUpdate';

const TENANT_A = '11111111-2222-4333-8444-555555555555';
const TENANT_B = '22222222-2222-4333-8444-555555555555';

function rfi(tenantId: string, company: string, extra: Partial<RequestForInformationResource> = {}): RequestForInformationResource {
  return {
    tenantId,
    status: 'active',
    consentedCountries: ['GB', 'US'],
    contacts: [{ fullName: 'Pat *Bold*', email: 'pat@example.com', telephoneNumber: '+15555550100', companyName: company, companySize: 'L1_U1' }],
    ...extra,
  };
}

describe('core/enterprises: requests for information', () => {
  it('groups by relationship status in a fixed order, with "No status yet" first and empty groups kept', () => {
    const groups = groupByRelationship([
      rfi(TENANT_A, 'Zeta', { customerRelationship: { status: 'AgreementSigned' } }),
      rfi(TENANT_B, 'Alpha', { customerRelationship: { status: 'AgreementSigned' } }),
      rfi('33333333-2222-4333-8444-555555555555', 'New Co'),
      rfi('44444444-2222-4333-8444-555555555555', 'Gone', { customerRelationship: { status: 'ContractTerminated', comment: 'ended' } }),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.label, g.requests.length]),
      [
        ['No status yet', 1],
        ['Consent acknowledged', 0],
        ['Customer contacted', 0],
        ['Agreement signed', 2],
        ['Consent declined', 0],
        ['Contract terminated', 1],
      ],
    );
    assert.deepEqual(groups[3].requests.map(companyOf), ['Alpha', 'Zeta'], 'sorted by company');
  });

  it('puts an unknown status in an "Other status" group rather than hiding the request', () => {
    const odd = rfi(TENANT_A, 'Odd', { customerRelationship: JSON.parse('{"status":"SomethingNew"}') as RequestForInformationResource['customerRelationship'] });
    const groups = groupByRelationship([odd]);
    assert.equal(groups.length, 7);
    assert.equal(groups[6].label, 'Other status');
    assert.equal(groups[6].requests.length, 1);
  });

  it('shows company, consent status and countries; tenant id, contacts and relationship in an escaped tooltip', () => {
    const view = requestView(rfi(TENANT_A, 'Fabrikam, Inc.', { accountName: 'Fabrikam-Finance', customerRelationship: { status: 'CustomerContacted', comment: 'Call [booked]' } }));
    assert.equal(view.label, 'Fabrikam, Inc.');
    assert.equal(view.description, 'active · GB, US · → Fabrikam-Finance');
    assert.equal(view.icon.id, 'pass-filled');
    assert.match(view.tooltip, new RegExp(`\`${TENANT_A}\``));
    assert.match(view.tooltip, /Pat \\\*Bold\\\*/, 'contact names are escaped');
    assert.match(view.tooltip, /Call \\\[booked\\\]/);
    assert.match(view.tooltip, /\*\*Relationship:\*\* CustomerContacted/);
    assert.match(view.tooltip, /size L1\\_U1/);
  });

  it('marks suspended, removed and failed requests with their own icons, and lists sync errors', () => {
    assert.equal(requestView(rfi(TENANT_A, 'A', { status: 'suspended' })).icon.id, 'debug-pause');
    assert.equal(requestView(rfi(TENANT_A, 'A', { status: 'removed' })).icon.id, 'circle-slash');
    const failed = requestView(rfi(TENANT_A, 'A', { serviceProvisioningStatus: 'failed', serviceProvisioningErrors: [{ code: 'TeamsError', message: 'Teams said 409' }] }));
    assert.equal(failed.icon.id, 'error');
    assert.match(failed.tooltip, /`TeamsError`: Teams said 409/);
  });

  it('falls back to the tenant id when no contact names a company', () => {
    assert.equal(companyOf({ tenantId: TENANT_A }), TENANT_A);
  });
});

describe('core/enterprises: relationship status update', () => {
  it('offers the five statuses, marking the current one and those that need a reason', () => {
    const choices = relationshipChoices({ customerRelationship: { status: 'CustomerContacted' } });
    assert.deepEqual(choices.map((c) => c.status), ['ConsentAcknowledged', 'CustomerContacted', 'AgreementSigned', 'ConsentDeclined', 'ContractTerminated']);
    assert.deepEqual(choices.filter((c) => c.needsReason).map((c) => c.status), ['ConsentDeclined', 'ContractTerminated']);
    assert.deepEqual(choices.filter((c) => c.current).map((c) => c.status), ['CustomerContacted']);
    assert.match(reasonPrompt('ConsentDeclined'), /Required/);
    assert.match(reasonPrompt('AgreementSigned'), /optional/);
  });

  it('requires a reason for ConsentDeclined and ContractTerminated, and enforces 64 characters for every status', () => {
    assert.match(validateReason('ConsentDeclined', '  ') ?? '', /needs a reason/);
    assert.match(validateReason('ContractTerminated', '') ?? '', /needs a reason/);
    assert.equal(validateReason('AgreementSigned', ''), undefined);
    assert.equal(validateReason('ConsentDeclined', 'x'.repeat(64)), undefined);
    assert.match(validateReason('ConsentDeclined', 'x'.repeat(65)) ?? '', /65 characters: at most 64/);
    assert.match(validateReason('CustomerContacted', 'y'.repeat(65)) ?? '', /at most 64/);
  });

  it('builds the change, trimming the reason and leaving an empty optional reference out', () => {
    assert.deepEqual(relationshipChange('AgreementSigned', '   '), { change: { status: 'AgreementSigned' } });
    assert.deepEqual(relationshipChange('ConsentDeclined', ' Out of coverage '), { change: { status: 'ConsentDeclined', comment: 'Out of coverage' } });
    assert.ok('error' in relationshipChange('ContractTerminated', ''));
  });
});

describe('core/enterprises: accounts', () => {
  const account: AccountResource = {
    name: 'Fabrikam-Finance',
    correlationId: 'SF-1',
    serviceDetails: {
      teamsTenantId: TENANT_A,
      teamsOperatorConnect: { enabled: true, syncEnabled: true, numberCount: 6 },
      teamsPhoneMobile: { enabled: true, syncEnabled: false, numberCount: 2 },
      zoomPhoneCloudPeering: { enabled: false, syncEnabled: false },
    },
    serviceProvisioningStatus: 'synced',
  };

  it('lists enabled services with counts and a sync summary', () => {
    const rows = enabledServices(account.serviceDetails);
    assert.deepEqual(rows.map((r) => r.short), ['OC', 'TPM']);
    assert.equal(syncSummary(rows), 'mixed');
    const view = accountView(account);
    assert.equal(view.description, 'OC 6, TPM 2 · sync mixed');
    assert.equal(view.icon.id, 'pass');
    assert.match(view.tooltip, /\| Operator Connect \(OC\) \| on \| 6 \|/);
    assert.match(view.tooltip, /\| Teams Phone Mobile \(TPM\) \| off \| 2 \|/);
  });

  it('shows a failed account with an error icon and its errors in the tooltip', () => {
    const view = accountView({ ...account, serviceProvisioningStatus: 'failed', serviceProvisioningErrors: [{ code: 'TeamsConsentNotActive', message: 'Consent is suspended.' }] });
    assert.equal(view.icon.id, 'error');
    assert.match(view.description, /failed$/);
    assert.match(view.tooltip, /\$\(error\) failed/);
    assert.match(view.tooltip, /`TeamsConsentNotActive`: Consent is suspended\./);
  });

  it('links accounts and requests both ways by tenant (case-insensitive) and accountName', () => {
    const requests = [rfi(TENANT_B, 'B'), rfi(TENANT_A.toUpperCase(), 'A', { accountName: 'Fabrikam-Finance' })];
    assert.equal(requestForAccount(account, requests)?.contacts?.[0].companyName, 'A');
    assert.equal(accountForRequest(requests[1], [account])?.name, 'Fabrikam-Finance');
    assert.equal(accountForRequest(requests[0], [account]), undefined);
  });
});

describe('core/enterprises: create account from request', () => {
  const request = rfi(TENANT_A, 'Fabrikam, Inc. (Zürich)');

  it('suggests a valid name from the company', () => {
    assert.equal(suggestAccountName(request), 'Fabrikam-Inc-Zurich');
    assert.equal(suggestAccountName({ tenantId: TENANT_A, contacts: [{ fullName: 'x', email: 'x@y', companyName: '日本' }] }), TENANT_A);
  });

  it('rejects bad and taken names with the rule message', () => {
    assert.match(validateNewAccountName('bad name!') ?? '', /contains spaces '!'/);
    assert.match(validateNewAccountName('') ?? '', /empty/);
    assert.match(validateNewAccountName('x'.repeat(101)) ?? '', /at most 100/);
    assert.match(validateNewAccountName('Taken', ['Taken']) ?? '', /already exists/);
    assert.match(validateNewAccountName('taken', ['Taken']) ?? '', /only in case/);
    assert.equal(validateNewAccountName('Fresh-Name_1', ['Taken']), undefined);
  });

  it('builds the account with the Teams tenant of the request, the services and the sync toggle', () => {
    const result = accountFromRequest({ name: 'Fabrikam-New', services: ['teamsOperatorConnect', 'teamsPhoneMobile'], syncEnabled: false, request });
    assert.ok('account' in result);
    assert.deepEqual(result.account, {
      name: 'Fabrikam-New',
      serviceDetails: {
        teamsTenantId: TENANT_A,
        teamsOperatorConnect: { enabled: true, syncEnabled: false },
        teamsPhoneMobile: { enabled: true, syncEnabled: false },
      },
    });
    assert.deepEqual(accountFromRequest({ name: 'X', services: [], syncEnabled: true, request }), { error: 'Choose at least one service for the account.' });
    assert.ok('error' in accountFromRequest({ name: 'no good', services: ['teamsOperatorConnect'], syncEnabled: true, request }));
  });

  it('enables Call Protection without sync, and Direct Routing only with its subdomain and DNS tokens (rules ACG-ACC-002/003)', () => {
    const directRouting = { callScreening: true, subdomain: 'fab', subdomainTokens: { region1Token: 'a=1', region2Token: 'b_2' } };
    const result = accountFromRequest({ name: 'Fab', services: ['azureOperatorCallProtection', 'teamsDirectRouting'], syncEnabled: true, request, directRouting });
    assert.ok('account' in result);
    assert.deepEqual(result.account.serviceDetails, {
      teamsTenantId: TENANT_A,
      azureOperatorCallProtection: { enabled: true },
      teamsDirectRouting: { enabled: true, syncEnabled: true, configuration: directRouting },
    });
    assert.match(accountFormProblems({ name: 'Fab', services: ['teamsDirectRouting'], syncEnabled: true, request }).subdomain ?? '', /needs the subdomain and the two DNS tokens/);
    assert.deepEqual(accountFromRequest({ name: 'Fab', services: ['teamsDirectRouting'], syncEnabled: true, request, directRouting: { ...directRouting, subdomain: 'elevenchars' } }), {
      error: 'The subdomain has 11 characters: use 1 to 10.',
    });
    assert.deepEqual(accountFormProblems({ name: 'Fab', services: ['teamsDirectRouting'], syncEnabled: true, request, directRouting: { ...directRouting, subdomainTokens: { region1Token: '', region2Token: 'b 2' } } }), {
      region1Token: 'The region1Token has 0 characters: use 1 to 100.',
      region2Token: 'The region2Token b 2 contains spaces: use only letters, digits, =, _ or -.',
    });
    // Settings for a service that is not chosen are not sent.
    const ocOnly = accountFromRequest({ name: 'Fab', services: ['teamsOperatorConnect'], syncEnabled: true, request });
    assert.ok('account' in ocOnly && ocOnly.account.serviceDetails?.teamsDirectRouting === undefined);
  });
});

describe('core/enterprises: civic addresses', () => {
  const address: TeamsCivicAddressResource = {
    id: 'addr-1',
    country: 'US',
    houseNumber: '15010',
    streetName: 'NE 36th',
    streetSuffix: 'St',
    cityOrTown: 'Redmond',
    stateOrProvince: 'WA',
    postalOrZipCode: '98052',
    description: 'Campus',
    defaultLocationId: 'loc-2',
    validationStatus: 'notValidated',
    locations: [
      { id: 'loc-1', civicAddressId: 'addr-1', description: 'Floor 2', elin: '4255550198' },
      { id: 'loc-2', civicAddressId: 'addr-1', description: 'Lobby', isDefault: true },
    ],
  };

  it('writes the address on one line and flags an unvalidated one', () => {
    assert.equal(addressLine(address), '15010 NE 36th St, Redmond WA 98052, US');
    const view = civicAddressView(address);
    assert.equal(view.label, 'Campus');
    assert.equal(view.description, '15010 NE 36th St, Redmond WA 98052, US · not validated · 2 locations');
    assert.equal(view.icon.id, 'warning');
    assert.equal(civicAddressView({ ...address, validationStatus: 'validated' }).icon.id, 'location');
  });

  it('lists the default location first, each with its ELIN', () => {
    const [first, second] = sortedLocations(address).map(locationView);
    assert.equal(first.label, 'Lobby');
    assert.equal(first.description, 'no ELIN · default');
    assert.equal(second.description, 'ELIN 4255550198');
    assert.match(second.tooltip, /`4255550198`/);
  });
});

describe('core/enterprises: markdown', () => {
  it('escapes what Markdown and theme icons would interpret', () => {
    assert.equal(escapeMarkdown('*a* [b](c) $(error) <x>'), '\\*a\\* \\[b\\]\\(c\\) \\$\\(error\\) \\<x\\>');
  });
});
