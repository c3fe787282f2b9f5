// Replay protection (Repeatability-Request-ID with Repeatability-First-Sent) on every kind of Provisioning API write:
// the batch (create and delete), PUT, PATCH and DELETE. For each, the first request is answered and applied; another
// write then changes the same thing; the first request sent again (same id, same First-Sent) must get the FIRST
// answer back and must not be applied again: the change in between survives, and the emulator's count of writes per
// number (GET /_admin/provisioning/{domain}/number-writes) does not move.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, GATEWAY_PRODUCTION, demoGatewayDomain } from '../../../emulator/seed/ids';
import { SEED_TENANT_IDS } from '../../../emulator/seed/provisioning';
import { request, type TestResponse } from '../../support/https';

const API = 'api-version=2024-02-29-preview';
const APP_ID = '8502a0ec-c76d-412f-836c-398018e2312b';
const DOMAIN = demoGatewayDomain(GATEWAY_PRODUCTION);
const ACCOUNT = 'Replay-Test';

describe('emulator: replayed writes (Repeatability-Request-ID) answer as first and are not applied twice', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let bearer: string;

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    request(`${emulator.url}/provapi/${DOMAIN}${path}?${API}`, { method, headers: { ...headers, authorization: `Bearer ${bearer}` }, body, ca: emulator.caCertPem });
  const repeatable = (): Record<string, string> => ({ 'Repeatability-Request-ID': randomUUID(), 'Repeatability-First-Sent': new Date().toUTCString() });
  const writes = async (): Promise<Record<string, number>> => {
    const res = await request(`${emulator.url}/_admin/provisioning/${DOMAIN}/number-writes?prefix=%2B4930711`, { method: 'GET', ca: emulator.caCertPem });
    assert.equal(res.status, 200, res.text);
    return (res.body as { writes: Record<string, number> }).writes;
  };
  const number = (telephoneNumber: string, usage = 'FirstPartyAppAssignment') => ({
    telephoneNumber,
    accountName: ACCOUNT,
    serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage, choosableCapabilities: ['InboundCalling'] } } },
  });
  const numberPath = (tel: string) => `/accounts/${ACCOUNT}/numbers/${encodeURIComponent(tel)}`;
  const usageOf = async (tel: string): Promise<string | undefined> => {
    const res = await call('GET', numberPath(tel));
    return res.status === 200 ? (res.body as ReturnType<typeof number>).serviceDetails.teamsOperatorConnect.configuration.usage : undefined;
  };

  /** The replay answers exactly as the first request did, and says it was accepted. */
  function assertReplayed(replay: TestResponse, first: TestResponse): void {
    assert.equal(replay.status, first.status);
    assert.equal(replay.headers['repeatability-result'], 'accepted');
    assert.deepEqual(replay.body, first.body, 'the first answer, not a new one');
    assert.equal(replay.headers.etag, first.headers.etag);
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-replay-'));
    emulator = await startEmulator({ port: 0, dataDir, config: { syncDelayMs: 0 }, rateLimit: { requestsPerWindow: 0 } });
    bearer = await emulator.context.tokens.issue(
      { aud: APP_ID, tid: DEMO_TENANT_ID, oid: 'c0ffee00-0000-4000-8000-0000000000f1', appid: 'c0ffee00-0000-4000-8000-0000000000f2', idtyp: 'app', roles: ['ProvisioningAPI.Admin'] },
      `${emulator.url}/${DEMO_TENANT_ID}/v2.0`,
    );
    const account = await call('PUT', `/accounts/${ACCOUNT}`, { name: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } });
    assert.equal(account.status, 201, account.text);
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('batch create (POST :createOrUpdateNumbers)', async () => {
    const [a, b] = ['+493071100001', '+493071100002'];
    const headers = repeatable();
    const body = { numbers: [number(a), number(b)] };
    const first = await call('POST', `/accounts/${ACCOUNT}:createOrUpdateNumbers`, body, headers);
    assert.equal(first.status, 200, first.text);
    assert.equal((await call('PUT', numberPath(a), number(a, 'ConferenceAssignment'))).status, 200);
    const before = await writes();
    assertReplayed(await call('POST', `/accounts/${ACCOUNT}:createOrUpdateNumbers`, body, headers), first);
    assert.deepEqual(await writes(), before, 'no number written by the replay');
    assert.equal(await usageOf(a), 'ConferenceAssignment', 'the change made after the first request survives');
  });

  it('PUT a number', async () => {
    const tel = '+493071100011';
    const headers = repeatable();
    const first = await call('PUT', numberPath(tel), number(tel), headers);
    assert.equal(first.status, 201, first.text);
    assert.equal((await call('PUT', numberPath(tel), number(tel, 'ConferenceAssignment'))).status, 200);
    const before = await writes();
    assert.equal(before[tel], 2);
    assertReplayed(await call('PUT', numberPath(tel), number(tel), headers), first);
    assert.deepEqual(await writes(), before);
    assert.equal(await usageOf(tel), 'ConferenceAssignment');
  });

  it('PUT an account', async () => {
    const name = 'Replay-Account';
    const headers = repeatable();
    const body = { name, correlationId: 'FIRST', serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } };
    const first = await call('PUT', `/accounts/${name}`, body, headers);
    assert.equal(first.status, 201, first.text);
    assert.equal((await call('PUT', `/accounts/${name}`, { ...body, correlationId: 'SECOND' })).status, 200);
    assertReplayed(await call('PUT', `/accounts/${name}`, body, headers), first);
    assert.equal(((await call('GET', `/accounts/${name}`)).body as { correlationId: string }).correlationId, 'SECOND');
  });

  it('PATCH a request for information (merge patch of customerRelationship)', async () => {
    const path = `/teamsRequestsForInformation/${SEED_TENANT_IDS.munson}`;
    const patch = (status: string, comment: string, headers: Record<string, string> = {}) =>
      call('PATCH', path, JSON.stringify({ customerRelationship: { status, comment } }), { ...headers, 'content-type': 'application/merge-patch+json' });
    const headers = repeatable();
    const first = await patch('ConsentDeclined', 'First answer', headers);
    assert.equal(first.status, 200, first.text);
    const second = await patch('ConsentDeclined', 'Changed since');
    assert.equal(second.status, 200, second.text);
    assertReplayed(await patch('ConsentDeclined', 'First answer', headers), first);
    const now = (await call('GET', path)).body as { customerRelationship: { comment: string } };
    assert.equal(now.customerRelationship.comment, 'Changed since', 'the replay did not patch again');
    assert.equal((await call('GET', path)).headers.etag, second.headers.etag);
  });

  it('DELETE a number', async () => {
    const tel = '+493071100021';
    assert.equal((await call('PUT', numberPath(tel), number(tel))).status, 201);
    const headers = repeatable();
    const first = await call('DELETE', numberPath(tel), undefined, headers);
    assert.equal(first.status, 204, first.text);
    assert.equal((await call('PUT', numberPath(tel), number(tel, 'ConferenceAssignment'))).status, 201, 'made again');
    const before = await writes();
    assert.equal(before[tel], 3);
    assertReplayed(await call('DELETE', numberPath(tel), undefined, headers), first);
    assert.deepEqual(await writes(), before);
    assert.equal(await usageOf(tel), 'ConferenceAssignment', 'the number made again is not deleted by the replay');
  });

  it('batch delete (POST :deleteNumbers)', async () => {
    const tel = '+493071100031';
    assert.equal((await call('PUT', numberPath(tel), number(tel))).status, 201);
    const headers = repeatable();
    const body = { numbers: [{ telephoneNumber: tel }] };
    const first = await call('POST', `/accounts/${ACCOUNT}:deleteNumbers`, body, headers);
    assert.equal(first.status, 204, first.text);
    assert.equal((await call('PUT', numberPath(tel), number(tel))).status, 201);
    const before = await writes();
    assertReplayed(await call('POST', `/accounts/${ACCOUNT}:deleteNumbers`, body, headers), first);
    assert.deepEqual(await writes(), before);
    assert.equal(await usageOf(tel), 'FirstPartyAppAssignment');
  });

  it('DELETE an account', async () => {
    const name = 'Replay-Gone';
    const body = { name, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } };
    assert.equal((await call('PUT', `/accounts/${name}`, body)).status, 201);
    const headers = repeatable();
    const first = await call('DELETE', `/accounts/${name}`, undefined, headers);
    assert.ok(first.status === 200 || first.status === 204, first.text);
    assert.equal((await call('PUT', `/accounts/${name}`, body)).status, 201, 'made again');
    assertReplayed(await call('DELETE', `/accounts/${name}`, undefined, headers), first);
    assert.equal((await call('GET', `/accounts/${name}`)).status, 200, 'the account made again is still there');
  });

  it('the same id on a different request of each kind is refused (409, rejected) and changes nothing', async () => {
    const tel = '+493071100041';
    const headers = repeatable();
    assert.equal((await call('PUT', numberPath(tel), number(tel), headers)).status, 201);
    const before = await writes();
    for (const [method, path, body] of [
      ['PUT', numberPath(tel), number(tel, 'ConferenceAssignment')],
      ['DELETE', numberPath(tel), undefined],
      ['POST', `/accounts/${ACCOUNT}:deleteNumbers`, { numbers: [{ telephoneNumber: tel }] }],
    ] as const) {
      const reused = await call(method, path, body, headers);
      assert.equal(reused.status, 409, `${method} ${path}: ${reused.text}`);
      assert.equal(reused.headers['repeatability-result'], 'rejected');
    }
    assert.deepEqual(await writes(), before);
    assert.equal(await usageOf(tel), 'FirstPartyAppAssignment');
  });
});
