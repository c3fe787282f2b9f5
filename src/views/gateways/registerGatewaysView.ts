// The Gateways view: the tree, its warning decorations and the badge of failed onboarding checks. Nothing here reads from Azure: the tree loads when the view
// is shown, and refreshes on the host's sign-in and subscription-filter events. Its commands live in the command table.
import * as vscode from 'vscode';
import { parseGatewayId } from '../../azure/clients/armIds';
import { AcgError } from '../../azure/errors';
import type { GatewayRef } from '../../core/models';
import type { Host } from '../../host/host';
import { VIEWS } from '../../host/ids';
import { createAcgTreeView, type AcgTreeDataProvider, type TreeNode } from '../tree';
import { revealWhenReady } from '../tree/reveal';
import { failureCount } from '../../host/onboardingState';
import { GatewayDecorations } from './decorations';
import { GatewayNode, gatewayNodeId } from './gatewayNode';
import { gatewaysRootChildren } from './gatewaysRoot';
import { treeUri } from './resourceUris';
import { subscriptionNodeId } from './subscriptionNode';
import { TestLinesNode } from './testLinesNode';
import type { GatewaysTreeContext } from './treeContext';

export interface GatewaysView {
  readonly provider: AcgTreeDataProvider;
  readonly view: vscode.TreeView<TreeNode>;
  /** The warning decorations (tests read them). */
  readonly decorations: GatewayDecorations;
  /** One row and below, or (no argument) the whole view with the test line cache. */
  refresh(node?: TreeNode): void;
  /** The row currently shown for a gateway, if the view has loaded it. */
  findGatewayNode(ref: GatewayRef): GatewayNode | undefined;
  /** Shows the view and selects `node`, expanding its ancestors (and itself when `expand`). */
  reveal(node: TreeNode, expand?: boolean): Promise<void>;
  /** Shows the gateway's "Test lines" node, expanded, walking the same cached children VS Code shows. */
  revealTestLines(ref: GatewayRef): Promise<void>;
}

export function registerGatewaysView(context: vscode.ExtensionContext, host: Host): GatewaysView {
  const decorations = new GatewayDecorations();
  context.subscriptions.push(decorations, vscode.window.registerFileDecorationProvider(decorations));

  // `refresh` is only called from nodes, which exist only after the view below does.
  const ctx: GatewaysTreeContext = { host, store: host.testLines, decorations, refresh: (node) => provider.refresh(node) };
  const { provider, view } = createAcgTreeView(context, { viewId: VIEWS.gateways, log: host.log, rootChildren: () => gatewaysRootChildren(ctx) });

  const refreshAll = (): void => {
    host.testLines.invalidate();
    decorations.clear();
    provider.refresh();
  };
  // The badge of failed onboarding checks: from the last runs kept across reloads, then after every run.
  const showOnboarding = (gatewayId: string): void => {
    const run = host.onboarding.lastRun(gatewayId);
    decorations.setOnboardingFailures(treeUri('gateway', gatewayId), run ? failureCount(run.results) : undefined);
    // Its tooltip names the count too: drawn again, the row asks for it afresh.
    const ref = parseGatewayId(gatewayId);
    const node = ref && provider.findNode(gatewayNodeId(ref));
    if (node) provider.rerender(node);
  };
  for (const run of host.onboarding.state.allRuns()) showOnboarding(run.gatewayId);
  context.subscriptions.push(host.onboarding.onDidChange((change) => showOnboarding(change.gatewayId)));

  // Sign-in, sign-out, tenant, cloud and subscription filter changes: one refresh of the whole view.
  context.subscriptions.push(host.events.onDidChangeSignIn(refreshAll), host.events.onDidChangeSubscriptionFilter(refreshAll));

  // The selected gateway says so in its tooltip: re-render the rows that were and are selected.
  let previous = host.selection.current;
  context.subscriptions.push(
    host.events.onDidChangeGatewaySelection((current) => {
      for (const selected of [previous, current]) {
        const ref = selected && parseGatewayId(selected.id);
        const node = ref && provider.findNode(gatewayNodeId(ref));
        if (node) provider.rerender(node);
      }
      previous = current;
    }),
  );

  return {
    provider,
    view,
    decorations,
    refresh: (node) => (node ? provider.refresh(node) : refreshAll()),
    findGatewayNode: (ref) => {
      const node = provider.findNode(gatewayNodeId(ref));
      return node instanceof GatewayNode ? node : undefined;
    },
    reveal: (node, expand = false) => revealWhenReady(view, node, { select: true, focus: true, expand }),
    async revealTestLines(ref) {
      const subscription = (await provider.getChildren()).find((node) => node.id === subscriptionNodeId(ref.subscriptionId));
      if (!subscription) throw new AcgError({ kind: 'notFound', message: `${ref.name} is not in the Gateways view: its subscription is not selected (Select Subscriptions…).` });
      const row = (await provider.getChildren(subscription)).find((node) => node.id === gatewayNodeId(ref));
      if (!row) throw new AcgError({ kind: 'notFound', message: `${ref.name} is not in the Gateways view. Refresh it and try again.` });
      const testLines = (await provider.getChildren(row)).find((node) => node instanceof TestLinesNode);
      if (!testLines) throw new AcgError({ kind: 'notFound', message: `${ref.name} shows no Test lines node.` });
      await revealWhenReady(view, testLines, { select: true, focus: true, expand: true });
    },
  };
}
