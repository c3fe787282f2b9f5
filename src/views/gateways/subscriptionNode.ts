// A subscription at the top of the Gateways view. Account, tenant and subscription must be unmistakable (an operator
// often has production and lab side by side), so the tooltip names all of them and the cloud.
import * as vscode from 'vscode';
import type { Subscription } from '../../core/models';
import { childId, emptyNode, type TreeNode } from '../tree';
import { GatewayNode } from './gatewayNode';
import type { GatewaysTreeContext } from './treeContext';

export class SubscriptionNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    readonly subscription: Subscription,
    private readonly ctx: GatewaysTreeContext,
  ) {
    this.id = subscriptionNodeId(subscription.subscriptionId);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const item = new vscode.TreeItem(s.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = s.state === 'Enabled' ? shortId(s.subscriptionId) : `${shortId(s.subscriptionId)} · ${s.state}`;
    const state = this.ctx.host.signIn.state;
    const tenant = state?.tenantLabel ? `${state.tenantLabel} (${state.tenantId ?? s.tenantId})` : (state?.tenantId ?? s.tenantId);
    item.tooltip = [state?.account ?? 'not signed in', tenant, s.subscriptionId, this.ctx.host.signIn.cloud.displayName].join(' · ');
    item.iconPath = new vscode.ThemeIcon('key');
    item.contextValue = 'acgSubscription';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const services = await this.ctx.host.services.get();
    const gateways = await services.arm.listGatewaysInSubscription(this.subscription.subscriptionId);
    if (gateways.length === 0) return [emptyNode(this, 'No communications gateways in this subscription')];
    gateways.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    return gateways.map((gateway) => new GatewayNode(this, gateway, this.ctx));
  }
}

export function subscriptionNodeId(subscriptionId: string): string {
  return childId(undefined, `sub:${subscriptionId.toLowerCase()}`);
}

export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
