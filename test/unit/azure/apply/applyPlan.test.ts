// The executor against the emulator through the real pipeline: every kind of change with its conditions (If-None-Match
// on a create, If-Match on updates, deletes and relationships), numbers in batches of ≤100 per account, drift since
// the plan settled per item while the rest goes on, a cancel between requests, a lost answer and injected 5xx/429.
import { strict as assert } from 'node:assert';
import { applyProvisioningPlan } from '../../../../src/azure/apply';
import { ProvisioningClient } from '../../../../src/azure/clients';
import type { RequestForInformationResource } from '../../../../src/core/models';
import { exchangesOf, numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../clients.support';
import {
  appliedWrites, createAccount, createNumber, deleteAccount, deleteNumber, MemoryJournal, plan, replay, updateAccount, updateNumber, updateRelationship,
} from './apply.support';

describe('azure/apply: applying a saved provisioning plan against the emulator', function () {
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

  const provisioning = (from: number, to?: number) => world.exchanges.slice(from, to).filter((e) => e.service === 'provisioning');

  it('creates, updates and deletes accounts, numbers in batches of ≤100 per account, and relationships, each with its condition', async () => {
    const kept = await client.createOrReplaceAccount(ocAccount('Apply-Kept'));
    const keptNumbers = numberRange(493010000001, 8);
    await client.createOrUpdateNumbers('Apply-Kept', keptNumbers.map((t) => ocNumber('Apply-Kept', t)));
    await client.createOrReplaceAccount(ocAccount('Apply-Gone'));
    await client.createOrUpdateNumbers('Apply-Gone', numberRange(493010009001, 2).map((t) => ocNumber('Apply-Gone', t)));
    const gone = await client.getAccount('Apply-Gone');
    const [consent] = (await client.listRequestsForInformation().next()).value?.items as RequestForInformationResource[];
    const rfi = await client.getRequestForInformation(consent.tenantId);

    const fresh = numberRange(493010100001, 250);
    const extra = numberRange(493010200001, 30);
    const changes = [
      createAccount('Apply-New'),
      updateAccount(kept.resource, kept.etag, 'CHANGED-1'),
      ...fresh.map((t) => createNumber('Apply-New', t)),
      ...extra.map((t) => createNumber('Apply-Kept', t)),
      ...keptNumbers.slice(0, 5).map((t) => updateNumber(ocNumber('Apply-Kept', t), 'sip-5')),
      ...keptNumbers.slice(5).map((t) => deleteNumber('Apply-Kept', t)),
      deleteAccount('Apply-Gone', gone.etag),
      updateRelationship(consent.tenantId, rfi.resource.customerRelationship?.status, 'AgreementSigned', rfi.etag),
    ];
    const journal = new MemoryJournal();
    const from = world.exchanges.length;
    const writesBefore = appliedWrites(world);
    const progress: number[] = [];
    const result = await applyProvisioningPlan(client, plan(changes), { journal, onProgress: (p) => progress.push(p.done) });
    const to = world.exchanges.length;

    assert.deepEqual(result.failed, []);
    assert.deepEqual(result.drift, []);
    assert.equal(result.done.length, changes.length);
    assert.deepEqual(result.notStarted, []);
    assert.equal(result.cancelled, false);
    assert.equal(journal.entries.at(-1)?.type, 'end');
    assert.equal(progress.at(-1), changes.length);

    // The service's state is the plan's.
    assert.equal((await client.countNumbers('Apply-New')), 250);
    assert.equal((await client.countNumbers('Apply-Kept')), 30 + 5);
    assert.equal((await client.getNumber('Apply-Kept', keptNumbers[0])).resource.configuration?.customSipHeader, 'sip-5');
    assert.equal((await client.getAccount('Apply-Kept')).resource.correlationId, 'CHANGED-1');
    await assert.rejects(client.getAccount('Apply-Gone'), /does not exist|not found/i);
    assert.equal((await client.getRequestForInformation(consent.tenantId)).resource.customerRelationship?.status, 'AgreementSigned');
    // Applied once each: 2 accounts + 250 + 30 + 5 numbers + the relationship (which moves the counter too, if it does).
    const writes = appliedWrites(world) - writesBefore;
    assert.ok(writes === 2 + 250 + 30 + 5 || writes === 2 + 250 + 30 + 5 + 1, `writes: ${writes}`);

    // The requests: 3 batches for Apply-New (250), 1 for Apply-Kept (30 creates + 5 updates), 1 delete batch.
    const sent = provisioning(from, to);
    const saves = sent.filter((e) => e.path.endsWith(':createOrUpdateNumbers'));
    assert.deepEqual(saves.map((e) => [e.path.includes('Apply-New') ? 'new' : 'kept', (e.requestBody as { numbers: unknown[] }).numbers.length]), [['new', 100], ['new', 100], ['new', 50], ['kept', 35]]);
    assert.equal(sent.filter((e) => e.path.endsWith(':deleteNumbers')).length, 1);
    const writesSent = sent.filter((e) => e.method !== 'GET');
    assert.ok(writesSent.every((e) => e.requestHeaders['repeatability-request-id'] && e.requestHeaders['repeatability-first-sent']), 'every write is repeatable');
    const put = (name: string) => sent.find((e) => e.method === 'PUT' && e.path.endsWith(`/accounts/${name}`));
    assert.equal(put('Apply-New')?.requestHeaders['if-none-match'], '*');
    assert.equal(put('Apply-Kept')?.requestHeaders['if-match'], kept.etag);
    assert.equal(sent.find((e) => e.method === 'DELETE')?.requestHeaders['if-match'], gone.etag);
    assert.equal(sent.find((e) => e.method === 'PATCH')?.requestHeaders['if-match'], rfi.etag);
    // The checks before the number batches: one listing per account run (≤1,000 numbers), not one read per number.
    const reads = sent.filter((e) => e.method === 'GET');
    assert.equal(reads.length, 2, reads.map((e) => e.path).join('\n'));

    // Each request's repeatability id was journalled before it left.
    const journalled = journal.entries.flatMap((e) => (e.type === 'sending' ? [e.repeatabilityRequestId] : []));
    assert.deepEqual(journalled, writesSent.map((e) => e.requestHeaders['repeatability-request-id']));
  });

  it('drift since the plan stops that item with a clear message; the rest is applied', async () => {
    const account = await client.createOrReplaceAccount(ocAccount('Apply-Drift'));
    const numbers = numberRange(493020000001, 40);
    await client.createOrUpdateNumbers('Apply-Drift', numbers.map((t) => ocNumber('Apply-Drift', t)));
    const taken = numberRange(493020100001, 1)[0];
    const changes = [
      updateAccount(account.resource, account.etag, 'PLANNED'),
      ...numbers.map((t) => updateNumber(ocNumber('Apply-Drift', t), 'planned')),
      createNumber('Apply-Drift', taken),
    ];
    // After the plan: someone edits the account, one number, and creates the number the plan would create.
    await client.createOrReplaceAccount({ ...ocAccount('Apply-Drift'), correlationId: 'SOMEONE-ELSE' });
    await client.createOrReplaceNumber({ ...ocNumber('Apply-Drift', numbers[7]), configuration: { customSipHeader: 'someone' } });
    const other = ocNumber('Apply-Drift', taken);
    other.serviceDetails.teamsOperatorConnect!.configuration!.choosableCapabilities = ['InboundCalling'];
    await client.createOrReplaceNumber(other);

    const result = await applyProvisioningPlan(client, plan(changes), { journal: new MemoryJournal() });
    assert.deepEqual(result.drift.map((d) => d.changeId).sort(), ['account:Apply-Drift', `number:${numbers[7]}`, `number:${taken}`].sort());
    const message = (id: string) => result.drift.find((d) => d.changeId === id)?.message ?? '';
    assert.match(message('account:Apply-Drift'), /changed since the plan \(ETag .*\)\. Not changed: plan again/);
    assert.match(message(`number:${numbers[7]}`), /configuration\.customSipHeader was absent, is now "someone"/);
    assert.match(message(`number:${taken}`), /created by someone else since the plan/);
    assert.equal(result.done.length, 39);
    assert.equal((await client.getAccount('Apply-Drift')).resource.correlationId, 'SOMEONE-ELSE', 'the other edit is kept');
    assert.equal((await client.getNumber('Apply-Drift', numbers[7])).resource.configuration?.customSipHeader, 'someone');
    assert.equal((await client.getNumber('Apply-Drift', numbers[8])).resource.configuration?.customSipHeader, 'planned');
  });

  it('a cancel stops between requests: the journal ends cancelled and the result lists what was not started', async () => {
    await client.createOrReplaceAccount(ocAccount('Apply-Cancel'));
    const numbers = numberRange(493030000001, 350);
    const stop = new AbortController();
    const journal = new MemoryJournal(undefined, (entry) => {
      if (entry.type === 'answered') stop.abort();
    });
    const from = world.exchanges.length;
    const planFile = { path: '/plans/cancel.plan.json', sha256: 'a'.repeat(64) };
    const result = await applyProvisioningPlan(client, plan(numbers.map((t) => createNumber('Apply-Cancel', t))), { journal, signal: stop.signal, planFile, maxInFlight: 1 });
    assert.equal(result.cancelled, true);
    assert.deepEqual(journal.entries[0], { type: 'start', at: journal.entries[0].at, planSha256: planFile.sha256, planPath: planFile.path, gateway: PRODUCTION_DOMAIN, changes: 350 });
    assert.equal(replay(journal.entries).ended, 'cancelled');
    assert.equal(result.done.length, 100, 'the batch on its way finished');
    assert.equal(result.notStarted.length, 250);
    assert.deepEqual(journal.entries.at(-1), { ...journal.entries.at(-1), type: 'end', outcome: 'cancelled' });
    assert.equal(exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from).length, 1);
    assert.equal(await client.countNumbers('Apply-Cancel'), 100);
  });

  it('a cancel with several batches on their way: each one settles and is journalled before the end; none is abandoned', async () => {
    await client.createOrReplaceAccount(ocAccount('Apply-Cancel-Window'));
    const numbers = numberRange(493031000001, 650);
    const stop = new AbortController();
    const journal = new MemoryJournal(undefined, (entry) => {
      if (entry.type === 'answered') stop.abort();
    });
    const from = world.exchanges.length;
    const result = await applyProvisioningPlan(client, plan(numbers.map((t) => createNumber('Apply-Cancel-Window', t))), { journal, signal: stop.signal, maxInFlight: 3 });
    const sendings = journal.entries.filter((e) => e.type === 'sending');
    assert.equal(result.cancelled, true);
    assert.equal(sendings.length, 3, 'three batches were on their way when the first answer came');
    assert.equal(replay(journal.entries).inFlight.length, 0, 'every batch sent has its answer journalled');
    assert.equal(journal.entries.at(-1)?.type, 'end');
    assert.equal(result.done.length, 300);
    assert.equal(result.notStarted.length, 350);
    assert.equal(exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from).length, 3);
    assert.equal(await client.countNumbers('Apply-Cancel-Window'), 300);
  });

  it('batches overlap up to maxInFlight, within one account and operation only', async () => {
    await client.createOrReplaceAccount(ocAccount('Apply-Window'));
    const numbers = numberRange(493032000001, 500);
    let open = 0;
    let most = 0;
    const journal = new MemoryJournal(undefined, (entry) => {
      if (entry.type === 'sending') most = Math.max(most, ++open);
      else if (entry.type === 'answered') open -= 1;
    });
    const changes = [createAccount('Apply-Window-New'), ...numbers.map((t) => createNumber('Apply-Window', t)), createNumber('Apply-Window-New', '+493032999999')];
    const result = await applyProvisioningPlan(client, plan(changes), { journal, maxInFlight: 3 });
    assert.equal(result.done.length, changes.length);
    assert.equal(most, 3, 'three batches were on their way at once');
    // The account create answered before any batch left; the other account's batch left after every earlier answer.
    const order = journal.entries.flatMap((e) => (e.type === 'sending' || e.type === 'answered' ? [`${e.type} ${e.request}`] : []));
    assert.ok(order.indexOf('answered 1') < order.indexOf('sending 2'), order.join(', '));
    const last = journal.entries.filter((e) => e.type === 'sending').at(-1)!;
    const lastAt = order.indexOf(`sending ${last.type === 'sending' ? last.request : -1}`);
    assert.ok(order.slice(0, lastAt).filter((e) => e.startsWith('sending')).every((e) => order.slice(0, lastAt).includes(e.replace('sending', 'answered'))), order.join(', '));
  });

  it('a lost answer is resent with the same ids and applied once', async () => {
    await client.createOrReplaceAccount(ocAccount('Apply-Lost'));
    const numbers = numberRange(493040000001, 120);
    const changes = numbers.map((t) => createNumber('Apply-Lost', t));
    const writesBefore = appliedWrites(world);
    const from = world.exchanges.length;
    // The first batch's answer is lost: armed once the check before it has read, disarmed once the batch was handled.
    let armed = false;
    const off = world.emulator.onExchange((e) => {
      if (e.service !== 'provisioning') return;
      if (!armed && e.method === 'GET') {
        armed = true;
        world.faults({ provisioning: { lostAnswerRate: 1 } });
      } else if (e.path.endsWith(':createOrUpdateNumbers')) world.noFaults();
    });
    let result;
    try {
      // One at a time: the second batch must not leave while the fault is armed.
      result = await applyProvisioningPlan(client, plan(changes), { journal: new MemoryJournal(), maxInFlight: 1 });
    } finally {
      off();
    }
    assert.equal(result.done.length, 120);
    assert.ok(world.log.some((l) => l.startsWith('fault: lost answer POST')));
    const posts = exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from);
    assert.equal(posts.length, 3, 'the lost one, its resend, the second batch');
    assert.equal(posts[0].requestHeaders['repeatability-request-id'], posts[1].requestHeaders['repeatability-request-id']);
    assert.equal(appliedWrites(world) - writesBefore, 120, 'each number written once');
  });

  it('5xx and 429 on the way: the apply still completes, each change applied once', async () => {
    await client.createOrReplaceAccount(ocAccount('Apply-Faults'));
    const numbers = numberRange(493050000001, 500);
    const writesBefore = appliedWrites(world);
    const from = world.exchanges.length;
    world.faults({ provisioning: { errorRate: 0.2, throttleRate: 0.2, retryAfterSeconds: 0 } }, 5);
    const result = await applyProvisioningPlan(client, plan(numbers.map((t) => createNumber('Apply-Faults', t))), { journal: new MemoryJournal(), resend: { pauseMs: 5 } });
    world.noFaults();
    assert.equal(result.done.length, 500, JSON.stringify(result.failed.slice(0, 2)));
    const statuses = provisioning(from).map((e) => e.status);
    assert.ok(statuses.includes(503) && statuses.includes(429), 'faults were injected');
    assert.equal(appliedWrites(world) - writesBefore, 500);
    assert.equal(await client.countNumbers('Apply-Faults'), 500);
  });

  it('1,000 creates cost 11 requests: 10 batches and the one listing that checks them', async () => {
    await client.createOrReplaceAccount(ocAccount('Apply-Thousand'));
    const numbers = numberRange(493080000001, 1000);
    const from = world.exchanges.length;
    const started = performance.now();
    const result = await applyProvisioningPlan(client, plan(numbers.map((t) => createNumber('Apply-Thousand', t))), { journal: new MemoryJournal() });
    const seconds = (performance.now() - started) / 1000;
    const sent = provisioning(from);
    assert.equal(result.done.length, 1000);
    assert.equal(sent.filter((e) => e.path.endsWith(':createOrUpdateNumbers')).length, 10);
    assert.equal(sent.length, 11, sent.map((e) => `${e.method} ${e.path}`).join('\n'));
    console.log(`      1,000 creates: ${sent.length} requests, ${seconds.toFixed(2)} s against the emulator (no rate limit)`);
  });
});
