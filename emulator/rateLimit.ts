// The Provisioning API's limit: N requests per window across all resources of one gateway; a batch is one request
// (docs includes/communications-gateway-provisioning-api-restrictions.md).
import { PROVISIONING_RATE_LIMIT } from '../src/core/limits';

export interface RateLimitSettings {
  /** Requests allowed per window; 0 turns the limit off. */
  requestsPerWindow: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { ...PROVISIONING_RATE_LIMIT };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(public settings: RateLimitSettings = { ...DEFAULT_RATE_LIMIT }) {}

  /** Records a request for `key`; returns how many seconds to wait when over the limit, otherwise undefined. */
  take(key: string, now = Date.now()): number | undefined {
    const { requestsPerWindow, windowMs } = this.settings;
    if (requestsPerWindow <= 0) return undefined;
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= requestsPerWindow) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return undefined;
  }

  reset(): void {
    this.hits.clear();
  }
}
