// The Account panel's host side against the emulator: the real protocol, handlers, clients and pipeline, the page
// side played by the real RpcClient, and VS Code's prompts answered by fakes. What the page receives, the exact change
// confirmed before a save, If-Match on the PUT, the 412 choices (nothing sent twice, nothing overwritten), delete with
// and without deleteNumbers, the bounded number scan with Stop, Manage Numbers…, and malformed messages refused.
import { strict as assert } from 'node:assert';
import { gatewayId } from '../../../emulator/seed/gateways';
import { BULK_ACCOUNT_NAME, GATEWAY_PRODUCTION } from '../../../emulator/seed/ids';
import type { ProvisioningClient } from '../../../src/azure/clients/provisioning';
import type { AcgServices } from '../../../src/host/services';
import { AccountHandlers, USAGE_PAGE_SIZE, USAGE_SCAN_LIMIT, type AccountTarget, type Notify } from '../../../src/webviews/account/handlers';
import { accountProtocol, type ServicesEdit } from '../../../src/webviews/account/protocol';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { numberRange, ocAccount, ocNumber, PRODUCTION_DOMAIN, startWorld, type ClientWorld } from '../azure/clients.support';
import { accountFakes, type AccountFakes } from './accountFakes';
import { unreachableServices, worldServices } from './overviewFakes';
import { connect, settle } from './rpcHarness';

const GATEWAY_ID = gatewayId(GATEWAY_PRODUCTION);

describe('webviews: the Account panel against the emulator', function () {
  this.timeout(60_000);
  let world: ClientWorld;
  let services: AcgServices;
  let client: ProvisioningClient;

  before(async () => {
    world = await startWorld();
    services = worldServices(world);
    client = services.provisioning(PRODUCTION_DOMAIN);
  });

  after(async () => {
    await world?.stop();
  });

  function open(account: string, options: { domain?: boolean; services?: () => Promise<AcgServices> } = {}) {
    const fakes = accountFakes(options.services ?? (() => Promise.resolve(services)));
    const target: AccountTarget = { gatewayId: GATEWAY_ID, gatewayName: 'contoso-prod-gw', account, ...(options.domain === false ? {} : { domain: PRODUCTION_DOMAIN }) };
    const progress: { scanned: number; total: number }[] = [];
    // The handlers notify through the RpcHost that connect() builds after them, as panel.ts does.
    const relay: { notify?: Notify } = {};
    const handlers = new AccountHandlers(fakes.deps, target, (method, data) => relay.notify?.(method, data));
    const page = connect(accountProtocol, handlers.handlers, handlers.actions.present);
    relay.notify = (method, data) => page.host.notify(method, data);
    page.client.onNotification('usageProgress', (data) => progress.push(data));
    page.client.start();
    return { client: page.client, page, fakes, handlers, progress };
  }

  function writes(from: number, method: string, account: string) {
    return world.exchanges.slice(from).filter((e) => e.service === 'provisioning' && e.method === method && e.path.endsWith(`/accounts/${account}`));
  }

  async function throwaway(name: string, numbers = 0): Promise<void> {
    await client.createOrReplaceAccount(ocAccount(name));
    if (numbers > 0) await client.createOrUpdateNumbers(name, numberRange(4930555000 + Math.floor(Math.random() * 9000) * 10, numbers).map((n) => ocNumber(name, n)));
  }

  it('Fabrikam-Finance: services with sync and counts, the number total, civic addresses and the numbers that use them', async () => {
    const { client: page, progress } = open('Fabrikam-Finance');
    assert.deepEqual(await page.request('identity', {}), { gatewayId: GATEWAY_ID, gatewayName: 'contoso-prod-gw', account: 'Fabrikam-Finance' });
    const read = await page.request('account', { reload: false });
    assert.deepEqual(read.overview.services.filter((s) => s.enabled).map((s) => [s.short, s.syncEnabled, s.numberCount]), [['OC', true, 6], ['TPM', true, 2]]);
    assert.equal(read.edit.services.teamsOperatorConnect.enabled, true);
    assert.deepEqual(await page.request('numberTotal', {}), { total: 8 });
    const addresses = await page.request('civicAddresses', {});
    assert.ok(addresses.length >= 2);
    const usage = await page.request('numberUsage', {});
    assert.equal(usage.complete, true);
    assert.equal(usage.scanned, 8);
    assert.equal(usage.perService.teamsOperatorConnect, 6);
    const used = usage.addresses.reduce((sum, a) => sum + a.count, 0);
    assert.equal(used + usage.withoutAddress, 8, 'each number either uses an address or none');
    assert.ok(usage.addresses.every((a) => addresses.some((row) => row.id.toLowerCase() === a.addressId.toLowerCase())), 'the numbers use the account’s own addresses');
    assert.deepEqual(progress, [{ scanned: 8, total: 8 }]);
  });

  it('a restored panel (no domain from the page) reads the gateway’s domain from ARM', async () => {
    const { client: page } = open('Proseware', { domain: false });
    const read = await page.request('account', { reload: true });
    assert.equal(read.overview.directRouting?.subdomain, 'proseware');
    assert.ok(world.exchanges.some((e) => e.service === 'arm' && e.method === 'GET' && /communicationsGateways\/contoso-prod-gw$/.test(e.path)));
  });

  it('save: the exact change is confirmed first, then one PUT with If-Match of the ETag read; the tree is told', async () => {
    await throwaway('Panel-Save');
    const { client: page, fakes } = open('Panel-Save');
    const read = await page.request('account', { reload: true });
    const edit: ServicesEdit = { ...read.edit, services: { ...read.edit.services, teamsOperatorConnect: { enabled: true, syncEnabled: false } } };
    fakes.confirmAnswers.push(true);
    const from = world.exchanges.length;
    const outcome = await page.request('saveServices', { edit });
    assert.equal(outcome.kind, 'saved');
    assert.deepEqual(fakes.prompts.map((p) => [p.kind, p.message, p.detail.split('\n')[0]]), [['confirm', 'Change the services of account Panel-Save?', 'Operator Connect sync: on → off']]);
    const puts = writes(from, 'PUT', 'Panel-Save');
    assert.equal(puts.length, 1);
    assert.match(puts[0].requestHeaders['if-match'] ?? '', /.+/);
    assert.equal(fakes.accountsChanged, 1);
    assert.equal((await client.getAccount('Panel-Save')).resource.serviceDetails?.teamsOperatorConnect?.syncEnabled, false);
  });

  it('save cancelled, unchanged or refused by the rule table: nothing is sent', async () => {
    await throwaway('Panel-Nothing');
    const { client: page, fakes } = open('Panel-Nothing');
    const read = await page.request('account', { reload: true });
    const from = world.exchanges.length;
    assert.equal((await page.request('saveServices', { edit: read.edit })).kind, 'unchanged');
    const syncOff: ServicesEdit = { ...read.edit, services: { ...read.edit.services, teamsOperatorConnect: { enabled: true, syncEnabled: false } } };
    fakes.confirmAnswers.push(false);
    assert.equal((await page.request('saveServices', { edit: syncOff })).kind, 'cancelled');
    const badDr: ServicesEdit = {
      services: { ...read.edit.services, teamsDirectRouting: { enabled: true, syncEnabled: true } },
      directRouting: { subdomain: 'bad subdomain', callScreening: false, region1Token: 'a', region2Token: 'b' },
    };
    const invalid = await page.request('saveServices', { edit: badDr });
    assert.equal(invalid.kind, 'invalid');
    assert.ok(invalid.kind === 'invalid' && invalid.problems[0].field === 'directRouting.subdomain');
    assert.equal(writes(from, 'PUT', 'Panel-Nothing').length, 0);
    assert.equal(fakes.prompts.length, 1, 'only the cancelled one asked');
  });

  it('412: someone else changed the account; Reload shows theirs and sends nothing more', async () => {
    await throwaway('Panel-Conflict');
    const { client: page, fakes } = open('Panel-Conflict');
    const read = await page.request('account', { reload: true });
    // Someone else's change after the panel read the account.
    await client.createOrReplaceAccount({ ...ocAccount('Panel-Conflict'), serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true }, zoomPhoneCloudPeering: { enabled: true, syncEnabled: true } } });
    fakes.confirmAnswers.push(true);
    fakes.conflictAnswers.push('reload');
    const from = world.exchanges.length;
    const outcome = await page.request('saveServices', { edit: { ...read.edit, services: { ...read.edit.services, teamsOperatorConnect: { enabled: true, syncEnabled: false } } } });
    assert.equal(outcome.kind, 'reloaded');
    assert.ok(outcome.kind === 'reloaded' && outcome.read.overview.services.find((s) => s.key === 'zoomPhoneCloudPeering')?.enabled, 'the other change is shown');
    assert.deepEqual(writes(from, 'PUT', 'Panel-Conflict').map((e) => e.status), [412], 'one PUT, refused; nothing sent again');
    assert.deepEqual(fakes.prompts.map((p) => p.kind), ['confirm', 'conflict']);
    assert.match(fakes.prompts[1].message, /Someone else changed account Panel-Conflict/);
    const now = (await client.getAccount('Panel-Conflict')).resource;
    assert.equal(now.serviceDetails?.teamsOperatorConnect?.syncEnabled, true, 'their version stands');
    assert.equal(now.serviceDetails?.zoomPhoneCloudPeering?.enabled, true);
  });

  it('412: Reload and Re-apply applies the same change to the fresh account, after a new confirmation, with the new ETag', async () => {
    await throwaway('Panel-Reapply');
    const { client: page, fakes } = open('Panel-Reapply');
    const read = await page.request('account', { reload: true });
    await client.createOrReplaceAccount({ ...ocAccount('Panel-Reapply'), serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true }, zoomPhoneCloudPeering: { enabled: true, syncEnabled: true } } });
    fakes.confirmAnswers.push(true, true);
    fakes.conflictAnswers.push('reapply');
    const from = world.exchanges.length;
    const outcome = await page.request('saveServices', { edit: { ...read.edit, services: { ...read.edit.services, teamsOperatorConnect: { enabled: true, syncEnabled: false } } } });
    assert.equal(outcome.kind, 'saved');
    const puts = writes(from, 'PUT', 'Panel-Reapply');
    assert.deepEqual(puts.map((e) => e.status), [412, 200]);
    assert.notEqual(puts[0].requestHeaders['if-match'], puts[1].requestHeaders['if-match']);
    assert.deepEqual(fakes.prompts.map((p) => p.kind), ['confirm', 'conflict', 'confirm']);
    const now = (await client.getAccount('Panel-Reapply')).resource;
    // The page's form still had Zoom off (it never saw it): re-applying the form turns it off again, and the second
    // confirmation said so.
    assert.match(fakes.prompts[2].detail, /Zoom Phone Cloud Peering: enabled → disabled/);
    assert.equal(now.serviceDetails?.teamsOperatorConnect?.syncEnabled, false);
  });

  it('412 dismissed: nothing more is sent', async () => {
    await throwaway('Panel-Dismiss');
    const { client: page, fakes } = open('Panel-Dismiss');
    const read = await page.request('account', { reload: true });
    await client.createOrReplaceAccount({ ...ocAccount('Panel-Dismiss'), correlationId: 'SOMEONE-ELSE' });
    fakes.confirmAnswers.push(true);
    const from = world.exchanges.length;
    const outcome = await page.request('saveServices', { edit: { ...read.edit, services: { ...read.edit.services, teamsOperatorConnect: { enabled: true, syncEnabled: false } } } });
    assert.equal(outcome.kind, 'cancelled');
    assert.deepEqual(writes(from, 'PUT', 'Panel-Dismiss').map((e) => e.status), [412]);
    assert.deepEqual(world.exchanges.slice(from).filter((e) => e.method === 'GET' && e.path.endsWith('/accounts/Panel-Dismiss')), []);
  });

  it('delete with numbers but without deleteNumbers: refused before sending, saying why; nothing asked', async () => {
    await throwaway('Panel-Delete-Refused', 3);
    const { client: page, fakes } = open('Panel-Delete-Refused');
    const from = world.exchanges.length;
    const outcome = await page.request('deleteAccount', { deleteNumbers: false });
    assert.equal(outcome.kind, 'refused');
    assert.match(outcome.message, /still has 3 numbers: the service refuses/);
    assert.deepEqual(writes(from, 'DELETE', 'Panel-Delete-Refused'), []);
    assert.deepEqual(fakes.prompts, []);
  });

  it('delete with deleteNumbers: the confirmation names the account and its count; DELETE ?deleteNumbers=true; then gone', async () => {
    await throwaway('Panel-Delete', 3);
    const { client: page, fakes } = open('Panel-Delete');
    await page.request('account', { reload: true });
    fakes.confirmAnswers.push(true);
    const from = world.exchanges.length;
    const outcome = await page.request('deleteAccount', { deleteNumbers: true });
    assert.deepEqual(outcome, { kind: 'deleted', message: 'Account Panel-Delete and its 3 numbers were deleted.' });
    assert.equal(fakes.prompts[0].message, 'Delete account Panel-Delete and its 3 numbers?');
    const deletes = writes(from, 'DELETE', 'Panel-Delete');
    assert.equal(deletes.length, 1);
    assert.match(deletes[0].url, /deleteNumbers=true/);
    assert.match(deletes[0].requestHeaders['if-match'] ?? '', /.+/);
    assert.equal(fakes.accountsChanged, 1);
    await assert.rejects(client.getAccount('Panel-Delete'), (e: Error) => /does not exist|not found/i.test(e.message));
    const after = await page.request('account', { reload: true }).then(() => undefined, (e: unknown) => e);
    assert.ok(after instanceof RpcError && /was deleted/.test(after.presented.message));
  });

  it('delete cancelled at the confirmation: nothing sent; an account without numbers needs no deleteNumbers', async () => {
    await throwaway('Panel-Delete-Empty');
    const { client: page, fakes } = open('Panel-Delete-Empty');
    fakes.confirmAnswers.push(false);
    const from = world.exchanges.length;
    assert.equal((await page.request('deleteAccount', { deleteNumbers: false })).kind, 'cancelled');
    assert.deepEqual(writes(from, 'DELETE', 'Panel-Delete-Empty'), []);
    fakes.confirmAnswers.push(true);
    assert.equal((await page.request('deleteAccount', { deleteNumbers: false })).kind, 'deleted');
    assert.doesNotMatch(writes(from, 'DELETE', 'Panel-Delete-Empty')[0].url, /deleteNumbers/);
  });

  it('the number scan is bounded and stops between pages on Stop, answering with what it read', async () => {
    const { client: page, progress } = open(BULK_ACCOUNT_NAME);
    const bounded = await page.request('numberUsage', {});
    assert.equal(bounded.scanned, USAGE_SCAN_LIMIT);
    assert.equal(bounded.total, 100_000);
    assert.equal(bounded.complete, false);
    assert.equal(bounded.stopped, false);
    assert.equal(progress.length, USAGE_SCAN_LIMIT / USAGE_PAGE_SIZE);

    const stopping = open(BULK_ACCOUNT_NAME);
    stopping.client.onNotification('usageProgress', () => void stopping.client.request('stopNumberUsage', {}));
    const stopped = await stopping.client.request('numberUsage', {});
    assert.equal(stopped.stopped, true);
    assert.ok(stopped.scanned < USAGE_SCAN_LIMIT && stopped.scanned % USAGE_PAGE_SIZE === 0, `${stopped.scanned} read`);
  });

  it('Manage Numbers… opens the Numbers panel on this account, or says clearly that this build has none', async () => {
    const { client: page, fakes } = open('Fabrikam-Finance');
    await page.request('manageNumbers', {});
    assert.deepEqual(fakes.commands, [{ id: 'acg.numbers.manage', args: [{ gatewayId: GATEWAY_ID, account: 'Fabrikam-Finance' }] }]);
    fakes.missingCommands.add('acg.numbers.manage');
    const failure = await page.request('manageNumbers', {}).then(() => undefined, (e: unknown) => e);
    assert.ok(failure instanceof RpcError);
    assert.match(failure.presented.message, /Numbers panel \(Manage Numbers…\) is not in this build.*Show Numbers on Fabrikam-Finance/);
  });

  it('numbers of this account written elsewhere, or a sign-in change, tell the page to refresh; other accounts do not', async () => {
    const { page, fakes } = open('Fabrikam-Finance');
    const refreshes: string[] = [];
    page.client.onNotification('refresh', ({ reason }) => refreshes.push(reason));
    fakes.numbersChanged({ gatewayId: GATEWAY_ID.toUpperCase(), account: 'Fabrikam-Finance' });
    fakes.numbersChanged({ gatewayId: GATEWAY_ID, account: 'Woodgrove-Bank' });
    fakes.signInChanged();
    await settle();
    assert.deepEqual(refreshes, ['numbers', 'signIn']);
  });
});

describe('webviews: the Account panel refuses malformed messages', () => {
  const good = { teamsOperatorConnect: { enabled: true, syncEnabled: true }, teamsPhoneMobile: { enabled: false, syncEnabled: false }, teamsDirectRouting: { enabled: false, syncEnabled: false }, zoomPhoneCloudPeering: { enabled: false, syncEnabled: false }, azureOperatorCallProtection: { enabled: false, syncEnabled: false } };
  const bad: [string, unknown][] = [
    ['saveServices', {}],
    ['saveServices', { edit: { services: { ...good, teamsOperatorConnect: { enabled: 'yes', syncEnabled: true } } } }],
    ['saveServices', { edit: { services: { ...good, somethingElse: { enabled: true, syncEnabled: true } } } }],
    ['saveServices', { edit: { services: { teamsOperatorConnect: good.teamsOperatorConnect } } }],
    ['saveServices', { edit: { services: good, directRouting: { subdomain: 'x'.repeat(65), callScreening: false, region1Token: '', region2Token: '' } } }],
    ['saveServices', { edit: { services: good, name: 'Another-Account' } }],
    ['saveServices', { edit: { services: good }, account: 'Another-Account' }],
    ['deleteAccount', {}],
    ['deleteAccount', { deleteNumbers: 'true' }],
    ['deleteAccount', { deleteNumbers: true, account: 'Another-Account' }],
    ['deleteAccount', [true]],
    ['account', { reload: 1 }],
    ['manageNumbers', { gatewayId: '/subscriptions/x' }],
    ['runAction', { id: 'workbench.action.terminal.new' }],
    ['nope', {}],
  ];

  it('each is refused with a warning, an error answer, and no handler run (no service reached, nothing asked)', async () => {
    const fakes: AccountFakes = accountFakes(unreachableServices);
    const handlers = new AccountHandlers(fakes.deps, { gatewayId: GATEWAY_ID, gatewayName: 'contoso-prod-gw', account: 'Fabrikam-Finance' }, () => undefined);
    const page = connect(accountProtocol, handlers.handlers, handlers.actions.present);
    page.host.receive({ kind: 'ready' });
    bad.forEach(([method, params], i) => page.host.receive({ kind: 'request', id: i + 1, method, params }));
    await settle();
    const answers = page.posted.filter((m) => m.kind === 'response');
    assert.equal(answers.length, bad.length);
    assert.ok(answers.every((m) => m.kind === 'response' && !m.ok));
    assert.equal(page.log.of('warn').length, bad.length);
    assert.equal(fakes.servicesCalls, 0);
    assert.deepEqual(fakes.prompts, []);
    assert.deepEqual(fakes.commands, []);
  });

  it('a target that is not a gateway id or not a valid account name never becomes a panel', () => {
    const fakes = accountFakes(unreachableServices);
    assert.throws(() => new AccountHandlers(fakes.deps, { gatewayId: '/subscriptions/x', gatewayName: 'x', account: 'A' }, () => undefined), /not a communications gateway id/);
    assert.throws(() => new AccountHandlers(fakes.deps, { gatewayId: GATEWAY_ID, gatewayName: 'x', account: '../numbers' }, () => undefined), /contains/);
  });
});
