// Tests of the contract checker itself: every example in the spec folders must pass it (a good test of `$ref`
// resolution and of the common-types stand-in), and small synthetic swaggers pin down the Swagger 2.0 rules.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_TYPES_V3, MANAGED_IDENTITY_V4 } from '../../support/contract/commonTypes';
import { buildExampleRequest } from '../../support/contract/examples';
import { GraphContract } from '../../support/contract/graph';
import { ARM_SWAGGER, formatIssue, loadContract, locateSpecs, printSkipOnce, skipMessage, type Contract } from '../../support/contract/specs';
import { SwaggerContract, collectRefs, isObject, matchTemplate, type HttpExchange, type JsonObject } from '../../support/contract/swagger';

const location = locateSpecs();

describe('contract checker', function () {
  this.timeout(60_000);

  describe('without the spec files (synthetic swaggers)', () => {
    const synthetic: JsonObject = {
      swagger: '2.0',
      info: { title: 't', version: '2020-01-01' },
      consumes: ['application/json'],
      produces: ['application/json'],
      paths: {
        '/things/{name}': {
          put: {
            operationId: 'Things_Put',
            parameters: [
              { name: 'api-version', in: 'query', required: true, type: 'string' },
              { name: 'name', in: 'path', required: true, type: 'string', pattern: '^[a-z]{3,5}$' },
              { name: 'x-ms-client-request-id', in: 'header', type: 'string', format: 'uuid' },
              { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Thing' } },
            ],
            responses: {
              '200': { description: 'ok', schema: { $ref: '#/definitions/Thing' }, headers: { 'Retry-After': { type: 'integer' } } },
              '201': { description: 'created', schema: { $ref: '#/definitions/Thing' } },
              default: { description: 'error', schema: { $ref: '#/definitions/Error' } },
            },
            'x-ms-long-running-operation': true,
          },
          delete: {
            operationId: 'Things_Delete',
            parameters: [{ name: 'api-version', in: 'query', required: true, type: 'string' }],
            responses: { '204': { description: 'gone' }, default: { description: 'error', schema: { $ref: '#/definitions/Error' } } },
          },
        },
        '/pets': {
          get: {
            operationId: 'Pets_List',
            parameters: [{ name: 'top', in: 'query', type: 'integer', format: 'int32' }],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/PetList' } } },
            'x-ms-pageable': { nextLinkName: 'nextLink' },
          },
        },
      },
      definitions: {
        Thing: {
          type: 'object',
          properties: {
            id: { type: 'string', readOnly: true },
            size: { type: 'integer', format: 'int32', maximum: 10, exclusiveMaximum: true },
            color: { type: 'string', enum: ['red', 'blue'], 'x-ms-enum': { name: 'Color', modelAsString: true } },
            shape: { type: 'string', enum: ['round', 'square'], 'x-ms-enum': { name: 'Shape', modelAsString: false } },
            note: { type: 'string', 'x-nullable': true },
            parent: { $ref: '#/definitions/Thing', 'x-nullable': true },
            armId: { type: 'string', format: 'arm-id' },
            when: { type: 'string', format: 'date-time' },
          },
          required: ['id'],
        },
        Error: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] } }, required: ['error'] },
        Pet: { type: 'object', discriminator: 'kind', properties: { kind: { type: 'string' }, name: { type: 'string' } }, required: ['kind'] },
        Dog: { 'x-ms-discriminator-value': 'dog', allOf: [{ $ref: '#/definitions/Pet' }], properties: { barks: { type: 'boolean' } }, required: ['barks'] },
        Cat: { allOf: [{ $ref: '#/definitions/Pet' }], properties: { lives: { type: 'integer' } }, required: ['lives'] },
        PetList: { type: 'object', properties: { value: { type: 'array', items: { $ref: '#/definitions/Pet' } }, nextLink: { type: 'string' } }, required: ['value'] },
      },
    };
    const contract = SwaggerContract.fromDocument('test', synthetic);
    const put = (overrides: Partial<HttpExchange> = {}): HttpExchange => ({
      method: 'PUT',
      path: '/things/abc',
      query: { 'api-version': '2020-01-01' },
      requestHeaders: { 'content-type': 'application/json' },
      requestBody: { size: 3 },
      status: 200,
      responseHeaders: { 'content-type': 'application/json; charset=utf-8' },
      responseBody: { id: 'x', size: 3 },
      ...overrides,
    });
    const errors = (ex: HttpExchange, opts = {}) => contract.check('Things_Put', ex, opts).filter((i) => i.severity === 'error');

    it('accepts a good exchange; a readOnly required property is not required in a request', () => {
      assert.deepEqual(contract.check('Things_Put', put()).map(formatIssue), []);
    });

    it('reports the body, path, query and header problems with JSON pointers', () => {
      const found = errors(put({ path: '/things/ABCDEFG', query: {}, requestHeaders: { 'content-type': 'application/json', 'x-ms-client-request-id': 'nope' }, requestBody: { size: 'big' } }));
      const pointers = found.map((i) => `${i.where}${i.pointer}`).sort();
      assert.deepEqual(pointers, ['request/body/size', 'request/headers/x-ms-client-request-id', 'request/path/name', 'request/query/api-version']);
    });

    it('flags an undeclared 2xx, accepts a 4xx through default, and validates the error body', () => {
      assert.match(errors(put({ status: 202 }))[0].message, /status 202 is not declared/);
      assert.deepEqual(errors(put({ status: 404, responseBody: { error: { code: 'NotFound' } } })), []);
      assert.equal(errors(put({ status: 400, responseBody: { message: 'x' } }))[0].pointer, '/body/error');
    });

    it('handles exclusiveMaximum, closed and extensible enums, x-nullable, unknown formats and date-time', () => {
      const body = { id: 'x', size: 10, color: 'green', shape: 'oval', note: null, parent: null, armId: '/subscriptions/1', when: 'yesterday' };
      const issues = contract.check('Things_Put', put({ responseBody: body }));
      const summary = issues.map((i) => `${i.severity} ${i.pointer}`).sort();
      assert.deepEqual(summary, ['error /body/shape', 'error /body/size', 'error /body/when', 'warning /body/color']);
      const nulls = contract.check('Things_Put', put({ responseBody: { id: null } }));
      assert.equal(nulls.length, 1, nulls.map(formatIssue).join('\n'));
    });

    it('requires a polling header on a long-running 201/202 and checks declared response headers', () => {
      assert.match(errors(put({ status: 201 }))[0].message, /Azure-AsyncOperation or Location/);
      assert.deepEqual(errors(put({ status: 201, responseHeaders: { 'content-type': 'application/json', 'azure-asyncoperation': 'https://x/op' } })), []);
      assert.match(errors(put({ responseHeaders: { 'content-type': 'application/json', 'retry-after': 'soon' } }))[0].message, /not an integer/);
    });

    it('a response with no declared body must not carry one', () => {
      const ex: HttpExchange = { method: 'DELETE', path: '/things/abc', query: { 'api-version': '2020-01-01' }, requestHeaders: {}, requestBody: undefined, status: 204, responseHeaders: {}, responseBody: { ok: 1 } };
      assert.match(contract.check('Things_Delete', ex)[0].message, /declares no body/);
      assert.deepEqual(contract.check('Things_Delete', { ...ex, responseBody: undefined }), []);
    });

    it('expected-invalid requests: request findings are dropped, but a 2xx answer to them is reported', () => {
      const bad = put({ requestBody: { size: 'big' } });
      assert.match(errors(bad, { requestMayBeInvalid: true })[0].message, /answered 200 to a request the spec rejects/);
      assert.deepEqual(errors({ ...bad, status: 400, responseBody: { error: { code: 'Bad' } } }, { requestMayBeInvalid: true }), []);
    });

    it('dispatches on a discriminator, and checks pageable item arrays', () => {
      const list = (value: unknown): HttpExchange => ({ method: 'GET', path: '/pets', query: {}, requestHeaders: {}, requestBody: undefined, status: 200, responseHeaders: { 'content-type': 'application/json' }, responseBody: { value } });
      assert.deepEqual(contract.check('Pets_List', list([{ kind: 'dog', barks: true }, { kind: 'Cat', lives: 9 }, { kind: 'fish' }])), []);
      const bad = contract.check('Pets_List', list([{ kind: 'dog' }, { kind: 'Cat', lives: 'nine' }, { name: 'x' }]));
      assert.deepEqual(bad.map((i) => i.pointer).sort(), ['/body/value/0/barks', '/body/value/1/lives', '/body/value/2/kind']);
      assert.match(contract.check('Pets_List', { ...list([]), responseBody: { items: [] } }).map((i) => i.message).join(), /pageable/);
    });

    it('warns (only) about properties a schema does not declare, through allOf, items and discriminators', () => {
      const found = contract.check('Things_Put', put({ responseBody: { id: 'x', secret: 1, parent: { id: 'y', leaked: true } } }));
      assert.deepEqual(found.map((i) => `${i.severity} ${i.where} ${i.pointer}`), ['warning response /body/secret', 'warning response /body/parent/leaked']);
      const pets = contract.check('Pets_List', { method: 'GET', path: '/pets', query: {}, requestHeaders: {}, requestBody: undefined, status: 200, responseHeaders: {}, responseBody: { value: [{ kind: 'dog', barks: true, lives: 3 }, { kind: 'Cat', lives: 9 }] } });
      assert.deepEqual(pets.map((i) => i.pointer), ['/body/value/0/lives']);
    });

    it('matches path templates case-insensitively and decodes segments', () => {
      assert.deepEqual(matchTemplate('/a/{x}/B/{y}', '/A/%2B1555/b/z'), { x: '+1555', y: 'z' });
      assert.equal(matchTemplate('/a/{x}', '/a/b/c'), undefined);
    });
  });

  it('says why, in one line, when the specs are missing', async () => {
    const missing = await loadContract({ env: { ACG_SPECS_DIR: '/nonexistent/specs' } });
    assert.equal(missing.contract, undefined);
    assert.equal('reason' in missing ? missing.reason : '', 'contract tests skipped: specs not found at /nonexistent/specs (set ACG_SPECS_DIR)');
    assert.equal(locateSpecs({}).specsDir, join(__dirname, '..', '..', '..', '..', 'shared', 'specs'));
  });

  describe('Graph field lists (API.md §4)', () => {
    const graph = new GraphContract();
    const ex = (method: string, path: string, status: number, responseBody: unknown, query: Record<string, string> = {}, requestBody?: unknown): HttpExchange => ({
      method,
      path,
      query,
      requestHeaders: {},
      requestBody,
      status,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody,
    });
    const sp = { id: 'd0d0d0d0-0000-4000-8000-000000000002', appId: 'eb63d611-525e-4a31-abd7-0cb33f679599', displayName: 'Project Synergy', appRoles: [{ id: '72129ccd-8886-42db-a63c-2647b61635c1', value: 'Admin', allowedMemberTypes: ['User'], isEnabled: true, displayName: 'Admin', description: 'd' }] };

    it('accepts a filtered servicePrincipal collection and honours $select', () => {
      assert.deepEqual(graph.check('graph.servicePrincipals.list', ex('GET', '/v1.0/servicePrincipals', 200, { value: [sp] }, { $select: 'id,appId,displayName,appRoles' })), []);
      const extra = graph.check('graph.servicePrincipals.list', ex('GET', '/v1.0/servicePrincipals', 200, { value: [{ ...sp, servicePrincipalType: 'Application' }] }, { $select: 'id,appId' }));
      assert.ok(extra.some((i) => i.pointer === '/body/value/0/displayName' && i.severity === 'error'));
    });

    it('warns about properties Graph does not define, and checks error bodies and statuses', () => {
      const leaked = graph.check('graph.domains.get', ex('GET', '/v1.0/domains/x.example', 200, { id: 'x.example', isVerified: false, verificationCode: 'ms1' }));
      assert.deepEqual(leaked.map((i) => `${i.severity} ${i.pointer}`), ['warning /body/verificationCode']);
      assert.equal(graph.check('graph.domains.get', ex('GET', '/v1.0/domains/x', 404, { error: { message: 'm' } }))[0].pointer, '/body/error/code');
      assert.match(graph.check('graph.servicePrincipals.appRoleAssignments.create', ex('POST', '/v1.0/servicePrincipals/x/appRoleAssignments', 200, {}, {}, { principalId: 'x' }))[0].message, /201/);
    });

    it('checks each $batch answer against the inner request it answers', () => {
      const requestBody = { requests: [{ id: '1', method: 'GET', url: '/domains/x' }, { id: '2', method: 'GET', url: "/servicePrincipals?$filter=appId eq 'a'" }] };
      const good = { responses: [{ id: '1', status: 200, body: { id: 'x', isVerified: true } }, { id: '2', status: 200, body: { value: [sp] } }] };
      assert.deepEqual(graph.check('graph.batch', ex('POST', '/v1.0/$batch', 200, good, {}, requestBody)), []);
      const bad = { responses: [{ id: '1', status: 200, body: { id: 'x' } }] };
      const issues = graph.check('graph.batch', ex('POST', '/v1.0/$batch', 200, bad, {}, requestBody)).map((i) => i.pointer);
      assert.deepEqual(issues.sort(), ['/body/responses', '/body/responses/0/body/isVerified']);
    });
  });

  describe('against the spec files', function () {
    if (!location.found) {
      printSkipOnce(location);
      return;
    }
    let contract: Contract;
    before(async () => {
      const loaded = await loadContract();
      assert.ok(loaded.contract, skipMessage(loaded.location));
      contract = loaded.contract;
    });

    it('resolves every $ref, with a stand-in for exactly the ARM common-types definitions the swagger names', () => {
      const arm = JSON.parse(readFileSync(join(location.specsDir, ARM_SWAGGER), 'utf8')) as JsonObject;
      const external = [...collectRefs(arm)].filter((r) => !r.startsWith('#') && !r.startsWith('./examples/'));
      assert.ok(external.length > 0);
      for (const ref of external) {
        const [file, pointer] = ref.split('#');
        const doc = file.endsWith('v3/types.json') ? COMMON_TYPES_V3 : file.endsWith('v4/managedidentity.json') ? MANAGED_IDENTITY_V4 : undefined;
        assert.ok(doc, `no stand-in for ${file}`);
        const [, section, name] = pointer.split('/');
        const table = doc[section];
        assert.ok(isObject(table) && table[name] !== undefined, `stand-in lacks ${ref}`);
      }
      assert.equal(contract.commonTypes, 'stand-in');
      assert.ok(contract.arm.operations.size >= 13, `ARM operations: ${contract.arm.operationIds().join(', ')}`);
      assert.ok(contract.provisioning.operations.size >= 18, `Provisioning operations: ${contract.provisioning.operationIds().join(', ')}`);
    });

    it('finds the examples of both swaggers (and says which x-ms-examples files are absent)', () => {
      const arm = contract.examples.filter((e) => e.service === 'arm');
      const prov = contract.examples.filter((e) => e.service === 'provisioning');
      assert.ok(arm.length >= 4 && prov.length >= 12, `found ${arm.length} ARM and ${prov.length} Provisioning examples`);
      console.log(`      examples: ${arm.length} ARM, ${prov.length} Provisioning; x-ms-examples without a file: ${contract.missingExampleFiles.length}`);
    });

    it('a broken copy of an example fails, with pointers (the checker is not vacuous on the real specs)', () => {
      const get = contract.examples.find((e) => e.operationId === 'CommunicationsGateways_Get');
      assert.ok(get);
      const body = JSON.parse(JSON.stringify(get.responses['200'].body)) as { properties: Record<string, unknown>; identity?: unknown };
      delete body.properties.serviceLocations;
      body.properties.codecs = ['XYZ'];
      body.identity = { type: 'SystemAssigned', principalId: 'not-a-guid' };
      const arm = contract.arm.checkResponseBody('CommunicationsGateways_Get', '200', body).map((i) => `${i.severity} ${i.pointer}`);
      assert.deepEqual(arm.sort(), ['error /body/identity/principalId', 'error /body/properties/serviceLocations', 'warning /body/properties/codecs/0']);
      const account = contract.provisioning.checkResponseBody('Accounts_Get', '200', { name: 'a b', serviceProvisioningErrors: [{ code: 'x' }] }).map((i) => i.pointer);
      assert.deepEqual(account.sort(), ['/body/name', '/body/serviceProvisioningErrors/0/message']);
    });

    it('every example response body (and header) validates against its operation and status', () => {
      const problems: string[] = [];
      for (const example of contract.examples) {
        const swagger = contract.swagger(example.service);
        for (const [status, response] of Object.entries(example.responses)) {
          const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)]));
          const request = buildExampleRequest(swagger, example);
          const op = swagger.operations.get(example.operationId);
          // Examples write "no body" as {} (PostAccountNumbersDelete's 204).
          const noBody = op?.responses.get(status)?.validate === undefined && isObject(response.body) && Object.keys(response.body).length === 0;
          const body = noBody ? undefined : response.body;
          // Examples leave out the polling header a long-running 201/202 must carry: supply one.
          const polling: Record<string, string> = op?.longRunning && (status === '201' || status === '202') ? { 'azure-asyncoperation': 'https://example.invalid/operationStatuses/1', location: 'https://example.invalid/operationResults/1' } : {};
          const exchange: HttpExchange = {
            ...request,
            requestHeaders: request.headers,
            requestBody: request.body,
            status: Number(status),
            responseHeaders: { 'content-type': 'application/json', ...headers, ...polling },
            responseBody: body,
          };
          for (const issue of swagger.check(example.operationId, exchange)) {
            if (issue.severity === 'error') problems.push(`${example.relative} [${status}] ${formatIssue(issue)}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  });
});
