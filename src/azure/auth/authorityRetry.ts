// Sign-in against an authority that did not answer. MSAL gives up on a slow or briefly unreachable authority after
// the identity library's three quick retries (about six seconds), and then says only "endpoints_resolution_error"
// (discovery) or "network_error" / "temporarily_unavailable" (token endpoint). It also remembers failures per
// credential: a token endpoint that answered 5xx or 429 is blocked client-side for 60 s, so asking the same credential
// again fails at once even when the authority is back. So each retry here builds a fresh credential, after a bounded
// backoff; when the last attempt fails too, the error names the authority and says what to check.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { AcgError } from '../errors';

export interface AuthorityRetryOptions {
  /** Attempts in all, the first included (at least 1). */
  attempts: number;
  /** Wait before the second attempt; doubled before each further one, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Three attempts, one and then two seconds apart: with MSAL's own retries, about 20 s before giving up. */
export const DEFAULT_AUTHORITY_RETRY: AuthorityRetryOptions = { attempts: 3, initialDelayMs: 1_000, maxDelayMs: 4_000 };

/**
 * What went wrong with the authority, when a retry can help:
 * - `discovery`: its OpenID configuration could not be read (MSAL's endpoints_resolution_error: unreachable, an answer
 *   that is not a discovery document, or a certificate that is not trusted; MSAL does not say which);
 * - `unavailable`: the token endpoint did not answer (network_error), or answered 5xx or 429.
 * Undefined for answers a retry cannot change (a wrong secret, an unknown tenant, a cancelled request).
 */
export type AuthorityFailure = 'discovery' | 'unavailable';

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errorCode?: unknown;
  statusCode?: unknown;
  cause?: unknown;
}

export function classifyAuthorityFailure(error: unknown): AuthorityFailure | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { name, message, code, errorCode, statusCode, cause } = current as ErrorFields;
    if (name === 'AbortError') return undefined;
    const text = typeof message === 'string' ? message : '';
    if (errorCode === 'endpoints_resolution_error' || /^endpoints_resolution_error\b/.test(text)) return 'discovery';
    if (errorCode === 'network_error' || /^network_error\b/.test(text)) return 'unavailable';
    // Entra's answer to an overloaded or failing token endpoint; MSAL keeps its error code at the start of the message.
    if (/^(temporarily_unavailable|server_error)\b/.test(text)) return 'unavailable';
    if (typeof statusCode === 'number' && (statusCode >= 500 || statusCode === 429)) return 'unavailable';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'unavailable';
    current = cause;
  }
  return undefined;
}

export interface RetryingCredentialOptions {
  /** The credential of the first attempt. */
  credential: TokenCredential;
  /** Builds a fresh one, for the next attempt after a failure. */
  rebuild: () => TokenCredential;
  /** Shown in the final error: "Sign-in with <label> failed: …". */
  label: string;
  /** The authority the credential asks, e.g. https://login.microsoftonline.com/<tenant>. */
  authority: string;
  /** Whether the authority is the local emulator (the advice differs). */
  emulator: boolean;
  /** Which failures to retry. Device code retries only discovery: a later failure would show a new code. */
  retryOn: readonly AuthorityFailure[];
  retry?: AuthorityRetryOptions;
  /** Told about each retry, in a sentence for the log. */
  onRetry?: (message: string) => void;
}

/** A credential that retries an authority that did not answer, each time with a fresh inner credential. */
export function retryingCredential(options: RetryingCredentialOptions): TokenCredential {
  const retry = options.retry ?? DEFAULT_AUTHORITY_RETRY;
  let inner = options.credential;
  return {
    async getToken(scopes: string | string[], getTokenOptions?: GetTokenOptions): Promise<AccessToken | null> {
      for (let attempt = 1; ; attempt++) {
        const used = inner;
        try {
          return await used.getToken(scopes, getTokenOptions);
        } catch (error) {
          const failure = classifyAuthorityFailure(error);
          if (!failure || !options.retryOn.includes(failure)) throw error;
          // This credential may now refuse for a while without asking (MSAL's throttling cache): replace it, once, for
          // every caller that shares it.
          if (inner === used) inner = options.rebuild();
          if (attempt >= Math.max(1, retry.attempts)) throw authorityError(options, failure, attempt, error);
          const delayMs = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1));
          const what = failure === 'discovery' ? `no OpenID configuration from ${options.authority}` : `${options.authority} did not answer the token request`;
          options.onRetry?.(`Sign-in with ${options.label}: ${what} (attempt ${attempt}); trying again with a fresh credential in ${delayMs} ms.`);
          await pause(delayMs, getTokenOptions?.abortSignal, options.label);
        }
      }
    },
  };
}

function authorityError(options: RetryingCredentialOptions, failure: AuthorityFailure, attempts: number, cause: unknown): AcgError {
  const what =
    failure === 'discovery'
      ? `could not read the OpenID configuration of ${options.authority} (endpoints_resolution_error)`
      : `${options.authority} did not answer the token request (${firstWord(cause)})`;
  const check = options.emulator
    ? `Check that the emulator is running at ${new URL(options.authority).origin} (npm start; the acg.emulator.url setting says where to look) and that its CA is trusted (NODE_EXTRA_CA_CERTS), then try again.`
    : 'Check the network connection and proxy settings, then try again.';
  return new AcgError({
    kind: 'unavailable',
    service: 'entra',
    code: failure === 'discovery' ? 'endpoints_resolution_error' : firstWord(cause),
    message: `Sign-in with ${options.label} failed: ${what}, ${attempts === 1 ? 'in the only attempt' : `in ${attempts} attempts`}. ${check}`,
    cause,
  });
}

/** The error code MSAL puts first ("network_error: See …"), or the system error code. */
function firstWord(error: unknown): string {
  const { message, code } = (typeof error === 'object' && error !== null ? error : {}) as ErrorFields;
  if (typeof code === 'string' && code) return code;
  const word = typeof message === 'string' ? /^([a-z_]+):/.exec(message)?.[1] : undefined;
  return word ?? 'no answer';
}

function pause(ms: number, signal: GetTokenOptions['abortSignal'], label: string): Promise<void> {
  const cancelled = () => new AcgError({ kind: 'cancelled', service: 'entra', message: `Sign-in with ${label} failed: cancelled.` });
  if (signal?.aborted) return Promise.reject(cancelled());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
