// Turns a spec example (`{operationId, parameters, responses}`) into the HTTP request it describes: path parameters
// into the operation's path template, query and header parameters into the query and headers, and the body
// parameter into the body. Callers may substitute parameter values (the emulator has no subscription
// 00000000-0000-0000-0000-000000000000, so the examples' placeholders are swapped for demo ones).
import type { SpecExample } from './specs';
import type { JsonObject, SwaggerContract } from './swagger';

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
