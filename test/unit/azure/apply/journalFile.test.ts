// The journal file: every entry is on disk (flushed) by the time append() resolves, a torn last line from a crash is
// skipped by loadJournal and ended by the next open so the next entry is whole, and a resume only ever appends.
import { strict as assert } from 'node:assert';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJournal, openJournal } from '../../../../src/azure/apply';
import type { JournalEntry } from '../../../../src/core/apply/types';

const at = '2025-01-01T00:00:00.000Z';
const sending = (request: number, ids: string[]): JournalEntry => ({ type: 'sending', at, request, changeIds: ids, repeatabilityRequestId: `id-${request}`, firstSent: 'Wed, 01 Jan 2025 00:00:00 GMT' });
const answered = (request: number, ids: string[]): JournalEntry => ({ type: 'answered', at, request, results: ids.map((changeId) => ({ changeId, outcome: 'done' as const })) });

describe('azure/apply: the journal file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'acg-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('each entry is in the file, one line each, as soon as append resolves', async () => {
    const path = join(dir, 'apply.journal.jsonl');
    const journal = await openJournal(path);
    await journal.append(sending(1, ['number:+1']));
    assert.deepEqual(readFileSync(path, 'utf8'), `${JSON.stringify(sending(1, ['number:+1']))}\n`);
    await journal.append(answered(1, ['number:+1']));
    assert.equal(readFileSync(path, 'utf8').split('\n').length, 3);
    await journal.close();
    await assert.rejects(journal.append(answered(2, ['x'])), /is closed/);
  });

  it('appends made together land whole and in call order', async () => {
    const path = join(dir, 'j.jsonl');
    const journal = await openJournal(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append(sending(i + 1, [`number:+${i}`]))));
    await journal.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { request: number }).request), Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a torn last line is skipped when loading, ended on reopen, and the file is never truncated', async () => {
    const path = join(dir, 'j.jsonl');
    writeFileSync(path, `${JSON.stringify(sending(1, ['a', 'b']))}\n${JSON.stringify(answered(1, ['a', 'b']))}\n`);
    appendFileSync(path, JSON.stringify(sending(2, ['c'])).slice(0, 25)); // the crash cut this line short
    const before = readFileSync(path, 'utf8');

    const state = await loadJournal(path);
    assert.deepEqual([...state.done], ['a', 'b']);
    assert.equal(state.ignoredLines, 1);
    assert.deepEqual(state.inFlight, []);

    const resumed = await openJournal(path);
    await resumed.append(sending(2, ['c']));
    await resumed.close();
    const after = readFileSync(path, 'utf8');
    assert.ok(after.startsWith(before), 'only appended');
    const again = await loadJournal(path);
    assert.equal(again.ignoredLines, 1, 'the torn line stays one unreadable line');
    assert.deepEqual(again.inFlight.map((s) => s.changeIds), [['c']], 'the new entry is whole');
  });

  it('a journal that cannot be read or written says which file and why', async () => {
    await assert.rejects(loadJournal(join(dir, 'missing.jsonl')), /The apply journal .*missing\.jsonl cannot be read/);
    await assert.rejects(openJournal(join(dir, 'no-such-dir', 'j.jsonl')), /cannot be opened for writing/);
  });
});
