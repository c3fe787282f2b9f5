// The one HTTP pipeline (DESIGN.md, "Architecture"): every ARM, Provisioning API and Graph call goes through `send`.
// Per logical request it
//   1. refuses any destination that is not https on the selected cloud's hosts of the request's service, BEFORE
//      asking for a token, so a token is never minted for (let alone sent to) a foreign host, nor sent to another
//      service's host; redirects are never followed;
//   2. for the Provisioning API, waits for room in the gateway's request budget (limiter.ts);
//   3. gets a token, sends one attempt (transport.ts), and maps failures (errorMapping.ts);
//   4. retries what is worth retrying (retryPolicy.ts) with the same x-ms-client-request-id and the same headers,
//      so a Repeatability-Request-ID stays the same and the service can de-duplicate;
//   5. logs every attempt through `redact`;
//   6. hands one record per write to the audit sink, if a face installed one (audit.ts).
// A request may also ask to see the caller's token claims before anything is sent (`checkAccess`, the Provisioning
// API's role pre-flight): it gets the decoded roles and name, never the token.
import { randomUUID } from 'node:crypto';
import type { AccessToken } from '@azure/core-auth';
import { accessFromToken } from '../auth/tokenClaims';
import { version as packageVersion } from '../../../package.json';
import { EMULATOR_PROVISIONING_PATH } from '../../core/clouds';
import { PROVISIONING_RATE_LIMIT } from '../../core/limits';
import { AcgError, isAcgError, WRITE_REFUSED } from '../errors';
import { cancelledError, sleep, throwIfAborted } from './abort';
import { auditRecord, isAuditedWrite, serviceRequestIdOf, type WriteOutcome, type WriteTrace } from './audit';
import { mapHttpError, mapTransportError, SERVICE_NAMES } from './errorMapping';
import { SlidingWindowLimiter } from './limiter';
import { redact, redactHeaders, redactUrl } from './redact';
import { backoffDelayMs, DEFAULT_RETRY, isRetryableStatus, isSafeToRepeat, isTransientNetworkError, parseRetryAfterMs } from './retryPolicy';
import { HttpsTransport, type AttemptResult } from './transport';
import type { HttpPipeline, PipelineLogger, PipelineOptions, PipelineRequest, PipelineResponse, RetryOptions } from './types';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_PROVISIONING_REQUESTS_PER_MINUTE = PROVISIONING_RATE_LIMIT.requestsPerWindow;
export const DEFAULT_PROVISIONING_WINDOW_MS = PROVISIONING_RATE_LIMIT.windowMs;
/** Docs `integrate-with-provisioning-api.md`: after a timeout or 5xx, re-resolve DNS and retry after 60 s. */
export const DEFAULT_PROVISIONING_FAILOVER_DELAY_MS = 60_000;
export const USER_AGENT = `acg-tools/${packageVersion}`;

export interface DisposableHttpPipeline extends HttpPipeline {
  /** Closes pooled connections. Requests after this still work (on new connections). */
  dispose(): void;
  /** The Provisioning API budget this pipeline's limiter keeps to, per gateway (a batch counts as one request). */
  readonly provisioningRateLimit: { readonly requestsPerWindow: number; readonly windowMs: number };
}

export function createPipeline(options: PipelineOptions): DisposableHttpPipeline {
  return new Pipeline(options);
}

/** How one attempt ended, in the words of the give-up message. */
type Outcome = { status: number } | { failure: 'timeout' } | { failure: 'network'; code: string };

class Pipeline implements DisposableHttpPipeline {
  private readonly transport: HttpsTransport;
  private readonly limiter: SlidingWindowLimiter;
  readonly provisioningRateLimit: { readonly requestsPerWindow: number; readonly windowMs: number };
  private readonly log: PipelineLogger;
  private readonly failoverDelayMs: number;
  private readonly userAgent: string;
  /** Recently issued tokens, redacted verbatim from every log line (covers opaque, non-JWT tokens too). */
  private readonly recentTokens: string[] = [];

  constructor(private readonly options: PipelineOptions) {
    this.transport = new HttpsTransport(options.ca);
    this.provisioningRateLimit = {
      requestsPerWindow: options.provisioningRequestsPerMinute ?? DEFAULT_PROVISIONING_REQUESTS_PER_MINUTE,
      windowMs: options.provisioningWindowMs ?? DEFAULT_PROVISIONING_WINDOW_MS,
    };
    this.limiter = new SlidingWindowLimiter(this.provisioningRateLimit.requestsPerWindow, this.provisioningRateLimit.windowMs, options.clock);
    this.failoverDelayMs = options.provisioningFailoverDelayMs ?? DEFAULT_PROVISIONING_FAILOVER_DELAY_MS;
    this.userAgent = options.userAgent ?? USER_AGENT;
    const sink = options.logger;
    const safe = (level: keyof PipelineLogger) => (message: string) => sink?.[level](redact(message, this.recentTokens));
    this.log = { debug: safe('debug'), info: safe('info'), warn: safe('warn'), error: safe('error') };
  }

  dispose(): void {
    this.transport.dispose();
  }

  async send<T = unknown>(request: PipelineRequest): Promise<PipelineResponse<T>> {
    if (!this.options.audit || !isAuditedWrite(request)) return this.sendOnce<T>(request);
    const trace: WriteTrace = { attempts: 0 };
    const started = Date.now();
    try {
      const response = await this.sendOnce<T>(request, trace);
      this.audit(request, trace, started, { result: 'succeeded', status: response.status, serviceRequestId: serviceRequestIdOf(response.headers) });
      return response;
    } catch (error) {
      const failure = isAcgError(error) ? error : undefined;
      const result = trace.attempts === 0 ? 'notSent' : failure?.kind === 'cancelled' ? 'cancelled' : 'failed';
      this.audit(request, trace, started, {
        result,
        ...(failure?.status !== undefined ? { status: failure.status } : {}),
        errorKind: failure?.kind ?? 'unexpected',
        ...(failure?.code ? { errorCode: failure.code } : {}),
        ...(failure?.requestId ? { serviceRequestId: failure.requestId } : {}),
      });
      throw error;
    }
  }

  private async sendOnce<T>(request: PipelineRequest, trace?: WriteTrace): Promise<PipelineResponse<T>> {
    // Before the destination, the token and the limiter: a refused write costs nothing and is audited as not sent.
    const refusal = isAuditedWrite(request) ? this.options.writeRefusal?.() : undefined;
    if (refusal !== undefined) throw new AcgError({ kind: 'forbidden', code: WRITE_REFUSED, message: refusal, service: request.service, operation: request.operation });
    const url = this.checkDestination(request);
    const headers = this.headersFor(request);
    if (trace) trace.headers = headers;
    const clientRequestId = headers['x-ms-client-request-id'];
    const body = encodeBody(request, headers);
    const retry: RetryOptions = { ...DEFAULT_RETRY, ...this.options.retry, ...request.retry };
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const repeatable = request.idempotent === true || isSafeToRepeat(request.method, headers);
    const signal = request.abortSignal;
    const outcomes: Outcome[] = [];
    const where = `${request.method} ${redactUrl(url)} [${request.operation}]`;
    let freshConnection = false;

    if (request.checkAccess && request.scopes) {
      // The same (cached) token the first attempt will carry; a refusal here sends nothing and takes no rate slot.
      request.checkAccess(accessFromToken(await this.authorize(request, clientRequestId)));
    }

    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal, request.operation, clientRequestId);
      const slot = request.service === 'provisioning' ? await this.limiter.acquire(limiterKey(request, url), signal, request.operation) : undefined;
      let result: AttemptResult;
      try {
        if (slot && slot.waitedMs > 0) this.log.info(`held ${where} for ${slot.waitedMs} ms to stay within the gateway's Provisioning API rate limit`);
        const sent = { ...headers };
        if (request.scopes) {
          const token = await this.authorize(request, clientRequestId);
          if (trace) trace.who ??= accessFromToken(token);
          sent.authorization = `Bearer ${token}`;
        }
        if (trace) trace.attempts = attempt;
        this.log.debug(`→ ${where} attempt ${attempt}/${retry.maxRetries + 1} id=${clientRequestId}${freshConnection ? ' (new connection)' : ''} headers=${JSON.stringify(redactHeaders(sent))}`);
        result = await this.transport.send({ method: request.method, url, headers: sent, body, timeoutMs, signal, freshConnection });
      } finally {
        slot?.release();
      }

      let error: AcgError;
      let outcome: Outcome;
      if (result.kind === 'response') {
        const { status } = result;
        this.log.info(`← ${status} ${where} ${result.durationMs} ms attempt ${attempt} id=${clientRequestId}`);
        if ((status >= 200 && status <= 299) || request.acceptStatuses?.includes(status)) return parseAnswer<T>(result, request, clientRequestId);
        if (status >= 300 && status <= 399) throw this.scrub(this.redirectError(request, url, result.headers, status, clientRequestId));
        const parsedBody = parseJson(result.text, result.headers);
        error = this.scrub(mapHttpError({
          status,
          headers: result.headers,
          body: parsedBody.ok ? parsedBody.value : undefined,
          text: result.text,
          service: request.service,
          operation: request.operation,
          method: request.method,
          url,
          requiredPermission: request.requiredPermission,
          clientRequestId,
        }));
        this.log.debug(`  ${status} ${error.code ?? ''}: ${error.message}`);
        if (!isRetryableStatus(status)) throw error;
        outcome = { status };
      } else {
        this.log.warn(`✗ ${where} attempt ${attempt} id=${clientRequestId} ${result.reason} after ${result.durationMs} ms (${result.error.code ?? result.error.message})`);
        if (result.reason === 'cancelled') throw cancelledError(request.operation, clientRequestId);
        error = this.scrub(mapTransportError({ reason: result.reason, error: result.error, service: request.service, operation: request.operation, timeoutMs, sent: result.sent, clientRequestId }));
        if (result.reason === 'network' && !isTransientNetworkError(result.error)) throw error;
        outcome = result.reason === 'timeout' ? { failure: 'timeout' } : { failure: 'network', code: result.error.code ?? 'ECONNRESET' };
      }

      // A POST without a Repeatability-Request-ID might be applied twice, unless it never left this machine or the
      // service said it did not process it (429 and 408 are answered before any work is done).
      const notProcessed = result.kind === 'failure' ? !result.sent : result.status === 429 || result.status === 408;
      if (!repeatable && !notProcessed) {
        throw error.withMessage(`${error.message} Not retried automatically: this request is not safe to repeat, so check whether it took effect first.`);
      }
      outcomes.push(outcome);
      const retriesSoFar = attempt - 1;
      if (retriesSoFar >= retry.maxRetries) {
        if (retriesSoFar === 0) throw error;
        this.log.warn(`gave up on ${where} id=${clientRequestId} after ${retriesSoFar} retries`);
        throw error.withMessage(`${error.message} Gave up after ${retriesSoFar} ${retriesSoFar === 1 ? 'retry' : 'retries'}: ${giveUpReason(outcomes)}.`);
      }

      const wait = this.waitBeforeRetry(request, result, retriesSoFar, retry);
      freshConnection = wait.freshConnection;
      this.log.warn(`retrying ${where} in ${wait.delayMs} ms (retry ${attempt} of ${retry.maxRetries}): ${describe(outcome)}${wait.why}`);
      await sleep(wait.delayMs, signal, request.operation, clientRequestId);
    }
  }

  /** Refuses, before any token is asked for, a destination that is not https or not a host of the selected cloud. */
  private checkDestination(request: PipelineRequest): URL {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new AcgError({ kind: 'refusedHost', message: `Refused to ${request.operation}: '${redact(request.url)}' is not an absolute URL.`, service: request.service, operation: request.operation });
    }
    if (url.protocol !== 'https:' || !this.options.isAllowedHost(url, request.service)) {
      this.log.warn(`refused ${request.method} ${redactUrl(url)} [${request.operation}]: not an https host of the selected cloud`);
      throw new AcgError({
        kind: 'refusedHost',
        message:
          `Refused to ${request.operation}: ${url.protocol === 'https:' ? `${url.host}${url.pathname === '/' ? '' : ' (at this path)'} is not a ${SERVICE_NAMES[request.service]} host of the selected cloud` : `${url.protocol}// is not https`}, ` +
          'so no token was requested or sent. Check the cloud setting (acg.cloud) and the gateway address.',
        service: request.service,
        operation: request.operation,
      });
    }
    return url;
  }

  private headersFor(request: PipelineRequest): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent };
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    // Credentials come only from `scopes`, so that the host check above always guards them; a Host header would
    // change which name TLS verifies (Node derives SNI from it), so the URL alone says where a request goes.
    for (const name of ['authorization', 'host']) {
      if (name in headers) {
        throw new AcgError({ kind: 'unexpected', message: `Refused to ${request.operation}: do not set the ${name} header (use the URL and scopes).`, operation: request.operation });
      }
    }
    if (!headers['x-ms-client-request-id']) headers['x-ms-client-request-id'] = randomUUID();
    // Graph names the same header without the x-ms- prefix and echoes it in its answers and errors.
    if (request.service === 'graph' && !headers['client-request-id']) headers['client-request-id'] = headers['x-ms-client-request-id'];
    return headers;
  }

  private async authorize(request: PipelineRequest, clientRequestId: string): Promise<string> {
    const service = SERVICE_NAMES[request.service];
    let token: AccessToken | null;
    try {
      token = await this.options.credential.getToken(request.scopes ?? [], { abortSignal: request.abortSignal });
    } catch (error) {
      if (isAcgError(error)) throw error;
      if (request.abortSignal?.aborted) throw cancelledError(request.operation, clientRequestId);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AcgError({
        kind: 'notSignedIn',
        message: redact(`Sign in to ${service} to ${request.operation}: no token could be obtained (${reason})`, this.recentTokens),
        service: request.service,
        operation: request.operation,
        clientRequestId,
        // No `cause`: the credential's own error may carry the token request (client secret and all), and an error
        // printed whole (console.error, a crash report) prints its cause. The redacted reason above is kept.
      });
    }
    if (!token?.token) {
      throw new AcgError({ kind: 'notSignedIn', message: `Sign in to ${service} to ${request.operation}: no token is available.`, service: request.service, operation: request.operation, clientRequestId });
    }
    if (!this.recentTokens.includes(token.token)) {
      this.recentTokens.push(token.token);
      if (this.recentTokens.length > 16) this.recentTokens.shift();
    }
    return token.token;
  }

  /**
   * The error with everything the service (or the network layer) put in it redacted, including the tokens this
   * pipeline issued: errorMapping's own redaction catches JWTs and Bearer values, but only the pipeline knows an
   * opaque token, and a server may echo the Authorization header back in its message, error code, details or request id.
   */
  private scrub(error: AcgError): AcgError {
    const clean = (text: string): string => redact(text, this.recentTokens);
    return new AcgError({
      ...error.toInit(),
      message: clean(error.message),
      ...(error.code !== undefined ? { code: clean(error.code) } : {}),
      ...(error.requestId !== undefined ? { requestId: clean(error.requestId) } : {}),
      details: error.details.map((d) => ({ code: clean(d.code), message: clean(d.message), ...(d.target !== undefined ? { target: clean(d.target) } : {}) })),
    });
  }

  /** One audit record; a failing sink is logged, never allowed to fail the write it describes. */
  private audit(request: PipelineRequest, trace: WriteTrace, started: number, outcome: WriteOutcome): void {
    const record = auditRecord(request, trace, started, outcome, (text) => redact(text, this.recentTokens));
    try {
      this.options.audit?.record(record);
    } catch (error) {
      this.log.warn(`could not record ${request.method} ${record.path} in the audit log: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private redirectError(request: PipelineRequest, url: URL, headers: Record<string, string>, status: number, clientRequestId: string): AcgError {
    let target: URL | undefined;
    try {
      target = headers.location ? new URL(headers.location, url) : undefined;
    } catch {
      target = undefined;
    }
    if (target && target.origin !== url.origin) {
      this.log.warn(`refused redirect ${status} from ${redactUrl(url)} to ${redactUrl(target)}`);
      return new AcgError({
        kind: 'refusedHost',
        status,
        message: `Refused to follow a redirect while trying to ${request.operation}: ${SERVICE_NAMES[request.service]} sent the request on to ${target.host}, and requests (and tokens) are never forwarded to another host.`,
        service: request.service,
        operation: request.operation,
        clientRequestId,
      });
    }
    return mapHttpError({ status, headers, body: undefined, text: '', service: request.service, operation: request.operation, method: request.method, url, clientRequestId });
  }

  /**
   * How long to wait before the next attempt. Our own backoff unless the service said (Retry-After, capped by
   * maxDelayMs). The Provisioning API additionally gets its documented failover pause after a timeout, a 5xx or a
   * failed connection, on a new connection so that DNS is resolved again; a reset on a pooled keep-alive socket is
   * only a stale socket, so that one is retried promptly on a new connection instead.
   */
  private waitBeforeRetry(request: PipelineRequest, result: AttemptResult, retryIndex: number, retry: RetryOptions): { delayMs: number; freshConnection: boolean; why: string } {
    let delayMs = backoffDelayMs(retryIndex, retry);
    let why = '';
    const asked = result.kind === 'response' ? parseRetryAfterMs(result.headers) : undefined;
    if (asked !== undefined) {
      delayMs = Math.min(asked, retry.maxDelayMs);
      why = ` (the service asked for ${asked} ms)`;
    }
    let freshConnection = result.kind === 'failure';
    const failover =
      request.service === 'provisioning' &&
      (result.kind === 'response' ? result.status >= 500 || result.status === 408 : result.reason === 'timeout' || !result.reusedSocket);
    if (failover) {
      delayMs = Math.max(delayMs, this.failoverDelayMs);
      freshConnection = true;
      why += ' (Provisioning API failover pause, then DNS is resolved again)';
    }
    return { delayMs, freshConnection, why };
  }
}

/** The gateway a Provisioning API request counts against: its domain, from the request or the URL. */
function limiterKey(request: PipelineRequest, url: URL): string {
  if (request.gateway) return request.gateway.toLowerCase();
  const prefix = `${EMULATOR_PROVISIONING_PATH}/`;
  if (url.pathname.startsWith(prefix)) return decodeURIComponent(url.pathname.slice(prefix.length).split('/')[0]).toLowerCase();
  return url.hostname.toLowerCase().replace(/^provapi\./, '');
}

function encodeBody(request: PipelineRequest, headers: Record<string, string>): Buffer | undefined {
  const { body, method } = request;
  let bytes: Buffer | undefined;
  if (typeof body === 'string') bytes = Buffer.from(body, 'utf8');
  else if (body instanceof Uint8Array) bytes = Buffer.from(body);
  else if (body !== undefined) {
    bytes = Buffer.from(JSON.stringify(body), 'utf8');
    headers['content-type'] ??= 'application/json';
  }
  // ARM answers 411 to a body-less POST sent chunked, so always say how long the body is.
  if (bytes !== undefined || method === 'POST' || method === 'PUT' || method === 'PATCH') headers['content-length'] = String(bytes?.length ?? 0);
  return bytes;
}

function parseJson(text: string, headers: Record<string, string>): { ok: true; value: unknown } | { ok: false } {
  const type = headers['content-type'] ?? '';
  if (text.trim() === '' || !(/[/+]json\b/i.test(type) || (type === '' && /^\s*[[{]/.test(text)))) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function parseAnswer<T>(result: Extract<AttemptResult, { kind: 'response' }>, request: PipelineRequest, clientRequestId: string): PipelineResponse<T> {
  const parsed = parseJson(result.text, result.headers);
  if (!parsed.ok && /[/+]json\b/i.test(result.headers['content-type'] ?? '') && result.text.trim() !== '') {
    throw new AcgError({
      kind: 'unexpected',
      status: result.status,
      message: `${SERVICE_NAMES[request.service]} answered ${request.operation} with malformed JSON.`,
      service: request.service,
      operation: request.operation,
      clientRequestId,
    });
  }
  return { status: result.status, headers: result.headers, body: (parsed.ok ? parsed.value : undefined) as T, text: result.text };
}

function describe(outcome: Outcome): string {
  if ('status' in outcome) return `answered ${outcome.status}`;
  return outcome.failure === 'timeout' ? 'timed out' : `connection failed (${outcome.code})`;
}

function giveUpReason(outcomes: readonly Outcome[]): string {
  const last = outcomes[outcomes.length - 1];
  const same = outcomes.every((o) => describe(o) === describe(last));
  if (!same) return `the last attempt ${describe(last)}`;
  if ('status' in last) return `the service kept answering ${last.status}`;
  return last.failure === 'timeout' ? 'every attempt timed out' : `the connection kept failing (${last.code})`;
}
