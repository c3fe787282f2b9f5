// ArmClient against the real emulator through the real pipeline: subscriptions, gateways across subscriptions with
// bounded concurrency and per-subscription errors, the GET-edit-PUT-poll update, tags, test lines (long-running PUT
// and DELETE), name checks, client-side rule checks, and the 403 and 404 paths. Every request is checked against the
// ARM spec at the end.
import { strict as assert } from 'node:assert';
import { GATEWAY_GAPS, GATEWAY_LAB, GATEWAY_PRODUCTION, SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { ArmClient, gatewayDomainOf, gatewayRefOf, gatewayResourceId, parseGatewayId, parseTestLineName, type OperationProgress } from '../../../src/azure/clients';
import type { HttpPipeline, PipelineRequest, PipelineResponse } from '../../../src/azure/http';
import { assertRequestsConform, exchangesOf, PRODUCTION_REF, rejects, startWorld, type ClientWorld } from './clients.support';

const FAST_POLLING = { defaultDelayMs: 10, maxDelayMs: 20 };
const MISSING_SUBSCRIPTION = '00000000-1111-4222-8333-444444444444';

/** Delegates to the real pipeline, recording how many requests of one kind were in flight at once. */
class InFlightCounter implements HttpPipeline {
  current = 0;
  max = 0;
  constructor(
    private readonly inner: HttpPipeline,
    private readonly counts: (request: PipelineRequest) => boolean,
  ) {}
  async send<T>(request: PipelineRequest): Promise<PipelineResponse<T>> {
    const counted = this.counts(request);
    if (counted) this.max = Math.max(this.max, ++this.current);
    try {
      return await this.inner.send<T>(request);
    } finally {
      if (counted) this.current--;
    }
  }
}

describe('clients: ArmClient against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let arm: ArmClient;

  before(async () => {
    // One gateway per page, so every list follows nextLink.
    world = await startWorld({ config: { armPageSize: 1 } });
    arm = new ArmClient(world.pipeline('operator'), world.cloud, { polling: FAST_POLLING });
  });

  after(async () => {
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  it('lists subscriptions across pages', async () => {
    const subscriptions = await arm.listSubscriptions();
    assert.deepEqual(subscriptions.map((s) => s.subscriptionId).sort(), [SUBSCRIPTION_PRODUCTION, SUBSCRIPTION_LAB].sort());
    assert.ok(world.exchanges.filter((e) => e.operationId === 'Subscriptions_List').length >= 2, 'followed nextLink');
  });

  it('lists gateways of many subscriptions at most `concurrency` at a time, one failure hiding nothing', async () => {
    world.faults({ arm: { latencyMs: 40 } });
    const counter = new InFlightCounter(world.pipeline('operator'), (r) => r.operation.startsWith('list gateways in subscription'));
    const client = new ArmClient(counter, world.cloud);
    const ids = [SUBSCRIPTION_PRODUCTION, MISSING_SUBSCRIPTION, SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION, SUBSCRIPTION_LAB, MISSING_SUBSCRIPTION];
    const results = await client.listGateways(ids, { concurrency: 2 });
    assert.equal(counter.max, 2, 'two subscriptions in flight at once, never more');
    assert.deepEqual(results.map((r) => r.subscriptionId), ids, 'results keep the input order');
    const names = (i: number) => (results[i].gateways ?? []).map((g) => g.name).sort();
    assert.deepEqual(names(0), [GATEWAY_GAPS.name, GATEWAY_PRODUCTION.name].sort());
    assert.deepEqual(names(2), [GATEWAY_LAB.name]);
    for (const i of [1, 5]) {
      const error = results[i].error;
      assert.ok(error, 'the missing subscription has its own error');
      assert.ok(['notFound', 'forbidden'].includes(error.kind), error.message);
      assert.equal(results[i].gateways, undefined);
    }
  });

  it('lists gateways of a resource group, reads one, and parses its id', async () => {
    const inGroup = await arm.listGatewaysByResourceGroup(SUBSCRIPTION_PRODUCTION, GATEWAY_PRODUCTION.resourceGroup);
    assert.deepEqual(inGroup.map((g) => g.name), [GATEWAY_PRODUCTION.name]);
    const gateway = await arm.getGateway(PRODUCTION_REF);
    assert.equal(gateway.name, GATEWAY_PRODUCTION.name);
    assert.deepEqual(gatewayRefOf(gateway), PRODUCTION_REF);
    assert.equal(gatewayDomainOf(gateway), `${GATEWAY_PRODUCTION.label}.commsgw.azure.com`);
    assert.equal(gatewayResourceId(PRODUCTION_REF).toLowerCase(), gateway.id?.toLowerCase());
    assert.deepEqual(parseGatewayId(`${gateway.id}/testLines/tl-1/`), PRODUCTION_REF);
    assert.equal(parseTestLineName(`${gateway.id}/testLines/tl-1`), 'tl-1');
    assert.equal(parseGatewayId('/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z'), undefined);
  });

  it('updates a gateway by GET, edit, PUT and polling, honouring Retry-After', async () => {
    // Default polling: the emulator's Retry-After (1 s) decides the wait.
    const client = new ArmClient(world.pipeline('operator'), world.cloud);
    const progress: OperationProgress[] = [];
    const from = world.exchanges.length;
    const started = Date.now();
    const updated = await client.updateGateway(
      PRODUCTION_REF,
      (g) => ({ ...g, properties: g.properties && { ...g.properties, emergencyDialStrings: ['911', '933', '112'] } }),
      { onProgress: (p) => progress.push(p) },
    );
    const elapsed = Date.now() - started;
    assert.deepEqual(updated.properties?.emergencyDialStrings, ['911', '933', '112']);
    assert.equal(updated.properties?.provisioningState, 'Succeeded');
    assert.ok(elapsed >= 900, `waited for Retry-After (1 s) before polling; took ${elapsed} ms`);
    assert.ok(progress.some((p) => p.status === 'Succeeded'), JSON.stringify(progress));
    const methods = world.exchanges.slice(from).filter((e) => e.service === 'arm').map((e) => `${e.method} ${e.operationId}`);
    assert.deepEqual(methods, [
      'GET CommunicationsGateways_Get',
      'PUT CommunicationsGateways_CreateOrUpdate',
      'GET OperationStatuses_Get',
      'GET CommunicationsGateways_Get',
    ]);
    const put = world.exchanges.slice(from).find((e) => e.method === 'PUT');
    const body = put?.requestBody as { properties?: Record<string, unknown>; id?: string };
    assert.equal(body.id, undefined, 'read-only fields are not sent back');
    assert.equal(body.properties?.provisioningState, undefined);
  });

  it('sends If-Match on the PUT when ARM gave an ETag with the GET', async () => {
    // The 2023-09-01 gateway declares no etag and the emulator sends none, so this test adds one to the real answer.
    const real = world.pipeline('operator');
    const withEtag: HttpPipeline = {
      async send<T>(request: PipelineRequest): Promise<PipelineResponse<T>> {
        const response = await real.send<T>(request);
        return request.method === 'GET' && request.operation.startsWith('get gateway') ? { ...response, headers: { ...response.headers, etag: '"gw-etag-1"' } } : response;
      },
    };
    const client = new ArmClient(withEtag, world.cloud, { polling: FAST_POLLING });
    const from = world.exchanges.length;
    await client.updateGateway(PRODUCTION_REF, (g) => g);
    const put = world.exchanges.slice(from).find((e) => e.method === 'PUT');
    assert.equal(put?.requestHeaders['if-match'], '"gw-etag-1"');
  });

  it('refuses an edit that breaks a rule before anything is sent', async () => {
    const from = world.exchanges.length;
    const error = await rejects(() => arm.updateGateway(PRODUCTION_REF, (g) => ({ ...g, properties: g.properties && { ...g.properties, platforms: [] } })));
    assert.equal(error.kind, 'badRequest');
    assert.equal(error.code, 'ACG-GW-002');
    assert.match(error.message, /ACG-GW-002/);
    assert.deepEqual(exchangesOf(world, 'arm', '', from).map((e) => e.method), ['GET'], 'only the read, no PUT');
  });

  it('updates tags with PATCH and refuses a bad tag name', async () => {
    const gateway = await arm.updateTags(PRODUCTION_REF, { env: 'prod', owner: 'voice' });
    assert.deepEqual(gateway.tags, { env: 'prod', owner: 'voice' });
    const error = await rejects(() => arm.updateTags(PRODUCTION_REF, { 'a/b': 'x' }));
    assert.equal(error.code, 'ACG-TAG-004');
  });

  it('creates, reads, lists and deletes a test line (long-running PUT and DELETE)', async () => {
    const progress: OperationProgress[] = [];
    const line = await arm.createTestLine(PRODUCTION_REF, 'client-line-1', { phoneNumber: '+12065550177', purpose: 'Automated' }, { onProgress: (p) => progress.push(p) });
    assert.equal(line.properties?.provisioningState, 'Succeeded');
    assert.equal(line.properties?.phoneNumber, '+12065550177');
    assert.ok(progress.length > 0);
    assert.ok((await arm.listTestLines(PRODUCTION_REF)).some((l) => l.name === 'client-line-1'));
    assert.equal((await arm.getTestLine(PRODUCTION_REF, 'client-line-1')).properties?.purpose, 'Automated');
    const from = world.exchanges.length;
    await arm.deleteTestLine(PRODUCTION_REF, 'client-line-1');
    assert.ok(exchangesOf(world, 'arm', '/operationResults/', from).length > 0, 'polled the Location URL');
    assert.ok(!(await arm.listTestLines(PRODUCTION_REF)).some((l) => l.name === 'client-line-1'));
    await arm.deleteTestLine(PRODUCTION_REF, 'client-line-1');
  });

  it('refuses a bad test line name or purpose before sending', async () => {
    const from = world.exchanges.length;
    const bad = await rejects(() => arm.createTestLine(PRODUCTION_REF, 'x', { phoneNumber: '+12065550177', purpose: 'Automated' }));
    assert.equal(bad.code, 'ACG-GW-001');
    const purpose = await rejects(() => arm.createTestLine(PRODUCTION_REF, 'line-ok', { phoneNumber: '+12065550177', purpose: 'Robot' as 'Manual' }));
    assert.equal(purpose.code, 'ACG-TL-001');
    assert.equal(world.exchanges.length, from, 'nothing was sent');
  });

  it('checks name availability, answering invalid names without a request', async () => {
    const taken = await arm.checkNameAvailability(SUBSCRIPTION_PRODUCTION, 'eastus', GATEWAY_PRODUCTION.name);
    assert.equal(taken.nameAvailable, false);
    assert.equal(taken.reason, 'AlreadyExists');
    assert.equal((await arm.checkNameAvailability(SUBSCRIPTION_PRODUCTION, 'eastus', 'client-free-name')).nameAvailable, true);
    const from = world.exchanges.length;
    const invalid = await arm.checkNameAvailability(SUBSCRIPTION_PRODUCTION, 'eastus', 'no');
    assert.deepEqual([invalid.nameAvailable, invalid.reason], [false, 'Invalid']);
    assert.match(invalid.message ?? '', /ACG-GW-001/);
    assert.equal(world.exchanges.length, from);
  });

  it('403: a Reader cannot write, and the error names the missing action', async () => {
    const reader = new ArmClient(world.pipeline('reader'), world.cloud, { polling: FAST_POLLING });
    assert.equal((await reader.getGateway(PRODUCTION_REF)).name, GATEWAY_PRODUCTION.name, 'reading is allowed');
    const error = await rejects(() => reader.updateTags(PRODUCTION_REF, { env: 'x' }));
    assert.equal(error.kind, 'forbidden');
    assert.equal(error.status, 403);
    assert.match(error.requiredRole ?? '', /communicationsGateways\/write/i);
  });

  it('404: a missing gateway and a missing test line', async () => {
    const gateway = await rejects(() => arm.getGateway({ ...PRODUCTION_REF, name: 'no-such-gateway' }));
    assert.equal(gateway.kind, 'notFound');
    const line = await rejects(() => arm.getTestLine(PRODUCTION_REF, 'no-such-line'));
    assert.equal(line.kind, 'notFound');
  });

  it('cancels an update while it polls', async () => {
    const client = new ArmClient(world.pipeline('operator'), world.cloud);
    const controller = new AbortController();
    const pending = client.updateGateway(PRODUCTION_REF, (g) => g, {
      abortSignal: controller.signal,
      onProgress: (p) => {
        if (p.message.startsWith('Saving')) setTimeout(() => controller.abort(), 50);
      },
    });
    const error = await rejects(() => pending);
    assert.equal(error.kind, 'cancelled');
  });

  it('sent only requests the ARM spec allows (whole run)', async () => {
    await assertRequestsConform(world.exchanges);
  });
});
