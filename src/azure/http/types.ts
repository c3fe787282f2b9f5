// The contract of the one HTTP pipeline every client uses (ARM, Provisioning API, Graph). Implementations live next
// to this file; clients depend only on these types.
import type { TokenCredential } from '@azure/core-auth';
import type { TokenAccess } from '../auth/tokenClaims';
import type { WriteAuditSink } from './audit';
import type { Clock } from './clock';

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE' | 'HEAD';

/** Which service a request is for: decides the token scope, the error mapping and (Provisioning API) scheduling. */
export type ServiceKind = 'arm' | 'provisioning' | 'graph';

export interface RetryOptions {
  /** Attempts after the first. */
  maxRetries: number;
  /** First backoff; doubles each attempt, with full jitter. */
  baseDelayMs: number;
  /** Upper bound of one wait (also caps Retry-After). */
  maxDelayMs: number;
}

export interface PipelineRequest {
  method: HttpMethod;
  /** Absolute https URL. Its host must belong to the selected cloud (or the emulator's loopback) or no token is sent. */
  url: string;
  service: ServiceKind;
  /** Human name for logs and error messages, e.g. "list gateways". */
  operation: string;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are (set content-type yourself). */
  body?: unknown;
  /** Token scopes; undefined means the request is sent without a token. */
  scopes?: string[];
  /** Gateway key (its domain) for the Provisioning API's client-side limiter. */
  gateway?: string;
  abortSignal?: AbortSignal;
  /** Per-attempt timeout; default from the pipeline options. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Statuses that are answers, not errors (e.g. 404 for "does it exist?"). 2xx always are. */
  acceptStatuses?: number[];
  /**
   * The role or permission this operation needs (e.g. "Domain.ReadWrite.All"), named in a 403 when the service's
   * answer does not say. Optional: the error mapper knows the common Graph ones.
   */
  requiredPermission?: string;
  /**
   * The caller vouches that this POST may be sent twice (a read-only action such as checkNameAvailability or
   * getTeamsCapabilityPlans, or Graph's domain verify). Without it, a POST is retried after it reached the service
   * only when it carries a Repeatability-Request-ID. Other methods are always treated as repeatable.
   */
  idempotent?: boolean;
  /** A POST that changes nothing (getTeamsCapabilityPlans, checkNameAvailability, a Graph $batch of GETs): the audit
   * log leaves it out. */
  readOnly?: boolean;
  /** What the write changes, for the audit log (account, numbers, tenant id); the URL path is recorded regardless. */
  auditTarget?: Readonly<Record<string, string | readonly string[]>>;
  /**
   * Runs once before the first attempt with what the token this request would carry says about the caller (roles,
   * who); throw to refuse the request before anything is sent (the Provisioning API's role pre-flight). Only the
   * decoded claims reach it, never the token.
   */
  checkAccess?: (access: TokenAccess) => void;
}

export interface PipelineResponse<T = unknown> {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, otherwise undefined. */
  body: T;
  text: string;
}

export interface HttpPipeline {
  send<T = unknown>(request: PipelineRequest): Promise<PipelineResponse<T>>;
}

/** Log sink: never receives tokens or secrets (the pipeline redacts before it calls this). */
export interface PipelineLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface PipelineOptions {
  credential: TokenCredential;
  /**
   * Hosts a token may be sent to (exact host names; the emulator's loopback origin in emulator mode). The pipeline
   * passes the request's service, so that only that service's hosts qualify (allowedHostsForCloud honours it).
   */
  isAllowedHost: (url: URL, service: ServiceKind) => boolean;
  logger?: PipelineLogger;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
  /** Extra CA certificates (PEM) to trust, e.g. the emulator's. TLS verification is never turned off. */
  ca?: string[];
  /** Provisioning API requests per minute per gateway (a batch counts as one). Default 100. */
  provisioningRequestsPerMinute?: number;
  /** Wait after a Provisioning API timeout or 5xx before re-resolving and retrying (docs: 60 s). Tests scale it down. */
  provisioningFailoverDelayMs?: number;
  /** The limiter's window for `provisioningRequestsPerMinute`; default 60 000 ms. Tests shrink it. */
  provisioningWindowMs?: number;
  /** The limiter's clock; default the system's. Tests only: a fake clock proves the window without waiting it out. */
  clock?: Clock;
  /** Full User-Agent value; default `acg-tools/<package version>`. */
  userAgent?: string;
  /** Receives one record per write (POST, PUT, PATCH, DELETE that is not `readOnly`), after its last attempt. */
  audit?: WriteAuditSink;
  /**
   * Asked before every write (as the audit log counts writes): a reason refuses it before a token is asked for or a
   * byte is sent. The extension refuses writes in Restricted Mode here, so a panel or a fix cannot write where a
   * command could not.
   */
  writeRefusal?: () => string | undefined;
}
