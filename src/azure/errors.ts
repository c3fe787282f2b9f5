// The small set of errors every client throws, each with a message a person can act on. Faces show `message`; the
// other fields let code react (retry, ask to sign in, offer to add a role).

export type AcgErrorKind =
  | 'notSignedIn'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'preconditionFailed'
  | 'throttled'
  | 'ipNotAllowed'
  | 'unavailable'
  | 'badRequest'
  | 'refusedHost'
  | 'cancelled'
  | 'timeout'
  | 'network'
  | 'unexpected';

export interface AcgErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** The code of a write refused before it was sent by the pipeline's `writeRefusal` (the extension's Restricted Mode). */
export const WRITE_REFUSED = 'WriteRefused';

export interface AcgErrorInit {
  kind: AcgErrorKind;
  message: string;
  status?: number;
  /** Service error code (`x-ms-error-code` or the body's `error.code`). */
  code?: string;
  service?: 'arm' | 'provisioning' | 'graph' | 'entra';
  operation?: string;
  /** The role or permission that is missing, when the service says which. */
  requiredRole?: string;
  /** For throttling: how long the service asked us to wait. */
  retryAfterMs?: number;
  details?: AcgErrorDetail[];
  requestId?: string;
  /** Our `x-ms-client-request-id`: the same on every retry of one logical request, so support can find them all. */
  clientRequestId?: string;
  /** The Provisioning API gateway (its domain) the failed request was for, when known: faces offer its onboarding checks. */
  gateway?: string;
  cause?: unknown;
}

/** Marks our errors across bundles: the extension's lazily loaded bundles each carry their own copy of this class, so
 * `instanceof` would fail for an error thrown in one and checked in another. */
const BRAND = Symbol.for('acg-tools.AcgError');

export class AcgError extends Error {
  readonly [BRAND] = true;
  readonly kind: AcgErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly service?: AcgErrorInit['service'];
  readonly operation?: string;
  readonly requiredRole?: string;
  readonly retryAfterMs?: number;
  readonly details: AcgErrorDetail[];
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly gateway?: string;

  constructor(init: AcgErrorInit) {
    super(init.message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = 'AcgError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.service = init.service;
    this.operation = init.operation;
    this.requiredRole = init.requiredRole;
    this.retryAfterMs = init.retryAfterMs;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.gateway = init.gateway;
  }

  /** The same error with another message (e.g. with the reason retries stopped), keeping every other field. */
  withMessage(message: string): AcgError {
    return new AcgError({ ...this.toInit(), message });
  }

  toInit(): AcgErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      service: this.service,
      operation: this.operation,
      requiredRole: this.requiredRole,
      retryAfterMs: this.retryAfterMs,
      details: this.details,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      gateway: this.gateway,
      cause: this.cause,
    };
  }
}

export function isAcgError(error: unknown, kind?: AcgErrorKind): error is AcgError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true && (kind === undefined || (error as AcgError).kind === kind);
}

/** The one way to say "sign in first": every face offers its own Sign In action next to it (see presentError). */
export function notSignedInError(): AcgError {
  return new AcgError({ kind: 'notSignedIn', message: 'Not signed in to Azure. Sign in to continue.' });
}
