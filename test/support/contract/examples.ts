// Turns a spec example (`{operationId, parameters, responses}`) into the HTTP request it describes: path parameters
// into the operation's path template, query and header parameters into the query and headers, and the body
// parameter into the body. Callers may substitute parameter values (the emulator has no subscription
// 00000000-0000-0000-0000-000000000000, so the examples' placeholders are swapped for demo ones).
import { PROVISIONING_API_VERSION, type ContractHarness } from './harness';
import type { SpecExample } from './specs';
import { isObject, type JsonObject, type SwaggerContract } from './swagger';

export interface ExampleRequest {
  operationId: string;
  method: string;
  /** Path as the service sees it (template filled in, segments encoded). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  /** Status codes the example documents, as numbers. */
  expectedStatuses: number[];
  /** Parameter values after substitution, by name. */
  parameters: JsonObject;
}

export function buildExampleRequest(swagger: SwaggerContract, example: SpecExample, substitute: (name: string, value: unknown) => unknown = (_n, v) => v): ExampleRequest {
  const op = swagger.operations.get(example.operationId);
  if (!op) throw new Error(`${example.relative}: operation ${example.operationId} is not in the ${swagger.service} spec`);
  const parameters: JsonObject = {};
  for (const [name, value] of Object.entries(example.parameters)) parameters[name] = substitute(name, value);
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  let body: unknown;
  let path = op.pathTemplate;
  for (const param of op.parameters) {
    const value = parameters[param.name];
    if (value === undefined) continue;
    switch (param.in) {
      case 'path':
        path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
        break;
      case 'query':
        query.set(param.name, Array.isArray(value) ? value.map(String).join(',') : String(value));
        break;
      case 'header':
        headers[param.name] = String(value);
        break;
      case 'body':
        body = value;
        break;
      default:
        break;
    }
  }
  const missing = /\{([^}]+)\}/.exec(path);
  if (missing) throw new Error(`${example.relative}: no value for path parameter '${missing[1]}'`);
  if (body !== undefined) {
    const consumes = op.consumes[0] ?? 'application/json';
    headers['content-type'] = consumes;
  }
  return {
    operationId: op.operationId,
    method: op.method,
    path,
    query,
    headers,
    body,
    expectedStatuses: Object.keys(example.responses).map(Number).filter((n) => Number.isInteger(n)),
    parameters,
  };
}

/** Creates first, reads and updates next, deletes last; parents before children. */
export function rankExample(example: SpecExample, method: string, path: string): number {
  const depth = path.split('/').length;
  if (method === 'DELETE' || example.operationId.endsWith('DeleteNumbers')) return 300 - depth;
  if (method === 'PUT' || example.operationId.endsWith('CreateOrUpdateNumbers')) return 100 + depth;
  return 200;
}

/** Provisioning examples name a Teams tenant and a civic address the demo tenant does not have: use seeded ones. */
export async function substituteProvisioning(h: ContractHarness, example: SpecExample, replaced: Map<string, unknown>): Promise<void> {
  const q = `api-version=${PROVISIONING_API_VERSION}`;
  const tenantId = example.parameters.tenantId;
  if (typeof tenantId === 'string') {
    const found = await h.call('provisioning', 'GET', `/teamsRequestsForInformation/${tenantId}?${q}`);
    if (found.status === 404) {
      const list = await h.call('provisioning', 'GET', `/teamsRequestsForInformation?${q}`);
      const first = isObject(list.body) && Array.isArray(list.body.value) ? list.body.value.find(isObject) : undefined;
      if (first && typeof first.tenantId === 'string') replaced.set('tenantId', first.tenantId);
    }
  }
  const civicAddressId = example.parameters.civicAddressId;
  const accountName = example.parameters.accountName;
  if (typeof civicAddressId === 'string' && typeof accountName === 'string') {
    const found = await h.call('provisioning', 'GET', `/accounts/${encodeURIComponent(accountName)}/teamsCivicAddresses/${encodeURIComponent(civicAddressId)}?${q}`);
    if (found.status === 404) {
      const accounts = await h.call('provisioning', 'GET', `/accounts?${q}`);
      for (const account of isObject(accounts.body) && Array.isArray(accounts.body.value) ? accounts.body.value.filter(isObject) : []) {
        const name = String(account.name);
        const list = await h.call('provisioning', 'GET', `/accounts/${encodeURIComponent(name)}/teamsCivicAddresses?${q}`);
        const first = isObject(list.body) && Array.isArray(list.body.value) ? list.body.value.find(isObject) : undefined;
        if (first && typeof first.id === 'string') {
          replaced.set('accountName', name);
          replaced.set('civicAddressId', first.id);
          return;
        }
      }
    }
  }
}
