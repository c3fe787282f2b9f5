// Fuzz: malformed requests sent to the emulator's request handlers (in-process, over HTTPS as a client sends them):
// bodies that are not JSON, of the wrong JSON type or oversized; bad Content-Type, If-Match, Repeatability-* and
// Authorization headers; bad query strings (api-version, $top, $skip, maxpagesize, $filter). Each is sent to ARM, the
// Provisioning API, Microsoft Graph or the Entra token endpoint and must get a 4xx in that service's error shape
// (ARM and the Provisioning API {error:{code,message}}, Graph {error:{code,message}}, Entra {error,error_description}),
// never a 5xx, a reset or a hang; and the emulator's state (every gateway, account, number, directory object and the
// writes-per-number counter) must be exactly as before. Seeded and bounded by a number of cases; the seed is printed
// and ACG_FUZZ_SEED=<n> replays it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, GATEWAY_LAB, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, OPERATOR_OBJECT_ID, demoGatewayDomain } from '../../../emulator/seed/ids';
import { request, type TestResponse } from '../../support/https';
import { announceRun, fuzzRuns, fuzzSeed } from '../fuzz/fuzzRun';

const SEED = fuzzSeed(20_261_207);
const CASES = fuzzRuns(300);
const ARM_API = 'api-version=2023-01-31';
const PROV_API = 'api-version=2024-02-29-preview';
const DOMAIN = demoGatewayDomain(GATEWAY_PRODUCTION);
const ACCOUNT = 'Fuzz-Account';
const NUMBER = '+493070009999';
const LAB_GATEWAY = `/subscriptions/${GATEWAY_LAB.subscriptionId}/resourceGroups/${GATEWAY_LAB.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${GATEWAY_LAB.name}`;
/** Past any body a client sends (ARM refuses requests over 4 MB). */
const OVERSIZED = 4 * 1024 * 1024 + 1024;

type Service = 'arm' | 'provisioning' | 'graph' | 'entra';
type Auth = 'arm' | 'provisioning' | 'graph' | 'none';

interface BadRequest {
  readonly service: Service;
  readonly what: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly auth: Auth;
}

/** Writes each service takes, with a body that would be valid: the mutations break one thing about them. */
const WRITES: readonly { service: Service; method: string; path: string; body: unknown; auth: Auth }[] = [
  { service: 'arm', method: 'PATCH', path: `${LAB_GATEWAY}?${ARM_API}`, body: { tags: { fuzz: 'yes' } }, auth: 'arm' },
  { service: 'provisioning', method: 'PUT', path: `/provapi/${DOMAIN}/accounts/${ACCOUNT}?${PROV_API}`, body: { name: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } }, auth: 'provisioning' },
  {
    service: 'provisioning',
    method: 'POST',
    path: `/provapi/${DOMAIN}/accounts/${ACCOUNT}:createOrUpdateNumbers?${PROV_API}`,
    body: { numbers: [{ telephoneNumber: NUMBER, accountName: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } } }] },
    auth: 'provisioning',
  },
  { service: 'provisioning', method: 'PUT', path: `/provapi/${DOMAIN}/accounts/${ACCOUNT}/numbers/${encodeURIComponent(NUMBER)}?${PROV_API}`, body: { telephoneNumber: NUMBER, accountName: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } } }, auth: 'provisioning' },
  { service: 'graph', method: 'POST', path: '/graph/v1.0/$batch', body: { requests: [{ id: '1', method: 'GET', url: '/organization' }] }, auth: 'graph' },
];
/** Reads with paging and filters. */
const READS: readonly { service: Service; path: string; auth: Auth; api: string }[] = [
  { service: 'arm', path: `/subscriptions/${GATEWAY_PRODUCTION.subscriptionId}/providers/Microsoft.VoiceServices/communicationsGateways`, auth: 'arm', api: ARM_API },
  { service: 'provisioning', path: `/provapi/${DOMAIN}/accounts`, auth: 'provisioning', api: PROV_API },
  { service: 'provisioning', path: `/provapi/${DOMAIN}/numbers`, auth: 'provisioning', api: PROV_API },
  { service: 'graph', path: '/graph/v1.0/servicePrincipals', auth: 'graph', api: '' },
];

const junkJson = fc.oneof(
  fc.constantFrom('{', '{"tags":', '{"a":1,}', "{'a':1}", 'nul', 'NaN', '[1,2', '"unterminated', '{"a":1}}', '\uFEFF{"x":', '{"__proto__":', '\u0000', '{"a":"\uD800"', ']'),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
);
const wrongTypeBody = fc.constantFrom('[]', '"text"', '42', 'true', 'null', '[{"tags":{}}]');
const badAuthorization = fc.oneof(
  fc.constantFrom('', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.', 'Token abc', 'Bearer \u00e9', 'Bearer  x'),
  fc.string({ maxLength: 40 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, 'x')}`),
);
const badTop = fc.constantFrom('-1', 'abc', '1.5', '1e9', '', '0x10', '99999999999999999999');
const badFilter = fc.constantFrom("startswith(", "x eq", "' or 1 eq 1", 'accountName eq', '(((', 'telephoneNumber gt', 'a'.repeat(5000));

function writeMutations(): fc.Arbitrary<BadRequest> {
  return fc.constantFrom(...WRITES).chain((w) => {
    const json = JSON.stringify(w.body);
    const base = { service: w.service, method: w.method, path: w.path, auth: w.auth };
    const jsonType = { 'content-type': 'application/json' };
    return fc.oneof(
      junkJson.map((body) => ({ ...base, what: 'malformed JSON', headers: jsonType, body })),
      wrongTypeBody.map((body) => ({ ...base, what: 'a body of the wrong JSON type', headers: jsonType, body })),
      fc.constant({ ...base, what: 'an oversized body', headers: jsonType, body: json.replace(/^\{/, `{${' '.repeat(OVERSIZED)}`) }),
      fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded').map((type) => ({ ...base, what: `Content-Type ${type.split(';')[0]}`, headers: { 'content-type': type }, body: json })),
      badAuthorization.map((authorization) => ({ ...base, auth: 'none' as const, what: 'a bad Authorization header', headers: { ...jsonType, ...(authorization ? { authorization } : {}) }, body: json })),
      ...(w.service === 'provisioning'
        ? [
            // If-Match belongs to the PUTs of one resource (the batch carries no ETag of its own).
            ...(w.method === 'PUT' ? [fc.constantFrom('*x', 'W/', '"', 'garbage', '"999999"', ',').map((etag) => ({ ...base, what: 'a bad If-Match', headers: { ...jsonType, 'if-match': etag }, body: json }))] : []),
            // The request id is opaque (any string the client makes up): what is bad is an empty one, or a First-Sent
            // that is not an IMF-fixdate or is older than the service's 5-minute window.
            fc.constantFrom<readonly [string, string]>(['', new Date().toUTCString()], ['   ', new Date().toUTCString()], ['f0e1d2c3-0000-4000-8000-0000000000fe', 'yesterday'], ['f0e1d2c3-0000-4000-8000-0000000000fe', ''], ['f0e1d2c3-0000-4000-8000-0000000000fe', 'Thu, 01 Jan 1970 00:00:00 GMT'], ['any-id', new Date(Date.now() - 3_600_000).toUTCString()]).map(([id, sent]) => ({ ...base, what: 'bad Repeatability-* headers', headers: { ...jsonType, 'repeatability-request-id': id, 'repeatability-first-sent': sent }, body: json })),
            fc.constant({ ...base, what: 'Repeatability-Request-ID without First-Sent', headers: { ...jsonType, 'repeatability-request-id': 'f0e1d2c3-0000-4000-8000-0000000000ff' }, body: json }),
            fc.constantFrom('', 'api-version=', 'api-version=2099-01-01').map((q) => ({ ...base, what: 'a bad api-version', path: w.path.replace(`?${PROV_API}`, q ? `?${q}` : ''), headers: jsonType, body: json })),
          ]
        : []),
      ...(w.service === 'arm'
        ? [fc.constantFrom('', 'api-version=', 'api-version=1999-01-01', 'api-version=latest').map((q) => ({ ...base, what: 'a bad api-version', path: w.path.replace(`?${ARM_API}`, q ? `?${q}` : ''), headers: jsonType, body: json }))]
        : []),
    );
  });
}

function readMutations(): fc.Arbitrary<BadRequest> {
  return fc.constantFrom(...READS).chain((r) => {
    const sep = r.api ? `?${r.api}&` : '?';
    const base = { service: r.service, method: 'GET', headers: {} as Record<string, string>, auth: r.auth };
    const paging = r.service === 'graph' ? ['$top'] : r.service === 'arm' ? ['$top'] : ['top', 'skip', 'maxpagesize'];
    return fc.oneof(
      fc.tuple(fc.constantFrom(...paging), badTop).map(([name, value]) => ({ ...base, what: `a bad ${name}`, path: `${r.path}${sep}${name}=${encodeURIComponent(value)}` })),
      badFilter.map((f) => ({ ...base, what: 'a bad $filter', path: `${r.path}${sep}${r.service === 'provisioning' ? 'filter' : '$filter'}=${encodeURIComponent(f)}` })),
      badAuthorization.map((authorization) => ({ ...base, auth: 'none' as const, what: 'a bad Authorization header', path: `${r.path}${r.api ? `?${r.api}` : ''}`, headers: authorization ? { authorization } : ({} as Record<string, string>) })),
      ...(r.api ? [fc.constantFrom('', `${r.api.split('=')[0]}=2000-01-01`, `${r.api.split('=')[0]}=`).map((q) => ({ ...base, what: 'a bad api-version', path: `${r.path}${q ? `?${q}` : ''}` }))] : []),
    );
  });
}

const TOKEN_PATH = `/${DEMO_TENANT_ID}/oauth2/v2.0/token`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const tokenMutations: fc.Arbitrary<BadRequest> = fc
  .oneof(
    fc.constant({ what: 'no grant_type', body: form({ client_id: OPERATOR_CLIENT_ID, client_secret: OPERATOR_CLIENT_SECRET, scope: 'https://management.azure.com/.default' }) }),
    fc.constantFrom('password', 'implicit', '', 'client_credentials ', 'CLIENT_CREDENTIALS').map((grant) => ({ what: 'an unsupported grant_type', body: form({ grant_type: grant, client_id: OPERATOR_CLIENT_ID, client_secret: OPERATOR_CLIENT_SECRET, scope: 'https://management.azure.com/.default' }) })),
    fc.constantFrom('wrong', '', OPERATOR_CLIENT_SECRET.toUpperCase(), `${OPERATOR_CLIENT_SECRET} `).map((secret) => ({ what: 'a wrong client secret', body: form({ grant_type: 'client_credentials', client_id: OPERATOR_CLIENT_ID, client_secret: secret, scope: 'https://management.azure.com/.default' }) })),
    fc.constantFrom('', 'https://evil.example/.default', 'openid', 'https://management.azure.com/').map((scope) => ({ what: 'a bad scope', body: form({ grant_type: 'client_credentials', client_id: OPERATOR_CLIENT_ID, client_secret: OPERATOR_CLIENT_SECRET, scope }) })),
    fc.constantFrom('', 'not-a-guid', '00000000-0000-0000-0000-000000000000').map((id) => ({ what: 'an unknown client', body: form({ grant_type: 'client_credentials', client_id: id, client_secret: 'x', scope: 'https://management.azure.com/.default' }) })),
    fc.constantFrom('grant_type', '=&=&', '%', '%zz', 'grant_type=refresh_token&refresh_token=garbage', 'grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code=nope&client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46').map((body) => ({ what: 'a malformed form', body })),
  )
  .chain((t) => fc.constantFrom('application/x-www-form-urlencoded', 'application/json').map((type) => ({ service: 'entra' as const, method: 'POST', path: TOKEN_PATH, auth: 'none' as const, what: `${t.what} (${type})`, headers: { 'content-type': type }, body: type === 'application/json' ? JSON.stringify(Object.fromEntries(new URLSearchParams(t.body))) : t.body })));

const badRequests = fc.oneof({ weight: 3, arbitrary: writeMutations() }, { weight: 2, arbitrary: readMutations() }, { weight: 1, arbitrary: tokenMutations });

function errorShape(service: Service, res: TestResponse): string | undefined {
  const body = res.body as Record<string, unknown> | string;
  if (typeof body !== 'object' || body === null) return `a JSON body, not ${JSON.stringify(res.text.slice(0, 80))}`;
  if (service === 'entra') return typeof body.error === 'string' && typeof body.error_description === 'string' ? undefined : `Entra's {error, error_description}: ${res.text.slice(0, 200)}`;
  const error = body.error as Record<string, unknown> | undefined;
  return error && typeof error.code === 'string' && error.code !== '' && typeof error.message === 'string' && error.message !== '' ? undefined : `{error:{code,message}}: ${res.text.slice(0, 200)}`;
}

describe('emulator request handlers fuzz (malformed requests)', function () {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  const bearer: Partial<Record<Auth, string>> = {};

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-emulator-fuzz-'));
    emulator = await startEmulator({ port: 0, dataDir, config: { syncDelayMs: 0, armOperationDelayMs: 0 }, rateLimit: { requestsPerWindow: 0 } });
    const issuer = `${emulator.url}/${DEMO_TENANT_ID}/v2.0`;
    const base = { tid: DEMO_TENANT_ID, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, idtyp: 'app' } as const;
    bearer.arm = await emulator.context.tokens.issue({ ...base, aud: 'https://management.azure.com/' }, issuer);
    bearer.graph = await emulator.context.tokens.issue({ ...base, aud: 'https://graph.microsoft.com', roles: ['Application.ReadWrite.All'] }, issuer);
    bearer.provisioning = await emulator.context.tokens.issue({ ...base, aud: '8502a0ec-c76d-412f-836c-398018e2312b', roles: ['ProvisioningAPI.Admin'] }, issuer);
    // The account the number writes name exists, so a bad number write is refused for what is wrong with it, not
    // with a 404 for a missing account.
    const account = WRITES[1];
    const created = await request(`${emulator.url}${account.path}`, { method: account.method, headers: { authorization: `Bearer ${bearer.provisioning}` }, body: account.body, ca: emulator.caCertPem });
    assert.equal(created.status, 201, created.text);
  });
  after(async () => {
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${CASES} malformed requests to ARM, the Provisioning API, Graph and the token endpoint: a 4xx in the service's error shape, nothing changed`, async () => {
    const snapshot = (): string => JSON.stringify(emulator.context.state);
    const before = snapshot();
    const writesBefore = await request(`${emulator.url}/_admin/provisioning/${DOMAIN}/number-writes`, { ca: emulator.caCertPem });
    const byStatus = new Map<number, number>();
    const byWhat = new Map<string, number>();
    announceRun('emulator requests', CASES, SEED);
    await fc.assert(
      fc.asyncProperty(badRequests, async (bad) => {
        const headers = { ...bad.headers, ...(bad.auth !== 'none' && bearer[bad.auth] ? { authorization: `Bearer ${bearer[bad.auth]}` } : {}) };
        const res = await request(`${emulator.url}${bad.path}`, { method: bad.method, headers, ...(bad.body !== undefined ? { body: bad.body } : {}), ca: emulator.caCertPem });
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        byWhat.set(`${bad.service}: ${bad.what}`, (byWhat.get(`${bad.service}: ${bad.what}`) ?? 0) + 1);
        const shown = `${bad.service} ${bad.what}: ${bad.method} ${bad.path.slice(0, 160)}`;
        assert.ok(res.status >= 400 && res.status < 500, `${shown}: a 4xx, not ${res.status} ${res.text.slice(0, 300)}`);
        const shape = errorShape(bad.service, res);
        assert.equal(shape, undefined, `${shown}: the error shape`);
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
    console.log(`      emulator fuzz seed ${SEED}: ${CASES} requests, 0 5xx, statuses ${[...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    console.log(`      by kind: ${[...byWhat].map(([w, n]) => `${w} ${n}`).join(', ')}`);
    assert.equal(snapshot(), before, 'the state is unchanged');
    const writesAfter = await request(`${emulator.url}/_admin/provisioning/${DOMAIN}/number-writes`, { ca: emulator.caCertPem });
    assert.deepEqual(writesAfter.body, writesBefore.body, 'no number was written');
  });
});

describe('emulator request handlers: regressions the fuzz found', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-emulator-oversized-'));
    emulator = await startEmulator({ port: 0, dataDir, config: { syncDelayMs: 0, armOperationDelayMs: 0 }, rateLimit: { requestsPerWindow: 0 } });
  });
  after(async () => {
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a body over 4 MiB with 413 in the service\'s error shape, before any handler runs (it used to be applied)', async () => {
    const issuer = `${emulator.url}/${DEMO_TENANT_ID}/v2.0`;
    const token = await emulator.context.tokens.issue({ tid: DEMO_TENANT_ID, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, idtyp: 'app', aud: '8502a0ec-c76d-412f-836c-398018e2312b', roles: ['ProvisioningAPI.Admin'] }, issuer);
    const padded = `{${' '.repeat(OVERSIZED)}"name":"${ACCOUNT}","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"syncEnabled":true}}}`;
    const put = await request(`${emulator.url}/provapi/${DOMAIN}/accounts/${ACCOUNT}?${PROV_API}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: padded, ca: emulator.caCertPem });
    assert.equal(put.status, 413, put.text.slice(0, 200));
    assert.equal(errorShape('provisioning', put), undefined);
    const get = await request(`${emulator.url}/provapi/${DOMAIN}/accounts/${ACCOUNT}?${PROV_API}`, { headers: { authorization: `Bearer ${token}` }, ca: emulator.caCertPem });
    assert.equal(get.status, 404, 'the account was not created');
    const tokenRes = await request(`${emulator.url}${TOKEN_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&x=${'a'.repeat(OVERSIZED)}`, ca: emulator.caCertPem });
    assert.equal(tokenRes.status, 413);
    assert.equal(errorShape('entra', tokenRes), undefined);
    assert.equal((tokenRes.body as { error: string }).error, 'invalid_request');
  });
});
