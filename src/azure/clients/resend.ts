// One more try of a whole call after the pipeline has given up on it, for calls the pipeline cannot know are safe to
// repeat: it retries a POST only when it carries a Repeatability-Request-ID, but some POSTs only read (ARM's
// checkNameAvailability, a Graph $batch of GETs), and a Provisioning batch whose retries ran out is still safe to
// resend with the same repeatability headers. Only transient failures are resent.
import { isAcgError, type AcgErrorKind } from '../errors';
import { sleep } from '../http/abort';

const TRANSIENT = new Set<AcgErrorKind>(['throttled', 'unavailable', 'network', 'timeout']);
const MAX_PAUSE_MS = 60_000;

/** How a client resends a whole call (a client option: tests shorten the pause). */
export interface ResendPolicy {
  /** Tries in all, the first included. Default 4. */
  attempts: number;
  /** Pause before a resend when the error gave no Retry-After. Default 1,000 ms. */
  pauseMs: number;
}

export const DEFAULT_RESEND: ResendPolicy = { attempts: 4, pauseMs: 1000 };

export interface ResendOptions extends ResendPolicy {
  operation: string;
  abortSignal?: AbortSignal;
}

export async function resendOnTransient<T>(send: (attempt: number) => Promise<T>, options: ResendOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !isAcgError(error) || !TRANSIENT.has(error.kind)) throw error;
      await sleep(Math.min(error.retryAfterMs ?? options.pauseMs, MAX_PAUSE_MS), options.abortSignal, options.operation);
    }
  }
}
