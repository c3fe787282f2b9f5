// A Swagger 2.0 contract checker for contract tests: resolves every `$ref` with json-schema-ref-parser, turns the
// Swagger schema dialect into JSON Schema for Ajv, and checks one HTTP exchange (request and response) against the
// operation it claims to be.
//
// Swagger 2.0 specifics and how they are handled:
// - `readOnly`: in a request body a read-only property is allowed and ignored, and never required (Azure's rule);
//   in a response it is an ordinary property.
// - `x-nullable: true`: `null` is accepted as well. Without it, `null` is a violation (Swagger 2.0 has no null type).
// - `x-ms-enum` with `modelAsString: true` is an extensible enum: an unlisted string is a warning, not an error
//   (clients must accept new values). Other enums are closed: an unlisted value is an error.
// - `format`: date-time, uri, uuid, int32, int64 and friends are checked (ajv-formats); formats Ajv does not know
//   (arm-id, duration-constant, …) are accepted as any string.
// - absent `additionalProperties` allows extra properties (JSON Schema's default, and Swagger's).
// - `discriminator`: a base schema dispatches on its discriminator property to the derived schema whose
//   `x-ms-discriminator-value` (or definition name) matches; unknown values validate against the base alone.
import $RefParser from '@apidevtools/json-schema-ref-parser';
import Ajv, { type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type Severity = 'error' | 'warning';

/** One finding: where (request or response, and a JSON pointer inside it), and what is wrong. */
export interface ContractIssue {
  severity: Severity;
  service: string;
  operationId: string;
  where: 'request' | 'response' | 'operation';
  /** A JSON pointer into the request or response: `/body/properties/name`, `/query/api-version`, `/status`, … */
  pointer: string;
  message: string;
  /** The exchange, for messages (`PUT /accounts/a1 → 201`). */
  context?: string;
}

export function formatIssue(issue: ContractIssue): string {
  const where = `${issue.severity === 'error' ? 'ERROR' : 'warning'} ${issue.service} ${issue.operationId} ${issue.where} ${issue.pointer || '/'}: ${issue.message}`;
  return issue.context ? `${where}  [${issue.context}]` : where;
}

/** One HTTP request and its answer, as a contract test saw it. Header names in any case. */
export interface HttpExchange {
  method: string;
  /** The path the service sees, without the query (`/accounts/a1` for the Provisioning API, the full ARM path). */
  path: string;
  query: URLSearchParams | Record<string, string | string[]>;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

export interface CheckOptions {
  /**
   * The test sent a request it knows breaks the spec (an error-path test). Request findings are then not reported;
   * instead the response must be an error (4xx), and a 2xx for a request the spec rejects is reported.
   */
  requestMayBeInvalid?: boolean;
}

interface SwaggerParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body' | 'formData';
  required?: boolean;
  schema?: JsonObject;
  type?: string;
  [key: string]: unknown;
}

interface ResponseSpec {
  code: string;
  /** Validator for the body, when the response declares a schema. */
  validate: ValidateFunction | undefined;
  /** Where the schema is in the (transformed) document, for the undeclared-property walk. */
  schemaRef: string | undefined;
  headers: Record<string, JsonObject>;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  pathTemplate: string;
  parameters: SwaggerParameter[];
  consumes: string[];
  produces: string[];
  responses: Map<string, ResponseSpec>;
  pageable: { itemName: string; nextLinkName: string | null } | undefined;
  longRunning: boolean;
  finalStateVia: string | undefined;
  bodyValidator: ValidateFunction | undefined;
  bodySchemaRef: string | undefined;
  bodyRequired: boolean;
}

export interface SwaggerSource {
  /** The service name used in findings (`arm`, `provisioning`). */
  service: string;
  /** Absolute path of the swagger file (relative `$ref`s resolve against it). */
  file: string;
  /** The parsed document. */
  document: JsonObject;
  /**
   * Supplies documents for `$ref`s to files that are not on disk (the ARM common-types stand-in). Called with the
   * absolute URL the ref-parser computed; return undefined to let the ordinary file resolver try.
   */
  standIn?: (url: string) => JsonObject | undefined;
  /** Treat every enum as closed, even `modelAsString: true` ones. */
  strictEnums?: boolean;
}

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const EXTENSIBLE_ENUM = 'x-acg-extensible-enum';

/** Warnings raised while a validator runs (the extensible-enum keyword cannot fail, so it reports here). */
let warningSink: { instancePath: string; message: string }[] = [];

export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, addUsedSchema: false });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: EXTENSIBLE_ENUM,
    schemaType: 'array',
    errors: false,
    validate(schema: unknown[], data: unknown, _parent?: unknown, cxt?: { instancePath: string }) {
      if (typeof data === 'string' && !schema.includes(data)) {
        warningSink.push({
          instancePath: cxt?.instancePath ?? '',
          message: `'${data}' is not one of the documented values ${schema.map((v) => String(v)).join(', ')} (extensible enum: allowed, but undocumented)`,
        });
      }
      return true;
    },
  });
  return ajv;
}

/** Run a validator and collect its errors and extensible-enum warnings. */
export function runValidator(validate: ValidateFunction, data: unknown): { errors: ErrorObject[]; warnings: { instancePath: string; message: string }[] } {
  const previous = warningSink;
  warningSink = [];
  try {
    const ok = validate(data);
    return { errors: ok ? [] : [...(validate.errors ?? [])], warnings: warningSink };
  } finally {
    warningSink = previous;
  }
}

/** Strip documentation that points at files (`x-ms-examples`), as SOURCES.md asks, before resolving `$ref`s. */
export function stripExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExamples);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) if (key !== 'x-ms-examples') out[key] = stripExamples(child);
  return out;
}

/** Every `$ref` string in a document. */
export function collectRefs(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.add(child);
      else collectRefs(child, into);
    }
  }
  return into;
}

/** Resolves all `$ref`s into one self-contained document (external files inlined) with json-schema-ref-parser. */
export async function bundleSwagger(source: SwaggerSource): Promise<JsonObject> {
  const parser = new $RefParser();
  const standIn = source.standIn;
  const bundled = await parser.bundle(source.file, stripExamples(source.document) as JsonObject, {
    resolve: {
      http: false,
      external: true,
      ...(standIn
        ? {
            standIn: {
              order: 1,
              canRead: (file: { url: string }) => standIn(file.url) !== undefined,
              read: (file: { url: string }) => JSON.stringify(standIn(file.url)),
            },
          }
        : {}),
    },
  });
  const leftovers = [...collectRefs(bundled)].filter((ref) => !ref.startsWith('#'));
  if (leftovers.length > 0) throw new Error(`${source.file}: unresolved external $refs after bundling: ${leftovers.join(', ')}`);
  return JSON.parse(JSON.stringify(bundled)) as JsonObject;
}

/** Escape one JSON pointer token and make it safe in a URI fragment. */
export function pointerToken(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** The value a local `$ref` (`#/a/b%7Bc%7D`) points at. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`Not a local $ref: ${ref}`);
  const body = ref.slice(1);
  if (body === '') return document;
  let current: unknown = document;
  for (const raw of body.split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current)) current = current[token];
    else return undefined;
  }
  return current;
}

/** Follows `$ref`s until a non-reference node; returns it with its pointer. */
function follow(document: JsonObject, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let i = 0; i < 32 && isObject(current) && typeof current.$ref === 'string'; i++) {
    at = current.$ref.slice(1);
    current = resolvePointer(document, current.$ref);
  }
  return { node: current, pointer: at };
}

// ---------------------------------------------------------------------------------------------------------------
// Swagger schema → JSON Schema (in place, keeping every node where it was so that `$ref` pointers stay valid)

const SCHEMA_MAPS = ['properties', 'patternProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_SINGLES = ['additionalProperties', 'not', 'items'];

function transformSchema(node: unknown, mode: 'request' | 'response', strictEnums: boolean, unknownFormats: Set<string>, knownFormats: Set<string>): void {
  if (!isObject(node)) return;
  delete node.discriminator;
  if (node.type === 'file') delete node.type;
  if (typeof node.format === 'string' && !knownFormats.has(node.format)) unknownFormats.add(node.format);
  // Draft-04 booleans (Swagger 2.0) → draft-07 numbers
  if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
    node.exclusiveMaximum = node.maximum;
    delete node.maximum;
  } else if (typeof node.exclusiveMaximum === 'boolean') delete node.exclusiveMaximum;
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    node.exclusiveMinimum = node.minimum;
    delete node.minimum;
  } else if (typeof node.exclusiveMinimum === 'boolean') delete node.exclusiveMinimum;
  const msEnum = node['x-ms-enum'];
  if (!strictEnums && Array.isArray(node.enum) && isObject(msEnum) && msEnum.modelAsString === true) {
    node[EXTENSIBLE_ENUM] = node.enum;
    delete node.enum;
  }
  if (mode === 'request' && Array.isArray(node.required) && isObject(node.properties)) {
    const properties = node.properties;
    node.required = node.required.filter((name) => !(typeof name === 'string' && isObject(properties[name]) && properties[name].readOnly === true));
  }
  if (node['x-nullable'] === true) {
    if (typeof node.$ref === 'string') {
      const ref = node.$ref;
      delete node.$ref;
      node.anyOf = [{ type: 'null' }, { $ref: ref }];
    } else if (typeof node.type === 'string') {
      node.type = [node.type, 'null'];
      if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
    }
  }
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map)) for (const child of Object.values(map)) transformSchema(child, mode, strictEnums, unknownFormats, knownFormats);
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) for (const child of list) transformSchema(child, mode, strictEnums, unknownFormats, knownFormats);
  }
  for (const key of SCHEMA_SINGLES) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) transformSchema(item, mode, strictEnums, unknownFormats, knownFormats);
    else transformSchema(child, mode, strictEnums, unknownFormats, knownFormats);
  }
}

/**
 * Swagger's polymorphism: `definitions[Base].discriminator = 'kind'`, and each `definitions[Derived]` has
 * `allOf: [{$ref: Base}]` plus `x-ms-discriminator-value`. A copy of the base (without dispatch) is kept under a new
 * name for the derived schemas to extend, and the base gains one `if kind = value then Derived` rule per derived type.
 */
function expandDiscriminators(definitions: JsonObject): void {
  for (const [baseName, base] of Object.entries(definitions)) {
    if (!isObject(base) || typeof base.discriminator !== 'string') continue;
    const property = base.discriminator;
    const baseRef = `#/definitions/${pointerToken(baseName)}`;
    const plainName = `${baseName}.acg-base`;
    const plain: JsonObject = JSON.parse(JSON.stringify(base)) as JsonObject;
    delete plain.discriminator;
    definitions[plainName] = plain;
    const rules: JsonObject[] = [];
    for (const [derivedName, derived] of Object.entries(definitions)) {
      if (!isObject(derived) || !Array.isArray(derived.allOf)) continue;
      const parent = derived.allOf.find((part): part is JsonObject => isObject(part) && part.$ref === baseRef);
      if (!parent) continue;
      parent.$ref = `#/definitions/${pointerToken(plainName)}`;
      const value = typeof derived['x-ms-discriminator-value'] === 'string' ? derived['x-ms-discriminator-value'] : derivedName;
      rules.push({ if: { properties: { [property]: { const: value } }, required: [property] }, then: { $ref: `#/definitions/${pointerToken(derivedName)}` } });
    }
    base.allOf = [...(Array.isArray(base.allOf) ? base.allOf : []), ...rules];
  }
}

/** Every place a Swagger document holds a schema. */
function forEachSchemaRoot(document: JsonObject, visit: (schema: unknown) => void): void {
  for (const value of Object.values(isObject(document.definitions) ? document.definitions : {})) visit(value);
  for (const value of Object.values(isObject(document.parameters) ? document.parameters : {})) if (isObject(value)) visit(value.schema);
  for (const value of Object.values(isObject(document.responses) ? document.responses : {})) if (isObject(value)) visit(value.schema);
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    const visitParams = (params: unknown) => {
      if (Array.isArray(params)) for (const p of params) if (isObject(p)) visit(p.schema);
    };
    visitParams(item.parameters);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      visitParams(op.parameters);
      if (isObject(op.responses)) for (const r of Object.values(op.responses)) if (isObject(r)) visit(r.schema);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

let documentCounter = 0;

/** One service's operations, compiled for checking exchanges. */
export class SwaggerContract {
  readonly service: string;
  readonly version: string;
  readonly operations = new Map<string, OperationSpec>();
  /** Formats the spec uses that Ajv does not know; accepted as any string. */
  readonly unknownFormats: string[];
  private readonly ajv: Ajv;
  private readonly paramValidators = new Map<string, ValidateFunction>();
  /** The transformed documents, for walking schemas (undeclared properties). */
  private readonly documents: Record<'request' | 'response', JsonObject> = { request: {}, response: {} };

  private constructor(service: string, bundled: JsonObject, strictEnums: boolean, ajv: Ajv) {
    this.service = service;
    this.ajv = ajv;
    const info = isObject(bundled.info) ? bundled.info : {};
    this.version = typeof info.version === 'string' ? info.version : '';
    const knownFormats = new Set(Object.keys(ajv.formats));
    const unknown = new Set<string>();
    documentCounter += 1;
    const ids = { request: `urn:acg-contract:${service}:${documentCounter}:request`, response: `urn:acg-contract:${service}:${documentCounter}:response` };
    for (const mode of ['request', 'response'] as const) {
      const copy = JSON.parse(JSON.stringify(bundled)) as JsonObject;
      if (isObject(copy.definitions)) expandDiscriminators(copy.definitions);
      forEachSchemaRoot(copy, (schema) => transformSchema(schema, mode, strictEnums, unknown, knownFormats));
      for (const format of unknown) if (!ajv.formats[format]) ajv.addFormat(format, true);
      ajv.addSchema({ ...copy, $id: ids[mode] } as AnySchema);
      this.documents[mode] = copy;
    }
    this.unknownFormats = [...unknown].sort();
    this.buildOperations(bundled, ids);
  }

  static async load(source: SwaggerSource, ajv: Ajv = createAjv()): Promise<SwaggerContract> {
    const bundled = await bundleSwagger(source);
    return new SwaggerContract(source.service, bundled, source.strictEnums ?? false, ajv);
  }

  /** For tests of the checker itself: a document that needs no file resolution. */
  static fromDocument(service: string, document: JsonObject, strictEnums = false): SwaggerContract {
    return new SwaggerContract(service, JSON.parse(JSON.stringify(stripExamples(document))) as JsonObject, strictEnums, createAjv());
  }

  private buildOperations(document: JsonObject, ids: { request: string; response: string }): void {
    const globalConsumes = Array.isArray(document.consumes) ? (document.consumes as string[]) : ['application/json'];
    const globalProduces = Array.isArray(document.produces) ? (document.produces as string[]) : ['application/json'];
    const paths = isObject(document.paths) ? document.paths : {};
    for (const [template, itemRaw] of Object.entries(paths)) {
      if (!isObject(itemRaw)) continue;
      const itemPointer = `/paths/${pointerToken(template)}`;
      for (const method of HTTP_METHODS) {
        const op = itemRaw[method];
        if (!isObject(op) || typeof op.operationId !== 'string') continue;
        const opPointer = `${itemPointer}/${method}`;
        const parameters: SwaggerParameter[] = [];
        let bodyPointer: string | undefined;
        let bodyRequired = false;
        const addParams = (list: unknown, pointer: string) => {
          if (!Array.isArray(list)) return;
          list.forEach((raw, index) => {
            const { node, pointer: at } = follow(document, raw, `${pointer}/${index}`);
            if (!isObject(node) || typeof node.name !== 'string') return;
            const param = node as SwaggerParameter;
            const existing = parameters.findIndex((p) => p.name === param.name && p.in === param.in);
            if (existing >= 0) parameters.splice(existing, 1);
            parameters.push(param);
            if (param.in === 'body') {
              bodyPointer = `${at}/schema`;
              bodyRequired = param.required === true;
            }
          });
        };
        addParams(itemRaw.parameters, `${itemPointer}/parameters`);
        addParams(op.parameters, `${opPointer}/parameters`);
        const responses = new Map<string, ResponseSpec>();
        if (isObject(op.responses)) {
          for (const [code, raw] of Object.entries(op.responses)) {
            const { node, pointer: at } = follow(document, raw, `${opPointer}/responses/${pointerToken(code)}`);
            if (!isObject(node)) continue;
            const validate = node.schema !== undefined ? this.ajv.compile({ $ref: `${ids.response}#${at}/schema` }) : undefined;
            const headers: Record<string, JsonObject> = {};
            if (isObject(node.headers)) for (const [name, h] of Object.entries(node.headers)) if (isObject(h)) headers[name.toLowerCase()] = h;
            responses.set(code, { code, validate, headers, schemaRef: node.schema !== undefined ? `#${at}/schema` : undefined });
          }
        }
        const pageableRaw = op['x-ms-pageable'];
        const lroOptions = op['x-ms-long-running-operation-options'];
        const spec: OperationSpec = {
          operationId: op.operationId,
          method: method.toUpperCase(),
          pathTemplate: template,
          parameters,
          consumes: Array.isArray(op.consumes) ? (op.consumes as string[]) : globalConsumes,
          produces: Array.isArray(op.produces) ? (op.produces as string[]) : globalProduces,
          responses,
          pageable: isObject(pageableRaw)
            ? {
                itemName: typeof pageableRaw.itemName === 'string' ? pageableRaw.itemName : 'value',
                nextLinkName: pageableRaw.nextLinkName === null ? null : typeof pageableRaw.nextLinkName === 'string' ? pageableRaw.nextLinkName : 'nextLink',
              }
            : undefined,
          longRunning: op['x-ms-long-running-operation'] === true,
          finalStateVia: isObject(lroOptions) && typeof lroOptions['final-state-via'] === 'string' ? lroOptions['final-state-via'] : undefined,
          bodyValidator: bodyPointer !== undefined ? this.ajv.compile({ $ref: `${ids.request}#${bodyPointer}` }) : undefined,
          bodySchemaRef: bodyPointer !== undefined ? `#${bodyPointer}` : undefined,
          bodyRequired,
        };
        this.operations.set(spec.operationId, spec);
      }
    }
  }

  operationIds(): string[] {
    return [...this.operations.keys()];
  }

  /** Checks one exchange against the operation it claims to be. Returns every finding (errors and warnings). */
  check(operationId: string, exchange: HttpExchange, options: CheckOptions = {}): ContractIssue[] {
    const op = this.operations.get(operationId);
    const issue = (severity: Severity, where: ContractIssue['where'], pointer: string, message: string): ContractIssue => ({
      severity,
      service: this.service,
      operationId,
      where,
      pointer,
      message,
    });
    if (!op) return [issue('error', 'operation', '', `operation '${operationId}' is not in the ${this.service} spec (${this.version})`)];
    const requestIssues = this.checkRequest(op, exchange, issue);
    const responseIssues = this.checkResponse(op, exchange, issue);
    if (!options.requestMayBeInvalid) return [...requestIssues, ...responseIssues];
    const requestErrors = requestIssues.filter((i) => i.severity === 'error');
    if (requestErrors.length > 0 && exchange.status < 400) {
      responseIssues.push(
        issue('error', 'response', '/status', `answered ${exchange.status} to a request the spec rejects (${requestErrors.map((i) => `${i.pointer}: ${i.message}`).join('; ')})`),
      );
    }
    return responseIssues;
  }

  /** Validates a response body alone against the schema of one status code (used for the spec's own examples). */
  checkResponseBody(operationId: string, status: string, body: unknown): ContractIssue[] {
    const op = this.operations.get(operationId);
    const response = op?.responses.get(status) ?? op?.responses.get('default');
    if (!op || !response) return [{ severity: 'error', service: this.service, operationId, where: 'response', pointer: '/status', message: `no response ${status} declared` }];
    if (!response.validate) return [];
    return this.schemaIssues(response.validate, body, '/body', (severity, pointer, message) => ({ severity, service: this.service, operationId, where: 'response', pointer, message }));
  }

  private checkRequest(op: OperationSpec, ex: HttpExchange, issue: (s: Severity, w: ContractIssue['where'], p: string, m: string) => ContractIssue): ContractIssue[] {
    const out: ContractIssue[] = [];
    if (ex.method.toUpperCase() !== op.method) out.push(issue('error', 'request', '/method', `method ${ex.method} but the operation is ${op.method} ${op.pathTemplate}`));
    const pathParams = matchTemplate(op.pathTemplate, ex.path);
    if (!pathParams) out.push(issue('error', 'request', '/path', `path '${ex.path}' does not match ${op.pathTemplate}`));
    const query = normalizeQuery(ex.query);
    const headers = lowerKeys(ex.requestHeaders);
    for (const param of op.parameters) {
      if (param.in === 'body' || param.in === 'formData') continue;
      let raw: string | undefined;
      let pointer: string;
      if (param.in === 'path') {
        raw = pathParams?.[param.name];
        pointer = `/path/${param.name}`;
        if (!pathParams) continue;
      } else if (param.in === 'query') {
        raw = query.get(param.name)?.[0];
        pointer = `/query/${param.name}`;
      } else {
        raw = headers[param.name.toLowerCase()];
        pointer = `/headers/${param.name}`;
      }
      if (raw === undefined) {
        if (param.required) out.push(issue('error', 'request', pointer, `required ${param.in} parameter '${param.name}' is missing`));
        continue;
      }
      const problem = this.checkSimpleValue(param, raw, param.in === 'header');
      if (problem) out.push(issue('error', 'request', pointer, problem));
      if (param.name === 'api-version' && this.version && raw !== this.version) {
        out.push(issue('error', 'request', pointer, `api-version '${raw}' is not the spec's version '${this.version}'`));
      }
    }
    const hasBody = ex.requestBody !== undefined && ex.requestBody !== '';
    if (op.bodyValidator) {
      if (!hasBody) {
        if (op.bodyRequired) out.push(issue('error', 'request', '/body', 'the operation requires a body, and none was sent'));
      } else {
        out.push(...this.schemaIssues(op.bodyValidator, ex.requestBody, '/body', (s, p, m) => issue(s, 'request', p, m)));
        if (op.bodySchemaRef) for (const u of undeclaredProperties(this.documents.request, { $ref: op.bodySchemaRef }, ex.requestBody, '/body')) out.push(issue('warning', 'request', u.pointer, u.message));
      }
    }
    if (hasBody) {
      const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type && !op.consumes.map((c) => c.toLowerCase()).includes(type)) {
        out.push(issue('error', 'request', '/headers/content-type', `content-type '${type}' is not one the operation consumes (${op.consumes.join(', ')})`));
      }
    }
    return out;
  }

  private checkResponse(op: OperationSpec, ex: HttpExchange, issue: (s: Severity, w: ContractIssue['where'], p: string, m: string) => ContractIssue): ContractIssue[] {
    const out: ContractIssue[] = [];
    const code = String(ex.status);
    let response = op.responses.get(code);
    if (!response && ex.status === 304) {
      // RFC 9110 §15.4.5: the declared If-None-Match / If-Modified-Since parameters mean a GET may answer 304, without a body.
      const conditional = op.parameters.some((p) => p.in === 'header' && ['if-none-match', 'if-modified-since'].includes(p.name.toLowerCase()));
      const sent = Object.keys(lowerKeys(ex.requestHeaders)).some((h) => h === 'if-none-match' || h === 'if-modified-since');
      if (conditional && sent && op.method === 'GET') {
        const body = ex.responseBody;
        return body === undefined || body === '' ? out : [issue('error', 'response', '/body', '304 Not Modified must not carry a body')];
      }
    }
    if (!response) {
      const declared = [...op.responses.keys()].join(', ');
      if (ex.status >= 400 && op.responses.has('default')) {
        response = op.responses.get('default');
      } else {
        out.push(issue('error', 'response', '/status', `status ${code} is not declared (declared: ${declared})`));
        return out;
      }
    }
    if (!response) return out;
    const headers = lowerKeys(ex.responseHeaders);
    const hasBody = ex.responseBody !== undefined && ex.responseBody !== '' && op.method !== 'HEAD';
    if (response.validate) {
      if (!hasBody) out.push(issue('error', 'response', '/body', `status ${code} declares a body, and none was returned`));
      else {
        out.push(...this.schemaIssues(response.validate, ex.responseBody, '/body', (s, p, m) => issue(s, 'response', p, m)));
        if (response.schemaRef) for (const u of undeclaredProperties(this.documents.response, { $ref: response.schemaRef }, ex.responseBody, '/body')) out.push(issue('warning', 'response', u.pointer, u.message));
      }
      // Checked when recorded: the emulator's exchange log may omit headers its HTTP layer adds on the wire.
      const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (hasBody && type && !op.produces.map((c) => c.toLowerCase()).includes(type)) {
        out.push(issue('error', 'response', '/headers/content-type', `content-type '${type}' is not one the operation produces (${op.produces.join(', ')})`));
      }
    } else if (hasBody) {
      out.push(issue('error', 'response', '/body', `status ${code} declares no body, but one was returned: ${preview(ex.responseBody)}`));
    }
    for (const [name, spec] of Object.entries(response.headers)) {
      const value = headers[name];
      if (value === undefined) continue;
      const problem = this.checkSimpleValue({ ...spec, name, in: 'header' } as SwaggerParameter, value, true);
      if (problem) out.push(issue('error', 'response', `/headers/${name}`, problem));
    }
    out.push(...declaredHeaderPresence(response, ex, headers).map(([severity, pointer, message]) => issue(severity, 'response', pointer, message)));
    if (op.pageable && ex.status < 300 && hasBody) {
      const body = ex.responseBody;
      if (!isObject(body) || !Array.isArray(body[op.pageable.itemName])) {
        out.push(issue('error', 'response', `/body/${op.pageable.itemName}`, `a pageable operation must return an array '${op.pageable.itemName}'`));
      } else if (op.pageable.nextLinkName && body[op.pageable.nextLinkName] !== undefined && body[op.pageable.nextLinkName] !== null && typeof body[op.pageable.nextLinkName] !== 'string') {
        out.push(issue('error', 'response', `/body/${op.pageable.nextLinkName}`, 'the next link must be a string'));
      }
    }
    if (op.longRunning && (ex.status === 201 || ex.status === 202)) {
      const poll = headers['azure-asyncoperation'] ?? headers.location;
      if (!poll) out.push(issue('error', 'response', '/headers', `long-running ${op.method} answered ${code} without an Azure-AsyncOperation or Location header to poll`));
      if (op.finalStateVia === 'location' && ex.status === 202 && !headers.location) {
        out.push(issue('error', 'response', '/headers/location', `final-state-via is 'location', so a 202 must carry a Location header`));
      }
    }
    return out;
  }

  private schemaIssues(validate: ValidateFunction, data: unknown, base: string, make: (s: Severity, pointer: string, message: string) => ContractIssue): ContractIssue[] {
    const { errors, warnings } = runValidator(validate, data);
    return [...describeErrors(errors, data).map((e) => make('error', `${base}${e.pointer}`, e.message)), ...warnings.map((w) => make('warning', `${base}${w.instancePath}`, w.message))];
  }

  /** A path, query or header value (always a string on the wire) against a non-body parameter or header spec. */
  private checkSimpleValue(spec: SwaggerParameter | JsonObject, raw: string, isHeader: boolean): string | undefined {
    const coerced = coerce(spec, raw, isHeader);
    if ('error' in coerced) return coerced.error;
    const schema: JsonObject = {};
    for (const key of ['type', 'format', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'items', 'minItems', 'maxItems', 'x-ms-enum']) {
      if (spec[key] !== undefined) schema[key] = spec[key];
    }
    if (isHeader && schema.format === 'date-time' && typeof coerced.value === 'string' && !Number.isNaN(Date.parse(coerced.value)) && /GMT$/.test(coerced.value)) {
      delete schema.format; // HTTP headers carry dates as RFC 7231 IMF-fixdate; both forms are accepted
    }
    transformSchema(schema, 'response', false, new Set(), new Set(Object.keys(this.ajv.formats)));
    const key = JSON.stringify(schema);
    let validate = this.paramValidators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.paramValidators.set(key, validate);
    }
    const { errors, warnings } = runValidator(validate, coerced.value);
    const first = describeErrors(errors, coerced.value)[0] ?? warnings[0];
    return first ? `'${raw}': ${first.message}` : undefined;
  }
}

/**
 * Properties the schema does not declare (where it says nothing about `additionalProperties`). Swagger allows them, so
 * they are warnings: an emulator leaking an internal field, or a client sending one the service does not know.
 */
export function undeclaredProperties(document: JsonObject, schema: unknown, data: unknown, pointer: string, depth = 0): { pointer: string; message: string }[] {
  if (depth > 40) return [];
  const node = derefSchema(document, schema);
  if (!node) return [];
  if (Array.isArray(data)) {
    const items = node.items ?? collectMembers(document, node).map((m) => m.items).find((i) => i !== undefined);
    return items === undefined ? [] : data.flatMap((item, i) => undeclaredProperties(document, items, item, `${pointer}/${i}`, depth + 1));
  }
  if (!isObject(data)) return [];
  const members = collectMembers(document, node).filter((m) => matchesCondition(m, data));
  const properties = new Map<string, unknown>();
  let additional: unknown;
  for (const member of members) {
    if (isObject(member.properties)) for (const [name, child] of Object.entries(member.properties)) if (!properties.has(name)) properties.set(name, child);
    if (member.additionalProperties === true || isObject(member.additionalProperties)) additional = member.additionalProperties;
  }
  if (properties.size === 0 && additional === undefined) return [];
  const out: { pointer: string; message: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const child = properties.get(key);
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (child !== undefined) out.push(...undeclaredProperties(document, child, value, at, depth + 1));
    else if (isObject(additional)) out.push(...undeclaredProperties(document, additional, value, at, depth + 1));
    else if (additional === undefined) out.push({ pointer: at, message: `'${key}' is not a property the spec declares here` });
  }
  return out;
}

/** A schema node with `$ref`s followed, and the `x-nullable` wrapper (anyOf [null, X]) unwrapped. */
function derefSchema(document: JsonObject, schema: unknown): JsonObject | undefined {
  let node = schema;
  for (let i = 0; i < 32; i++) {
    if (!isObject(node)) return undefined;
    if (typeof node.$ref === 'string') {
      node = resolvePointer(document, node.$ref);
      continue;
    }
    if (Array.isArray(node.anyOf) && node.anyOf.length === 2 && isObject(node.anyOf[0]) && node.anyOf[0].type === 'null') {
      node = node.anyOf[1];
      continue;
    }
    return node;
  }
  return undefined;
}

/** The node and everything it inherits through allOf (and discriminator `then` branches). */
function collectMembers(document: JsonObject, node: JsonObject, seen: Set<JsonObject> = new Set()): JsonObject[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const out = [node];
  for (const part of Array.isArray(node.allOf) ? node.allOf : []) {
    const member = derefSchema(document, part);
    if (member) out.push(...collectMembers(document, member, seen));
    if (isObject(part) && part.then !== undefined) {
      const then = derefSchema(document, part.then);
      if (then) out.push(...collectMembers(document, { ...then, 'x-acg-condition': part.if }, seen));
    }
  }
  return out;
}

/** Whether a discriminator branch (`x-acg-condition` = the `if` of its rule) applies to the data. */
function matchesCondition(member: JsonObject, data: JsonObject): boolean {
  const condition = member['x-acg-condition'];
  if (!isObject(condition) || !isObject(condition.properties)) return true;
  return Object.entries(condition.properties).every(([name, rule]) => isObject(rule) && data[name] === rule.const);
}

/**
 * Swagger 2.0 cannot mark a response header required, but the headers these specs declare come with rules (Azure
 * Core): a declared header is due when the request asked for it. Returns [severity, pointer, message] triples.
 */
function declaredHeaderPresence(response: ResponseSpec, ex: HttpExchange, headers: Record<string, string>): [Severity, string, string][] {
  const out: [Severity, string, string][] = [];
  const requestHeaders = lowerKeys(ex.requestHeaders);
  const query = normalizeQuery(ex.query);
  const declared = (name: string) => response.headers[name] !== undefined;
  const missing = (name: string) => headers[name] === undefined;
  if (declared('x-ms-record-count') && query.get('countRecords')?.[0] === 'true' && missing('x-ms-record-count')) {
    out.push(['error', '/headers/x-ms-record-count', 'countRecords=true was requested, and the declared x-ms-record-count header is missing']);
  }
  if (declared('x-ms-client-request-id') && requestHeaders['x-ms-client-request-id'] !== undefined) {
    if (missing('x-ms-client-request-id')) out.push(['error', '/headers/x-ms-client-request-id', 'the request sent x-ms-client-request-id; the declared response header must echo it']);
    else if (headers['x-ms-client-request-id'] !== requestHeaders['x-ms-client-request-id']) out.push(['error', '/headers/x-ms-client-request-id', 'does not echo the request\'s x-ms-client-request-id']);
  }
  if (declared('repeatability-result') && requestHeaders['repeatability-request-id'] !== undefined && missing('repeatability-result')) {
    out.push(['error', '/headers/repeatability-result', 'the request sent Repeatability-Request-ID; the declared Repeatability-Result header is missing']);
  }
  if (declared('etag') && missing('etag') && ex.status < 300) out.push(['warning', '/headers/etag', 'the declared ETag header is missing']);
  if (declared('x-ms-error-code') && ex.status >= 400) {
    const body = ex.responseBody;
    const code = isObject(body) && isObject(body.error) ? body.error.code : undefined;
    if (missing('x-ms-error-code')) out.push(['error', '/headers/x-ms-error-code', 'the declared x-ms-error-code header is missing from an error answer']);
    else if (typeof code === 'string' && headers['x-ms-error-code'] !== code) out.push(['error', '/headers/x-ms-error-code', `'${headers['x-ms-error-code']}' differs from the body's error.code '${code}'`]);
  }
  return out;
}

function coerce(spec: JsonObject, raw: string, isHeader: boolean): { value: unknown } | { error: string } {
  switch (spec.type) {
    case 'integer':
      return /^-?\d+$/.test(raw.trim()) ? { value: Number(raw) } : { error: `'${raw}' is not an integer` };
    case 'number':
      return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? { value: Number(raw) } : { error: `'${raw}' is not a number` };
    case 'boolean':
      return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { error: `'${raw}' is not a boolean (true or false)` };
    case 'array': {
      const separator = spec.collectionFormat === 'ssv' ? ' ' : spec.collectionFormat === 'tsv' ? '\t' : spec.collectionFormat === 'pipes' ? '|' : ',';
      return { value: raw.split(separator).map((s) => (isHeader ? s.trim() : s)) };
    }
    default:
      return { value: raw };
  }
}

/** Matches a path against a Swagger path template (ARM paths are case-insensitive); returns the decoded parameters. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (m) {
        names.push(m[1]);
        return '([^/]+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const match = new RegExp(`^${source}/?$`, 'i').exec(path);
  if (!match) return undefined;
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      out[name] = decodeURIComponent(match[i + 1]);
    } catch {
      out[name] = match[i + 1];
    }
  });
  return out;
}

export function normalizeQuery(query: HttpExchange['query']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string) => out.set(key, [...(out.get(key) ?? []), value]);
  if (query instanceof URLSearchParams) for (const [k, v] of query) add(k, v);
  else for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) add(k, item);
  return out;
}

export function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export function preview(value: unknown, max = 120): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current)) current = current[token];
    else return undefined;
  }
  return current;
}

/** Ajv errors as pointer + message, with the offending value, dropping the noise anyOf/if produce around them. */
export function describeErrors(errors: ErrorObject[], data: unknown): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  const seen = new Set<string>();
  const nullableFailures = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'anyOf') continue;
    // `x-nullable` wraps a schema as anyOf [null, schema]: the "must be null" branch is noise when the value is not null
    if (error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null' && nullableFailures.has(error.instancePath)) continue;
    let pointer = error.instancePath;
    let message = error.message ?? error.keyword;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      pointer = `${pointer}/${params.missingProperty}`;
      message = `required property '${params.missingProperty}' is missing`;
    } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      message = `${preview(valueAt(data, pointer))} is not one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    } else {
      message = `${preview(valueAt(data, pointer))} ${message}`;
    }
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message });
  }
  return out;
}
