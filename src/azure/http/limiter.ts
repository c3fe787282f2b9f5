// The Provisioning API allows 100 requests per minute per gateway, a batch counting as one (API.md §2). Rather than
// send into 429s, requests queue here (first come, first served) until the gateway's window has room.
//
// A slot is taken when a request is sent and stays taken until its answer arrives; from then it counts for one window
// measured from the ANSWER. The service stamps a request when it receives it, which is after we send it and before we
// hear back, so measuring from our side's later instant means our window always covers the service's: we never think
// there is room when the service thinks there is none.
import { cancelledError } from './abort';
import { SYSTEM_CLOCK, type Clock } from './clock';

export interface LimiterSlot {
  /** Call when the answer (or the failure) arrives. Idempotent. */
  release(): void;
  /** How long the request waited for room, for the log. */
  readonly waitedMs: number;
}

interface Entry {
  /** When the slot was released; undefined while the request is in flight. */
  releasedAt: number | undefined;
}

interface Waiter {
  grant(): void;
}

interface KeyState {
  entries: Entry[];
  queue: Waiter[];
  timer: unknown;
}

export class SlidingWindowLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {}

  private now(): number {
    return this.clock.now();
  }

  /** Waits for room for `key`; rejects with AcgError 'cancelled' when `signal` aborts first. */
  acquire(key: string, signal: AbortSignal | undefined, operation: string): Promise<LimiterSlot> {
    if (signal?.aborted) return Promise.reject(cancelledError(operation));
    const started = this.now();
    if (this.limit <= 0) return Promise.resolve({ release: () => undefined, waitedMs: 0 });
    const state = this.stateOf(key);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = state.queue.indexOf(waiter);
        if (index >= 0) state.queue.splice(index, 1);
        reject(cancelledError(operation));
        this.pump(key);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          const entry: Entry = { releasedAt: undefined };
          state.entries.push(entry);
          resolve({
            waitedMs: this.now() - started,
            release: () => {
              if (entry.releasedAt !== undefined) return;
              entry.releasedAt = this.now();
              this.pump(key);
            },
          });
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.queue.push(waiter);
      this.pump(key);
    });
  }

  /** Requests counted against `key` right now (in flight, or answered within the window). */
  inUse(key: string): number {
    const state = this.keys.get(key);
    if (!state) return 0;
    this.prune(state);
    return state.entries.length;
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { entries: [], queue: [], timer: undefined };
      this.keys.set(key, state);
    }
    return state;
  }

  private prune(state: KeyState): void {
    const now = this.now();
    state.entries = state.entries.filter((e) => e.releasedAt === undefined || now - e.releasedAt < this.windowMs);
  }

  /** Grants queued requests while there is room, then sleeps until the oldest answered slot leaves the window. */
  private pump(key: string): void {
    const state = this.keys.get(key);
    if (!state) return;
    if (state.timer !== undefined) {
      this.clock.clearTimer(state.timer);
      state.timer = undefined;
    }
    this.prune(state);
    while (state.queue.length > 0 && state.entries.length < this.limit) state.queue.shift()!.grant();
    if (state.queue.length === 0) {
      if (state.entries.length === 0) this.keys.delete(key);
      return;
    }
    // Full. Room comes either from a release (which pumps) or from an answered slot ageing out of the window.
    const released = state.entries.flatMap((e) => (e.releasedAt === undefined ? [] : [e.releasedAt]));
    if (released.length > 0) {
      const wait = Math.max(1, Math.min(...released) + this.windowMs - this.now());
      state.timer = this.clock.setTimer(() => this.pump(key), wait);
    }
  }
}
