// The onboarding fixes against the emulator: each fix kind run twice writes exactly once (Graph's own answers decide
// "already done"), the check passes afterwards, unconfirmed writes are never sent, anything outside the fixes' Graph
// paths is refused before it is sent, a refused "Verify now" is the result rather than a crash, and the re-check
// with backoff rides out replication lag with an injected sleep (no real timers).
import { strict as assert } from 'node:assert';
import {
  ACG_PROVISIONING_SP_ID, DEMO_USER_ID, DEMO_USER_UPN, GATEWAY_GAPS, PROJECT_SYNERGY_APP_ID, PROJECT_SYNERGY_SP_ID, SYNERGY_ADMIN_ROLE_ID,
  demoGatewayDomain,
} from '../../../emulator/seed/ids';
import type { Exchange } from '../../../emulator/server';
import { AcgError } from '../../../src/azure/errors';
import { applyOnboardingFix, createOnboardingReads, type FixRunResult, type OnboardingClients, type RecheckPolicy } from '../../../src/azure/onboarding';
import { resolveFixWrites, runOnboardingChecks } from '../../../src/core/onboarding';
import type { CheckResult, FixWrite } from '../../../src/core/onboarding/types';
import { startWorld, type ClientWorld, type Principal } from './clients.support';
import { GAPS_ID, onboardingClients } from './onboarding.support';

const READ_USER_ROLE_ID = 'b1000000-0000-4000-8000-000000000012';

/** Graph writes that reached the emulator (inner `$batch` requests are reads only). */
function writesIn(exchanges: readonly Exchange[]): Exchange[] {
  return exchanges.filter((e) => e.service === 'graph' && e.method !== 'GET' && e.operationId !== 'graph.batch');
}

/** A re-check policy whose sleep only records: no real timers. */
function fakeRecheck(attempts = 5): RecheckPolicy & { slept: number[] } {
  const slept: number[] = [];
  return { attempts, delayMs: (attempt) => attempt * 10, sleep: async (ms) => void slept.push(ms), slept };
}

describe('onboarding fixes against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;

  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world?.stop();
  });

  async function check(clients: OnboardingClients, checkId: string): Promise<CheckResult> {
    const [result] = await runOnboardingChecks(createOnboardingReads(clients, GAPS_ID), { checkIds: [checkId] });
    return result;
  }

  /** Runs the fix as the person would: read the check, confirm every write it proposes, apply; then once more. */
  async function fixTwice(checkId: string, options: { principal?: Principal; inputs?: Record<string, string> } = {}): Promise<{ first: FixRunResult; second: FixRunResult; writes: Exchange[] }> {
    const clients = onboardingClients(world, options.principal);
    const before = await check(clients, checkId);
    assert.equal(before.status, 'fail', `${checkId} fails before the fix: ${before.summary}`);
    assert.ok(before.fix, `${checkId} offers a fix`);
    const confirmed = resolveFixWrites(before.fix, options.inputs);
    const from = world.exchanges.length;
    const request = { checkId, confirmed, ...(options.inputs ? { inputs: options.inputs } : {}), recheck: fakeRecheck() };
    const first = await applyOnboardingFix(clients, GAPS_ID, request);
    const second = await applyOnboardingFix(clients, GAPS_ID, request);
    return { first, second, writes: writesIn(world.exchanges.slice(from)) };
  }

  it("identity roles: assigns exactly the two missing roles once; the second run writes nothing", async () => {
    const { first, second, writes } = await fixTwice('identity.synergy-roles');
    assert.equal(first.written.length, 2);
    assert.equal(writes.length, 2, 'two POSTs in total over both runs');
    assert.ok(writes.every((w) => w.path === `/v1.0/servicePrincipals/${GATEWAY_GAPS.identityPrincipalId}/appRoleAssignments` && w.status === 201));
    assert.equal(first.result.status, 'pass');
    assert.deepEqual(second.written, []);
    assert.equal(second.alreadyDone.length, 2);
    assert.equal(second.result.status, 'pass');
  });

  it('domain: add it once, "Verify now" is refused until the TXT record is published, then verifies once', async () => {
    const domain = demoGatewayDomain(GATEWAY_GAPS);
    const directory = world.emulator.context.state.directory;
    directory.domains = directory.domains.filter((d) => d.id !== domain);
    const added = await fixTwice('domain.verified');
    assert.equal(added.writes.length, 1);
    assert.equal(added.writes[0].path, '/v1.0/domains');
    assert.deepEqual(added.first.written.map((w) => w.path), ['/domains']);
    assert.deepEqual(added.second.written, []);
    assert.equal(added.second.alreadyDone.length, 1, 'the add is done; the fix now proposes Verify now');
    assert.equal(added.second.notConfirmed.length, 1);

    const clients = onboardingClients(world);
    const pending = await check(clients, 'domain.verified');
    const verify = resolveFixWrites(pending.fix!);
    const refused = await applyOnboardingFix(clients, GAPS_ID, { checkId: 'domain.verified', confirmed: verify });
    assert.deepEqual(refused.written, []);
    assert.equal(refused.failures?.length, 1);
    assert.match(refused.failures![0].message, /TXT/);
    assert.equal(refused.result.status, 'fail');
    assert.match(refused.result.summary, /did not go through.*TXT/);

    await world.admin('POST', `/domains/${domain}/publish-txt`);
    const verified = await fixTwice('domain.verified');
    assert.equal(verified.writes.length, 1);
    assert.equal(verified.writes[0].path, `/v1.0/domains/${domain}/verify`);
    assert.equal(verified.first.result.status, 'pass');
    assert.equal(verified.second.result.status, 'pass');
  });

  it('Project Synergy service principal: created once (Graph answers 409 to a second create)', async () => {
    const directory = world.emulator.context.state.directory;
    directory.servicePrincipals = directory.servicePrincipals.filter((sp) => sp.id !== PROJECT_SYNERGY_SP_ID);
    const { first, second, writes } = await fixTwice('synergy.service-principal');
    assert.equal(writes.length, 1);
    assert.equal(writes[0].status, 201);
    assert.deepEqual(writes[0].requestBody, { appId: PROJECT_SYNERGY_APP_ID });
    assert.equal(first.result.status, 'pass');
    assert.deepEqual(second.written, []);
    assert.equal(second.result.status, 'pass');
  });

  it("the signed-in user's Admin role on Project Synergy: assigned once", async () => {
    const directory = world.emulator.context.state.directory;
    directory.appRoleAssignments = directory.appRoleAssignments.filter((a) => !(a.principalId === DEMO_USER_ID && a.appRoleId === SYNERGY_ADMIN_ROLE_ID));
    const { first, second, writes } = await fixTwice('synergy.admin-role', { principal: 'user' });
    assert.equal(writes.length, 1);
    assert.equal(writes[0].path, `/v1.0/users/${DEMO_USER_ID}/appRoleAssignments`);
    assert.equal(first.result.status, 'pass');
    assert.deepEqual(second.written, []);
  });

  it('a ProvisioningAPI user role for a user named by UPN: resolved to the object id, assigned once', async () => {
    const directory = world.emulator.context.state.directory;
    directory.appRoleAssignments = directory.appRoleAssignments.filter((a) => !(a.principalId === DEMO_USER_ID && a.resourceId === ACG_PROVISIONING_SP_ID));
    const inputs = { role: READ_USER_ROLE_ID, principal: DEMO_USER_UPN };
    const { first, second, writes } = await fixTwice('acg-app.user-roles', { inputs });
    assert.equal(writes.length, 1);
    assert.equal(writes[0].path, `/v1.0/servicePrincipals/${ACG_PROVISIONING_SP_ID}/appRoleAssignedTo`);
    assert.deepEqual(writes[0].requestBody, { principalId: DEMO_USER_ID, resourceId: ACG_PROVISIONING_SP_ID, appRoleId: READ_USER_ROLE_ID });
    assert.equal(first.result.status, 'pass');
    assert.deepEqual(second.written, []);

    directory.appRoleAssignments = directory.appRoleAssignments.filter((a) => !(a.principalId === DEMO_USER_ID && a.resourceId === ACG_PROVISIONING_SP_ID));
    const clients = onboardingClients(world);
    const fix = (await check(clients, 'acg-app.user-roles')).fix!;
    const unknown = { role: READ_USER_ROLE_ID, principal: 'nobody@contosotelecom.onmicrosoft.com' };
    await assert.rejects(
      applyOnboardingFix(clients, GAPS_ID, { checkId: 'acg-app.user-roles', confirmed: resolveFixWrites(fix, unknown), inputs: unknown }),
      /no user 'nobody@contosotelecom\.onmicrosoft\.com'/,
    );
  });

  it('sends only the confirmed writes; the others are reported as not confirmed', async () => {
    const clients = onboardingClients(world);
    const before = await check(clients, 'identity.synergy-roles');
    const [confirmedOne, other] = resolveFixWrites(before.fix!);
    const from = world.exchanges.length;
    const run = await applyOnboardingFix(clients, GAPS_ID, { checkId: 'identity.synergy-roles', confirmed: [confirmedOne], recheck: fakeRecheck(1) });
    assert.deepEqual(run.written, [confirmedOne]);
    assert.deepEqual(run.notConfirmed, [other]);
    const writes = writesIn(world.exchanges.slice(from));
    assert.equal(writes.length, 1);
    assert.equal((writes[0].requestBody as { appRoleId: string }).appRoleId, (confirmedOne.body as { appRoleId: string }).appRoleId);
    assert.equal(run.result.status, 'fail');
  });

  it('refuses any Graph write outside the fixes before it is sent', async () => {
    const { graph } = onboardingClients(world);
    const from = world.exchanges.length;
    const refused: FixWrite[] = [
      { service: 'graph', method: 'POST', path: '/applications/c0ffee00-0000-4000-8000-0000000000c3/addPassword', description: 'a secret' },
      { service: 'graph', method: 'PATCH', path: '/domains/example.com', description: 'a patch' },
      { service: 'graph', method: 'POST', path: '/servicePrincipals/../applications', description: 'a climb' },
      { service: 'graph', method: 'POST', path: '/users/not-a-guid/appRoleAssignments', description: 'a name' },
      { service: 'graph', method: 'POST', path: '/domains?x=1', description: 'a query' },
    ];
    for (const write of refused) {
      await assert.rejects(graph.onboardingWrite(write), (error: unknown) => error instanceof AcgError && error.kind === 'badRequest' && /^Not sent:/.test(error.message));
    }
    assert.equal(world.exchanges.length, from, 'nothing reached Graph');
  });

  it('re-checks with backoff until replication shows the new roles (lag counted in reads, fake sleep)', async () => {
    world.emulator.context.config.appRoleAssignmentLagReads = 3;
    const clients = onboardingClients(world);
    const confirmed = resolveFixWrites((await check(clients, 'identity.synergy-roles')).fix!);
    const recheck = fakeRecheck(5);
    const run = await applyOnboardingFix(clients, GAPS_ID, { checkId: 'identity.synergy-roles', confirmed, recheck });
    assert.equal(run.written.length, 2);
    assert.equal(run.result.status, 'pass');
    assert.deepEqual(recheck.slept, [10, 20], 'two waits: the first two re-checks still missed the replicating roles');

    world.emulator.context.config.appRoleAssignmentLagReads = 50;
    const directory = world.emulator.context.state.directory;
    directory.appRoleAssignments = directory.appRoleAssignments.filter((a) => !(a.principalId === GATEWAY_GAPS.identityPrincipalId && confirmed.some((w) => (w.body as { appRoleId: string }).appRoleId === a.appRoleId)));
    const short = fakeRecheck(2);
    const gaveUp = await applyOnboardingFix(clients, GAPS_ID, { checkId: 'identity.synergy-roles', confirmed, recheck: short });
    assert.equal(gaveUp.written.length, 2);
    assert.equal(gaveUp.result.status, 'fail', 'attempts ran out while the roles were still replicating');
    assert.deepEqual(short.slept, [10]);
  });
});
