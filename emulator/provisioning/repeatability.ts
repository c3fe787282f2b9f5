// Repeatable requests (OASIS Repeatable Requests 1.0, as Azure.Core's SupportsRepeatableRequests uses them):
// a client that never saw an answer can resend a write with the same Repeatability-Request-ID and get the original
// answer back without the write being applied twice.
//
// - Both headers travel together; Repeatability-First-Sent is an IMF-fixdate HTTP date. Anything else: 400, rejected.
// - Requests are tracked per gateway for 5 minutes after First-Sent; an older First-Sent cannot be checked and is
//   refused with 412, rejected (what Azure Communication Services documents for the same headers).
// - A known id with the same method, path, query and body replays the stored answer (accepted). The same id on a
//   different request is 409 Conflict (rejected), as Azure's guidelines ask for a reused operation id.
// - Only successful (2xx) answers are kept: a request that failed changed nothing, so resending it simply runs again.
import { createHash } from 'node:crypto';
import { coreError } from '../errors';
import { header, type EmulatorResponse, type RequestContext } from '../http';
import { deleteOwn, getOwn, setOwn, type ProvisioningData } from './store';

export const REPEATABILITY_WINDOW_MS = 5 * 60_000;

const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function parseHttpDate(value: string): number | undefined {
  if (!IMF_FIXDATE.test(value.trim())) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function rejected(response: EmulatorResponse): EmulatorResponse {
  return { ...response, headers: { ...response.headers, 'Repeatability-Result': 'rejected' } };
}

export async function withRepeatability(
  ctx: RequestContext,
  data: ProvisioningData,
  now: number,
  run: () => EmulatorResponse | Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  // Forget expired requests on every write, so that the saved state never keeps them long.
  prune(data, now);
  const requestId = header(ctx, 'repeatability-request-id');
  const firstSentRaw = header(ctx, 'repeatability-first-sent');
  if (requestId === undefined && firstSentRaw === undefined) return run();
  if (requestId === undefined || requestId.trim() === '' || firstSentRaw === undefined) {
    return rejected(
      coreError(400, 'InvalidRequestHeaderValue', 'Repeatability-Request-ID and Repeatability-First-Sent must be sent together.', {
        target: requestId === undefined || requestId.trim() === '' ? 'Repeatability-Request-ID' : 'Repeatability-First-Sent',
      }),
    );
  }
  const firstSent = parseHttpDate(firstSentRaw);
  if (firstSent === undefined) {
    return rejected(
      coreError(
        400,
        'InvalidRequestHeaderValue',
        `Repeatability-First-Sent '${firstSentRaw}' is not an HTTP date in IMF-fixdate form, such as 'Sun, 06 Nov 1994 08:49:37 GMT'.`,
        { target: 'Repeatability-First-Sent' },
      ),
    );
  }
  if (firstSent < now - REPEATABILITY_WINDOW_MS) {
    return rejected(
      coreError(412, 'PreconditionFailed', 'Repeatability-First-Sent is more than 5 minutes old, so the request cannot be safely repeated.', {
        target: 'Repeatability-First-Sent',
      }),
    );
  }

  const fingerprint = fingerprintOf(ctx);
  const previous = getOwn(data.repeatability, requestId);
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      return rejected(
        coreError(409, 'Conflict', `Repeatability-Request-ID '${requestId}' was already used for a different request.`, {
          target: 'Repeatability-Request-ID',
        }),
      );
    }
    const replay = structuredClone(previous.response);
    return { ...replay, headers: { ...replay.headers, 'Repeatability-Result': 'accepted' } };
  }

  const response = await run();
  const headers = { ...response.headers, 'Repeatability-Result': 'accepted' };
  if (response.status >= 200 && response.status < 300) {
    const { 'Repeatability-Result': _omit, ...stored } = headers;
    setOwn(data.repeatability, requestId, {
      firstSent,
      fingerprint,
      response: { status: response.status, headers: stored, ...(response.body === undefined ? {} : { body: structuredClone(response.body) }) },
    });
  }
  return { ...response, headers };
}

function prune(data: ProvisioningData, now: number): void {
  for (const [id, record] of Object.entries(data.repeatability)) {
    if (record.firstSent < now - REPEATABILITY_WINDOW_MS) deleteOwn(data.repeatability, id);
  }
}

function fingerprintOf(ctx: RequestContext): string {
  const query = [...ctx.query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([ctx.method, ctx.url.pathname, query, canonical(ctx.body)]);
  return createHash('sha256').update(text).digest('base64');
}

/** The body with object keys sorted, so that a resend that orders keys differently still matches. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
