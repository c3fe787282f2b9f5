// Resume after a crash at every journal point, against the emulator: before a 'sending' entry is written, after it is
// written but before the request leaves, after the service applied the request but before its answer was journalled,
// and after the 'answered' entry. Each resume finishes the plan with nothing lost and nothing applied twice, which the
// emulator's own write counter proves (it moves once per stored write; a replayed answer does not move it), and the
// requests show the resend carried the journalled Repeatability-Request-ID. Past the service's repeatability window,
// resume does not resend: it reads, and finds the request took effect.
import { strict as assert } from 'node:assert';
import { applyProvisioningPlan } from '../../../../src/azure/apply';
import { ProvisioningClient } from '../../../../src/azure/clients';
import type { JournalEntry } from '../../../../src/core/apply/types';
import { exchangesOf, numberRange, ocAccount, PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../clients.support';
import { appliedWrites, CrashError, createAccount, createNumber, MemoryJournal, plan, replay, updateAccount, type CrashPoint } from './apply.support';

/** Writes the plan makes: the new account, 250 numbers, the updated account. */
const WRITES = 1 + 250 + 1;
/** Requests it sends: 2 account PUTs and 3 batches. */
const SENDINGS = 5;

describe('azure/apply: resume after a crash at each journal point', function () {
  this.timeout(300_000);
  let world: ClientWorld;
  let client: ProvisioningClient;
  let run = 0;

  before(async () => {
    world = await startWorld();
    client = new ProvisioningClient(world.pipeline('operator'), world.cloud, PRODUCTION_DOMAIN, { resend: { pauseMs: 10 } });
  });

  after(async () => {
    await world?.stop();
  });

  /** A fresh plan on fresh accounts: create an account, 250 numbers in it (3 batches), update another account. */
  async function freshPlan() {
    run++;
    const created = `Resume-${run}`;
    const updated = await client.createOrReplaceAccount(ocAccount(`Resume-Upd-${run}`));
    const numbers = numberRange(493060000001 + run * 1000, 250);
    return {
      created,
      updatedName: updated.resource.name,
      numbers,
      plan: plan([createAccount(created), ...numbers.map((t) => createNumber(created, t)), updateAccount(updated.resource, updated.etag, `RESUMED-${run}`)]),
    };
  }

  const nthOf = (type: JournalEntry['type'], n: number) => {
    let seen = 0;
    return (entry: JournalEntry) => entry.type === type && ++seen === n;
  };

  /** `resends`: the service saw the request but the journal has no answer, so resume sends it again (same id). */
  const points: { name: string; resends: boolean; crash: (k: number) => CrashPoint }[] = [
    { name: "before 'sending' is written", resends: false, crash: (k) => ({ at: nthOf('sending', k), when: 'before' }) },
    { name: "after 'sending' is written, before the request leaves", resends: false, crash: (k) => ({ at: nthOf('sending', k), when: 'after' }) },
    { name: "after the service applied it, before 'answered' is written", resends: true, crash: (k) => ({ at: nthOf('answered', k), when: 'before' }) },
    { name: "after 'answered' is written", resends: false, crash: (k) => ({ at: nthOf('answered', k), when: 'after' }) },
  ];

  // One request at a time, and the three batches all on their way at once (a crash then leaves several in flight).
  for (const maxInFlight of [1, 4]) {
    for (const point of points) {
      for (let k = 1; k <= SENDINGS; k++) {
        it(`${maxInFlight} in flight at most; request ${k} of ${SENDINGS}, ${point.name}: 0 lost, 0 applied twice`, async () => {
          const { created, updatedName, numbers, plan: saved } = await freshPlan();
          const writesBefore = appliedWrites(world);
          const from = world.exchanges.length;
          const journal = new MemoryJournal(point.crash(k));
          await assert.rejects(applyProvisioningPlan(client, saved, { journal, maxInFlight }), CrashError);
          const crashedAt = world.exchanges.length;
          const unanswered = replay(journal.entries).inFlight;
          // The first batch's answer is the 2nd answer: the three batches were all on their way then.
          if (maxInFlight > 1 && point.resends && k === 2) assert.equal(unanswered.length, 3, 'three batches in flight at the crash');

          const reopened = journal.reopen();
          const result = await applyProvisioningPlan(client, saved, { journal: reopened, resume: replay(reopened.entries), maxInFlight });
          assert.equal(result.done.length, saved.changes.length, JSON.stringify({ ...result, done: result.done.length }));
          assert.equal(replay(reopened.entries).ended, 'completed');
          assert.deepEqual(reopened.entries.slice(0, journal.entries.length), journal.entries, 'the journal was only appended to');

          assert.equal(appliedWrites(world) - writesBefore, WRITES, 'every write applied exactly once');
          assert.equal(await client.countNumbers(created), numbers.length);
          assert.equal((await client.getAccount(updatedName)).resource.correlationId, `RESUMED-${run}`);

          // The requests: each journalled id went out; an id sent twice was a resend, answered by a replay.
          const writes = world.exchanges.slice(from).filter((e) => e.service === 'provisioning' && e.method !== 'GET' && e.status < 300);
          const ids = writes.map((e) => e.requestHeaders['repeatability-request-id']);
          const sendings = reopened.entries.flatMap((e) => (e.type === 'sending' ? [e.repeatabilityRequestId] : []));
          assert.ok(ids.every((id) => sendings.includes(id)), 'every write carried an id journalled before it left');
          const resent = ids.length - new Set(ids).size;
          // Sent twice: exactly the requests that reached the service before the crash and whose answer the journal lacks.
          const reachedBeforeCrash = new Set(writes.filter((e) => world.exchanges.indexOf(e) < crashedAt).map((e) => e.requestHeaders['repeatability-request-id']));
          const expected = unanswered.filter((u) => reachedBeforeCrash.has(u.repeatabilityRequestId ?? '')).length;
          assert.equal(resent, expected, 'only a request whose answer the journal lacks is sent twice');
          if (maxInFlight === 1) assert.equal(resent, point.resends ? 1 : 0);
          else if (point.resends) assert.ok(resent >= 1);
          for (const id of new Set(ids)) {
            const again = writes.filter((e) => e.requestHeaders['repeatability-request-id'] === id);
            if (again.length === 1) continue;
            assert.equal(again.length, 2);
            assert.equal(again[1].responseHeaders['repeatability-result'], 'accepted');
            assert.deepEqual(again[1].responseBody, again[0].responseBody, 'the first answer, replayed');
          }
          assert.ok(exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from).every((e) => (e.requestBody as { numbers: unknown[] }).numbers.length <= 100));
        });
      }
    }
  }

  it('past the repeatability window, resume reads instead of resending, and finds the batch took effect', async () => {
    const { created, numbers, plan: saved } = await freshPlan();
    const writesBefore = appliedWrites(world);
    const from = world.exchanges.length;
    const journal = new MemoryJournal({ at: nthOf('answered', 2), when: 'before' });
    await assert.rejects(applyProvisioningPlan(client, saved, { journal }), CrashError);
    // Ten minutes pass: the journalled First-Sent is now too old for the service to recognise a resend.
    const old = new Date(Date.now() - 10 * 60_000).toUTCString();
    const aged = journal.entries.map((e) => (e.type === 'sending' ? { ...e, firstSent: old } : e));
    const reopened = new MemoryJournal();
    reopened.entries.push(...aged);

    const result = await applyProvisioningPlan(client, saved, { journal: reopened, resume: replay(aged) });
    assert.equal(result.done.length, saved.changes.length);
    const firstBatch = journal.entries.find((e): e is Extract<JournalEntry, { type: 'sending' }> => e.type === 'sending' && e.changeIds.length > 1);
    const posts = exchangesOf(world, 'provisioning', ':createOrUpdateNumbers', from);
    assert.equal(posts.filter((p) => p.requestHeaders['repeatability-request-id'] === firstBatch?.repeatabilityRequestId).length, 1, 'not resent');
    assert.equal(posts.length, 3);
    assert.equal(appliedWrites(world) - writesBefore, WRITES);
    assert.equal(await client.countNumbers(created), numbers.length);
    const settled = reopened.entries.slice(journal.entries.length).find((e) => e.type === 'answered');
    assert.ok(settled?.type === 'answered' && settled.results.length === 100 && settled.results.every((r) => r.outcome === 'done' && /already as the plan wants/.test(r.message ?? '')));
  });
});
