// ProvisioningClient against the real emulator through the real pipeline: every operation of API.md §2, ETags
// (412 on a stale one), Repeatability-* on every write, client-side rule checks (nothing sent on bad input), paging
// with record counts and continuation, batches with progress, the 403 and 404 paths, and the demo tenant listed end
// to end with the same client code the tree views use. Every request is checked against the spec at the end.
import { strict as assert } from 'node:assert';
import { BULK_ACCOUNT_NAME, BULK_ACCOUNT_NUMBER_COUNT } from '../../../emulator/seed/ids';
import { ArmClient, collectPages, gatewayDomainOf, ProvisioningClient, type BatchProgress } from '../../../src/azure/clients';
import { assertRequestsConform, exchangesOf, numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, rejects, startWorld, type ClientWorld } from './clients.support';

const ACCOUNT = 'Client-Test-Account';

describe('clients: ProvisioningClient against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let client: ProvisioningClient;

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: { pauseMs: 10 } });
  });

  after(async () => {
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  it("lists the demo tenant's gateways, accounts, numbers and requests for information", async () => {
    const arm = new ArmClient(world.pipeline('operator'), world.cloud);
    const subscriptions = await arm.listSubscriptions();
    const results = await arm.listGateways(subscriptions.map((s) => s.subscriptionId));
    const gateways = results.flatMap((r) => r.gateways ?? []);
    assert.equal(gateways.length, 3);
    for (const gateway of gateways) {
      const domain = gatewayDomainOf(gateway);
      assert.ok(domain, `${gateway.name} has a domain`);
      const provisioning = new ProvisioningClient(world.pipeline('operator'), world.cloud, domain);
      const accounts = await collectPages(provisioning.listAccounts());
      assert.ok(accounts.length > 0, `${gateway.name} has accounts`);
      const withNumbers = accounts.find((a) => (a.serviceDetails?.teamsOperatorConnect?.numberCount ?? 0) > 0);
      if (withNumbers) {
        const first = await provisioning.listNumbers(withNumbers.name, { maxpagesize: 5 }).next();
        assert.ok(!first.done && first.value.items.length > 0, `${withNumbers.name} lists numbers`);
      }
      const consents = await collectPages(provisioning.listRequestsForInformation());
      assert.ok(Array.isArray(consents));
    }
    const production = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN);
    assert.ok((await collectPages(production.listRequestsForInformation())).length > 0, 'the production gateway has consents');
  });

  it('creates, reads, replaces (If-Match) and deletes an account, with 412 on a stale ETag', async () => {
    const from = world.exchanges.length;
    const created = await client.createOrReplaceAccount(ocAccount(ACCOUNT), { onlyIfNew: true });
    assert.ok(created.etag);
    assert.equal(created.resource.name, ACCOUNT);
    const again = await rejects(() => client.createOrReplaceAccount(ocAccount(ACCOUNT), { onlyIfNew: true }));
    assert.equal(again.kind, 'preconditionFailed');

    const read = await client.getAccount(ACCOUNT);
    assert.equal(read.etag, created.etag);
    const replaced = await client.createOrReplaceAccount({ ...ocAccount(ACCOUNT), correlationId: 'CLIENT-TEST-2' }, { ifMatch: read.etag });
    assert.notEqual(replaced.etag, read.etag);
    const stale = await rejects(() => client.createOrReplaceAccount({ ...ocAccount(ACCOUNT), correlationId: 'CLIENT-TEST-3' }, { ifMatch: read.etag }));
    assert.equal(stale.kind, 'preconditionFailed');
    assert.equal(stale.status, 412);
    assert.equal((await client.getAccount(ACCOUNT)).resource.correlationId, 'CLIENT-TEST-2', 'the stale write changed nothing');

    const puts = exchangesOf(world, 'provisioning', `/accounts/${ACCOUNT}`, from).filter((e) => e.method === 'PUT');
    for (const put of puts) {
      assert.ok(put.requestHeaders['repeatability-request-id'], 'every write carries Repeatability-Request-ID');
      assert.match(put.requestHeaders['repeatability-first-sent'] ?? '', /GMT$/);
    }
    assert.equal(puts.filter((p) => p.requestHeaders['if-match'] === read.etag).length, 2, 'If-Match sent with the ETag held');
  });

  it('writes, reads and deletes single numbers; 404 once gone', async () => {
    const [tel] = numberRange(493012340001, 1);
    const saved = await client.createOrReplaceNumber(ocNumber(ACCOUNT, tel));
    assert.ok(saved.etag);
    const read = await client.getNumber(ACCOUNT, tel);
    assert.equal(read.resource.telephoneNumber, tel);
    assert.equal(read.etag, saved.etag);
    const stale = await rejects(() => client.deleteNumber(ACCOUNT, tel, { ifMatch: '"stale"' }));
    assert.equal(stale.kind, 'preconditionFailed');
    await client.deleteNumber(ACCOUNT, tel, { ifMatch: read.etag });
    const gone = await rejects(() => client.getNumber(ACCOUNT, tel));
    assert.equal(gone.kind, 'notFound');
    assert.equal(gone.status, 404);
  });

  it('refuses bad numbers and oversize batches before sending (ACG-NUM-*, ACG-BATCH-001)', async () => {
    const from = world.exchanges.length;
    const legacy = await rejects(() => client.createOrReplaceNumber(ocNumber(ACCOUNT, '4930123456')));
    assert.equal(legacy.kind, 'badRequest');
    assert.match(legacy.code ?? '', /^ACG-NUM-/);
    const tooMany = numberRange(493012350000, 101);
    const batch = await rejects(() => client.createOrUpdateNumbers(ACCOUNT, tooMany.map((t) => ocNumber(ACCOUNT, t))));
    assert.equal(batch.code, 'ACG-BATCH-001');
    assert.match(batch.message, /101 numbers.*at most 100/);
    const deletes = await rejects(() => client.deleteNumbers(ACCOUNT, tooMany));
    assert.equal(deletes.code, 'ACG-BATCH-001');
    const duplicate = await rejects(() => client.createOrUpdateNumbers(ACCOUNT, [ocNumber(ACCOUNT, tooMany[0]), ocNumber(ACCOUNT, tooMany[0])]));
    assert.equal(duplicate.code, 'ACG-NUM-014');
    const stray = await rejects(() => client.createOrUpdateNumbers(ACCOUNT, [ocNumber('Other-Account', tooMany[0])]));
    assert.equal(stray.kind, 'badRequest');
    const badName = await rejects(() => client.getAccount('no spaces please'));
    assert.equal(badName.code, 'ACG-ACC-001');
    assert.equal(world.exchanges.length, from, 'nothing was sent');
  });

  it('batch-writes and batch-deletes up to 100 numbers per request', async () => {
    const numbers = numberRange(493012360000, 100);
    const written = await client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
    assert.equal(written.length, 100);
    assert.equal(await client.countNumbers(ACCOUNT), 100);
    await client.deleteNumbers(ACCOUNT, numbers.slice(0, 40));
    assert.equal(await client.countNumbers(ACCOUNT), 60);
    await client.deleteNumbers(ACCOUNT, numbers.slice(40));
    assert.equal(await client.countNumbers(ACCOUNT), 0);
  });

  it('sends large uploads in batches of ≤100, in order, with progress', async () => {
    const numbers = numberRange(493012370000, 250);
    const progress: BatchProgress[] = [];
    const from = world.exchanges.length;
    const written = await client.createOrUpdateNumbersInBatches(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)), { onProgress: (p) => progress.push(p) });
    assert.equal(written.length, 250);
    assert.deepEqual(progress.map((p) => [p.batch, p.batches, p.done, p.total]), [[1, 3, 100, 250], [2, 3, 200, 250], [3, 3, 250, 250]]);
    const posts = exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from);
    assert.deepEqual(posts.map((p) => (p.requestBody as { numbers: unknown[] }).numbers.length), [100, 100, 50]);
    assert.equal(new Set(posts.map((p) => p.requestHeaders['repeatability-request-id'])).size, 3, 'one repeatability id per batch');

    const deleteProgress: BatchProgress[] = [];
    await client.deleteNumbersInBatches(ACCOUNT, numbers, { onProgress: (p) => deleteProgress.push(p) });
    assert.equal(deleteProgress.length, 3);
    assert.equal(await client.countNumbers(ACCOUNT), 0);
  });

  it('stops between batches when cancelled, saying how far it got', async () => {
    const numbers = numberRange(493012380000, 300);
    const controller = new AbortController();
    const error = await rejects(() =>
      client.createOrUpdateNumbersInBatches(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)), {
        abortSignal: controller.signal,
        onProgress: (p) => {
          if (p.batch === 1) controller.abort();
        },
      }),
    );
    assert.equal(error.kind, 'cancelled');
    assert.match(error.message, /batch 2 of 3.*100 of 300 were already saved/);
    assert.equal(await client.countNumbers(ACCOUNT), 100);
    await client.deleteNumbersInBatches(ACCOUNT, numbers);
  });

  it('counts accounts and numbers from x-ms-record-count, reading one record each', async () => {
    const from = world.exchanges.length;
    const production = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN);
    const accounts = await collectPages(production.listAccounts());
    assert.equal(await production.countAccounts(), accounts.length);
    assert.ok((await production.countNumbers()) > BULK_ACCOUNT_NUMBER_COUNT, 'the gateway holds the bulk account and more');
    const counts = world.exchanges.slice(from).filter((e) => e.service === 'provisioning' && e.url.includes('countRecords=true'));
    assert.equal(counts.length, 2, 'one request per count: no next page followed');
    for (const c of counts) assert.match(c.url, /top=1&maxpagesize=1/);
  });

  it('pages numbers with a record count and resumes from a continuation link', async () => {
    const numbers = numberRange(493012390000, 23);
    await client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
    const pages = client.listNumbers(ACCOUNT, { maxpagesize: 10, countRecords: true });
    const first = await pages.next();
    assert.ok(!first.done);
    assert.equal(first.value.items.length, 10);
    assert.equal(first.value.totalCount, 23);
    assert.ok(first.value.nextLink);
    // A "Load more…" node keeps only the link and resumes later with a new iterator.
    const rest = await collectPages(client.listNumbers(ACCOUNT, { continuation: first.value.nextLink }));
    assert.deepEqual([...first.value.items, ...rest].map((n) => n.telephoneNumber), numbers);

    const everywhere = await collectPages(client.listAllNumbers({ filter: `accountName eq '${ACCOUNT}'`, maxpagesize: 5 }));
    assert.equal(everywhere.length, 23);
    const foreign = await rejects(async () => client.listNumbers(ACCOUNT, { continuation: 'https://example.com/accounts?skip=10' }).next());
    assert.equal(foreign.kind, 'badRequest');
    await client.deleteNumbers(ACCOUNT, numbers);
  });

  it('counts the 100,000 generated numbers of the bulk account without reading them', async () => {
    assert.equal(await client.countNumbers(BULK_ACCOUNT_NAME), BULK_ACCOUNT_NUMBER_COUNT);
    assert.ok((await client.countNumbers()) > BULK_ACCOUNT_NUMBER_COUNT);
  });

  it('reads capability plans, available capabilities and civic addresses', async () => {
    const plans = await client.getTeamsCapabilityPlans(BULK_ACCOUNT_NAME);
    assert.ok(plans.capabilityPlans.length > 0);
    const available = await client.getTeamsAvailableCapabilities(BULK_ACCOUNT_NAME, ['+442030000050']);
    assert.ok(Array.isArray(available.availableCapabilities));
    const addresses = await collectPages(client.listCivicAddresses(BULK_ACCOUNT_NAME));
    assert.ok(addresses.length > 0);
    const one = await client.getCivicAddress(BULK_ACCOUNT_NAME, addresses[0].id);
    assert.equal(one.resource.id, addresses[0].id);
    assert.ok(one.etag);
  });

  it('updates the customer relationship with a merge patch, checking the reason rule first', async () => {
    const consents = await collectPages(client.listRequestsForInformation({ countRecords: true }));
    const tenantId = consents[0].tenantId;
    const { etag } = await client.getRequestForInformation(tenantId);

    const from = world.exchanges.length;
    const noReason = await rejects(() => client.updateCustomerRelationship(tenantId, { status: 'ConsentDeclined' }));
    assert.equal(noReason.code, 'ACG-RFI-002');
    const long = await rejects(() => client.updateCustomerRelationship(tenantId, { status: 'ContractTerminated', comment: 'x'.repeat(65) }));
    assert.equal(long.code, 'ACG-REF-001');
    assert.equal(world.exchanges.length, from, 'nothing was sent');

    const updated = await client.updateCustomerRelationship(tenantId, { status: 'ConsentDeclined', comment: 'TKT-4711: no coverage in region' }, { ifMatch: etag });
    assert.equal(updated.resource.customerRelationship?.status, 'ConsentDeclined');
    assert.notEqual(updated.etag, etag);
    const patch = exchangesOf(world, 'provisioning', '/teamsRequestsForInformation/', from).find((e) => e.method === 'PATCH');
    assert.equal(patch?.requestHeaders['content-type'], 'application/merge-patch+json');
    assert.deepEqual(patch?.requestBody, { customerRelationship: { status: 'ConsentDeclined', comment: 'TKT-4711: no coverage in region' } });
    assert.ok(patch?.requestHeaders['repeatability-request-id']);

    const stale = await rejects(() => client.updateCustomerRelationship(tenantId, { status: 'CustomerContacted' }, { ifMatch: etag }));
    assert.equal(stale.kind, 'preconditionFailed');
  });

  it('403: a reader principal can read but not write, and the error names the role', async () => {
    // The service's own 403 (the role pre-flight, which refuses before sending, is tested in clients.audit.test.ts).
    const reader = new ProvisioningClient(world.pipeline('reader'), world.cloud, PRODUCTION_DOMAIN, { rolePreflight: false });
    assert.equal((await reader.getAccount(ACCOUNT)).resource.name, ACCOUNT);
    const error = await rejects(() => reader.createOrReplaceNumber(ocNumber(ACCOUNT, '+493012399999')));
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.status, 403);
    assert.match(error.requiredRole ?? '', /ProvisioningAPI\.Write/);
  });

  it('404 and 409: a missing account, and deleting an account that still has numbers', async () => {
    const missing = await rejects(() => client.getAccount('No-Such-Account'));
    assert.equal(missing.kind, 'notFound');
    await client.createOrReplaceNumber(ocNumber(ACCOUNT, '+493012399998'));
    const conflict = await rejects(() => client.deleteAccount(ACCOUNT));
    assert.equal(conflict.kind, 'conflict');
    await client.deleteAccount(ACCOUNT, { deleteNumbers: true });
    assert.equal((await rejects(() => client.getAccount(ACCOUNT))).kind, 'notFound');
  });

  it('sent only requests the Provisioning API spec allows (whole run)', async () => {
    await assertRequestsConform(world.exchanges);
  });
});
