// Onboarding checks inside a real VS Code (code-server), against the emulator's demo tenant: "Run Onboarding Checks…"
// run as the gateway row's context menu runs it and from the palette, its results for fabrikam-new-gw (the gateway
// the demo seeds with onboarding gaps), the panel it opens, the tree badge, and the roles fix through the host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { CheckResult } from '../../src/core/onboarding/types';
import { treeUri } from '../../src/views/gateways/resourceUris';
import type { TreeNode } from '../../src/views/tree';
import { GATEWAY_GAPS, SUBSCRIPTION_PRODUCTION } from '../../emulator/seed/ids';
import { activateInEmulator, leaveEmulator, run, scriptedUi, until, type UiRecord } from './helpers';

const GAPS_ID = `/subscriptions/${GATEWAY_GAPS.subscriptionId}/resourceGroups/${GATEWAY_GAPS.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${GATEWAY_GAPS.name}`;

function byId(results: readonly CheckResult[] | undefined, id: string): CheckResult {
  const found = results?.find((r) => r.id === id);
  assert.ok(found, `${id} is among the results (${(results ?? []).map((r) => r.id).join(', ')})`);
  return found;
}

function evidenceText(result: CheckResult): string {
  return JSON.stringify(result.evidence);
}

describe('Onboarding checks against the emulator', function () {
  this.timeout(90_000);
  let api: AcgExtensionApi;
  let scripted: vscode.Disposable | undefined;

  async function gatewayNode(): Promise<TreeNode> {
    const provider = api.gateways.provider;
    const subscription = (await provider.getChildren()).find((n) => n.id === `sub:${SUBSCRIPTION_PRODUCTION}`);
    assert.ok(subscription, 'the production subscription is listed');
    for (const node of await provider.getChildren(subscription)) {
      const label = (await provider.getTreeItem(node)).label;
      if ((typeof label === 'string' ? label : label?.label) === GATEWAY_GAPS.name) return node;
    }
    throw new Error(`${GATEWAY_GAPS.name} is not in the Gateways view`);
  }

  function onboardingTab(): vscode.Tab | undefined {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === `${GATEWAY_GAPS.name} · Onboarding`);
  }

  before(async () => {
    api = await activateInEmulator();
    if (!api.host.signIn.signedIn) await run('acg.signIn', { method: 'sandbox' });
    await until('the Gateways view', async () => (await api.gateways.provider.getChildren()).length > 0);
  });

  afterEach(() => {
    scripted?.dispose();
    scripted = undefined;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('on fabrikam-new-gw’s row: the 2 missing roles by name, the unverified domain with its TXT record, the short test-line count; the panel opens', async () => {
    const results = await run<CheckResult[]>('acg.gateways.runOnboardingChecks', await gatewayNode());
    assert.ok(results && results.length >= 15, `every check ran (${results?.length ?? 0})`);

    const roles = byId(results, 'identity.synergy-roles');
    assert.equal(roles.status, 'fail');
    assert.match(roles.summary, /Data\.Read/);
    assert.match(roles.summary, /Data\.Write/);
    assert.ok(roles.fix, 'the roles check offers its fix');
    assert.equal(roles.fix.writes.length, 2, 'exactly the two missing roles');

    const domain = byId(results, 'domain.verified');
    assert.equal(domain.status, 'fail');
    assert.match(evidenceText(domain), /MS=ms/, 'the TXT record to publish');
    assert.ok(domain.evidence.some((e) => e.copy), 'with a copy button');

    const count = byId(results, 'test-lines.count');
    assert.equal(count.status, 'fail');
    assert.match(count.summary, /4/);
    assert.match(count.summary, /6/);

    await until('the Onboarding Checks panel', () => onboardingTab() !== undefined);
    const stored = api.host.onboarding.lastRun(GAPS_ID);
    assert.equal(stored?.results.length, results.length, 'the run is kept for the badge and the panel');
  });

  it('the gateway row carries a badge with the number of failed checks in its tooltip', async () => {
    const run = api.host.onboarding.lastRun(GAPS_ID);
    const failed = run?.results.filter((r) => r.status === 'fail' || r.status === 'error').length ?? 0;
    assert.ok(failed >= 3);
    const uri = treeUri('gateway', GAPS_ID);
    assert.equal((await api.gateways.provider.getTreeItem(await gatewayNode())).resourceUri?.toString(), uri.toString());
    const decoration = api.gateways.decorations.provideFileDecoration(uri);
    assert.equal(decoration?.badge, String(failed));
    assert.match(decoration?.tooltip ?? '', new RegExp(`^${failed} onboarding checks failed`));
  });

  it('from the palette it asks for the gateway with the gateway quick pick', async () => {
    const recorded: UiRecord = { quickPicks: [], warnings: [], errors: [], info: [], clipboard: [], progress: [] };
    scripted = api.host.ui.script(scriptedUi({ picks: [(items) => items.find((i) => i.label.endsWith(GATEWAY_GAPS.name))] }, recorded));
    const results = await run<CheckResult[]>('acg.gateways.runOnboardingChecks');
    assert.equal(recorded.quickPicks[0]?.options.title, 'Run Onboarding Checks');
    assert.equal(byId(results, 'identity.synergy-roles').status, 'fail');
  });

  it('the roles fix writes exactly the missing roles; the check passes on re-run, and a second fix writes nothing', async () => {
    const target = { id: GAPS_ID, name: GATEWAY_GAPS.name };
    const roles = byId(api.host.onboarding.lastRun(GAPS_ID)?.results, 'identity.synergy-roles');
    assert.ok(roles.fix);
    const engine = await api.host.onboarding.engine();
    const writes = engine.resolveFixWrites(roles.fix);
    const first = await api.host.onboarding.fix(target, { checkId: roles.id, confirmed: writes });
    assert.equal(first.written.length, 2);
    assert.equal(first.result.status, 'pass');
    const [again] = await api.host.onboarding.run(target, { checkIds: [roles.id] });
    assert.equal(again.status, 'pass');
    const second = await api.host.onboarding.fix(target, { checkId: roles.id, confirmed: writes });
    assert.equal(second.written.length, 0, 'idempotent');
  });
});
