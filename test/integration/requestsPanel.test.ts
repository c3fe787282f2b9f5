// The Requests for Information panel inside a real VS Code (code-server), against the emulator: "Manage Requests for
// Information…" opens the panel on the selected gateway, and the panel's host side, on the deps the extension builds
// from its host (the Enterprises data the tree shares, the modal confirmation through api.host.ui, the tree's
// refresh), updates the relationship status of two requests at once and creates an account from a request. The
// service is then read to check what it holds, and the Enterprises tree to check that it shows it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import { RequestsHandlers } from '../../src/webviews/requests/handlers';
import { requestsPanelDeps } from '../../src/webviews/requests/hostDeps';
import { presentErrorForWebview } from '../../src/webviews/shared/presentError';
import { GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { SEED_TENANT_IDS } from '../../emulator/seed/provisioning';
import { activateInEmulator, clientOf, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const LUCERNE = SEED_TENANT_IDS.lucerne;
const WINGTIP = SEED_TENANT_IDS.wingtip;
const BELLOWS = SEED_TENANT_IDS.bellows;

describe('Requests for Information panel against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  let handlers: RequestsHandlers;
  const signal = new AbortController().signal;

  function panelTab(): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === `${GATEWAY_PRODUCTION.name} · Requests for Information`);
  }

  before(async () => {
    api = await activateInEmulator();
    if (!api.host.signIn.signedIn) await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    const selected = api.host.selection.forCurrentSignIn();
    assert.ok(selected);
    // The deps the extension gives the panel, from the same host and trees.
    const deps = requestsPanelDeps({
      host: api.host,
      log: api.host.log,
      present: presentErrorForWebview,
      refreshEnterprises: (part) => api.enterprises.refreshPart(part),
      revealInEnterprises: async () => undefined,
      executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
    });
    handlers = new RequestsHandlers(deps, { gatewayId: selected.id, gatewayName: selected.name });
  });

  afterEach(() => endScript());

  after(async () => {
    handlers.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('opens from the palette on the selected gateway, one panel per gateway', async () => {
    await run('acg.enterprises.manageRequests');
    await until('the Requests for Information panel', () => panelTab() !== undefined);
    await run('acg.enterprises.manageRequests', { gatewayId: api.host.selection.forCurrentSignIn()?.id });
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === panelTab()?.label).length, 1);
  });

  it('updates the relationship status of 2 requests at once: confirmed with both changes, written, and shown by the Enterprises tree', async () => {
    const { rows } = await handlers.handlers.load({ reload: true }, { signal });
    assert.ok(rows.length >= 20, `${rows.length} requests`);
    const prepared = await handlers.handlers.prepareUpdate({ tenantIds: [LUCERNE, WINGTIP] }, { signal });
    assert.deepEqual(prepared.rows.map((r) => r.company), ['Lucerne Publishing', 'Wingtip Toys']);
    const recorded = script(api, { warnings: ['Update'] });
    const outcome = await handlers.handlers.applyUpdate({ tenantIds: [LUCERNE, WINGTIP], status: 'AgreementSigned', comment: 'Contract T-2025-04' }, { signal });
    assert.equal(recorded.warnings.length, 1);
    assert.equal(recorded.warnings[0].message, 'Update the relationship status of 2 requests on contoso-prod-gw?');
    assert.equal(recorded.warnings[0].options.modal, true);
    assert.match(recorded.warnings[0].options.detail ?? '', /^Lucerne Publishing: .* → Agreement signed; comment “Contract T-2025-04”/m);
    assert.match(recorded.warnings[0].options.detail ?? '', /^Wingtip Toys: .* → Agreement signed; comment “Contract T-2025-04”/m);
    assert.deepEqual(outcome.results.map((r) => [r.company, r.outcome]), [['Lucerne Publishing', 'updated'], ['Wingtip Toys', 'updated']]);

    const client = await clientOf(api, GATEWAY_PRODUCTION);
    for (const tenantId of [LUCERNE, WINGTIP]) {
      const { resource } = await client.getRequestForInformation(tenantId);
      assert.equal(resource.customerRelationship?.status, 'AgreementSigned');
      assert.equal(resource.customerRelationship?.comment, 'Contract T-2025-04');
    }
    // The tree re-read the shared list: both requests now sit under Agreement signed.
    for (const tenantId of [LUCERNE, WINGTIP]) {
      await until(`${tenantId} under Agreement signed`, async () => (await api.enterprises.findRequest(tenantId))?.request.customerRelationship?.status === 'AgreementSigned');
    }
  });

  it('a change made meanwhile is not overwritten: the 412 is reported for that request only', async () => {
    await handlers.handlers.prepareUpdate({ tenantIds: [LUCERNE, WINGTIP] }, { signal });
    // Someone else updates Wingtip after the panel read it.
    const client = await clientOf(api, GATEWAY_PRODUCTION);
    await client.updateCustomerRelationship(WINGTIP, { status: 'AgreementSigned', comment: 'Changed elsewhere' });
    script(api, { warnings: ['Update'] });
    const outcome = await handlers.handlers.applyUpdate({ tenantIds: [LUCERNE, WINGTIP], status: 'CustomerContacted', comment: '' }, { signal });
    assert.deepEqual(outcome.results.map((r) => r.outcome), ['updated', 'conflict']);
    assert.equal((await client.getRequestForInformation(WINGTIP)).resource.customerRelationship?.comment, 'Changed elsewhere');
  });

  it('creates an account from a request: the tenant of the request, the services chosen, confirmed, then listed in the Enterprises tree', async () => {
    const setup = await handlers.handlers.accountForm({ tenantId: BELLOWS }, { signal });
    assert.equal(setup.company, 'Bellows College');
    assert.equal(setup.suggestedName, 'Bellows-College');
    const form = { tenantId: BELLOWS, name: 'Bellows-College-Panel', services: ['teamsOperatorConnect' as const, 'teamsPhoneMobile' as const], syncEnabled: true };
    assert.deepEqual(await handlers.handlers.checkAccount({ form }, { signal }), {});
    const recorded = script(api, { warnings: ['Create Account'] });
    const created = await handlers.handlers.createAccount({ form }, { signal });
    assert.equal(recorded.warnings[0].message, 'Create account Bellows-College-Panel on contoso-prod-gw?');
    assert.match(recorded.warnings[0].options.detail ?? '', new RegExp(`Teams tenant: ${BELLOWS}`));
    assert.equal(created.accountName, 'Bellows-College-Panel');
    const { resource } = await (await clientOf(api, GATEWAY_PRODUCTION)).getAccount('Bellows-College-Panel');
    assert.equal(resource.serviceDetails?.teamsTenantId, BELLOWS);
    assert.equal(resource.serviceDetails?.teamsPhoneMobile?.enabled, true);
    await until('the new account in the Enterprises tree', async () => (await api.enterprises.findAccount('Bellows-College-Panel')) !== undefined);
  });
});
