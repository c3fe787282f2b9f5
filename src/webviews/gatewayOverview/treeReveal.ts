// INTERIM, part of the wiring commit: the Gateway Overview's `reveal` dependency built on the trees that exist today
// (the Gateways view's provider, the gateway selection and the Enterprises view). When the command table and
// src/host land, this moves next to them; the panel itself only knows the OverviewRevealTarget it asks for.
import type * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import { gatewayDomainOf, gatewayRefOf } from '../../azure/clients/armIds';
import { GatewayNode as SelectedGatewayNode, type EnterprisesView } from '../../views/enterprises/enterprisesView';
import { revealWhenReady } from '../../views/enterprises/reveal';
import { gatewayNodeId } from '../../views/gateways/gatewayNode';
import { subscriptionNodeId } from '../../views/gateways/subscriptionNode';
import { TestLinesNode } from '../../views/gateways/testLinesNode';
import type { AcgTreeDataProvider, GatewaySelection, TreeNode } from '../../views/tree';
import type { OverviewRevealTarget } from './deps';

export interface RevealTrees {
  readonly session: AuthSession;
  readonly gateways: AcgTreeDataProvider;
  readonly gatewaysView: vscode.TreeView<TreeNode>;
  readonly selection: GatewaySelection;
  readonly enterprises: EnterprisesView;
}

export function revealInTrees(trees: RevealTrees): (target: OverviewRevealTarget) => Promise<void> {
  return (target) => (target.kind === 'testLines' ? revealTestLines(trees, target) : revealInEnterprises(trees, target));
}

/** The gateway's "Test lines" node in the Gateways view, expanded, walking the same cached children VS Code shows. */
async function revealTestLines(trees: RevealTrees, { gateway }: OverviewRevealTarget): Promise<void> {
  const ref = gatewayRefOf(gateway);
  if (!ref) throw new Error(`${gateway.name ?? 'The gateway'} has no resource id.`);
  const subscription = (await trees.gateways.getChildren()).find((node) => node.id === subscriptionNodeId(ref.subscriptionId));
  if (!subscription) throw new Error(`${ref.name} is not in the Gateways view: its subscription is not selected (Select Subscriptions…).`);
  const row = (await trees.gateways.getChildren(subscription)).find((node) => node.id === gatewayNodeId(ref));
  if (!row) throw new Error(`${ref.name} is not in the Gateways view. Refresh it and try again.`);
  const testLines = (await trees.gateways.getChildren(row)).find((node) => node instanceof TestLinesNode);
  if (!testLines) throw new Error(`${ref.name} shows no Test lines node.`);
  await revealWhenReady(trees.gatewaysView, testLines, { select: true, focus: true, expand: true });
}

/** Selects the gateway for the Enterprises view (as "Select Gateway…" does) and reveals its accounts or requests. */
async function revealInEnterprises(trees: RevealTrees, { gateway, kind }: OverviewRevealTarget): Promise<void> {
  const ref = gatewayRefOf(gateway);
  if (!ref || !gateway.id) throw new Error(`${gateway.name ?? 'The gateway'} has no resource id.`);
  await trees.selection.select({
    id: gateway.id,
    name: ref.name,
    subscriptionId: ref.subscriptionId,
    resourceGroupName: ref.resourceGroupName,
    domain: gatewayDomainOf(gateway),
    cloud: trees.session.cloud.name,
    tenantId: trees.session.state?.tenantId,
  });
  const root = (await trees.enterprises.provider.getChildren()).find((node) => node instanceof SelectedGatewayNode);
  if (!root) throw new Error(`The Enterprises view could not show ${ref.name}.`);
  await trees.enterprises.reveal(kind === 'accounts' ? root.accounts : root.requests, true);
}
