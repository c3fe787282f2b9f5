// Shared by enterprises.test.ts and numbers.test.ts: the extension signed in to the emulator with a gateway selected,
// the two trees walked as VS Code walks them (provider.getChildren / getTreeItem), and the commands' prompts scripted
// through api.host.ui, so every context action runs unchanged, with a node from the provider as its
// argument, and nobody clicks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { SessionState } from '../../src/host/signIn';
import type { ProvisioningClient } from '../../src/azure/clients';
import type { Ui } from '../../src/host/ui';
import type { SelectedGateway } from '../../src/host/gatewaySelection';
import type { AcgTreeDataProvider, TreeNode } from '../../src/views/tree';
import { DEMO_TENANT_ID, READER_CLIENT_ID, READER_CLIENT_SECRET, demoGatewayDomain, type DemoGateway } from '../../emulator/seed/ids';
import { run, scriptedUi, type UiRecord, type UiScript } from './helpers';

export { EMULATOR_URL_ENV, activateInEmulator, leaveEmulator, run, until } from './helpers';
export const READER = { method: 'servicePrincipalSecret', tenantId: DEMO_TENANT_ID, clientId: READER_CLIENT_ID, clientSecret: READER_CLIENT_SECRET };

export async function signInAs(argument: unknown): Promise<SessionState> {
  const state = await run<SessionState>('acg.signIn', argument);
  assert.ok(state, 'signed in');
  return state;
}

export function selectionOf(api: AcgExtensionApi, g: DemoGateway, domain = demoGatewayDomain(g)): SelectedGateway {
  return {
    id: `/subscriptions/${g.subscriptionId}/resourceGroups/${g.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${g.name}`,
    name: g.name,
    subscriptionId: g.subscriptionId,
    resourceGroupName: g.resourceGroup,
    domain,
    cloud: api.host.signIn.cloud.name,
    tenantId: api.host.signIn.state?.tenantId,
  };
}

/** The Provisioning API of a demo gateway through the extension's own session (to check what the service has). */
export async function clientOf(api: AcgExtensionApi, g: DemoGateway): Promise<ProvisioningClient> {
  return (await api.host.services.get()).provisioning(demoGatewayDomain(g));
}

/** Walks one of the views. */
export class TreeWalker {
  constructor(private readonly provider: () => AcgTreeDataProvider) {}

  children(node?: TreeNode): Promise<TreeNode[]> {
    return this.provider().getChildren(node);
  }

  item(node: TreeNode): Promise<vscode.TreeItem> {
    return this.provider().getTreeItem(node);
  }

  async label(node: TreeNode): Promise<string> {
    const label = (await this.item(node)).label;
    return typeof label === 'string' ? label : (label?.label ?? '');
  }

  async labels(node?: TreeNode): Promise<string[]> {
    return Promise.all((await this.children(node)).map((n) => this.label(n)));
  }

  async child(parent: TreeNode | undefined, label: string | RegExp): Promise<TreeNode> {
    const nodes = await this.children(parent);
    for (const node of nodes) {
      const text = await this.label(node);
      if (typeof label === 'string' ? text === label : label.test(text)) return node;
    }
    throw new Error(`no "${String(label)}" under ${parent?.id ?? 'the top level'}: ${(await Promise.all(nodes.map((n) => this.label(n)))).join(', ')}`);
  }

  async path(...labels: (string | RegExp)[]): Promise<TreeNode> {
    let node: TreeNode | undefined;
    for (const label of labels) node = await this.child(node, label);
    assert.ok(node);
    return node;
  }

  async tooltip(node: TreeNode): Promise<string> {
    const item = await this.item(node);
    const resolved = item.tooltip === undefined ? await this.provider().resolveTreeItem(item, node, new vscode.CancellationTokenSource().token) : item;
    const tooltip = resolved.tooltip;
    return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  }
}

/** Scripted answers, taken in order; a missing answer fails the test (an unexpected prompt). */
export interface Script extends UiScript {
  inputs?: ((options: vscode.InputBoxOptions) => string | undefined)[];
  pickMany?: ((items: readonly vscode.QuickPickItem[]) => readonly vscode.QuickPickItem[] | undefined)[];
}

export interface Recorded extends UiRecord {
  inputBoxes: vscode.InputBoxOptions[];
}

let scripted: vscode.Disposable | undefined;

export function endScript(): void {
  scripted?.dispose();
  scripted = undefined;
}

/** Replaces the Enterprises/Numbers prompts with `answers` and records everything shown. */
export function script(api: AcgExtensionApi, answers: Script = {}): Recorded {
  endScript();
  const inputs = [...(answers.inputs ?? [])];
  const many = [...(answers.pickMany ?? [])];
  const recorded: Recorded = { inputBoxes: [], quickPicks: [], warnings: [], errors: [], info: [], clipboard: [], progress: [] };
  const prompts: Partial<Ui> = {
    showInputBox: (options) => {
      recorded.inputBoxes.push(options);
      const answer = inputs.shift();
      assert.ok(answer, `unexpected input box: ${options.title ?? ''}`);
      return Promise.resolve(answer(options));
    },
    showQuickPickMany: <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
      recorded.quickPicks.push({ items, options });
      const pick = many.shift();
      assert.ok(pick, `unexpected multi-select quick pick: ${options.title ?? ''}`);
      return Promise.resolve(pick(items) as readonly T[] | undefined);
    },
    ...scriptedUi(answers, recorded),
  };
  scripted = api.host.ui.script(prompts);
  return recorded;
}

/** A quick pick answer: the item whose label matches. */
export function byLabel(label: string | RegExp): (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined {
  return (items) => {
    const found = items.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
    assert.ok(found, `no quick pick item ${String(label)} in ${items.map((i) => i.label).join(', ')}`);
    return found;
  };
}
