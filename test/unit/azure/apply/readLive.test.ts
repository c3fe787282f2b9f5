// Reading the live state a plan compares with: only what the desired file names, and as few requests as the numbers
// allow (GETs with ETags for a few, one listing page per 1,000 for many, the whole account when pruning).
import { strict as assert } from 'node:assert';
import { readLiveProvisioningState } from '../../../../src/azure/apply';
import { ProvisioningClient } from '../../../../src/azure/clients';
import type { PlanDocument } from '../../../../src/core/config/model';
import { numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../clients.support';

describe('azure/apply: reading the live state of a provisioning plan', function () {
  this.timeout(60_000);
  let world: ClientWorld;
  let client: ProvisioningClient;
  const stored = numberRange(493070000001, 1500);

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN);
    await client.createOrReplaceAccount(ocAccount('Live-Read'));
    await client.createOrUpdateNumbersInBatches('Live-Read', stored.map((t) => ocNumber('Live-Read', t)));
  });

  after(async () => {
    await world?.stop();
  });

  const desired = (numbers: string[]): PlanDocument => ({
    accounts: [
      { name: 'Live-Read', numbers: numbers.map((telephoneNumber) => ({ telephoneNumber, serviceDetails: {} })) },
      { name: 'Live-Not-Yet', numbers: [{ telephoneNumber: '+493079999999', serviceDetails: {} }] },
    ],
  });

  async function read(doc: PlanDocument, prune: boolean) {
    const from = world.exchanges.length;
    const state = await readLiveProvisioningState(client, doc, { prune });
    return { state, requests: world.exchanges.slice(from).filter((e) => e.service === 'provisioning') };
  }

  it('a few numbers: one GET each, with their ETags; a missing account and number are absent', async () => {
    const { state, requests } = await read(desired([stored[0], stored[1], '+493070999999']), false);
    assert.deepEqual([...state.accounts.keys()], ['live-read']);
    assert.ok(state.accounts.get('live-read')?.etag);
    assert.deepEqual([...state.numbers.keys()].sort(), [stored[0], stored[1]]);
    assert.ok(state.numbers.get(stored[0])?.etag, 'a GET gives the ETag');
    assert.deepEqual([...state.completeAccounts], ['live-not-yet']);
    assert.equal(requests.length, 2 + 3);
  });

  it('many numbers: a prefix listing, one page per 1,000', async () => {
    const wanted = stored.slice(100, 1100);
    const { state, requests } = await read(desired(wanted), false);
    assert.equal(state.numbers.size, 1000);
    assert.ok(!state.completeAccounts.has('live-read'));
    const listings = requests.filter((e) => e.path.endsWith('/numbers'));
    assert.equal(listings.length, 2, 'the prefix holds 1,500: two pages');
    assert.equal(requests.length, 2 + listings.length);
  });

  it('prune: every number of the account, which is then complete', async () => {
    const { state } = await read(desired([stored[0]]), true);
    assert.equal(state.numbers.size, 1500);
    assert.ok(state.completeAccounts.has('live-read'));
  });

  it('relationships: the request for information of each tenant named', async () => {
    const [consent] = (await client.listRequestsForInformation().next()).value?.items ?? [];
    const { state } = await read({ relationships: [{ tenantId: consent.tenantId.toUpperCase(), customerRelationship: { status: 'AgreementSigned' } }] }, false);
    assert.equal(state.requests.get(consent.tenantId.toLowerCase())?.resource.tenantId, consent.tenantId);
    assert.ok(state.requests.get(consent.tenantId.toLowerCase())?.etag);
  });
});
