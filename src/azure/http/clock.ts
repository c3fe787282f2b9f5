// The time the Provisioning API limiter reads and waits on. Production uses the system's; tests pass a fake one, so
// a one-minute window can be proved held (and then released) without a minute of waiting or a flaky timing bound.
export interface Clock {
  now(): number;
  /** Calls `callback` once, `ms` from now; the handle cancels it. */
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
