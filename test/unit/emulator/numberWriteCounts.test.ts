// The emulator's count of writes per number (GET /_admin/provisioning/{domain}/number-writes): what the reliability
// run (scripts/reliability-apply.ts) reads to prove that a kill and a resume wrote no number twice. A replayed request
// (same Repeatability-Request-ID) must not count; a batch, a single PUT and the deletes must.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, GATEWAY_PRODUCTION, demoGatewayDomain } from '../../../emulator/seed/ids';
import { request, type TestResponse } from '../../support/https';

const API = 'api-version=2024-02-29-preview';
const APP_ID = '8502a0ec-c76d-412f-836c-398018e2312b';
const DOMAIN = demoGatewayDomain(GATEWAY_PRODUCTION);
const ACCOUNT = 'Write-Count-Test';
const [A, B] = ['+493070000001', '+493070000002'];

describe('emulator: writes per number (admin counter)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let bearer: string;

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    request(`${emulator.url}/provapi/${DOMAIN}${path}?${API}`, { method, headers: { ...headers, authorization: `Bearer ${bearer}` }, body, ca: emulator.caCertPem });
  const writes = async (path = `/_admin/provisioning/${DOMAIN}/number-writes?prefix=%2B4930700`): Promise<TestResponse> =>
    request(`${emulator.url}${path}`, { method: 'GET', ca: emulator.caCertPem });
  const number = (telephoneNumber: string) => ({
    telephoneNumber,
    accountName: ACCOUNT,
    serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } },
  });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-write-counts-'));
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

  it('counts each batch, PUT and delete that took effect, and nothing for a replayed batch', async () => {
    assert.deepEqual((await writes()).body, { writes: {} });
    const repeatability = { 'Repeatability-Request-ID': 'f0e1d2c3-0000-4000-8000-000000000001', 'Repeatability-First-Sent': new Date().toUTCString() };
    for (let send = 0; send < 2; send++) {
      const batch = await call('POST', `/accounts/${ACCOUNT}:createOrUpdateNumbers`, { numbers: [number(A), number(B)] }, repeatability);
      assert.equal(batch.status, 200, batch.text);
    }
    assert.deepEqual((await writes()).body, { writes: { [A]: 1, [B]: 1 } }, 'the resend was replayed, not applied');

    assert.equal((await call('PUT', `/accounts/${ACCOUNT}/numbers/${encodeURIComponent(A)}`, number(A))).status, 200);
    assert.equal((await call('DELETE', `/accounts/${ACCOUNT}/numbers/${encodeURIComponent(B)}`)).status, 204);
    assert.equal((await call('DELETE', `/accounts/${ACCOUNT}/numbers/${encodeURIComponent(B)}`)).status, 204, 'already gone: no write');
    assert.equal((await call('POST', `/accounts/${ACCOUNT}:deleteNumbers`, { numbers: [{ telephoneNumber: A }] })).status, 204);
    assert.deepEqual((await writes()).body, { writes: { [A]: 3, [B]: 2 } });
  });

  it('narrows by prefix and refuses an unknown gateway', async () => {
    assert.deepEqual((await writes(`/_admin/provisioning/${DOMAIN}/number-writes?prefix=%2B1`)).body, { writes: {} });
    const unknown = await writes('/_admin/provisioning/nowhere.example/number-writes');
    assert.equal(unknown.status, 404);
  });
});
