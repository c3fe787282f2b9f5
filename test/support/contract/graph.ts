// Microsoft Graph v1.0 has no spec file in ../shared/specs: API.md §4 lists the calls and fields the product reads.
// These compact, hand-made JSON Schemas cover exactly those resources, with the property names of the public Graph
// v1.0 reference, and the checker matches an exchange by method and path (so it does not depend on how the emulator
// names its Graph operations). Properties Graph does not define for a type are reported as warnings (an emulator
// leaking an internal field), `$select` is honoured (no unselected property may come back), and `$batch` answers are
// checked response by response against the operation each inner request addressed.
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv, describeErrors, isObject, lowerKeys, normalizeQuery, runValidator, type CheckOptions, type ContractIssue, type HttpExchange, type JsonObject } from './swagger';

const uuid = { type: 'string', format: 'uuid' };
const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const bool = { type: 'boolean' };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { anyOf: [{ type: 'null' }, dateTime] };
const strings = { type: 'array', items: str };

/** Graph resource schemas (v1.0), each with the full list of property names Graph defines for it. */
const DEFINITIONS: Record<string, JsonObject> = {
  appRole: {
    type: 'object',
    properties: {
      id: uuid,
      value: nullableStr,
      displayName: nullableStr,
      description: nullableStr,
      allowedMemberTypes: { type: 'array', items: { enum: ['User', 'Application'] } },
      isEnabled: bool,
      origin: nullableStr,
    },
    required: ['id', 'allowedMemberTypes'],
  },
  servicePrincipal: {
    type: 'object',
    properties: {
      id: str,
      appId: uuid,
      displayName: nullableStr,
      appDisplayName: nullableStr,
      appRoles: { type: 'array', items: { $ref: '#/definitions/appRole' } },
      servicePrincipalType: nullableStr,
      accountEnabled: { type: ['boolean', 'null'] },
      appOwnerOrganizationId: { anyOf: [{ type: 'null' }, uuid] },
      servicePrincipalNames: strings,
      tags: strings,
      alternativeNames: strings,
      appRoleAssignmentRequired: bool,
      signInAudience: nullableStr,
      deletedDateTime: nullableDateTime,
      description: nullableStr,
      homepage: nullableStr,
      notes: nullableStr,
      oauth2PermissionScopes: { type: 'array' },
      passwordCredentials: { type: 'array' },
      keyCredentials: { type: 'array' },
      replyUrls: strings,
      preferredSingleSignOnMode: nullableStr,
    },
    required: ['id', 'appId'],
  },
  appRoleAssignment: {
    type: 'object',
    properties: {
      id: str,
      principalId: uuid,
      principalType: { type: ['string', 'null'], enum: ['User', 'ServicePrincipal', 'Group', null] },
      principalDisplayName: nullableStr,
      resourceId: uuid,
      resourceDisplayName: nullableStr,
      appRoleId: uuid,
      createdDateTime: nullableDateTime,
      deletedDateTime: nullableDateTime,
    },
    required: ['id', 'principalId', 'resourceId', 'appRoleId'],
  },
  domain: {
    type: 'object',
    properties: {
      id: str,
      authenticationType: str,
      availabilityStatus: nullableStr,
      isAdminManaged: bool,
      isDefault: bool,
      isInitial: bool,
      isRoot: bool,
      isVerified: bool,
      manufacturer: nullableStr,
      model: nullableStr,
      passwordNotificationWindowInDays: { type: ['integer', 'null'] },
      passwordValidityPeriodInDays: { type: ['integer', 'null'] },
      supportedServices: strings,
      state: { type: ['object', 'null'] },
    },
    required: ['id', 'isVerified'],
  },
  domainDnsRecord: {
    type: 'object',
    properties: {
      '@odata.type': { enum: ['#microsoft.graph.domainDnsTxtRecord', '#microsoft.graph.domainDnsMxRecord', '#microsoft.graph.domainDnsCnameRecord', '#microsoft.graph.domainDnsSrvRecord', '#microsoft.graph.domainDnsUnavailableRecord'] },
      id: str,
      isOptional: bool,
      label: str,
      recordType: str,
      supportedService: str,
      ttl: { type: 'integer' },
      text: str,
      mailExchange: str,
      preference: { type: ['integer', 'null'] },
      canonicalName: str,
      description: str,
      nameTarget: str,
      port: { type: ['integer', 'null'] },
      priority: { type: ['integer', 'null'] },
      protocol: str,
      service: str,
      weight: { type: ['integer', 'null'] },
    },
    required: ['id', 'label', 'recordType', 'ttl'],
  },
  passwordCredential: {
    type: 'object',
    properties: {
      keyId: { anyOf: [{ type: 'null' }, uuid] },
      displayName: nullableStr,
      hint: nullableStr,
      startDateTime: nullableDateTime,
      endDateTime: nullableDateTime,
      secretText: nullableStr,
      customKeyIdentifier: nullableStr,
    },
  },
  application: {
    type: 'object',
    properties: {
      id: str,
      appId: uuid,
      displayName: nullableStr,
      identifierUris: strings,
      appRoles: { type: 'array', items: { $ref: '#/definitions/appRole' } },
      passwordCredentials: { type: 'array', items: { $ref: '#/definitions/passwordCredential' } },
      keyCredentials: { type: 'array' },
      createdDateTime: nullableDateTime,
      deletedDateTime: nullableDateTime,
      signInAudience: nullableStr,
      publisherDomain: nullableStr,
      tags: strings,
      notes: nullableStr,
      description: nullableStr,
      requiredResourceAccess: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            resourceAppId: str,
            resourceAccess: { type: 'array', items: { type: 'object', properties: { id: uuid, type: { enum: ['Role', 'Scope'] } }, required: ['id', 'type'] } },
          },
          required: ['resourceAppId', 'resourceAccess'],
        },
      },
    },
    required: ['id'],
  },
  user: {
    type: 'object',
    properties: {
      id: str,
      displayName: nullableStr,
      userPrincipalName: nullableStr,
      mail: nullableStr,
      givenName: nullableStr,
      surname: nullableStr,
      jobTitle: nullableStr,
      businessPhones: strings,
      mobilePhone: nullableStr,
      officeLocation: nullableStr,
      preferredLanguage: nullableStr,
    },
    required: ['id'],
  },
  organization: {
    type: 'object',
    properties: {
      id: str,
      displayName: nullableStr,
      verifiedDomains: { type: 'array', items: { type: 'object', properties: { name: str, isDefault: bool, isInitial: bool, type: nullableStr, capabilities: nullableStr } } },
      tenantType: nullableStr,
      createdDateTime: nullableDateTime,
      countryLetterCode: nullableStr,
    },
    required: ['id'],
  },
  error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: str,
          message: str,
          innerError: { type: 'object', properties: { date: str, 'request-id': str, 'client-request-id': str } },
          details: { type: 'array' },
        },
        required: ['code', 'message'],
      },
    },
    required: ['error'],
  },
  newAppRoleAssignment: {
    type: 'object',
    properties: { principalId: uuid, resourceId: uuid, appRoleId: uuid },
    required: ['principalId', 'resourceId', 'appRoleId'],
  },
  addPassword: {
    type: 'object',
    properties: { passwordCredential: { $ref: '#/definitions/passwordCredential' } },
  },
  newDomain: { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'] },
  newServicePrincipal: { type: 'object', properties: { appId: uuid }, required: ['appId'] },
  batchRequest: {
    type: 'object',
    properties: {
      requests: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', minLength: 1 },
            method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
            url: { type: 'string', minLength: 1 },
            headers: { type: 'object', additionalProperties: str },
            body: {},
            dependsOn: strings,
          },
          required: ['id', 'method', 'url'],
        },
      },
    },
    required: ['requests'],
  },
  batchResponse: {
    type: 'object',
    properties: {
      responses: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: str, status: { type: 'integer', minimum: 100, maximum: 599 }, headers: { type: 'object', additionalProperties: str }, body: {} },
          required: ['id', 'status'],
        },
      },
      '@odata.nextLink': str,
    },
    required: ['responses'],
  },
};

/** One Graph call from API.md §4 (plus the reads and writes around them). */
export interface GraphOperation {
  /** The emulator's operationId for the call (emulator/graph/auth.ts names them). */
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Pattern of the path after the API version segment, `{x}` for a segment. */
  pattern: string;
  /** 2xx statuses the call returns. */
  success: number[];
  /** Definition of the 2xx body; `collection` means `{value: [item]}`; undefined means no body. */
  body?: { item: string; collection?: boolean };
  /** Definition of the request body, when there is one. */
  request?: string;
}

export const GRAPH_OPERATIONS: GraphOperation[] = [
  { operationId: 'graph.servicePrincipals.list', method: 'GET', pattern: '/servicePrincipals', success: [200], body: { item: 'servicePrincipal', collection: true } },
  { operationId: 'graph.servicePrincipals.get', method: 'GET', pattern: '/servicePrincipals/{id}', success: [200], body: { item: 'servicePrincipal' } },
  { operationId: 'graph.servicePrincipals.create', method: 'POST', pattern: '/servicePrincipals', success: [201], body: { item: 'servicePrincipal' }, request: 'newServicePrincipal' },
  { operationId: 'graph.servicePrincipals.getByAppId', method: 'GET', pattern: "/servicePrincipals(appId='{appId}')", success: [200], body: { item: 'servicePrincipal' } },
  { operationId: 'graph.servicePrincipals.appRoleAssignments.list', method: 'GET', pattern: '/servicePrincipals/{id}/appRoleAssignments', success: [200], body: { item: 'appRoleAssignment', collection: true } },
  { operationId: 'graph.servicePrincipals.appRoleAssignments.create', method: 'POST', pattern: '/servicePrincipals/{id}/appRoleAssignments', success: [201], body: { item: 'appRoleAssignment' }, request: 'newAppRoleAssignment' },
  { operationId: 'graph.servicePrincipals.appRoleAssignments.delete', method: 'DELETE', pattern: '/servicePrincipals/{id}/appRoleAssignments/{assignmentId}', success: [204] },
  { operationId: 'graph.servicePrincipals.appRoleAssignedTo.list', method: 'GET', pattern: '/servicePrincipals/{id}/appRoleAssignedTo', success: [200], body: { item: 'appRoleAssignment', collection: true } },
  { operationId: 'graph.servicePrincipals.appRoleAssignedTo.create', method: 'POST', pattern: '/servicePrincipals/{id}/appRoleAssignedTo', success: [201], body: { item: 'appRoleAssignment' }, request: 'newAppRoleAssignment' },
  { operationId: 'graph.servicePrincipals.appRoleAssignedTo.delete', method: 'DELETE', pattern: '/servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}', success: [204] },
  { operationId: 'graph.me.get', method: 'GET', pattern: '/me', success: [200], body: { item: 'user' } },
  { operationId: 'graph.me.appRoleAssignments.list', method: 'GET', pattern: '/me/appRoleAssignments', success: [200], body: { item: 'appRoleAssignment', collection: true } },
  { operationId: 'graph.users.get', method: 'GET', pattern: '/users/{id}', success: [200], body: { item: 'user' } },
  { operationId: 'graph.users.appRoleAssignments.create', method: 'POST', pattern: '/users/{id}/appRoleAssignments', success: [201], body: { item: 'appRoleAssignment' }, request: 'newAppRoleAssignment' },
  { operationId: 'graph.domains.list', method: 'GET', pattern: '/domains', success: [200], body: { item: 'domain', collection: true } },
  { operationId: 'graph.domains.create', method: 'POST', pattern: '/domains', success: [201], body: { item: 'domain' }, request: 'newDomain' },
  { operationId: 'graph.domains.get', method: 'GET', pattern: '/domains/{id}', success: [200], body: { item: 'domain' } },
  { operationId: 'graph.domains.verificationDnsRecords.list', method: 'GET', pattern: '/domains/{id}/verificationDnsRecords', success: [200], body: { item: 'domainDnsRecord', collection: true } },
  { operationId: 'graph.domains.verify', method: 'POST', pattern: '/domains/{id}/verify', success: [200], body: { item: 'domain' } },
  { operationId: 'graph.applications.list', method: 'GET', pattern: '/applications', success: [200], body: { item: 'application', collection: true } },
  { operationId: 'graph.applications.get', method: 'GET', pattern: '/applications/{id}', success: [200], body: { item: 'application' } },
  { operationId: 'graph.applications.getByAppId', method: 'GET', pattern: "/applications(appId='{appId}')", success: [200], body: { item: 'application' } },
  { operationId: 'graph.applications.addPassword', method: 'POST', pattern: '/applications/{id}/addPassword', success: [200], body: { item: 'passwordCredential' }, request: 'addPassword' },
  { operationId: 'graph.batch', method: 'POST', pattern: '/$batch', success: [200], body: { item: 'batchResponse' }, request: 'batchRequest' },
];

interface CompiledGraphOperation extends GraphOperation {
  regex: RegExp;
  item?: ValidateFunction;
  page?: ValidateFunction;
  requestValidator?: ValidateFunction;
}

/** `/v1.0/servicePrincipals/x` → `/servicePrincipals/x` (and the version). */
export function splitGraphPath(path: string): { version: string | undefined; rest: string } {
  const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(path);
  return m ? { version: m[1], rest: m[2] ?? '/' } : { version: undefined, rest: path };
}

export class GraphContract {
  readonly operations: readonly CompiledGraphOperation[];
  private readonly ajv: Ajv;
  private readonly errorValidator: ValidateFunction;

  constructor() {
    this.ajv = createAjv();
    this.ajv.addSchema({ $id: 'urn:acg-contract:graph', definitions: DEFINITIONS });
    const ref = (name: string) => this.ajv.compile({ $ref: `urn:acg-contract:graph#/definitions/${name}` });
    this.errorValidator = ref('error');
    this.operations = GRAPH_OPERATIONS.map((op) => ({
      ...op,
      regex: patternRegex(op.pattern),
      item: op.body ? ref(op.body.item) : undefined,
      page: op.body?.collection
        ? this.ajv.compile({
            type: 'object',
            properties: {
              '@odata.context': { type: 'string' },
              '@odata.nextLink': { type: 'string', format: 'uri' },
              '@odata.count': { type: 'integer' },
              value: { type: 'array' },
            },
            required: ['value'],
          })
        : undefined,
      requestValidator: op.request ? ref(op.request) : undefined,
    }));
  }

  /** The Graph operation a method and path address (the path as the emulator's Graph service sees it). */
  find(method: string, path: string): CompiledGraphOperation | undefined {
    const { rest } = splitGraphPath(path);
    const decoded = safeDecode(rest);
    return this.operations.find((op) => op.method === method.toUpperCase() && (op.regex.test(rest) || op.regex.test(decoded)));
  }

  check(operationId: string, exchange: HttpExchange, options: CheckOptions = {}): ContractIssue[] {
    const all = this.checkAll(operationId, exchange);
    if (!options.requestMayBeInvalid) return all;
    const requestErrors = all.filter((i) => i.where === 'request' && i.severity === 'error');
    const rest = all.filter((i) => i.where !== 'request');
    if (requestErrors.length > 0 && exchange.status < 400) {
      rest.push({ severity: 'error', service: 'graph', operationId, where: 'response', pointer: '/status', message: `answered ${exchange.status} to a request the contract rejects (${requestErrors.map((i) => `${i.pointer}: ${i.message}`).join('; ')})` });
    }
    return rest;
  }

  private checkAll(operationId: string, exchange: HttpExchange): ContractIssue[] {
    const out: ContractIssue[] = [];
    const issue = (severity: ContractIssue['severity'], where: ContractIssue['where'], pointer: string, message: string) =>
      out.push({ severity, service: 'graph', operationId, where, pointer, message });
    const { version } = splitGraphPath(exchange.path);
    if (version !== 'v1.0') issue('error', 'request', '/path', `Graph calls must address v1.0 (got '${exchange.path}')`);
    const byPath = this.find(exchange.method, exchange.path);
    const byId = this.operations.find((o) => o.operationId === operationId);
    if (!byId) issue('error', 'operation', '', `no Graph contract (API.md §4) for operation '${operationId}'`);
    else if (byPath && byPath !== byId) issue('error', 'operation', '/path', `${exchange.method} ${exchange.path} is ${byPath.operationId}, not ${operationId}`);
    const op = byPath ?? byId;
    if (!op) {
      issue('error', 'operation', '/path', `no Graph contract (API.md §4) for ${exchange.method} ${exchange.path}`);
      return out;
    }
    const query = normalizeQuery(exchange.query);
    this.checkBody(op, exchange.status, exchange.responseBody, query.get('$select')?.[0], '/body', issue);
    if (op.requestValidator) {
      const { errors } = runValidator(op.requestValidator, exchange.requestBody);
      for (const e of describeErrors(errors, exchange.requestBody)) issue('error', 'request', `/body${e.pointer}`, e.message);
    }
    const type = (lowerKeys(exchange.responseHeaders)['content-type'] ?? '').toLowerCase();
    if (exchange.responseBody !== undefined && exchange.responseBody !== '' && type && !type.startsWith('application/json')) {
      issue('error', 'response', '/headers/content-type', `Graph answers JSON, but content-type is '${type}'`);
    }
    if (op.operationId === 'graph.batch' && exchange.status === 200) this.checkBatch(exchange, issue);
    return out;
  }

  private checkBody(
    op: CompiledGraphOperation,
    status: number,
    body: unknown,
    select: string | undefined,
    base: string,
    issue: (s: ContractIssue['severity'], w: ContractIssue['where'], p: string, m: string) => void,
  ): void {
    const hasBody = body !== undefined && body !== '';
    if (status >= 400) {
      const { errors } = runValidator(this.errorValidator, body);
      for (const e of describeErrors(errors, body)) issue('error', 'response', `${base}${e.pointer}`, `${e.message} (Graph error body)`);
      return;
    }
    if (!op.success.includes(status)) {
      issue('error', 'response', `${base.replace(/\/body$/, '')}/status`, `Graph answers ${op.method} ${op.pattern} with ${op.success.join(' or ')}, not ${status}`);
      return;
    }
    if (!op.item) {
      if (hasBody) issue('error', 'response', base, `${op.method} ${op.pattern} returns no body`);
      return;
    }
    const selected = select ? new Set(select.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
    const items: { value: unknown; pointer: string }[] = [];
    if (op.page) {
      const { errors } = runValidator(op.page, body);
      for (const e of describeErrors(errors, body)) issue('error', 'response', `${base}${e.pointer}`, e.message);
      if (isObject(body) && Array.isArray(body.value)) body.value.forEach((v, i) => items.push({ value: v, pointer: `${base}/value/${i}` }));
    } else {
      items.push({ value: body, pointer: base });
    }
    const definition = DEFINITIONS[op.body!.item];
    const known = new Set(Object.keys(isObject(definition.properties) ? definition.properties : {}));
    for (const { value, pointer } of items) {
      const { errors } = runValidator(op.item, value);
      for (const e of describeErrors(errors, value)) {
        // With $select, Graph returns only what was asked: a missing required property is then expected.
        if (selected && /required property/.test(e.message) && !selected.has(e.pointer.split('/')[1] ?? '')) continue;
        issue('error', 'response', `${pointer}${e.pointer}`, e.message);
      }
      if (!isObject(value) || op.body!.item === 'batchResponse') continue;
      for (const key of Object.keys(value)) {
        if (key.startsWith('@odata.') && key !== '@odata.type') continue;
        if (selected && !selected.has(key) && key !== 'id') issue('error', 'response', `${pointer}/${key}`, `'${key}' was not in $select=${select}`);
        else if (!known.has(key)) issue('warning', 'response', `${pointer}/${key}`, `'${key}' is not a Graph v1.0 property of ${op.body!.item}`);
      }
    }
  }

  /** Each inner answer of a `$batch` against the operation its request addressed. */
  private checkBatch(exchange: HttpExchange, issue: (s: ContractIssue['severity'], w: ContractIssue['where'], p: string, m: string) => void): void {
    const request = exchange.requestBody;
    const response = exchange.responseBody;
    if (!isObject(request) || !Array.isArray(request.requests) || !isObject(response) || !Array.isArray(response.responses)) return;
    const answers = response.responses;
    for (const inner of request.requests) {
      if (!isObject(inner) || typeof inner.url !== 'string' || typeof inner.method !== 'string') continue;
      const index = answers.findIndex((a) => isObject(a) && a.id === inner.id);
      if (index < 0) {
        issue('error', 'response', '/body/responses', `no answer for batch request id '${String(inner.id)}'`);
        continue;
      }
      const answer = answers[index] as JsonObject;
      const url = new URL(inner.url.startsWith('/') ? `https://graph.invalid/v1.0${inner.url}` : `https://graph.invalid/v1.0/${inner.url}`);
      const path = url.pathname.replace(/^\/v1\.0(?=\/v1\.0)/, '');
      const op = this.find(inner.method, path);
      if (!op) {
        issue('warning', 'response', `/body/responses/${index}`, `no Graph contract for inner ${inner.method} ${inner.url}`);
        continue;
      }
      const status = typeof answer.status === 'number' ? answer.status : 0;
      this.checkBody(op, status, answer.body, url.searchParams.get('$select') ?? undefined, `/body/responses/${index}/body`, issue);
    }
  }
}

function patternRegex(pattern: string): RegExp {
  const source = pattern
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/()']+" : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
