// After a write, the numbers are `pending` until Teams (or the other service) has taken them; then `synced` or
// `failed`. The follower watches the numbers still pending with an exponential backoff, and tells everyone who shows
// numbers (host.numberChanges) as they settle, so nobody has to "wait 30 seconds and press Refresh". Bounded: it gives
// up after `maxAttempts` reads, and stops at once on sign-out or dispose. Free of vscode (the clock, the sleep and the
// reads are injected), so the tests drive it with a fake clock.
import type { NumberResource } from '../core/models';
import type { NumbersChange } from './numberChanges';

export interface FollowTarget {
  readonly gatewayId: string;
  readonly gatewayDomain: string;
  readonly account: string;
}

export interface StatusFollowerDeps {
  /** The numbers as they are now (one result per number still there; a missing one was deleted). */
  read(target: FollowTarget, numbers: readonly NumberResource[], signal: AbortSignal): Promise<readonly NumberResource[]>;
  fire(change: NumbersChange): void;
  /** Resolves after `ms`, rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  log?(message: string): void;
}

export interface BackoffOptions {
  /** Wait before the first read. Default 1 s (the service needs a moment; the emulator's default is 3 s). */
  readonly firstDelayMs?: number;
  readonly factor?: number;
  readonly maxDelayMs?: number;
  /** Reads at most, then the follow-up stops with the numbers still pending. */
  readonly maxAttempts?: number;
}

export interface FollowResult {
  readonly synced: readonly string[];
  readonly failed: readonly string[];
  readonly deleted: readonly string[];
  /** Still pending when it stopped (attempts spent, stopped, or a read failed). */
  readonly pending: readonly string[];
  readonly stopped: boolean;
}

const DEFAULTS: Required<BackoffOptions> = { firstDelayMs: 1_000, factor: 2, maxDelayMs: 30_000, maxAttempts: 10 };

/** The waits before each read: first, first×factor, … capped at maxDelayMs; maxAttempts of them. */
export function backoffDelays(options: BackoffOptions = {}): number[] {
  const o = { ...DEFAULTS, ...options };
  return Array.from({ length: o.maxAttempts }, (_, i) => Math.min(o.maxDelayMs, Math.round(o.firstDelayMs * o.factor ** i)));
}

export class NumberStatusFollower {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly deps: StatusFollowerDeps,
    private readonly backoff: BackoffOptions = {},
  ) {}

  /** Follow-ups in progress. */
  get active(): number {
    return this.running.size;
  }

  /**
   * Tells everyone about `written` ('write'), then follows the pending ones until they settle ('status' for each
   * read that settled some). Never rejects: a failed read ends the follow-up with the numbers still pending.
   */
  async follow(target: FollowTarget, written: readonly NumberResource[]): Promise<FollowResult> {
    this.deps.fire({ ...target, upserted: written, deleted: [], reason: 'write' });
    const controller = new AbortController();
    this.running.add(controller);
    const synced: string[] = [];
    const failed: string[] = [];
    const deleted: string[] = [];
    let pending = written.filter((n) => n.serviceProvisioningStatus === undefined || n.serviceProvisioningStatus === 'pending');
    for (const n of written) {
      if (n.serviceProvisioningStatus === 'synced') synced.push(n.telephoneNumber);
      if (n.serviceProvisioningStatus === 'failed') failed.push(n.telephoneNumber);
    }
    try {
      for (const delay of backoffDelays(this.backoff)) {
        if (pending.length === 0) break;
        await this.deps.sleep(delay, controller.signal);
        const now = await this.deps.read(target, pending, controller.signal);
        const byNumber = new Map(now.map((n) => [n.telephoneNumber, n]));
        const settled = now.filter((n) => pending.some((p) => p.telephoneNumber === n.telephoneNumber) && n.serviceProvisioningStatus !== 'pending');
        const gone = pending.filter((p) => !byNumber.has(p.telephoneNumber)).map((p) => p.telephoneNumber);
        for (const n of settled) (n.serviceProvisioningStatus === 'failed' ? failed : synced).push(n.telephoneNumber);
        deleted.push(...gone);
        pending = pending.filter((p) => byNumber.get(p.telephoneNumber)?.serviceProvisioningStatus === 'pending');
        this.deps.fire({ ...target, upserted: settled, deleted: gone, reason: 'status' });
      }
    } catch (error) {
      if (!controller.signal.aborted) this.deps.log?.(`The status follow-up of ${pending.length} numbers in ${target.account} stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running.delete(controller);
    }
    return { synced, failed, deleted, pending: pending.map((p) => p.telephoneNumber), stopped: controller.signal.aborted };
  }

  /** Stops every follow-up (sign-out, another tenant or cloud). */
  stopAll(): void {
    for (const controller of this.running) controller.abort();
    this.running.clear();
  }

  dispose(): void {
    this.stopAll();
  }
}
