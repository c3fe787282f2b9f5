// The number editor's write engine against the real emulator through the real pipeline: an edit whose ETag went
// stale is a typed conflict with the fresh number (nothing written), and the patch re-applied onto it keeps the other
// change; a batch whose answer was lost is resent and applied once; a cancel stops between batches and says what was
// written; the reader principal is refused before anything is sent, for a create and for an edit.
import { strict as assert } from 'node:assert';
import { ProvisioningClient } from '../../../src/azure/clients';
import { readNumbers } from '../../../src/azure/numbers/numberReads';
import { editNumber, editNumbers, saveNumbers } from '../../../src/azure/numbers/numberWrites';
import { applyPatch, numberDiff } from '../../../src/core/numbers/numberPatch';
import { exchangesOf, numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, rejects, startWorld, type ClientWorld } from './clients.support';

const ACCOUNT = 'Editor-Test-Account';

describe('azure: number writes (the editor’s engine) against the emulator', function () {
  this.timeout(120_000);
  let world: ClientWorld;
  let client: ProvisioningClient;

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: { pauseMs: 10 } });
    await client.createOrReplaceAccount(ocAccount(ACCOUNT));
  });

  after(async () => {
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  it('412: a stale ETag is a conflict carrying the fresh number; nothing is overwritten; re-applying keeps the other change', async () => {
    const [tel] = numberRange(493055500001, 1);
    await client.createOrReplaceNumber({ ...ocNumber(ACCOUNT, tel), configuration: { customSipHeader: 'first' } });
    const read = await client.getNumber(ACCOUNT, tel);
    // Someone else changes the usage meanwhile.
    const other = structuredClone(read.resource);
    other.serviceDetails.teamsOperatorConnect!.configuration!.usage = 'ConferenceAssignment';
    other.serviceDetails.teamsOperatorConnect!.configuration!.choosableCapabilities = ['InboundCalling'];
    await client.createOrReplaceNumber(applyPatch(other, {}), { ifMatch: read.etag });

    const outcome = await editNumber(client, read, { customSipHeader: 'mine' });
    assert.equal(outcome.kind, 'conflict');
    if (outcome.kind !== 'conflict') return;
    assert.equal(outcome.fresh.resource.serviceDetails.teamsOperatorConnect?.configuration?.usage, 'ConferenceAssignment', 'the fresh number');
    assert.notEqual(outcome.fresh.etag, read.etag);
    assert.equal((await client.getNumber(ACCOUNT, tel)).resource.configuration?.customSipHeader, 'first', 'nothing was overwritten');

    // Reload and re-apply: the new diff is the patch alone, against the number as it is now.
    const diff = numberDiff(outcome.fresh.resource, applyPatch(outcome.fresh.resource, { customSipHeader: 'mine' }));
    assert.deepEqual(diff.map((c) => [c.label, c.before, c.after]), [['Custom SIP header', 'first', 'mine']]);
    const again = await editNumber(client, outcome.fresh, { customSipHeader: 'mine' });
    assert.equal(again.kind, 'saved');
    const now = (await client.getNumber(ACCOUNT, tel)).resource;
    assert.equal(now.configuration?.customSipHeader, 'mine');
    assert.equal(now.serviceDetails.teamsOperatorConnect?.configuration?.usage, 'ConferenceAssignment', 'the other change is kept');
    const puts = exchangesOf(world, 'provisioning', `/numbers/${encodeURIComponent(tel)}`).filter((e) => e.method === 'PUT');
    assert.deepEqual(puts.slice(-2).map((p) => p.status), [412, 200]);
    assert.ok(puts.slice(-2).every((p) => p.requestHeaders['if-match']), 'both sent If-Match');
  });

  it('a batch whose answer was lost is resent with the same Repeatability-Request-ID and applied once', async () => {
    const [sentinel, ...numbers] = numberRange(493055510000, 4);
    const seq = (etag: string | undefined): number => parseInt((etag ?? '').replace(/"/g, ''), 16);
    const before = seq((await client.createOrReplaceNumber(ocNumber(ACCOUNT, sentinel))).etag);
    const from = world.exchanges.length;
    world.faults({ provisioning: { lostAnswerRate: 1 } });
    const stop = world.emulator.onExchange((e) => {
      if (e.service === 'provisioning') world.noFaults();
    });
    let result;
    try {
      result = await saveNumbers(client, ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)));
    } finally {
      stop();
    }
    const posts = exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from);
    assert.equal(posts.length, 2, 'the lost one and the resend');
    assert.ok(world.log.some((l) => l.startsWith('fault: lost answer POST')));
    assert.equal(posts[0].requestHeaders['repeatability-request-id'], posts[1].requestHeaders['repeatability-request-id']);
    assert.equal(posts[1].responseHeaders['repeatability-result'], 'accepted');
    assert.equal(result.written.length, 3);
    const after = await Promise.all(numbers.map(async (t) => seq((await client.getNumber(ACCOUNT, t)).etag)));
    assert.deepEqual(after.sort((a, b) => a - b), [before + 1, before + 2, before + 3], 'applied once: twice would have taken three more ETags');
  });

  it('cancel stops between batches: the batch on its way finishes, and the result says what was and was not written', async () => {
    const numbers = numberRange(493055520000, 250);
    const stop = new AbortController();
    const from = world.exchanges.length;
    const result = await saveNumbers(client, ACCOUNT, numbers.map((t) => ocNumber(ACCOUNT, t)), {
      stop: stop.signal,
      onProgress: (p) => {
        if (p.batch === 1) stop.abort();
      },
    });
    assert.equal(result.cancelled, true);
    assert.equal(result.written.length, 100);
    assert.deepEqual(result.notWritten, numbers.slice(100));
    assert.equal(exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from).length, 1, 'one batch sent');
    assert.equal(await client.countNumbers(ACCOUNT, { filter: "startswith(telephoneNumber,'+4930555200')" }), 100, 'exactly the first batch exists');
  });

  it('the status reads: a few by GET, many by one listing of their prefix', async () => {
    const few = numberRange(493055520000, 3);
    const from = world.exchanges.length;
    assert.deepEqual((await readNumbers(client, ACCOUNT, few)).map((n) => n.telephoneNumber).sort(), few);
    assert.equal(world.exchanges.length - from, 3);
    const many = numberRange(493055520000, 100);
    const mark = world.exchanges.length;
    assert.equal((await readNumbers(client, ACCOUNT, [...many, '+493055529999'])).length, 100, 'a missing number is left out');
    assert.ok(world.exchanges.length - mark <= 3, `a count and a page, not 101 GETs (${world.exchanges.length - mark})`);
  });

  it('role pre-flight: the reader principal is refused, naming the role, with 0 Provisioning API requests sent', async () => {
    const reader = new ProvisioningClient(world.pipeline('reader'), world.cloud, PRODUCTION_DOMAIN);
    const [one, two] = numberRange(493055530000, 2);
    await client.createOrReplaceNumber(ocNumber(ACCOUNT, one));
    const current = await reader.getNumber(ACCOUNT, one); // reading is allowed (the editor shows current values)
    const from = world.exchanges.filter((e) => e.service === 'provisioning').length;

    const create = await rejects(() => saveNumbers(reader, ACCOUNT, [ocNumber(ACCOUNT, two)]));
    assert.equal(create.code, 'MissingProvisioningRole');
    assert.match(create.message, /ProvisioningAPI\.Write/);
    const edit = await rejects(() => editNumber(reader, current, { customSipHeader: 'x' }));
    assert.equal(edit.code, 'MissingProvisioningRole');
    const check = await rejects(() => reader.checkWriteAccess('saveNumbers'));
    assert.equal(check.code, 'MissingProvisioningRole');
    const many = await rejects(() => editNumbers(reader, ACCOUNT, [current.resource], { customSipHeader: 'x' }));
    assert.equal(many.code, 'MissingProvisioningRole');

    assert.equal(world.exchanges.filter((e) => e.service === 'provisioning').length, from, 'nothing sent');
    await client.checkWriteAccess('saveNumbers'); // the operator passes, also without sending
    assert.equal(world.exchanges.filter((e) => e.service === 'provisioning').length, from);
  });
});
