// A deliberately small router: each service registers operations with the spec's operationId, so that contract tests
// and the exchange log can tie every request to the operation it exercised.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { TokenClaims } from './tokens';

export type ServiceName = 'entra' | 'arm' | 'provisioning' | 'graph' | 'admin';
export const SERVICES: readonly ServiceName[] = ['entra', 'arm', 'provisioning', 'graph', 'admin'];

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE' | 'HEAD';

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: HttpMethod;
  readonly url: URL;
  /** Path after the service prefix (e.g. `/accounts/a1` for the Provisioning API). */
  readonly path: string;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
  /** Parsed JSON or form body; `undefined` when there is none. A body that fails to parse is a 400 before routing. */
  readonly body: unknown;
  /** `https://host:port` exactly as the caller addressed us (issuer URLs must match the authority byte for byte). */
  readonly origin: string;
  readonly service: ServiceName;
  /** Set by the service's authentication step. */
  claims?: TokenClaims;
  /** Extra routing data a service prefix carries (the gateway domain for the Provisioning API). */
  readonly scope: Record<string, string>;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as given (set content-type yourself). */
  body?: unknown;
}

export type Handler = (ctx: RequestContext) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Route {
  readonly method: HttpMethod;
  readonly pattern: string;
  readonly operationId: string;
  readonly handler: Handler;
  readonly regex: RegExp;
  readonly paramNames: readonly string[];
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/**
 * Routes for one service. Patterns use `{name}` for a path segment (or the part of a segment before a `:action`
 * suffix, as in `/accounts/{accountName}:deleteNumbers`).
 */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly caseInsensitive = false) {}

  add(method: HttpMethod, pattern: string, operationId: string, handler: Handler): this {
    const paramNames: string[] = [];
    const source = pattern
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const param = /^\{([^}]+)\}$/.exec(part);
        if (param) {
          paramNames.push(param[1]);
          return '([^/:]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    const regex = new RegExp(`^${source}/?$`, this.caseInsensitive ? 'i' : '');
    this.routes.push({ method, pattern, operationId, handler, regex, paramNames });
    return this;
  }

  /** The route for a method and path, or which methods the path allows (for 405). */
  match(method: string, path: string): RouteMatch | { allowed: HttpMethod[] } {
    const allowed: HttpMethod[] = [];
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1]);
      });
      return { route, params };
    }
    return { allowed };
  }

  list(): readonly Route[] {
    return this.routes;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, body, headers };
}

export function noContent(status = 204, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers };
}

export function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Narrowing helper for handlers that expect a JSON object body. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
