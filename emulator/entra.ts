// Microsoft Entra stand-in: OpenID discovery and the v2.0 token endpoint, enough for the real @azure/identity
// ClientSecretCredential and DeviceCodeCredential (API.md §6 lists what MSAL needs, verified here).
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceContext } from './context';
import { entraError } from './errors';
import { Router, isRecord, json, type EmulatorResponse, type RequestContext } from './http';
import { ACG_PROVISIONING_APP_ID, MICROSOFT_GRAPH_APP_ID, PUBLIC_CLIENT_IDS } from './seed/ids';
import type { DirectoryUser, EmulatorState, ServicePrincipal } from './state';
import type { NewTokenClaims } from './tokens';

const ENTRA_PATH = /^\/[^/]+\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(token|devicecode|authorize)|discovery\/v2\.0\/keys)$/;
const IDENTITY_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const DEVICE_CODE_LIFETIME_SECONDS = 900;

export function isEntraPath(pathname: string): boolean {
  return ENTRA_PATH.test(pathname) || pathname === '/devicelogin';
}

interface DeviceCodeEntry {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  tenantId: string;
  expiresAt: number;
  approvedAt: number | undefined;
  userId: string | undefined;
}

interface RefreshEntry {
  userId: string;
  clientId: string;
  tenantId: string;
}

/** The audience a scope asks for, and how to describe the resource in errors. */
interface ResolvedResource {
  audience: string;
  kind: 'arm' | 'graph' | 'app';
  servicePrincipal?: ServicePrincipal;
}

export function registerEntra(ctx: ServiceContext): Router {
  const deviceCodes = new Map<string, DeviceCodeEntry>();
  const refreshTokens = new Map<string, RefreshEntry>();
  const router = new Router(true);

  router.add('GET', '/{tenant}/v2.0/.well-known/openid-configuration', 'entra.openidConfiguration', (req) => {
    const tenantId = resolveTenant(ctx.state, req.params.tenant);
    if (!tenantId) return unknownTenant(req.params.tenant);
    const base = `${req.origin}/${req.params.tenant}`;
    return json(200, {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      grant_types_supported: ['client_credentials', 'urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
      tenant_region_scope: 'NA',
      cloud_instance_name: 'emulator',
    });
  });

  router.add('GET', '/{tenant}/discovery/v2.0/keys', 'entra.keys', async () => json(200, { keys: [await ctx.tokens.publicJwk()] }));

  router.add('POST', '/{tenant}/oauth2/v2.0/devicecode', 'entra.deviceCode', (req) => {
    const tenantId = resolveTenant(ctx.state, req.params.tenant);
    if (!tenantId) return unknownTenant(req.params.tenant);
    const form = formOf(req);
    const clientId = form.client_id ?? '';
    if (!isPublicClient(ctx.state, clientId)) {
      return entraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${ctx.state.tenant.displayName}'.`);
    }
    const scope = form.scope ?? '';
    const resolved = resolveScopes(ctx.state, scope);
    if ('error' in resolved) return resolved.error;
    const entry: DeviceCodeEntry = {
      deviceCode: randomBytes(24).toString('base64url'),
      userCode: userCode(),
      clientId,
      scope,
      tenantId,
      expiresAt: ctx.now() + DEVICE_CODE_LIFETIME_SECONDS * 1000,
      approvedAt: undefined,
      userId: undefined,
    };
    deviceCodes.set(entry.deviceCode, entry);
    if (ctx.config.deviceCodeAutoApproveMs !== undefined) {
      entry.approvedAt = ctx.now() + ctx.config.deviceCodeAutoApproveMs;
      entry.userId = ctx.state.directory.users[0]?.id;
    }
    const verificationUri = `${req.origin}/devicelogin`;
    return json(200, {
      device_code: entry.deviceCode,
      user_code: entry.userCode,
      verification_uri: verificationUri,
      expires_in: DEVICE_CODE_LIFETIME_SECONDS,
      interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`,
    });
  });

  router.add('POST', '/{tenant}/oauth2/v2.0/token', 'entra.token', async (req) => {
    const tenantId = resolveTenant(ctx.state, req.params.tenant);
    if (!tenantId) return unknownTenant(req.params.tenant);
    const form = formOf(req);
    const grant = form.grant_type ?? '';
    if (grant === 'client_credentials') return clientCredentials(req, form, tenantId);
    if (grant === 'device_code' || grant === 'urn:ietf:params:oauth:grant-type:device_code') return deviceCodeGrant(req, form);
    if (grant === 'refresh_token') return refreshGrant(req, form);
    return entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
  });

  router.add('GET', '/devicelogin', 'entra.deviceLoginPage', () => deviceLoginPage());
  router.add('POST', '/devicelogin', 'entra.deviceLoginApprove', (req) => {
    const form = formOf(req);
    const code = (form.code ?? '').trim().toUpperCase();
    const entry = [...deviceCodes.values()].find((e) => e.userCode === code && e.expiresAt > ctx.now());
    if (!entry) return deviceLoginPage(`The code '${code}' is not valid or has expired.`);
    const user = ctx.state.directory.users.find((u) => u.userPrincipalName === form.user) ?? ctx.state.directory.users[0];
    entry.approvedAt = ctx.now();
    entry.userId = user?.id;
    ctx.log(`device code ${code} approved for ${user?.userPrincipalName ?? 'nobody'}`);
    return deviceLoginPage(undefined, `Signed in as ${user?.userPrincipalName ?? 'unknown'}. You can close this page.`);
  });

  async function clientCredentials(req: RequestContext, form: Record<string, string>, tenantId: string): Promise<EmulatorResponse> {
    const { clientId, secret } = clientAuthentication(req, form);
    if (form.client_assertion) {
      return entraError(401, 'invalid_client', 700027, 'Client assertions (certificate credentials) are not configured for this application in the emulator.');
    }
    const principal = ctx.state.directory.servicePrincipals.find((sp) => sp.appId === clientId);
    const known = ctx.state.directory.clientSecrets.filter((s) => s.clientId === clientId);
    if (!principal || known.length === 0) {
      return entraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${ctx.state.tenant.displayName}'.`);
    }
    if (!known.some((s) => s.secret === secret)) {
      return entraError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
    }
    const scope = form.scope ?? '';
    if (!scope.split(' ').every((s) => s.endsWith('/.default'))) {
      return entraError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    const resolved = resolveScopes(ctx.state, scope);
    if ('error' in resolved) return resolved.error;
    const claims: NewTokenClaims = {
      aud: resolved.audience,
      tid: tenantId,
      oid: principal.id,
      appid: clientId,
      azp: clientId,
      idtyp: 'app',
      roles: rolesFor(ctx.state, principal.id, resolved, principal),
    };
    const accessToken = await ctx.tokens.issue(claims, issuer(req, tenantId));
    return json(200, { token_type: 'Bearer', expires_in: ctx.tokens.expiresIn, ext_expires_in: ctx.tokens.expiresIn, access_token: accessToken });
  }

  async function deviceCodeGrant(req: RequestContext, form: Record<string, string>): Promise<EmulatorResponse> {
    const entry = deviceCodes.get(form.device_code ?? '');
    if (!entry) return entraError(400, 'invalid_grant', 70000, 'The provided device code is not valid.');
    if (entry.expiresAt <= ctx.now()) {
      deviceCodes.delete(entry.deviceCode);
      return entraError(400, 'expired_token', 70020, 'The provided value for the input parameter device_code has expired.');
    }
    if (entry.approvedAt === undefined || entry.approvedAt > ctx.now() || !entry.userId) {
      return entraError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
    }
    deviceCodes.delete(entry.deviceCode);
    return userTokens(req, entry.userId, entry.clientId, entry.tenantId, form.scope ?? entry.scope);
  }

  async function refreshGrant(req: RequestContext, form: Record<string, string>): Promise<EmulatorResponse> {
    const entry = refreshTokens.get(form.refresh_token ?? '');
    if (!entry) return entraError(400, 'invalid_grant', 9002313, 'Invalid request. The refresh token is malformed or not valid.');
    return userTokens(req, entry.userId, entry.clientId, entry.tenantId, form.scope ?? '');
  }

  async function userTokens(req: RequestContext, userId: string, clientId: string, tenantId: string, scope: string): Promise<EmulatorResponse> {
    const user = ctx.state.directory.users.find((u) => u.id === userId);
    if (!user) return entraError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.');
    const resolved = resolveScopes(ctx.state, scope);
    if ('error' in resolved) return resolved.error;
    const iss = issuer(req, tenantId);
    const scp = delegatedScopes(user, resolved);
    const roles = rolesFor(ctx.state, user.id, resolved, undefined);
    const accessToken = await ctx.tokens.issue(
      { aud: resolved.audience, tid: tenantId, oid: user.id, appid: clientId, azp: clientId, idtyp: 'user', scp, ...(roles.length ? { roles } : {}), name: user.displayName, preferred_username: user.userPrincipalName },
      iss,
    );
    const idToken = await ctx.tokens.issue(
      { aud: clientId, tid: tenantId, oid: user.id, appid: clientId, idtyp: 'user', name: user.displayName, preferred_username: user.userPrincipalName },
      iss,
    );
    const refreshToken = randomBytes(32).toString('base64url');
    refreshTokens.set(refreshToken, { userId: user.id, clientId, tenantId });
    return json(200, {
      token_type: 'Bearer',
      scope: [scp, ...scope.split(' ').filter((s) => IDENTITY_SCOPES.has(s))].filter(Boolean).join(' '),
      expires_in: ctx.tokens.expiresIn,
      ext_expires_in: ctx.tokens.expiresIn,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: tenantId })).toString('base64url'),
    });
  }

  return router;
}

function formOf(req: RequestContext): Record<string, string> {
  if (!isRecord(req.body)) return {};
  return Object.fromEntries(Object.entries(req.body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** client_secret_post or client_secret_basic. */
function clientAuthentication(req: RequestContext, form: Record<string, string>): { clientId: string; secret: string } {
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { clientId: decodeURIComponent(id), secret: decodeURIComponent(rest.join(':')) };
  }
  return { clientId: form.client_id ?? '', secret: form.client_secret ?? '' };
}

function resolveTenant(state: EmulatorState, segment: string): string | undefined {
  const lower = segment.toLowerCase();
  if (lower === state.tenant.id || lower === 'organizations' || lower === 'common') return state.tenant.id;
  if (state.directory.domains.some((d) => d.id.toLowerCase() === lower && d.isVerified)) return state.tenant.id;
  return undefined;
}

function unknownTenant(segment: string): EmulatorResponse {
  return entraError(400, 'invalid_request', 90002, `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
}

function issuer(req: RequestContext, tenantId: string): string {
  return `${req.origin}/${tenantId}/v2.0`;
}

function isPublicClient(state: EmulatorState, clientId: string): boolean {
  return PUBLIC_CLIENT_IDS.includes(clientId) || state.directory.applications.some((a) => a.appId === clientId);
}

/** Entra issues a token for exactly one resource: every non-identity scope must name the same one. */
function resolveScopes(state: EmulatorState, scope: string): ResolvedResource | { error: EmulatorResponse } {
  const resourceScopes = scope.split(' ').filter((s) => s && !IDENTITY_SCOPES.has(s));
  if (resourceScopes.length === 0) {
    return { error: entraError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' names no resource.`) };
  }
  const resources = new Set(resourceScopes.map((s) => s.slice(0, s.lastIndexOf('/')) || s));
  if (resources.size > 1) {
    return { error: entraError(400, 'invalid_scope', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`) };
  }
  const resource = [...resources][0];
  const lower = resource.toLowerCase().replace(/\/$/, '');
  if (lower === 'https://management.azure.com' || lower === 'https://management.core.windows.net') {
    return { audience: 'https://management.azure.com/', kind: 'arm' };
  }
  if (lower === 'https://graph.microsoft.com' || lower === MICROSOFT_GRAPH_APP_ID) {
    return { audience: 'https://graph.microsoft.com', kind: 'graph' };
  }
  const sp = state.directory.servicePrincipals.find(
    (p) => p.appId.toLowerCase() === lower || `api://${p.appId}`.toLowerCase() === lower ||
      state.directory.applications.some((a) => a.appId === p.appId && a.identifierUris.some((u) => u.toLowerCase() === lower)),
  );
  if (!sp) {
    return { error: entraError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${state.tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`) };
  }
  return { audience: sp.appId === ACG_PROVISIONING_APP_ID && lower.startsWith('api://') ? resource : sp.appId, kind: 'app', servicePrincipal: sp };
}

/** App roles the principal holds on the resource: Graph permissions for Graph, app-role assignments otherwise. */
function rolesFor(state: EmulatorState, principalId: string, resource: ResolvedResource, principal: ServicePrincipal | undefined): string[] {
  if (resource.kind === 'graph') return principal ? [...principal.graphPermissions] : [];
  if (resource.kind !== 'app' || !resource.servicePrincipal) return [];
  const target = resource.servicePrincipal;
  return state.directory.appRoleAssignments
    .filter((a) => a.principalId === principalId && a.resourceId === target.id && !a.deletedDateTime)
    .map((a) => target.appRoles.find((r) => r.id === a.appRoleId)?.value)
    .filter((v): v is string => typeof v === 'string');
}

function delegatedScopes(user: DirectoryUser, resource: ResolvedResource): string {
  return resource.kind === 'graph' ? user.graphScopes.join(' ') : 'user_impersonation';
}

function userCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(9), (b) => alphabet[b % alphabet.length]).join('');
}

function deviceLoginPage(error?: string, done?: string): EmulatorResponse {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Emulator sign-in</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}input,button{font-size:1rem;padding:.4rem}</style></head>
<body><h1>Enter code</h1><p>Azure Communications Gateway Tools emulator: approve a device-code sign-in for the demo tenant.</p>
${error ? `<p role="alert" style="color:#b00">${escape(error)}</p>` : ''}${done ? `<p role="status">${escape(done)}</p>` : ''}
<form method="post" action="/devicelogin"><label>Code <input name="code" autocomplete="off" autofocus required></label> <button type="submit">Next</button></form></body></html>`;
  return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body };
}

/** Exposed for the admin endpoint and tests: a fresh id for new directory objects. */
export function newObjectId(): string {
  return randomUUID();
}
