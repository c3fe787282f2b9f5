// ARM writes over real HTTPS: long-running PUT and DELETE polled to the end, PATCH limits, validation through the
// shared rule table, and test lines.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { seedDirectory } from '../../../emulator/seed/directory';
import { seedArm } from '../../../emulator/seed/gateways';
import { DEMO_TENANT_ID, GATEWAY_LAB, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_OBJECT_ID, READER_CLIENT_ID, READER_OBJECT_ID, SUBSCRIPTION_PRODUCTION } from '../../../emulator/seed/ids';
import type { EmulatorState } from '../../../emulator/state';
import { request, type TestResponse } from '../../support/https';

const API = 'api-version=2023-09-01';

interface ArmErrorBody {
  error: { code: string; message: string; target?: string; details?: { code: string; message: string; target: string }[] };
}

interface Resource {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  identity?: { type: string; principalId: string; tenantId: string };
  systemData: { createdBy: string; createdByType: string; lastModifiedAt: string };
  properties: Record<string, unknown> & { provisioningState?: string; status?: string };
}

function armState(): EmulatorState {
  return { version: 1, ...seedDirectory(), ...seedArm(), provisioning: {} };
}

function gatewayPath(g: { subscriptionId: string; resourceGroup: string; name: string }): string {
  return `/subscriptions/${g.subscriptionId}/resourceGroups/${g.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${g.name}`;
}

function newGatewayBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    location: 'eastus',
    tags: { environment: 'test' },
    identity: { type: 'SystemAssigned' },
    sku: { name: 'standard' },
    properties: {
      serviceLocations: [
        { name: 'eastus', primaryRegionProperties: { operatorAddresses: ['198.51.100.50'], allowedSignalingSourceAddressPrefixes: ['198.51.100.0/24'] } },
        { name: 'westus2', primaryRegionProperties: { operatorAddresses: ['203.0.113.50'] } },
      ],
      connectivity: 'PublicAddress',
      codecs: ['PCMA'],
      e911Type: 'Standard',
      platforms: ['OperatorConnect'],
      apiBridge: { configureApiBridge: 'enabled', allowedAddressPrefixes: ['127.0.0.1/32'] },
      ...overrides,
    },
  };
}


describe('emulator: ARM writes (long-running operations, PATCH, test lines)', function () {
  let emulator: RunningEmulator;
  let emulatorTime = Date.now();
  const advance = (ms: number): void => {
    emulatorTime += ms;
  };
  let dataDir: string;
  let operator: string;
  let reader: string;
  const newGateway = { subscriptionId: SUBSCRIPTION_PRODUCTION, resourceGroup: GATEWAY_PRODUCTION.resourceGroup, name: 'contoso-new-gw' };

  function call(path: string, bearer: string, init: { method?: string; body?: unknown } = {}): Promise<TestResponse> {
    const url = path.startsWith('https://') ? path : `${emulator.url}${path}`;
    return request(url, { ...init, ca: emulator.caCertPem, headers: { authorization: `Bearer ${bearer}` } });
  }

  /** Polls an Azure-AsyncOperation URL until the status is terminal, returning every status seen. */
  async function pollStatus(url: string): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const res = await call(url, operator);
      assert.equal(res.status, 200);
      const status = (res.body as { status: string }).status;
      seen.push(status);
      if (status !== 'InProgress') return seen;
      advance(20);
    }
    throw new Error(`operation never finished: ${seen.join(', ')}`);
  }

  /** Polls a Location URL (final-state-via location) until it stops answering 202. */
  async function pollLocation(url: string): Promise<number[]> {
    const seen: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const res = await call(url, operator);
      seen.push(res.status);
      if (res.status !== 202) return seen;
      advance(20);
    }
    throw new Error('delete never finished');
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-arm-w-'));
    emulator = await startEmulator({ port: 0, dataDir, initialState: armState(), config: { armOperationDelayMs: 50 } });
    // The emulator's clock moves only when a poll moves it: an operation is InProgress until the test has polled past
    // its 50 ms, however slow the machine, and no poll waits on the wall clock.
    emulator.context.now = () => emulatorTime;
    const issuer = `${emulator.url}/${DEMO_TENANT_ID}/v2.0`;
    const base = { aud: 'https://management.azure.com/', tid: DEMO_TENANT_ID, idtyp: 'app' as const };
    operator = await emulator.context.tokens.issue({ ...base, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID }, issuer);
    reader = await emulator.context.tokens.issue({ ...base, oid: READER_OBJECT_ID, appid: READER_CLIENT_ID }, issuer);
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('gateway PUT', () => {
    it('creates a gateway as a long-running operation polled to Succeeded', async () => {
      const res = await call(`${gatewayPath(newGateway)}?${API}`, operator, { method: 'PUT', body: newGatewayBody() });
      assert.equal(res.status, 201);
      const created = res.body as Resource;
      assert.equal(created.id, gatewayPath(newGateway));
      assert.equal(created.properties.provisioningState, undefined, 'no terminal state while the operation runs');
      assert.equal(created.properties.status, 'ChangePending');
      assert.equal(created.systemData.createdBy, OPERATOR_CLIENT_ID);
      assert.equal(created.systemData.createdByType, 'Application');
      assert.equal(res.headers['retry-after'], '1');
      const asyncUrl = res.headers['azure-asyncoperation'] ?? '';
      assert.match(asyncUrl, new RegExp(`^${emulator.url}/subscriptions/${SUBSCRIPTION_PRODUCTION}/providers/Microsoft\\.VoiceServices/locations/eastus/operationStatuses/[0-9a-f-]{36}\\?api-version=2023-09-01$`));

      const first = await call(asyncUrl, operator);
      const status = first.body as { id: string; name: string; status: string; startTime: string; endTime?: string };
      assert.equal(status.status, 'InProgress');
      assert.equal(status.id, new URL(asyncUrl).pathname);
      assert.ok(status.startTime && status.endTime === undefined);

      const seen = await pollStatus(asyncUrl);
      assert.equal(seen[seen.length - 1], 'Succeeded');
      const done = (await call(asyncUrl, operator)).body as { endTime?: string };
      assert.ok(done.endTime);

      const got = (await call(`${gatewayPath(newGateway)}?${API}`, operator)).body as Resource & {
        properties: { autoGeneratedDomainNameLabel: string; apiBridge: { endpointFqdns: string[] }; emergencyDialStrings: string[] };
      };
      assert.equal(got.properties.provisioningState, 'Succeeded');
      assert.match(got.properties.autoGeneratedDomainNameLabel, /^[a-z0-9]+$/);
      assert.deepEqual(got.properties.apiBridge.endpointFqdns, [`provapi.${got.properties.autoGeneratedDomainNameLabel}.commsgw.azure.com`]);
      assert.deepEqual(got.properties.emergencyDialStrings, ['911', '933'], 'the spec default');
      assert.equal(got.identity?.type, 'SystemAssigned');
      assert.equal(got.identity?.tenantId, DEMO_TENANT_ID);
    });

    it("adds the new gateway's managed identity to the directory, for Graph", () => {
      const gateway = emulator.context.state.gateways.find((g) => g.resource.name === newGateway.name);
      const principalId = gateway?.resource.identity?.principalId;
      const sp = emulator.context.state.directory.servicePrincipals.find((p) => p.id === principalId);
      assert.equal(sp?.servicePrincipalType, 'ManagedIdentity');
      assert.equal(sp?.displayName, newGateway.name);
    });

    it('updates with 200, keeping the label and the identity', async () => {
      const before = (await call(`${gatewayPath(newGateway)}?${API}`, operator)).body as Resource;
      const res = await call(`${gatewayPath(newGateway)}?${API}`, operator, { method: 'PUT', body: newGatewayBody({ codecs: ['PCMA', 'G722'] }) });
      assert.equal(res.status, 200);
      const updated = res.body as Resource;
      assert.equal(updated.properties.provisioningState, 'Succeeded', 'an update keeps the previous state meanwhile');
      assert.deepEqual(updated.properties.codecs, ['PCMA', 'G722']);
      assert.equal(updated.properties.autoGeneratedDomainNameLabel, before.properties.autoGeneratedDomainNameLabel);
      assert.equal(updated.identity?.principalId, before.identity?.principalId);
      await pollStatus(res.headers['azure-asyncoperation'] ?? '');
    });

    it('rejects a body that breaks the rules with InvalidRequestContent and one detail per rule', async () => {
      const res = await call(`${gatewayPath(newGateway)}?${API}`, operator, {
        method: 'PUT',
        body: newGatewayBody({ codecs: ['OPUS'], platforms: [], e911Type: 'Emergency' }),
      });
      assert.equal(res.status, 400);
      const error = (res.body as ArmErrorBody).error;
      assert.equal(error.code, 'InvalidRequestContent');
      const ids = (error.details ?? []).map((d) => d.code);
      assert.ok(ids.includes('ACG-GW-004'), ids.join());
      assert.ok(ids.includes('ACG-GW-002'), ids.join());
      assert.ok(ids.includes('ACG-GW-005'), ids.join());
      assert.ok((error.details ?? []).some((d) => d.target === 'properties.codecs.0'));
    });

    it('rejects an operator address that is not IPv4', async () => {
      const body = newGatewayBody({ serviceLocations: [{ name: 'eastus', primaryRegionProperties: { operatorAddresses: ['sbc.example.com'] } }] });
      const res = await call(`${gatewayPath({ ...newGateway, name: 'another-gw' })}?${API}`, operator, { method: 'PUT', body });
      assert.equal(res.status, 400);
      assert.ok(((res.body as ArmErrorBody).error.details ?? []).some((d) => d.code === 'ACG-GW-010'));
    });

    it('rejects a bad name (InvalidResourceName) and a missing location (LocationRequired)', async () => {
      const badName = await call(`${gatewayPath({ ...newGateway, name: 'no_underscores' })}?${API}`, operator, { method: 'PUT', body: newGatewayBody() });
      assert.equal(badName.status, 400);
      assert.equal((badName.body as ArmErrorBody).error.code, 'InvalidResourceName');
      const { location: _location, ...noLocation } = newGatewayBody();
      const missing = await call(`${gatewayPath({ ...newGateway, name: 'another-gw' })}?${API}`, operator, { method: 'PUT', body: noLocation });
      assert.equal(missing.status, 400);
      assert.equal((missing.body as ArmErrorBody).error.code, 'LocationRequired');
    });

    it('refuses to move an existing gateway to another location', async () => {
      const res = await call(`${gatewayPath(newGateway)}?${API}`, operator, { method: 'PUT', body: { ...newGatewayBody(), location: 'westeurope' } });
      assert.equal(res.status, 400);
      assert.equal((res.body as ArmErrorBody).error.code, 'InvalidResourceLocation');
    });

    it('refuses to change a create-only property', async () => {
      const res = await call(`${gatewayPath(newGateway)}?${API}`, operator, { method: 'PUT', body: newGatewayBody({ autoGeneratedDomainNameLabelScope: 'NoReuse' }) });
      assert.equal(res.status, 400);
      assert.equal((res.body as ArmErrorBody).error.code, 'PropertyChangeNotAllowed');
    });

    it('404s a PUT into a resource group that does not exist', async () => {
      const res = await call(`${gatewayPath({ ...newGateway, resourceGroup: 'rg-missing' })}?${API}`, operator, { method: 'PUT', body: newGatewayBody() });
      assert.equal(res.status, 404);
      assert.equal((res.body as ArmErrorBody).error.code, 'ResourceGroupNotFound');
    });

    it('409s a second write while an operation on the gateway runs', async () => {
      const first = await call(`${gatewayPath(newGateway)}?${API}`, operator, { method: 'PUT', body: newGatewayBody() });
      assert.equal(first.status, 200);
      const second = await call(`${gatewayPath(newGateway)}?${API}`, operator, { method: 'PUT', body: newGatewayBody() });
      assert.equal(second.status, 409);
      assert.equal((second.body as ArmErrorBody).error.code, 'AnotherOperationInProgress');
      await pollStatus(first.headers['azure-asyncoperation'] ?? '');
    });

    it('403s a Reader', async () => {
      const res = await call(`${gatewayPath(newGateway)}?${API}`, reader, { method: 'PUT', body: newGatewayBody() });
      assert.equal(res.status, 403);
      assert.equal((res.body as ArmErrorBody).error.code, 'AuthorizationFailed');
    });
  });

  describe('gateway PATCH', () => {
    it('replaces the tags', async () => {
      const res = await call(`${gatewayPath(GATEWAY_LAB)}?${API}`, operator, { method: 'PATCH', body: { tags: { environment: 'lab', reviewed: 'yes' } } });
      assert.equal(res.status, 200);
      const gw = res.body as Resource;
      assert.deepEqual(gw.tags, { environment: 'lab', reviewed: 'yes' });
      assert.equal(gw.properties.status, 'ChangePending', 'properties are untouched');
      assert.equal(gw.systemData.createdBy, 'ops.admin@contosotelecom.onmicrosoft.com', 'creation fields are kept');
    });

    it('rejects properties: a property change is GET, edit, then PUT', async () => {
      const res = await call(`${gatewayPath(GATEWAY_LAB)}?${API}`, operator, { method: 'PATCH', body: { properties: { codecs: ['PCMU'] } } });
      assert.equal(res.status, 400);
      const error = (res.body as ArmErrorBody).error;
      assert.equal(error.code, 'InvalidRequestContent');
      assert.match(error.message, /Could not find member 'properties' on object of type 'CommunicationsGatewayUpdate'/);
    });

    it('rejects tags that break ARM limits', async () => {
      const res = await call(`${gatewayPath(GATEWAY_LAB)}?${API}`, operator, { method: 'PATCH', body: { tags: { 'a/b': 'x' } } });
      assert.equal(res.status, 400);
      assert.equal((res.body as ArmErrorBody).error.details?.[0].code, 'ACG-TAG-004');
    });
  });

  describe('test lines', () => {
    const lines = `${gatewayPath(GATEWAY_PRODUCTION)}/testLines`;

    it('lists the seeded lines, pageable with $top', async () => {
      const all = await call(`${lines}?${API}`, operator);
      const value = (all.body as { value: Resource[] }).value;
      assert.equal(value.length, 14);
      assert.equal(value.filter((l) => l.properties.purpose === 'Automated').length, 12);
      const page = await call(`${lines}?${API}&$top=5`, operator);
      const body = page.body as { value: Resource[]; nextLink: string };
      assert.equal(body.value.length, 5);
      const next = await call(body.nextLink, operator);
      assert.equal((next.body as { value: Resource[] }).value[0].name, value[5].name);
    });

    it('gets one line', async () => {
      const res = await call(`${lines}/OC1?${API}`, operator);
      assert.equal(res.status, 200);
      const line = res.body as Resource;
      assert.equal(line.id, `${gatewayPath(GATEWAY_PRODUCTION)}/testLines/OC1`);
      assert.equal(line.properties.purpose, 'Automated');
      assert.match(String(line.properties.phoneNumber), /^\+[1-9]\d+$/);
    });

    it('creates, tags and deletes a line, each write long-running where the spec says so', async () => {
      const path = `${lines}/manual-3?${API}`;
      const created = await call(path, operator, { method: 'PUT', body: { location: 'eastus', properties: { phoneNumber: '+442079460103', purpose: 'Manual' } } });
      assert.equal(created.status, 201);
      assert.equal((created.body as Resource).properties.provisioningState, undefined);
      await pollStatus(created.headers['azure-asyncoperation'] ?? '');
      assert.equal(((await call(path, operator)).body as Resource).properties.provisioningState, 'Succeeded');

      const tagged = await call(path, operator, { method: 'PATCH', body: { tags: { desk: '3' } } });
      assert.equal(tagged.status, 200);
      assert.deepEqual((tagged.body as Resource).tags, { desk: '3' });
      const badPatch = await call(path, operator, { method: 'PATCH', body: { properties: { purpose: 'Automated' } } });
      assert.equal(badPatch.status, 400);

      const deleted = await call(path, operator, { method: 'DELETE' });
      assert.equal(deleted.status, 202);
      const statuses = await pollLocation(deleted.headers['location'] ?? '');
      assert.equal(statuses[statuses.length - 1], 204);
      const gone = await call(path, operator);
      assert.equal(gone.status, 404);
      assert.equal((gone.body as ArmErrorBody).error.code, 'ResourceNotFound');
    });

    it('rejects a line without a purpose', async () => {
      const res = await call(`${lines}/no-purpose?${API}`, operator, { method: 'PUT', body: { location: 'eastus', properties: { phoneNumber: '+442079460104' } } });
      assert.equal(res.status, 400);
      assert.equal((res.body as ArmErrorBody).error.code, 'InvalidRequestContent');
    });

    it('answers 204 for deleting a line that is not there', async () => {
      const res = await call(`${lines}/never-was?${API}`, operator, { method: 'DELETE' });
      assert.equal(res.status, 204);
    });
  });

  describe('gateway DELETE', () => {
    it('deletes as a long-running operation (202 + Location, then 204), removing the identity too', async () => {
      const path = `${gatewayPath(newGateway)}?${API}`;
      const principalId = ((await call(path, operator)).body as Resource).identity?.principalId;
      const res = await call(path, operator, { method: 'DELETE' });
      assert.equal(res.status, 202);
      const location = res.headers['location'] ?? '';
      assert.match(location, /\/providers\/Microsoft\.VoiceServices\/locations\/eastus\/operationResults\/[0-9a-f-]{36}\?api-version=2023-09-01$/);
      assert.equal((await call(path, operator)).status, 200, 'still there while the operation runs');
      const statuses = await pollLocation(location);
      assert.equal(statuses[statuses.length - 1], 204);
      assert.equal((await call(path, operator)).status, 404);
      assert.ok(!emulator.context.state.directory.servicePrincipals.some((sp) => sp.id === principalId));
    });

    it('answers 204 for a gateway that is already gone', async () => {
      const res = await call(`${gatewayPath({ ...newGateway, name: 'gone-gw' })}?${API}`, operator, { method: 'DELETE' });
      assert.equal(res.status, 204);
    });
  });
});
