// The pure parts of sign-in: audience scopes, VS Code scope markers, token claims for display, tenant input, the
// automation argument of acg.signIn, the sandbox environment, and the status bar wording.
import { strict as assert } from 'node:assert';
import { DEFAULT_PROVISIONING_SCOPE, ScopedCredential, audienceScopes } from '../../../src/azure/auth/scopedCredential';
import { identityFromToken, tokenExpiry } from '../../../src/azure/auth/tokenClaims';
import { tenantShortName, validateClientId, validateTenant } from '../../../src/azure/auth/tenant';
import { toAuthError } from '../../../src/azure/auth/authErrors';
import { sandboxPrincipal } from '../../../src/host/sandbox';
import { parseSignInRequest, validateCertificatePem } from '../../../src/host/signInRequest';
import { vscodeScopes } from '../../../src/host/vscodeScopes';
import type { SessionState } from '../../../src/host/sessionStore';
import { SIGNED_OUT_TEXT, statusText, statusTooltip } from '../../../src/views/statusBarText';
import { getCloud } from '../../../src/core/clouds';

const TENANT = '3f2a9c8e-6b1d-4e7a-9c55-0acd0e5a7b01';
const CLIENT = 'c0ffee00-0000-4000-8000-000000000001';

function jwt(claims: Record<string, unknown>): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
}

describe('auth: audience scopes', () => {
  it('takes ARM and Graph scopes from the cloud table, per cloud', () => {
    assert.deepEqual(audienceScopes(getCloud('AzureCloud')), {
      arm: ['https://management.azure.com/.default'],
      graph: ['https://graph.microsoft.com/.default'],
      provisioning: [DEFAULT_PROVISIONING_SCOPE],
    });
    const gov = audienceScopes(getCloud('AzureUSGovernment'));
    assert.deepEqual([gov.arm, gov.graph], [['https://management.usgovcloudapi.net/.default'], ['https://graph.microsoft.us/.default']]);
    // The emulator keeps the public audiences, so its tokens look like Azure's.
    assert.deepEqual(audienceScopes(getCloud('Emulator', 'https://127.0.0.1:1')).arm, ['https://management.azure.com/.default']);
  });

  it('takes the Provisioning API scope from the setting, defaulting to the ACG app', () => {
    assert.equal(DEFAULT_PROVISIONING_SCOPE, '8502a0ec-c76d-412f-836c-398018e2312b/.default');
    assert.deepEqual(audienceScopes(getCloud('AzureCloud'), ' api://custom/.default ').provisioning, ['api://custom/.default']);
    assert.deepEqual(audienceScopes(getCloud('AzureCloud'), '  ').provisioning, [DEFAULT_PROVISIONING_SCOPE]);
  });

  it('ScopedCredential asks its credential for the audience’s scopes, whatever the caller passes', async () => {
    const asked: (string | string[])[] = [];
    const scoped = new ScopedCredential(
      { getToken: (scopes) => (asked.push(scopes), Promise.resolve({ token: 't', expiresOnTimestamp: 0 })) },
      audienceScopes(getCloud('AzureCloud')),
    );
    await scoped.getToken('graph');
    await scoped.forAudience('provisioning').getToken('ignored');
    assert.deepEqual(asked, [['https://graph.microsoft.com/.default'], [DEFAULT_PROVISIONING_SCOPE]]);
  });
});

describe('auth: VS Code session scopes', () => {
  it('adds VSCODE_CLIENT_ID and VSCODE_TENANT, and puts resource URLs in .default form', () => {
    assert.deepEqual(vscodeScopes('https://management.azure.com/', { tenantId: TENANT, clientId: CLIENT }), [
      'https://management.azure.com/.default',
      `VSCODE_CLIENT_ID:${CLIENT}`,
      `VSCODE_TENANT:${TENANT}`,
    ]);
    assert.deepEqual(vscodeScopes(['https://graph.microsoft.com/.default', 'https://graph.microsoft.com/.default'], {}), ['https://graph.microsoft.com/.default']);
    assert.deepEqual(vscodeScopes('8502a0ec-c76d-412f-836c-398018e2312b/.default', {}), ['8502a0ec-c76d-412f-836c-398018e2312b/.default']);
  });
});

describe('auth: who a token is for (display only)', () => {
  it('reads a user from v2 and v1 claims, an app otherwise', () => {
    assert.deepEqual(identityFromToken(jwt({ tid: TENANT, preferred_username: 'a@b.com', idtyp: 'user', oid: 'o' })), { tenantId: TENANT, account: 'a@b.com', objectId: 'o', kind: 'user' });
    assert.equal(identityFromToken(jwt({ upn: 'u@b.com' })).account, 'u@b.com');
    assert.equal(identityFromToken(jwt({ tid: TENANT, idtyp: 'app', app_displayname: 'Ops app' })).kind, 'app');
    assert.deepEqual(identityFromToken('opaque-token'), {});
    assert.deepEqual(identityFromToken('a.!!!.c'), {});
  });

  it('reads exp as milliseconds', () => {
    assert.equal(tokenExpiry(jwt({ exp: 1700000000 })), 1700000000000);
    assert.equal(tokenExpiry('opaque'), undefined);
  });
});

describe('auth: tenant and client id input', () => {
  for (const good of [TENANT, 'contoso.onmicrosoft.com', 'Contoso.COM ']) {
    it(`accepts ${JSON.stringify(good)}`, () => assert.equal(validateTenant(good), undefined));
  }
  for (const bad of ['', 'contoso', 'not a tenant', 'https://login.microsoftonline.com/x', '3f2a9c8e-6b1d-4e7a-9c55']) {
    it(`refuses ${JSON.stringify(bad)} with a message`, () => assert.match(validateTenant(bad) ?? '', /tenant ID|domain/));
  }
  it('checks client ids and shortens tenants for the status bar', () => {
    assert.equal(validateClientId(CLIENT), undefined);
    assert.ok(validateClientId('my-app'));
    assert.equal(tenantShortName(TENANT), '3f2a9c8e…');
    assert.equal(tenantShortName('contosotelecom.onmicrosoft.com'), 'contosotelecom');
  });
});

describe('auth: acg.signIn argument (automation)', () => {
  it('parses each method', () => {
    assert.deepEqual(parseSignInRequest({ method: 'sandbox' }), { method: 'sandbox' });
    assert.deepEqual(parseSignInRequest({ method: 'azureCli' }), { method: 'azureCli', tenantId: undefined });
    assert.deepEqual(parseSignInRequest({ method: 'deviceCode', tenantId: 'contoso.com', clientId: CLIENT }), { method: 'deviceCode', tenantId: 'contoso.com', clientId: CLIENT });
    assert.deepEqual(parseSignInRequest({ method: 'servicePrincipalSecret', tenantId: TENANT, clientId: CLIENT, clientSecret: 's3cret' }), {
      method: 'servicePrincipalSecret', tenantId: TENANT, clientId: CLIENT, clientSecret: 's3cret',
    });
  });

  it('names the bad field and never echoes the secret', () => {
    assert.throws(() => parseSignInRequest('sandbox'), /takes an object/);
    assert.throws(() => parseSignInRequest({ method: 'password' }), /'method' must be one of/);
    assert.throws(() => parseSignInRequest({ method: 'servicePrincipalSecret', tenantId: TENANT, clientId: CLIENT }), /'clientSecret' is required/);
    assert.throws(() => parseSignInRequest({ method: 'servicePrincipalSecret', tenantId: 'x', clientId: CLIENT, clientSecret: 'topsecret' }), (e: Error) => /tenantId/.test(e.message) && !e.message.includes('topsecret'));
    assert.throws(() => parseSignInRequest({ method: 'servicePrincipalCertificate', tenantId: TENANT, clientId: CLIENT, certificatePem: 'nope' }), /no certificate/);
  });

  it('wants certificate and private key in the PEM', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n';
    assert.match(validateCertificatePem(cert) ?? '', /no private key/);
    assert.equal(validateCertificatePem(`${cert}-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n`), undefined);
    assert.match(validateCertificatePem(`${cert}-----BEGIN ENCRYPTED PRIVATE KEY-----\n`) ?? '', /encrypted/);
  });
});

describe('auth: sandbox principal', () => {
  const env = { ACG_SANDBOX_TENANT_ID: TENANT, ACG_SANDBOX_CLIENT_ID: CLIENT, ACG_SANDBOX_CLIENT_SECRET: 'sandbox-operator-secret' };
  it('exists only in the Emulator cloud with all three variables', () => {
    assert.deepEqual(sandboxPrincipal(getCloud('Emulator'), env), { tenantId: TENANT, clientId: CLIENT, clientSecret: 'sandbox-operator-secret' });
    assert.equal(sandboxPrincipal(getCloud('AzureCloud'), env), undefined);
    assert.equal(sandboxPrincipal(getCloud('Emulator'), { ...env, ACG_SANDBOX_CLIENT_SECRET: '' }), undefined);
  });
});

describe('auth: error messages', () => {
  it('keeps the first line of an MSAL error, drops trace ids, and maps AbortError to cancelled', () => {
    const msal = Object.assign(new Error('AADSTS7000215: Invalid client secret provided.\nTrace ID: abc\nCorrelation ID: def'), { name: 'AuthenticationError' });
    assert.equal(toAuthError(msal, 'Sign-in failed').message, 'Sign-in failed: AADSTS7000215: Invalid client secret provided.');
    assert.equal(toAuthError(Object.assign(new Error('x'), { name: 'AbortError' }), 'Sign-in').kind, 'cancelled');
  });
});

describe('status bar wording', () => {
  const state: SessionState = {
    method: 'servicePrincipalSecret',
    cloud: 'Emulator',
    authorityHost: 'https://127.0.0.1:10443',
    tenantId: TENANT,
    account: 'service principal c0ffee00…',
    clientId: CLIENT,
    sandbox: true,
    signedInAt: '2025-01-01T00:00:00Z',
  };
  it('shows account · tenant · cloud when signed in, and a sign-in prompt otherwise', () => {
    const emulator = getCloud('Emulator');
    assert.equal(statusText(state, emulator), '$(azure) service principal c0ffee00… · 3f2a9c8e… · Emulator');
    assert.equal(statusText({ ...state, tenantLabel: 'contosotelecom.onmicrosoft.com' }, emulator), '$(azure) service principal c0ffee00… · contosotelecom · Emulator');
    assert.equal(statusText(undefined, getCloud('AzureCloud')), SIGNED_OUT_TEXT);
    assert.equal(statusText(undefined, emulator), `${SIGNED_OUT_TEXT} · Emulator`);
  });
  it('puts the details in the tooltip, escaped for Markdown', () => {
    const tip = statusTooltip({ ...state, account: 'a_b*c' }, getCloud('Emulator'), ['x', 'y']);
    assert.match(tip, /Account: a\\_b\\\*c/);
    assert.match(tip, /service principal \(secret\) \(sandbox\)/);
    assert.match(tip, /Subscriptions: 2 selected/);
  });
});

describe('auth: MSAL’s wrapped Entra errors', () => {
  it('keeps only the AADSTS sentence of "invalid_client: Error(s): … - Description: …"', () => {
    const wrapped = new Error("invalid_client: Error(s): 7000215 - Timestamp: 2026-11-23T04:40:59.034Z - Description: AADSTS7000215: Invalid client secret provided. - Correlation ID: 1234 - Trace ID: 5678");
    assert.equal(toAuthError(wrapped, 'Sign-in failed').message, 'Sign-in failed: AADSTS7000215: Invalid client secret provided.');
  });
});
