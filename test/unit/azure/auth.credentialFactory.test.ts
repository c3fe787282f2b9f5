// The credential factory against the emulator's Entra, in-process, with the real @azure/identity: the emulator's CA is
// passed as `ca` (→ the identity library's `tlsOptions`), so TLS verification stays on without NODE_EXTRA_CA_CERTS.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import forge from 'node-forge';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, DEMO_USER_UPN, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, READER_CLIENT_ID } from '../../../emulator/seed/ids';
import { createCredential, type DeviceCodePrompt } from '../../../src/azure/auth/credentialFactory';
import { identityFromToken } from '../../../src/azure/auth/tokenClaims';
import { getCloud, type CloudEndpoints } from '../../../src/core/clouds';
import { isAcgError } from '../../../src/azure/errors';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

/** A self-signed certificate with its private key in one PEM text, as an operator would export it. */
function certificatePem(): string {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const attrs = [{ name: 'commonName', value: 'acg-test-sp' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return `${forge.pki.certificateToPem(cert)}${forge.pki.privateKeyToPem(keys.privateKey)}`;
}

describe('auth: credential factory', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let cloud: CloudEndpoints;
  let ca: string[];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-auth-'));
    emulator = await startEmulator({ port: 0, dataDir, config: { deviceCodeAutoApproveMs: 0 } });
    cloud = getCloud('Emulator', emulator.url);
    ca = [emulator.caCertPem];
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('each kind constructs and says what it is', () => {
    it('Azure CLI', async () => {
      const credential = await createCredential({ kind: 'azureCli', tenantId: DEMO_TENANT_ID }, cloud);
      assert.equal(credential.kind, 'azureCli');
      assert.equal(credential.label, 'Azure CLI');
      assert.equal(credential.tenantId, DEMO_TENANT_ID);
    });
    it('device code', async () => {
      const credential = await createCredential({ kind: 'deviceCode', onPrompt: () => undefined }, getCloud('AzureUSGovernment'));
      assert.equal(credential.kind, 'deviceCode');
      assert.equal(credential.tenantId, undefined);
    });
    it('service principal with a secret, labelled without the secret', async () => {
      const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: OPERATOR_CLIENT_ID, clientSecret: 'xyz' }, getCloud('AzureCloud'));
      assert.equal(credential.kind, 'servicePrincipalSecret');
      assert.equal(credential.label, 'service principal c0ffee00…');
      assert.doesNotMatch(JSON.stringify(credential), /xyz/);
    });
    it('service principal with a certificate given as PEM text', async () => {
      const credential = await createCredential({ kind: 'servicePrincipalCertificate', tenantId: DEMO_TENANT_ID, clientId: OPERATOR_CLIENT_ID, certificatePem: certificatePem() }, getCloud('AzureChinaCloud'));
      assert.equal(credential.kind, 'servicePrincipalCertificate');
    });
    it('refuses a malformed tenant with an AcgError, before any request', async () => {
      await assert.rejects(
        createCredential({ kind: 'servicePrincipalSecret', tenantId: 'not a tenant!', clientId: OPERATOR_CLIENT_ID, clientSecret: 's' }, cloud),
        (error: unknown) => isAcgError(error, 'notSignedIn') && /Could not set up sign-in/.test(error.message),
      );
    });
  });

  describe('against the emulator’s token endpoint (authorityHost = the emulator, instance discovery off)', () => {
    it('ClientSecretCredential signs in the sandbox principal and gets an ARM token for the demo tenant', async () => {
      const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: OPERATOR_CLIENT_ID, clientSecret: OPERATOR_CLIENT_SECRET }, cloud, { ca });
      const token = await credential.getToken(cloud.resourceManagerScope);
      assert.ok(token);
      const who = identityFromToken(token.token);
      assert.equal(who.tenantId, DEMO_TENANT_ID);
      assert.equal(who.kind, 'app');
      assert.ok(token.expiresOnTimestamp > Date.now() + 300_000);
    });

    it('a wrong secret fails with a one-line AcgError that does not echo the secret', async () => {
      const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: 'wrong-secret-value' }, cloud, { ca });
      await assert.rejects(credential.getToken(cloud.resourceManagerScope), (error: unknown) => {
        assert.ok(isAcgError(error, 'notSignedIn'), String(error));
        assert.match(error.message, /^Sign-in with service principal c0ffee00… failed: .*(AADSTS7000215|invalid_client)/);
        assert.doesNotMatch(error.message, /wrong-secret-value|Trace ID|\n/);
        return true;
      });
    });

    it('without the CA the sign-in fails: TLS verification is never off, and the error says to trust the CA', async () => {
      const credential = await createCredential({ kind: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: OPERATOR_CLIENT_ID, clientSecret: OPERATOR_CLIENT_SECRET }, cloud, {
        retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
      });
      // MSAL reports an untrusted certificate as it reports an unreachable authority (endpoints_resolution_error).
      await assert.rejects(
        credential.getToken(cloud.resourceManagerScope),
        (error: unknown) => isAcgError(error, 'unavailable') && /could not read the OpenID configuration of .* and that its CA is trusted/.test(error.message),
      );
    });

    it('DeviceCodeCredential shows the code through the callback, then signs the demo user in', async () => {
      const prompts: DeviceCodePrompt[] = [];
      const credential = await createCredential({ kind: 'deviceCode', tenantId: DEMO_TENANT_ID, onPrompt: (p) => prompts.push(p) }, cloud, { ca });
      const token = await credential.getToken(cloud.resourceManagerScope);
      assert.equal(prompts.length, 1);
      assert.ok(prompts[0]!.userCode && prompts[0]!.verificationUri.startsWith('https://'));
      assert.equal(identityFromToken(token!.token).account, DEMO_USER_UPN);
    });

    it('ClientCertificateCredential parses the PEM and sends a signed assertion (the emulator refuses certificates, by design)', async () => {
      const credential = await createCredential({ kind: 'servicePrincipalCertificate', tenantId: DEMO_TENANT_ID, clientId: OPERATOR_CLIENT_ID, certificatePem: certificatePem() }, cloud, { ca });
      await assert.rejects(credential.getToken(cloud.resourceManagerScope), (error: unknown) => isAcgError(error, 'notSignedIn') && /Client assertions|AADSTS700027/.test(error.message));
    });

    it('a cancelled request ends as a cancelled AcgError', async () => {
      const credential = await createCredential({ kind: 'deviceCode', tenantId: DEMO_TENANT_ID, onPrompt: () => undefined }, cloud, { ca });
      const abort = new AbortController();
      abort.abort();
      await assert.rejects(credential.getToken(cloud.resourceManagerScope, { abortSignal: abort.signal }), (error: unknown) => isAcgError(error));
    });
  });

  describe('Azure CLI through a stand-in `az` on PATH', () => {
    let binDir: string;
    let savedPath: string | undefined;
    before(() => {
      binDir = mkdtempSync(join(tmpdir(), 'acg-az-'));
      savedPath = process.env.PATH;
    });
    after(() => {
      process.env.PATH = savedPath;
      rmSync(binDir, { recursive: true, force: true });
    });

    it('asks `az` for the scope’s resource in the chosen tenant and returns its token', async () => {
      const claims = Buffer.from(JSON.stringify({ tid: DEMO_TENANT_ID, upn: 'cli.user@contoso.com' })).toString('base64url');
      const argsFile = join(binDir, 'args.json');
      writeFileSync(
        join(binDir, 'az'),
        `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));\n` +
          `console.log(JSON.stringify({ accessToken: 'h.${claims}.s', expires_on: Math.floor(Date.now() / 1000) + 3600, tokenType: 'Bearer' }));\n`,
      );
      chmodSync(join(binDir, 'az'), 0o755);
      process.env.PATH = `${binDir}${delimiter}${savedPath ?? ''}`;
      const credential = await createCredential({ kind: 'azureCli', tenantId: DEMO_TENANT_ID }, getCloud('AzureCloud'));
      const token = await credential.getToken('https://management.azure.com/.default');
      assert.equal(identityFromToken(token!.token).account, 'cli.user@contoso.com');
      const args = JSON.parse(readFileSync(argsFile, 'utf8')) as string[];
      assert.deepEqual(args.slice(args.indexOf('--resource'), args.indexOf('--resource') + 2), ['--resource', 'https://management.azure.com']);
      assert.deepEqual(args.slice(args.indexOf('--tenant'), args.indexOf('--tenant') + 2), ['--tenant', DEMO_TENANT_ID]);
    });

    it('without `az`, says so and suggests another method', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'acg-noaz-'));
      process.env.PATH = empty;
      try {
        const credential = await createCredential({ kind: 'azureCli' }, getCloud('AzureCloud'));
        await assert.rejects(credential.getToken('https://management.azure.com/.default'), (error: unknown) => isAcgError(error, 'notSignedIn') && /Azure CLI could not be found.*Choose another sign-in method/.test(error.message));
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
});

describe('auth: @azure/identity is loaded on first use only', function () {
  this.timeout(60_000);

  it('requiring the factory loads nothing of @azure/identity; creating a credential does', async () => {
    // Bundle the factory as the extension build does, but keep @azure/identity external so that Node's require.cache
    // shows exactly when it loads, and let esbuild lower import() to a deferred require(), which is what it does for
    // the bundled package in dist/extension.js. A child process gives a clean cache.
    const dir = mkdtempSync(join(tmpdir(), 'acg-lazy-'));
    try {
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: ['src/azure/auth/credentialFactory.ts'],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        external: ['@azure/identity'],
        supported: { 'dynamic-import': false },
        outfile: join(dir, 'factory.js'),
        logLevel: 'silent',
      });
      const probe = `
        const loaded = () => Object.keys(require.cache).some((f) => f.includes('@azure/identity'));
        const factory = require(${JSON.stringify(join(dir, 'factory.js'))});
        const before = loaded();
        factory.createCredential({ kind: 'azureCli' }, { name: 'AzureCloud', authorityHost: 'https://login.microsoftonline.com' })
          .then(() => console.log(JSON.stringify({ before, after: loaded() })));`;
      const { stdout } = await run(process.execPath, ['-e', probe], { cwd: root, env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
      assert.deepEqual(JSON.parse(stdout.trim()), { before: false, after: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
