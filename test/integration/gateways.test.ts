// The Gateways view inside a real VS Code (code-server), against the emulator's demo tenant: the tree as the provider
// serves it to VS Code, and every context action run as the menus run it — with a node from the provider as the
// argument. Prompts, clipboard, browser and progress go through the extension's one Ui (api.host.ui), so the
// tests script the answers without UI automation and without patching vscode.window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { SessionState } from '../../src/host/signIn';
import type { TestLine } from '../../src/core/models';
import type { SelectedGateway } from '../../src/host/gatewaySelection';
import type { Ui } from '../../src/host/ui';
import type { TreeNode } from '../../src/views/tree';
import {
  DEMO_TENANT_ID,
  GATEWAY_GAPS,
  GATEWAY_LAB,
  GATEWAY_PRODUCTION,
  READER_CLIENT_ID,
  READER_CLIENT_SECRET,
  SUBSCRIPTION_LAB,
  SUBSCRIPTION_PRODUCTION,
  demoGatewayDomain,
  type DemoGateway,
} from '../../emulator/seed/ids';
import { request } from '../support/https';
import { EMULATOR_URL_ENV, activateInEmulator, leaveEmulator, run, scriptedUi, until, type UiRecord, type UiScript } from './helpers';

function gatewayArmId(g: DemoGateway): string {
  return `/subscriptions/${g.subscriptionId}/resourceGroups/${g.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${g.name}`;
}

type InputBoxOptions = vscode.InputBoxOptions;

/** Scripted answers for api.host.ui, and a record of what was asked. */
interface Script extends UiScript {
  inputs?: (string | undefined)[];
  picks?: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined)[];
}

interface Recorded extends UiRecord {
  inputBoxes: InputBoxOptions[];
  opened: string[];
}

describe('Gateways view against the emulator', function () {
  this.timeout(60_000);
  const url = process.env[EMULATOR_URL_ENV];
  let api: AcgExtensionApi;
  let scripted: vscode.Disposable | undefined;

  /** Replaces the prompts with `script` and records everything shown. */
  function script(answers: Script = {}): Recorded {
    scripted?.dispose();
    const inputs = [...(answers.inputs ?? [])];
    const recorded: Recorded = { inputBoxes: [], quickPicks: [], warnings: [], errors: [], clipboard: [], opened: [], progress: [], info: [] };
    const ui: Partial<Ui> = {
      showInputBox: (options) => {
        recorded.inputBoxes.push(options);
        assert.ok(inputs.length > 0, `unexpected input box: ${options.title ?? ''}`);
        return Promise.resolve(inputs.shift());
      },
      ...scriptedUi(answers, recorded),
      openExternal: (uri) => {
        recorded.opened.push(uri.toString(true));
        return Promise.resolve(true);
      },
    };
    scripted = api.host.ui.script(ui);
    return recorded;
  }

  const provider = (): AcgExtensionApi['gateways']['provider'] => api.gateways.provider;

  async function children(node?: TreeNode): Promise<TreeNode[]> {
    return provider().getChildren(node);
  }

  async function item(node: TreeNode): Promise<vscode.TreeItem> {
    return provider().getTreeItem(node);
  }

  async function labelOf(node: TreeNode): Promise<string> {
    const label = (await item(node)).label;
    return typeof label === 'string' ? label : (label?.label ?? '');
  }

  async function child(parent: TreeNode | undefined, label: string): Promise<TreeNode> {
    const nodes = await children(parent);
    for (const node of nodes) if ((await labelOf(node)) === label) return node;
    throw new Error(`no "${label}" under ${parent?.id ?? 'the top level'}: ${(await Promise.all(nodes.map(labelOf))).join(', ')}`);
  }

  async function subscriptionNode(subscriptionId: string): Promise<TreeNode> {
    const nodes = await children();
    const found = nodes.find((n) => n.id === `sub:${subscriptionId}`);
    assert.ok(found, `subscription ${subscriptionId} is at the top level (${nodes.map((n) => n.id).join(', ')})`);
    return found;
  }

  async function gatewayNode(g: DemoGateway): Promise<TreeNode> {
    return child(await subscriptionNode(g.subscriptionId), g.name);
  }

  async function testLinesGroup(g: DemoGateway): Promise<TreeNode> {
    return child(await gatewayNode(g), 'Test lines');
  }

  async function testLineNode(g: DemoGateway, name: string): Promise<TreeNode> {
    return child(await testLinesGroup(g), name);
  }

  /** The test lines as ARM has them now (not through the view's cache). */
  async function armTestLines(g: DemoGateway): Promise<TestLine[]> {
    const arm = (await api.host.services.get()).arm;
    return arm.listTestLines({ subscriptionId: g.subscriptionId, resourceGroupName: g.resourceGroup, name: g.name });
  }

  async function armLineNames(g: DemoGateway): Promise<string[]> {
    return (await armTestLines(g)).map((l) => l.name ?? '').sort();
  }

  async function signInAs(argument: unknown): Promise<void> {
    const state = await run<SessionState>('acg.signIn', argument);
    assert.ok(state, 'signed in');
    await until('the view to drop the old tree', async () => (await children()).length > 0);
  }

  async function setFaults(faults: unknown): Promise<void> {
    const ca = fs.readFileSync(process.env['NODE_EXTRA_CA_CERTS'] ?? '', 'utf8');
    const response = await request(`${url}/_admin/faults`, { method: 'PATCH', body: faults, ca });
    assert.equal(response.status, 200, response.text);
  }

  before(async () => {
    api = await activateInEmulator();
    if (api.host.signIn.signedIn) await api.host.signIn.signOut();
  });

  afterEach(() => {
    scripted?.dispose();
    scripted = undefined;
  });

  after(async () => {
    await setFaults({ arm: { throttleRate: 0, retryAfterSeconds: 1 } });
    await leaveEmulator(api);
  });

  describe('the tree', () => {
    it('is empty when signed out, so the view shows its Sign In welcome content', async () => {
      assert.equal(api.host.signIn.signedIn, false);
      assert.deepEqual(await children(), []);
    });

    it('shows one node per subscription after sign-in: name, short id, and account · tenant · id · cloud', async () => {
      await signInAs({ method: 'sandbox' });
      const nodes = await children();
      const items = await Promise.all(nodes.map(item));
      assert.deepEqual(items.map((i) => i.label), ['Contoso Telecom - Voice Lab', 'Contoso Telecom - Voice Production']);
      const production = items[1];
      assert.equal(production.description, `${SUBSCRIPTION_PRODUCTION.slice(0, 8)}…`);
      assert.equal(production.tooltip, `service principal c0ffee00… · ${DEMO_TENANT_ID} · ${SUBSCRIPTION_PRODUCTION} · ${api.host.signIn.cloud.displayName}`);
      assert.equal(production.id, `sub:${SUBSCRIPTION_PRODUCTION}`);
      assert.equal(production.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    });

    it('shows "Select Subscriptions…" when no selected subscription is left', async () => {
      await api.host.subscriptions.set(['00000000-0000-4000-8000-000000000000']);
      try {
        await until('the filtered top level', async () => (await children()).length === 1 && (await labelOf((await children())[0])) === 'Select Subscriptions…');
        const [node] = await children();
        assert.equal((await item(node)).command?.command, 'acg.selectSubscriptions');
      } finally {
        await api.host.subscriptions.set(undefined);
      }
      await until('both subscriptions again', async () => (await children()).length === 2);
    });

    it('lists gateways with status, provisioning state, platforms and lab/production', async () => {
      const production = await children(await subscriptionNode(SUBSCRIPTION_PRODUCTION));
      const items = await Promise.all(production.map(item));
      assert.deepEqual(items.map((i) => [i.label, i.description]), [
        ['contoso-prod-gw', 'Complete · Succeeded · OC, TPM · production'],
        ['fabrikam-new-gw', 'Complete · Succeeded · OC · production'],
      ]);
      const [lab] = await Promise.all((await children(await subscriptionNode(SUBSCRIPTION_LAB))).map(item));
      assert.equal(lab.description, 'ChangePending · Succeeded · OC · lab');
      const icon = (i: vscode.TreeItem): string => ((i.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id;
      assert.equal(icon(items[0]), 'testing.iconPassed');
      assert.equal(icon(lab), 'charts.yellow');
      assert.equal(items[0].contextValue, 'acgGateway');
      assert.equal(items[0].resourceUri?.scheme, 'acg-tree');
    });

    it('loads children on expand: service locations with operator addresses, test lines, properties', async () => {
      const gateway = await gatewayNode(GATEWAY_PRODUCTION);
      assert.deepEqual(await Promise.all((await children(gateway)).map(labelOf)), ['Service locations', 'Test lines', 'Properties']);
      const locations = await children(await child(gateway, 'Service locations'));
      assert.deepEqual(await Promise.all(locations.map(labelOf)), ['eastus', 'westus2']);
      assert.equal((await item(locations[0])).description, '198.51.100.10');
      assert.deepEqual(await Promise.all((await children(locations[1])).map(labelOf)), ['203.0.113.10']);
      const lines = await children(await child(gateway, 'Test lines'));
      assert.equal(lines.length, 14);
      const oc1 = await item(lines[0]);
      assert.deepEqual([oc1.label, oc1.description, oc1.contextValue], ['OC1', '+442079460001 · Automated', 'acgTestLine']);
      assert.equal((await item(await child(gateway, 'Test lines'))).description, '14 · OC 6/6 · TPM 6/6');
    });

    it('warns on fabrikam-new-gw and its Test lines group (4 of 6 automated OC lines), not on the healthy gateway', async () => {
      const group = await testLinesGroup(GATEWAY_GAPS);
      const groupItem = await item(group);
      assert.equal(groupItem.description, '4 · OC 4/6');
      assert.match(String(groupItem.tooltip), /^4 test lines\. Automated lines per service: OC 4\/6 \(a production deployment needs 6\)\.\n• OC: 4 of 6 automated test lines \(a production deployment needs 6\); add 2 more\.$/);
      const decorations = api.gateways.decorations;
      const groupDecoration = decorations.provideFileDecoration(groupItem.resourceUri!);
      assert.equal(groupDecoration?.badge, '!');
      assert.equal(groupDecoration?.tooltip, 'Warning: service verification test lines need attention');
      assert.equal((groupDecoration?.color as vscode.ThemeColor).id, 'list.warningForeground');
      const gapsItem = await item(await gatewayNode(GATEWAY_GAPS));
      await until('the gateway row’s warning', () => decorations.provideFileDecoration(gapsItem.resourceUri!) !== undefined);
      const tooltip = await provider().resolveTreeItem(gapsItem, await gatewayNode(GATEWAY_GAPS), new vscode.CancellationTokenSource().token);
      assert.match((tooltip.tooltip as vscode.MarkdownString).value, /OC: 4 of 6 automated test lines/);
      const healthy = await item(await gatewayNode(GATEWAY_PRODUCTION));
      await item(await testLinesGroup(GATEWAY_PRODUCTION));
      assert.equal(decorations.provideFileDecoration(healthy.resourceUri!), undefined);
      const lab = await item(await testLinesGroup(GATEWAY_LAB));
      assert.equal(lab.description, '3 · OC 3/3', 'a lab needs 3');
      assert.equal(decorations.provideFileDecoration(lab.resourceUri!), undefined);
    });

    it('keeps ids on refresh (so expansion stays), coalesces refreshes into one event, and re-reads data', async () => {
      const gateway = await gatewayNode(GATEWAY_PRODUCTION);
      const before = (await children(gateway)).map((n) => n.id);
      const events: (TreeNode | undefined)[] = [];
      const listener = provider().onDidChangeTreeData((e) => events.push(e as TreeNode | undefined));
      try {
        await run('acg.gateways.refresh', gateway);
        provider().refresh(gateway);
        provider().refresh((await children(gateway))[1]);
        await until('the change event', () => events.length > 0);
        // A marker refresh asked after the first event: refreshes flush in order, so a second event for the ones
        // asked together would arrive before the marker's. Then nothing else came between.
        const marker = await gatewayNode(GATEWAY_LAB);
        provider().refresh(marker);
        await until('the marker\'s change event', () => events.some((e) => e?.id === marker.id));
        assert.deepEqual(events.map((e) => e?.id), [gateway.id, marker.id], 'one event for refreshes asked together');
        const again = await gatewayNode(GATEWAY_PRODUCTION);
        assert.deepEqual((await children(again)).map((n) => n.id), before);
        events.length = 0;
        await run('acg.gateways.refresh');
        await until('the whole-view event', () => events.length === 1);
        assert.equal(events[0], undefined);
      } finally {
        listener.dispose();
      }
      assert.ok((await gatewayNode(GATEWAY_PRODUCTION)) !== gateway, 'a refreshed view makes new node objects with the same ids');
      assert.equal((await gatewayNode(GATEWAY_PRODUCTION)).id, gateway.id);
    });

    it('reveals a test line (getParent walks up to the subscription)', async () => {
      await vscode.commands.executeCommand('workbench.view.extension.acg');
      const line = await testLineNode(GATEWAY_GAPS, 'OC3');
      assert.equal(provider().getParent(line)?.id, (await testLinesGroup(GATEWAY_GAPS)).id);
      await api.gateways.view.reveal(line, { select: true, focus: false, expand: true });
      await until('the selection', () => api.gateways.view.selection[0]?.id === line.id);
    });

    it('shows a failed load as an error row with Retry (no notification), and Retry reloads it', async () => {
      const subscription = await subscriptionNode(SUBSCRIPTION_LAB);
      await setFaults({ arm: { throttleRate: 1, retryAfterSeconds: 0 } });
      try {
        provider().refresh(subscription);
        const [error] = await children(subscription);
        const errorItem = await item(error);
        assert.equal(errorItem.contextValue, 'acgError');
        assert.match(String(errorItem.label), /throttl|too many|429/i);
        const [retry] = await children(error);
        assert.equal((await item(retry)).command?.command, 'acg.tree.retry');
        await setFaults({ arm: { throttleRate: 0 } });
        await run('acg.tree.retry', retry);
        assert.deepEqual(await Promise.all((await children(subscription)).map(labelOf)), ['contoso-lab-gw']);
      } finally {
        await setFaults({ arm: { throttleRate: 0, retryAfterSeconds: 1 } });
      }
    });
  });

  describe('gateway actions', () => {
    const domain = demoGatewayDomain(GATEWAY_PRODUCTION);

    it('Copy Domain copies <label>.commsgw.azure.com', async () => {
      const recorded = script();
      assert.equal(await run('acg.gateways.copyDomain', await gatewayNode(GATEWAY_PRODUCTION)), domain);
      assert.deepEqual(recorded.clipboard, [domain]);
    });

    it('Copy Provisioning API URL copies the URL built by provisioningApiBaseUrl (the emulator path here)', async () => {
      const recorded = script();
      await run('acg.gateways.copyProvisioningApiUrl', await gatewayNode(GATEWAY_PRODUCTION));
      assert.deepEqual(recorded.clipboard, [`${url}/provapi/${domain}`]);
    });

    it('Copy Managed Identity Principal ID copies the system-assigned identity', async () => {
      const recorded = script();
      await run('acg.gateways.copyManagedIdentity', await gatewayNode(GATEWAY_GAPS));
      assert.deepEqual(recorded.clipboard, [GATEWAY_GAPS.identityPrincipalId]);
    });

    it('Open in Azure Portal opens <portal>/#@<tenant>/resource<id>', async () => {
      const recorded = script();
      await run('acg.gateways.openInPortal', await gatewayNode(GATEWAY_LAB));
      assert.deepEqual(recorded.opened, [`${url}/portal/#@${DEMO_TENANT_ID}/resource${gatewayArmId(GATEWAY_LAB)}`]);
    });

    it('View Properties opens the resource as read-only JSON in an acg-resource: document (from the Properties row too)', async () => {
      const properties = await child(await gatewayNode(GATEWAY_PRODUCTION), 'Properties');
      const propertiesItem = await item(properties);
      assert.equal(propertiesItem.command?.command, 'acg.gateways.viewProperties');
      const uri = await run<vscode.Uri>('acg.gateways.viewProperties', ...(propertiesItem.command?.arguments ?? []));
      assert.equal(uri?.scheme, 'acg-resource');
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), uri?.toString());
      assert.equal(editor?.document.languageId, 'json');
      const resource = JSON.parse(editor!.document.getText()) as { id: string; properties: { autoGeneratedDomainNameLabel: string } };
      assert.equal(resource.id, gatewayArmId(GATEWAY_PRODUCTION));
      assert.equal(resource.properties.autoGeneratedDomainNameLabel, GATEWAY_PRODUCTION.label);
      // No file system stands behind the scheme, so nothing can write it back: a virtual, read-only document.
      assert.notEqual(vscode.workspace.fs.isWritableFileSystem('acg-resource'), true);
      const lineUri = await run<vscode.Uri>('acg.gateways.viewProperties', await testLineNode(GATEWAY_PRODUCTION, 'TPM2'));
      assert.match(JSON.parse(vscode.window.activeTextEditor!.document.getText()).properties.phoneNumber as string, /^\+4477009000/);
      assert.match(lineUri?.path ?? '', /testLines\/TPM2\.json$/);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Select Gateway from a row sets the selection the Enterprises and Numbers views read', async () => {
      const selected = await run<SelectedGateway>('acg.selectGateway', await gatewayNode(GATEWAY_PRODUCTION));
      assert.equal(selected?.name, GATEWAY_PRODUCTION.name);
      assert.equal(api.host.selection.current?.domain, domain);
      assert.equal(api.host.selection.current?.id, gatewayArmId(GATEWAY_PRODUCTION));
      assert.equal(api.host.selection.current?.tenantId, DEMO_TENANT_ID);
      // The row's hover tooltip (resolved lazily: the item itself carries none) says it is the selected one.
      const node = await gatewayNode(GATEWAY_PRODUCTION);
      const rowItem = await item(node);
      assert.equal(rowItem.tooltip, undefined);
      const resolved = await provider().resolveTreeItem(rowItem, node, new vscode.CancellationTokenSource().token);
      assert.match((resolved.tooltip as vscode.MarkdownString).value, /selected for Enterprises and Numbers/);
    });

    it('Select Gateway from the palette asks with a quick pick of the gateways of the selected subscriptions', async () => {
      const changes: (SelectedGateway | undefined)[] = [];
      const listener = api.host.selection.onDidChange((g) => changes.push(g));
      try {
        const recorded = script({ picks: [(items) => items.find((i) => i.label.endsWith('contoso-lab-gw'))] });
        await run('acg.selectGateway');
        const labels = recorded.quickPicks[0].items.map((i) => i.label).sort();
        assert.deepEqual(labels, ['$(check) contoso-prod-gw', 'contoso-lab-gw', 'fabrikam-new-gw']);
        assert.equal(api.host.selection.current?.name, GATEWAY_LAB.name);
        assert.deepEqual(changes.map((g) => g?.name), [GATEWAY_LAB.name]);
        // Cancelling the pick changes nothing.
        script({ picks: [() => undefined] });
        assert.equal(await run('acg.selectGateway'), undefined);
        assert.equal(api.host.selection.current?.name, GATEWAY_LAB.name);
      } finally {
        listener.dispose();
      }
    });

    it('a gateway command from the palette asks for the gateway too (Copy Domain)', async () => {
      const recorded = script({ picks: [(items) => items.find((i) => i.label === 'fabrikam-new-gw')] });
      assert.equal(await run('acg.gateways.copyDomain'), demoGatewayDomain(GATEWAY_GAPS));
      assert.deepEqual(recorded.clipboard, [demoGatewayDomain(GATEWAY_GAPS)]);
    });
  });

  describe('Add Test Line and Delete Test Line', () => {
    it('suggests OC5 from the coverage gap, validates name and number as typed, and creates the line with progress', async () => {
      const before = await armLineNames(GATEWAY_GAPS);
      const recorded = script({ inputs: ['OC5', '+442079460305'], picks: [(items) => items.find((i) => i.label === 'Automated')] });
      const created = await run<TestLine>('acg.gateways.addTestLine', await testLinesGroup(GATEWAY_GAPS));
      assert.equal(created?.name, 'OC5');
      assert.equal(created?.properties?.phoneNumber, '+442079460305');
      const [nameBox, numberBox] = recorded.inputBoxes;
      assert.equal(nameBox.value, 'OC5', 'the first free name of the gap');
      assert.match(nameBox.prompt ?? '', /Suggested: OC5, OC6/);
      assert.match(String(await nameBox.validateInput?.('bad name!')), /contains/);
      assert.match(String(await nameBox.validateInput?.('ab')), /3 to 24/);
      assert.match(String(await nameBox.validateInput?.('oc1')), /already exists/);
      assert.equal(await nameBox.validateInput?.('OC5'), undefined);
      assert.ok(await numberBox.validateInput?.('442079460305'), 'a number without + is refused');
      assert.ok(await numberBox.validateInput?.('+44 20 7946 0305'), 'spaces are refused');
      assert.match(String(await numberBox.validateInput?.('+442079460301')), /already test line OC1/);
      assert.equal(await numberBox.validateInput?.('+442079460305'), undefined);
      assert.equal(recorded.quickPicks[0].items[0].label, 'Automated', 'Automated first for an OC name');
      assert.equal(recorded.progress.at(-1)?.title, 'Adding test line OC5 to fabrikam-new-gw');
      assert.ok(recorded.progress.at(-1)?.reports.some((r) => /Creating test line OC5/.test(r)));
      assert.deepEqual(await armLineNames(GATEWAY_GAPS), [...before, 'OC5'].sort());
      // The view was refreshed: the group shows the new count.
      assert.equal((await item(await testLinesGroup(GATEWAY_GAPS))).description, '5 · OC 5/6');
    });

    it('rejects a bad name even if a prompt returned it: nothing is sent', async () => {
      const before = await armLineNames(GATEWAY_GAPS);
      const recorded = script({ inputs: ['bad name!', '+442079460306'], picks: [(items) => items[0]] });
      assert.equal(await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS)), undefined);
      assert.equal(recorded.progress.filter((p) => p.title?.startsWith('Adding')).length, 0, 'no create started');
      assert.deepEqual(await armLineNames(GATEWAY_GAPS), before);
    });

    it('cancelling the name box, the number box or the purpose pick changes nothing', async () => {
      const before = await armLineNames(GATEWAY_GAPS);
      script({ inputs: [undefined] });
      assert.equal(await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS)), undefined);
      script({ inputs: ['OC6', undefined] });
      assert.equal(await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS)), undefined);
      script({ inputs: ['OC6', '+442079460306'], picks: [() => undefined] });
      assert.equal(await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS)), undefined);
      assert.deepEqual(await armLineNames(GATEWAY_GAPS), before);
    });

    it('cancelling the progress stops the create before it is sent', async () => {
      const before = await armLineNames(GATEWAY_GAPS);
      const recorded = script({ inputs: ['OC6', '+442079460306'], picks: [(items) => items[0]], cancelProgressOn: /Creating test line/ });
      assert.equal(await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS)), undefined);
      assert.equal(recorded.progress.at(-1)?.cancelled, true);
      assert.deepEqual(await armLineNames(GATEWAY_GAPS), before);
    });

    it('Delete Test Line confirms modally, saying what changes; cancelling the confirmation keeps the line', async () => {
      const recorded = script({ warnings: [undefined] });
      assert.equal(await run('acg.gateways.deleteTestLine', await testLineNode(GATEWAY_GAPS, 'OC5')), false);
      const [warning] = recorded.warnings;
      assert.equal(warning.message, 'Delete test line OC5 from fabrikam-new-gw?');
      assert.equal(warning.options.modal, true);
      assert.match(warning.options.detail ?? '', /OC5 \(\+442079460305, Automated\)/);
      assert.match(warning.options.detail ?? '', /OC automated test lines go from 5 to 4 of 6 required: service verification will be short/);
      assert.deepEqual(warning.items, ['Delete']);
      assert.ok((await armLineNames(GATEWAY_GAPS)).includes('OC5'));
    });

    it('cancelling the delete’s progress stops it before it is sent', async () => {
      const recorded = script({ warnings: ['Delete'], cancelProgressOn: /Deleting test line/ });
      assert.equal(await run('acg.gateways.deleteTestLine', await testLineNode(GATEWAY_GAPS, 'OC5')), undefined);
      assert.equal(recorded.progress.at(-1)?.cancelled, true);
      assert.ok((await armLineNames(GATEWAY_GAPS)).includes('OC5'));
    });

    it('deletes after confirmation, with progress, and the view shows the gap again', async () => {
      const recorded = script({ warnings: ['Delete'] });
      assert.equal(await run('acg.gateways.deleteTestLine', await testLineNode(GATEWAY_GAPS, 'OC5')), true);
      assert.equal(recorded.progress.at(-1)?.title, 'Deleting test line OC5 from fabrikam-new-gw');
      assert.ok(!(await armLineNames(GATEWAY_GAPS)).includes('OC5'));
      assert.equal((await item(await testLinesGroup(GATEWAY_GAPS))).description, '4 · OC 4/6');
    });

    it('from the palette, Delete Test Line asks for the gateway and then the line', async () => {
      const recorded = script({ picks: [(items) => items.find((i) => i.label.endsWith('contoso-lab-gw')), (items) => items.find((i) => i.label === 'OC3')], warnings: [undefined] });
      assert.equal(await run('acg.gateways.deleteTestLine'), false);
      assert.deepEqual(recorded.quickPicks[1].items.map((i) => i.label), ['OC1', 'OC2', 'OC3']);
      assert.match(recorded.warnings[0].options.detail ?? '', /OC automated test lines go from 3 to 2 of 3 required/);
    });
  });

  describe('as a Reader (403)', () => {
    before(async () => {
      await signInAs({ method: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: READER_CLIENT_SECRET });
      assert.equal(api.host.signIn.state?.clientId, READER_CLIENT_ID);
    });

    it('still reads the tree', async () => {
      assert.equal((await children(await testLinesGroup(GATEWAY_GAPS))).length, 4);
    });

    it('Add Test Line fails with ARM’s 403 and changes nothing', async () => {
      const before = await armLineNames(GATEWAY_GAPS);
      const recorded = script({ inputs: ['OC5', '+442079460305'], picks: [(items) => items[0]] });
      assert.equal(await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS)), undefined);
      assert.equal(recorded.progress.at(-1)?.title, 'Adding test line OC5 to fabrikam-new-gw', 'the create was attempted');
      assert.deepEqual(await armLineNames(GATEWAY_GAPS), before);
      // Shown once, worded by presentError: what failed, and the ways out (another identity, the ids for support).
      assert.equal(recorded.errors.length, 1);
      assert.match(recorded.errors[0].message, /^You don't have permission to create test line OC5: .*Contributor/);
      assert.deepEqual(recorded.errors[0].items, ['Sign In Differently…', 'Show Log', 'Copy Details']);
    });

    it('Copy Details puts the message, the status and the request id on the clipboard', async () => {
      const recorded = script({ inputs: ['OC5', '+442079460305'], picks: [(items) => items[0]], errors: ['Copy Details'] });
      await run('acg.gateways.addTestLine', await gatewayNode(GATEWAY_GAPS));
      await until('the details on the clipboard', () => recorded.clipboard.length === 1);
      assert.match(recorded.clipboard[0], /Azure Resource Manager · HTTP 403 · AuthorizationFailed/);
      assert.match(recorded.clipboard[0], /Client request id: [0-9a-f-]{36}/);
    });

    it('Delete Test Line fails with ARM’s 403 and the line stays', async () => {
      script({ warnings: ['Delete'] });
      assert.equal(await run('acg.gateways.deleteTestLine', await testLineNode(GATEWAY_GAPS, 'OC4')), undefined);
      assert.ok((await armLineNames(GATEWAY_GAPS)).includes('OC4'));
    });

    it('the 403 itself: ARM says AuthorizationFailed for the reader (what the command reported)', async () => {
      const arm = (await api.host.services.get()).arm;
      const ref = { subscriptionId: GATEWAY_GAPS.subscriptionId, resourceGroupName: GATEWAY_GAPS.resourceGroup, name: GATEWAY_GAPS.name };
      await assert.rejects(arm.createTestLine(ref, 'OC5', { phoneNumber: '+442079460305', purpose: 'Automated' }), (error: Error & { kind?: string; status?: number }) => {
        assert.equal(error.kind, 'forbidden');
        assert.equal(error.status, 403);
        return true;
      });
    });
  });
});
