// GraphClient against the real emulator: the official Graph SDK with our pipeline as its transport. Service principals
// and app roles (read, assign, paged lists), the signed-in user (a real device-code sign-in), domains (add, verify,
// records), app secrets, $batch in chunks of 20, the one-batch onboarding read, the 403 path, and the SDK staying out
// of the module load. Every request is checked against the Graph contract at the end.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  ACG_PROVISIONING_SP_ID, DEMO_USER_ID, GATEWAY_GAPS, GATEWAY_LAB, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, PROJECT_SYNERGY_SP_ID,
  SYNERGY_ADMIN_ROLE_ID, SYNERGY_REQUIRED_ROLE_IDS, demoGatewayDomain,
} from '../../../emulator/seed/ids';
import { GraphClient, PROJECT_SYNERGY_APP_ID, PROVISIONING_APP_ID, type GraphBatchRequest } from '../../../src/azure/clients';
import { assertRequestsConform, exchangesOf, rejects, startWorld, type ClientWorld } from './clients.support';

const LEGACY_APP_ID = 'c0ffee00-0000-4000-8000-000000000003';
const OPERATOR_APP_OBJECT_ID = 'c0ffee00-0000-4000-8000-0000000000c1';

describe('clients: GraphClient against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let graph: GraphClient;

  before(async () => {
    world = await startWorld();
    graph = new GraphClient(world.pipeline('operator'), world.cloud, { resend: { pauseMs: 10 } });
  });

  after(async () => {
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  it('finds service principals by appId (and says when one is absent)', async () => {
    const synergy = await graph.servicePrincipalByAppId(PROJECT_SYNERGY_APP_ID);
    assert.equal(synergy?.id, PROJECT_SYNERGY_SP_ID);
    assert.ok(synergy?.appRoles?.some((r) => r.id === SYNERGY_REQUIRED_ROLE_IDS[0]));
    assert.equal(await graph.servicePrincipalByAppId('11111111-2222-4333-8444-555555555555'), undefined);
    const from = world.exchanges.length;
    const bad = await rejects(() => graph.servicePrincipalByAppId("x' or 1 eq 1"));
    assert.equal(bad.kind, 'badRequest');
    assert.equal(world.exchanges.length, from, 'a non-GUID never reaches a $filter');
  });

  it("reads a gateway identity's Synergy roles and assigns a missing one", async () => {
    const prod = await graph.appRoleAssignments(GATEWAY_PRODUCTION.identityPrincipalId, { resourceId: PROJECT_SYNERGY_SP_ID });
    assert.equal(prod.length, 7);
    const gaps = await graph.appRoleAssignments(GATEWAY_GAPS.identityPrincipalId, { resourceId: PROJECT_SYNERGY_SP_ID });
    const missing = SYNERGY_REQUIRED_ROLE_IDS.filter((id) => !gaps.some((a) => a.appRoleId === id));
    assert.equal(missing.length, 2);
    const created = await graph.assignAppRole({ principalId: GATEWAY_GAPS.identityPrincipalId, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: missing[0] });
    assert.equal(created.appRoleId, missing[0]);
    assert.equal((await graph.appRoleAssignments(GATEWAY_GAPS.identityPrincipalId, { resourceId: PROJECT_SYNERGY_SP_ID })).length, 6);
    const twice = await rejects(() => graph.assignAppRole({ principalId: GATEWAY_GAPS.identityPrincipalId, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: missing[0] }));
    assert.equal(twice.kind, 'badRequest');
    assert.match(twice.message, /already exists/);
  });

  it('lists who holds roles on the AzureCommunicationsGateway app, following @odata.nextLink', async () => {
    const from = world.exchanges.length;
    const holders = await graph.appRoleAssignedTo(ACG_PROVISIONING_SP_ID, { pageSize: 1 });
    assert.ok(holders.some((a) => a.principalId === DEMO_USER_ID));
    assert.ok(holders.length >= 3);
    assert.equal(exchangesOf(world, 'graph', '/appRoleAssignedTo', from).length, holders.length, 'one request per page of one');
  });

  it("reads the signed-in user and their roles (device-code sign-in); an app token gets Graph's 400", async () => {
    const asUser = new GraphClient(world.pipeline('user'), world.cloud);
    const me = await asUser.me();
    assert.equal(me.id, DEMO_USER_ID);
    const mine = await asUser.myAppRoleAssignments(PROJECT_SYNERGY_SP_ID);
    assert.ok(mine.some((a) => a.appRoleId === SYNERGY_ADMIN_ROLE_ID));
    const asApp = await rejects(() => graph.me());
    assert.equal(asApp.kind, 'badRequest');
  });

  it('reads, adds and verifies a domain, with its TXT record', async () => {
    const verified = await graph.getDomain(demoGatewayDomain(GATEWAY_PRODUCTION));
    assert.equal(verified?.isVerified, true);
    assert.equal((await graph.getDomain(demoGatewayDomain(GATEWAY_GAPS)))?.isVerified, false);
    assert.equal(await graph.getDomain('not-in-this-tenant.example.com'), undefined);

    const domain = 'clienttest.commsgw.azure.com';
    const added = await graph.addDomain(domain);
    assert.equal(added.isVerified, false);
    const records = await graph.domainVerificationRecords(domain);
    assert.ok(records.some((r) => r.recordType === 'Txt' && (r.text ?? '').startsWith('MS=')), JSON.stringify(records));
    const early = await rejects(() => graph.verifyDomain(domain));
    assert.equal(early.kind, 'badRequest');
    assert.match(early.message, /TXT|DNS/);
    await world.admin('POST', `/domains/${domain}/publish-txt`);
    assert.equal((await graph.verifyDomain(domain)).isVerified, true);
  });

  it("reads an app registration's password credentials by appId or object id", async () => {
    const legacy = await graph.applicationPasswordCredentials({ appId: LEGACY_APP_ID });
    assert.equal(legacy.passwordCredentials.length, 1);
    assert.ok(legacy.passwordCredentials[0].endDateTime);
    const operator = await graph.applicationPasswordCredentials({ objectId: OPERATOR_APP_OBJECT_ID });
    assert.equal(operator.appId, OPERATOR_CLIENT_ID);
  });

  it('batches any number of requests in $batch calls of at most 20, answers in order', async () => {
    const requests: GraphBatchRequest[] = Array.from({ length: 45 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: i % 2 === 0 ? `/servicePrincipals/${PROJECT_SYNERGY_SP_ID}` : `/servicePrincipals/${i === 1 ? '00000000-0000-4000-8000-000000000000' : ACG_PROVISIONING_SP_ID}`,
    }));
    const from = world.exchanges.length;
    const answers = await graph.batch(requests);
    const calls = exchangesOf(world, 'graph', '/$batch', from);
    assert.deepEqual(calls.map((c) => (c.requestBody as { requests: unknown[] }).requests.length), [20, 20, 5]);
    assert.deepEqual(answers.map((a) => a.id), requests.map((r) => r.id));
    assert.equal(answers[1].status, 404, 'an inner failure stays an inner status');
    assert.ok(answers.filter((_, i) => i !== 1).every((a) => a.status === 200));
  });

  it('reads the onboarding directory state in one $batch', async () => {
    const from = world.exchanges.length;
    const state = await graph.getOnboardingDirectoryState({
      identityPrincipalIds: [GATEWAY_PRODUCTION.identityPrincipalId, GATEWAY_LAB.identityPrincipalId, GATEWAY_GAPS.identityPrincipalId],
    });
    assert.equal(exchangesOf(world, 'graph', '', from).length, 1, 'one request');
    assert.equal(state.synergy.value?.id, PROJECT_SYNERGY_SP_ID);
    assert.equal(state.provisioningApp.value?.appId, PROVISIONING_APP_ID);
    assert.deepEqual(state.identities.map((i) => i.assignments.value?.length), [7, 7, 6]);
    assert.ok(state.identities.every((i) => (i.assignments.value ?? []).every((a) => a.resourceId === PROJECT_SYNERGY_SP_ID)));
  });

  it('403: a principal without Graph permissions gets a forbidden naming the permission', async () => {
    const reader = new GraphClient(world.pipeline('reader'), world.cloud);
    const error = await rejects(() => reader.servicePrincipalByAppId(PROJECT_SYNERGY_APP_ID));
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.status, 403);
    assert.match(error.requiredRole ?? '', /Application\.Read\.All/);
    const state = await reader.getOnboardingDirectoryState({ identityPrincipalIds: [GATEWAY_PRODUCTION.identityPrincipalId] });
    assert.equal(state.synergy.error?.kind, 'forbidden', 'inner 403s become per-part errors');
    assert.equal(state.identities[0].assignments.error?.kind, 'forbidden');
  });

  it('does not load the Graph SDK until the first call', () => {
    const script = [
      "require('./src/azure/clients');",
      "const loaded = () => Object.keys(require.cache).some((k) => k.includes('microsoft-graph-client'));",
      'console.log(JSON.stringify({ loaded: loaded() }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}'), { loaded: false });
  });

  it('sent only requests the Graph contract allows (whole run)', async () => {
    await assertRequestsConform(world.exchanges);
  });
});
