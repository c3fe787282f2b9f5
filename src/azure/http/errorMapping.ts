// THE mapper from an HTTP answer (or a failed connection) to an AcgError whose message a person can act on. It reads
// the status, `x-ms-error-code`, `WWW-Authenticate` and the three error body shapes this extension meets:
//   ARM         {error:{code,message,target?,details?}}
//   Azure.Core  {error:{code,message,target?,details?,innererror?}}   (the Provisioning API)
//   Graph       {error:{code,message,innerError?}}
// Every message passes through `redact`, so nothing a service echoes back (or a token) leaks into the UI.
import { AcgError, type AcgErrorDetail, type AcgErrorKind } from '../errors';
import { redact } from './redact';
import { parseRetryAfterMs } from './retryPolicy';
import type { HttpMethod, ServiceKind } from './types';

export const SERVICE_NAMES: Readonly<Record<ServiceKind, string>> = {
  arm: 'Azure Resource Manager',
  provisioning: 'the Provisioning API',
  graph: 'Microsoft Graph',
};

/** The gist of a service's error body, whichever of the three shapes it has. */
export interface ServiceErrorBody {
  code?: string;
  message?: string;
  target?: string;
  details: AcgErrorDetail[];
  innerCode?: string;
}

export interface HttpErrorInput {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, when the answer was JSON. */
  body: unknown;
  text: string;
  service: ServiceKind;
  operation: string;
  method?: HttpMethod;
  url?: URL;
  /** What the caller knows the operation needs, for a 403 that does not say. */
  requiredPermission?: string;
  clientRequestId?: string;
}

const IP_CODES = /^(IpNotAllowed|ForbiddenByFirewall|IpAddressNotAllowed|ClientIpAddressNotAllowed|IpForbidden|AddressNotAllowed|IPNotInAllowlist)$/i;
const MAX_SERVICE_MESSAGE = 600;

export const IP_NOT_ALLOWED_MESSAGE =
  "Your IP address is not in the gateway's Provisioning API allowlist (apiBridge.allowedAddressPrefixes). Add it on " +
  "the gateway (its API Bridge settings, or the apiBridge.allowedAddressPrefixes property of the gateway resource), " +
  'wait for the change to apply, and try again.';

export function parseServiceError(body: unknown, headers: Record<string, string> = {}): ServiceErrorBody {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const details: AcgErrorDetail[] = [];
  if (error && Array.isArray(error.details)) {
    for (const d of error.details) {
      if (!isRecord(d)) continue;
      details.push({
        code: str(d.code) ?? '',
        message: redact(str(d.message) ?? ''),
        ...(str(d.target) !== undefined ? { target: str(d.target) } : {}),
      });
    }
  }
  const inner = error ? (isRecord(error.innererror) ? error.innererror : undefined) : undefined;
  return {
    code: headers['x-ms-error-code'] ?? (error ? str(error.code) : undefined),
    message: error ? str(error.message) : isRecord(body) ? (str(body.message) ?? str(body.error_description)) : undefined,
    target: error ? str(error.target) : undefined,
    details,
    innerCode: inner ? str(inner.code) : undefined,
  };
}

export function mapHttpError(input: HttpErrorInput): AcgError {
  const parsed = parseServiceError(input.body, input.headers);
  const service = SERVICE_NAMES[input.service];
  const said = serviceSaid(parsed, input);
  const base = {
    status: input.status,
    code: parsed.code,
    service: input.service,
    operation: input.operation,
    details: parsed.details,
    requestId: input.headers['x-ms-request-id'] ?? input.headers['request-id'],
    clientRequestId: input.clientRequestId,
  };
  const make = (kind: AcgErrorKind, message: string, extra: { requiredRole?: string; retryAfterMs?: number } = {}): AcgError =>
    new AcgError({ ...base, ...extra, kind, message: redact(message) });

  const { status } = input;
  if (status === 401) {
    const challenge = describeChallenge(input.headers['www-authenticate']);
    return make('notSignedIn', `Sign in again: the token was rejected by ${service} while trying to ${input.operation}${paren(challenge ?? said)}.`);
  }
  if (status === 403) return mapForbidden(input, parsed, said, make);
  if (status === 404) return make('notFound', `Could not ${input.operation}: not found${paren(said)}.`);
  if (status === 409) return make('conflict', `Could not ${input.operation}: it conflicts with the current state${paren(said)}.`);
  if (status === 412) {
    // The Provisioning API also answers 412 when Repeatability-First-Sent is too old: that is not someone else's edit.
    if (parsed.target?.toLowerCase().startsWith('repeatability')) {
      return make('preconditionFailed', `Could not ${input.operation}: the request could not be safely repeated${paren(said)}. Try again.`);
    }
    return make('preconditionFailed', `Could not ${input.operation}: it was changed by someone else since you read it; refresh and retry${paren(said)}.`);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(input.headers);
    const when = retryAfterMs !== undefined ? ` Retry in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.` : ' Wait a little and retry.';
    return make('throttled', `${capital(service)} is throttling requests (429) while trying to ${input.operation}.${when}`, retryAfterMs !== undefined ? { retryAfterMs } : {});
  }
  if (status === 400 || status === 422) {
    const list = parsed.details.map((d) => (d.target ? `${d.target}: ${d.message}` : d.message)).filter((m) => m !== '');
    const detailText = list.length > 0 ? ` Details: ${list.join('; ')}.` : '';
    return make('badRequest', `${capital(service)} rejected the request to ${input.operation}${paren(said)}.${detailText}`);
  }
  if (status >= 500 && status <= 599 && status !== 501 && status !== 505) {
    const what = status === 500 ? 'failed with an internal error' : 'is unavailable';
    return make('unavailable', `${capital(service)} ${what} (${status}${parsed.code ? ` ${parsed.code}` : ''}) while trying to ${input.operation}${paren(said)}. Try again in a few minutes.`);
  }
  if (status >= 300 && status <= 399) {
    return make('unexpected', `${capital(service)} answered ${input.operation} with a redirect (${status}), which is not followed: tokens are never sent on.`);
  }
  return make('unexpected', `Unexpected answer ${status} from ${service} while trying to ${input.operation}${paren(said)}.`);
}

type Make = (kind: AcgErrorKind, message: string, extra?: { requiredRole?: string }) => AcgError;

function mapForbidden(input: HttpErrorInput, parsed: ServiceErrorBody, said: string | undefined, make: Make): AcgError {
  const message = parsed.message ?? '';
  if (looksLikeIpBlock(parsed) || (input.service === 'provisioning' && parsed.code === undefined && parsed.message === undefined)) {
    // A Provisioning API role failure always comes as an Azure.Core error body; a bare 403 is the network allowlist
    // in front of the API (an assumption: the real API's wording for this case is not public).
    return make('ipNotAllowed', IP_NOT_ALLOWED_MESSAGE + (said ? ` (${said})` : ''));
  }
  const action = /perform action '([^']+)'(?: over scope '([^']+)')?/i.exec(message);
  if (action) {
    const isRead = /\/read$/i.test(action[1]);
    return make(
      'forbidden',
      `You don't have permission to ${input.operation}: it needs a role that allows '${action[1]}'${action[2] ? ` on ${action[2]}` : ''}. ` +
        `Ask an owner of the subscription for ${isRead ? 'Reader' : 'Contributor'} (or a custom role with that action); a new assignment can take a few minutes to apply.`,
      { requiredRole: action[1] },
    );
  }
  if (input.service === 'provisioning') {
    const role = /ProvisioningAPI\.[A-Za-z]+/.exec(message)?.[0] ?? input.requiredPermission;
    return make(
      'forbidden',
      role
        ? `You don't have permission to ${input.operation}: the Provisioning API needs the ${role} role on the AzureCommunicationsGateway app${paren(said)}.`
        : `You don't have permission to ${input.operation}${paren(said)}.`,
      role ? { requiredRole: role } : {},
    );
  }
  if (input.service === 'graph' && (parsed.code === 'Authorization_RequestDenied' || /insufficient privileges/i.test(message))) {
    const permission = input.requiredPermission ?? graphPermissionFor(input.method, input.url);
    return make(
      'forbidden',
      permission
        ? `You don't have permission to ${input.operation}: Microsoft Graph needs ${permission}. Grant it (an admin must consent) and sign in again.`
        : `You don't have permission to ${input.operation}: Microsoft Graph denied it${paren(said)}.`,
      permission ? { requiredRole: permission } : {},
    );
  }
  const role = input.requiredPermission;
  return make('forbidden', `You don't have permission to ${input.operation}${role ? `: it needs ${role}` : ''}${paren(said)}.`, role ? { requiredRole: role } : {});
}

function looksLikeIpBlock(parsed: ServiceErrorBody): boolean {
  if (parsed.code !== undefined && IP_CODES.test(parsed.code)) return true;
  if (parsed.innerCode !== undefined && IP_CODES.test(parsed.innerCode)) return true;
  const message = parsed.message ?? '';
  return /\bIP\b|\bIP address/i.test(message) && /allow|firewall/i.test(message);
}

/** The Graph permission an operation needs (API.md §4), from its method and path; undefined when unknown. */
export function graphPermissionFor(method: HttpMethod | undefined, url: URL | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.pathname.replace(/^.*?\/(v1\.0|beta)(?=\/)/i, '').toLowerCase();
  const write = method !== undefined && method !== 'GET' && method !== 'HEAD';
  if (/^\/serviceprincipals\/[^/]+\/(approleassignments|approleassignedto)/.test(path)) {
    return write ? 'AppRoleAssignment.ReadWrite.All and Application.Read.All' : 'Application.Read.All';
  }
  if (path.startsWith('/serviceprincipals')) return write ? 'Application.ReadWrite.All' : 'Application.Read.All';
  if (path.startsWith('/me/approleassignments')) return 'Directory.Read.All';
  if (path === '/me') return 'User.Read';
  if (/^\/users\/[^/]+\/approleassignments/.test(path)) return write ? 'AppRoleAssignment.ReadWrite.All and Application.Read.All' : 'Directory.Read.All';
  if (path.startsWith('/users')) return 'User.Read.All';
  if (path.startsWith('/domains')) return write ? 'Domain.ReadWrite.All' : 'Domain.Read.All';
  if (path.startsWith('/applications')) return write ? 'Application.ReadWrite.All' : 'Application.Read.All';
  return undefined;
}

/** `error_description` (or `error`) of a Bearer challenge, e.g. "The access token has expired." */
function describeChallenge(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const description = /error_description="([^"]*)"/i.exec(header)?.[1];
  if (description) return description;
  const error = /error="([^"]*)"/i.exec(header)?.[1];
  if (error === 'insufficient_claims') return 'the service needs fresh claims (Conditional Access)';
  return error;
}

function serviceSaid(parsed: ServiceErrorBody, input: HttpErrorInput): string | undefined {
  let text = parsed.message ?? (parsed.code ? undefined : input.text.trim().startsWith('<') ? undefined : input.text.trim());
  if (!text) return parsed.code;
  if (parsed.code && !text.includes(parsed.code)) text = `${parsed.code}: ${text}`;
  text = redact(text.replace(/\s+/g, ' ').trim());
  return text.length > MAX_SERVICE_MESSAGE ? `${text.slice(0, MAX_SERVICE_MESSAGE)}…` : text;
}

function paren(text: string | undefined): string {
  if (!text) return '';
  return ` (${text.replace(/\.$/, '')})`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// ---- Failures without an answer ----

export interface TransportErrorInput {
  reason: 'network' | 'timeout' | 'cancelled';
  error: { code?: string; message?: string };
  service: ServiceKind;
  operation: string;
  timeoutMs: number;
  /** True when the request may have reached the server (so a write may have happened). */
  sent: boolean;
  clientRequestId?: string;
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_)/;

export function mapTransportError(input: TransportErrorInput): AcgError {
  const service = SERVICE_NAMES[input.service];
  const base = { service: input.service, operation: input.operation, clientRequestId: input.clientRequestId, code: input.error.code, cause: input.error };
  if (input.reason === 'cancelled') return new AcgError({ ...base, kind: 'cancelled', message: `Cancelled: ${input.operation}.` });
  if (input.reason === 'timeout') {
    return new AcgError({ ...base, kind: 'timeout', message: `${capital(service)} did not answer within ${Math.round(input.timeoutMs / 1000)} s while trying to ${input.operation}.` });
  }
  const code = input.error.code ?? '';
  if (TLS_CODES.test(code)) {
    return new AcgError({
      ...base,
      kind: 'network',
      message: redact(`Could not ${input.operation}: the TLS certificate of ${service} was not trusted (${code}). TLS checks are never turned off; if a proxy inspects TLS, trust its CA in the operating system.`),
    });
  }
  const maybeApplied = input.sent ? ' The request may or may not have been applied: check before you repeat it.' : '';
  const what = redact(code ? `${code}${input.error.message && !input.error.message.includes(code) ? `: ${input.error.message}` : ''}` : (input.error.message ?? 'unknown error'));
  return new AcgError({ ...base, kind: 'network', message: `Could not reach ${service} to ${input.operation} (${what}).${maybeApplied}` });
}
