// Our ProvisioningClient sends Repeatability-Request-ID and Repeatability-First-Sent on every kind of write (PUT of an
// account or a number, PATCH of a request for information, DELETE of a number or an account, and both batches), and
// when the answer is lost on the way back, resends the write with the SAME two headers, so the service replays its
// first answer instead of applying the write again (the emulator's side: test/unit/emulator/replayProtection.test.ts).
import { strict as assert } from 'node:assert';
import type { Exchange } from '../../../emulator/server';
import { SEED_TENANT_IDS } from '../../../emulator/seed/provisioning';
import { ProvisioningClient } from '../../../src/azure/clients';
import { request } from '../../support/https';
import { numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, startWorld, type ClientWorld } from './clients.support';

const ACCOUNT = 'Client-Replay-Account';
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('clients: every Provisioning API write is repeatable, and a lost answer is resent as the same request', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let client: ProvisioningClient;

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: { pauseMs: 10 } });
    await client.createOrReplaceAccount(ocAccount(ACCOUNT));
  });
  after(async () => world?.stop());
  afterEach(() => world.noFaults());

  async function writes(prefix: string): Promise<Record<string, number>> {
    const res = await request(`${world.emulator.url}/_admin/provisioning/${PRODUCTION_DOMAIN}/number-writes?prefix=${encodeURIComponent(prefix)}`, { method: 'GET', ca: world.emulator.caCertPem });
    return (res.body as { writes: Record<string, number> }).writes;
  }

  /**
   * Runs one client write whose first answer the emulator loses (the write took effect, the connection is cut): the
   * provisioning exchanges it caused, which must be the lost one and its resend.
   */
  async function withLostAnswer(write: () => Promise<unknown>): Promise<Exchange[]> {
    const from = world.exchanges.length;
    world.faults({ provisioning: { lostAnswerRate: 1 } });
    const stop = world.emulator.onExchange((e) => {
      if (e.service === 'provisioning') world.noFaults();
    });
    try {
      await write();
    } finally {
      stop();
    }
    return world.exchanges.slice(from).filter((e) => e.service === 'provisioning');
  }

  function assertResentAsTheSameRequest(sent: readonly Exchange[], method: string, path: string): void {
    assert.deepEqual(sent.map((e) => `${e.method} ${e.path}`), [`${method} ${path}`, `${method} ${path}`], 'the lost one and its resend');
    const [lost, resend] = sent;
    const id = lost.requestHeaders['repeatability-request-id'];
    assert.match(id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${method} carries Repeatability-Request-ID`);
    assert.match(lost.requestHeaders['repeatability-first-sent'] ?? '', IMF_FIXDATE, `${method} carries Repeatability-First-Sent`);
    assert.equal(resend.requestHeaders['repeatability-request-id'], id, 'the resend keeps the id');
    assert.equal(resend.requestHeaders['repeatability-first-sent'], lost.requestHeaders['repeatability-first-sent'], 'and First-Sent');
    assert.equal(resend.responseHeaders['repeatability-result'], 'accepted');
    assert.ok(world.log.some((l) => l.startsWith(`fault: lost answer ${method}`)), world.log.slice(-5).join('\n'));
  }

  it('PUT an account', async () => {
    const name = 'Client-Replay-Put';
    const sent = await withLostAnswer(() => client.createOrReplaceAccount({ ...ocAccount(name), correlationId: 'REPLAYED' }));
    assertResentAsTheSameRequest(sent, 'PUT', `/accounts/${name}`);
    assert.equal(sent[1].status, 201, 'the first answer (Created), not a second write\'s 200');
    assert.equal((await client.getAccount(name)).resource.correlationId, 'REPLAYED');
  });

  it('PUT a number', async () => {
    const [tel] = numberRange(493077700001, 1);
    const sent = await withLostAnswer(() => client.createOrReplaceNumber(ocNumber(ACCOUNT, tel)));
    assertResentAsTheSameRequest(sent, 'PUT', `/accounts/${ACCOUNT}/numbers/${encodeURIComponent(tel)}`);
    assert.equal(sent[1].status, 201, 'the first answer (Created), not a second write\'s 200');
    assert.deepEqual(await writes(tel), { [tel]: 1 });
  });

  it('batch create (:createOrUpdateNumbers)', async () => {
    const numbers = numberRange(493077700011, 3);
    const sent = await withLostAnswer(() => client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t))));
    assertResentAsTheSameRequest(sent, 'POST', `/accounts/${ACCOUNT}:createOrUpdateNumbers`);
    assert.deepEqual(await writes('+4930777000'), { '+493077700001': 1, '+493077700011': 1, '+493077700012': 1, '+493077700013': 1 });
  });

  it('PATCH a request for information', async () => {
    const tenant = SEED_TENANT_IDS.munson;
    const sent = await withLostAnswer(() => client.updateCustomerRelationship(tenant, { status: 'ConsentDeclined', comment: 'Replayed decline' }));
    assertResentAsTheSameRequest(sent, 'PATCH', `/teamsRequestsForInformation/${tenant}`);
    assert.equal((await client.getRequestForInformation(tenant)).resource.customerRelationship?.comment, 'Replayed decline');
  });

  it('DELETE a number', async () => {
    const [tel] = numberRange(493077700021, 1);
    await client.createOrReplaceNumber(ocNumber(ACCOUNT, tel));
    const sent = await withLostAnswer(() => client.deleteNumber(ACCOUNT, tel));
    assertResentAsTheSameRequest(sent, 'DELETE', `/accounts/${ACCOUNT}/numbers/${encodeURIComponent(tel)}`);
    assert.deepEqual(await writes(tel), { [tel]: 2 }, 'one save, one delete');
  });

  it('batch delete (:deleteNumbers)', async () => {
    const numbers = numberRange(493077700031, 2);
    await client.createOrUpdateNumbers(ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
    const sent = await withLostAnswer(() => client.deleteNumbers(ACCOUNT, numbers));
    assertResentAsTheSameRequest(sent, 'POST', `/accounts/${ACCOUNT}:deleteNumbers`);
    assert.deepEqual(await writes('+4930777000'), { '+493077700001': 1, '+493077700011': 1, '+493077700012': 1, '+493077700013': 1, '+493077700021': 2, '+493077700031': 2, '+493077700032': 2 });
  });

  it('DELETE an account', async () => {
    const name = 'Client-Replay-Gone';
    await client.createOrReplaceAccount(ocAccount(name));
    const sent = await withLostAnswer(() => client.deleteAccount(name));
    assertResentAsTheSameRequest(sent, 'DELETE', `/accounts/${name}`);
  });
});
