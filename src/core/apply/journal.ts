// The apply journal as text: one JSON line per entry, appended before each request and after each answer, and read
// back to say where an interrupted apply stands. A crash can cut the last line short; any line that cannot be read
// (torn, hand-edited, from a newer version) is skipped and counted, never fatal: the worst it can do is make resume
// treat a change as still to do, and resume re-sends with the same repeatability headers or reads first, so a skipped
// line costs a read, not a duplicate.
import { isRecord } from '../rules/violation';
import type { JournalEntry, JournalState, PlanChange } from './types';

export function journalLine(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

type Outcome = 'done' | 'drift' | 'failed';
type InFlight = JournalState['inFlight'][number];

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isRequestNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The entry a line holds, or undefined when it holds none this version understands. */
function entryOf(line: string): JournalEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value['at'] !== 'string') return undefined;
  switch (value['type']) {
    case 'start':
      return typeof value['planSha256'] === 'string' ? (value as JournalEntry) : undefined;
    case 'sending':
      return isRequestNumber(value['request']) && isStringList(value['changeIds']) ? (value as JournalEntry) : undefined;
    case 'answered': {
      const results = value['results'];
      const ok =
        isRequestNumber(value['request']) &&
        Array.isArray(results) &&
        results.every((r) => isRecord(r) && typeof r['changeId'] === 'string' && (r['outcome'] === 'done' || r['outcome'] === 'drift' || r['outcome'] === 'failed'));
      return ok ? (value as JournalEntry) : undefined;
    }
    case 'end':
      return value['outcome'] === 'completed' || value['outcome'] === 'cancelled' || value['outcome'] === 'failed' ? (value as JournalEntry) : undefined;
    default:
      return undefined;
  }
}

class Replay {
  planSha256: string | undefined;
  ended: JournalState['ended'];
  ignored = 0;
  readonly outcome = new Map<string, { outcome: Outcome; message: string }>();
  readonly inFlight = new Map<number, InFlight>();

  apply(entry: JournalEntry): boolean {
    switch (entry.type) {
      case 'start':
        // A journal belongs to one plan: a start for another plan is not this journal's to replay.
        if (this.planSha256 !== undefined && entry.planSha256 !== this.planSha256) return false;
        this.planSha256 = entry.planSha256;
        this.ended = undefined;
        return true;
      case 'sending':
        // A resend supersedes what an earlier attempt ended in: until it is answered, its outcome is unknown.
        for (const id of entry.changeIds) this.outcome.delete(id);
        this.inFlight.set(entry.request, {
          request: entry.request,
          changeIds: [...entry.changeIds],
          ...(entry.repeatabilityRequestId === undefined ? {} : { repeatabilityRequestId: entry.repeatabilityRequestId }),
          ...(entry.firstSent === undefined ? {} : { firstSent: entry.firstSent }),
        });
        return true;
      case 'answered':
        this.answer(entry.request, entry.results);
        return true;
      case 'end':
        this.ended = entry.outcome;
        return true;
    }
  }

  private answer(request: number, results: Extract<JournalEntry, { type: 'answered' }>['results']): void {
    for (const r of results) this.outcome.set(r.changeId, { outcome: r.outcome, message: r.message ?? '' });
    const sent = this.inFlight.get(request);
    if (!sent) return;
    // Changes the answer does not mention stay in flight: resume must find out what happened to them.
    const unanswered = sent.changeIds.filter((id) => !this.outcome.has(id));
    if (unanswered.length === 0) this.inFlight.delete(request);
    else this.inFlight.set(request, { ...sent, changeIds: unanswered });
  }

  state(): JournalState {
    const done = new Set<string>();
    const failed = new Map<string, string>();
    const drift = new Map<string, string>();
    for (const [id, { outcome, message }] of this.outcome) {
      if (outcome === 'done') done.add(id);
      else (outcome === 'failed' ? failed : drift).set(id, message);
    }
    const inFlight = [...this.inFlight.values()]
      .map((sent) => ({ ...sent, changeIds: sent.changeIds.filter((id) => !this.outcome.has(id)) }))
      .filter((sent) => sent.changeIds.length > 0);
    return {
      ...(this.planSha256 === undefined ? {} : { planSha256: this.planSha256 }),
      done,
      inFlight,
      failed,
      drift,
      ...(this.ended === undefined ? {} : { ended: this.ended }),
      ignoredLines: this.ignored,
    };
  }
}

/** Where an apply stands, from its journal's text. Never throws. */
export function readJournal(text: string): JournalState {
  const replay = new Replay();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const entry = entryOf(line);
    if (entry === undefined || !replay.apply(entry)) replay.ignored++;
  }
  return replay.state();
}

/** What resume must still do, in plan order: everything not done, drifted or failed (in-flight changes included). */
export function remainingChanges<C extends { readonly id: string } = PlanChange>(plan: { readonly changes: readonly C[] }, state: JournalState): C[] {
  return plan.changes.filter((c) => !state.done.has(c.id) && !state.drift.has(c.id) && !state.failed.has(c.id));
}
