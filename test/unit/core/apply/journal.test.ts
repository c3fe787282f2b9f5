// The journal read back after a crash, a cancel or a lost connection: what is done, what was in flight (with the
// repeatability headers to resend), what drifted or failed, and what resume must still do. Bad lines never stop it.
import { strict as assert } from 'node:assert';
import { journalLine, planProvisioning, readJournal, remainingChanges, type JournalEntry } from '../../../../src/core/apply';
import { entryOf, liveState, ocAccount, ocNumber, OPTIONS } from './support';

const AT = '2026-12-01T10:00:00.000Z';
const PLAN_SHA = 'b'.repeat(64);
const start: JournalEntry = { type: 'start', at: AT, planSha256: PLAN_SHA, planPath: 'plan.json', gateway: 'gw.example.com', changes: 5 };

function text(...entries: JournalEntry[]): string {
  return entries.map(journalLine).join('');
}

describe('journal', () => {
  it('writes one JSON line per entry', () => {
    const line = journalLine(start);
    assert.ok(line.endsWith('\n'));
    assert.equal(line.split('\n').length, 2);
    assert.deepEqual(JSON.parse(line), start);
  });

  it('replays done, drift, failed and in-flight requests with their repeatability headers', () => {
    const state = readJournal(
      text(
        start,
        { type: 'sending', at: AT, request: 1, changeIds: ['account:a'] },
        { type: 'answered', at: AT, request: 1, results: [{ changeId: 'account:a', outcome: 'done', etag: '"e2"' }] },
        { type: 'sending', at: AT, request: 2, changeIds: ['number:+1', 'number:+2', 'number:+3'], repeatabilityRequestId: 'rid-2', firstSent: 'Tue, 01 Dec 2026 10:00:00 GMT' },
        { type: 'answered', at: AT, request: 2, results: [{ changeId: 'number:+1', outcome: 'done' }, { changeId: 'number:+2', outcome: 'drift', message: 'changed since the plan' }] },
        { type: 'sending', at: AT, request: 3, changeIds: ['relationship:t'], repeatabilityRequestId: 'rid-3', firstSent: 'Tue, 01 Dec 2026 10:00:01 GMT' },
        { type: 'sending', at: AT, request: 4, changeIds: ['account:b'] },
        { type: 'answered', at: AT, request: 4, results: [{ changeId: 'account:b', outcome: 'failed', message: '400 bad' }] },
      ),
    );
    assert.equal(state.planSha256, PLAN_SHA);
    assert.deepEqual([...state.done].sort(), ['account:a', 'number:+1']);
    assert.deepEqual([...state.drift], [['number:+2', 'changed since the plan']]);
    assert.deepEqual([...state.failed], [['account:b', '400 bad']]);
    assert.deepEqual(state.inFlight, [
      // +3 was sent in request 2 but its answer did not mention it: resume must find out.
      { request: 2, changeIds: ['number:+3'], repeatabilityRequestId: 'rid-2', firstSent: 'Tue, 01 Dec 2026 10:00:00 GMT' },
      { request: 3, changeIds: ['relationship:t'], repeatabilityRequestId: 'rid-3', firstSent: 'Tue, 01 Dec 2026 10:00:01 GMT' },
    ]);
    assert.equal(state.ended, undefined);
    assert.equal(state.ignoredLines, 0);
  });

  it('lets a later attempt supersede an earlier outcome (a resend after a failure, then done)', () => {
    const state = readJournal(
      text(
        start,
        { type: 'sending', at: AT, request: 1, changeIds: ['number:+1'] },
        { type: 'answered', at: AT, request: 1, results: [{ changeId: 'number:+1', outcome: 'failed', message: 'timeout' }] },
        { type: 'end', at: AT, outcome: 'failed' },
        start,
        { type: 'sending', at: AT, request: 2, changeIds: ['number:+1'] },
      ),
    );
    assert.deepEqual([...state.failed], []);
    assert.deepEqual(state.inFlight.map((f) => f.changeIds), [['number:+1']]);
    assert.equal(state.ended, undefined, 'the resumed run has not ended');
    const after = readJournal(text(start, { type: 'sending', at: AT, request: 2, changeIds: ['number:+1'] }, { type: 'answered', at: AT, request: 2, results: [{ changeId: 'number:+1', outcome: 'done' }] }, { type: 'end', at: AT, outcome: 'completed' }));
    assert.deepEqual([...after.done], ['number:+1']);
    assert.deepEqual(after.inFlight, []);
    assert.equal(after.ended, 'completed');
  });

  it('ignores and counts a torn last line, unknown lines, and a start for another plan', () => {
    const full = text(start, { type: 'sending', at: AT, request: 1, changeIds: ['number:+1'] }, { type: 'answered', at: AT, request: 1, results: [{ changeId: 'number:+1', outcome: 'done' }] });
    const torn = `${full}${journalLine({ type: 'sending', at: AT, request: 2, changeIds: ['number:+2'] }).slice(0, 25)}`;
    const state = readJournal(torn);
    assert.deepEqual([...state.done], ['number:+1']);
    assert.deepEqual(state.inFlight, []);
    assert.equal(state.ignoredLines, 1);
    const noisy = [
      full,
      '{"type":"checkpoint","at":"x"}\n',
      'not json at all\n',
      '{"type":"answered","at":"x","request":1,"results":[{"changeId":"number:+9","outcome":"maybe"}]}\n',
      '{"type":"sending","at":"x","request":"two","changeIds":[]}\n',
      '\n',
      journalLine({ ...start, planSha256: 'c'.repeat(64) }),
      'null\n',
    ].join('');
    const replayed = readJournal(noisy);
    assert.equal(replayed.ignoredLines, 6);
    assert.equal(replayed.planSha256, PLAN_SHA);
    assert.deepEqual([...replayed.done], ['number:+1']);
    assert.deepEqual(readJournal(''), { done: new Set(), inFlight: [], failed: new Map(), drift: new Map(), ignoredLines: 0 });
  });

  it('remainingChanges: in plan order, without done, drift or failed, with in-flight ones', () => {
    const desired = { accounts: [{ ...ocAccount('a'), numbers: ['+442079460001', '+442079460002', '+442079460003', '+442079460004'].map((n) => entryOf(ocNumber(n, 'a'))) }] };
    const plan = planProvisioning(desired, liveState({}), OPTIONS);
    const state = readJournal(
      text(
        start,
        { type: 'sending', at: AT, request: 1, changeIds: ['account:a'] },
        { type: 'answered', at: AT, request: 1, results: [{ changeId: 'account:a', outcome: 'done' }] },
        { type: 'sending', at: AT, request: 2, changeIds: ['number:+442079460001', 'number:+442079460002', 'number:+442079460003'] },
        { type: 'answered', at: AT, request: 2, results: [{ changeId: 'number:+442079460001', outcome: 'drift', message: 'm' }, { changeId: 'number:+442079460002', outcome: 'failed', message: 'm' }] },
      ),
    );
    assert.deepEqual(remainingChanges(plan, state).map((c) => c.id), ['number:+442079460003', 'number:+442079460004']);
  });
});
