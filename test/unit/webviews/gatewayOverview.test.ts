// The Gateway Overview's host side against the emulator: the real protocol, handlers, clients and pipeline, with the
// page side played by the real RpcClient. What the page receives for the demo tenant, one ARM read per refresh, a
// section failing alone, and the links and copy buttons reaching the injected deps.
import { strict as assert } from 'node:assert';
import { gatewayId } from '../../../emulator/seed/gateways';
import { GATEWAY_GAPS, GATEWAY_PRODUCTION } from '../../../emulator/seed/ids';
import type { AcgServices } from '../../../src/host/services';
import { GatewayOverviewHandlers } from '../../../src/webviews/gatewayOverview/handlers';
import { gatewayOverviewProtocol } from '../../../src/webviews/gatewayOverview/protocol';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { startWorld, type ClientWorld } from '../azure/clients.support';
import { recordedDeps, unreachableServices, worldServices, type RecordedDeps } from './overviewFakes';
import { connect, settle } from './rpcHarness';

describe('webviews: Gateway Overview against the emulator', function () {
  this.timeout(60_000);
  let world: ClientWorld;
  let services: AcgServices;

  before(async () => {
    world = await startWorld();
    services = worldServices(world);
  });

  after(async () => {
    await world?.stop();
  });

  afterEach(() => world.noFaults());

  function open(gateway: typeof GATEWAY_PRODUCTION): { page: ReturnType<typeof connect<typeof gatewayOverviewProtocol>>; recorded: RecordedDeps; handlers: GatewayOverviewHandlers } {
    const recorded = recordedDeps(() => Promise.resolve(services));
    const handlers = new GatewayOverviewHandlers(recorded.deps, { gatewayId: gatewayId(gateway), gatewayName: gateway.name });
    const page = connect(gatewayOverviewProtocol, handlers.handlers, handlers.actions.present);
    page.client.start();
    return { page, recorded, handlers };
  }

  it('contoso-prod-gw: Essentials, two service locations, 6 + 6 test lines, record counts and consents by status', async () => {
    const { page } = open(GATEWAY_PRODUCTION);
    const { client } = page;
    const identity = await client.request('identity', {});
    assert.deepEqual(identity, { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: 'contoso-prod-gw' });
    const [gateway, testLines, counts, requests] = await Promise.all([
      client.request('gateway', { reload: true }),
      client.request('testLines', {}),
      client.request('provisioningCounts', {}),
      client.request('requestCounts', {}),
    ]);
    assert.equal(gateway.status, 'Complete');
    assert.equal(gateway.provisioningApiUrl, `${world.emulator.url}/provapi/cprod7a1b2c3.commsgw.azure.com`);
    assert.deepEqual(gateway.serviceLocations.map((l) => l.name), ['eastus', 'westus2']);
    assert.deepEqual(testLines.services.map((s) => [s.prefix, s.automated, s.required]), [['OC', 6, 6], ['TPM', 6, 6]]);
    assert.deepEqual(testLines.warnings, []);
    assert.ok(counts.accounts >= 20, `${counts.accounts} accounts`);
    assert.ok(counts.numbers > 100_000, `${counts.numbers} numbers`);
    assert.ok(requests.total > 0);
    assert.equal(requests.groups.reduce((sum, g) => sum + g.count, 0), requests.total);
  });

  it('fabrikam-new-gw: 4 of 6 automated OC test lines, with the warning', async () => {
    const { client } = open(GATEWAY_GAPS).page;
    const testLines = await client.request('testLines', {});
    assert.deepEqual(testLines.services.map((s) => [s.prefix, s.automated, s.required, s.missing]), [['OC', 4, 6, 2]]);
    assert.deepEqual(testLines.warnings, ['OC: 4 of 6 automated test lines (a production deployment needs 6); add 2 more.']);
  });

  it('one ARM read per refresh, however many sections need the gateway', async () => {
    const { client } = open(GATEWAY_PRODUCTION).page;
    const from = world.exchanges.length;
    await Promise.all([client.request('gateway', { reload: true }), client.request('testLines', {}), client.request('provisioningCounts', {}), client.request('requestCounts', {})]);
    const gatewayReads = world.exchanges.slice(from).filter((e) => e.service === 'arm' && e.method === 'GET' && /communicationsGateways\/contoso-prod-gw$/.test(e.path));
    assert.equal(gatewayReads.length, 1);
  });

  it('a failing Provisioning API fails its sections alone: ARM sections still load', async () => {
    const { client } = open(GATEWAY_PRODUCTION).page;
    await client.request('gateway', { reload: true });
    world.faults({ provisioning: { errorRate: 1 } });
    const [gateway, testLines, counts] = await Promise.allSettled([client.request('gateway', { reload: true }), client.request('testLines', {}), client.request('provisioningCounts', {})]);
    assert.equal(gateway.status, 'fulfilled');
    assert.equal(testLines.status, 'fulfilled');
    assert.equal(counts.status, 'rejected');
    const error = counts.reason as unknown;
    assert.ok(error instanceof RpcError);
    assert.ok(error.presented.message.length > 0);
    assert.deepEqual(error.presented.actions, [{ id: 'acg.showLog', title: 'Show Log' }]);
  });

  it('signed out: each section says so with a Sign In action, which the page may then run', async () => {
    const recorded = recordedDeps(unreachableServices);
    const handlers = new GatewayOverviewHandlers(recorded.deps, { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: 'contoso-prod-gw' });
    const { client } = connect(gatewayOverviewProtocol, handlers.handlers, handlers.actions.present);
    client.start();
    const failure = await client.request('gateway', { reload: false }).then(() => undefined, (e: unknown) => e);
    assert.ok(failure instanceof RpcError);
    assert.deepEqual(failure.presented.actions, [{ id: 'acg.signIn', title: 'Sign In…' }]);
    await client.request('runAction', { id: 'acg.signIn' });
    assert.deepEqual(recorded.commands, ['acg.signIn']);
  });

  it('links reveal tree nodes for the gateway, and copy puts the host’s own values on the clipboard', async () => {
    const { page, recorded } = open(GATEWAY_PRODUCTION);
    await page.client.request('reveal', { target: 'testLines' });
    await page.client.request('reveal', { target: 'requests' });
    assert.deepEqual(recorded.reveals.map((r) => [r.kind, r.gateway.name]), [['testLines', 'contoso-prod-gw'], ['requests', 'contoso-prod-gw']]);
    await page.client.request('copy', { field: 'domain' });
    await page.client.request('copy', { field: 'provisioningApiUrl' });
    await page.client.request('copy', { field: 'resourceId' });
    assert.deepEqual(recorded.copies, ['cprod7a1b2c3.commsgw.azure.com', `${world.emulator.url}/provapi/cprod7a1b2c3.commsgw.azure.com`, gatewayId(GATEWAY_PRODUCTION)]);
  });

  it('Run Onboarding Checks… asks the extension to open the checks of this gateway, the host naming the gateway', async () => {
    const { page, recorded } = open(GATEWAY_GAPS);
    await page.client.request('runOnboardingChecks', {});
    assert.deepEqual(recorded.onboardingRuns, [{ id: gatewayId(GATEWAY_GAPS), name: 'fabrikam-new-gw' }]);
  });

  it('a refresh cancels the previous load’s requests on the host', async () => {
    const { page, handlers } = open(GATEWAY_PRODUCTION);
    const first = new AbortController();
    const slow = page.client.request('requestCounts', {}, { signal: first.signal }).then(() => 'done', (e: unknown) => (e instanceof Error ? e.name : 'error'));
    first.abort();
    assert.equal(await slow, 'RpcCancelled');
    await settle();
    assert.deepEqual(page.posted.filter((m) => m.kind === 'response'), [], 'no answer for the cancelled request');
    assert.ok(page.log.of('info').some((line) => /request 1 cancelled by the webview/.test(line)));
    handlers.dispose();
  });
});
