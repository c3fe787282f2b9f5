// Sign-in against an authority that does not answer, with the real @azure/identity and MSAL against the emulator's
// Entra, faults injected through the emulator's own fault settings. MSAL gives up on discovery after the identity
// library's quick retries (endpoints_resolution_error), and blocks a token endpoint that answered 5xx for 60 s: the
// factory's credential retries with a fresh credential, and when the authority stays silent it says which authority
// and what to check. Faults are switched by what the emulator sees and by the retry callback, never by time.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Exchange, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, READER_CLIENT_ID } from '../../../emulator/seed/ids';
import { ClientSecretCredential } from '@azure/identity';
import { classifyAuthorityFailure, retryingCredential } from '../../../src/azure/auth/authorityRetry';
import { createCredential, type CredentialFactoryOptions } from '../../../src/azure/auth/credentialFactory';
import { identityFromToken } from '../../../src/azure/auth/tokenClaims';
import { isAcgError } from '../../../src/azure/errors';
import { getCloud, type CloudEndpoints } from '../../../src/core/clouds';

const DISCOVERY = `/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`;
const TOKEN = `/${DEMO_TENANT_ID}/oauth2/v2.0/token`;
/** Short pauses between attempts: what is tested is that a retry happens and with what, not how long it waits. */
const QUICK = { attempts: 3, initialDelayMs: 10, maxDelayMs: 20 };

describe('auth: sign-in against an authority that does not answer', function () {
  // Each failed attempt includes the identity library's own three retries (about 6 s).
  this.timeout(90_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let cloud: CloudEndpoints;
  let exchanges: Exchange[];
  let stopListening: () => void;
  let retries: string[];

  function sandboxCredential(options: CredentialFactoryOptions = {}) {
    return createCredential(
      { kind: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: OPERATOR_CLIENT_ID, clientSecret: OPERATOR_CLIENT_SECRET },
      cloud,
      { ca: [emulator.caCertPem], retry: QUICK, onRetry: (message) => retries.push(message), ...options },
    );
  }

  const entra = (path: string, status?: number) => exchanges.filter((e) => e.path === path && (status === undefined || e.status === status)).length;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-authority-'));
    emulator = await startEmulator({ port: 0, dataDir });
    cloud = getCloud('Emulator', emulator.url);
  });
  beforeEach(() => {
    exchanges = [];
    retries = [];
    stopListening = emulator.onExchange((e) => exchanges.push(e));
  });
  afterEach(() => {
    stopListening();
    emulator.context.faults.update({ entra: { latencyMs: 0, errorRate: 0, throttleRate: 0, resetRate: 0 } });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a slow authority is waited for: 2 s of latency on every Entra answer is not a failure, and nothing is retried', async () => {
    emulator.context.faults.update({ entra: { latencyMs: 2_000 } });
    const credential = await sandboxCredential();
    const token = await credential.getToken(cloud.resourceManagerScope);
    assert.equal(identityFromToken(token!.token).tenantId, DEMO_TENANT_ID);
    assert.deepEqual(retries, []);
    assert.equal(entra(DISCOVERY), 1);
  });

  it('discovery answered 503 until the first attempt gave up: the second attempt, with a fresh credential, signs in', async () => {
    emulator.context.faults.update({ entra: { errorRate: 1 } });
    const credential = await sandboxCredential({
      // The authority recovers while the credential waits to try again.
      onRetry: (message) => {
        retries.push(message);
        emulator.context.faults.update({ entra: { errorRate: 0 } });
      },
    });
    const token = await credential.getToken(cloud.resourceManagerScope);
    assert.equal(identityFromToken(token!.token).tenantId, DEMO_TENANT_ID);
    assert.equal(retries.length, 1);
    assert.match(retries[0]!, new RegExp(`^Sign-in with service principal c0ffee00…: no OpenID configuration from ${emulator.url.replace(/[.]/g, '\\.')}/${DEMO_TENANT_ID} \\(attempt 1\\); trying again with a fresh credential in 10 ms\\.$`));
    // MSAL (through the identity library's pipeline) asked more than once before it gave up, then once more, answered.
    assert.ok(entra(DISCOVERY, 503) > 1, 'the first attempt retried discovery itself');
    assert.equal(entra(DISCOVERY, 200), 1);
    assert.equal(entra(TOKEN, 200), 1);
  });

  it('the token endpoint answered 503: the retry gets past MSAL’s 60-s block because its credential is new', async () => {
    // Discovery works; from then on Entra answers 503, until the first attempt has given up.
    const stop = emulator.onExchange((e) => {
      if (e.path === DISCOVERY && e.status === 200 && entra(TOKEN) === 0) emulator.context.faults.update({ entra: { errorRate: 1 } });
    });
    try {
      const credential = await sandboxCredential({
        onRetry: (message) => {
          retries.push(message);
          emulator.context.faults.update({ entra: { errorRate: 0 } });
        },
      });
      const token = await credential.getToken(cloud.resourceManagerScope);
      assert.ok(token);
      assert.equal(retries.length, 1);
      assert.match(retries[0]!, /did not answer the token request \(attempt 1\)/);
      assert.ok(entra(TOKEN, 503) > 0);
      assert.equal(entra(TOKEN, 200), 1);
      // A fresh MSAL application knows nothing yet, so it read the discovery document again: the same credential would
      // have reused it, and refused the token request without sending it.
      assert.equal(entra(DISCOVERY, 200), 2);
    } finally {
      stop();
    }
  });

  it('an authority that keeps resetting connections: an AcgError naming it, with what to check, after the bounded attempts', async () => {
    emulator.context.faults.update({ entra: { resetRate: 1 } });
    const credential = await sandboxCredential({ retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 20 } });
    await assert.rejects(credential.getToken(cloud.resourceManagerScope), (error: unknown) => {
      assert.ok(isAcgError(error, 'unavailable'), String(error));
      assert.equal(error.service, 'entra');
      assert.equal(error.code, 'endpoints_resolution_error');
      const origin = emulator.url.replace(/[.]/g, '\\.');
      assert.match(
        error.message,
        new RegExp(
          `^Sign-in with service principal c0ffee00… failed: could not read the OpenID configuration of ${origin}/${DEMO_TENANT_ID} \\(endpoints_resolution_error\\), in 2 attempts\\. ` +
            `Check that the emulator is running at ${origin} \\(npm start; the acg\\.emulator\\.url setting says where to look\\) and that its CA is trusted \\(NODE_EXTRA_CA_CERTS\\), then try again\\.$`,
        ),
      );
      // Not the identity library's advice for a credential that cannot work at all.
      assert.doesNotMatch(error.message, /Choose another sign-in method/);
      return true;
    });
    assert.equal(retries.length, 1, 'one retry between the two attempts');
    assert.equal(entra(DISCOVERY), 0, 'no discovery was ever answered');
  });

  it('outside the emulator the advice is the network: said once the only attempt has failed', async () => {
    emulator.context.faults.update({ entra: { resetRate: 1 } });
    const build = () =>
      new ClientSecretCredential(DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, { authorityHost: emulator.url, disableInstanceDiscovery: true, tlsOptions: { ca: [emulator.caCertPem] } });
    const credential = retryingCredential({
      credential: build(),
      rebuild: build,
      label: 'service principal c0ffee00…',
      authority: 'https://login.example.test/contoso.example',
      emulator: false,
      retryOn: ['discovery', 'unavailable'],
      retry: { attempts: 1, initialDelayMs: 10, maxDelayMs: 20 },
    });
    await assert.rejects(credential.getToken(cloud.resourceManagerScope), (error: unknown) => {
      assert.ok(isAcgError(error, 'unavailable'), String(error));
      assert.equal(
        error.message,
        'Sign-in with service principal c0ffee00… failed: could not read the OpenID configuration of https://login.example.test/contoso.example (endpoints_resolution_error), in the only attempt. Check the network connection and proxy settings, then try again.',
      );
      return true;
    });
  });

  it('an answer a retry cannot change (a wrong secret) is not retried', async () => {
    const credential = await createCredential(
      { kind: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: 'wrong-secret-value' },
      cloud,
      { ca: [emulator.caCertPem], retry: QUICK, onRetry: (message) => retries.push(message) },
    );
    await assert.rejects(credential.getToken(cloud.resourceManagerScope), (error: unknown) => isAcgError(error, 'notSignedIn') && /AADSTS7000215|invalid_client/.test(error.message));
    assert.deepEqual(retries, []);
    assert.equal(entra(TOKEN), 1);
  });

  it('cancelling while it waits to try again ends the sign-in at once as cancelled', async () => {
    emulator.context.faults.update({ entra: { errorRate: 1 } });
    const abort = new AbortController();
    // A pause far longer than the test's timeout: only the cancellation can end it.
    const credential = await sandboxCredential({ retry: { attempts: 3, initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 }, onRetry: () => abort.abort() });
    await assert.rejects(credential.getToken(cloud.resourceManagerScope, { abortSignal: abort.signal }), (error: unknown) => {
      assert.ok(isAcgError(error, 'cancelled'), String(error));
      assert.equal(error.message, 'Sign-in with service principal c0ffee00… failed: cancelled.');
      return true;
    });
  });

  it('device code retries a failed discovery only (a later failure would show the person a new code)', async () => {
    emulator.context.faults.update({ entra: { errorRate: 1 } });
    const prompts: string[] = [];
    const credential = await createCredential({ kind: 'deviceCode', tenantId: DEMO_TENANT_ID, onPrompt: (p) => prompts.push(p.userCode) }, cloud, {
      ca: [emulator.caCertPem],
      retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
      onRetry: (message) => retries.push(message),
    });
    await assert.rejects(credential.getToken(cloud.resourceManagerScope), (error: unknown) => isAcgError(error, 'unavailable') && /device code failed: could not read the OpenID configuration/.test(error.message));
    assert.equal(retries.length, 1);
    assert.deepEqual(prompts, []);
  });
});

describe('auth: which sign-in failures are worth another attempt', () => {
  const named = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name, ...extra });

  it('sorts MSAL’s and the identity library’s errors', () => {
    // As @azure/identity 4.13 reports them (seen against the emulator with resets and 503s).
    assert.equal(classifyAuthorityFailure(named('CredentialUnavailableError', 'endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details')), 'discovery');
    assert.equal(classifyAuthorityFailure(named('AuthenticationRequiredError', 'network_error: See https://aka.ms/msal.js.errors#network_error for details')), 'unavailable');
    assert.equal(classifyAuthorityFailure(named('AuthenticationRequiredError', 'temporarily_unavailable: Error(s): Not Available - Description: busy')), 'unavailable');
    assert.equal(classifyAuthorityFailure(named('AuthenticationError', 'Service unavailable', { statusCode: 503 })), 'unavailable');
    assert.equal(classifyAuthorityFailure(named('AuthenticationError', 'Too many requests', { statusCode: 429 })), 'unavailable');
    assert.equal(classifyAuthorityFailure(named('RestError', 'wrapped', { cause: Object.assign(new Error('read'), { code: 'ECONNRESET' }) })), 'unavailable');
  });

  it('leaves alone what another attempt cannot change', () => {
    assert.equal(classifyAuthorityFailure(named('AuthenticationRequiredError', 'invalid_client: Error(s): 7000215 - Description: AADSTS7000215: Invalid client secret provided.')), undefined);
    assert.equal(classifyAuthorityFailure(named('AuthenticationError', 'Bad request', { statusCode: 400 })), undefined);
    assert.equal(classifyAuthorityFailure(named('AbortError', 'The operation was aborted.', { code: 'ECONNRESET' })), undefined);
    assert.equal(classifyAuthorityFailure(named('CredentialUnavailableError', 'Azure CLI could not be found.')), undefined);
    assert.equal(classifyAuthorityFailure('endpoints_resolution_error'), undefined);
  });
});
