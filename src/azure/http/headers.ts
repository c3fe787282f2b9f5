// Header helpers for the Provisioning API's safe writes (API.md §2).
import { randomUUID } from 'node:crypto';

// A type alias, not an interface, so that it is assignable to `Record<string, string>` (request.headers).
export type RepeatabilityHeaders = {
  'Repeatability-Request-ID': string;
  'Repeatability-First-Sent': string;
};

/**
 * Headers that make a write repeatable (OASIS Repeatable Requests): the service applies a request id once and
 * replays its first answer to any resend. Call ONCE per logical write and pass the result in `request.headers`; the
 * pipeline reuses the same values on every retry, which is what lets the service de-duplicate, and it is also what
 * makes the pipeline willing to retry a POST. Build a new set for a new write (the service remembers ids for about
 * five minutes after First-Sent and answers 409 if an id is reused for a different body).
 */
export function repeatabilityHeaders(now: Date = new Date()): RepeatabilityHeaders {
  // toUTCString() is the IMF-fixdate form RFC 9110 requires ("Sun, 06 Nov 1994 08:49:37 GMT").
  return { 'Repeatability-Request-ID': randomUUID(), 'Repeatability-First-Sent': now.toUTCString() };
}

/**
 * `If-Match` for an optimistic-concurrency write: the ETag exactly as the service returned it (quotes included; some
 * Azure services send unquoted ETags, so it is never re-quoted here). No ETag: no header, i.e. last writer wins.
 */
export function ifMatchHeaders(etag: string | undefined): Record<string, string> {
  return etag === undefined || etag === '' ? {} : { 'If-Match': etag };
}

/** `If-None-Match: *` makes a PUT create-only (412 if it exists); an ETag makes a GET conditional (304). */
export function ifNoneMatchHeaders(etag: string | undefined): Record<string, string> {
  return etag === undefined || etag === '' ? {} : { 'If-None-Match': etag };
}
