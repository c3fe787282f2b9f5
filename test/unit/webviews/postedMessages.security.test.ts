// Issue 13 §4: no token, secret or Authorization header in any message posted to a webview. Host code reaches a page
// only through RpcHost (webviewRpc.ts is the one postMessage call); here the Gateway Overview and Account panels run
// every read against the emulator, once with real tokens under a seeded fault mix (5xx, 429, resets: errors of every
// kind are presented to the page) and once with a credential that fails with the client secret and a token in its
// message, and every message the host posted is searched for the tokens issued and the secrets.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { GATEWAY_PRODUCTION, OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET } from '../../../emulator/seed/ids';
import { gatewayId } from '../../../emulator/seed/gateways';
import { audienceScopes, ScopedCredential } from '../../../src/azure/auth/scopedCredential';
import { listTenants } from '../../../src/azure/auth/tenants';
import { ArmClient, GraphClient, ProvisioningClient } from '../../../src/azure/clients';
import type { AcgServices } from '../../../src/host/services';
import { AccountHandlers } from '../../../src/webviews/account/handlers';
import { accountProtocol } from '../../../src/webviews/account/protocol';
import { GatewayOverviewHandlers } from '../../../src/webviews/gatewayOverview/handlers';
import { gatewayOverviewProtocol } from '../../../src/webviews/gatewayOverview/protocol';
import type { HostToWebview } from '../../../src/webviews/shared/protocol';
import { PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../azure/clients.support';
import { accountFakes } from './accountFakes';
import { recordedDeps } from './overviewFakes';
import { connect, settle } from './rpcHarness';

const root = join(__dirname, '..', '..', '..');
const SECRET = 'SENTINEL~webview~secret~4vQ9';
const OPAQUE = 'SENTINELwebviewTOKEN0d9c8b7a6f5e';
const SEED = 4013;

/** Records every token it hands out, so the test knows exactly what must not appear. */
class RecordingCredential implements TokenCredential {
  readonly issued = new Set<string>();
  constructor(private readonly inner: TokenCredential) {}
  async getToken(scopes: string | string[]): Promise<AccessToken | null> {
    const token = await this.inner.getToken(scopes);
    if (token) this.issued.add(token.token);
    return token;
  }
}

class FailingCredential implements TokenCredential {
  async getToken(): Promise<AccessToken> {
    throw new Error(`AADSTS7000215: Invalid client secret. client_secret=${SECRET}&client_id=x {"access_token":"${OPAQUE}"} Authorization: Bearer ${OPAQUE}`);
  }
}

function servicesOn(world: ClientWorld, credential: TokenCredential): AcgServices {
  const pipeline = world.pipeline('operator', { credential, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
  const cloud = world.cloud;
  return {
    cloud,
    credential: new ScopedCredential(credential, audienceScopes(cloud)),
    pipeline,
    arm: new ArmClient(pipeline, cloud),
    graph: new GraphClient(pipeline, cloud),
    provisioning: (domain) => new ProvisioningClient(pipeline, cloud, domain),
    listTenants: (abortSignal) => listTenants(pipeline, cloud, abortSignal),
  };
}

/** Runs every read of both panels; returns everything the hosts posted. */
async function runPanels(services: AcgServices): Promise<{ posted: HostToWebview[]; failures: number }> {
  const posted: HostToWebview[] = [];
  let failures = 0;
  const attempt = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch {
      failures++;
    }
  };
  const overview = new GatewayOverviewHandlers(recordedDeps(() => Promise.resolve(services)).deps, { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: GATEWAY_PRODUCTION.name });
  const overviewPage = connect(gatewayOverviewProtocol, overview.handlers, overview.actions.present);
  overviewPage.client.start();
  for (let round = 0; round < 3; round++) {
    await attempt(() => overviewPage.client.request('gateway', { reload: true }));
    await attempt(() => overviewPage.client.request('testLines', {}));
    await attempt(() => overviewPage.client.request('provisioningCounts', {}));
    await attempt(() => overviewPage.client.request('requestCounts', {}));
  }
  const fakes = accountFakes(() => Promise.resolve(services));
  const relay: { notify?: (method: never, data: never) => void } = {};
  const account = new AccountHandlers(fakes.deps, { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: GATEWAY_PRODUCTION.name, account: 'Fabrikam-Finance', domain: PRODUCTION_DOMAIN }, (method, data) =>
    relay.notify?.(method as never, data as never),
  );
  const accountPage = connect(accountProtocol, account.handlers, account.actions.present);
  relay.notify = (method, data) => accountPage.host.notify(method, data);
  accountPage.client.start();
  for (let round = 0; round < 3; round++) {
    await attempt(() => accountPage.client.request('account', { reload: true }));
    await attempt(() => accountPage.client.request('numberTotal', {}));
    await attempt(() => accountPage.client.request('civicAddresses', {}));
  }
  await settle();
  posted.push(...overviewPage.posted, ...accountPage.posted);
  return { posted, failures };
}

function assertClean(posted: readonly HostToWebview[], secrets: readonly string[]): void {
  for (const message of posted) {
    const text = JSON.stringify(message);
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret reached the page: ${text.slice(0, 300)}`);
    assert.doesNotMatch(text, /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, `a JWT reached the page: ${text.slice(0, 300)}`);
    assert.doesNotMatch(text, /bearer\s+(?!\[REDACTED\])[A-Za-z0-9]/i, `a bearer credential reached the page: ${text.slice(0, 300)}`);
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('webviews: no token or secret in a posted message (issue 13 §4)', function () {
  this.timeout(120_000);
  let world: ClientWorld;

  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world?.stop();
  });
  afterEach(() => world.noFaults());

  it('host code posts to a page only through RpcHost (webviewRpc.ts is the one postMessage call)', () => {
    const callers = tsFiles(join(root, 'src', 'webviews'))
      .filter((file) => !file.includes('/browser/') && !file.endsWith('/app.ts'))
      .filter((file) => /\.postMessage\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    assert.deepEqual(callers, ['src/webviews/shared/webviewRpc.ts']);
  });

  it(`real tokens under faults (seed ${SEED}): data and presented errors carry none of them`, async () => {
    const credential = new RecordingCredential(world.credential('operator'));
    const services = servicesOn(world, credential);
    world.faults({ arm: { errorRate: 0.3, throttleRate: 0.1, resetRate: 0.05, retryAfterSeconds: 0 }, provisioning: { errorRate: 0.3, throttleRate: 0.1, resetRate: 0.05, retryAfterSeconds: 0 }, graph: { errorRate: 0.3, throttleRate: 0.1 } }, SEED);
    const { posted, failures } = await runPanels(services);
    console.log(`    posted ${posted.length} messages, ${failures} requests failed, ${credential.issued.size} tokens issued (seed ${SEED})`);
    assert.ok(credential.issued.size > 0, 'tokens were issued');
    assert.ok(posted.some((m) => 'error' in m), 'some errors were presented to the page');
    const issued = [...credential.issued];
    assertClean(posted, [...issued, ...issued.map((t) => t.split('.')[2]), OPERATOR_CLIENT_SECRET, READER_CLIENT_SECRET]);
  });

  it('a credential failing with the secret and a token in its message: the sign-in errors the page gets carry neither', async () => {
    const { posted, failures } = await runPanels(servicesOn(world, new FailingCredential()));
    assert.ok(failures > 0 && posted.some((m) => 'error' in m), 'the failures were presented');
    assertClean(posted, [SECRET, OPAQUE]);
  });
});
