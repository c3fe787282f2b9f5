// What clients we did not write send around any resource: paths that start with `//` (every `*ById` call of
// @azure/arm-resources), HEAD for existence, and ARM's generic endpoints (resource groups, the generic resource lists
// with $filter, the provider and the subscription's locations), in ARM's shapes, derived from the emulator's state.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARM_ACTIONS } from '../../../emulator/arm';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { seedArm } from '../../../emulator/seed/gateways';
import { seedDirectory } from '../../../emulator/seed/directory';
import {
  DEMO_TENANT_ID, GATEWAY_GAPS, GATEWAY_LAB, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_OBJECT_ID, SUBSCRIPTION_PRODUCTION,
} from '../../../emulator/seed/ids';
import type { EmulatorState } from '../../../emulator/state';
import { SPEC_REPO, locateSpecs } from '../../support/contract/specs';
import { request, type TestResponse } from '../../support/https';

const VS = 'api-version=2023-09-01';
const RES = 'api-version=2025-04-01';
const SUBS = 'api-version=2022-12-01';
const SUB = `/subscriptions/${SUBSCRIPTION_PRODUCTION}`;
const GW_TYPE = 'Microsoft.VoiceServices/communicationsGateways';
const TL_TYPE = 'Microsoft.VoiceServices/communicationsGateways/testLines';
const GROUP_READER = 'c0ffee00-0000-4000-8000-0000000000e1';

interface ArmErrorBody {
  error: { code: string; message: string };
}
interface ListBody<T> {
  value: T[];
  nextLink?: string;
}
interface GenericResource {
  id: string;
  name: string;
  type: string;
  location: string;
  createdTime?: string;
  provisioningState?: string;
}

function gatewayPath(g: { subscriptionId: string; resourceGroup: string; name: string }): string {
  return `/subscriptions/${g.subscriptionId}/resourceGroups/${g.resourceGroup}/providers/${GW_TYPE}/${g.name}`;
}

describe('emulator: ARM as generic clients see it (// paths, HEAD, resource groups, resources, provider, locations)', function () {
  let emulator: RunningEmulator;
  let dataDir: string;
  let operator: string;

  function call(path: string, init: { method?: string; body?: unknown } = {}): Promise<TestResponse> {
    const url = path.startsWith('https://') ? path : `${emulator.url}${path}`;
    return request(url, { ...init, ca: emulator.caCertPem, headers: { authorization: `Bearer ${operator}` } });
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-arm-generic-'));
    const state: EmulatorState = { version: 1, ...seedDirectory(), ...seedArm(), provisioning: {} };
    // A principal with one role, on one group only: lists must show it that group and nothing else.
    state.armRoleAssignments.push({ principalId: GROUP_READER, scope: `${SUB}/resourceGroups/${GATEWAY_GAPS.resourceGroup}`, role: 'Reader' });
    emulator = await startEmulator({ port: 0, dataDir, initialState: state, config: { armOperationDelayMs: 0, armPageSize: 2 } });
    operator = await emulator.context.tokens.issue(
      { aud: 'https://management.azure.com/', tid: DEMO_TENANT_ID, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, idtyp: 'app' },
      `${emulator.url}/${DEMO_TENANT_ID}/v2.0`,
    );
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every ARM route names the action it needs (HEAD needs what the GET of its path needs)', () => {
    const arm = emulator.routes().filter((r) => r.service === 'arm');
    const missing = arm.filter((r) => (r.method === 'HEAD' ? !arm.some((g) => g.method === 'GET' && g.pattern === r.pattern && ARM_ACTIONS[g.operationId]) : !ARM_ACTIONS[r.operationId]));
    assert.deepEqual(missing.map((r) => `${r.method} ${r.pattern} (${r.operationId})`), []);
  });

  describe('paths that start with //', () => {
    it('GET //subscriptions/… reads the resource, as ARM does (not a request for the host "subscriptions")', async () => {
      const res = await call(`/${gatewayPath(GATEWAY_PRODUCTION)}?${VS}`);
      assert.equal(res.status, 200, res.text);
      assert.equal((res.body as { name: string }).name, GATEWAY_PRODUCTION.name);
    });

    it('a nextLink built from a // request is a working URL on the emulator', async () => {
      const res = await call(`/${SUB}/resources?${RES}`);
      assert.equal(res.status, 200, res.text);
      const next = (res.body as ListBody<unknown>).nextLink;
      assert.ok(next?.startsWith(`${emulator.url}/subscriptions/`), next);
    });

    it('GET /graph//v1.0/… and //graph/v1.0/… reach Graph', async () => {
      const graphToken = await emulator.context.tokens.issue(
        { aud: 'https://graph.microsoft.com', tid: DEMO_TENANT_ID, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, idtyp: 'app', roles: ['Application.Read.All'] },
        `${emulator.url}/${DEMO_TENANT_ID}/v2.0`,
      );
      for (const path of ['/graph//v1.0/servicePrincipals?$top=1', '//graph/v1.0/servicePrincipals?$top=1']) {
        const res = await request(`${emulator.url}${path}`, { ca: emulator.caCertPem, headers: { authorization: `Bearer ${graphToken}` } });
        assert.equal(res.status, 200, `${path}: ${res.text}`);
        assert.ok(Array.isArray((res.body as ListBody<unknown>).value));
      }
    });
  });

  describe('HEAD', () => {
    it('answers 204 for an existing gateway, test line and resource group, with no body', async () => {
      for (const path of [
        `${gatewayPath(GATEWAY_PRODUCTION)}?${VS}`,
        `/${gatewayPath(GATEWAY_PRODUCTION)}?${VS}`,
        `${gatewayPath(GATEWAY_PRODUCTION)}/testLines/OC1?${VS}`,
        `${SUB}/resourcegroups/${GATEWAY_PRODUCTION.resourceGroup}?${RES}`,
      ]) {
        const res = await call(path, { method: 'HEAD' });
        assert.equal(res.status, 204, path);
        assert.equal(res.text, '');
      }
    });

    it('answers 404 for a missing gateway, test line and resource group', async () => {
      for (const path of [
        `${SUB}/resourceGroups/${GATEWAY_PRODUCTION.resourceGroup}/providers/${GW_TYPE}/nope?${VS}`,
        `${gatewayPath(GATEWAY_PRODUCTION)}/testLines/nope?${VS}`,
        `${SUB}/resourceGroups/rg-nope?${RES}`,
      ]) {
        const res = await call(path, { method: 'HEAD' });
        assert.equal(res.status, 404, path);
        assert.equal(res.text, '');
      }
    });
  });

  describe('resource groups', () => {
    it('gets a group with ARM fields (any casing of resourceGroups), and 404s a missing one', async () => {
      for (const segment of ['resourcegroups', 'resourceGroups', 'RESOURCEGROUPS']) {
        const res = await call(`${SUB}/${segment}/${GATEWAY_PRODUCTION.resourceGroup.toUpperCase()}?${RES}`);
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(res.body, {
          id: `${SUB}/resourceGroups/${GATEWAY_PRODUCTION.resourceGroup}`,
          name: GATEWAY_PRODUCTION.resourceGroup,
          type: 'Microsoft.Resources/resourceGroups',
          location: 'eastus',
          properties: { provisioningState: 'Succeeded' },
        });
      }
      const missing = await call(`${SUB}/resourceGroups/rg-nope?${RES}`);
      assert.equal(missing.status, 404);
      assert.equal((missing.body as ArmErrorBody).error.code, 'ResourceGroupNotFound');
    });

    it('lists the groups of a subscription with nextLink paging', async () => {
      const first = await call(`${SUB}/resourcegroups?${RES}`);
      assert.equal(first.status, 200, first.text);
      const page = first.body as ListBody<{ name: string }>;
      const names = page.value.map((g) => g.name);
      assert.ok(page.nextLink === undefined || page.value.length === 2);
      let next = page.nextLink;
      while (next) {
        const more = await call(next);
        names.push(...(more.body as ListBody<{ name: string }>).value.map((g) => g.name));
        next = (more.body as ListBody<unknown>).nextLink;
      }
      assert.deepEqual(names.sort(), [GATEWAY_GAPS.resourceGroup, GATEWAY_PRODUCTION.resourceGroup].sort());
    });

    it('checks the api-version like the rest of ARM', async () => {
      const missing = await call(`${SUB}/resourcegroups`);
      assert.equal((missing.body as ArmErrorBody).error.code, 'MissingApiVersionParameter');
      const wrong = await call(`${SUB}/resourcegroups?api-version=1999-01-01`);
      assert.equal((wrong.body as ArmErrorBody).error.code, 'InvalidApiVersionParameter');
    });
  });

  describe('generic resource lists', () => {
    async function all(path: string): Promise<GenericResource[]> {
      const out: GenericResource[] = [];
      let next: string | undefined = path;
      while (next) {
        const res = await call(next);
        assert.equal(res.status, 200, res.text);
        const body = res.body as ListBody<GenericResource>;
        out.push(...body.value);
        next = body.nextLink;
      }
      return out;
    }

    it('lists the gateways and test lines of a resource group', async () => {
      const items = await all(`${SUB}/resourceGroups/${GATEWAY_GAPS.resourceGroup}/resources?${RES}`);
      assert.deepEqual(items.filter((r) => r.type === GW_TYPE).map((r) => r.name), [GATEWAY_GAPS.name]);
      assert.equal(items.filter((r) => r.type === TL_TYPE).length, 4);
      assert.ok(items.every((r) => r.id.toLowerCase().includes(`/resourcegroups/${GATEWAY_GAPS.resourceGroup}/`)));
    });

    it("filters the subscription's resources by resourceType, resourceGroup and both (nextLink keeps the filter)", async () => {
      const gateways = await all(`${SUB}/resources?${RES}&$filter=${encodeURIComponent(`resourceType eq '${GW_TYPE.toLowerCase()}'`)}`);
      assert.deepEqual(gateways.map((r) => r.name).sort(), [GATEWAY_GAPS.name, GATEWAY_PRODUCTION.name].sort());
      const inGroup = await all(`${SUB}/resources?${RES}&$filter=${encodeURIComponent(`resourceGroup eq '${GATEWAY_PRODUCTION.resourceGroup}'`)}`);
      assert.ok(inGroup.length > 2 && inGroup.every((r) => r.id.includes(`/resourceGroups/${GATEWAY_PRODUCTION.resourceGroup}/`)));
      const both = await all(`${SUB}/resources?${RES}&$filter=${encodeURIComponent(`resourceType eq '${GW_TYPE}' and resourceGroup eq '${GATEWAY_PRODUCTION.resourceGroup}'`)}`);
      assert.deepEqual(both.map((r) => r.name), [GATEWAY_PRODUCTION.name]);
    });

    it('adds createdTime, changedTime and provisioningState when $expand asks', async () => {
      const items = await all(`${SUB}/resources?${RES}&$expand=createdTime,provisioningState&$filter=${encodeURIComponent(`resourceType eq '${GW_TYPE}'`)}`);
      assert.ok(items.every((r) => typeof r.createdTime === 'string' && r.provisioningState === 'Succeeded'));
    });

    it("answers a filter it does not support with ARM's 400 InvalidFilterInQueryString", async () => {
      const filter = "tagName eq 'env' or substringof('x', name)";
      const res = await call(`${SUB}/resources?${RES}&$filter=${encodeURIComponent(filter)}`);
      assert.equal(res.status, 400);
      assert.deepEqual((res.body as ArmErrorBody).error, { code: 'InvalidFilterInQueryString', message: `Invalid $filter '${filter}' specified in the query string.` });
    });

    it('includes a gateway created at runtime', async () => {
      const lab = gatewayPath({ ...GATEWAY_LAB, name: 'runtime-gw' });
      const lines = await all(`/subscriptions/${GATEWAY_LAB.subscriptionId}/resourceGroups/${GATEWAY_LAB.resourceGroup}/resources?${RES}`);
      assert.ok(!lines.some((r) => r.name === 'runtime-gw'));
      const existing = await call(`${gatewayPath(GATEWAY_LAB)}?${VS}`);
      const body = existing.body as Record<string, unknown>;
      const put = await call(`${lab}?${VS}`, {
        method: 'PUT',
        body: { location: body.location, properties: { ...(body.properties as Record<string, unknown>), autoGeneratedDomainNameLabel: undefined, provisioningState: undefined, status: undefined, apiBridge: { configureApiBridge: 'enabled', allowedAddressPrefixes: ['127.0.0.1/32'] } } },
      });
      assert.ok(put.status === 201, put.text);
      const after = await all(`/subscriptions/${GATEWAY_LAB.subscriptionId}/resourceGroups/${GATEWAY_LAB.resourceGroup}/resources?${RES}`);
      assert.ok(after.some((r) => r.name === 'runtime-gw' && r.type === GW_TYPE));
    });
  });

  it('lists only the groups and resources the caller holds a role on', async () => {
    const bearer = await emulator.context.tokens.issue(
      { aud: 'https://management.azure.com/', tid: DEMO_TENANT_ID, oid: GROUP_READER, appid: 'c0ffee00-0000-4000-8000-0000000000e2', idtyp: 'app' },
      `${emulator.url}/${DEMO_TENANT_ID}/v2.0`,
    );
    const as = (path: string) => request(`${emulator.url}${path}`, { ca: emulator.caCertPem, headers: { authorization: `Bearer ${bearer}` } });
    const groups = await as(`${SUB}/resourcegroups?${RES}&$top=10`);
    assert.deepEqual((groups.body as ListBody<{ name: string }>).value.map((g) => g.name), [GATEWAY_GAPS.resourceGroup]);
    const items = await as(`${SUB}/resources?${RES}&$top=50`);
    const ids = (items.body as ListBody<GenericResource>).value.map((r) => r.id);
    assert.ok(ids.length === 5 && ids.every((id) => id.includes(`/resourceGroups/${GATEWAY_GAPS.resourceGroup}/`)), ids.join('\n'));
    const other = await as(`${SUB}/resourceGroups/${GATEWAY_PRODUCTION.resourceGroup}?${RES}`);
    assert.equal(other.status, 403);
  });

  describe('provider and locations', () => {
    it('describes Microsoft.VoiceServices: registered, its resource types, api-versions and locations', async () => {
      const res = await call(`${SUB}/providers/Microsoft.VoiceServices?${RES}`);
      assert.equal(res.status, 200, res.text);
      const body = res.body as { id: string; namespace: string; registrationState: string; resourceTypes: { resourceType: string; apiVersions: string[]; locations: string[] }[] };
      assert.equal(body.namespace, 'Microsoft.VoiceServices');
      assert.equal(body.id, `${SUB}/providers/Microsoft.VoiceServices`);
      assert.equal(body.registrationState, 'Registered');
      const gateways = body.resourceTypes.find((t) => t.resourceType === 'communicationsGateways');
      assert.deepEqual(gateways?.apiVersions, ['2023-09-01']);
      // The advertised versions are the resource-manager versions of the specs folder (when it is on this machine).
      const stable = join(locateSpecs().specsDir, SPEC_REPO, 'resource-manager', 'Microsoft.VoiceServices', 'stable');
      if (existsSync(stable)) assert.deepEqual(gateways?.apiVersions, readdirSync(stable).sort().reverse());
      assert.ok(gateways?.locations.includes('East US'));
      assert.ok(body.resourceTypes.some((t) => t.resourceType === 'communicationsGateways/testLines'));
    });

    it("lists the subscription's locations with their metadata", async () => {
      const res = await call(`${SUB}/locations?${SUBS}`);
      assert.equal(res.status, 200, res.text);
      const body = res.body as ListBody<{ id: string; name: string; displayName: string; metadata: { pairedRegion?: { name: string }[] } }>;
      const eastus = body.value.find((l) => l.name === 'eastus');
      assert.equal(eastus?.displayName, 'East US');
      assert.equal(eastus?.id, `${SUB}/locations/eastus`);
      assert.equal(eastus?.metadata.pairedRegion?.[0].name, 'westus');
    });
  });
});
