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

/**
 * Named fault mixes, each applied to every service (Entra's token endpoint, ARM, the Provisioning API, Graph).
 * `soak` is issue 13's fault soak: 20% 5xx, 10% 429 with Retry-After, 2% connection resets, 500 ms of latency.
 * `none` clears every fault.
 */
export const FAULT_PRESETS = {
  none: { ...NO_FAULTS },
  soak: { latencyMs: 500, errorRate: 0.2, throttleRate: 0.1, resetRate: 0.02, retryAfterSeconds: 1, lostAnswerRate: 0 },
} as const satisfies Record<string, ServiceFaults>;
export type FaultPresetName = keyof typeof FAULT_PRESETS;

export function isFaultPresetName(name: unknown): name is FaultPresetName {
  return typeof name === 'string' && Object.hasOwn(FAULT_PRESETS, name);
}

/** Faults injected so far, per service and kind (`delayed`: requests that got the added latency). */
export interface FaultCounts {
  error: number;
  throttle: number;
  reset: number;
  lostAnswer: number;
  delayed: number;
}
export type FaultCountsByService = Record<keyof FaultSettings, FaultCounts>;

function zeroCounts(): FaultCountsByService {
  const zero = (): FaultCounts => ({ error: 0, throttle: 0, reset: 0, lostAnswer: 0, delayed: 0 });
  return { entra: zero(), arm: zero(), provisioning: zero(), graph: zero() };
}

export function defaultFaultSettings(): FaultSettings {
  return { entra: { ...NO_FAULTS }, arm: { ...NO_FAULTS }, provisioning: { ...NO_FAULTS }, graph: { ...NO_FAULTS } };
}

export class FaultInjector {
  private settings: FaultSettings;
  private random: () => number;
  private counts: FaultCountsByService = zeroCounts();
  /** The preset last applied, until a later update changes the settings by hand. */
  private preset: FaultPresetName | undefined;

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
    this.preset = undefined;
    if (seed !== undefined) this.random = mulberry32(seed);
  }

  /** Applies a named mix to every service, restarts the seeded sequence and zeroes the counters. */
  applyPreset(name: FaultPresetName, seed: number): void {
    const values = FAULT_PRESETS[name];
    this.update({ entra: values, arm: values, provisioning: values, graph: values }, seed);
    this.preset = name;
    this.counts = zeroCounts();
  }

  presetName(): FaultPresetName | undefined {
    return this.preset;
  }

  /** Faults injected since the start (or the last preset or reset), per service and kind. */
  injected(): FaultCountsByService {
    return structuredClone(this.counts);
  }

  resetCounts(): void {
    this.counts = zeroCounts();
  }

  /** The added latency of one request (counted as a delayed request when there is any). */
  latency(service: ServiceName): number {
    if (service === 'admin') return 0;
    const ms = this.settings[service].latencyMs;
    if (ms > 0) this.counts[service].delayed += 1;
    return ms;
  }

  /** Draws the outcome for one request. Resets, then 5xx, then 429, then lost answers, each from its own share (one
   * draw per request, so a seeded sequence is the same whatever the later shares are). */
  draw(service: ServiceName): FaultOutcome {
    if (service === 'admin') return { kind: 'none' };
    const f = this.settings[service];
    const outcome = this.outcome(f, this.random());
    if (outcome.kind !== 'none') this.counts[service][outcome.kind] += 1;
    return outcome;
  }

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
