// The emulator's Microsoft Graph over real HTTPS: service principals with OData queries, app role assignments from
// both ends, /me, permission checks for app and user tokens, and Graph's error shapes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { seedDirectory } from '../../../emulator/seed/directory';
import { seedArm } from '../../../emulator/seed/gateways';
import {
  ACG_PROVISIONING_APP_ID,
  ACG_PROVISIONING_SP_ID,
  DEMO_TENANT_ID,
  DEMO_USER_ID,
  DEMO_USER_UPN,
  GATEWAY_GAPS,
  GATEWAY_PRODUCTION,
  OPERATOR_CLIENT_ID,
  OPERATOR_OBJECT_ID,
  PROJECT_SYNERGY_APP_ID,
  PROJECT_SYNERGY_SP_ID,
  READER_CLIENT_ID,
  READER_OBJECT_ID,
  SYNERGY_ADMIN_ROLE_ID,
  SYNERGY_REQUIRED_ROLE_IDS,
} from '../../../emulator/seed/ids';
import type { EmulatorState } from '../../../emulator/state';
import type { NewTokenClaims } from '../../../emulator/tokens';
import { request, type TestResponse } from '../../support/https';

interface GraphErrorBody {
  error: { code: string; message: string; innerError: { 'request-id': string; date: string } };
}

interface Collection<T> {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: T[];
}

interface Assignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: string;
  resourceId: string;
  resourceDisplayName: string;
}

function directoryState(): EmulatorState {
  return { version: 1, ...seedDirectory(), ...seedArm(), provisioning: {} };
}

describe('emulator: Microsoft Graph (service principals, app role assignments, /me)', function () {
  let emulator: RunningEmulator;
  let dataDir: string;
  let operator: string;
  let reader: string;
  let user: string;

  async function token(claims: Partial<NewTokenClaims>): Promise<string> {
    return emulator.context.tokens.issue(
      { aud: 'https://graph.microsoft.com', tid: DEMO_TENANT_ID, oid: OPERATOR_OBJECT_ID, appid: OPERATOR_CLIENT_ID, idtyp: 'app', ...claims },
      `${emulator.url}/${DEMO_TENANT_ID}/v2.0`,
    );
  }

  function graph(path: string, bearer: string | undefined, init: { method?: string; body?: unknown } = {}): Promise<TestResponse> {
    const url = path.startsWith('https://') ? path : `${emulator.url}/graph/v1.0${path}`;
    return request(url, { ...init, ca: emulator.caCertPem, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-graph-'));
    emulator = await startEmulator({ port: 0, dataDir, initialState: directoryState() });
    const state = emulator.context.state;
    const operatorSp = state.directory.servicePrincipals.find((sp) => sp.id === OPERATOR_OBJECT_ID)!;
    operator = await token({ roles: operatorSp.graphPermissions });
    reader = await token({ oid: READER_OBJECT_ID, appid: READER_CLIENT_ID });
    const demoUser = state.directory.users.find((u) => u.id === DEMO_USER_ID)!;
    user = await token({ oid: DEMO_USER_ID, appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', idtyp: 'user', scp: demoUser.graphScopes.join(' '), preferred_username: DEMO_USER_UPN });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('authentication and permissions', () => {
    it('401s a request without a token, in Graph error shape', async () => {
      const res = await graph('/servicePrincipals', undefined);
      assert.equal(res.status, 401);
      const error = (res.body as GraphErrorBody).error;
      assert.equal(error.code, 'InvalidAuthenticationToken');
      assert.equal(error.message, 'Access token is empty.');
      assert.ok(error.innerError['request-id']);
      assert.match(res.headers['www-authenticate'] ?? '', /^Bearer /);
    });

    it('401s an ARM token', async () => {
      const armToken = await token({ aud: 'https://management.azure.com/' });
      const res = await graph('/servicePrincipals', armToken);
      assert.equal(res.status, 401);
      assert.equal((res.body as GraphErrorBody).error.message, 'Access token validation failure. Invalid audience.');
    });

    it("accepts Graph's app id as the audience", async () => {
      const byAppId = await token({ aud: '00000003-0000-0000-c000-000000000000', roles: ['Application.Read.All'] });
      assert.equal((await graph('/servicePrincipals', byAppId)).status, 200);
    });

    it('403s an app token without the permission, with Authorization_RequestDenied', async () => {
      const res = await graph('/servicePrincipals', reader);
      assert.equal(res.status, 403);
      const error = (res.body as GraphErrorBody).error;
      assert.equal(error.code, 'Authorization_RequestDenied');
      assert.equal(error.message, 'Insufficient privileges to complete the operation.');
    });

    it('reads permissions from scp in user tokens, never from roles', async () => {
      const rolesOnlyUser = await token({ oid: DEMO_USER_ID, idtyp: 'user', roles: ['Application.Read.All'], scp: 'User.Read' });
      assert.equal((await graph('/servicePrincipals', rolesOnlyUser)).status, 403);
      assert.equal((await graph('/servicePrincipals', user)).status, 200);
    });
  });

  describe('servicePrincipals', () => {
    it("finds Project Synergy by appId with $select, as the onboarding check asks", async () => {
      const res = await graph(`/servicePrincipals?$filter=appId eq '${PROJECT_SYNERGY_APP_ID}'&$select=id,appId,displayName,appRoles`, operator);
      assert.equal(res.status, 200);
      const body = res.body as Collection<Record<string, unknown>>;
      assert.equal(body['@odata.context'], `${emulator.url}/graph/v1.0/$metadata#servicePrincipals(id,appId,displayName,appRoles)`);
      assert.equal(body.value.length, 1);
      assert.deepEqual(Object.keys(body.value[0]), ['id', 'appId', 'displayName', 'appRoles']);
      assert.equal(body.value[0].id, PROJECT_SYNERGY_SP_ID);
      const roles = body.value[0].appRoles as { id: string; value: string; allowedMemberTypes: string[] }[];
      assert.ok(SYNERGY_REQUIRED_ROLE_IDS.every((id) => roles.some((r) => r.id === id)));
      assert.equal(roles.find((r) => r.id === SYNERGY_ADMIN_ROLE_ID)?.value, 'Admin');
    });

    it('never leaks the emulator-only graphPermissions field', async () => {
      const res = await graph(`/servicePrincipals/${OPERATOR_OBJECT_ID}`, operator);
      assert.equal(res.status, 200);
      assert.equal((res.body as Record<string, unknown>).graphPermissions, undefined);
      assert.equal((res.body as Record<string, unknown>)['@odata.context'], `${emulator.url}/graph/v1.0/$metadata#servicePrincipals/$entity`);
    });

    it("filters by displayName eq and startswith(displayName,'…'), case-insensitively", async () => {
      const eq = (await graph(`/servicePrincipals?$filter=displayName eq 'azurecommunicationsgateway'`, operator)).body as Collection<{ appId: string }>;
      assert.deepEqual(eq.value.map((s) => s.appId), [ACG_PROVISIONING_APP_ID]);
      const starts = (await graph(`/servicePrincipals?$filter=startswith(displayName,'acg-sandbox')`, operator)).body as Collection<{ id: string }>;
      assert.deepEqual(starts.value.map((s) => s.id).sort(), [OPERATOR_OBJECT_ID, READER_OBJECT_ID].sort());
    });

    it('refuses unsupported filters and unknown $select properties', async () => {
      const filter = await graph(`/servicePrincipals?$filter=homepage eq 'x'`, operator);
      assert.equal(filter.status, 400);
      assert.equal((filter.body as GraphErrorBody).error.code, 'Request_UnsupportedQuery');
      const syntax = await graph(`/servicePrincipals?$filter=appId ne 'x'`, operator);
      assert.equal(syntax.status, 400);
      const select = await graph(`/servicePrincipals?$select=id,colour`, operator);
      assert.equal(select.status, 400);
      assert.match((select.body as GraphErrorBody).error.message, /Could not find a property named 'colour' on type 'microsoft\.graph\.servicePrincipal'/);
    });

    it('pages with $top and @odata.nextLink', async () => {
      const all = (await graph('/servicePrincipals?$select=id', operator)).body as Collection<{ id: string }>;
      const ids: string[] = [];
      let next: string | undefined = `${emulator.url}/graph/v1.0/servicePrincipals?$select=id&$top=3`;
      while (next) {
        const page = (await graph(next, operator)).body as Collection<{ id: string }>;
        assert.ok(page.value.length <= 3);
        ids.push(...page.value.map((s) => s.id));
        next = page['@odata.nextLink'];
      }
      assert.deepEqual(ids, all.value.map((s) => s.id));
      assert.equal((await graph('/servicePrincipals?$top=1000', operator)).status, 400);
    });

    it('gets by id and by the appId alternate key; 400 for a malformed id, 404 for an unknown one', async () => {
      assert.equal(((await graph(`/servicePrincipals/${PROJECT_SYNERGY_SP_ID}`, operator)).body as { appId: string }).appId, PROJECT_SYNERGY_APP_ID);
      assert.equal(((await graph(`/servicePrincipals(appId='${PROJECT_SYNERGY_APP_ID}')`, operator)).body as { id: string }).id, PROJECT_SYNERGY_SP_ID);
      const malformed = await graph('/servicePrincipals/not-a-guid', operator);
      assert.equal(malformed.status, 400);
      assert.equal((malformed.body as GraphErrorBody).error.message, "Invalid object identifier 'not-a-guid'.");
      const missing = await graph('/servicePrincipals/00000000-0000-4000-8000-000000000000', operator);
      assert.equal(missing.status, 404);
      assert.equal((missing.body as GraphErrorBody).error.code, 'Request_ResourceNotFound');
    });
  });

  describe('app role assignments', () => {
    const gapsIdentity = GATEWAY_GAPS.identityPrincipalId;

    it("lists a gateway identity's assignments, filtered by resourceId", async () => {
      const res = await graph(`/servicePrincipals/${GATEWAY_PRODUCTION.identityPrincipalId}/appRoleAssignments?$filter=resourceId eq ${PROJECT_SYNERGY_SP_ID}`, operator);
      assert.equal(res.status, 200);
      const body = res.body as Collection<Assignment>;
      assert.equal(body['@odata.context'], `${emulator.url}/graph/v1.0/$metadata#servicePrincipals('${GATEWAY_PRODUCTION.identityPrincipalId}')/appRoleAssignments`);
      assert.deepEqual(body.value.map((a) => a.appRoleId).sort(), [...SYNERGY_REQUIRED_ROLE_IDS].sort());
      assert.ok(body.value.every((a) => a.resourceDisplayName === 'Project Synergy' && a.principalType === 'ServicePrincipal'));
    });

    it('refuses $filter on appRoleId, as Graph does', async () => {
      const res = await graph(`/servicePrincipals/${gapsIdentity}/appRoleAssignments?$filter=appRoleId eq ${SYNERGY_REQUIRED_ROLE_IDS[0]}`, operator);
      assert.equal(res.status, 400);
      assert.equal((res.body as GraphErrorBody).error.code, 'Request_UnsupportedQuery');
    });

    it('assigns a missing Synergy role (201), then refuses the duplicate', async () => {
      const missingRole = SYNERGY_REQUIRED_ROLE_IDS[6];
      const before = (await graph(`/servicePrincipals/${gapsIdentity}/appRoleAssignments`, operator)).body as Collection<Assignment>;
      assert.ok(!before.value.some((a) => a.appRoleId === missingRole), 'the gaps identity lacks it');
      const body = { principalId: gapsIdentity, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: missingRole };
      const created = await graph(`/servicePrincipals/${gapsIdentity}/appRoleAssignments`, operator, { method: 'POST', body });
      assert.equal(created.status, 201);
      const assignment = created.body as Assignment & { '@odata.context': string };
      assert.equal(assignment.appRoleId, missingRole);
      assert.equal(assignment.principalType, 'ServicePrincipal');
      assert.match(assignment['@odata.context'], /\/appRoleAssignments\/\$entity$/);
      const duplicate = await graph(`/servicePrincipals/${gapsIdentity}/appRoleAssignments`, operator, { method: 'POST', body });
      assert.equal(duplicate.status, 400);
      const error = (duplicate.body as GraphErrorBody).error;
      assert.equal(error.code, 'Request_BadRequest');
      assert.equal(error.message, 'Permission being assigned already exists on the object');
    });

    it('refuses a role the resource does not define, a user-only role for an app, and a mismatched principal', async () => {
      const url = `/servicePrincipals/${gapsIdentity}/appRoleAssignments`;
      const unknownRole = await graph(url, operator, { method: 'POST', body: { principalId: gapsIdentity, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: '11111111-2222-4333-8444-555555555555' } });
      assert.equal(unknownRole.status, 400);
      assert.match((unknownRole.body as GraphErrorBody).error.message, /Permission being assigned was not found on application/);
      const userRole = await graph(url, operator, { method: 'POST', body: { principalId: gapsIdentity, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: SYNERGY_ADMIN_ROLE_ID } });
      assert.equal(userRole.status, 400);
      const mismatch = await graph(url, operator, { method: 'POST', body: { principalId: OPERATOR_OBJECT_ID, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: SYNERGY_REQUIRED_ROLE_IDS[5] } });
      assert.equal(mismatch.status, 400);
    });

    it('403s an assignment by a principal without AppRoleAssignment.ReadWrite.All', async () => {
      const readOnly = await token({ roles: ['Application.Read.All'] });
      const res = await graph(`/servicePrincipals/${gapsIdentity}/appRoleAssignments`, readOnly, {
        method: 'POST',
        body: { principalId: gapsIdentity, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: SYNERGY_REQUIRED_ROLE_IDS[5] },
      });
      assert.equal(res.status, 403);
    });

    it('lists who holds roles on the ACG app (appRoleAssignedTo), and can grant one there', async () => {
      const res = await graph(`/servicePrincipals/${ACG_PROVISIONING_SP_ID}/appRoleAssignedTo`, operator);
      const holders = (res.body as Collection<Assignment>).value;
      assert.ok(holders.some((a) => a.principalId === DEMO_USER_ID && a.principalType === 'User'));
      assert.ok(holders.some((a) => a.principalId === OPERATOR_OBJECT_ID));
      const acg = emulator.context.state.directory.servicePrincipals.find((sp) => sp.id === ACG_PROVISIONING_SP_ID)!;
      const readUser = acg.appRoles.find((r) => r.value === 'ProvisioningAPI.ReadUser')!;
      const granted = await graph(`/servicePrincipals/${ACG_PROVISIONING_SP_ID}/appRoleAssignedTo`, operator, {
        method: 'POST',
        body: { principalId: DEMO_USER_ID, resourceId: ACG_PROVISIONING_SP_ID, appRoleId: readUser.id },
      });
      assert.equal(granted.status, 201);
      assert.equal((granted.body as Assignment).principalType, 'User');
      const removed = await graph(`/servicePrincipals/${ACG_PROVISIONING_SP_ID}/appRoleAssignedTo/${(granted.body as Assignment).id}`, operator, { method: 'DELETE' });
      assert.equal(removed.status, 204);
    });
  });

  describe('/me', () => {
    it('answers an app token with 400, as Graph does', async () => {
      const res = await graph('/me', operator);
      assert.equal(res.status, 400);
      const error = (res.body as GraphErrorBody).error;
      assert.equal(error.code, 'BadRequest');
      assert.equal(error.message, '/me request is only valid with delegated authentication flow.');
    });

    it('returns the signed-in user', async () => {
      const res = await graph('/me', user);
      assert.equal(res.status, 200);
      const me = res.body as Record<string, unknown>;
      assert.equal(me.userPrincipalName, DEMO_USER_UPN);
      assert.equal(me['@odata.context'], `${emulator.url}/graph/v1.0/$metadata#users/$entity`);
      assert.equal(me.graphScopes, undefined);
    });

    it("lists the user's Synergy Admin role through /me/appRoleAssignments?$filter=resourceId eq …", async () => {
      const res = await graph(`/me/appRoleAssignments?$filter=resourceId eq ${PROJECT_SYNERGY_SP_ID}`, user);
      assert.equal(res.status, 200);
      assert.deepEqual((res.body as Collection<Assignment>).value.map((a) => a.appRoleId), [SYNERGY_ADMIN_ROLE_ID]);
      assert.equal((await graph('/me/appRoleAssignments', operator)).status, 400);
    });
  });
});
