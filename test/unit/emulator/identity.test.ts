// The real @azure/identity credentials sign in against the emulator's Entra endpoints, trusting its CA through
// NODE_EXTRA_CA_CERTS (TLS verification stays on), the way the sandbox and pipelines do.
import { strict as assert } from 'node:assert';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { ACG_PROVISIONING_APP_ID, DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, PUBLIC_CLIENT_IDS, READER_CLIENT_ID } from '../../../emulator/seed/ids';
import { request } from '../../support/https';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

interface TokenOutput {
  claims: { aud: string; tid: string; oid: string; roles?: string[]; scp?: string; exp: number; idtyp: string };
}

async function getToken(emulatorUrl: string, caPath: string, args: string[]): Promise<TokenOutput> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'test/support/getToken.ts'), args[0], emulatorUrl, ...args.slice(1)], {
    cwd: root,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath },
    timeout: 30_000,
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as TokenOutput;
}

describe('emulator: Entra with the real @azure/identity', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-emu-'));
    emulator = await startEmulator({ port: 0, dataDir, config: { deviceCodeAutoApproveMs: 0 } });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves OpenID discovery whose issuer matches the authority exactly', async () => {
    const res = await request(`${emulator.url}/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`, { ca: emulator.caCertPem });
    assert.equal(res.status, 200);
    const body = res.body as Record<string, string>;
    assert.equal(body.issuer, `${emulator.url}/${DEMO_TENANT_ID}/v2.0`);
    assert.equal(body.token_endpoint, `${emulator.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`);
    assert.ok(body.jwks_uri && body.authorization_endpoint);
  });

  it('ClientSecretCredential gets a signed ARM token with aud, tid, oid and exp', async () => {
    const { claims } = await getToken(emulator.url, emulator.caPath, ['secret', DEMO_TENANT_ID, OPERATOR_CLIENT_ID, 'https://management.azure.com/.default', OPERATOR_CLIENT_SECRET]);
    assert.equal(claims.aud, 'https://management.azure.com/');
    assert.equal(claims.tid, DEMO_TENANT_ID);
    assert.equal(claims.idtyp, 'app');
    assert.ok(claims.exp > Date.now() / 1000 + 300, 'expires more than 5 minutes out, so MSAL caches it');
  });

  it('puts the principal’s Provisioning API app roles in the token', async () => {
    const { claims } = await getToken(emulator.url, emulator.caPath, ['secret', DEMO_TENANT_ID, OPERATOR_CLIENT_ID, `${ACG_PROVISIONING_APP_ID}/.default`, OPERATOR_CLIENT_SECRET]);
    assert.equal(claims.aud, ACG_PROVISIONING_APP_ID);
    assert.deepEqual(claims.roles, ['ProvisioningAPI.Admin']);
  });

  it('rejects a wrong secret with invalid_client, as Entra does', async () => {
    await assert.rejects(
      getToken(emulator.url, emulator.caPath, ['secret', DEMO_TENANT_ID, READER_CLIENT_ID, 'https://management.azure.com/.default', 'not-the-secret']),
      /AADSTS7000215|invalid_client/,
    );
  });

  it('fails without the CA: TLS verification is on', async () => {
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', join(root, 'test/support/getToken.ts'), 'secret', emulator.url, DEMO_TENANT_ID, OPERATOR_CLIENT_ID, 'https://management.azure.com/.default', OPERATOR_CLIENT_SECRET], {
        cwd: root,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
        timeout: 30_000,
      }),
    );
  });

  it('DeviceCodeCredential completes the device-code flow for the demo user', async () => {
    const { claims } = await getToken(emulator.url, emulator.caPath, ['devicecode', DEMO_TENANT_ID, PUBLIC_CLIENT_IDS[0], 'https://graph.microsoft.com/.default']);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.idtyp, 'user');
    assert.match(claims.scp ?? '', /Directory\.Read\.All/);
  });
});

describe('npm run emulator (the built entry point)', function () {
  this.timeout(60_000);
  let child: ChildProcess | undefined;
  let dataDir: string;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-emu-cli-'));
  });
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(extra: string[] = []): Promise<{ url: string; caPath: string }> {
    child = spawn(process.execPath, [join(root, 'dist/emulator.js'), '--port', '0', '--data-dir', dataDir, '--quiet', ...extra], { cwd: root });
    return new Promise((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        const caPath = /CA certificate: (\S+)/.exec(out)?.[1];
        if (url && caPath) resolve({ url, caPath });
      });
      child!.on('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
    });
  }

  it('prints its HTTPS URL and CA path, and ClientSecretCredential gets a token from it', async () => {
    const { url, caPath } = await start();
    assert.ok(caPath.startsWith(dataDir));
    const { claims } = await getToken(url, caPath, ['secret', DEMO_TENANT_ID, OPERATOR_CLIENT_ID, 'https://management.azure.com/.default', OPERATOR_CLIENT_SECRET]);
    assert.equal(claims.tid, DEMO_TENANT_ID);
  });

  it('refuses a taken port with a clear message', async () => {
    const first = await start();
    const port = new URL(first.url).port;
    const second = spawn(process.execPath, [join(root, 'dist/emulator.js'), '--port', port, '--data-dir', dataDir, '--quiet'], { cwd: root });
    let err = '';
    second.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(err, /already in use/);
  });
});
