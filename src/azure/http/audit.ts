// The audit record of one write (issue 11, "Audit log"). The pipeline builds it once per logical write, after the
// last attempt, and hands it to the sink the face installed (the extension's host writes JSON lines to its global
// storage; the CLI may write to ACG_AUDIT_LOG). Built here, at the one place every ARM, Provisioning API and Graph
// write passes, so no command has to remember it. It carries ids and outcomes only: never a header value other than
// the two request ids, never a body, never a token.
import type { AcgErrorKind } from '../errors';
import type { TokenAccess } from '../auth/tokenClaims';
import type { HttpMethod, PipelineRequest, ServiceKind } from './types';

export interface WriteAuditRecord {
  /** When the write started (ISO 8601, UTC). */
  readonly time: string;
  readonly durationMs: number;
  /** Who the token was issued to: user name, app display name or "service principal <app id>". */
  readonly who?: string;
  readonly objectId?: string;
  readonly tenantId?: string;
  readonly service: ServiceKind;
  /** The Provisioning API gateway (its domain), when the write went to one. */
  readonly gateway?: string;
  readonly operation: string;
  readonly method: HttpMethod;
  /** The URL's path (no query, no host): for ARM and Graph writes, the resource written. */
  readonly path: string;
  /** What was written, as the client names it: account, numbers, tenant id. */
  readonly target?: Readonly<Record<string, string | readonly string[]>>;
  readonly clientRequestId: string;
  readonly repeatabilityRequestId?: string;
  /** Attempts sent (retries included); 0 when the write was refused before sending. */
  readonly attempts: number;
  /** `notSent`: refused before anything left this machine (role pre-flight, a foreign host, cancelled first). */
  readonly result: 'succeeded' | 'failed' | 'cancelled' | 'notSent';
  readonly status?: number;
  readonly errorKind?: AcgErrorKind;
  readonly errorCode?: string;
  /** The service's request id (x-ms-request-id, or Graph's request-id), for support. */
  readonly serviceRequestId?: string;
}

/** Where audit records go. Must not throw (the pipeline guards it anyway) and must not block: queue the write. */
export interface WriteAuditSink {
  record(entry: WriteAuditRecord): void;
}

const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the audit log records this request: every POST, PUT, PATCH and DELETE, except POSTs that only read. */
export function isAuditedWrite(request: Pick<PipelineRequest, 'method' | 'readOnly'>): boolean {
  return WRITE_METHODS.has(request.method) && request.readOnly !== true;
}

/** What the audit record of one write needs from inside the pipeline's send: the last attempt's headers, the count. */
export interface WriteTrace {
  headers?: Record<string, string>;
  attempts: number;
  who?: TokenAccess;
}

export type WriteOutcome = Pick<WriteAuditRecord, 'result' | 'status' | 'errorKind' | 'errorCode' | 'serviceRequestId'>;

/** The service's request id (x-ms-request-id, or Graph's request-id). */
export function serviceRequestIdOf(headers: Record<string, string>): string | undefined {
  return headers['x-ms-request-id'] ?? headers['request-id'];
}

/** The record of one write; `clean` redacts any token-like text from what came from the caller. */
export function auditRecord(request: PipelineRequest, trace: WriteTrace, started: number, outcome: WriteOutcome, clean: (text: string) => string): WriteAuditRecord {
  let path = '';
  try {
    path = clean(decodeURIComponent(new URL(request.url).pathname));
  } catch {
    path = '';
  }
  const headers = trace.headers ?? {};
  return {
    time: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    ...(trace.who?.who ? { who: clean(trace.who.who) } : {}),
    ...(trace.who?.objectId ? { objectId: trace.who.objectId } : {}),
    ...(trace.who?.tenantId ? { tenantId: trace.who.tenantId } : {}),
    service: request.service,
    ...(request.gateway ? { gateway: request.gateway } : {}),
    operation: clean(request.operation),
    method: request.method,
    path,
    ...(request.auditTarget ? { target: cleanTarget(request.auditTarget, clean) } : {}),
    clientRequestId: headers['x-ms-client-request-id'] ?? '',
    ...(headers['repeatability-request-id'] ? { repeatabilityRequestId: headers['repeatability-request-id'] } : {}),
    attempts: trace.attempts,
    ...outcome,
  };
}

function cleanTarget(target: Readonly<Record<string, string | readonly string[]>>, clean: (text: string) => string): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(target)) out[key] = typeof value === 'string' ? clean(value) : value.map(clean);
  return out;
}
