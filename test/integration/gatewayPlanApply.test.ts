// Plan and apply a gateway file in the editor, inside a real VS Code, against the emulator's lab gateway: Plan Changes
// on samples/contoso-lab.acg-gateway.json finds nothing to do (sample and sandbox agree) and opens the diff view and
// the summary; an edited copy (codecs reordered, a manual test line) plans as one update and one create, Apply asks
// (answered through api.host.ui), is cancelled after its first change, and Resume from the palette finishes it through
// ARM; planning again finds no changes. The lab is put back afterwards, so the other tests see the seed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplyResult } from '../../src/azure/apply';
import type { ArmClient } from '../../src/azure/clients';
import type { SavedGatewayPlan } from '../../src/core/apply/types';
import type { GatewayDocument } from '../../src/core/config/model';
import type { CommunicationsGatewayProperties, GatewayRef } from '../../src/core/models';
import type { AcgExtensionApi } from '../../src/extension';
import { GATEWAY_LAB } from '../../emulator/seed/ids';
import { copySample } from './configHelpers';
import { EXTENSION_ID } from './helpers';
import { activateInEmulator, endScript, leaveEmulator, run, script, signInAs, until } from './enterprises.helpers';

const SAMPLE = 'contoso-lab.acg-gateway.json';
const EDITED = 'lab-edited.acg-gateway.json';
const LAB: GatewayRef = { subscriptionId: GATEWAY_LAB.subscriptionId, resourceGroupName: GATEWAY_LAB.resourceGroup, name: GATEWAY_LAB.name };

interface Planned {
  readonly plan: SavedGatewayPlan;
  readonly targetName: string;
}

function tabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

describe('Plan and apply a gateway file in the editor against the emulator', function () {
  this.timeout(90_000);
  let api: AcgExtensionApi;
  let arm: ArmClient;
  let sample: vscode.Uri;
  let edited: vscode.Uri;
  let codecs: CommunicationsGatewayProperties['codecs'] | undefined;

  before(async () => {
    api = await activateInEmulator();
    if (!api.host.signIn.signedIn) await signInAs({ method: 'sandbox' });
    arm = (await api.host.services.get()).arm;
    codecs = (await arm.getGateway(LAB)).properties?.codecs;
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    sample = await copySample(extension, SAMPLE);
    const doc = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sample))) as GatewayDocument;
    doc.properties.codecs = ['PCMU', 'PCMA', 'G722'];
    doc.testLines = [...(doc.testLines ?? []), { name: 'MAN7', properties: { phoneNumber: '+442079460297', purpose: 'Manual' } }];
    edited = vscode.Uri.joinPath(sample, '..', EDITED);
    await vscode.workspace.fs.writeFile(edited, new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`));
  });

  afterEach(() => endScript());

  after(async () => {
    await arm.deleteTestLine(LAB, 'MAN7').catch(() => undefined);
    if (codecs) await arm.updateGateway(LAB, (g) => ({ ...g, properties: g.properties && { ...g.properties, codecs: codecs ?? [] } }));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await leaveEmulator(api);
  });

  it('puts Plan and Apply… CodeLenses on a gateway file, naming no selected gateway (the file names its own)', async () => {
    // The workbench asks for lenses of an open model only.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample));
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', sample)) ?? [];
    const mine = lenses.filter((l) => l.command?.command.startsWith('acg.config.'));
    assert.deepEqual(
      mine.map((l) => [l.command?.title, l.command?.command]),
      [
        ['$(diff) Plan against the live gateway', 'acg.config.plan'],
        ['$(play) Apply…', 'acg.config.apply'],
      ],
    );
    assert.equal(String(mine[0]?.command?.arguments?.[0]), String(sample));
  });

  it('plans the sample against the gateway it names: no changes, the diff view and the summary', async () => {
    const recorded = script(api);
    const planned = await run<Planned>('acg.config.plan', sample);
    assert.ok(planned, 'planned');
    assert.equal(planned.plan.kind, 'gateway');
    assert.equal(planned.targetName, 'contoso-lab-gw');
    assert.deepEqual(planned.plan.counts, { create: 0, update: 0, delete: 0, noop: 4 });
    assert.match(recorded.progress[0]?.title ?? '', /^Planning contoso-lab\.acg-gateway\.json against gateway contoso-lab-gw/);
    await until('the diff view', () => tabs().some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'acg-details' && t.label.startsWith(`${SAMPLE}: contoso-lab-gw (live)`)));
    await until('the summary panel', () => tabs().some((t) => t.input instanceof vscode.TabInputWebview && t.label === `Plan · ${SAMPLE}`));
    // The live side is the lab in the file's shape, and it says what the file says.
    const diff = tabs().find((t) => t.input instanceof vscode.TabInputTextDiff)?.input as vscode.TabInputTextDiff;
    const [live, file] = await Promise.all([diff.original, diff.modified].map(async (uri) => JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as GatewayDocument));
    assert.deepEqual({ ...live, location: file.location }, file);
  });

  it('applies an edited copy through ARM, is cancelled after its first change, resumes to the end; planning again finds no changes', async () => {
    const planned = await run<Planned>('acg.config.plan', edited);
    assert.deepEqual(planned?.plan.changes.map((c) => `${c.action} ${c.id}`), ['update gateway:contoso-lab-gw', 'create testLine:MAN7']);

    const recorded = script(api, { warnings: ['Apply'], cancelProgressOn: /^1\/2: / });
    const first = await run<ApplyResult>('acg.config.apply', edited);
    assert.equal(recorded.warnings[0]?.message, 'Apply 2 changes (1 to create, 1 to update) on gateway contoso-lab-gw?');
    assert.equal(recorded.warnings[0]?.options.modal, true);
    assert.match(String(recorded.warnings[0]?.options.detail), /^update gateway contoso-lab-gw\n {4}properties\.codecs: \["PCMA","PCMU","G722"\] → \["PCMU","PCMA","G722"\]/);
    assert.match(recorded.progress[0]?.title ?? '', /^Applying lab-edited\.acg-gateway\.json on contoso-lab-gw/);
    assert.ok(first, 'the first run answered');
    assert.deepEqual([first.cancelled, first.done, first.notStarted], [true, ['gateway:contoso-lab-gw'], ['testLine:MAN7']]);

    const resumed = script(api, { picks: [(items) => items[0]], warnings: ['Resume'] });
    const second = await run<ApplyResult>('acg.config.resume');
    assert.match(resumed.warnings[0]?.message ?? '', /^Resume: apply 1 change \(1 to create\) on gateway contoso-lab-gw\?/);
    assert.deepEqual([second?.cancelled, second?.done, second?.failed, second?.drift], [false, ['gateway:contoso-lab-gw', 'testLine:MAN7'], [], []]);
    assert.deepEqual((await arm.getGateway(LAB)).properties?.codecs, ['PCMU', 'PCMA', 'G722']);
    assert.equal((await arm.getTestLine(LAB, 'MAN7')).properties?.purpose, 'Manual');

    script(api);
    const again = await run<Planned>('acg.config.plan', edited);
    assert.deepEqual(again?.plan.counts, { create: 0, update: 0, delete: 0, noop: 5 });
  });
});
