// Find Number across the demo tenant's gateways, against the real emulator through the real pipeline: a Northwind-Bulk
// number is found on contoso-prod-gw in its account while the other gateways answer "no match", a gateway whose
// Provisioning API refuses this machine (its allowlist changed through an ARM PUT) is reported as not searched while
// the others still answer, a gateway without a domain is not asked, and a cancel keeps what was found before it.
import { strict as assert } from 'node:assert';
import { BULK_ACCOUNT_NAME, GATEWAY_GAPS, GATEWAY_LAB, GATEWAY_PRODUCTION, SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { ArmClient, ProvisioningClient } from '../../../src/azure/clients';
import type { HttpPipeline } from '../../../src/azure/http';
import { findNumber, listSearchTargets, searchGateways, type FindNumberClients, type NumberSearcher } from '../../../src/azure/numbers/findNumber';
import type { GatewayRef } from '../../../src/core/models';
import { assertRequestsConform, exchangesOf, startWorld, type ClientWorld } from './clients.support';

const FAST_POLLING = { defaultDelayMs: 10, maxDelayMs: 20 };
/** Generated in Northwind-Bulk's block (+44 20 3000 0000 to +44 20 3009 9999), not one of its re-uploaded numbers. */
const BULK_NUMBER = '+442030001234';
const GAPS_REF: GatewayRef = { subscriptionId: GATEWAY_GAPS.subscriptionId, resourceGroupName: GATEWAY_GAPS.resourceGroup, name: GATEWAY_GAPS.name };

describe('Find Number across the demo gateways (emulator)', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let pipeline: HttpPipeline;
  let arm: ArmClient;
  let clients: FindNumberClients;

  before(async () => {
    world = await startWorld();
    pipeline = world.pipeline('operator');
    arm = new ArmClient(pipeline, world.cloud, { polling: FAST_POLLING });
    clients = { arm, provisioning: (domain) => new ProvisioningClient(pipeline, world.cloud, domain) };
  });

  after(async () => {
    await world?.stop();
  });

  it('finds a Northwind-Bulk number on contoso-prod-gw in its account; the other gateways answer no match', async () => {
    const from = world.exchanges.length;
    const settled: string[] = [];
    const started = performance.now();
    const { summary, outcomes } = await findNumber(BULK_NUMBER, clients, undefined, { onSettled: (o, done, total) => settled.push(`${done}/${total} ${o.gateway.name}:${o.kind}`) });
    const elapsed = performance.now() - started;
    assert.deepEqual(
      outcomes.map((o) => `${o.gateway.name}:${o.kind}`).sort(),
      [`${GATEWAY_GAPS.name}:absent`, `${GATEWAY_LAB.name}:absent`, `${GATEWAY_PRODUCTION.name}:found`].sort(),
    );
    assert.equal(summary.matches.length, 1);
    const [match] = summary.matches;
    assert.equal(match.gateway.name, GATEWAY_PRODUCTION.name);
    assert.equal(match.number.accountName, BULK_ACCOUNT_NAME);
    assert.equal(match.number.telephoneNumber, BULK_NUMBER);
    assert.equal(summary.searched, 3);
    assert.equal(summary.subscriptions, 2);
    assert.match(summary.headline, /^\+442030001234 is on contoso-prod-gw, account Northwind-Bulk · Operator Connect \((un)?assigned\) · synced\.$/);
    assert.equal(settled.length, 3);
    assert.ok(settled[2].startsWith('3/3 '), settled.join(', '));
    // One filtered request per gateway, with the Numbers view's prefix clause.
    const lists = exchangesOf(world, 'provisioning', '/numbers', from).filter((e) => e.method === 'GET');
    assert.equal(lists.length, 3, lists.map((e) => e.path).join('\n'));
    for (const e of lists) assert.match(new URL(e.url, 'https://x').searchParams.get('filter') ?? '', /^startswith\(telephoneNumber,'\+442030001234'\)$/);
    console.log(`      (searched ${summary.gateways} demo gateways in ${elapsed.toFixed(0)} ms, including listing them through ARM)`);
    await assertRequestsConform(world.exchanges.slice(from));
  });

  it('searches only the selected subscriptions', async () => {
    const { summary, outcomes } = await findNumber(BULK_NUMBER, clients, [SUBSCRIPTION_LAB]);
    assert.deepEqual(outcomes.map((o) => `${o.gateway.name}:${o.kind}`), [`${GATEWAY_LAB.name}:absent`]);
    assert.equal(summary.headline, '+442030001234 was not found on 1 gateway in 1 subscription.');
  });

  it('reports a gateway whose Provisioning API refuses this machine as not searched; the others still answer', async () => {
    // The allowlist as an operator would change it: an ARM PUT of the gateway without 127.0.0.1.
    const original = await arm.getGateway(GAPS_REF);
    const saved = original.properties?.apiBridge?.allowedAddressPrefixes ?? [];
    await arm.updateGateway(GAPS_REF, (g) => ({ ...g, properties: g.properties && { ...g.properties, apiBridge: { ...g.properties.apiBridge, allowedAddressPrefixes: ['198.51.100.192/26'] } } }));
    try {
      const { summary, outcomes } = await findNumber(BULK_NUMBER, clients, undefined);
      const gaps = outcomes.find((o) => o.gateway.name === GATEWAY_GAPS.name);
      assert.equal(gaps?.kind, 'failed');
      assert.equal(summary.matches.length, 1, 'still found on the production gateway');
      assert.equal(summary.matches[0].gateway.name, GATEWAY_PRODUCTION.name);
      assert.equal(summary.searched, 2);
      assert.deepEqual(summary.unsearched.map((u) => u.where), [GATEWAY_GAPS.name]);
      assert.match(summary.unsearched[0].reason, /IP address is not in its Provisioning API allowlist/);
      assert.match(summary.headline, /Note: could not search fabrikam-new-gw: this machine's IP address/);
    } finally {
      await arm.updateGateway(GAPS_REF, (g) => ({ ...g, properties: g.properties && { ...g.properties, apiBridge: { ...g.properties.apiBridge, allowedAddressPrefixes: saved } } }));
    }
  });

  it('does not ask a gateway that has no domain yet, and says why', async () => {
    const { targets } = await listSearchTargets(arm, [SUBSCRIPTION_PRODUCTION]);
    const withoutDomain = targets.map((t) => (t.gateway.name === GATEWAY_GAPS.name ? { gateway: t.gateway, resource: t.resource } : t));
    const asked: string[] = [];
    const open = (domain: string): NumberSearcher => {
      asked.push(domain);
      return clients.provisioning(domain);
    };
    const outcomes = await searchGateways(BULK_NUMBER, withoutDomain, open);
    const gaps = outcomes.find((o) => o.gateway.name === GATEWAY_GAPS.name);
    assert.ok(gaps?.kind === 'failed' && /no domain yet/.test(gaps.reason), JSON.stringify(gaps));
    assert.equal(asked.length, targets.length - 1);
  });

  it('a cancel turns the gateways not yet answered into "cancelled" and keeps what was found', async () => {
    const { targets } = await listSearchTargets(arm, undefined);
    const production = targets.filter((t) => t.gateway.name === GATEWAY_PRODUCTION.name);
    const others = targets.filter((t) => t.gateway.name !== GATEWAY_PRODUCTION.name);
    const abort = new AbortController();
    // One at a time, production first: its answer cancels the rest, as a person pressing Cancel after the first would.
    const outcomes = await searchGateways(BULK_NUMBER, [...production, ...others], clients.provisioning, {
      concurrency: 1,
      abortSignal: abort.signal,
      onSettled: () => abort.abort(),
    });
    assert.deepEqual(outcomes.map((o) => o.kind), ['found', ...others.map(() => 'cancelled')]);
  });
});
