// When to try again and how long to wait. Pure functions, so the rules are unit-tested without a server.
//
// Retried: network failures, 408, 429 and 5xx except 501 (Not Implemented) and 505 (HTTP Version Not Supported),
// which will answer the same forever. Waits are exponential with full jitter (AWS Architecture Blog, "Exponential
// Backoff and Jitter"): many clients that failed together do not retry together. A server's Retry-After always wins
// over our own guess, capped by maxDelayMs so that one bad header cannot park a request for an hour.
import type { HttpMethod, RetryOptions } from './types';

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 4, baseDelayMs: 800, maxDelayMs: 60_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/** Error codes of failures where the service may be fine a moment later (or on another connection). */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

export function isTransientNetworkError(error: { code?: string; message?: string }): boolean {
  if (error.code !== undefined && TRANSIENT_NETWORK_CODES.has(error.code)) return true;
  // "socket hang up" and friends sometimes come without a code.
  return /socket hang up|ECONNRESET|connection reset|premature close/i.test(error.message ?? '');
}

/**
 * Whether a request may be sent twice. GET, HEAD, PUT and DELETE are idempotent (RFC 9110 §9.2.2). PATCH is treated
 * as idempotent because every PATCH this extension sends is a JSON merge patch (ARM tags, the RFI's
 * customerRelationship), and applying the same merge patch twice gives the same result. POST is retried only when it
 * carries a Repeatability-Request-ID, which makes the service de-duplicate it (the Provisioning API's writes do).
 * A POST without one is still retried when it failed before any byte reached the server (see the pipeline).
 */
export function isSafeToRepeat(method: HttpMethod, headers: Record<string, string>): boolean {
  if (method !== 'POST') return true;
  return Object.keys(headers).some((name) => name.toLowerCase() === 'repeatability-request-id');
}

/** Full jitter: uniform in [0, min(maxDelayMs, baseDelayMs · 2^retryIndex)]. */
export function backoffDelayMs(retryIndex: number, retry: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.min(retryIndex, 30));
  return Math.floor(random() * ceiling);
}

/**
 * How long the server asked us to wait, from `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds, Azure's
 * extension) or `Retry-After` (delta-seconds or an HTTP date, RFC 9110 §10.2.3). Header names must be lower-case.
 */
export function parseRetryAfterMs(headers: Record<string, string>, now: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = headers[name]?.trim();
    if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  }
  const value = headers['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = parseHttpDate(value);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** IMF-fixdate, plus the obsolete RFC 850 and asctime forms RFC 9110 §5.6.7 says recipients must accept. */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  const imf = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
  const rfc850 = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
  const asctime = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;
  let m = imf.exec(text);
  if (m) return utc(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);
  m = rfc850.exec(text);
  if (m) {
    // RFC 9110: a two-digit year more than 50 years in the future is in the past century.
    const yy = Number(m[3]);
    const thisYear = new Date().getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2], Number(m[1]), m[4], m[5], m[6]);
  }
  m = asctime.exec(text);
  if (m) return utc(Number(m[6]), m[1], Number(m[2].trim()), m[3], m[4], m[5]);
  return undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function utc(year: number, month: string, day: number, hh: string, mm: string, ss: string): number | undefined {
  const ms = Date.UTC(year, MONTHS.indexOf(month), day, Number(hh), Number(mm), Number(ss));
  const check = new Date(ms);
  // Reject impossible dates (31 Feb) instead of letting Date roll them over.
  return check.getUTCDate() === day && Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 61 ? ms : undefined;
}
