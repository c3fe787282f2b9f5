// Sign-in failures arrive from @azure/identity, MSAL and the VS Code provider in many shapes. Callers get one shape:
// an AcgError whose message says what failed and what to do, without trace ids and stack noise. Nothing here echoes a
// request, so no secret can leak through an error message.
import { AcgError, isAcgError } from '../errors';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
}

export function toAuthError(error: unknown, context: string): AcgError {
  if (isAcgError(error)) return error;
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const text = firstLine(typeof message === 'string' ? message : String(error));
  if (name === 'AbortError') {
    return new AcgError({ kind: 'cancelled', message: `${context}: cancelled.`, service: 'entra', cause: error });
  }
  if (name === 'CredentialUnavailableError') {
    // The method cannot work here at all (no `az`, no provider): a different method is the fix.
    return new AcgError({ kind: 'notSignedIn', message: `${context}: ${text} Choose another sign-in method.`, service: 'entra', cause: error });
  }
  return new AcgError({ kind: 'notSignedIn', message: `${context}: ${text}`, service: 'entra', cause: error });
}

/** MSAL wraps Entra's sentence in "invalid_client: Error(s): 7000215 - Timestamp: … - Description: AADSTS…", and
 * Entra adds "Trace ID / Correlation ID" lines: keep the AADSTS sentence, which is what a person can act on. */
function firstLine(message: string): string {
  const described = /Description:\s*(AADSTS\d+:[\s\S]*?)(?:\s+-\s+Correlation ID:|\s+Trace ID:|\r?\n|$)/i.exec(message)?.[1];
  const line = described ?? message.split(/\r?\n/).find((l) => l.trim().length > 0) ?? message;
  const trimmed = line.replace(/\s*Trace ID:.*$/i, '').trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
