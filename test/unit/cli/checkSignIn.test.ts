// The CLI's cloud and sign-in choices: which cloud the flags and environment select, which credential is built (in
// the order), that every credential is pinned to the chosen cloud, and that a token never goes to a host
// outside it. Credentials are fakes injected into signInForCli; the token test uses the real pipeline against the
// in-process emulator so that its positive control really sends a token.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken } from '@azure/core-auth';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { wrap, type AcgCredential, type CredentialRequest } from '../../../src/azure/auth/credentialFactory';
import { environmentSignIn } from '../../../src/azure/auth/environmentCredential';
import { ScopedCredential, audienceScopes } from '../../../src/azure/auth/scopedCredential';
import { cachingCredential } from '../../../src/azure/auth/tokenCache';
import { createAzureClients } from '../../../src/azure/azureClients';
import { isAcgError } from '../../../src/azure/errors';
import { resolveCloud } from '../../../src/cli/cloudOption';
import { emulatorTrustProblem } from '../../../src/cli/emulatorTrust';
import { SignInUnavailableError, signInForCli, type CredentialFactory } from '../../../src/cli/signIn';
import { getCloud, type CloudEndpoints } from '../../../src/core/clouds';

const SP = { AZURE_TENANT_ID: 'tenant-1', AZURE_CLIENT_ID: 'client-1' };

/** A factory whose credentials succeed or fail per kind, recording every request and token call. */
function fakeFactory(failing: ReadonlySet<CredentialRequest['kind']> = new Set()) {
  const built: { request: CredentialRequest; cloud: CloudEndpoints }[] = [];
  const tokenCalls: string[] = [];
  const factory: CredentialFactory = async (request, cloud) => {
    built.push({ request, cloud });
    return wrap(
      {
        async getToken(scopes): Promise<AccessToken> {
          tokenCalls.push(`${request.kind} ${String(scopes)}`);
          if (request.kind === 'deviceCode') request.onPrompt({ userCode: 'ABC', verificationUri: 'https://microsoft.com/devicelogin', message: 'Enter ABC at https://microsoft.com/devicelogin' });
          if (failing.has(request.kind)) throw Object.assign(new Error(`${request.kind} is not available here.`), { name: 'CredentialUnavailableError' });
          return { token: `token-${request.kind}`, expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      },
      request.kind === 'servicePrincipalSecret' ? 'servicePrincipalSecret' : request.kind,
      request.kind,
    );
  };
  return { factory, built, tokenCalls };
}

describe('acg check: clouds', () => {
  it('defaults to AzureCloud, then ACG_CLOUD, and --cloud wins over both', () => {
    assert.equal(ok(resolveCloud({}, {})).name, 'AzureCloud');
    assert.equal(ok(resolveCloud({}, { ACG_CLOUD: 'AzureUSGovernment' })).resourceManager, 'https://management.usgovcloudapi.net');
    assert.equal(ok(resolveCloud({ cloud: 'AzureChinaCloud' }, { ACG_CLOUD: 'AzureUSGovernment' })).authorityHost, 'https://login.chinacloudapi.cn');
  });

  it('refuses an unknown cloud, naming where it came from and the choices', () => {
    assert.deepEqual(resolveCloud({ cloud: 'azurecloud' }, {}), { ok: false, message: "--cloud must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud, Emulator, not 'azurecloud'." });
    assert.match(notOk(resolveCloud({}, { ACG_CLOUD: 'Mars' })), /^ACG_CLOUD must be one of/);
  });

  it('needs an https loopback emulator URL for the Emulator cloud, from the flag or ACG_EMULATOR_URL', () => {
    assert.match(notOk(resolveCloud({ cloud: 'Emulator' }, {})), /needs --emulator-url \(or ACG_EMULATOR_URL\)/);
    assert.equal(ok(resolveCloud({ cloud: 'Emulator' }, { ACG_EMULATOR_URL: 'https://127.0.0.1:10443' })).graph, 'https://127.0.0.1:10443/graph');
    assert.equal(ok(resolveCloud({ cloud: 'Emulator', emulatorUrl: 'https://localhost:9999/' }, { ACG_EMULATOR_URL: 'https://127.0.0.1:1' })).resourceManager, 'https://localhost:9999');
    assert.match(notOk(resolveCloud({ cloud: 'Emulator', emulatorUrl: 'http://127.0.0.1:10443' }, {})), /must be https/);
    assert.match(notOk(resolveCloud({ cloud: 'Emulator', emulatorUrl: 'https://emulator.example.com' }, {})), /must point at this machine/);
    assert.match(notOk(resolveCloud({ cloud: 'Emulator', emulatorUrl: 'https://127.0.0.1:1/x' }, {})), /origin only/);
    assert.match(notOk(resolveCloud({ cloud: 'Emulator', emulatorUrl: 'not a url' }, {})), /must be a URL/);
  });

  it('refuses --emulator-url with another cloud rather than ignoring it', () => {
    assert.match(notOk(resolveCloud({ emulatorUrl: 'https://127.0.0.1:10443' }, {})), /applies only to --cloud Emulator/);
    assert.equal(ok(resolveCloud({}, { ACG_EMULATOR_URL: 'https://127.0.0.1:10443' })).name, 'AzureCloud', 'the environment variable alone does not select the emulator');
  });
});

describe('acg check: credential choice', () => {
  const cloud = getCloud('AzureUSGovernment');
  const sign = (env: Record<string, string>, factory: CredentialFactory, deviceCode = false, err: string[] = []) =>
    signInForCli({ cloud, env, deviceCode, err: (line) => err.push(line), createCredential: factory, readFile: (path) => `PEM from ${path}` });

  it('1. a service principal with a secret from the environment, in the chosen cloud', async () => {
    const fake = fakeFactory();
    const credential = await sign({ ...SP, AZURE_CLIENT_SECRET: 's3cret' }, fake.factory);
    assert.equal(credential.kind, 'servicePrincipalSecret');
    assert.deepEqual(fake.built.map((b) => [b.request, b.cloud.name]), [[{ kind: 'servicePrincipalSecret', tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 's3cret' }, 'AzureUSGovernment']]);
    assert.deepEqual(fake.tokenCalls, ['servicePrincipalSecret https://management.usgovcloudapi.net/.default']);
  });

  it('1. a service principal with a certificate file (and its password) from the environment', async () => {
    const fake = fakeFactory();
    await sign({ ...SP, AZURE_CLIENT_CERTIFICATE_PATH: '/certs/sp.pem', AZURE_CLIENT_CERTIFICATE_PASSWORD: 'pw' }, fake.factory);
    assert.deepEqual(fake.built[0].request, { kind: 'servicePrincipalCertificate', tenantId: 'tenant-1', clientId: 'client-1', certificatePem: 'PEM from /certs/sp.pem', certificatePassword: 'pw' });
  });

  it('a failing service principal is the answer: the Azure CLI is not tried behind its back', async () => {
    const fake = fakeFactory(new Set(['servicePrincipalSecret']));
    await assert.rejects(sign({ ...SP, AZURE_CLIENT_SECRET: 's3cret' }, fake.factory), (error) => isAcgError(error, 'notSignedIn'));
    assert.deepEqual(fake.built.map((b) => b.request.kind), ['servicePrincipalSecret']);
  });

  it('an incomplete service principal says which variable is missing', async () => {
    const fake = fakeFactory();
    await assert.rejects(sign({ AZURE_CLIENT_ID: 'client-1', AZURE_CLIENT_SECRET: 's3cret' }, fake.factory), /AZURE_CLIENT_SECRET is set, but AZURE_TENANT_ID is not/);
    assert.deepEqual(environmentSignIn({ ...SP, AZURE_CLIENT_CERTIFICATE_PATH: '/nope' }, () => { throw Object.assign(new Error('no'), { code: 'ENOENT' }); }), {
      kind: 'incomplete',
      problem: 'AZURE_CLIENT_CERTIFICATE_PATH (/nope) cannot be read (ENOENT)',
    });
    assert.equal(fake.built.length, 0);
  });

  it('AZURE_CLIENT_ID alone (a managed identity hint) does not count as a service principal', () => {
    assert.deepEqual(environmentSignIn({ AZURE_CLIENT_ID: 'client-1' }, () => ''), { kind: 'none' });
  });

  it('2. otherwise the Azure CLI, with the tenant when AZURE_TENANT_ID names one, and its tokens kept for the run', async () => {
    const fake = fakeFactory();
    const credential = await sign({ AZURE_TENANT_ID: 'tenant-1' }, fake.factory);
    assert.equal(credential.kind, 'azureCli');
    assert.deepEqual(fake.built.map((b) => b.request), [{ kind: 'azureCli', tenantId: 'tenant-1' }]);
    await credential.getToken('https://management.usgovcloudapi.net/.default');
    assert.equal(fake.tokenCalls.length, 1, 'the probe token is reused: az runs once per scope');
  });

  it('3. device code only with --device-code, prompting on stderr', async () => {
    const fake = fakeFactory(new Set(['azureCli']));
    const err: string[] = [];
    const credential = await sign({}, fake.factory, true, err);
    assert.equal(credential.kind, 'deviceCode');
    assert.deepEqual(fake.built.map((b) => b.request.kind), ['azureCli', 'deviceCode']);
    assert.deepEqual(err, ['Enter ABC at https://microsoft.com/devicelogin']);
  });

  it('when nothing works, lists the three ways and why the Azure CLI did not', async () => {
    const fake = fakeFactory(new Set(['azureCli']));
    const error = await sign({}, fake.factory).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof SignInUnavailableError);
    assert.equal(error.lines.length, 4);
    assert.match(error.lines[1], /1\. a service principal: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET \(or AZURE_CLIENT_CERTIFICATE_PATH\)/);
    assert.match(error.lines[2], /2\. the Azure CLI: run az login\. Sign-in with azureCli failed: azureCli is not available here\.$/);
    assert.match(error.lines[3], /3\. a device code: run again with --device-code/);
    assert.deepEqual(fake.built.map((b) => b.request.kind), ['azureCli'], 'no device code without the flag');
  });

  it('never asks the Azure CLI for tokens that would go to the emulator', async () => {
    const fake = fakeFactory();
    const error = await signInForCli({ cloud: getCloud('Emulator', 'https://127.0.0.1:10443'), env: {}, deviceCode: false, err: () => undefined, createCredential: fake.factory }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof SignInUnavailableError);
    assert.match(error.lines[2], /Not used with the Emulator cloud/);
    assert.equal(fake.built.length, 0);
  });

  it('the token cache asks again shortly before expiry, and shares one request between parallel callers', async () => {
    let now = 0;
    let calls = 0;
    const cached = cachingCredential({ getToken: async () => ({ token: `t${++calls}`, expiresOnTimestamp: now + 10 * 60_000 }) }, () => now);
    const [a, b] = await Promise.all([cached.getToken('s'), cached.getToken('s')]);
    assert.equal(a?.token, 't1');
    assert.equal(b?.token, 't1');
    now = 4 * 60_000;
    assert.equal((await cached.getToken('s'))?.token, 't1');
    now = 6 * 60_000;
    assert.equal((await cached.getToken('s'))?.token, 't2', 'within five minutes of expiry it asks again');
    assert.equal((await cached.getToken('other'))?.token, 't3', 'scopes are cached apart');
  });
});

describe('acg check: tokens stay on the chosen cloud (emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-cli-signin-'));
    emulator = await startEmulator({ port: 0, dataDir });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the CLI clients ask for a token for the emulator, and never for any other host', async () => {
    const cloud = getCloud('Emulator', emulator.url);
    const asked: string[] = [];
    const credential: AcgCredential = wrap({ getToken: async (scopes) => (asked.push(String(scopes)), { token: 'not-a-real-token', expiresOnTimestamp: Date.now() + 3_600_000 }) }, 'servicePrincipalSecret', 'test');
    const clients = createAzureClients({ cloud, scoped: new ScopedCredential(credential, audienceScopes(cloud)), pipelineOptions: { ca: [emulator.caCertPem], retry: { maxRetries: 0 } } });
    try {
      // Positive control: a request to the emulator does get a token (the emulator then refuses the fake one).
      await clients.arm.listSubscriptions().catch(() => undefined);
      assert.equal(asked.length, 1);
      for (const url of ['https://management.azure.com/subscriptions', 'https://127.0.0.1:1/subscriptions', 'https://evil.example.com/graph/v1.0/me', `http://${new URL(emulator.url).host}/subscriptions`]) {
        const error = await clients.pipeline.send({ method: 'GET', url, service: 'arm', operation: 'probe', scopes: [cloud.resourceManagerScope] }).then(() => undefined, (e: unknown) => e);
        assert.ok(isAcgError(error, 'refusedHost'), `${url} refused`);
      }
      assert.equal(asked.length, 1, 'no token was asked for a refused host');
    } finally {
      clients.pipeline.dispose();
    }
  });

  it('for a public cloud the Provisioning API of a foreign host is refused before any token', async () => {
    const cloud = getCloud('AzureCloud');
    const asked: string[] = [];
    const credential = wrap({ getToken: async (scopes) => (asked.push(String(scopes)), { token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) }, 'servicePrincipalSecret', 'test');
    const clients = createAzureClients({ cloud, scoped: new ScopedCredential(credential, audienceScopes(cloud)) });
    const error = await clients.provisioning('commsgw.azure.com.evil.example').countAccounts().then(() => undefined, (e: unknown) => e);
    assert.ok(isAcgError(error, 'refusedHost'), String(error));
    assert.deepEqual(asked, []);
    clients.pipeline.dispose();
  });

  it('an untrusted emulator CA is reported with NODE_EXTRA_CA_CERTS and the CA path to set', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'acg-cli-cwd-'));
    mkdirSync(join(cwd, '.emulator'));
    writeFileSync(join(cwd, '.emulator', 'ca.pem'), 'x');
    try {
      const problem = await emulatorTrustProblem(emulator.url, { env: {}, cwd });
      assert.match(problem ?? '', /Set NODE_EXTRA_CA_CERTS to the emulator's CA certificate/);
      assert.ok(problem?.endsWith(`export NODE_EXTRA_CA_CERTS=${join(cwd, '.emulator', 'ca.pem')}`), problem);
      assert.equal(await emulatorTrustProblem(emulator.url, { env: {}, cwd, ca: [emulator.caCertPem] }), undefined, 'trusted: no problem');
      assert.match((await emulatorTrustProblem('https://127.0.0.1:1', { env: {}, cwd })) ?? '', /nothing answers at https:\/\/127\.0\.0\.1:1/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

function ok(choice: ReturnType<typeof resolveCloud>): CloudEndpoints {
  assert.ok(choice.ok, choice.ok ? '' : choice.message);
  return choice.cloud;
}

function notOk(choice: ReturnType<typeof resolveCloud>): string {
  assert.ok(!choice.ok, 'expected a refusal');
  return choice.message;
}
