// The Account panel inside a real VS Code, against the emulator: Open Account from an account's row in the
// Enterprises view and from the palette, then the page's requests (sent to the panel's own handlers, since a test has
// no page) with VS Code's modal dialogs answered through api.host.ui: sync turned off on one service, and a throwaway
// account, created first, deleted with its numbers. The Enterprises view follows both.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { RequestHandlers } from '../../src/webviews/shared/rpcHost';
import type { AccountProtocol } from '../../src/webviews/account/protocol';
import { GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { TreeWalker, activateInEmulator, byLabel, clientOf, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const THROWAWAY = 'Panel-Throwaway';

describe('Account panel against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  const tree = new TreeWalker(() => api.enterprises.provider);
  const gatewayId = () => selectionOf(api, GATEWAY_PRODUCTION).id;
  const signal = new AbortController().signal;

  function accountTab(name: string): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === `${name} · Account`);
  }

  async function handlersOf(account: string): Promise<RequestHandlers<AccountProtocol>> {
    const handlers = await api.accountPanel.handlersOf({ gatewayId: gatewayId(), account });
    assert.ok(handlers, `the panel of ${account} is open`);
    return handlers;
  }

  before(async () => {
    api = await activateInEmulator();
    if (!api.host.signIn.signedIn) await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    await until('the gateway row', async () => (await tree.children()).length === 1);
    const client = await clientOf(api, GATEWAY_PRODUCTION);
    await client.createOrReplaceAccount({ name: THROWAWAY, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true }, teamsPhoneMobile: { enabled: true, syncEnabled: true } } });
    await client.createOrUpdateNumbers(THROWAWAY, ['+4930555100', '+4930555101'].map((telephoneNumber) => ({
      telephoneNumber,
      accountName: THROWAWAY,
      serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } },
    })));
    api.enterprises.refreshPart('accounts');
  });

  afterEach(() => endScript());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('opens from the account’s row and shows its services, counts and civic addresses', async () => {
    const row = await tree.path('contoso-prod-gw', 'Accounts', 'Fabrikam-Finance');
    await run('acg.enterprises.openAccount', row);
    await until('the Fabrikam-Finance tab', () => accountTab('Fabrikam-Finance') !== undefined);
    const handlers = await handlersOf('Fabrikam-Finance');
    const read = await handlers.account({ reload: false }, { signal });
    assert.deepEqual(read.overview.services.filter((s) => s.enabled).map((s) => [s.short, s.numberCount]), [['OC', 6], ['TPM', 2]]);
    assert.deepEqual(await handlers.numberTotal({}, { signal }), { total: 8 });
    assert.ok((await handlers.civicAddresses({}, { signal })).length >= 2);
  });

  it('from the palette it picks an account of the selected gateway', async () => {
    const recorded = script(api, { picks: [byLabel(THROWAWAY)] });
    await run('acg.enterprises.openAccount');
    assert.equal(recorded.quickPicks[0]?.options.title, 'Accounts on contoso-prod-gw');
    await until('the throwaway account’s tab', () => accountTab(THROWAWAY) !== undefined);
  });

  it('edits sync on one service: the modal shows the exact change, the service has it, the row follows', async () => {
    const handlers = await handlersOf(THROWAWAY);
    const read = await handlers.account({ reload: true }, { signal });
    const recorded = script(api, { warnings: ['Save'] });
    const outcome = await handlers.saveServices({ edit: { ...read.edit, services: { ...read.edit.services, teamsPhoneMobile: { enabled: true, syncEnabled: false } } } }, { signal });
    assert.equal(outcome.kind, 'saved');
    assert.equal(recorded.warnings[0]?.message, `Change the services of account ${THROWAWAY}?`);
    assert.equal(recorded.warnings[0]?.options.modal, true);
    assert.match(String(recorded.warnings[0]?.options.detail), /^Teams Phone Mobile sync: on → off$/m);
    const saved = (await (await clientOf(api, GATEWAY_PRODUCTION)).getAccount(THROWAWAY)).resource;
    assert.equal(saved.serviceDetails?.teamsPhoneMobile?.syncEnabled, false);
    assert.equal(saved.serviceDetails?.teamsOperatorConnect?.syncEnabled, true);
    await until('the row says sync is mixed', async () => String((await tree.item(await tree.path('contoso-prod-gw', 'Accounts', THROWAWAY))).description).includes('sync mixed'));
  });

  it('deletes the throwaway account with its 2 numbers after a modal naming both; the row goes', async () => {
    const handlers = await handlersOf(THROWAWAY);
    const refused = await handlers.deleteAccount({ deleteNumbers: false }, { signal });
    assert.equal(refused.kind, 'refused');
    const recorded = script(api, { warnings: ['Delete'] });
    const outcome = await handlers.deleteAccount({ deleteNumbers: true }, { signal });
    assert.equal(outcome.kind, 'deleted');
    assert.equal(recorded.warnings.length, 1, 'the refused attempt asked nothing');
    assert.equal(recorded.warnings[0]?.message, `Delete account ${THROWAWAY} and its 2 numbers?`);
    await assert.rejects((await clientOf(api, GATEWAY_PRODUCTION)).getAccount(THROWAWAY));
    await until('the row is gone', async () => !(await tree.labels(await tree.path('contoso-prod-gw', 'Accounts'))).includes(THROWAWAY));
  });

  it('Manage Numbers… reaches acg.numbers.manage, or says this build has no Numbers panel', async () => {
    const handlers = await handlersOf('Fabrikam-Finance');
    const registered = (await vscode.commands.getCommands(true)).includes('acg.numbers.manage');
    const result = await Promise.resolve(handlers.manageNumbers({}, { signal })).then(() => 'ran', (e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (registered) assert.equal(result, 'ran');
    else assert.match(result, /Numbers panel \(Manage Numbers…\) is not in this build/);
  });
});
