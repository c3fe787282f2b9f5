// JSON batching (`POST /$batch`): up to 20 requests, each run through the same router and the same access checks
// with the outer request's token, in dependency order. Inner failures are inner statuses; only a malformed batch
// fails as a whole.
import type { IncomingHttpHeaders } from 'node:http';
import type { ServiceContext } from '../context';
import { isRecord, json, type EmulatorResponse, type HttpMethod, type RequestContext, type Router } from '../http';
import { authenticateGraph } from './auth';
import { badRequest, graphErrorFor } from './odata';

export const MAX_BATCH_REQUESTS = 20;
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface BatchItem {
  id: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface BatchResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function parseItems(req: RequestContext): BatchItem[] | EmulatorResponse {
  const requests = isRecord(req.body) ? req.body['requests'] : undefined;
  if (!Array.isArray(requests)) return badRequest(req, 'Invalid batch payload format: send {"requests": [{"id", "method", "url"}]}.');
  if (requests.length === 0) return badRequest(req, 'The batch has no requests.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    return badRequest(req, `The batch has ${requests.length} requests: the maximum is ${MAX_BATCH_REQUESTS}.`);
  }
  const items: BatchItem[] = [];
  for (const raw of requests) {
    if (!isRecord(raw)) return badRequest(req, 'Invalid batch payload format: each request must be an object.');
    const { id, method, url, headers, body, dependsOn } = raw;
    if (typeof id !== 'string' || id === '') return badRequest(req, "Invalid batch payload format: every request needs a string 'id'.");
    if (items.some((i) => i.id === id)) return badRequest(req, `Batch request contains a duplicate id '${id}'.`);
    const verb = typeof method === 'string' ? METHODS.find((m) => m === method.toUpperCase()) : undefined;
    if (!verb) return badRequest(req, `Request '${id}' has an invalid method '${String(method)}'.`);
    if (typeof url !== 'string' || /^[a-z]+:\/\//i.test(url)) return badRequest(req, `Request '${id}' needs a relative 'url', such as '/me'.`);
    const headerMap: Record<string, string> = {};
    if (isRecord(headers)) for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') headerMap[k.toLowerCase()] = v;
    if (body !== undefined && !headerMap['content-type']) {
      return badRequest(req, `Write request id : ${id} does not contain Content-Type header or body.`);
    }
    const deps = dependsOn === undefined ? [] : Array.isArray(dependsOn) ? dependsOn.filter((d): d is string => typeof d === 'string') : undefined;
    if (!deps) return badRequest(req, `Request '${id}' has an invalid 'dependsOn': use an array of request ids.`);
    items.push({ id, method: verb, url, headers: headerMap, body, dependsOn: deps });
  }
  const ids = new Set(items.map((i) => i.id));
  const unknown = items.flatMap((i) => i.dependsOn).find((d) => !ids.has(d));
  if (unknown) return badRequest(req, `dependsOn names a request id '${unknown}' that is not in the batch.`);
  return items;
}

/** Items in an order where each comes after what it depends on; `undefined` on a cycle. */
function dependencyOrder(items: BatchItem[]): BatchItem[] | undefined {
  const byId = new Map(items.map((i) => [i.id, i]));
  const order: BatchItem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: BatchItem): boolean => {
    const seen = state.get(item.id);
    if (seen === 'done') return true;
    if (seen === 'visiting') return false;
    state.set(item.id, 'visiting');
    for (const dep of item.dependsOn) if (!visit(byId.get(dep)!)) return false;
    state.set(item.id, 'done');
    order.push(item);
    return true;
  };
  return items.every(visit) ? order : undefined;
}

function innerContext(outer: RequestContext, item: BatchItem): RequestContext {
  // Graph reads an item's url relative to the version, and also takes it with the version in front: the JS client's
  // BatchRequestContent sends `/v1.0/…` for an absolute URL (and `/graph/v1.0/…` when that URL is the emulator's).
  const relative = item.url.replace(/^\/+/, '').replace(/^graph\/+(?=v1\.0\/)/i, '').replace(/^v1\.0\/+/i, '');
  const url = new URL(`${outer.origin}/graph/v1.0/${relative}`);
  const headers: IncomingHttpHeaders = { ...item.headers, host: outer.headers.host, authorization: outer.headers.authorization };
  const rawBody = item.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof item.body === 'string' ? item.body : JSON.stringify(item.body));
  return {
    req: outer.req,
    method: item.method,
    url,
    path: url.pathname.slice('/graph'.length),
    params: {},
    query: url.searchParams,
    headers,
    rawBody,
    body: item.body,
    origin: outer.origin,
    service: 'graph',
    scope: {},
  };
}

async function runOne(ctx: ServiceContext, router: Router, outer: RequestContext, item: BatchItem): Promise<EmulatorResponse> {
  const inner = innerContext(outer, item);
  if (/^\/v1\.0\/\$batch\/?$/i.test(inner.path)) return badRequest(inner, 'A batch cannot contain another batch.');
  const match = router.match(item.method, inner.path);
  if (!('route' in match)) {
    return match.allowed.length > 0
      ? graphErrorFor(inner, 405, 'Request_BadRequest', `${item.method} is not allowed on '${item.url}'.`)
      : badRequest(inner, `Resource not found for the segment in '${item.url}'.`);
  }
  Object.assign(inner.params, match.params);
  return (await authenticateGraph(ctx, inner)) ?? (await match.route.handler(inner));
}

export async function runBatch(ctx: ServiceContext, router: Router, req: RequestContext): Promise<EmulatorResponse> {
  const items = parseItems(req);
  if (!Array.isArray(items)) return items;
  const order = dependencyOrder(items);
  if (!order) return badRequest(req, 'The dependsOn chains of the batch form a cycle.');
  const results = new Map<string, BatchResult>();
  for (const item of order) {
    const failedDependency = item.dependsOn.some((d) => {
      const status = results.get(d)?.status ?? 0;
      return status < 200 || status >= 300;
    });
    const response = failedDependency
      ? graphErrorFor(req, 424, 'FailedDependency', 'A request this request depends on failed.')
      : await runOne(ctx, router, req, item);
    const headers: Record<string, string> = { ...response.headers };
    if (response.body !== undefined) headers['Content-Type'] ??= 'application/json; charset=utf-8';
    results.set(item.id, { id: item.id, status: response.status, headers, ...(response.body !== undefined ? { body: response.body } : {}) });
  }
  // Graph answers in its own order; the emulator keeps the caller's, which is one of the orders Graph may use.
  return json(200, { responses: items.map((i) => results.get(i.id)) });
}
