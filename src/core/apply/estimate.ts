// How long an apply will take under the Provisioning API's rate limit. The formula, documented once here:
//
//   requests = account writes + relationship writes
//            + Σ per account ⌈number creates-or-updates ÷ 100⌉ + Σ per account ⌈number deletes ÷ 100⌉
//   seconds  = ⌈requests × 60 ÷ requestsPerMinute⌉
//
// A batch of up to 100 numbers of one account counts as one request (API.md §2), so 10,000 numbers in one account are
// 100 requests: 60 s at the default 100 a minute. This is the rate-limit floor the benchmark compares apply
// against. The pipeline's sliding window would let the first `requestsPerMinute` requests leave at once, but the
// estimate does not count on that burst: the window is per gateway and shared with every other tool writing to it, and
// each answer of a 100-number batch takes time of its own, so the floor is the honest figure to promise.
import { BATCH_MAX_NUMBERS, PROVISIONING_RATE_LIMIT } from '../limits';
import type { ApplyEstimate, PlanChange } from './types';

/** The Provisioning API's published rate, per minute (100). */
export const DEFAULT_REQUESTS_PER_MINUTE = (PROVISIONING_RATE_LIMIT.requestsPerWindow * 60_000) / PROVISIONING_RATE_LIMIT.windowMs;

/** How many requests apply sends for these changes: one per account or relationship write, one per batch of numbers. */
export function requestCount(changes: readonly PlanChange[]): number {
  const numbersPerBatchKey = new Map<string, number>();
  let requests = 0;
  for (const change of changes) {
    if (change.kind !== 'number') {
      requests++;
      continue;
    }
    // Creates and updates share :createOrUpdateNumbers; deletes go through :deleteNumbers.
    const key = `${change.action === 'delete' ? 'delete' : 'upsert'}\u0000${change.account.toLowerCase()}`;
    numbersPerBatchKey.set(key, (numbersPerBatchKey.get(key) ?? 0) + 1);
  }
  for (const count of numbersPerBatchKey.values()) requests += Math.ceil(count / BATCH_MAX_NUMBERS);
  return requests;
}

export function estimateApply(changes: readonly PlanChange[], requestsPerMinute: number = DEFAULT_REQUESTS_PER_MINUTE): ApplyEstimate {
  if (!(requestsPerMinute > 0) || !Number.isFinite(requestsPerMinute)) {
    throw new RangeError(`requestsPerMinute must be a positive number, not ${String(requestsPerMinute)}.`);
  }
  const requests = requestCount(changes);
  return { requests, requestsPerMinute, seconds: Math.ceil((requests * 60) / requestsPerMinute) };
}

/** "45 s", "about 2 min", "about 1 h 5 min": rounded the way a person reads an estimate. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}
