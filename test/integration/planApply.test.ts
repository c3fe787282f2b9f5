// Plan and apply in the editor, inside a real VS Code, against the emulator's lab gateway: Plan Changes
// on the sandbox sample opens the diff view (live ↔ file) and the summary panel with the plan's counts; Apply… asks
// (answered through api.host.ui), applies with a journal in global storage, and a second plan finds nothing to do.
// The lab is put back afterwards, so the other tests see the seed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplyResult } from '../../src/azure/apply';
import type { ProvisioningClient } from '../../src/azure/clients';
import type { SavedProvisioningPlan } from '../../src/core/apply/types';
import type { AcgExtensionApi } from '../../src/extension';
import { GATEWAY_LAB } from '../../emulator/seed/ids';
import { copySample } from './configHelpers';
import { EXTENSION_ID } from './helpers';
import { activateInEmulator, clientOf, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const SAMPLE = 'fabrikam-pilot.acg-plan.json';

interface Planned {
  readonly plan: SavedProvisioningPlan;
}

function tabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

/** Puts back what the plan changed, from what was read before the apply. */
async function restore(client: ProvisioningClient, plan: SavedProvisioningPlan, before: ReadonlyMap<string, unknown>): Promise<void> {
  for (const change of [...plan.changes].reverse()) {
    const original = before.get(change.id);
    if (change.kind === 'number') {
      if (original === undefined) await client.deleteNumber(change.account, change.telephoneNumber).catch(() => undefined);
      else await client.createOrReplaceNumber(original as Parameters<ProvisioningClient['createOrReplaceNumber']>[0]);
    } else if (change.kind === 'account') {
      if (original === undefined) await client.deleteAccount(change.account, { deleteNumbers: true }).catch(() => undefined);
      else await client.createOrReplaceAccount(original as Parameters<ProvisioningClient['createOrReplaceAccount']>[0]);
    } else if (original !== undefined) {
      const relationship = original as { status: Parameters<ProvisioningClient['updateCustomerRelationship']>[1]['status']; comment?: string };
      await client.updateCustomerRelationship(change.tenantId, { status: relationship.status, ...(relationship.comment === undefined ? {} : { comment: relationship.comment }) });
    }
  }
}

describe('Plan and apply in the editor against the emulator', function () {
  this.timeout(90_000);
  let api: AcgExtensionApi;
  let file: vscode.Uri;
  let client: ProvisioningClient;
  let applied: SavedProvisioningPlan | undefined;
  const original = new Map<string, unknown>();

  before(async () => {
    api = await activateInEmulator();
    if (!api.host.signIn.signedIn) await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_LAB));
    client = await clientOf(api, GATEWAY_LAB);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    file = await copySample(extension, SAMPLE);
  });

  afterEach(() => endScript());

  after(async () => {
    if (applied) await restore(client, applied, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('plans the sample against contoso-lab-gw: the diff view and the summary with the counts', async () => {
    const recorded = script(api);
    const planned = await run<Planned>('acg.config.plan', file);
    assert.ok(planned, 'planned');
    assert.deepEqual(planned.plan.counts, { create: 5, update: 2, delete: 0, noop: 2 });
    assert.match(planned.plan.gateway.id ?? '', /contoso-lab-gw$/);
    assert.match(recorded.progress[0]?.title ?? '', /^Planning fabrikam-pilot\.acg-plan\.json against contoso-lab-gw/);
    // The sample is not in the engine's layout, so the right side is a read-only copy laid out as the engine writes it.
    await until('the diff view', () => tabs().some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'acg-details' && t.input.modified.path.endsWith(`/${SAMPLE.replace(/\.json$/, '')}.file.json`)));
    await until('the summary panel', () => tabs().some((t) => t.input instanceof vscode.TabInputWebview && t.label === `Plan · ${SAMPLE}`));
    // The live side of the diff is the lab as the file would say it: the accounts it has, none it lacks.
    const diff = tabs().find((t) => t.input instanceof vscode.TabInputTextDiff)?.input as vscode.TabInputTextDiff;
    const live = JSON.parse((await vscode.workspace.openTextDocument(diff.original)).getText()) as { accounts?: { name: string }[] };
    assert.equal(live.accounts?.some((a) => a.name === 'Fabrikam-Pilot'), true);
  });

  it('Plan Again from the summary replaces the diff in its own group; the summary stays beside it, not covered', async () => {
    await run<Planned>('acg.config.plan', file);
    const summaryTab = () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.label === `Plan · ${SAMPLE}`);
    await until('the summary panel', () => summaryTab() !== undefined);
    // The summary in front, as when its Plan Again button is pressed (which passes the file as { desiredUri }).
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await until('the summary focused', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview);
    await run<Planned>('acg.config.plan', { desiredUri: file.toString() });
    const diffs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((t) => t.input instanceof vscode.TabInputTextDiff).map(() => group.viewColumn));
    assert.deepEqual(diffs, [vscode.ViewColumn.One], 'one diff, still in the first group');
    assert.equal(vscode.window.tabGroups.all.length, 2, 'no third group');
    assert.equal(summaryTab()?.group.viewColumn, vscode.ViewColumn.Two);
    assert.equal(summaryTab()?.isActive, true, 'the summary is shown in its group');
  });

  it('applies after the modal confirmation, is cancelled, resumes from the palette to the end; planning again finds no changes', async () => {
    const planned = await run<Planned>('acg.config.plan', file);
    assert.ok(planned);
    for (const change of planned.plan.changes) {
      if (change.kind === 'number') original.set(change.id, await client.getNumber(change.account, change.telephoneNumber).then((r) => r.resource, () => undefined));
      else if (change.kind === 'account') original.set(change.id, await client.getAccount(change.account).then((r) => r.resource, () => undefined));
      else original.set(change.id, (await client.getRequestForInformation(change.tenantId)).resource.customerRelationship);
    }
    // Cancelled at its first progress report: it stops between requests, and the journal says what is left.
    const recorded = script(api, { warnings: ['Apply'], cancelProgressOn: /^\d+\/7: / });
    const first = await run<ApplyResult>('acg.config.apply', file);
    applied = planned.plan;
    assert.equal(recorded.warnings[0]?.message, `Apply 7 changes (5 to create, 2 to update) on ${planned.plan.gateway.domain}?`);
    assert.equal(recorded.warnings[0]?.options.modal, true);
    assert.match(String(recorded.warnings[0]?.options.detail), /^update account Fabrikam-Pilot\n {4}correlationId: \(absent\) → "SF-PILOT-0042"/);
    assert.ok(first, 'the first run answered');
    assert.equal(first.cancelled, true);
    assert.ok(first.done.length < 7, `${first.done.length} done before the cancel`);
    assert.deepEqual([first.failed, first.drift], [[], []]);

    // Resume from the palette: the unfinished journal is offered, the modal names what is left, and it finishes.
    const resumed = script(api, { picks: [(items) => items[0]], warnings: ['Resume'] });
    const second = await run<ApplyResult>('acg.config.resume');
    assert.equal(resumed.quickPicks[0]?.items.length, 1, 'one unfinished apply');
    assert.match(resumed.warnings[0]?.message ?? '', new RegExp(`^Resume: apply ${7 - first.done.length} changes? `));
    assert.ok(second, 'resumed');
    assert.deepEqual([second.cancelled, second.failed, second.drift, second.notStarted], [false, [], [], []]);
    // The executor reports on the whole plan: the resume's done includes the first run's.
    assert.equal(second.done.length, 7);
    assert.deepEqual(first.done.filter((id) => !second.done.includes(id)), []);

    // The finished run's journal is not offered again.
    const resume = script(api);
    await run('acg.config.resume');
    assert.match(resume.info[0] ?? '', /^No unfinished apply to resume/);

    script(api);
    const again = await run<Planned>('acg.config.plan', file);
    assert.deepEqual(again?.plan.counts, { create: 0, update: 0, delete: 0, noop: 9 });
  });
});
