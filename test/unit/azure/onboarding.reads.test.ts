// The onboarding reads against the emulator: what each seeded gateway shows, the 403 path of a principal without
// Graph permissions (each key fails on its own and names the permission), the Provisioning API probe (and the
// address a refusal names), and the request budget: Graph only through two `$batch` calls, each read once.
import { strict as assert } from 'node:assert';
import {
  DEMO_USER_ID, GATEWAY_GAPS, GATEWAY_PRODUCTION, PROJECT_SYNERGY_SP_ID, SYNERGY_ADMIN_ROLE_ID, SYNERGY_REQUIRED_ROLE_IDS, demoGatewayDomain,
} from '../../../emulator/seed/ids';
import { AcgError } from '../../../src/azure/errors';
import { createOnboardingReads, type OnboardingContext } from '../../../src/azure/onboarding';
import type { OnboardingReads, ReadKey } from '../../../src/core/onboarding/types';
import { startWorld, type ClientWorld } from './clients.support';
import { GAPS_ID, LEGACY_APP_ID, PRODUCTION_ID, onboardingClients } from './onboarding.support';

const ALL_KEYS: readonly ReadKey[] = [
  'gateway', 'testLines', 'intendedPlatforms', 'integrationNumbers', 'me', 'synergy', 'myAssignments', 'identity', 'provisioningApp',
  'provisioningAssignedTo', 'domain', 'provisioningApi', 'legacyApplications', 'accounts', 'marks', 'now',
];

type Settled = { value?: unknown; error?: unknown };

async function readAll(reads: OnboardingReads): Promise<Map<ReadKey, Settled>> {
  const results = await Promise.all(
    ALL_KEYS.map(async (key): Promise<[ReadKey, Settled]> => {
      try {
        return [key, { value: await reads.read(key) }];
      } catch (error) {
        return [key, { error }];
      }
    }),
  );
  return new Map(results);
}

async function failure(reads: OnboardingReads, key: ReadKey): Promise<AcgError> {
  try {
    await reads.read(key);
  } catch (error) {
    assert.ok(error instanceof AcgError, `${key}: ${String(error)}`);
    return error;
  }
  throw new Error(`reading ${key} succeeded`);
}

describe('onboarding reads against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;

  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world?.stop();
  });

  it('fabrikam-new-gw: two Synergy roles missing, the domain unverified with its TXT record, four OC test lines', async () => {
    const reads = createOnboardingReads(onboardingClients(world), GAPS_ID);
    const identity = await reads.read('identity');
    assert.equal(identity.principalId, GATEWAY_GAPS.identityPrincipalId);
    assert.match(identity.appId ?? '', /^a0a0a0a0-/);
    const held = new Set(identity.synergyAssignments.map((a) => a.appRoleId));
    assert.deepEqual(SYNERGY_REQUIRED_ROLE_IDS.filter((id) => !held.has(id)), SYNERGY_REQUIRED_ROLE_IDS.slice(5));
    assert.ok(identity.synergyAssignments.every((a) => a.resourceId === PROJECT_SYNERGY_SP_ID));

    const domain = await reads.read('domain');
    assert.equal(domain.name, demoGatewayDomain(GATEWAY_GAPS));
    assert.deepEqual(domain.entry, { id: demoGatewayDomain(GATEWAY_GAPS), isVerified: false });
    assert.match(domain.verificationRecords.find((r) => r.recordType === 'Txt')?.text ?? '', /^MS=ms\w+$/);

    const lines = await reads.read('testLines');
    assert.equal(lines.filter((l) => l.properties?.purpose === 'Automated' && /^OC\d+$/.test(l.name ?? '')).length, 4);
    assert.deepEqual(await reads.read('intendedPlatforms'), { platforms: ['OperatorConnect'], source: 'the gateway' });
  });

  it('contoso-prod-gw: the domain verified (no records to publish) and all seven roles held', async () => {
    const reads = createOnboardingReads(onboardingClients(world), PRODUCTION_ID);
    const domain = await reads.read('domain');
    assert.equal(domain.entry?.isVerified, true);
    assert.deepEqual(domain.verificationRecords, []);
    const held = new Set((await reads.read('identity')).synergyAssignments.map((a) => a.appRoleId));
    assert.ok(SYNERGY_REQUIRED_ROLE_IDS.every((id) => held.has(id)));
    const probe = await reads.read('provisioningApi');
    assert.equal(probe.reachable, true);
    assert.equal(probe.status, 200);
    const accounts = await reads.read('accounts');
    assert.ok(accounts.some((a) => a.name === 'Northwind-Bulk' && a.numberCount === 100_000));
  });

  it('reads the legacy registration that requests Synergy roles, the roles its principal holds, and its secret', async () => {
    const legacy = await createOnboardingReads(onboardingClients(world), PRODUCTION_ID).read('legacyApplications');
    assert.deepEqual(legacy.map((a) => a.appId), [LEGACY_APP_ID], 'only pre-May-2023 apps that request Project Synergy');
    const [app] = legacy;
    assert.equal(app.requestedSynergyRoleIds.length, 2);
    assert.deepEqual([...app.grantedSynergyRoleIds].sort(), [...app.requestedSynergyRoleIds].sort());
    const daysLeft = (Date.parse(app.secrets[0].endDateTime ?? '') - Date.now()) / 86_400_000;
    assert.ok(daysLeft > 39 && daysLeft <= 40, `${daysLeft} days`);
  });

  it('takes the context as given, and the gateway as the source of the platforms otherwise', async () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const context: OnboardingContext = {
      intendedPlatforms: { platforms: ['OperatorConnect', 'TeamsPhoneMobile'], source: 'contoso.acg-gateway.json' },
      integrationNumbers: [{ file: 'contoso.acg-gateway.json', numbers: ['+442079460301'] }],
      marks: { 'oc.onboarding-form': { done: true, at: '2025-05-01T00:00:00Z' } },
      now: () => now,
    };
    const reads = createOnboardingReads(onboardingClients(world), GAPS_ID, context);
    assert.deepEqual((await reads.read('intendedPlatforms')).platforms, ['OperatorConnect', 'TeamsPhoneMobile']);
    assert.deepEqual(await reads.read('integrationNumbers'), context.integrationNumbers);
    assert.deepEqual(await reads.read('marks'), context.marks);
    assert.equal(await reads.read('now'), now);
  });

  it('the signed-in user (device code): me, and their Admin role on Project Synergy', async () => {
    const reads = createOnboardingReads(onboardingClients(world, 'user'), PRODUCTION_ID);
    assert.equal((await reads.read('me'))?.id, DEMO_USER_ID);
    assert.ok((await reads.read('myAssignments')).some((a) => a.appRoleId === SYNERGY_ADMIN_ROLE_ID && a.resourceId === PROJECT_SYNERGY_SP_ID));
  });

  it('an application has no /me: me is undefined and its own assignments are empty, not errors', async () => {
    const reads = createOnboardingReads(onboardingClients(world), PRODUCTION_ID);
    assert.equal(await reads.read('me'), undefined);
    assert.deepEqual(await reads.read('myAssignments'), []);
  });

  it('a principal without Graph permissions: each Graph key errors naming the permission; ARM and the Provisioning API still answer', async () => {
    const reads = createOnboardingReads(onboardingClients(world, 'reader'), GAPS_ID);
    const expected: [ReadKey, string][] = [
      ['synergy', 'Application.Read.All'],
      ['provisioningApp', 'Application.Read.All'],
      ['identity', 'Application.Read.All'],
      ['provisioningAssignedTo', 'Application.Read.All'],
      ['legacyApplications', 'Application.Read.All'],
      ['domain', 'Domain.Read.All'],
    ];
    for (const [key, permission] of expected) {
      const error = await failure(reads, key);
      assert.equal(error.kind, 'forbidden', key);
      assert.equal(error.requiredRole, permission, key);
      assert.match(error.message, new RegExp(permission.replace(/\./g, '\\.')), key);
    }
    assert.equal((await reads.read('gateway')).name, GATEWAY_GAPS.name);
    assert.equal((await reads.read('testLines')).length, 4);
    assert.equal((await reads.read('provisioningApi')).status, 200);
    assert.ok(Array.isArray(await reads.read('accounts')));
  });

  it('a full read: Graph only through two $batch calls, ARM twice, the Provisioning API twice; a second read of any key sends nothing', async () => {
    const from = world.exchanges.length;
    const reads = createOnboardingReads(onboardingClients(world), GAPS_ID);
    const results = await readAll(reads);
    assert.deepEqual([...results].filter(([, r]) => r.error !== undefined).map(([k, r]) => `${k}: ${String(r.error)}`), []);
    const sent = world.exchanges.slice(from).filter((e) => e.service !== 'entra');
    const graph = sent.filter((e) => e.service === 'graph');
    assert.deepEqual(graph.map((e) => e.operationId), ['graph.batch', 'graph.batch'], 'Graph went through $batch, in two rounds');
    const inner = graph.map((e) => ((e.requestBody as { requests: unknown[] }).requests ?? []).length);
    assert.ok(inner[0] >= 5 && inner[1] >= 6, `inner requests per round: ${inner.join(', ')}`);
    assert.equal(sent.filter((e) => e.service === 'arm').length, 2);
    assert.equal(sent.filter((e) => e.service === 'provisioning').length, 2);

    const after = world.exchanges.length;
    await readAll(reads);
    assert.equal(world.exchanges.length, after, 'memoised: nothing is read twice');
  });

  it('the Provisioning API refusing this machine: reachable, 403, and the address it refused', async () => {
    const record = world.emulator.context.state.gateways.find((g) => g.resource.name === GATEWAY_PRODUCTION.name)!;
    const bridge = record.resource.properties!.apiBridge!;
    const saved = bridge.allowedAddressPrefixes;
    bridge.allowedAddressPrefixes = ['198.51.100.192/26'];
    try {
      const probe = await createOnboardingReads(onboardingClients(world), PRODUCTION_ID).read('provisioningApi');
      assert.equal(probe.reachable, true);
      assert.equal(probe.status, 403);
      assert.equal(probe.callerAddress, '127.0.0.1');
      assert.match(probe.problem ?? '', /allowlist/);
    } finally {
      bridge.allowedAddressPrefixes = saved;
    }
  });

  it('an unknown gateway fails the ARM keys and the keys that need the gateway, with ARM\'s error', async () => {
    const missing = GAPS_ID.replace(GATEWAY_GAPS.name, 'no-such-gw');
    const reads = createOnboardingReads(onboardingClients(world), missing);
    assert.equal((await failure(reads, 'gateway')).kind, 'notFound');
    assert.equal((await failure(reads, 'domain')).kind, 'notFound');
    assert.ok((await reads.read('synergy'))?.id, 'Graph keys that do not need the gateway still answer');
  });
});

