// The Provisioning API over real HTTPS: authentication and roles, the rate limit, paging through the
// 100,000-number account, ETags, repeatable requests, validation, the RFI merge patch and pending → synced.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import type { NewTokenClaims } from '../../../emulator/tokens';
import { BULK_ACCOUNT_NAME, BULK_ACCOUNT_NUMBER_COUNT, DEMO_TENANT_ID, GATEWAY_PRODUCTION, demoGatewayDomain } from '../../../emulator/seed/ids';
import { SEED_TENANT_IDS } from '../../../emulator/seed/provisioning';
import { request, type TestResponse } from '../../support/https';

const API = 'api-version=2024-02-29-preview';
const APP_ID = '8502a0ec-c76d-412f-836c-398018e2312b';

interface Page {
  value: { telephoneNumber: string; serviceProvisioningStatus: string }[];
  nextLink?: string;
}

interface CoreErrorBody {
  error: { code: string; message: string; target?: string; details?: { code: string; message: string; target?: string }[] };
}

describe('emulator: Provisioning API', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let base: string;
  let admin: string;
  let reader: string;

  async function token(claims: Partial<NewTokenClaims>): Promise<string> {
    return emulator.context.tokens.issue(
      { aud: APP_ID, tid: DEMO_TENANT_ID, oid: 'c0ffee00-0000-4000-8000-0000000000f1', appid: 'c0ffee00-0000-4000-8000-0000000000f2', idtyp: 'app', ...claims },
      `${emulator.url}/${DEMO_TENANT_ID}/v2.0`,
    );
  }

  function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; bearer?: string | null } = {}): Promise<TestResponse> {
    const url = path.startsWith('https://') ? path : `${base}${path}${path.includes('?') ? '&' : '?'}${API}`;
    const headers: Record<string, string> = { ...options.headers };
    if (options.bearer !== null) headers.authorization = `Bearer ${options.bearer ?? admin}`;
    return request(url, { method, headers, body: options.body, ca: emulator.caCertPem });
  }

  function errorOf(res: TestResponse): CoreErrorBody['error'] {
    return (res.body as CoreErrorBody).error;
  }

  async function createAccount(name: string, tenantId = SEED_TENANT_IDS.fabrikam): Promise<TestResponse> {
    const res = await call('PUT', `/accounts/${name}`, {
      body: { name, serviceDetails: { teamsTenantId: tenantId, teamsOperatorConnect: { enabled: true, syncEnabled: true } } },
    });
    assert.equal(res.status, 201, res.text);
    return res;
  }

  function ocNumber(telephoneNumber: string, accountName: string): Record<string, unknown> {
    return {
      telephoneNumber,
      accountName,
      serviceDetails: {
        teamsOperatorConnect: { enabled: true, assignmentStatus: 'assigned', configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling'], allowTenantAddressUpdate: true } },
      },
    };
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-prov-'));
    emulator = await startEmulator({ port: 0, dataDir, config: { syncDelayMs: 50 }, rateLimit: { requestsPerWindow: 0 } });
    base = `${emulator.url}/provapi/${demoGatewayDomain(GATEWAY_PRODUCTION)}`;
    admin = await token({ roles: ['ProvisioningAPI.Admin'] });
    reader = await token({ roles: ['ProvisioningAPI.Read'] });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers every operation of the spec', () => {
    const ids = emulator
      .routes()
      .filter((r) => r.service === 'provisioning')
      .map((r) => r.operationId)
      .sort();
    assert.deepEqual(ids, [
      'Accounts_CreateOrReplace',
      'Accounts_CreateOrReplaceNumber',
      'Accounts_CreateOrUpdateNumbers',
      'Accounts_Delete',
      'Accounts_DeleteNumber',
      'Accounts_DeleteNumbers',
      'Accounts_Get',
      'Accounts_GetNumber',
      'Accounts_GetTeamsAvailableCapabilities',
      'Accounts_GetTeamsCapabilityPlans',
      'Accounts_GetTeamsCivicAddress',
      'Accounts_List',
      'Accounts_ListNumbers',
      'Accounts_ListTeamsCivicAddresses',
      'ListNumbers',
      'TeamsRequestsForInformation_CreateOrUpdateRequestForInformation',
      'TeamsRequestsForInformation_GetRequestForInformation',
      'TeamsRequestsForInformation_List',
    ]);
  });

  describe('authentication and authorization', () => {
    it('401s without a token, with a Bearer challenge', async () => {
      const res = await call('GET', '/accounts', { bearer: null });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      assert.equal(res.headers['x-ms-error-code'], 'Unauthorized');
    });

    it('401s a token for another audience', async () => {
      const res = await call('GET', '/accounts', { bearer: await token({ aud: 'https://management.azure.com/', roles: ['ProvisioningAPI.Admin'] }) });
      assert.equal(res.status, 401);
      assert.match(res.headers['www-authenticate'], /^Bearer error="invalid_token"/);
    });

    it('403s a write with only ProvisioningAPI.Read, naming the role needed, and lets it read', async () => {
      const denied = await call('PUT', '/accounts/Reader-Attempt', { bearer: reader, body: { name: 'Reader-Attempt' } });
      assert.equal(denied.status, 403);
      assert.equal(denied.headers['x-ms-error-code'], 'Forbidden');
      assert.match(errorOf(denied).message, /ProvisioningAPI\.Write \(application\) or ProvisioningAPI\.WriteUser \(user\)/);
      assert.equal((await call('GET', '/accounts/Fabrikam-Finance', { bearer: reader })).status, 200);
      assert.equal((await call('POST', '/accounts/Fabrikam-Finance:getTeamsCapabilityPlans', { bearer: reader })).status, 200);
    });

    it('needs user roles in user tokens', async () => {
      const user = await token({ idtyp: 'user', roles: ['ProvisioningAPI.ReadUser'], scp: 'user_impersonation' });
      assert.equal((await call('GET', '/accounts', { bearer: user })).status, 200);
      const wrongKind = await token({ idtyp: 'user', roles: ['ProvisioningAPI.Admin'] });
      assert.equal((await call('GET', '/accounts', { bearer: wrongKind })).status, 403);
    });

    it('400s a missing or unsupported api-version and 404s an unknown gateway', async () => {
      const old = await request(`${base}/accounts?api-version=2023-10-01-preview`, { headers: { authorization: `Bearer ${admin}` }, ca: emulator.caCertPem });
      assert.equal(old.status, 400);
      assert.equal(old.headers['x-ms-error-code'], 'UnsupportedApiVersionValue');
      const missing = await request(`${base}/accounts`, { headers: { authorization: `Bearer ${admin}` }, ca: emulator.caCertPem });
      assert.equal(missing.status, 400);
      assert.equal(missing.headers['x-ms-error-code'], 'MissingApiVersionParameter');
      const unknown = await request(`${emulator.url}/provapi/nope.commsgw.azure.com/accounts?${API}`, { headers: { authorization: `Bearer ${admin}` }, ca: emulator.caCertPem });
      assert.equal(unknown.status, 404);
    });
  });

  describe('rate limit', () => {
    afterEach(() => {
      emulator.context.limiter.settings = { requestsPerWindow: 0, windowMs: 60_000 };
      emulator.context.limiter.reset();
    });

    it('429s with Retry-After past the limit, and a batch of 100 numbers counts as one request', async () => {
      const account = 'Rate-Limited';
      await createAccount(account);
      emulator.context.limiter.settings = { requestsPerWindow: 5, windowMs: 60_000 };
      emulator.context.limiter.reset();
      const numbers = Array.from({ length: 100 }, (_, i) => ocNumber(`+1425555${String(2000 + i)}`, account));
      const batch = await call('POST', `/accounts/${account}:createOrUpdateNumbers`, { body: { numbers } });
      assert.equal(batch.status, 200, batch.text);
      for (let i = 0; i < 4; i++) assert.equal((await call('GET', `/accounts/${account}`)).status, 200);
      const limited = await call('GET', `/accounts/${account}`);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers['x-ms-error-code'], 'TooManyRequests');
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${limited.headers['retry-after']}`);
    });
  });

  describe('the 100,000-number account', () => {
    const path = `/accounts/${BULK_ACCOUNT_NAME}/numbers`;

    // How fast is for the benchmarks (npm run bench:tree, bench:grid), not for a wall-clock bound here.
    it('serves the first page with the record count and a nextLink', async () => {
      const res = await call('GET', `${path}?countRecords=true`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['x-ms-record-count'], String(BULK_ACCOUNT_NUMBER_COUNT));
      const page = res.body as Page;
      assert.equal(page.value.length, 100);
      assert.equal(page.value[0].telephoneNumber, '+442030000000');
      assert.equal(page.value[99].telephoneNumber, '+442030000099');
      assert.ok(page.nextLink);
      const next = new URL(page.nextLink);
      assert.equal(next.searchParams.get('skip'), '100');
      assert.equal(next.searchParams.get('api-version'), '2024-02-29-preview');
    });

    it('serves the last page by skip, without a nextLink', async () => {
      const res = await call('GET', `${path}?skip=${BULK_ACCOUNT_NUMBER_COUNT - 30}&maxpagesize=100`);
      const page = res.body as Page;
      assert.equal(page.value.length, 30);
      assert.equal(page.value[29].telephoneNumber, '+442030099999');
      assert.equal(page.nextLink, undefined);
    });

    it('follows nextLink from near the end to the last number, in order and without repeats', async () => {
      let res = await call('GET', `${path}?skip=${BULK_ACCOUNT_NUMBER_COUNT - 250}&maxpagesize=100&countRecords=true`);
      const seen: string[] = [];
      for (;;) {
        assert.equal(res.status, 200);
        assert.equal(res.headers['x-ms-record-count'], String(BULK_ACCOUNT_NUMBER_COUNT), 'nextLink keeps countRecords');
        const page = res.body as Page;
        seen.push(...page.value.map((n) => n.telephoneNumber));
        if (!page.nextLink) break;
        res = await call('GET', page.nextLink);
      }
      assert.equal(seen.length, 250);
      assert.equal(seen[seen.length - 1], '+442030099999');
      assert.deepEqual([...seen].sort(), seen);
      assert.equal(new Set(seen).size, seen.length);
    });

    it('honours top across pages', async () => {
      let res = await call('GET', `${path}?top=120&maxpagesize=50`);
      let total = 0;
      let pages = 0;
      for (;;) {
        const page = res.body as Page;
        total += page.value.length;
        pages += 1;
        if (!page.nextLink) break;
        res = await call('GET', page.nextLink);
      }
      assert.equal(total, 120);
      assert.equal(pages, 3);
    });

    it('filters by prefix and status, and refuses a filter it does not support', async () => {
      const prefix = await call('GET', `${path}?countRecords=true&filter=${encodeURIComponent("startswith(telephoneNumber,'+4420300123')")}`);
      assert.equal(prefix.headers['x-ms-record-count'], '100');
      assert.equal((prefix.body as Page).value[0].telephoneNumber, '+442030012300');
      const failed = await call('GET', `/numbers?filter=${encodeURIComponent("serviceProvisioningStatus eq 'failed' and accountName eq 'Northwind-Bulk'")}`);
      assert.deepEqual(
        (failed.body as Page).value.map((n) => n.telephoneNumber),
        ['+442030000050'],
      );
      const bad = await call('GET', `${path}?filter=${encodeURIComponent("telephoneNumber gt '+44'")}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.headers['x-ms-error-code'], 'InvalidFilter');
      assert.match(errorOf(bad).message, /Operator 'gt' is not supported/);
    });

    it('reports numberCount on the account', async () => {
      const res = await call('GET', `/accounts/${BULK_ACCOUNT_NAME}`);
      const body = res.body as { serviceDetails: { teamsOperatorConnect: { numberCount: number } } };
      assert.equal(body.serviceDetails.teamsOperatorConnect.numberCount, BULK_ACCOUNT_NUMBER_COUNT);
    });
  });

  describe('ETags', () => {
    it('412s a stale If-Match, 412s If-None-Match: * on an existing account, and 304s a current If-None-Match', async () => {
      const first = await createAccount('Etag-Test');
      const etag = first.headers.etag;
      assert.match(etag, /^"[^"]+"$/);
      const update = await call('PUT', '/accounts/Etag-Test', { headers: { 'if-match': etag }, body: { name: 'Etag-Test', correlationId: 'T-1' } });
      assert.equal(update.status, 200);
      assert.notEqual(update.headers.etag, etag);
      const stale = await call('PUT', '/accounts/Etag-Test', { headers: { 'if-match': etag }, body: { name: 'Etag-Test', correlationId: 'T-2' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers['x-ms-error-code'], 'PreconditionFailed');
      const exists = await call('PUT', '/accounts/Etag-Test', { headers: { 'if-none-match': '*' }, body: { name: 'Etag-Test' } });
      assert.equal(exists.status, 412);
      const notModified = await call('GET', '/accounts/Etag-Test', { headers: { 'if-none-match': update.headers.etag } });
      assert.equal(notModified.status, 304);
      const missing = await call('DELETE', '/accounts/No-Such-Account', { headers: { 'if-match': '*' } });
      assert.equal(missing.status, 412);
    });
  });

  describe('repeatable requests', () => {
    it('replays a batch without applying it again', async () => {
      const account = 'Repeat-Test';
      await createAccount(account);
      const headers = { 'repeatability-request-id': 'b1a0c6f8-0d5e-4f3a-9b0e-5b8a2f1c0001', 'repeatability-first-sent': new Date().toUTCString() };
      const body = { numbers: [ocNumber('+14255553001', account), ocNumber('+14255553002', account)] };
      const first = await call('POST', `/accounts/${account}:createOrUpdateNumbers`, { headers, body });
      assert.equal(first.status, 200);
      assert.equal(first.headers['repeatability-result'], 'accepted');
      assert.equal((await call('DELETE', `/accounts/${account}/numbers/+14255553001`)).status, 204);

      const replay = await call('POST', `/accounts/${account}:createOrUpdateNumbers`, { headers, body });
      assert.equal(replay.status, 200);
      assert.equal(replay.headers['repeatability-result'], 'accepted');
      assert.deepEqual(replay.body, first.body, 'the original answer');
      assert.equal((await call('GET', `/accounts/${account}/numbers/+14255553001`)).status, 404, 'not applied again');

      const reused = await call('POST', `/accounts/${account}:createOrUpdateNumbers`, { headers, body: { numbers: [ocNumber('+14255553003', account)] } });
      assert.equal(reused.status, 409);
      assert.equal(reused.headers['repeatability-result'], 'rejected');
    });

    it('rejects a malformed Repeatability-First-Sent', async () => {
      const res = await call('PUT', '/accounts/Repeat-Bad', {
        headers: { 'repeatability-request-id': 'b1a0c6f8-0d5e-4f3a-9b0e-5b8a2f1c0002', 'repeatability-first-sent': '2025-01-01T00:00:00Z' },
        body: { name: 'Repeat-Bad' },
      });
      assert.equal(res.status, 400);
      assert.equal(res.headers['repeatability-result'], 'rejected');
    });
  });

  describe('validation', () => {
    it('400s a bad number with a ValidationError naming the rule and the place', async () => {
      const account = 'Validation-Test';
      await createAccount(account);
      const single = await call('PUT', `/accounts/${account}/numbers/+14255553100`, {
        body: { ...ocNumber('+14255553100', account), configuration: { customSipHeader: 'has spaces' } },
      });
      assert.equal(single.status, 400);
      assert.equal(single.headers['x-ms-error-code'], 'ValidationError');
      assert.deepEqual(errorOf(single).details?.map((d) => [d.code, d.target]), [['ACG-NUM-012', 'configuration.customSipHeader']]);

      const batch = await call('POST', `/accounts/${account}:createOrUpdateNumbers`, {
        body: { numbers: [ocNumber('+14255553101', account), ocNumber('014255553102', account)] },
      });
      assert.equal(batch.status, 400);
      const details = errorOf(batch).details ?? [];
      assert.ok(details.some((d) => d.target === 'numbers[1].telephoneNumber' && d.code.startsWith('ACG-NUM-')), JSON.stringify(details));
      assert.equal((await call('GET', `/accounts/${account}/numbers/+14255553101`)).status, 404, 'all or nothing');

      const tooMany = await call('POST', `/accounts/${account}:createOrUpdateNumbers`, {
        body: { numbers: Array.from({ length: 101 }, (_, i) => ocNumber(`+1425555${4000 + i}`, account)) },
      });
      assert.equal(tooMany.status, 400);
      assert.ok(errorOf(tooMany).details?.some((d) => d.code === 'ACG-BATCH-001'));

      const mismatch = await call('PUT', `/accounts/${account}`, { body: { name: 'Other-Name' } });
      assert.equal(mismatch.status, 400);
    });

    it('keeps a number in one account, and refuses a tenant change while Teams numbers exist', async () => {
      const taken = await call('PUT', '/accounts/Validation-Test/numbers/+14255550101', { body: ocNumber('+14255550101', 'Validation-Test') });
      assert.equal(taken.status, 409);
      const change = await call('PUT', '/accounts/Fabrikam-Finance', {
        body: { name: 'Fabrikam-Finance', serviceDetails: { teamsTenantId: SEED_TENANT_IDS.adatum, teamsOperatorConnect: { enabled: true, syncEnabled: true } } },
      });
      assert.equal(change.status, 409);
      assert.match(errorOf(change).message, /teamsTenantId can only change/);
    });

    it('refuses to delete an account with numbers unless deleteNumbers=true', async () => {
      const account = 'Delete-Test';
      await createAccount(account);
      await call('PUT', `/accounts/${account}/numbers/+14255553200`, { body: ocNumber('+14255553200', account) });
      assert.equal((await call('DELETE', `/accounts/${account}`)).status, 409);
      assert.equal((await call('DELETE', `/accounts/${account}?deleteNumbers=true`)).status, 204);
      assert.equal((await call('GET', `/accounts/${account}`)).status, 404);
      assert.equal((await call('GET', `/numbers?filter=${encodeURIComponent("telephoneNumber eq '+14255553200'")}&countRecords=true`)).headers['x-ms-record-count'], '0');
    });
  });

  describe('requests for information', () => {
    const munson = `/teamsRequestsForInformation/${SEED_TENANT_IDS.munson}`;
    const patch = (body: unknown, contentType = 'application/merge-patch+json'): Promise<TestResponse> =>
      call('PATCH', munson, { headers: { 'content-type': contentType }, body: JSON.stringify(body) });

    it('lists every consent with the record count', async () => {
      const res = await call('GET', '/teamsRequestsForInformation?countRecords=true');
      const count = Number(res.headers['x-ms-record-count']);
      assert.ok(count >= 20);
      assert.equal((res.body as { value: unknown[] }).value.length, count);
    });

    it('takes merge patches of customerRelationship only, with the reason rules', async () => {
      assert.equal((await patch({ customerRelationship: { status: 'ConsentAcknowledged' } }, 'application/json')).status, 415);

      const noReason = await patch({ customerRelationship: { status: 'ConsentDeclined' } });
      assert.equal(noReason.status, 400);
      assert.equal(errorOf(noReason).details?.[0].code, 'ACG-RFI-002');
      assert.equal(errorOf(noReason).details?.[0].target, 'customerRelationship.comment');

      const tooLong = await patch({ customerRelationship: { status: 'ConsentDeclined', comment: 'x'.repeat(65) } });
      assert.equal(tooLong.status, 400);
      assert.equal(errorOf(tooLong).details?.[0].code, 'ACG-REF-001');

      const declined = await patch({ customerRelationship: { status: 'ConsentDeclined', comment: 'Outside our coverage' } });
      assert.equal(declined.status, 200, declined.text);
      const relationship = (declined.body as { customerRelationship: { status: string; comment: string; lastModifiedOn: string } }).customerRelationship;
      assert.equal(relationship.status, 'ConsentDeclined');
      assert.ok(Date.now() - Date.parse(relationship.lastModifiedOn) < 60_000);
      assert.ok(declined.headers.etag);

      const dropReason = await patch({ customerRelationship: { comment: null } });
      assert.equal(dropReason.status, 400, 'null removes the comment, and ConsentDeclined needs one');

      const readOnly = await patch({ status: 'active' });
      assert.equal(readOnly.status, 400);

      const cleared = await patch({ customerRelationship: null });
      assert.equal(cleared.status, 200);
      assert.equal((cleared.body as Record<string, unknown>).customerRelationship, undefined);
    });
  });

  describe('serviceProvisioningStatus', () => {
    it('is pending after a write and synced once syncDelayMs has passed (on the emulator\'s clock, moved by the test)', async () => {
      const realNow = emulator.context.now;
      let time = realNow();
      emulator.context.now = () => time;
      try {
        await pendingThenSynced(() => time, (ms) => (time += ms));
      } finally {
        emulator.context.now = realNow;
      }
    });

    async function pendingThenSynced(now: () => number, advance: (ms: number) => void): Promise<void> {
      const account = 'Sync-Test';
      const created = await createAccount(account);
      assert.equal((created.body as { serviceProvisioningStatus: string }).serviceProvisioningStatus, 'pending');
      const put = await call('PUT', `/accounts/${account}/numbers/+14255553300`, { body: ocNumber('+14255553300', account) });
      assert.equal(put.status, 201);
      assert.equal((put.body as { serviceProvisioningStatus: string }).serviceProvisioningStatus, 'pending');
      const writtenAt = now();
      advance(49);
      const early = await call('GET', `/accounts/${account}/numbers/+14255553300`);
      assert.equal((early.body as { serviceProvisioningStatus: string }).serviceProvisioningStatus, 'pending', `still pending ${now() - writtenAt} ms after the write`);
      advance(1);
      const later = await call('GET', `/accounts/${account}/numbers/+14255553300`);
      assert.equal((later.body as { serviceProvisioningStatus: string }).serviceProvisioningStatus, 'synced');
      const accountLater = await call('GET', `/accounts/${account}`);
      const body = accountLater.body as { serviceProvisioningStatus: string; serviceDetails: { teamsOperatorConnect: { numberCount: number } } };
      assert.equal(body.serviceProvisioningStatus, 'synced');
      assert.equal(body.serviceDetails.teamsOperatorConnect.numberCount, 1);
    }

    it('keeps seeded failures failed, with their errors', async () => {
      const res = await call('GET', `/accounts/${BULK_ACCOUNT_NAME}/numbers/+442030000050`);
      const body = res.body as { serviceProvisioningStatus: string; serviceProvisioningErrors: { code: string }[] };
      assert.equal(body.serviceProvisioningStatus, 'failed');
      assert.equal(body.serviceProvisioningErrors[0].code, 'NumberAlreadyAcquired');
    });
  });

  describe('odd names', () => {
    it('treats an account called __proto__ as an ordinary account', async () => {
      await createAccount('__proto__');
      assert.equal((await call('GET', '/accounts/__proto__')).status, 200);
      const list = await call('GET', `/accounts?filter=${encodeURIComponent("name eq '__proto__'")}`);
      assert.equal((list.body as { value: unknown[] }).value.length, 1);
      assert.equal((await call('DELETE', '/accounts/__proto__')).status, 204);
      assert.equal((await call('GET', '/accounts/__proto__')).status, 404);
    });
  });

  describe('Teams views', () => {
    it('serves capability plans, available capabilities and civic addresses', async () => {
      const plans = await call('POST', '/accounts/Fabrikam-Finance:getTeamsCapabilityPlans');
      const usages = (plans.body as { capabilityPlans: { usage: string }[] }).capabilityPlans.map((p) => p.usage);
      assert.ok(usages.includes('CallingUserAssignment') && usages.includes('ConferenceAssignment'));
      const available = await call('POST', '/accounts/Fabrikam-Finance:getTeamsAvailableCapabilities', { body: { numbers: [{ telephoneNumber: '+14255550101' }] } });
      assert.deepEqual(available.body, { availableCapabilities: ['UserAssignment'] });
      const list = await call('GET', '/accounts/Fabrikam-Finance/teamsCivicAddresses?countRecords=true');
      assert.equal(list.headers['x-ms-record-count'], '2');
      const first = (list.body as { value: { id: string }[] }).value[0];
      const one = await call('GET', `/accounts/Fabrikam-Finance/teamsCivicAddresses/${first.id}`);
      assert.equal(one.status, 200);
      assert.ok(one.headers.etag);
    });
  });
});

describe('emulator: Provisioning API state file', function () {
  this.timeout(30_000);

  it('keeps writes across a restart and saves the 100,000 numbers as a descriptor, not a list', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'acg-prov-state-'));
    const stateFile = join(dataDir, 'state.json');
    try {
      const domain = demoGatewayDomain(GATEWAY_PRODUCTION);
      const headersFor = async (emulator: RunningEmulator): Promise<Record<string, string>> => ({
        authorization: `Bearer ${await emulator.context.tokens.issue(
          { aud: APP_ID, tid: DEMO_TENANT_ID, oid: 'o', appid: 'a', idtyp: 'app', roles: ['ProvisioningAPI.Admin'] },
          'https://issuer.example',
        )}`,
      });
      const first = await startEmulator({ port: 0, dataDir, stateFile, rateLimit: { requestsPerWindow: 0 } });
      const url = `${first.url}/provapi/${domain}/accounts/${BULK_ACCOUNT_NAME}:deleteNumbers?${API}`;
      const deleted = await request(url, {
        method: 'POST',
        headers: await headersFor(first),
        body: { numbers: [{ telephoneNumber: '+442030000007' }] },
        ca: first.caCertPem,
      });
      assert.equal(deleted.status, 204);
      await first.stop();
      const saved = readFileSync(stateFile, 'utf8');
      assert.ok(saved.length < 2_000_000, `state file is ${saved.length} bytes`);

      const second = await startEmulator({ port: 0, dataDir, stateFile, rateLimit: { requestsPerWindow: 0 } });
      try {
        const res = await request(`${second.url}/provapi/${domain}/accounts/${BULK_ACCOUNT_NAME}/numbers?${API}&countRecords=true&top=10`, {
          headers: await headersFor(second),
          ca: second.caCertPem,
        });
        assert.equal(res.headers['x-ms-record-count'], String(BULK_ACCOUNT_NUMBER_COUNT - 1));
        const numbers = (res.body as Page).value.map((n) => n.telephoneNumber);
        assert.ok(!numbers.includes('+442030000007'));
        assert.equal(numbers.length, 10);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
