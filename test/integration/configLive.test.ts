// Live checks for provisioning plans (acg.config.liveChecks) against the emulator: signed in with the sandbox
// principal and the production gateway selected, a plan's unknown account, unknown civic address and a number another
// account owns get ACG-LIVE warnings at the values; turning the setting off takes them away again. "No live findings"
// is asserted only once the validation's live phase is over (ConfigDiagnostics.onDidFinishLiveCheck for the document's
// version), never on the offline results that are published first.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiveCheckDone } from '../../src/diagnostics/configDiagnostics';
import type { AcgExtensionApi } from '../../src/extension';
import { GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { acgDiagnostics, closeAllEditors, codeOf, diagnosticAt, nextEvent, waitForDiagnostics, workspaceFolder } from './configHelpers';
import { activateInEmulator, leaveEmulator, selectionOf, signInAs } from './enterprises.helpers';

const SETTING = 'config.liveChecks';
const UNKNOWN_ACCOUNT = 'Nobody-Live-Test';
const UNKNOWN_CIVIC = '0badc0de-0000-4000-8000-000000000001';
const OTHERS_NUMBER = '+14255550101'; // seeded on Fabrikam-Finance

const PLAN = `{
  "gateway": { "subscriptionId": "${GATEWAY_PRODUCTION.subscriptionId}", "resourceGroup": "${GATEWAY_PRODUCTION.resourceGroup}", "name": "${GATEWAY_PRODUCTION.name}" },
  "accounts": [
    {
      "name": "${UNKNOWN_ACCOUNT}",
      "serviceDetails": { "teamsTenantId": "d03b82dc-4553-48a6-9dc6-6947743824e4", "teamsOperatorConnect": { "enabled": true, "syncEnabled": true } }
    },
    {
      "name": "Adatum-Corp",
      "serviceDetails": { "teamsTenantId": "5f2c1d9e-8a7b-4c3d-9e1f-2a3b4c5d6e7f", "teamsOperatorConnect": { "enabled": true, "syncEnabled": true } },
      "numbers": [
        { "telephoneNumber": "${OTHERS_NUMBER}", "serviceDetails": { "teamsOperatorConnect": { "enabled": true, "assignmentStatus": "assigned", "configuration": { "usage": "CallingUserAssignment", "choosableCapabilities": ["InboundCalling", "OutboundCalling"], "civicAddressId": "${UNKNOWN_CIVIC}" } } } }
      ]
    }
  ]
}
`;

const LIVE = /^ACG-LIVE-/;

describe('Config live checks against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  let uri: vscode.Uri;

  /** The end of the live phase of the next validation of the plan that `accept`s; subscribe before causing it. */
  const liveCheckDone = (what: string, accept: (done: LiveCheckDone) => boolean = () => true): Promise<LiveCheckDone> =>
    nextEvent(api.diagnostics.onDidFinishLiveCheck, (done) => done.uri.toString() === uri.toString() && accept(done), what, 30_000);

  before(async () => {
    api = await activateInEmulator();
    await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    uri = vscode.Uri.joinPath(workspaceFolder(), 'live-check.acg-plan.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(PLAN, 'utf8'));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('acg').update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await leaveEmulator(api);
  });

  it('reports nothing live while the setting is off, once the validation\'s live phase is over', async () => {
    assert.equal(vscode.workspace.getConfiguration('acg').get<boolean>(SETTING), false);
    const done = liveCheckDone('the live phase of the first validation');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const finished = await done;
    assert.equal(finished.version, document.version);
    assert.deepEqual(acgDiagnostics(uri).filter((d) => LIVE.test(codeOf(d))).map((d) => `${codeOf(d)} ${d.message}`), []);
    assert.deepEqual({ outcome: finished.outcome, findings: finished.findings }, { outcome: 'off', findings: 0 }, 'nothing was asked of the service');
  });

  it('warns about an unknown account, civic address and a number of another account when on, and stops when off', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.workspace.getConfiguration('acg').update(SETTING, true, vscode.ConfigurationTarget.Global);
    const shown = await waitForDiagnostics(uri, (d) => d.filter((x) => LIVE.test(codeOf(x))).length >= 3, 'the live findings', 30_000);
    const live = shown.filter((d) => LIVE.test(codeOf(d)));
    assert.equal(live.length, 3, live.map((d) => `${codeOf(d)} ${d.message}`).join('\n'));
    for (const d of live) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    diagnosticAt(document, live, 'ACG-LIVE-001', `"${UNKNOWN_ACCOUNT}"`);
    diagnosticAt(document, live, 'ACG-LIVE-002', `"${UNKNOWN_CIVIC}"`);
    const owned = diagnosticAt(document, live, 'ACG-LIVE-003', `"${OTHERS_NUMBER}"`);
    assert.match(owned.message, /Fabrikam-Finance/);

    const off = liveCheckDone('the validation with the setting off', (done) => done.outcome === 'off');
    await vscode.workspace.getConfiguration('acg').update(SETTING, false, vscode.ConfigurationTarget.Global);
    await off;
    assert.deepEqual(acgDiagnostics(uri).filter((d) => LIVE.test(codeOf(d))).map(codeOf), [], 'the live findings gone');
  });

  it('checks again when the gateway selection changes, without waiting for an edit', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await vscode.workspace.getConfiguration('acg').update(SETTING, true, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, (d) => d.filter((x) => LIVE.test(codeOf(x))).length === 3, 'the live findings', 30_000);
    const version = document.version;

    const unselected = liveCheckDone('the live check without a gateway', (done) => done.outcome === 'checked');
    await api.host.selection.select(undefined);
    assert.equal((await unselected).findings, 0, 'no live findings without a gateway');
    assert.deepEqual(acgDiagnostics(uri).filter((d) => LIVE.test(codeOf(d))).map(codeOf), []);
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    await waitForDiagnostics(uri, (d) => d.filter((x) => LIVE.test(codeOf(x))).length === 3, 'the live findings back for the selected gateway', 30_000);
    assert.equal(document.version, version, 'nobody edited the plan');
    await vscode.workspace.getConfiguration('acg').update(SETTING, false, vscode.ConfigurationTarget.Global);
  });
});
