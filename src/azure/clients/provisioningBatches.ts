// Large number uploads: split into batches of at most 100 (the service's limit, rule ACG-BATCH-001) and send them
// one after another. Pacing is the pipeline's job (its limiter keeps each gateway under 100 requests a minute), so
// this only orders the batches, reports progress, stops between batches on cancel, and resends a batch whose retries
// ran out with the SAME repeatability headers, so that a batch the service did apply is replayed, never applied twice.
import { BATCH_MAX_NUMBERS } from '../../core/rules';
import { isAcgError } from '../errors';
import { throwIfAborted } from '../http/abort';
import { repeatabilityHeaders, type RepeatabilityHeaders } from '../http/headers';
import { resendOnTransient, type ResendPolicy } from './resend';

export interface BatchProgress {
  /** 1-based index of the batch just finished. */
  batch: number;
  batches: number;
  /** Numbers written (or deleted) so far, and in all. */
  done: number;
  total: number;
}

export interface BatchRunOptions {
  abortSignal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
}

/** The service keeps repeatability ids for 5 minutes after First-Sent; stay well inside that. */
export const REPEATABILITY_REUSE_MS = 4 * 60_000;

export function chunk<T>(items: readonly T[], size = BATCH_MAX_NUMBERS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends one batch, resending it (per `policy`) when its retries ran out on a transient failure. Headers are reused while the service still remembers
 * them; after that a resend gets new ones, which is safe because both batch operations are idempotent by number.
 */
export async function sendBatch<R>(
  send: (headers: RepeatabilityHeaders) => Promise<R>,
  policy: ResendPolicy,
  operation: string,
  abortSignal: AbortSignal | undefined,
): Promise<R> {
  let headers = repeatabilityHeaders();
  let firstSent = Date.now();
  return resendOnTransient(
    () => {
      if (Date.now() - firstSent > REPEATABILITY_REUSE_MS) {
        headers = repeatabilityHeaders();
        firstSent = Date.now();
      }
      return send(headers);
    },
    { ...policy, operation, abortSignal },
  );
}

/**
 * Runs `send` over each batch in order. A failure stops the run and says which batch failed and how many numbers
 * were already saved, so the caller (or the apply journal) can resume from there.
 */
export async function runBatches<T, R>(
  items: readonly T[],
  operation: string,
  options: BatchRunOptions,
  send: (batch: T[], index: number) => Promise<R[]>,
  /** How a failure names the batches already done ("saved", "deleted"). */
  doneWord = 'saved',
): Promise<R[]> {
  const batches = chunk(items);
  const results: R[] = [];
  let done = 0;
  for (let index = 0; index < batches.length; index++) {
    try {
      throwIfAborted(options.abortSignal, operation);
      results.push(...(await send(batches[index], index)));
    } catch (error) {
      if (!isAcgError(error)) throw error;
      const first = index * BATCH_MAX_NUMBERS + 1;
      const last = first + batches[index].length - 1;
      throw error.withMessage(
        `${operation}: batch ${index + 1} of ${batches.length} (numbers ${first}–${last}) failed; ` +
          `${done} of ${items.length} were already ${doneWord}. ${error.message}`,
      );
    }
    done += batches[index].length;
    options.onProgress?.({ batch: index + 1, batches: batches.length, done, total: items.length });
  }
  return results;
}
