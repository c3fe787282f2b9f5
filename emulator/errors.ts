// Error bodies in the exact shape each real service uses, so that clients parse emulator errors as they parse Azure's.
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from './http';

/** ARM's ErrorResponse (common-types): `{ error: { code, message, target?, details? } }`. */
export function armError(status: number, code: string, message: string, target?: string): EmulatorResponse {
  return {
    status,
    headers: { 'x-ms-failure-cause': status >= 500 ? 'service' : 'gateway' },
    body: { error: { code, message, ...(target ? { target } : {}) } },
  };
}

export interface CoreErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** Azure.Core.Foundations.ErrorResponse, with the `x-ms-error-code` header the Provisioning API returns. */
export function coreError(
  status: number,
  code: string,
  message: string,
  options: { target?: string; details?: CoreErrorDetail[]; innerCode?: string } = {},
): EmulatorResponse {
  return {
    status,
    headers: { 'x-ms-error-code': code },
    body: {
      error: {
        code,
        message,
        ...(options.target ? { target: options.target } : {}),
        ...(options.details?.length ? { details: options.details } : {}),
        ...(options.innerCode ? { innererror: { code: options.innerCode } } : {}),
      },
    },
  };
}

/** Microsoft Graph's error body. */
export function graphError(status: number, code: string, message: string, clientRequestId?: string): EmulatorResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'request-id': requestId },
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId },
      },
    },
  };
}

/** Entra's OAuth 2.0 error body (RFC 6749 §5.2 plus Entra's extra fields). */
export function entraError(status: number, error: string, aadstsCode: number, description: string): EmulatorResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${aadstsCode}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${new Date().toISOString()}`,
      error_codes: [aadstsCode],
      timestamp: new Date().toISOString(),
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}
