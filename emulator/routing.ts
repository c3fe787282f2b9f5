// Which service a request is for, and the answers the front door gives in that service's own shape (server.ts).
import { coreError, armError, graphError } from './errors';
import { isEntraPath } from './entra';
import type { EmulatorResponse, ServiceName } from './http';
import { EMULATOR_GRAPH_PATH, EMULATOR_PROVISIONING_PATH } from '../src/core/clouds';

/**
 * The URL of a request. A request target is a path, never an authority, so `//subscriptions/…` (what
 * @azure/arm-resources sends for every `*ById` call, and what ARM accepts) is the path `/subscriptions/…`, where
 * `new URL(target, origin)` would read `subscriptions` as the host. Leading slashes collapse to one, so that the
 * pathname (and every nextLink built from it) is the path the services route on.
 */
export function requestUrl(target: string, origin: string): URL {
  return target.startsWith('/') ? new URL(`${origin}${target.replace(/^\/{2,}/, '/')}`) : new URL(target, origin);
}

/** Which service a path belongs to, and the path that service sees. */
export function classify(pathname: string): { service: ServiceName; path: string; scope: Record<string, string> } {
  if (pathname.startsWith('/_admin/') || pathname === '/_admin') return { service: 'admin', path: pathname.slice('/_admin'.length) || '/', scope: {} };
  if (pathname === EMULATOR_GRAPH_PATH || pathname.startsWith(`${EMULATOR_GRAPH_PATH}/`)) {
    // Graph, like ARM, reads `/graph//v1.0/…` (a base URL with a trailing slash) as `/v1.0/…`.
    return { service: 'graph', path: pathname.slice(EMULATOR_GRAPH_PATH.length).replace(/^\/{2,}/, '/') || '/', scope: {} };
  }
  if (pathname.startsWith(`${EMULATOR_PROVISIONING_PATH}/`)) {
    const rest = pathname.slice(EMULATOR_PROVISIONING_PATH.length + 1);
    const slash = rest.indexOf('/');
    const domain = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
    return { service: 'provisioning', path: slash < 0 ? '/' : rest.slice(slash), scope: { domain } };
  }
  if (isEntraPath(pathname)) return { service: 'entra', path: pathname, scope: {} };
  return { service: 'arm', path: pathname, scope: {} };
}

/** A fault or a refusal the front door answers itself, in the service's own error shape. */
export function faultResponse(service: ServiceName, status: number, code: string, message: string): EmulatorResponse {
  switch (service) {
    case 'provisioning':
      return coreError(status, code, message);
    case 'graph':
      return graphError(status, code, message);
    case 'entra':
      return { status, body: { error: status === 429 || status >= 500 ? 'temporarily_unavailable' : 'invalid_request', error_description: message } };
    default:
      return armError(status, code, message);
  }
}

/** No route: each service's own 404 (Graph's is a 400, as Graph answers an unknown segment). */
export function notFound(service: ServiceName, path: string): EmulatorResponse {
  switch (service) {
    case 'provisioning':
      return coreError(404, 'NotFound', `No operation matches ${path}.`);
    case 'graph':
      return graphError(400, 'BadRequest', `Resource not found for the segment in '${path}'.`);
    case 'arm':
      return armError(404, 'InvalidResourceType', `No route matches '${path}'.`);
    default:
      return { status: 404, body: { error: 'not_found', error_description: `No route matches '${path}'.` } };
  }
}
