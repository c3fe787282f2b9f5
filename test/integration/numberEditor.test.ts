// The Number editor inside a real VS Code (code-server), against the emulator: "Create Numbers…" run with the
// argument another panel passes, the open panel's handlers driven as its page drives them, the modal confirmation
// answered through the scripted Ui, and the numbers followed from pending to synced in the Numbers tree without a
// Refresh. Then "Edit Numbers…" on one of them changes its custom SIP header only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { NumberResource } from '../../src/core/models';
import type { NumberDraft } from '../../src/core/numbers/numberDraft';
import type { NumberEditorSession } from '../../src/webviews/numberEditor/panel';
import { GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { TreeWalker, activateInEmulator, clientOf, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const ACCOUNT = 'Contoso-Telecom-Verification';
const PASTE = '+44 20 7946 0111\n0044-20-7946-0112\n(020) 7946 0113';
const CREATED = ['+442079460111', '+442079460112', '+442079460113'];

describe('Number editor against the emulator', function () {
  this.timeout(90_000);
  let api: AcgExtensionApi;
  const tree = new TreeWalker(() => api.numbers.provider);
  const context = { signal: new AbortController().signal };

  /** The numbers the Numbers tree shows now, by telephone number. */
  async function shown(): Promise<Map<string, NumberResource>> {
    const [scope] = await tree.children();
    const rows = scope ? await tree.children(scope) : [];
    const numbers = rows.map((n) => (n as { number?: NumberResource }).number).filter((n): n is NumberResource => n !== undefined);
    return new Map(numbers.map((n) => [n.telephoneNumber, n]));
  }

  before(async () => {
    api = await activateInEmulator();
    await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    await vscode.workspace.getConfiguration().update('acg.numbers.defaultCountry', 'GB', vscode.ConfigurationTarget.Global);
    await api.numbers.show({ kind: 'account', accountName: ACCOUNT });
    const [scope] = await tree.children();
    if (scope) await tree.children(scope); // the account's first page is shown
  });

  afterEach(() => endScript());

  after(async () => {
    const client = await clientOf(api, GATEWAY_PRODUCTION);
    await client.deleteNumbers(ACCOUNT, CREATED).catch(() => undefined);
    await vscode.workspace.getConfiguration().update('acg.numbers.defaultCountry', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('creates 3 numbers pasted in mixed formats; they appear pending in the Numbers tree and end synced there', async () => {
    const gatewayId = selectionOf(api, GATEWAY_PRODUCTION).id;
    const session = await run<NumberEditorSession>('acg.numbers.create', { gatewayId, account: ACCOUNT });
    assert.ok(session, 'the command opens the editor and returns its session');
    const setup = await session.handlers.setup({}, context);
    assert.deepEqual(setup.services.map((s) => s.key), ['teamsOperatorConnect', 'teamsPhoneMobile'], 'the account’s services only');
    const usage = setup.usages.teamsOperatorConnect?.[0];
    assert.ok(usage, 'a usage from the capability plans');
    const preview = await session.handlers.preview({ text: PASTE }, context);
    assert.deepEqual(preview.numbers, CREATED);

    const draft: NumberDraft = { service: 'teamsOperatorConnect', usage: usage.usage, capabilities: [...usage.capabilities], civicAddressId: setup.addresses[0]?.id, allowTenantAddressUpdate: false };
    const recorded = script(api, { warnings: ['Create'] });
    const report = await session.handlers.create({ text: PASTE, draft: { ...draft, capabilities: [...draft.capabilities] } }, context);
    assert.equal(recorded.warnings.length, 1, 'one modal confirmation');
    assert.equal(recorded.warnings[0].options.modal, true);
    assert.match(recorded.warnings[0].message, /Create 3 numbers in Contoso-Telecom-Verification/);
    assert.match(recorded.warnings[0].options.detail ?? '', /\+442079460112/);
    assert.equal(report.sent, true);
    assert.deepEqual(report.rows.map((r) => r.status), ['pending', 'pending', 'pending']);

    await until('the 3 new numbers in the Numbers tree', async () => {
      const now = await shown();
      return CREATED.every((n) => now.has(n));
    });
    await until('the 3 numbers synced in the Numbers tree, without a Refresh', async () => {
      const now = await shown();
      return CREATED.every((n) => now.get(n)?.serviceProvisioningStatus === 'synced');
    }, 30_000);
  });

  it('edits one number’s custom SIP header: changed fields only, with If-Match', async () => {
    const gatewayId = selectionOf(api, GATEWAY_PRODUCTION).id;
    const session = await run<NumberEditorSession>('acg.numbers.edit', { gatewayId, account: ACCOUNT, telephoneNumbers: [CREATED[0]] });
    assert.ok(session);
    const setup = await session.handlers.setup({}, context);
    assert.ok(setup.edit, 'edit mode shows the current values');
    const start = setup.edit.start;
    const recorded = script(api, { warnings: ['Apply Changes'] });
    const report = await session.handlers.edit({ draft: { ...start, capabilities: [...start.capabilities], customSipHeader: 'contoso-hq' }, touched: ['customSipHeader'] }, context);
    assert.equal(report.sent, true);
    assert.match(recorded.warnings[0].options.detail ?? '', /Custom SIP header → contoso-hq/);
    const client = await clientOf(api, GATEWAY_PRODUCTION);
    const now = (await client.getNumber(ACCOUNT, CREATED[0])).resource;
    assert.equal(now.configuration?.customSipHeader, 'contoso-hq');
    assert.equal(now.serviceDetails.teamsOperatorConnect?.configuration?.civicAddressId, setup.edit.start.civicAddressId, 'the other settings stay');
  });
});
