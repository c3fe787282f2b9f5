// The clients under injected faults, end to end through the real pipeline: a 1,000-number upload under 20 % 5xx and
// 429 answers must leave every number present exactly once; then, for each client, 5xx bursts, 429 storms whose
// Retry-After is honoured, and connection resets. The Provisioning API's own rate limit is met both ways: sending
// into it (429 storm with Retry-After) and paced by the pipeline's limiter (no 429 at all). Every request is checked
// against the specs at the end.
import { strict as assert } from 'node:assert';
import { GATEWAY_GAPS, GATEWAY_PRODUCTION, PROJECT_SYNERGY_SP_ID, SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION, demoGatewayDomain } from '../../../emulator/seed/ids';
import { ArmClient, collectPages, GraphClient, PROJECT_SYNERGY_APP_ID, ProvisioningClient } from '../../../src/azure/clients';
import type { Exchange } from '../../../emulator/server';
import {
  assertRequestsConform, FAST_RETRY, numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, PRODUCTION_REF, startWorld, type ClientWorld,
} from './clients.support';

const FAST_POLLING = { defaultDelayMs: 10, maxDelayMs: 20 };
const QUICK_RESEND = { pauseMs: 10 };
/** Retry-After (1 s) is honoured: the cap is above it. */
const HONOUR_RETRY_AFTER = { ...FAST_RETRY, maxRetries: 12, maxDelayMs: 1500 };

function statuses(exchanges: readonly Exchange[], service: Exchange['service']): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of exchanges) if (e.service === service) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  return counts;
}

describe('clients: under injected faults', function () {
  this.timeout(240_000);
  let world: ClientWorld;

  before(async () => {
    world = await startWorld();
  });

  after(async () => {
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  it('uploads 1,000 numbers under 20 % injected 5xx and 429 answers, each number present exactly once', async () => {
    const client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: QUICK_RESEND });
    const account = 'Client-Fault-Batch';
    await client.createOrReplaceAccount(ocAccount(account));
    const numbers = numberRange(493055500000, 1000);
    const from = world.exchanges.length;
    world.faults({ provisioning: { errorRate: 0.1, throttleRate: 0.1, retryAfterSeconds: 1 } }, 1618033988);

    const written = await client.createOrUpdateNumbersInBatches(account, numbers.map((t) => ocNumber(account, t)));
    assert.equal(written.length, 1000);

    // Read back under the same faults, 50 a page, with the service's own count on every page.
    const seen = new Map<string, number>();
    let listed = 0;
    for await (const page of client.listNumbers(account, { maxpagesize: 50, countRecords: true })) {
      assert.equal(page.totalCount, 1000, 'x-ms-record-count');
      for (const n of page.items) seen.set(n.telephoneNumber, (seen.get(n.telephoneNumber) ?? 0) + 1);
      listed += page.items.length;
    }
    assert.equal(listed, 1000);
    for (const tel of numbers) assert.equal(seen.get(tel), 1, `${tel} present exactly once`);

    const counts = statuses(world.exchanges.slice(from), 'provisioning');
    assert.ok((counts.get(503) ?? 0) > 0 && (counts.get(429) ?? 0) > 0, `faults were injected: ${JSON.stringify([...counts])}`);
    const batches = world.exchanges.slice(from).filter((e) => e.path.endsWith(':createOrUpdateNumbers'));
    const ids = new Set(batches.map((b) => b.requestHeaders['repeatability-request-id']));
    assert.equal(ids.size, 10, 'ten batches, each keeping its repeatability id across retries');
    await client.deleteAccount(account, { deleteNumbers: true });
  });

  describe('ARM', () => {
    let arm: ArmClient;
    before(() => {
      arm = new ArmClient(world.pipeline('operator'), world.cloud, { polling: FAST_POLLING, resend: QUICK_RESEND });
    });

    async function armWorkload(client: ArmClient, tag: string): Promise<void> {
      assert.equal((await client.listSubscriptions()).length, 2);
      const listed = await client.listGateways([SUBSCRIPTION_PRODUCTION, SUBSCRIPTION_LAB]);
      assert.ok(listed.every((r) => r.gateways !== undefined), JSON.stringify(listed.map((r) => r.error?.message)));
      assert.equal((await client.updateTags(PRODUCTION_REF, { run: tag })).tags?.run, tag);
      const line = await client.createTestLine(PRODUCTION_REF, `fault-${tag}`, { phoneNumber: '+12065550188', purpose: 'Manual' });
      assert.equal(line.properties?.provisioningState, 'Succeeded');
      await client.deleteTestLine(PRODUCTION_REF, `fault-${tag}`);
      assert.equal((await client.checkNameAvailability(SUBSCRIPTION_PRODUCTION, 'eastus', GATEWAY_PRODUCTION.name)).nameAvailable, false);
    }

    it('rides out a 5xx burst', async () => {
      const from = world.exchanges.length;
      world.faults({ arm: { errorRate: 0.4 } }, 3141592653);
      await armWorkload(arm, 'burst');
      assert.ok((statuses(world.exchanges.slice(from), 'arm').get(503) ?? 0) >= 3);
    });

    it('rides out a 429 storm, waiting as long as Retry-After asks', async () => {
      const client = new ArmClient(world.pipeline('operator', { retry: HONOUR_RETRY_AFTER }), world.cloud, { polling: FAST_POLLING, resend: QUICK_RESEND });
      const from = world.exchanges.length;
      world.faults({ arm: { throttleRate: 0.4, retryAfterSeconds: 1 } }, 2718281828);
      const started = Date.now();
      await client.updateTags(PRODUCTION_REF, { run: 'storm' });
      assert.equal((await client.getGateway(PRODUCTION_REF)).tags?.run, 'storm');
      await client.listGatewaysByResourceGroup(SUBSCRIPTION_PRODUCTION, GATEWAY_PRODUCTION.resourceGroup);
      const throttled = statuses(world.exchanges.slice(from), 'arm').get(429) ?? 0;
      assert.ok(throttled >= 1, 'the storm hit');
      assert.ok(Date.now() - started >= throttled * 900, `${throttled} × Retry-After 1 s honoured (${Date.now() - started} ms)`);
    });

    it('rides out connection resets', async () => {
      world.faults({ arm: { resetRate: 0.3 } }, 424242);
      const before = world.log.filter((l) => l.startsWith('fault: reset')).length;
      await armWorkload(arm, 'reset');
      assert.ok(world.log.filter((l) => l.startsWith('fault: reset')).length - before >= 2, 'connections were reset');
    });
  });

  describe('Provisioning API', () => {
    const account = 'Client-Fault-Runs';
    let client: ProvisioningClient;
    before(async () => {
      client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: QUICK_RESEND });
      await client.createOrReplaceAccount(ocAccount(account));
    });

    async function provisioningWorkload(c: ProvisioningClient, base: number): Promise<void> {
      const numbers = numberRange(base, 150);
      await c.createOrUpdateNumbersInBatches(account, numbers.map((t) => ocNumber(account, t)));
      const single = await c.getNumber(account, numbers[0]);
      await c.createOrReplaceNumber({ ...single.resource, configuration: { customSipHeader: 'fault-run' } }, { ifMatch: single.etag });
      assert.equal(await c.countNumbers(account), 150);
      const consents = await collectPages(c.listRequestsForInformation());
      assert.ok(consents.length > 0);
      await c.getTeamsCapabilityPlans(account);
      await c.deleteNumbersInBatches(account, numbers);
      assert.equal(await c.countNumbers(account), 0);
    }

    it('rides out a 5xx burst', async () => {
      const from = world.exchanges.length;
      world.faults({ provisioning: { errorRate: 0.4 } }, 987654321);
      await provisioningWorkload(client, 493066600000);
      assert.ok((statuses(world.exchanges.slice(from), 'provisioning').get(503) ?? 0) >= 3, JSON.stringify([...statuses(world.exchanges.slice(from), 'provisioning')]));
    });

    it('rides out a storm of its own rate limit (429 with Retry-After) and of injected 429s', async () => {
      const honouring = new ProvisioningClient(world.pipeline('operator', { retry: HONOUR_RETRY_AFTER }), world.cloud, PRODUCTION_DOMAIN, { resend: QUICK_RESEND });
      world.emulator.context.limiter.settings = { requestsPerWindow: 4, windowMs: 1000 };
      const from = world.exchanges.length;
      const started = Date.now();
      try {
        await Promise.all(Array.from({ length: 10 }, () => honouring.getAccount(account)));
      } finally {
        world.emulator.context.limiter.settings = { requestsPerWindow: 0, windowMs: 60_000 };
      }
      const limited = world.exchanges.slice(from).filter((e) => e.status === 429);
      assert.ok(limited.length >= 3, 'the gateway limit answered 429s');
      assert.ok(limited.every((e) => Number(e.responseHeaders['retry-after']) >= 1));
      assert.ok(Date.now() - started >= 900, 'waited for Retry-After');

      world.faults({ provisioning: { throttleRate: 0.4, retryAfterSeconds: 1 } }, 424242);
      const stormFrom = world.exchanges.length;
      await honouring.createOrUpdateNumbers(account, numberRange(493066700000, 20).map((t) => ocNumber(account, t)));
      assert.equal(await honouring.countNumbers(account), 20);
      await honouring.deleteNumbers(account, numberRange(493066700000, 20));
      assert.ok((statuses(world.exchanges.slice(stormFrom), 'provisioning').get(429) ?? 0) >= 1, 'the injected storm hit');
    });

    it("never meets the gateway's limit when the pipeline paces batches", async () => {
      const paced = new ProvisioningClient(world.pipeline('operator', { provisioningRequestsPerMinute: 3, provisioningWindowMs: 400 }), world.cloud, PRODUCTION_DOMAIN);
      world.emulator.context.limiter.settings = { requestsPerWindow: 3, windowMs: 400 };
      const from = world.exchanges.length;
      const started = Date.now();
      try {
        const numbers = numberRange(493066800000, 600);
        await paced.createOrUpdateNumbersInBatches(account, numbers.map((t) => ocNumber(account, t)));
        await paced.deleteNumbersInBatches(account, numbers);
      } finally {
        world.emulator.context.limiter.settings = { requestsPerWindow: 0, windowMs: 60_000 };
      }
      const sent = world.exchanges.slice(from).filter((e) => e.service === 'provisioning');
      assert.equal(sent.filter((e) => e.status === 429).length, 0, 'no 429: the limiter held the batches back');
      assert.equal(sent.length, 12);
      assert.ok(Date.now() - started >= 3 * 400, 'twelve requests at three per 400 ms take at least three windows');
    });

    it('rides out connection resets', async () => {
      world.faults({ provisioning: { resetRate: 0.3 } }, 1618033988);
      const before = world.log.filter((l) => l.startsWith('fault: reset')).length;
      await provisioningWorkload(client, 493066900000);
      assert.ok(world.log.filter((l) => l.startsWith('fault: reset')).length - before >= 2, 'connections were reset');
    });
  });

  describe('Microsoft Graph', () => {
    let graph: GraphClient;
    before(() => {
      graph = new GraphClient(world.pipeline('operator'), world.cloud, { resend: QUICK_RESEND });
    });

    async function graphWorkload(client: GraphClient): Promise<void> {
      assert.equal((await client.servicePrincipalByAppId(PROJECT_SYNERGY_APP_ID))?.id, PROJECT_SYNERGY_SP_ID);
      assert.equal((await client.appRoleAssignments(GATEWAY_PRODUCTION.identityPrincipalId, { resourceId: PROJECT_SYNERGY_SP_ID })).length, 7);
      assert.equal((await client.getDomain(demoGatewayDomain(GATEWAY_PRODUCTION)))?.isVerified, true);
      // A $batch is a POST: it is resent by the client (all its requests are reads), not retried by the pipeline.
      const state = await client.getOnboardingDirectoryState({ identityPrincipalIds: [GATEWAY_PRODUCTION.identityPrincipalId, GATEWAY_GAPS.identityPrincipalId] });
      assert.equal(state.synergy.value?.id, PROJECT_SYNERGY_SP_ID);
      assert.equal(state.identities[0].assignments.value?.length, 7);
    }

    it('rides out a 5xx burst', async () => {
      const from = world.exchanges.length;
      world.faults({ graph: { errorRate: 0.4 } }, 3141592653);
      for (let i = 0; i < 3; i++) await graphWorkload(graph);
      assert.ok((statuses(world.exchanges.slice(from), 'graph').get(503) ?? 0) >= 2);
    });

    it('rides out a 429 storm, waiting as long as Retry-After asks', async () => {
      const client = new GraphClient(world.pipeline('operator', { retry: HONOUR_RETRY_AFTER }), world.cloud, { resend: QUICK_RESEND });
      const from = world.exchanges.length;
      world.faults({ graph: { throttleRate: 0.4, retryAfterSeconds: 1 } }, 2718281828);
      const started = Date.now();
      await graphWorkload(client);
      const throttled = statuses(world.exchanges.slice(from), 'graph').get(429) ?? 0;
      assert.ok(throttled >= 1, 'the storm hit');
      assert.ok(Date.now() - started >= throttled * 900, `${throttled} × Retry-After 1 s honoured`);
    });

    it('rides out connection resets', async () => {
      world.faults({ graph: { resetRate: 0.3 } }, 424242);
      const before = world.log.filter((l) => l.startsWith('fault: reset')).length;
      for (let i = 0; i < 3; i++) await graphWorkload(graph);
      assert.ok(world.log.filter((l) => l.startsWith('fault: reset')).length - before >= 2, 'connections were reset');
    });
  });

  // A nested suite, so that it runs after the others (mocha runs a suite's own tests before its children).
  describe('contract', () => {
    it('sent only requests the specs allow (whole run, faults included)', async () => {
      await assertRequestsConform(world.exchanges);
    });
  });
});
