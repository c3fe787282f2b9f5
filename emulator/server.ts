// The emulator's HTTPS front door: one loopback origin that routes to Entra, ARM, the Provisioning API and Graph,
// applying fault injection, authentication and the exchange log in one place.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { registerAdmin } from './admin';
import { registerArm, authenticateArm } from './arm';
import type { RuntimeConfig, ServiceContext } from './context';
import { registerEntra } from './entra';
import { FaultInjector, type ServiceFaults } from './faults';
import { authenticateGraph, registerGraph } from './graph';
import { SERVICES, Router, isRecord, type EmulatorResponse, type HttpMethod, type RequestContext, type ServiceName } from './http';
import { authenticateProvisioning, registerProvisioning } from './provisioning';
import { DEFAULT_RATE_LIMIT, SlidingWindowLimiter, type RateLimitSettings } from './rateLimit';
import { createDemoState } from './seed/index';
import type { EmulatorState } from './state';
import { classify, faultResponse, notFound, requestUrl } from './routing';
import { ensureTlsMaterial } from './tls';
import { TokenService } from './tokens';

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 10443. */
  port?: number;
  /** Where the CA and server certificate live. Default `<cwd>/.emulator`. */
  dataDir?: string;
  /** Keep state in this JSON file across restarts (loaded when present, saved after changes). */
  stateFile?: string;
  /** Start from this state instead of the demo tenant (tests). */
  initialState?: EmulatorState;
  faults?: Partial<Record<'entra' | 'arm' | 'provisioning' | 'graph', Partial<ServiceFaults>>>;
  faultSeed?: number;
  rateLimit?: Partial<RateLimitSettings>;
  config?: Partial<RuntimeConfig>;
  log?: (line: string) => void;
}

export interface Exchange {
  id: string;
  service: ServiceName;
  operationId: string | undefined;
  method: string;
  url: string;
  path: string;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

export interface RouteInfo {
  service: ServiceName;
  method: HttpMethod;
  pattern: string;
  operationId: string;
}

export interface RunningEmulator {
  readonly url: string;
  readonly port: number;
  readonly caPath: string;
  readonly caCertPem: string;
  readonly context: ServiceContext;
  routes(): RouteInfo[];
  /** Every request and answer, for contract tests. Returns an unsubscribe function. */
  onExchange(listener: (exchange: Exchange) => void): () => void;
  stop(): Promise<void>;
}

export const DEFAULT_PORT = 10443;
export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = { syncDelayMs: 3000, armOperationDelayMs: 1000, deviceCodeAutoApproveMs: undefined, armPageSize: 50, appRoleAssignmentLagReads: 0 };

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? (() => undefined);
  const tls = ensureTlsMaterial(options.dataDir ?? join(process.cwd(), '.emulator'));
  const state = loadState(options);
  const config: RuntimeConfig = { ...DEFAULT_RUNTIME_CONFIG, ...options.config };
  let saveTimer: NodeJS.Timeout | undefined;
  const context: ServiceContext = {
    state,
    tokens: new TokenService(),
    faults: new FaultInjector(options.faults, options.faultSeed),
    limiter: new SlidingWindowLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit }),
    config,
    persist: () => {
      if (!options.stateFile || saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = undefined;
        saveState(options.stateFile!, state);
      }, 200);
    },
    now: () => Date.now(),
    log,
  };

  const routers: Record<ServiceName, Router> = {
    entra: registerEntra(context),
    arm: registerArm(context),
    provisioning: registerProvisioning(context),
    graph: registerGraph(context),
    admin: registerAdmin(context),
  };
  const listeners = new Set<(exchange: Exchange) => void>();
  const sockets = new Set<Socket>();

  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) send(res, { status: 500, body: { error: { code: 'InternalServerError', message: 'The emulator failed.' } } });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `https://${req.headers.host ?? `127.0.0.1:${port}`}`;
    const url = requestUrl(req.url ?? '/', origin);
    const { service, path, scope } = classify(url.pathname);
    const read = await readBody(req);
    const rawBody = read.body;
    const parsed: ParsedBody = read.tooLarge ? { ok: false, message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` } : parseBody(req, rawBody);
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;

    const latency = context.faults.latency(service);
    if (latency > 0) await delay(latency);

    let operationId: string | undefined;
    let response: EmulatorResponse;
    const fault = context.faults.draw(service);
    if (fault.kind === 'reset') {
      log(`fault: reset ${method} ${url.pathname}`);
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'error') {
      response = faultResponse(service, 503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).');
    } else if (fault.kind === 'throttle') {
      response = faultResponse(service, 429, 'TooManyRequests', 'Too many requests (injected fault).');
      response.headers = { ...response.headers, 'Retry-After': String(fault.retryAfterSeconds) };
    } else if (read.tooLarge) {
      response = faultResponse(service, 413, 'RequestEntityTooLarge', parsed.ok ? '' : parsed.message);
    } else if (!parsed.ok) {
      response = faultResponse(service, 400, 'InvalidRequestContent', parsed.message);
    } else {
      const ctx: RequestContext = {
        req,
        method,
        url,
        path,
        params: {},
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body: parsed.value,
        origin,
        service,
        scope,
      };
      const match = routers[service].match(method, path);
      if ('route' in match) {
        operationId = match.route.operationId;
        Object.assign(ctx.params, match.params);
        const denied = await authenticate(service, ctx);
        response = denied ?? (await match.route.handler(ctx));
        // A HEAD answer has a status and headers only, whatever the handler built (ARM: 204 or 404, no body).
        if (method === 'HEAD') response = { status: response.status, ...(response.headers ? { headers: response.headers } : {}) };
      } else if (match.allowed.length > 0) {
        response = faultResponse(service, 405, 'MethodNotAllowed', `${method} is not allowed here; use ${match.allowed.join(', ')}.`);
      } else {
        response = notFound(service, url.pathname);
      }
    }

    const requestId = randomUUID();
    const clientRequestId = headerValue(req, 'x-ms-client-request-id');
    const headers: Record<string, string> = {
      'x-ms-request-id': requestId,
      ...(service === 'arm' ? { 'x-ms-correlation-request-id': headerValue(req, 'x-ms-correlation-request-id') ?? requestId } : {}),
      ...(clientRequestId ? { 'x-ms-client-request-id': clientRequestId } : {}),
      ...response.headers,
    };
    if (fault.kind === 'lostAnswer') {
      // Handled (a write took effect), but the client never hears: the connection goes before the answer does.
      log(`fault: lost answer ${method} ${url.pathname} (${response.status})`);
      req.socket.destroy();
    }
    const sentHeaders = fault.kind === 'lostAnswer' ? headers : send(res, { ...response, headers });
    if (listeners.size > 0) {
      const exchange: Exchange = {
        id: requestId,
        service,
        operationId,
        method,
        url: url.toString(),
        path,
        requestHeaders: flattenHeaders(req.headers),
        requestBody: parsed.ok ? parsed.value : undefined,
        status: response.status,
        responseHeaders: lowerCaseKeys(sentHeaders),
        responseBody: response.body,
      };
      for (const listener of listeners) listener(exchange);
    }
  }

  async function authenticate(service: ServiceName, ctx: RequestContext): Promise<EmulatorResponse | undefined> {
    switch (service) {
      case 'arm':
        return authenticateArm(context, ctx);
      case 'provisioning':
        return authenticateProvisioning(context, ctx);
      case 'graph':
        return authenticateGraph(context, ctx);
      default:
        return undefined;
    }
  }

  const requestedPort = options.port ?? DEFAULT_PORT;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : requestedPort;
  const url = `https://127.0.0.1:${port}`;
  log(`listening on ${url}`);

  return {
    url,
    port,
    caPath: tls.caPath,
    caCertPem: tls.caCertPem,
    context,
    routes: () =>
      SERVICES.flatMap((service) =>
        routers[service].list().map((r) => ({ service, method: r.method, pattern: r.pattern, operationId: r.operationId })),
      ),
    onExchange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        if (options.stateFile) saveState(options.stateFile, state);
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** Writes the answer and returns the headers exactly as sent (with Content-Type and Content-Length). */
function send(res: ServerResponse, response: EmulatorResponse): Record<string, string> {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Buffer | undefined;
  if (response.body === undefined) {
    payload = undefined;
  } else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
    payload = response.body;
  } else {
    payload = JSON.stringify(response.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
  return headers;
}

/** ARM refuses a request body over 4 MB; the emulator does the same for every service (found by the request fuzz). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The body, or only the news that it is too large: the rest is read and dropped, so the client still gets an answer. */
async function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? { body: Buffer.alloc(0), tooLarge: true } : { body: Buffer.concat(chunks), tooLarge: false };
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

function parseBody(req: IncomingMessage, raw: Buffer): ParsedBody {
  if (raw.length === 0) return { ok: true, value: undefined };
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const text = raw.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type.includes('json') || type === '') {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, message: `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true, value: text };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function loadState(options: EmulatorOptions): EmulatorState {
  if (options.initialState) return structuredClone(options.initialState);
  if (options.stateFile && existsSync(options.stateFile)) {
    const raw: unknown = JSON.parse(readFileSync(options.stateFile, 'utf8'));
    if (!isRecord(raw) || raw.version !== 1) throw new Error(`${options.stateFile} is not an emulator state file (version 1).`);
    return raw as unknown as EmulatorState;
  }
  return createDemoState();
}

/** Write to a temporary file and rename, so that a crash mid-write never leaves a half-written state file. */
function saveState(file: string, state: EmulatorState): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}
