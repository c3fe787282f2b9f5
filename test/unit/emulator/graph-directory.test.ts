// The emulator's Graph domains, applications and JSON batching over real HTTPS.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { seedDirectory } from '../../../emulator/seed/directory';
import { seedArm } from '../../../emulator/seed/gateways';
import {
  DEMO_TENANT_ID,
  GATEWAY_GAPS,
  GATEWAY_PRODUCTION,
  OPERATOR_CLIENT_ID,
  OPERATOR_OBJECT_ID,
  PROJECT_SYNERGY_APP_ID,
  READER_CLIENT_ID,
  READER_OBJECT_ID,
  demoGatewayDomain,
} from '../../../emulator/seed/ids';
import type { EmulatorState } from '../../../emulator/state';
import { request, type TestResponse } from '../../support/https';

interface GraphErrorBody {
  error: { code: string; message: string };
}

interface Domain {
  id: string;
  isVerified: boolean;
  isRoot: boolean;
  supportedServices: string[];
}

interface DnsRecord {
  '@odata.type': string;
  recordType: string;
  label: string;
  text?: string;
  mailExchange?: string;
  preference?: number;
  ttl: number;
}

interface BatchBody {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
}

const LEGACY_APP_OBJECT_ID = 'c0ffee00-0000-4000-8000-0000000000c3';

function directoryState(): EmulatorState {
  return { version: 1, ...seedDirectory(), ...seedArm(), provisioning: {} };
}

describe('emulator: Microsoft Graph (domains, applications, $batch)', function () {
  let emulator: RunningEmulator;
  let dataDir: string;
  let operator: string;
  let reader: string;

  function graph(path: string, bearer: string, init: { method?: string; body?: unknown } = {}): Promise<TestResponse> {
    return request(`${emulator.url}/graph/v1.0${path}`, { ...init, ca: emulator.caCertPem, headers: { authorization: `Bearer ${bearer}` } });
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-graph-d-'));
    emulator = await startEmulator({ port: 0, dataDir, initialState: directoryState() });
    const issuer = `${emulator.url}/${DEMO_TENANT_ID}/v2.0`;
    const base = { aud: 'https://graph.microsoft.com', tid: DEMO_TENANT_ID, idtyp: 'app' as const };
    const operatorSp = emulator.context.state.directory.servicePrincipals.find((sp) => sp.id === OPERATOR_OBJECT_ID)!;
    operator = await emulator.context.tokens.issue({ ...base, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, roles: operatorSp.graphPermissions }, issuer);
    reader = await emulator.context.tokens.issue({ ...base, oid: READER_OBJECT_ID, appid: READER_CLIENT_ID }, issuer);
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('domains', () => {
    const gapsDomain = demoGatewayDomain(GATEWAY_GAPS);

    it('lists domains and gets one, without the emulator-only fields', async () => {
      const list = (await graph('/domains', operator)).body as { value: Domain[] };
      assert.ok(list.value.some((d) => d.id === demoGatewayDomain(GATEWAY_PRODUCTION) && d.isVerified));
      const res = await graph(`/domains/${gapsDomain.toUpperCase()}`, operator);
      assert.equal(res.status, 200);
      const domain = res.body as Domain & Record<string, unknown>;
      assert.equal(domain.id, gapsDomain);
      assert.equal(domain.isVerified, false);
      assert.equal(domain.verificationCode, undefined);
      assert.equal(domain.txtRecordPublished, undefined);
      assert.equal((await graph('/domains/nope.example.com', operator)).status, 404);
    });

    it('gives the TXT and MX verification records in domainDnsRecord shapes', async () => {
      const res = await graph(`/domains/${gapsDomain}/verificationDnsRecords`, operator);
      assert.equal(res.status, 200);
      const records = (res.body as { value: DnsRecord[] }).value;
      const txt = records.find((r) => r.recordType === 'Txt');
      const mx = records.find((r) => r.recordType === 'Mx');
      assert.equal(txt?.['@odata.type'], '#microsoft.graph.domainDnsTxtRecord');
      assert.match(txt?.text ?? '', /^MS=ms\w+$/);
      assert.equal(txt?.label, gapsDomain);
      assert.equal(mx?.['@odata.type'], '#microsoft.graph.domainDnsMxRecord');
      assert.match(mx?.mailExchange ?? '', /^ms\w+\.msv1\.invalid$/);
      assert.equal(mx?.preference, 32767);
    });

    it('refuses to verify until the TXT record is published, then verifies', async () => {
      const early = await graph(`/domains/${gapsDomain}/verify`, operator, { method: 'POST' });
      assert.equal(early.status, 400);
      assert.match((early.body as GraphErrorBody).error.message, /verification failed.*TXT record MS=/i);
      const published = await request(`${emulator.url}/_admin/domains/${gapsDomain}/publish-txt`, { method: 'POST', ca: emulator.caCertPem });
      assert.equal(published.status, 200);
      const verified = await graph(`/domains/${gapsDomain}/verify`, operator, { method: 'POST' });
      assert.equal(verified.status, 200);
      assert.equal((verified.body as Domain).isVerified, true);
      assert.ok((verified.body as Domain).supportedServices.includes('Email'));
    });

    it('adds a domain unverified with a new code, and refuses a duplicate', async () => {
      const created = await graph('/domains', operator, { method: 'POST', body: { id: 'newlabel1.commsgw.azure.com' } });
      assert.equal(created.status, 201);
      const domain = created.body as Domain;
      assert.equal(domain.isVerified, false);
      const stored = emulator.context.state.directory.domains.find((d) => d.id === 'newlabel1.commsgw.azure.com');
      assert.match(stored?.verificationCode ?? '', /^ms\d{8}$/);
      assert.equal(stored?.txtRecordPublished, false);
      const duplicate = await graph('/domains', operator, { method: 'POST', body: { id: 'NewLabel1.commsgw.azure.com' } });
      assert.equal(duplicate.status, 400);
      const invalid = await graph('/domains', operator, { method: 'POST', body: { id: 'not a domain' } });
      assert.equal(invalid.status, 400);
    });

    it('403s domain reads without a domain permission', async () => {
      const res = await graph('/domains', reader);
      assert.equal(res.status, 403);
      assert.equal((res.body as GraphErrorBody).error.code, 'Authorization_RequestDenied');
    });
  });

  describe('applications', () => {
    it('returns only passwordCredentials with $select=passwordCredentials', async () => {
      const res = await graph(`/applications/${LEGACY_APP_OBJECT_ID}?$select=passwordCredentials`, operator);
      assert.equal(res.status, 200);
      const body = res.body as Record<string, unknown> & { passwordCredentials: { endDateTime: string; secretText: null }[] };
      assert.deepEqual(Object.keys(body).sort(), ['@odata.context', 'passwordCredentials']);
      assert.equal(body['@odata.context'], `${emulator.url}/graph/v1.0/$metadata#applications(passwordCredentials)/$entity`);
      // Seeded relative to the seed time (40 days on), so the sandbox's legacy check passes on any day.
      const daysLeft = (Date.parse(body.passwordCredentials[0].endDateTime) - Date.now()) / 86_400_000;
      assert.ok(daysLeft > 39 && daysLeft <= 40, `the legacy secret expires ${daysLeft} days from now`);
      assert.equal(body.passwordCredentials[0].secretText, null);
    });

    it('filters applications by appId', async () => {
      const res = await graph(`/applications?$filter=appId eq '${OPERATOR_CLIENT_ID}'`, operator);
      assert.deepEqual((res.body as { value: { appId: string }[] }).value.map((a) => a.appId), [OPERATOR_CLIENT_ID]);
    });

    it('adds a password once (secretText), and the secret works for client credentials', async () => {
      const res = await graph(`/applications/${LEGACY_APP_OBJECT_ID}/addPassword`, operator, {
        method: 'POST',
        body: { passwordCredential: { displayName: 'rotated', endDateTime: '2027-06-01T00:00:00Z' } },
      });
      assert.equal(res.status, 200);
      const credential = res.body as { secretText: string; hint: string; keyId: string; endDateTime: string; displayName: string };
      assert.equal(credential.secretText.length, 40);
      assert.equal(credential.hint, credential.secretText.slice(0, 3));
      assert.equal(credential.endDateTime, '2027-06-01T00:00:00.000Z');
      assert.equal(credential.displayName, 'rotated');
      const after = (await graph(`/applications/${LEGACY_APP_OBJECT_ID}?$select=passwordCredentials`, operator)).body as { passwordCredentials: { keyId: string; secretText: null }[] };
      assert.ok(after.passwordCredentials.some((p) => p.keyId === credential.keyId && p.secretText === null), 'the secret is returned once only');
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'c0ffee00-0000-4000-8000-000000000003', client_secret: credential.secretText, scope: 'https://graph.microsoft.com/.default' });
      const tokenRes = await request(`${emulator.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
        method: 'POST',
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        ca: emulator.caCertPem,
      });
      assert.equal(tokenRes.status, 200, tokenRes.text);
    });
  });

  describe('$batch', () => {
    it('runs each request through the router and the same auth, keeping ids and statuses', async () => {
      const res = await graph('/$batch', operator, {
        method: 'POST',
        body: {
          requests: [
            { id: '1', method: 'GET', url: `/servicePrincipals?$filter=appId eq '${PROJECT_SYNERGY_APP_ID}'&$select=id` },
            { id: '2', method: 'GET', url: '/me' },
            { id: '3', method: 'GET', url: `domains/${demoGatewayDomain(GATEWAY_PRODUCTION)}` },
            { id: '4', method: 'GET', url: '/servicePrincipals/00000000-0000-4000-8000-000000000000' },
          ],
        },
      });
      assert.equal(res.status, 200);
      const responses = (res.body as BatchBody).responses;
      assert.deepEqual(responses.map((r) => [r.id, r.status]), [['1', 200], ['2', 400], ['3', 200], ['4', 404]]);
      assert.equal((responses[0].body as { value: unknown[] }).value.length, 1);
      assert.match(responses[0].headers['Content-Type'] ?? '', /application\/json/);
    });

    it('applies permissions per inner request', async () => {
      const res = await graph('/$batch', reader, { method: 'POST', body: { requests: [{ id: 'a', method: 'GET', url: '/servicePrincipals' }] } });
      assert.equal(res.status, 200);
      assert.equal((res.body as BatchBody).responses[0].status, 403);
    });

    it('honours dependsOn: a failed dependency gives 424', async () => {
      const res = await graph('/$batch', operator, {
        method: 'POST',
        body: {
          requests: [
            { id: 'b', method: 'GET', url: '/domains', dependsOn: ['a'] },
            { id: 'a', method: 'GET', url: '/me' },
          ],
        },
      });
      const responses = (res.body as BatchBody).responses;
      assert.deepEqual(responses.map((r) => [r.id, r.status]), [['b', 424], ['a', 400]]);
    });

    it('runs writes with a body and Content-Type', async () => {
      const res = await graph('/$batch', operator, {
        method: 'POST',
        body: { requests: [{ id: 'w', method: 'POST', url: '/domains', headers: { 'Content-Type': 'application/json' }, body: { id: 'batch-added.example.com' } }] },
      });
      assert.equal((res.body as BatchBody).responses[0].status, 201);
    });

    it('refuses more than 20 requests, a body without Content-Type, and a nested batch', async () => {
      const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/domains' }));
      const tooMany = await graph('/$batch', operator, { method: 'POST', body: { requests: many } });
      assert.equal(tooMany.status, 400);
      assert.match((tooMany.body as GraphErrorBody).error.message, /maximum is 20/);
      const twenty = await graph('/$batch', operator, { method: 'POST', body: { requests: many.slice(0, 20) } });
      assert.equal(twenty.status, 200);
      const noType = await graph('/$batch', operator, { method: 'POST', body: { requests: [{ id: '1', method: 'POST', url: '/domains', body: { id: 'x.example.com' } }] } });
      assert.equal(noType.status, 400);
      const nested = await graph('/$batch', operator, { method: 'POST', body: { requests: [{ id: '1', method: 'POST', url: '/$batch', headers: { 'content-type': 'application/json' }, body: { requests: [] } }] } });
      assert.equal((nested.body as BatchBody).responses[0].status, 400);
    });
  });
});
