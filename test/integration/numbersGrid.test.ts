// The Numbers panel (Manage Numbers…) inside a real VS Code (code-server), against the emulator: opened on
// Northwind-Bulk (100,000 numbers), the panel's real webview loads its first page through the host, and the host goes
// to the last page reading that page alone. Find Number…'s "Show in Numbers Panel" opens the same panel filtered to
// the number (the webview asks for it after the host's reveal). Prompts are answered through api.host.ui.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { NumbersGridHandlers } from '../../src/webviews/numbers/handlers';
import { gatewayId } from '../../emulator/seed/gateways';
import { BULK_ACCOUNT_NAME, GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { activateInEmulator, byLabel, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const BULK_NUMBER = '+442030001234';
const TAB = `${BULK_ACCOUNT_NAME} · Numbers`;

function numbersTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === TAB);
}

describe('the Numbers panel against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  let grid: NumbersGridHandlers | undefined;

  before(async () => {
    api = await activateInEmulator();
    await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
  });

  afterEach(() => endScript());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('Manage Numbers… from the palette on Northwind-Bulk: the webview shows page 1 of 1,000', async () => {
    const recorded = script(api, { picks: [byLabel(BULK_ACCOUNT_NAME)] });
    grid = await run<NumbersGridHandlers>('acg.numbers.manage');
    assert.ok(grid, 'the panel opened');
    assert.ok(recorded.quickPicks[0]?.items.some((item) => /All accounts of contoso-prod-gw/.test(item.label)), 'the whole gateway is offered too');
    await until('the Numbers panel tab', () => numbersTab() !== undefined);
    // The page's own first request, through the real webview and RPC.
    const handlers = grid;
    await until('the webview to read page 1', () => handlers.pageWindow.peek(0) !== undefined, 20_000);
    assert.equal(handlers.pageWindow.total, 100_000);
    assert.equal(handlers.pageWindow.pageCount, 1000);
  });

  it('goes to the last page reading that page alone: nothing in between is loaded', async () => {
    const handlers = grid;
    assert.ok(handlers);
    const signal = new AbortController().signal;
    const fetchesBefore = handlers.pageWindow.fetches;
    const last = await handlers.handlers.page({ index: 'last', filter: {}, reload: false }, { signal });
    assert.equal(last.index, 999);
    assert.equal(last.rows.length, 100);
    assert.equal(last.rows.at(-1)?.telephoneNumber, '+442030099999');
    assert.equal(handlers.pageWindow.fetches - fetchesBefore, 1, 'one request for the last page');
    assert.deepEqual(handlers.pageWindow.heldIndexes(), [0, 999]);
    assert.ok(handlers.pageWindow.heldItems() <= 200);
  });

  it('Find Number…’s “Show in Numbers Panel” shows the number’s account filtered to it', async () => {
    const handlers = grid;
    assert.ok(handlers);
    script(api);
    const pressed = api.host.ui.script({ showInformationMessage: (_message, ...items) => Promise.resolve(items.find((i) => i === 'Show in Numbers Panel')) });
    try {
      await run('acg.numbers.find', BULK_NUMBER);
      // The open panel is asked to reveal the number; its webview then asks for page 1 under prefix = the number.
      await until('the webview to filter to the number', () => {
        const page = handlers.pageWindow.peek(0);
        return page?.items.length === 1 && page.items[0].telephoneNumber === BULK_NUMBER;
      }, 20_000);
      assert.equal(handlers.target.gatewayId.toLowerCase(), gatewayId(GATEWAY_PRODUCTION).toLowerCase());
      assert.ok(numbersTab()?.isActive, 'the panel is in front');
    } finally {
      pressed.dispose();
    }
  });
});
