// Executes a saved provisioning plan, journalled so that a crash, a cancel or a lost connection resumes with nothing
// lost and nothing done twice:
// - every write gets its Repeatability-Request-ID / First-Sent BEFORE its 'sending' entry is made durable; the
//   'answered' entry follows the answer. A resume resends an unanswered request with the same ids and the same body
//   while the service still remembers them (it replays its first answer); after that it treats the changes as not
//   started, and the check below finds out which took effect.
// - accounts and relationships carry If-Match with the plan's ETag (a create If-None-Match: *); a 412 reads the
//   resource: already as planned is done, anything else is drift. Number batches carry no condition, so the numbers
//   are read just before (one listing per ≤1,000) and each is judged (liveMatch.ts): drifted ones are left out.
// - drift or a refusal stops that item only; a failure that says nothing about the items (sign-in, role, the
//   service unreachable after every retry) stops the run and leaves its request in flight for the resume.
// - a cancel stops between requests: a request on its way is never aborted, its outcome would be unknown.
// - consecutive batches of the same account and operation go out without waiting for each other's answer, up to
//   `maxInFlight` at a time (the pipeline's limiter still paces them): waiting for each answer made the run as slow as
//   the service's processing, however much room the rate limit left. Each keeps its own 'sending' line (ids fixed
//   before it leaves) and 'answered' line, so a kill may leave several in flight, and the resume settles each one.
//   Anything else (an account, a relationship, another account's or operation's batch) waits until nothing is in
//   flight: the plan's order (account before its numbers, a number leaving one account before joining another) holds.
import type { JournalEntry, JournalState, PlanChange, SavedProvisioningPlan } from '../../core/apply/types';
import type { ProvisioningClient } from '../clients/provisioning';
import { DEFAULT_RESEND, type ResendPolicy } from '../clients/resend';
import { REPEATABILITY_REUSE_MS } from '../clients/provisioningBatches';
import { isAcgError } from '../errors';
import { repeatabilityHeaders, type RepeatabilityHeaders } from '../http/headers';
import { planSteps, stepChangeIds, stepFromIds, type ApplyStep } from './applySteps';
import { sendStep, type StepOutcome, type StepWriter } from './applySend';
import { NumberLookahead } from './numberLookahead';
import { SendWindow } from './sendWindow';

/** Batches on their way at once, by default: enough to hide a round trip behind the limiter's pacing. */
export const DEFAULT_MAX_IN_FLIGHT = 4;

export interface JournalSink {
  /** Resolves once the entry is durable (fsync): only then may the request it announces leave. */
  append(entry: JournalEntry): Promise<void>;
}

export interface ApplyResult {
  done: string[];
  drift: { changeId: string; message: string }[];
  failed: { changeId: string; message: string }[];
  notStarted: string[];
  cancelled: boolean;
  /** Why the run stopped before the end (not a cancel): the resume continues from there. */
  stoppedBy?: string;
  /** Sent, answer unknown (the run stopped on it): the resume resends or checks them. */
  inFlight?: string[];
}

export type ApplyClient = StepWriter & Pick<ProvisioningClient, 'getNumber' | 'listNumbers'>;

export interface ApplyOptions {
  journal: JournalSink;
  resume?: JournalState;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; message: string }) => void;
  /** The saved plan's path and SHA-256, for the 'start' entry (`acg apply --resume <journal>` finds the plan by it). */
  planFile?: { path: string; sha256: string };
  /** Resending a request whose retries ran out on a transient failure, with the same headers. */
  resend?: Partial<ResendPolicy>;
  /** Number batches on their way at once (consecutive, same account and operation); 1 sends one at a time. */
  maxInFlight?: number;
}

type Outcome = 'done' | 'drift' | 'failed';

export async function applyProvisioningPlan(client: ApplyClient, plan: SavedProvisioningPlan, options: ApplyOptions): Promise<ApplyResult> {
  return new PlanRun(client, plan, options).run();
}

class PlanRun {
  private readonly outcomes = new Map<string, { outcome: Outcome; message: string }>();
  private readonly byId: ReadonlyMap<string, PlanChange>;
  private readonly lookahead: NumberLookahead;
  private readonly resend: ResendPolicy;
  private nextRequest: number;
  /** Sent and not answered, by request number: on a stop, the resume must settle these. */
  private readonly inFlight = new Map<number, string[]>();
  private readonly window: SendWindow;

  constructor(
    private readonly client: ApplyClient,
    private readonly plan: SavedProvisioningPlan,
    private readonly options: ApplyOptions,
  ) {
    this.byId = new Map(plan.changes.map((c) => [c.id, c]));
    this.resend = { ...DEFAULT_RESEND, ...options.resend };
    this.lookahead = new NumberLookahead(client, options.signal);
    this.window = new SendWindow(Math.max(1, Math.floor(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)));
    const resume = options.resume;
    if (resume) {
      for (const id of resume.done) this.outcomes.set(id, { outcome: 'done', message: '' });
      for (const [id, message] of resume.drift) this.outcomes.set(id, { outcome: 'drift', message });
      for (const [id, message] of resume.failed) this.outcomes.set(id, { outcome: 'failed', message });
    }
    // Request numbers only pair a 'sending' with its 'answered'. Resume numbers above every request still in flight
    // and above the count of settled changes (each answer settles at least one), so it reuses none in practice; a
    // reuse of an answered number would still be harmless, since a journal is replayed in order.
    const inFlight = resume?.inFlight ?? [];
    this.nextRequest = Math.max(0, ...inFlight.map((s) => s.request), this.outcomes.size + inFlight.reduce((n, s) => n + s.changeIds.length, 0)) + 1;
  }

  async run(): Promise<ApplyResult> {
    const { journal, planFile } = this.options;
    if (planFile) {
      await journal.append({ type: 'start', at: now(), planSha256: planFile.sha256, planPath: planFile.path, gateway: this.plan.gateway.domain, changes: this.plan.changes.length });
    }
    const resent = new Set<string>();
    try {
      for (const sent of this.options.resume?.inFlight ?? []) {
        const step = this.resendable(sent);
        if (!step) continue;
        stepChangeIds(step).forEach((id) => resent.add(id));
        if (this.cancelled()) return await this.finish('cancelled');
        const headers = { 'Repeatability-Request-ID': sent.repeatabilityRequestId!, 'Repeatability-First-Sent': sent.firstSent! };
        await this.execute(step, sent.request, headers, false);
      }
      const steps = planSteps(this.plan.changes.filter((c) => !this.outcomes.has(c.id) && !resent.has(c.id)));
      this.lookahead.plan(steps);
      for (const step of steps) {
        await this.window.makeRoom(joinsInFlight(step));
        this.window.throwIfFailed();
        if (this.cancelled()) {
          await this.window.drain();
          this.window.throwIfFailed();
          return await this.finish('cancelled');
        }
        await this.launch(step);
      }
      await this.window.drain();
      this.window.throwIfFailed();
    } catch (error) {
      // Nothing on its way is abandoned: every request in flight settles (and journals its answer) before the end.
      await this.window.drain();
      if (error instanceof RunStopped) return await this.finish(error.cancelled ? 'cancelled' : 'failed', error.message);
      throw error;
    }
    return this.finish('completed');
  }

  /** A step from the plan: checked and journalled here, in order; then on its way, its answer awaited in the window. */
  private async launch(step: ApplyStep): Promise<void> {
    const prepared = await this.prepare(step, undefined, repeatabilityHeaders(), true);
    if (!prepared) return;
    this.window.add(this.transmit(prepared), joinsInFlight(step));
  }

  /** An unanswered request of the journal that can go again as it was: same changes, ids still remembered. */
  private resendable(sent: JournalState['inFlight'][number]): ApplyStep | undefined {
    if (sent.changeIds.some((id) => this.outcomes.has(id))) return undefined;
    if (sent.repeatabilityRequestId === undefined || sent.firstSent === undefined) return undefined;
    const firstSent = Date.parse(sent.firstSent);
    if (Number.isNaN(firstSent) || Date.now() - firstSent > REPEATABILITY_REUSE_MS) return undefined;
    return stepFromIds(sent.changeIds, this.byId);
  }

  private cancelled(): boolean {
    return this.options.signal?.aborted === true;
  }

  /**
   * One step: (for numbers) the check just before, the 'sending' entry, the request, the 'answered' entry. `request`
   * given: a resend of that journalled request, sent as it was (no check: its changes may already have taken effect).
   */
  private async execute(step: ApplyStep, request: number | undefined, headers: RepeatabilityHeaders, check: boolean): Promise<void> {
    const prepared = await this.prepare(step, request, headers, check);
    if (prepared) await this.transmit(prepared);
  }

  /** The check (for numbers) and the durable 'sending' entry; undefined when the check settled every change. */
  private async prepare(step: ApplyStep, request: number | undefined, headers: RepeatabilityHeaders, check: boolean): Promise<Prepared | undefined> {
    let toSend = step;
    if (check && step.kind === 'numbers') {
      const { pending, settled } = await stopOnError(() => this.lookahead.judge(step));
      if (settled.length > 0) await this.answer(this.nextRequest++, settled);
      if (pending.length === 0) return undefined;
      toSend = { ...step, changes: pending };
    }
    const number = request ?? this.nextRequest++;
    const ids = stepChangeIds(toSend);
    if (request === undefined) {
      await this.options.journal.append({
        type: 'sending',
        at: now(),
        request: number,
        changeIds: ids,
        repeatabilityRequestId: headers['Repeatability-Request-ID'],
        firstSent: headers['Repeatability-First-Sent'],
      });
    }
    this.inFlight.set(number, ids);
    return { step: toSend, request: number, headers };
  }

  /** The request and its 'answered' entry. */
  private async transmit({ step, request, headers }: Prepared): Promise<void> {
    // A failure here says nothing of the items: the request stays in flight for the resume to settle.
    const outcome = await stopOnError(() => sendStep(this.client, step, headers, { ...this.resend, ...(this.options.signal ? { signal: this.options.signal } : {}) }));
    this.inFlight.delete(request);
    await this.answer(request, outcome.results);
  }

  private async answer(request: number, results: StepOutcome['results']): Promise<void> {
    await this.options.journal.append({ type: 'answered', at: now(), request, results });
    for (const r of results) this.outcomes.set(r.changeId, { outcome: r.outcome, message: r.message ?? '' });
    const settled = this.outcomes.size;
    const last = results[results.length - 1];
    this.options.onProgress?.({ done: settled, total: this.plan.changes.length, message: last ? progressLine(results) : '' });
  }

  private async finish(outcome: 'completed' | 'cancelled' | 'failed', message?: string): Promise<ApplyResult> {
    await this.options.journal.append({ type: 'end', at: now(), outcome, ...(message === undefined ? {} : { message }) });
    const of = (kind: Outcome) => this.plan.changes.filter((c) => this.outcomes.get(c.id)?.outcome === kind);
    const unanswered = [...this.inFlight.values()].flat();
    const inFlight = new Set(unanswered);
    return {
      done: of('done').map((c) => c.id),
      drift: of('drift').map((c) => ({ changeId: c.id, message: this.outcomes.get(c.id)?.message ?? '' })),
      failed: of('failed').map((c) => ({ changeId: c.id, message: this.outcomes.get(c.id)?.message ?? '' })),
      notStarted: this.plan.changes.filter((c) => !this.outcomes.has(c.id) && !inFlight.has(c.id)).map((c) => c.id),
      cancelled: outcome === 'cancelled',
      ...(outcome === 'failed' && message !== undefined ? { stoppedBy: message } : {}),
      ...(unanswered.length > 0 ? { inFlight: unanswered } : {}),
    };
  }
}

interface Prepared {
  readonly step: ApplyStep;
  readonly request: number;
  readonly headers: RepeatabilityHeaders;
}

/** The in-flight group a step may join without waiting: number batches of one account and operation; else none. */
function joinsInFlight(step: ApplyStep): string | undefined {
  return step.kind === 'numbers' ? `${step.operation}\u0000${step.account}` : undefined;
}

/** The run cannot go on (cancel, sign-in, role, service unreachable); the message says why. */
export class RunStopped extends Error {
  constructor(
    readonly cancelled: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** An AcgError from a read or a request becomes the reason the run stops. */
async function stopOnError<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isAcgError(error)) throw new RunStopped(error.kind === 'cancelled', error.message);
    throw error;
  }
}

function progressLine(results: StepOutcome['results']): string {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const parts = [`${count('done')} done`, count('drift') > 0 ? `${count('drift')} drifted` : '', count('failed') > 0 ? `${count('failed')} failed` : ''];
  return `${results.length === 1 ? results[0].changeId : `${results.length} changes`}: ${parts.filter(Boolean).join(', ')}`;
}

function now(): string {
  return new Date().toISOString();
}
