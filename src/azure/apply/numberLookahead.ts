// The check before a number batch. :createOrUpdateNumbers and :deleteNumbers take no If-Match, so the executor reads
// the numbers just before sending and leaves out any that moved since the plan. Reading batch by batch would cost a
// read per write; instead one read covers the next batches of the same account up to one listing page (1,000
// numbers, ten batches), so 1,000 numbers cost about 11 requests, and a number is at most ten batches older than its
// write when it is checked.
import type { NumberChange, Versioned } from '../../core/apply/types';
import { PROVISIONING_MAX_PAGE_SIZE } from '../../core/limits';
import type { NumberResource } from '../../core/models';
import type { ApplyStep } from './applySteps';
import type { StepOutcome } from './applySend';
import { judgeLive } from './liveMatch';
import { readLiveNumbers, type LiveNumberReader } from './liveNumbers';

type NumbersStep = Extract<ApplyStep, { kind: 'numbers' }>;

export class NumberLookahead {
  private steps: readonly ApplyStep[] = [];
  /** Read but not yet judged, by telephone number; null: it does not exist. */
  private readonly live = new Map<string, Versioned<NumberResource> | null>();

  constructor(
    private readonly client: LiveNumberReader,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** The steps the run will take, in order: what a read may cover ahead. */
  plan(steps: readonly ApplyStep[]): void {
    this.steps = steps;
  }

  /** Splits a batch into the changes still to send and those settled by the check (already done, or drift). */
  async judge(step: NumbersStep): Promise<{ pending: NumberChange[]; settled: StepOutcome['results'] }> {
    if (step.changes.some((c) => !this.live.has(c.telephoneNumber))) await this.readAhead(step);
    const pending: NumberChange[] = [];
    const settled: StepOutcome['results'] = [];
    for (const change of step.changes) {
      const live = this.live.get(change.telephoneNumber) ?? undefined;
      this.live.delete(change.telephoneNumber);
      const verdict = judgeLive(change, live);
      if (verdict.kind === 'pending') pending.push(change);
      else settled.push({ changeId: change.id, outcome: verdict.kind, message: verdict.message });
    }
    return { pending, settled };
  }

  private async readAhead(step: NumbersStep): Promise<void> {
    const window: string[] = [];
    const index = this.steps.indexOf(step);
    for (const next of [step, ...(index < 0 ? [] : this.steps.slice(index + 1))]) {
      if (next.kind !== 'numbers' || next.account !== step.account) break;
      if (window.length > 0 && window.length + next.changes.length > PROVISIONING_MAX_PAGE_SIZE) break;
      window.push(...next.changes.map((c) => c.telephoneNumber));
    }
    const read = await readLiveNumbers(this.client, step.account, window, this.signal ? { signal: this.signal } : {});
    for (const telephoneNumber of window) this.live.set(telephoneNumber, read.numbers.get(telephoneNumber) ?? null);
  }
}
