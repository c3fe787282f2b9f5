// Every onboarding check against the values it reads: a healthy gateway passes, each kind of gap gives the status and
// words a person acts on, and any failed read (a 403 naming the missing permission) is an 'error' for the check.
import * as assert from 'node:assert/strict';
import { findCheck, ONBOARDING_CHECKS } from '../../../src/core/onboarding/registry';
import { runOnboardingChecks } from '../../../src/core/onboarding/run';
import { SYNERGY_REQUIRED_ROLES } from '../../../src/core/onboarding/roles';
import type { CheckOutcome, CheckStatus, OnboardingData } from '../../../src/core/onboarding/types';
import type { CommunicationsGatewayProperties } from '../../../src/core/models';
import { ACG_SP_ID, ADMIN_ROLE_ID, countingReads, forbidden, healthyData, ME_ID, MI_ID, SYNERGY_SP_ID, testLine, USER_ROLE_IDS } from './onboarding.support';

type Edit = (data: OnboardingData) => OnboardingData;

interface NotPassing {
  readonly name: string;
  readonly edit: Edit;
  readonly status: CheckStatus;
  readonly summary?: RegExp | string;
  readonly then?: (outcome: CheckOutcome, data: OnboardingData) => void;
}

function evaluate(id: string, edit: Edit = (d) => d): { outcome: CheckOutcome; data: OnboardingData } {
  const check = findCheck(id);
  assert.ok(check, `no check ${id}`);
  const data = edit(healthyData());
  return { outcome: check.evaluate(data), data };
}

function withProps(props: Partial<CommunicationsGatewayProperties>): Edit {
  return (d) => ({ ...d, gateway: { ...d.gateway, properties: { ...d.gateway.properties!, ...props } } });
}

const unmarked: Edit = (d) => ({ ...d, marks: {} });
const evidenceOf = (outcome: CheckOutcome, label: string) => outcome.evidence.find((e) => e.label === label)?.value;
const missingSynergyRoles = (count: number): Edit => (d) => ({
  ...d,
  identity: { ...d.identity, synergyAssignments: d.identity.synergyAssignments.slice(0, SYNERGY_REQUIRED_ROLES.length - count) },
});

// The cases that do not pass, per check. A check without an entry here fails the completeness test below.
const NOT_PASSING: Readonly<Record<string, readonly NotPassing[]>> = {
  'gateway.provisioning-state': [
    { name: 'Failed', edit: (d) => ({ ...d, gateway: { ...d.gateway, properties: { ...d.gateway.properties!, provisioningState: 'Failed' } } }), status: 'fail', summary: /Failed/ },
    { name: 'still updating', edit: withProps({ provisioningState: 'Updating' as 'Succeeded' }), status: 'warn', summary: /Updating.*still working/ },
  ],
  'gateway.status': [
    {
      name: 'ChangePending: wait, and since when',
      edit: withProps({ status: 'ChangePending' }),
      status: 'warn',
      summary: 'Provisioning Status is ChangePending since 2026-02-20T12:00:00Z (9 days ago): wait for Microsoft to finish setting up the gateway; this can take up to two weeks.',
      then: (o) => assert.equal(evidenceOf(o, 'Days since the last change'), 9),
    },
    {
      name: 'ChangePending for 8.5 days counts 8 whole days',
      edit: (d) => withProps({ status: 'ChangePending' })({ ...d, gateway: { ...d.gateway, systemData: { lastModifiedAt: '2026-02-21T00:00:00Z' } } }),
      status: 'warn',
      summary: /since 2026-02-21T00:00:00Z \(8 days ago\)/,
    },
    { name: 'ChangePending without systemData', edit: (d) => withProps({ status: 'ChangePending' })({ ...d, gateway: { ...d.gateway, systemData: undefined } }), status: 'warn', summary: /^Provisioning Status is ChangePending: wait/ },
    { name: 'no status', edit: withProps({ status: undefined }), status: 'fail', summary: /not reported/ },
  ],
  'gateway.platforms': [
    {
      name: 'an intended service missing',
      edit: (d) => ({ ...d, intendedPlatforms: { platforms: ['OperatorConnect', 'TeamsDirectRouting'], source: 'fabrikam.acg-gateway.json' } }),
      status: 'fail',
      summary: "The gateway's platforms lack TeamsDirectRouting (wanted by fabrikam.acg-gateway.json).",
      then: (o) => {
        assert.deepEqual(evidenceOf(o, "The gateway's platforms"), ['OperatorConnect', 'TeamsPhoneMobile']);
        assert.equal(evidenceOf(o, 'Services being set up, according to'), 'fabrikam.acg-gateway.json');
      },
    },
  ],
  'test-lines.count': [
    {
      name: '4 of 6 OC lines in production',
      edit: (d) => ({ ...d, testLines: d.testLines.filter((l) => l.name !== 'OC5' && l.name !== 'OC6') }),
      status: 'fail',
      summary: 'OC: 4 of 6 automated test lines (production needs 6); TPM: 6 of 6 automated test lines.',
    },
    {
      name: 'a manual OC line is not counted',
      edit: (d) => ({ ...d, testLines: d.testLines.map((l) => (l.name === 'OC1' ? testLine('OC1', '+442079460001', 'Manual') : l)) }),
      status: 'fail',
      summary: /^OC: 5 of 6/,
    },
    { name: 'no OC or TPM', edit: withProps({ platforms: ['TeamsDirectRouting'] }), status: 'skipped' },
  ],
  'test-lines.numbers': [
    {
      name: 'a number that is not E.164',
      edit: (d) => ({ ...d, testLines: d.testLines.map((l) => (l.name === 'OC3' ? testLine('OC3', '02079460003') : l)) }),
      status: 'fail',
      summary: /^1 problem with test lines; first: OC3 \(02079460003\): Not a valid E\.164 number/,
    },
    {
      name: 'a verification line whose purpose is Manual',
      edit: (d) => ({ ...d, testLines: d.testLines.map((l) => (l.name === 'TPM2' ? testLine('TPM2', '+447700900002', 'Manual') : l)) }),
      status: 'fail',
      summary: /TPM2 .*Purpose is Manual/,
    },
    { name: 'no test lines', edit: (d) => ({ ...d, testLines: [] }), status: 'skipped' },
  ],
  'test-lines.names': [
    {
      name: 'an automated line not named OC<n> or TPM<n>',
      edit: (d) => ({ ...d, testLines: [...d.testLines, testLine('line7', '+442079460777')] }),
      status: 'fail',
      summary: /^line7: name automated test lines OC1/,
      then: (o) => assert.deepEqual(evidenceOf(o, 'Not named OC<n> or TPM<n>'), ['line7']),
    },
    { name: 'OC0 is not a name of the series', edit: (d) => ({ ...d, testLines: [...d.testLines, testLine('OC0', '+442079460777')] }), status: 'fail', summary: /^OC0:/ },
  ],
  'test-lines.integration-overlap': [
    {
      name: 'an integration number that is also a test line (in another notation)',
      edit: (d) => ({ ...d, integrationNumbers: [{ file: 'gw/fabrikam.acg-gateway.json', numbers: ['+44 20 7946 0001', '+442079469999'] }] }),
      status: 'fail',
      summary: /^\+44 20 7946 0001 \(gw\/fabrikam\.acg-gateway\.json\) is also test line OC1/,
      then: (o) => assert.deepEqual(evidenceOf(o, 'Also test lines'), [{ number: '+44 20 7946 0001', file: 'gw/fabrikam.acg-gateway.json', testLine: 'OC1' }]),
    },
    { name: 'no integration numbers', edit: (d) => ({ ...d, integrationNumbers: [] }), status: 'skipped' },
  ],
  'provisioning-api.reachable': [
    {
      name: 'connection refused',
      edit: (d) => ({ ...d, provisioningApi: { url: 'https://provapi.x.commsgw.azure.com/accounts', reachable: false, problem: 'connect ECONNREFUSED', elapsedMs: 3 } }),
      status: 'fail',
      summary: /not reachable from here: connect ECONNREFUSED/,
      then: (o) => assert.equal(evidenceOf(o, 'Elapsed (ms)'), 3),
    },
  ],
  'provisioning-api.allowlist': [
    {
      name: 'the caller outside the allowlist',
      edit: (d) => ({ ...d, provisioningApi: { ...d.provisioningApi, reachable: false, status: 403, callerAddress: '198.51.100.9' } }),
      status: 'fail',
      summary: /^198\.51\.100\.9 is outside the allowlist \(203\.0\.113\.0\/24, 2001:db8::\/32\)/,
    },
    { name: 'no address shown, but reachable', edit: (d) => ({ ...d, provisioningApi: { ...d.provisioningApi, callerAddress: undefined } }), status: 'skipped' },
    { name: 'no address shown, unreachable', edit: (d) => ({ ...d, provisioningApi: { url: 'u', reachable: false } }), status: 'warn' },
    { name: 'an empty allowlist', edit: withProps({ apiBridge: { allowedAddressPrefixes: [] } }), status: 'fail', summary: /outside the allowlist \(empty\)/ },
  ],
  'synergy.service-principal': [
    {
      name: 'absent: fix creates it',
      edit: (d) => ({ ...d, synergy: undefined }),
      status: 'fail',
      then: (o) => assert.deepEqual(o.fix?.writes.map((w) => [w.method, w.path, w.body]), [['POST', '/servicePrincipals', { appId: 'eb63d611-525e-4a31-abd7-0cb33f679599' }]]),
    },
  ],
  'synergy.admin-role': [
    {
      name: 'not held: fix assigns the Admin role resolved from appRoles',
      edit: (d) => ({ ...d, myAssignments: [] }),
      status: 'fail',
      summary: 'ops.admin@contoso.example does not hold the Admin role on Project Synergy.',
      then: (o) => {
        assert.deepEqual(o.fix?.writes.map((w) => [w.method, w.service, w.path, w.body]), [
          ['POST', 'graph', `/users/${ME_ID}/appRoleAssignments`, { principalId: ME_ID, resourceId: SYNERGY_SP_ID, appRoleId: ADMIN_ROLE_ID }],
        ]);
      },
    },
    {
      name: "held by role id, but of another app's Admin role",
      edit: (d) => ({ ...d, myAssignments: [{ principalId: ME_ID, resourceId: ACG_SP_ID, appRoleId: ADMIN_ROLE_ID }] }),
      status: 'fail',
    },
    { name: 'signed in as an application', edit: (d) => ({ ...d, me: undefined }), status: 'skipped' },
    {
      name: 'Project Synergy absent: points at its check, no fix',
      edit: (d) => ({ ...d, synergy: undefined }),
      status: 'fail',
      summary: /Fix synergy\.service-principal first/,
      then: (o) => assert.equal(o.fix, undefined),
    },
  ],
  'identity.synergy-roles': [
    {
      name: 'the last two roles missing: named, listed by name and id, fixed one write each',
      edit: missingSynergyRoles(2),
      status: 'fail',
      summary: '2 of 7 Project Synergy roles are missing: Data.Read, Data.Write.',
      then: (o) => {
        assert.deepEqual(evidenceOf(o, 'Missing roles'), [
          { name: 'Data.Read', id: 'eb63d611-525e-4a31-abd7-0cb33f679599' },
          { name: 'Data.Write', id: '98d32f93-eaa7-4657-b443-090c23e69f27' },
        ]);
        assert.equal((evidenceOf(o, 'Held roles') as unknown[]).length, 5);
        assert.equal(o.fix?.recheckWithBackoff, true);
        assert.deepEqual(o.fix?.writes.map((w) => [w.method, w.path, w.body]), [
          ['POST', `/servicePrincipals/${MI_ID}/appRoleAssignments`, { principalId: MI_ID, resourceId: SYNERGY_SP_ID, appRoleId: 'eb63d611-525e-4a31-abd7-0cb33f679599' }],
          ['POST', `/servicePrincipals/${MI_ID}/appRoleAssignments`, { principalId: MI_ID, resourceId: SYNERGY_SP_ID, appRoleId: '98d32f93-eaa7-4657-b443-090c23e69f27' }],
        ]);
        assert.equal(o.fix?.writes[0]?.description, "Assign Data.Read (eb63d611-525e-4a31-abd7-0cb33f679599) to fabrikam-new-gw's managed identity");
      },
    },
    {
      name: 'an assignment on another resource does not count',
      edit: (d) => ({ ...d, identity: { ...d.identity, synergyAssignments: d.identity.synergyAssignments.map((a, i) => (i === 0 ? { ...a, resourceId: ACG_SP_ID } : a)) } }),
      status: 'fail',
      summary: '1 of 7 Project Synergy roles are missing: TrunkManagement.Read.',
    },
    {
      name: 'no managed identity: no fix',
      edit: (d) => ({ ...d, identity: { synergyAssignments: [] } }),
      status: 'fail',
      summary: /turn on the system-assigned managed identity/,
      then: (o) => assert.equal(o.fix, undefined),
    },
    { name: 'Project Synergy absent', edit: (d) => ({ ...d, synergy: undefined }), status: 'fail', summary: /synergy\.service-principal/ },
  ],
  'acg-app.present': [
    {
      name: 'absent: fix creates it',
      edit: (d) => ({ ...d, provisioningApp: undefined }),
      status: 'fail',
      then: (o) => assert.deepEqual(o.fix?.writes.map((w) => [w.method, w.path, w.body]), [['POST', '/servicePrincipals', { appId: '8502a0ec-c76d-412f-836c-398018e2312b' }]]),
    },
  ],
  'acg-app.user-roles': [
    {
      name: 'only a service principal holds a role: fix asks for a role and a principal',
      edit: (d) => ({ ...d, provisioningAssignedTo: [{ principalId: 'x', principalType: 'ServicePrincipal', resourceId: ACG_SP_ID, appRoleId: USER_ROLE_IDS['ProvisioningAPI.AdminUser'] }] }),
      status: 'fail',
      then: (o) => {
        const [role, principal] = o.fix?.inputs ?? [];
        assert.equal(role?.kind, 'choice');
        assert.deepEqual(role?.kind === 'choice' ? role.options.map((r) => r.label) : [], ['ProvisioningAPI.ReadUser', 'ProvisioningAPI.WriteUser', 'ProvisioningAPI.DeleteUser', 'ProvisioningAPI.AdminUser']);
        assert.equal(role?.kind === 'choice' ? role.options[0]?.value : '', USER_ROLE_IDS['ProvisioningAPI.ReadUser']);
        assert.deepEqual(principal, { id: 'principal', kind: 'principal', label: 'User or group (object id or user principal name)' });
        assert.deepEqual(o.fix?.writes.map((w) => [w.path, w.body]), [
          [`/servicePrincipals/${ACG_SP_ID}/appRoleAssignedTo`, { principalId: '{{input:principal}}', resourceId: ACG_SP_ID, appRoleId: '{{input:role}}' }],
        ]);
      },
    },
    { name: 'the app is absent', edit: (d) => ({ ...d, provisioningApp: undefined }), status: 'fail', summary: /acg-app\.present/ },
  ],
  'domain.verified': [
    { name: 'no domain from ARM yet', edit: (d) => ({ ...d, domain: { verificationRecords: [] } }), status: 'fail', summary: /ARM has not assigned/, then: (o) => assert.equal(o.fix, undefined) },
    {
      name: 'not in the tenant: fix adds it',
      edit: (d) => ({ ...d, domain: { name: 'fnew1a2b3c.commsgw.azure.com', verificationRecords: [] } }),
      status: 'fail',
      then: (o) => {
        assert.equal(o.fix?.title, 'Add the domain');
        assert.deepEqual(o.fix?.writes.map((w) => [w.path, w.body]), [['/domains', { id: 'fnew1a2b3c.commsgw.azure.com' }]]);
      },
    },
    {
      name: 'added but unverified: the TXT record to copy, and Verify now',
      edit: (d) => ({
        ...d,
        domain: {
          name: 'fnew1a2b3c.commsgw.azure.com',
          entry: { id: 'fnew1a2b3c.commsgw.azure.com', isVerified: false },
          verificationRecords: [
            { recordType: 'Txt', label: 'fnew1a2b3c.commsgw.azure.com', text: 'MS=ms12345678', ttl: 3600 },
            { recordType: 'Mx', label: 'fnew1a2b3c.commsgw.azure.com' },
          ],
        },
      }),
      status: 'fail',
      then: (o) => {
        const txt = o.evidence.filter((e) => e.label.startsWith('TXT record'));
        assert.deepEqual(txt, [
          { label: 'TXT record value', value: 'MS=ms12345678', copy: true },
          { label: 'TXT record name', value: 'fnew1a2b3c.commsgw.azure.com', copy: true },
          { label: 'TXT record TTL (seconds)', value: 3600 },
        ]);
        assert.equal(o.fix?.title, 'Verify now');
        assert.deepEqual(o.fix?.writes.map((w) => [w.method, w.path]), [['POST', '/domains/fnew1a2b3c.commsgw.azure.com/verify']]);
      },
    },
  ],
  'legacy.app-registrations': [
    {
      name: 'a secret expiring within 14 days',
      edit: (d) => ({ ...d, legacyApplications: [{ ...d.legacyApplications[0]!, secrets: [{ displayName: 'billing-2026', endDateTime: '2026-03-11T12:00:00Z' }] }] }),
      status: 'fail',
      summary: /Billing: secret billing-2026 expires in 10 days.*70 days/,
    },
    {
      name: 'an expired secret',
      edit: (d) => ({ ...d, legacyApplications: [{ ...d.legacyApplications[0]!, secrets: [{ keyId: 'k1', endDateTime: '2026-02-01T12:00:00Z' }] }] }),
      status: 'fail',
      summary: /secret k1 expired 28 days ago/,
    },
    {
      name: 'a requested role without admin consent',
      edit: (d) => ({ ...d, legacyApplications: [{ ...d.legacyApplications[0]!, requestedSynergyRoleIds: [SYNERGY_REQUIRED_ROLES[5]!.id, SYNERGY_REQUIRED_ROLES[6]!.id] }] }),
      status: 'fail',
      summary: /Billing lacks admin consent for Data\.Write/,
      then: (o) => assert.deepEqual((evidenceOf(o, 'Billing') as { missingGrants: unknown }).missingGrants, ['Data.Write']),
    },
    { name: 'no legacy registrations', edit: (d) => ({ ...d, legacyApplications: [] }), status: 'skipped' },
  ],
  'oc.portal-app-ids': [
    {
      name: 'not marked: manual, with both app ids to copy',
      edit: unmarked,
      status: 'manual',
      then: (o) => {
        assert.deepEqual(o.evidence, [
          { label: "The gateway's managed identity (Application ID)", value: 'a0a0a0a0-0000-4000-8000-000000000003', copy: true },
          { label: 'AzureCommunicationsGateway (Application ID)', value: '8502a0ec-c76d-412f-836c-398018e2312b', copy: true },
        ]);
      },
    },
  ],
  'oc.onboarding-form': [{ name: 'not marked', edit: unmarked, status: 'manual' }],
  'oc.portal-sign-in': [{ name: 'not marked', edit: unmarked, status: 'manual' }],
  'tpm.voicemail-mcp': [
    { name: 'no voicemail pilot number', edit: withProps({ teamsVoicemailPilotNumber: ' ' }), status: 'fail', summary: /no voicemail pilot number/ },
    { name: 'no MCP', edit: withProps({ integratedMcpEnabled: false, onPremMcpEnabled: false }), status: 'warn', summary: /no Mobile Control Point/ },
    { name: 'no Teams Phone Mobile', edit: withProps({ platforms: ['OperatorConnect'] }), status: 'skipped' },
  ],
  'golive.gateway-ready': [{ name: 'ChangePending', edit: withProps({ status: 'ChangePending' }), status: 'fail', summary: /Succeeded and ChangePending/ }],
  'golive.service-verification-lines': [
    { name: 'short of OC lines', edit: (d) => ({ ...d, testLines: d.testLines.filter((l) => l.name !== 'OC6') }), status: 'fail', summary: /OC: 5 of 6/ },
  ],
  'golive.accounts-synced': [
    {
      name: 'every account failed',
      edit: (d) => ({ ...d, accounts: [{ name: 'contoso', serviceProvisioningStatus: 'failed', numberCount: 1 }] }),
      status: 'fail',
      summary: 'Provisioning failed for contoso, and no account is synced.',
    },
    {
      name: 'an account whose provisioning failed beside synced ones',
      edit: (d) => ({ ...d, accounts: [...d.accounts, { name: 'contoso', serviceProvisioningStatus: 'failed', numberCount: 1 }] }),
      status: 'warn',
      summary: 'Provisioning failed for contoso; 1 account synced.',
    },
    { name: 'still pending', edit: (d) => ({ ...d, accounts: [{ name: 'contoso', serviceProvisioningStatus: 'pending', numberCount: 1 }] }), status: 'warn' },
    { name: 'no accounts yet', edit: (d) => ({ ...d, accounts: [] }), status: 'warn' },
  ],
};

const manualIds = ONBOARDING_CHECKS.filter((c) => c.manual).map((c) => c.id);
const notPassingFor = (id: string): readonly NotPassing[] =>
  NOT_PASSING[id] ?? (id.startsWith('golive.') && manualIds.includes(id) ? [{ name: 'not marked', edit: unmarked, status: 'manual' as const }] : []);

describe('core/onboarding: checks', () => {
  it('every check has cases that do not pass', () => {
    assert.deepEqual(ONBOARDING_CHECKS.filter((c) => notPassingFor(c.id).length === 0).map((c) => c.id), []);
    assert.deepEqual(Object.keys(NOT_PASSING).filter((id) => !findCheck(id)), [], 'cases for checks that do not exist');
  });

  for (const check of ONBOARDING_CHECKS) {
    describe(check.id, () => {
      it('passes for a healthy gateway', () => {
        const { outcome } = evaluate(check.id);
        assert.equal(outcome.status, 'pass', outcome.summary);
        assert.equal(outcome.fix, undefined);
      });

      for (const c of notPassingFor(check.id)) {
        it(`${c.status}: ${c.name}`, () => {
          const { outcome, data } = evaluate(check.id, c.edit);
          assert.equal(outcome.status, c.status, outcome.summary);
          if (typeof c.summary === 'string') assert.equal(outcome.summary, c.summary);
          else if (c.summary) assert.match(outcome.summary, c.summary);
          c.then?.(outcome, data);
        });
      }

      for (const key of check.reads) {
        it(`error when reading ${key} is refused (403), naming the missing permission`, async () => {
          const reads = countingReads(healthyData(), { [key]: forbidden('Application.Read.All') });
          const [result] = await runOnboardingChecks(reads, { checkIds: [check.id] });
          assert.equal(result?.status, 'error');
          assert.match(result?.summary ?? '', /Missing permission: Application\.Read\.All/);
          assert.deepEqual(result?.evidence.find((e) => e.label === 'Missing permission')?.value, 'Application.Read.All');
        });
      }
    });
  }

  describe('details', () => {
    it('a manual step marked done passes and says who marked it and when', () => {
      const { outcome } = evaluate('oc.onboarding-form');
      assert.equal(outcome.summary, 'Marked done by ops.admin@contoso.example on 2026-02-28T10:00:00Z.');
      assert.deepEqual(outcome.evidence, [
        { label: 'Marked done', value: '2026-02-28T10:00:00Z' },
        { label: 'Marked by', value: 'ops.admin@contoso.example' },
      ]);
    });

    it('a mark with done: false is not done', () => {
      const { outcome } = evaluate('oc.portal-sign-in', (d) => ({ ...d, marks: { 'oc.portal-sign-in': { done: false, at: '2026-02-28T10:00:00Z' } } }));
      assert.equal(outcome.status, 'manual');
    });

    it('the Admin role id is the one appRoles calls Admin, whatever its id', () => {
      const otherId = '99999999-0000-4000-8000-000000000001';
      const { outcome } = evaluate('synergy.admin-role', (d) => ({
        ...d,
        synergy: { ...d.synergy!, appRoles: d.synergy!.appRoles!.map((r) => (r.value === 'Admin' ? { ...r, id: otherId } : r)) },
      }));
      assert.equal(outcome.status, 'fail');
      assert.equal((outcome.fix?.writes[0]?.body as { appRoleId: string }).appRoleId, otherId);
    });

    it('the allowlist takes IPv6 and IPv4-mapped callers', () => {
      for (const callerAddress of ['2001:db8:1::7', '::ffff:203.0.113.7']) {
        const { outcome } = evaluate('provisioning-api.allowlist', (d) => ({ ...d, provisioningApi: { ...d.provisioningApi, callerAddress } }));
        assert.equal(outcome.status, 'pass', callerAddress);
      }
    });

    it('a lab gateway needs 3 lines per service', () => {
      const { outcome } = evaluate('test-lines.count', (d) => ({
        ...withProps({ serviceLocations: d.gateway.properties!.serviceLocations.slice(0, 1), platforms: ['OperatorConnect'] })(d),
        testLines: d.testLines.filter((l) => ['OC1', 'OC2', 'OC3'].includes(l.name ?? '')),
      }));
      assert.equal(outcome.status, 'pass');
      assert.equal(outcome.summary, 'OC: 3 of 3 automated test lines.');
    });

    it('the healthy summaries read well', () => {
      assert.equal(evaluate('identity.synergy-roles').outcome.summary, 'The managed identity holds all 7 Project Synergy roles.');
      assert.equal(evaluate('acg-app.user-roles').outcome.summary, 'Operations Admin holds a ProvisioningAPI user role.');
      assert.equal(evaluate('provisioning-api.allowlist').outcome.summary, '203.0.113.7 is inside 203.0.113.0/24.');
    });
  });
});
