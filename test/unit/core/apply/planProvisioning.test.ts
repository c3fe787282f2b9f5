// The provisioning planner: desired file against live state, field by field, with deletes only under prune and only
// where the live read was complete, in apply order, with counts and the rate-limit estimate.
import { strict as assert } from 'node:assert';
import { isPlanError, planProvisioning, type PlanChange } from '../../../../src/core/apply';
import type { PlanDocument } from '../../../../src/core/config/model';
import type { AccountResource } from '../../../../src/core/models';
import { entryOf, liveState, ocAccount, ocNumber, OPTIONS } from './support';

const DIRECT_ROUTING = {
  enabled: true,
  syncEnabled: false,
  configuration: { callScreening: false, subdomain: 'contoso', subdomainTokens: { region1Token: 't1', region2Token: 't2' } },
};
const ids = (changes: readonly PlanChange[]) => changes.map((c) => `${c.action} ${c.id}`);

describe('planProvisioning: creates, updates and no-ops', () => {
  it('creates a missing account and its numbers, each number under the enclosing account', () => {
    const desired: PlanDocument = { accounts: [{ name: 'Contoso', correlationId: 'crm-1', serviceDetails: ocAccount('x').serviceDetails, numbers: [entryOf(ocNumber('+442079460001', 'ignored'))] }] };
    const plan = planProvisioning(desired, liveState({}), OPTIONS);
    assert.deepEqual(ids(plan.changes), ['create account:Contoso', 'create number:+442079460001']);
    const number = plan.changes[1];
    assert.equal(number.kind, 'number');
    assert.equal(number.kind === 'number' && number.body?.accountName, 'Contoso');
    assert.equal(number.etag, undefined, 'a create has no ETag: apply sends If-None-Match: *');
    assert.equal(number.fields[0]?.path, 'serviceDetails.teamsOperatorConnect.enabled', 'the keys are in the change, not repeated as fields');
    const account = plan.changes[0];
    assert.deepEqual(
      account.fields.map((f) => f.path),
      ['correlationId', 'serviceDetails.teamsTenantId', 'serviceDetails.teamsOperatorConnect.enabled', 'serviceDetails.teamsOperatorConnect.syncEnabled'],
    );
    assert.deepEqual(plan.counts, { create: 2, update: 0, delete: 0, noop: 0 });
    assert.equal(plan.format, 'acg-provisioning-plan/1');
    assert.deepEqual(plan.desired, { path: OPTIONS.desiredPath, sha256: OPTIONS.desiredSha256 });
    assert.equal(plan.gateway.domain, 'contoso-gw.example.com');
    assert.equal(plan.prune, false);
  });

  it('ignores read-only and computed fields: status, errors, numberCount, subdomainStatus, acquired/available capabilities', () => {
    const account = ocAccount('contoso');
    const number = ocNumber('+442079460001', 'contoso');
    const liveAccount: AccountResource = {
      ...structuredClone(account),
      serviceProvisioningStatus: 'failed',
      serviceProvisioningErrors: [{ code: 'X', message: 'y' }],
      serviceDetails: {
        ...structuredClone(account.serviceDetails),
        teamsOperatorConnect: { enabled: true, syncEnabled: true, numberCount: 7 },
        teamsDirectRouting: { ...DIRECT_ROUTING, numberCount: 0, subdomainStatus: 'provisioned' },
      },
    };
    const liveNumber = structuredClone(number);
    const config = liveNumber.serviceDetails.teamsOperatorConnect?.configuration;
    assert.ok(config);
    Object.assign(config, { acquiredCapabilities: ['InboundCalling'], availableCapabilities: ['OutboundCalling'] });
    Object.assign(liveNumber, { serviceProvisioningStatus: 'pending', serviceProvisioningErrors: [] });
    const desiredAccount = { ...account, serviceDetails: { ...account.serviceDetails, teamsDirectRouting: DIRECT_ROUTING } };
    const desired: PlanDocument = { accounts: [{ ...desiredAccount, numbers: [entryOf(number)] }] };
    const plan = planProvisioning(desired, liveState({ accounts: [liveAccount], numbers: [liveNumber] }), OPTIONS);
    assert.deepEqual(plan.changes, []);
    assert.deepEqual(plan.counts, { create: 0, update: 0, delete: 0, noop: 2 });
  });

  it('updates field by field, with the ETag read at plan time', () => {
    const number = ocNumber('+442079460001', 'contoso');
    const changed = structuredClone(number);
    const config = changed.serviceDetails.teamsOperatorConnect?.configuration;
    assert.ok(config);
    config.usage = 'FirstPartyAppAssignment';
    const live = liveState({ accounts: [ocAccount('contoso')], numbers: [number] });
    const plan = planProvisioning({ accounts: [{ ...ocAccount('contoso'), numbers: [entryOf(changed)] }] }, live, OPTIONS);
    assert.deepEqual(ids(plan.changes), ['update number:+442079460001']);
    const [change] = plan.changes;
    assert.deepEqual(change.fields, [{ path: 'serviceDetails.teamsOperatorConnect.configuration.usage', before: 'CallingUserAssignment', after: 'FirstPartyAppAssignment' }]);
    assert.equal(change.etag, live.numbers.get('+442079460001')?.etag);
    assert.equal(change.kind === 'number' && change.body?.serviceDetails.teamsOperatorConnect?.configuration?.usage, 'FirstPartyAppAssignment');
  });

  it('updates an account field and shows a field the file leaves out as cleared (a PUT replaces)', () => {
    const live = liveState({ accounts: [ocAccount('contoso')], numbers: [ocNumber('+442079460001', 'contoso', { configuration: { customSipHeader: 'hq' } })] });
    const desired: PlanDocument = { accounts: [{ ...ocAccount('contoso', { correlationId: 'crm-2' }), numbers: [entryOf(ocNumber('+442079460001', 'contoso'))] }] };
    const plan = planProvisioning(desired, live, OPTIONS);
    assert.deepEqual(ids(plan.changes), ['update account:contoso', 'update number:+442079460001']);
    assert.deepEqual(plan.changes[0].fields, [{ path: 'correlationId', before: 'crm-contoso', after: 'crm-2' }]);
    assert.deepEqual(plan.changes[1].fields, [{ path: 'configuration.customSipHeader', before: 'hq' }]);
  });

  it('compares capability lists as sets, and account names case-insensitively (keeping the live spelling)', () => {
    const number = ocNumber('+442079460001', 'Contoso');
    const reordered = structuredClone(number);
    reordered.serviceDetails.teamsOperatorConnect?.configuration?.choosableCapabilities.reverse();
    const plan = planProvisioning({ accounts: [{ ...ocAccount('CONTOSO', { correlationId: 'crm-Contoso' }), numbers: [entryOf(reordered)] }] }, liveState({ accounts: [ocAccount('Contoso')], numbers: [number] }), OPTIONS);
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.counts.noop, 2);
  });

  it('compares numbers in E.164: a national number takes the account’s (or the plan’s) default country', () => {
    const live = liveState({ accounts: [ocAccount('contoso'), ocAccount('fabrikam')], numbers: [ocNumber('+442079460001', 'contoso'), ocNumber('+33123456789', 'fabrikam')] });
    const desired: PlanDocument = {
      defaultCountry: 'GB',
      accounts: [
        { ...ocAccount('contoso'), numbers: [{ ...entryOf(ocNumber('+442079460001', 'x')), telephoneNumber: '020 7946 0001' }] },
        { ...ocAccount('fabrikam'), defaultCountry: 'FR', numbers: [{ ...entryOf(ocNumber('+33123456789', 'x')), telephoneNumber: '01 23 45 67 89' }, entryOf(ocNumber('+33123456780', 'x'))] },
      ],
    };
    const plan = planProvisioning(desired, live, OPTIONS);
    assert.deepEqual(ids(plan.changes), ['create number:+33123456780']);
    assert.equal(plan.counts.noop, 4);
  });
});

describe('planProvisioning: prune', () => {
  const live = () =>
    liveState({
      accounts: [ocAccount('contoso'), ocAccount('fabrikam'), ocAccount('partial'), ocAccount('gone')],
      numbers: [
        ocNumber('+442079460001', 'contoso'),
        ocNumber('+442079460002', 'contoso'),
        ocNumber('+442079460003', 'fabrikam'),
        ocNumber('+442079460004', 'partial'),
        ocNumber('+442079460005', 'gone'),
      ],
      complete: ['contoso', 'fabrikam', 'gone'],
    });
  const desired = (prune: boolean | undefined): PlanDocument => ({
    ...(prune === undefined ? {} : { prune }),
    accounts: [
      { ...ocAccount('contoso'), numbers: [entryOf(ocNumber('+442079460001', 'x'))] },
      // No numbers list: this account's numbers are not managed by the file.
      { ...ocAccount('fabrikam') },
      { ...ocAccount('partial'), numbers: [] },
    ],
  });

  it('off (absent or false): nothing is deleted', () => {
    for (const prune of [undefined, false]) {
      const plan = planProvisioning(desired(prune), live(), OPTIONS);
      assert.deepEqual(plan.changes, []);
      assert.equal(plan.counts.delete, 0);
      assert.equal(plan.prune, false);
    }
  });

  it('on: deletes unlisted numbers only in complete accounts with a numbers list, and complete accounts the file does not name', () => {
    const state = live();
    const plan = planProvisioning(desired(true), state, OPTIONS);
    assert.equal(plan.prune, true);
    assert.deepEqual(ids(plan.changes), ['delete number:+442079460002', 'delete number:+442079460005', 'delete account:gone']);
    const accountDelete = plan.changes[2];
    assert.equal(accountDelete.kind === 'account' && accountDelete.deleteNumbers, false, 'numbers go one by one, never silently with the account');
    assert.equal(plan.changes[0].etag, state.numbers.get('+442079460002')?.etag);
    assert.equal(plan.changes[2].etag, state.accounts.get('gone')?.etag);
    assert.deepEqual(plan.changes[0].fields, []);
    assert.deepEqual(plan.counts, { create: 0, update: 0, delete: 3, noop: 4 });
  });
});

describe('planProvisioning: order, counts, estimate', () => {
  it('orders account writes, number deletes, number writes grouped by account, account deletes, relationships', () => {
    const tenant = '22222222-2222-2222-2222-222222222222';
    const live = liveState({
      accounts: [ocAccount('a'), ocAccount('old')],
      numbers: [ocNumber('+442079460009', 'a'), ocNumber('+442079460008', 'old')],
      requests: [{ tenantId: tenant, customerRelationship: { status: 'CustomerContacted' } }],
    });
    const desired: PlanDocument = {
      prune: true,
      relationships: [{ tenantId: tenant, customerRelationship: { status: 'AgreementSigned' } }],
      accounts: [
        { ...ocAccount('a'), numbers: [entryOf(ocNumber('+442079460001', 'x'))] },
        { ...ocAccount('b'), numbers: [entryOf(ocNumber('+442079460002', 'x')), entryOf(ocNumber('+442079460003', 'x'))] },
      ],
    };
    const plan = planProvisioning(desired, live, OPTIONS);
    assert.deepEqual(ids(plan.changes), [
      'create account:b',
      'delete number:+442079460009',
      'delete number:+442079460008',
      'create number:+442079460001',
      'create number:+442079460002',
      'create number:+442079460003',
      'delete account:old',
      `update relationship:${tenant}`,
    ]);
    assert.deepEqual(plan.counts, { create: 4, update: 1, delete: 3, noop: 1 });
    // 1 account create, deletes: 1 batch in a + 1 in old, writes: 1 batch in a + 1 in b, 1 account delete, 1 relationship.
    assert.equal(plan.estimate.requests, 7);
  });

  it('estimates 10,000 numbers in one account as 100 requests: 60 s at 100 a minute, 1 s at 6,000', () => {
    const numbers = Array.from({ length: 10_000 }, (_, i) => entryOf(ocNumber(`+4420794${String(i).padStart(5, '0')}`, 'x')));
    const desired: PlanDocument = { accounts: [{ ...ocAccount('bulk'), numbers }] };
    const live = liveState({ accounts: [ocAccount('bulk')] });
    const plan = planProvisioning(desired, live, OPTIONS);
    assert.equal(plan.counts.create, 10_000);
    assert.deepEqual(plan.estimate, { requests: 100, requestsPerMinute: 100, seconds: 60 });
    assert.deepEqual(planProvisioning(desired, live, { ...OPTIONS, requestsPerMinute: 6000 }).estimate, { requests: 100, requestsPerMinute: 6000, seconds: 1 });
    const oneMore: PlanDocument = { accounts: [{ ...ocAccount('bulk'), numbers: [...numbers, entryOf(ocNumber('+442079500000', 'x'))] }] };
    assert.equal(planProvisioning(oneMore, live, OPTIONS).estimate.requests, 101);
  });
});

describe('planProvisioning: relationships and refusals', () => {
  const tenant = '33333333-3333-3333-3333-333333333333';
  const live = () => liveState({ requests: [{ tenantId: tenant, customerRelationship: { status: 'ConsentDeclined', comment: 'No budget' } }] });

  it('compares the status, and the comment only when the file gives one (the update is a merge patch)', () => {
    const same = planProvisioning({ relationships: [{ tenantId: tenant.toUpperCase(), customerRelationship: { status: 'ConsentDeclined' } }] }, live(), OPTIONS);
    assert.deepEqual(same.changes, []);
    assert.equal(same.counts.noop, 1);
    const plan = planProvisioning({ relationships: [{ tenantId: tenant, customerRelationship: { status: 'ConsentDeclined', comment: 'Chose another operator' } }] }, live(), OPTIONS);
    assert.deepEqual(plan.changes[0].fields, [{ path: 'customerRelationship.comment', before: 'No budget', after: 'Chose another operator' }]);
    assert.equal(plan.changes[0].kind === 'relationship' && plan.changes[0].status, 'ConsentDeclined');
  });

  it('refuses, listing every problem: a tenant without a request, a number in another account, a number listed twice', () => {
    const state = liveState({ accounts: [ocAccount('a'), ocAccount('b')], numbers: [ocNumber('+442079460001', 'a')] });
    const desired: PlanDocument = {
      relationships: [{ tenantId: tenant, customerRelationship: { status: 'AgreementSigned' } }],
      accounts: [
        { ...ocAccount('b'), numbers: [entryOf(ocNumber('+442079460001', 'x')), entryOf(ocNumber('+442079460002', 'x'))] },
        { ...ocAccount('a'), defaultCountry: 'GB', numbers: [{ ...entryOf(ocNumber('+442079460002', 'x')), telephoneNumber: '020 7946 0002' }] },
      ],
    };
    assert.throws(
      () => planProvisioning(desired, state, OPTIONS),
      (error: unknown) => {
        assert.ok(isPlanError(error, 'conflict'));
        assert.equal(error.problems.length, 3);
        assert.match(error.message, /^plans\/contoso\.acg-plan\.json: cannot plan these 3 changes safely/);
        assert.match(error.message, /\+442079460001 belongs to account "a" but the plan lists it under "b"/);
        assert.match(error.message, /\+442079460002 is listed twice \(under "b" and "a"\)/);
        assert.match(error.message, /Tenant 3333.* has no request for information/);
        return true;
      },
    );
  });
});
