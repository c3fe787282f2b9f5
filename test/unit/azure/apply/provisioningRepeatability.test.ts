// The client options the apply journal needs: Repeatability headers chosen by the caller (written to the journal
// before the request leaves, so a resume resends the very same ones) and If-None-Match: * on a create. Against the
// emulator: the same caller-chosen id sent twice is applied once (the service's write counter moves once) and the
// second answer is the first one replayed.
import { strict as assert } from 'node:assert';
import { ProvisioningClient } from '../../../../src/azure/clients';
import { repeatabilityHeaders } from '../../../../src/azure/http/headers';
import { exchangesOf, numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, rejects, startWorld, type ClientWorld } from '../clients.support';

const ACCOUNT = 'Repeat-Test-Account';

describe('azure: caller-chosen repeatability headers and create-only writes', function () {
  this.timeout(60_000);
  let world: ClientWorld;
  let client: ProvisioningClient;
  const writes = (): number => world.emulator.context.state.provisioning[PRODUCTION_DOMAIN].etagSeq;

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN);
    await client.createOrReplaceAccount(ocAccount(ACCOUNT));
  });

  after(async () => {
    await world?.stop();
  });

  it('a batch sent twice with the same caller-chosen id is applied once and the answer replayed', async () => {
    const numbers = numberRange(493077700001, 3).map((t) => ocNumber(ACCOUNT, t));
    const repeatability = repeatabilityHeaders();
    const from = world.exchanges.length;
    const before = writes();
    const first = await client.createOrUpdateNumbers(ACCOUNT, numbers, { repeatability });
    const afterFirst = writes();
    const second = await client.createOrUpdateNumbers(ACCOUNT, numbers, { repeatability });
    assert.equal(afterFirst - before, 3, 'the first send wrote the three numbers');
    assert.equal(writes(), afterFirst, 'the second send wrote nothing');
    assert.deepEqual(second, first, 'the first answer, replayed');
    const posts = exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from);
    assert.deepEqual(posts.map((p) => p.requestHeaders['repeatability-request-id']), [repeatability['Repeatability-Request-ID'], repeatability['Repeatability-Request-ID']]);
    assert.deepEqual(posts.map((p) => p.requestHeaders['repeatability-first-sent']), [repeatability['Repeatability-First-Sent'], repeatability['Repeatability-First-Sent']]);
  });

  it('deletes and single writes carry the caller-chosen headers too', async () => {
    const [tel] = numberRange(493077710001, 1);
    const from = world.exchanges.length;
    const ids = [repeatabilityHeaders(), repeatabilityHeaders(), repeatabilityHeaders()];
    await client.createOrReplaceNumber(ocNumber(ACCOUNT, tel), { repeatability: ids[0] });
    await client.deleteNumbers(ACCOUNT, [tel], { repeatability: ids[1] });
    await client.deleteAccount('Repeat-Gone-Account', { repeatability: ids[2] });
    const sent = world.exchanges.slice(from).filter((e) => e.service === 'provisioning').map((e) => e.requestHeaders['repeatability-request-id']);
    assert.deepEqual(sent, ids.map((h) => h['Repeatability-Request-ID']));
  });

  it('a create-only PUT (If-None-Match: *) of an account that exists is refused and changes nothing', async () => {
    const before = writes();
    const error = await rejects(() => client.createOrReplaceAccount(ocAccount(ACCOUNT), { onlyIfNew: true }));
    assert.equal(error.kind, 'preconditionFailed');
    assert.equal(writes(), before);
    const [put] = exchangesOf(world, 'provisioning', `/accounts/${ACCOUNT}`).filter((e) => e.method === 'PUT').slice(-1);
    assert.equal(put.requestHeaders['if-none-match'], '*');
  });
});
