// Waiting that an AbortSignal can cut short. Every wait in the pipeline (backoff, failover, the limiter) uses these,
// so that Cancel in VS Code stops a request at once rather than after a 60-second failover pause.
import { AcgError } from '../errors';

export function cancelledError(operation: string, clientRequestId?: string): AcgError {
  return new AcgError({ kind: 'cancelled', message: `Cancelled: ${operation}.`, operation, clientRequestId });
}

export function throwIfAborted(signal: AbortSignal | undefined, operation: string, clientRequestId?: string): void {
  if (signal?.aborted) throw cancelledError(operation, clientRequestId);
}

/** Resolves after `ms`, or rejects with AcgError 'cancelled' as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, operation: string, clientRequestId?: string): Promise<void> {
  throwIfAborted(signal, operation, clientRequestId);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(operation, clientRequestId));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
