// Paging helpers against the emulator: ARM's and Graph's nextLink, the Provisioning API's nextLink and top/skip over
// the 100,000-number account, item limits that stop fetching, and loops that a broken service could cause.
import { strict as assert } from 'node:assert';
import type { Exchange } from '../../../emulator/server';
import { BULK_ACCOUNT_NAME, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import { isAcgError } from '../../../src/azure/errors';
import { collect, collectAll, pageByNextLink, pageBySkip, type HttpPipeline, type PipelineRequest, type PipelineResponse } from '../../../src/azure/http';
import { PROVISIONING_SCOPE, startHarness, type Harness } from './pipelineHarness';

interface NumberItem {
  telephoneNumber: string;
}

describe('pipeline: paging', function () {
  this.timeout(60_000);
  let h: Harness;
  let exchanges: Exchange[];
  let off: () => void;

  before(async () => {
    h = await startHarness();
  });
  after(async () => h.stop());
  beforeEach(() => {
    exchanges = [];
    off = h.emulator.onExchange((e) => e.service !== 'admin' && exchanges.push(e));
  });
  afterEach(() => off());

  const numbers = (query = ''): PipelineRequest => ({
    method: 'GET',
    url: h.provUrl(`/accounts/${BULK_ACCOUNT_NAME}/numbers${query}`),
    service: 'provisioning',
    operation: 'list numbers',
    scopes: [PROVISIONING_SCOPE],
  });

  it('follows ARM nextLinks to the end', async () => {
    const previous = h.emulator.context.config.armPageSize;
    h.emulator.context.config.armPageSize = 1;
    try {
      const pages: { name: string }[][] = [];
      for await (const page of pageByNextLink<{ name: string }>(h.pipeline(), {
        method: 'GET',
        url: h.armUrl(`/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft.VoiceServices/communicationsGateways`),
        service: 'arm',
        operation: 'list gateways',
        scopes: [h.cloud.resourceManagerScope],
      })) {
        pages.push(page);
      }
      assert.ok(pages.length >= 2, `expected several one-item pages, got ${pages.length}`);
      assert.ok(pages.every((p) => p.length === 1));
      assert.ok(pages.flat().some((g) => g.name === 'contoso-prod-gw'));
    } finally {
      h.emulator.context.config.armPageSize = previous;
    }
  });

  it("follows Graph's @odata.nextLink", async () => {
    const all = await collectAll(pageByNextLink<{ id: string }>(h.pipeline(), { method: 'GET', url: h.graphUrl('/servicePrincipals?$top=2'), service: 'graph', operation: 'list service principals', scopes: [h.cloud.graphScope] }));
    assert.ok(all.length > 2);
    assert.ok(exchanges.length > 1);
  });

  it('stops fetching once the item limit is reached (100,000-number account)', async () => {
    const { items, truncated } = await collect(pageByNextLink<NumberItem>(h.pipeline(), numbers('?maxpagesize=500')), 1200);
    assert.equal(items.length, 1200);
    assert.equal(truncated, true);
    assert.equal(exchanges.length, 3, 'three pages of 500, no more');
  });

  it('pages by top/skip from any offset, matching the nextLink order', async () => {
    const pipeline = h.pipeline();
    const reference = (await collect(pageByNextLink<NumberItem>(pipeline, numbers('?maxpagesize=1000')), 1600)).items;
    exchanges.length = 0;
    const { items, truncated } = await collect(pageBySkip<NumberItem>(pipeline, numbers(), 250, { startAt: 1000 }), 600);
    assert.equal(truncated, true);
    assert.deepEqual(items.map((n) => n.telephoneNumber), reference.slice(1000, 1600).map((n) => n.telephoneNumber));
    assert.equal(exchanges.length, 3);
    const first = new URL(exchanges[0].url);
    assert.equal(first.searchParams.get('top'), '250');
    assert.equal(first.searchParams.get('skip'), '1000');
    assert.equal(first.searchParams.get('maxpagesize'), '250');
  });

  it('pageBySkip ends at a short page; collect reports no truncation when the list fits', async () => {
    const all = await collect(pageBySkip<{ name: string }>(h.pipeline(), { method: 'GET', url: h.provUrl('/accounts'), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] }, 2), 1000);
    assert.equal(all.truncated, false);
    assert.ok(all.items.length >= 2);
    assert.equal(new Set(all.items.map((a) => a.name)).size, all.items.length, 'no account twice');
  });

  it('stops when a service returns the same nextLink twice', async () => {
    const url = h.provUrl('/accounts');
    const looping: HttpPipeline = {
      async send<T>(request: PipelineRequest): Promise<PipelineResponse<T>> {
        return { status: 200, headers: {}, text: '', body: { value: [request.url], nextLink: `${url}&loop=1` } as T };
      },
    };
    try {
      await collectAll(pageByNextLink(looping, { method: 'GET', url, service: 'provisioning', operation: 'list accounts' }));
      assert.fail('expected a loop error');
    } catch (error) {
      assert.ok(isAcgError(error, 'unexpected'));
      assert.match(error.message, /same next page twice/);
    }
  });

  it('an answer that is not a list is an error, not an empty list', async () => {
    try {
      await collectAll(pageByNextLink(h.pipeline(), { method: 'GET', url: h.provUrl(`/accounts/${BULK_ACCOUNT_NAME}`), service: 'provisioning', operation: 'list accounts', scopes: [PROVISIONING_SCOPE] }));
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(isAcgError(error, 'unexpected'));
    }
  });
});
