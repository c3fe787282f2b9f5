// @azure/arm-resources (ResourceManagementClient) and @azure/arm-resources-subscriptions (SubscriptionClient) against
// the emulator, unmodified, beside our own ARM client: the `*ById` calls (which send `//subscriptions/…`), HEAD for
// existence, a long-running PUT through the SDK's poller, the generic lists with $filter and paging, the provider,
// subscriptions and locations. Every request they sent is then checked against the contract.
import { strict as assert } from 'node:assert';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { GATEWAY_GAPS, GATEWAY_PRODUCTION, SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { assertRequestsConform, startWorld, type ClientWorld } from '../azure/clients.support';
import { sdkOptions, sent, unrouted } from './sdkClients.support';

const VS = '2023-09-01';
const GW_TYPE = 'Microsoft.VoiceServices/communicationsGateways';
const TL_TYPE = 'Microsoft.VoiceServices/communicationsGateways/testLines';

function gatewayId(g: { subscriptionId: string; resourceGroup: string; name: string }): string {
  return `/subscriptions/${g.subscriptionId}/resourceGroups/${g.resourceGroup}/providers/${GW_TYPE}/${g.name}`;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('SDK clients: @azure/arm-resources and @azure/arm-resources-subscriptions against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let resources: ResourceManagementClient;
  let subscriptions: SubscriptionClient;
  /** Every URL the ResourceManagementClient sent, as its pipeline had it (before any server normalised it). */
  const urlsSent: string[] = [];

  before(async () => {
    // Pages of 2, so that every list the SDK reads has a nextLink to follow.
    world = await startWorld({ config: { armPageSize: 2 } });
    resources = new ResourceManagementClient(world.credential('operator'), SUBSCRIPTION_PRODUCTION, {
      ...sdkOptions(world),
      additionalPolicies: [{ position: 'perCall', policy: { name: 'recordUrls', sendRequest: (request, next) => (urlsSent.push(request.url), next(request)) } }],
    });
    subscriptions = new SubscriptionClient(world.credential('operator'), sdkOptions(world));
  });

  after(async () => {
    await world?.stop();
  });

  describe('ResourceManagementClient', () => {
    it('resources.getById reads a gateway and a test line (the SDK sends //subscriptions/…)', async () => {
      const from = world.exchanges.length;
      urlsSent.length = 0;
      const gateway = await resources.resources.getById(gatewayId(GATEWAY_PRODUCTION), VS);
      assert.equal(gateway.name, GATEWAY_PRODUCTION.name);
      assert.equal(gateway.type, GW_TYPE);
      assert.equal((gateway.properties as { provisioningState?: string }).provisioningState, 'Succeeded');
      const line = await resources.resources.getById(`${gatewayId(GATEWAY_PRODUCTION)}/testLines/OC1`, VS);
      assert.equal(line.type, TL_TYPE);
      assert.ok(world.exchanges.slice(from).some((e) => e.requestHeaders['user-agent']?.includes('azsdk-js-arm-resources')));
      assert.ok(world.exchanges.slice(from).every((e) => e.status === 200), 'both reads were answered 200');
      assert.ok(urlsSent.length === 2 && urlsSent.every((u) => u.startsWith(`${world.emulator.url}//subscriptions/`)), urlsSent.join('\n'));
    });

    it('resources.checkExistenceById: true for an existing gateway and test line, false for missing ones', async () => {
      assert.equal((await resources.resources.checkExistenceById(gatewayId(GATEWAY_PRODUCTION), VS)).body, true);
      assert.equal((await resources.resources.checkExistenceById(`${gatewayId(GATEWAY_PRODUCTION)}/testLines/OC1`, VS)).body, true);
      assert.equal((await resources.resources.checkExistenceById(gatewayId({ ...GATEWAY_PRODUCTION, name: 'no-such-gw' }), VS)).body, false);
      assert.equal((await resources.resources.checkExistenceById(`${gatewayId(GATEWAY_PRODUCTION)}/testLines/no-such-line`, VS)).body, false);
    });

    it('resources.beginCreateOrUpdateById creates a test line through the SDK poller, then deletes it by id', async () => {
      const id = `${gatewayId(GATEWAY_PRODUCTION)}/testLines/sdk-line-1`;
      const poller = await resources.resources.beginCreateOrUpdateById(id, VS, { location: 'eastus', properties: { phoneNumber: '+12065550199', purpose: 'Automated' } }, { updateIntervalInMs: 10 });
      const created = await poller.pollUntilDone();
      assert.equal(created.name, 'sdk-line-1');
      assert.equal((created.properties as { provisioningState?: string }).provisioningState, 'Succeeded');
      assert.equal((await resources.resources.checkExistenceById(id, VS)).body, true);
      const deleting = await resources.resources.beginDeleteById(id, VS, { updateIntervalInMs: 10 });
      await deleting.pollUntilDone();
      assert.equal((await resources.resources.checkExistenceById(id, VS)).body, false);
    });

    it("resources.beginUpdateById patches a gateway's tags (ARM's PATCH, answered at once)", async () => {
      const poller = await resources.resources.beginUpdateById(gatewayId(GATEWAY_GAPS), VS, { tags: { owner: 'sdk-test' } }, { updateIntervalInMs: 10 });
      const updated = await poller.pollUntilDone();
      assert.deepEqual(updated.tags, { owner: 'sdk-test' });
      const listed = await collect(resources.resources.list({ filter: `name eq '${GATEWAY_GAPS.name}'` }));
      assert.deepEqual(listed.map((r) => r.tags), [{ owner: 'sdk-test' }]);
    });

    it('resourceGroups.get, checkExistence and list (following nextLink)', async () => {
      const group = await resources.resourceGroups.get(GATEWAY_PRODUCTION.resourceGroup);
      assert.equal(group.name, GATEWAY_PRODUCTION.resourceGroup);
      assert.equal(group.location, 'eastus');
      assert.equal(group.properties?.provisioningState, 'Succeeded');
      assert.equal((await resources.resourceGroups.checkExistence(GATEWAY_GAPS.resourceGroup)).body, true);
      assert.equal((await resources.resourceGroups.checkExistence('rg-no-such-group')).body, false);
      await assert.rejects(() => resources.resourceGroups.get('rg-no-such-group'), (error: { statusCode?: number; code?: string }) => error.statusCode === 404 && error.code === 'ResourceGroupNotFound');
      const from = world.exchanges.length;
      const groups = await collect(resources.resourceGroups.list());
      assert.deepEqual(groups.map((g) => g.name).sort(), [GATEWAY_GAPS.resourceGroup, GATEWAY_PRODUCTION.resourceGroup].sort());
      assert.ok(sent(world, from).length >= 1);
    });

    it('resources.listByResourceGroup follows nextLink through gateways and test lines', async () => {
      const from = world.exchanges.length;
      const items = await collect(resources.resources.listByResourceGroup(GATEWAY_GAPS.resourceGroup));
      assert.deepEqual(items.filter((r) => r.type === GW_TYPE).map((r) => r.name), [GATEWAY_GAPS.name]);
      assert.equal(items.filter((r) => r.type === TL_TYPE).length, 4);
      assert.ok(sent(world, from).length >= 3, `paged: ${sent(world, from).join(', ')}`);
    });

    it("resources.list with $filter (resourceType, resourceGroup, both) and ARM's 400 for a filter it does not support", async () => {
      const byType = await collect(resources.resources.list({ filter: `resourceType eq '${GW_TYPE}'` }));
      assert.deepEqual(byType.map((r) => r.name).sort(), [GATEWAY_GAPS.name, GATEWAY_PRODUCTION.name].sort());
      const byGroup = await collect(resources.resources.list({ filter: `resourceGroup eq '${GATEWAY_PRODUCTION.resourceGroup}'` }));
      assert.ok(byGroup.length > 2 && byGroup.every((r) => r.id?.includes(`/resourceGroups/${GATEWAY_PRODUCTION.resourceGroup}/`)));
      const both = await collect(resources.resources.list({ filter: `resourceType eq '${TL_TYPE}' and resourceGroup eq '${GATEWAY_GAPS.resourceGroup}'`, expand: 'createdTime,provisioningState' }));
      assert.equal(both.length, 4);
      assert.ok(both.every((r) => r.provisioningState === 'Succeeded' && r.createdTime instanceof Date));
      await assert.rejects(
        () => collect(resources.resources.list({ filter: "tagName eq 'env'" })),
        (error: { statusCode?: number; code?: string }) => error.statusCode === 400 && error.code === 'InvalidFilterInQueryString',
      );
    });

    it('providers.get describes Microsoft.VoiceServices with its resource types and api-versions', async () => {
      const provider = await resources.providers.get('Microsoft.VoiceServices');
      assert.equal(provider.namespace, 'Microsoft.VoiceServices');
      assert.equal(provider.registrationState, 'Registered');
      const gateways = provider.resourceTypes?.find((t) => t.resourceType === 'communicationsGateways');
      assert.deepEqual(gateways?.apiVersions, [VS]);
      assert.ok(gateways?.locations?.includes('East US'));
    });
  });

  describe('SubscriptionClient', () => {
    it('subscriptions.list and get', async () => {
      const all = await collect(subscriptions.subscriptions.list());
      assert.deepEqual(all.map((s) => s.subscriptionId).sort(), [SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION].sort());
      const one = await subscriptions.subscriptions.get(SUBSCRIPTION_LAB);
      assert.equal(one.displayName, 'Contoso Telecom - Voice Lab');
      assert.equal(one.state, 'Enabled');
    });

    it('subscriptions.listLocations', async () => {
      const locations = await collect(subscriptions.subscriptions.listLocations(SUBSCRIPTION_PRODUCTION));
      const eastus = locations.find((l) => l.name === 'eastus');
      assert.equal(eastus?.displayName, 'East US');
      assert.equal(eastus?.metadata?.pairedRegion?.[0]?.name, 'westus');
    });
  });

  describe('afterwards', () => {
    it('every request the SDKs sent was routed to an operation (no 404/405 for a path the emulator does not know)', () => {
      assert.ok(world.exchanges.length > 20);
      assert.deepEqual(unrouted(world, 0), []);
    });

    it('every request the SDKs sent satisfies the contract (the ARM spec, or the stand-in schemas of Microsoft.Resources)', async () => {
      await assertRequestsConform(world.exchanges);
    });
  });
});
