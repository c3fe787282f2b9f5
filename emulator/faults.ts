// Fault injection per service: added latency, a 5xx rate, a 429 rate and connection resets. Seeded, so a test that
// sets a rate sees the same sequence every run.
import type { ServiceName } from './http';

export interface ServiceFaults {
  /** Added latency per request, in milliseconds. */
  latencyMs: number;
  /** Share of requests (0–1) answered with 503. */
  errorRate: number;
  /** Share of requests (0–1) answered with 429 and Retry-After. */
  throttleRate: number;
  /** Share of requests (0–1) whose connection is destroyed without an answer. */
  resetRate: number;
  /** Retry-After, in seconds, sent with injected 429s. */
  retryAfterSeconds: number;
  /**
   * Share of requests (0–1) the service handles (a write takes effect) and then loses the answer: the connection is
   * destroyed instead. What a Repeatability-Request-ID is for: the client's resend must be replayed, not applied again.
   */
  lostAnswerRate: number;
}

export type FaultSettings = Record<Exclude<ServiceName, 'admin'>, ServiceFaults>;
export type FaultOutcome = { kind: 'none' } | { kind: 'error' } | { kind: 'throttle'; retryAfterSeconds: number } | { kind: 'reset' } | { kind: 'lostAnswer' };

export const NO_FAULTS: ServiceFaults = { latencyMs: 0, errorRate: 0, throttleRate: 0, resetRate: 0, retryAfterSeconds: 1, lostAnswerRate: 0 };

export function defaultFaultSettings(): FaultSettings {
  return { entra: { ...NO_FAULTS }, arm: { ...NO_FAULTS }, provisioning: { ...NO_FAULTS }, graph: { ...NO_FAULTS } };
}

export class FaultInjector {
  private settings: FaultSettings;
  private random: () => number;

  constructor(initial: Partial<Record<keyof FaultSettings, Partial<ServiceFaults>>> = {}, seed = 1) {
    this.settings = defaultFaultSettings();
    this.random = mulberry32(seed);
    this.update(initial);
  }

  get(): FaultSettings {
    return structuredClone(this.settings);
  }

  /** Merges the given values; throws with a readable message on a value out of range. */
  update(patch: Partial<Record<string, Partial<ServiceFaults>>>, seed?: number): void {
    const next = structuredClone(this.settings);
    for (const [service, values] of Object.entries(patch)) {
      if (!(service in next)) throw new Error(`Unknown service '${service}': use entra, arm, provisioning or graph.`);
      const target = next[service as keyof FaultSettings];
      for (const [key, value] of Object.entries(values ?? {})) {
        if (!(key in target)) throw new Error(`Unknown fault '${key}' for ${service}.`);
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          throw new Error(`${service}.${key} must be a non-negative number.`);
        }
        if (key.endsWith('Rate') && value > 1) throw new Error(`${service}.${key} is a share between 0 and 1.`);
        target[key as keyof ServiceFaults] = value;
      }
    }
    this.settings = next;
    if (seed !== undefined) this.random = mulberry32(seed);
  }

  latency(service: ServiceName): number {
    return service === 'admin' ? 0 : this.settings[service].latencyMs;
  }

  /** Draws the outcome for one request. Resets, then 5xx, then 429, then lost answers, each from its own share (one
   * draw per request, so a seeded sequence is the same whatever the later shares are). */
  draw(service: ServiceName): FaultOutcome {
    if (service === 'admin') return { kind: 'none' };
    const outcome = this.outcome(this.settings[service], this.random());
    if (outcome.kind !== 'none') {
      const counts = (this.counts[service] ??= {});
      counts[outcome.kind] = (counts[outcome.kind] ?? 0) + 1;
    }
    return outcome;
  }

  /** Faults injected since the start, by service and kind: evidence that a run with faults on really met them. */
  injected(): Partial<Record<ServiceName, Partial<Record<FaultOutcome['kind'], number>>>> {
    return structuredClone(this.counts);
  }

  private readonly counts: Partial<Record<ServiceName, Partial<Record<FaultOutcome['kind'], number>>>> = {};

  private outcome(f: ServiceFaults, r: number): FaultOutcome {
    if (r < f.resetRate) return { kind: 'reset' };
    if (r < f.resetRate + f.errorRate) return { kind: 'error' };
    if (r < f.resetRate + f.errorRate + f.throttleRate) return { kind: 'throttle', retryAfterSeconds: f.retryAfterSeconds };
    if (r < f.resetRate + f.errorRate + f.throttleRate + f.lostAnswerRate) return { kind: 'lostAnswer' };
    return { kind: 'none' };
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
