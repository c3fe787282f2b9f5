// Requests for information under the gateway: one folder, six relationship-status groups with counts, and a row per
// consent. A consent that already has an account gets a "Go to Account" child (and context action).
import * as vscode from 'vscode';
import { groupByRelationship, requestView, tenantKey, type RelationshipGroup, type RelationshipGroupKey } from '../../core/enterprises';
import type { RequestForInformationResource } from '../../core/models';
import { COMMANDS } from '../../host/ids';
import { childId, MessageNode, type TreeNode } from '../tree';
import type { EnterpriseScope } from '../../host/enterpriseData';
import { rowItem } from './icons';

const GROUP_ICONS: Readonly<Record<RelationshipGroupKey, string>> = {
  none: 'inbox',
  ConsentAcknowledged: 'eye',
  CustomerContacted: 'comment-discussion',
  AgreementSigned: 'verified',
  ConsentDeclined: 'circle-slash',
  ContractTerminated: 'close',
  other: 'question',
};

export class RequestsFolderNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly scope: EnterpriseScope,
  ) {
    this.id = childId(parent, 'requests');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Requests for information', vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon('mail');
    item.tooltip = 'Enterprises that chose you as their Operator Connect operator in the Teams admin center (consents), by relationship status.';
    item.contextValue = 'acgRequests';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return groupByRelationship(await this.scope.data.requests()).map((group) => new RelationshipGroupNode(this, group));
  }

  invalidate(): void {
    this.scope.data.invalidateRequests();
  }
}

export class RelationshipGroupNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: RequestsFolderNode,
    readonly group: RelationshipGroup,
  ) {
    this.id = childId(parent, group.key);
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.group.requests.length;
    const item = new vscode.TreeItem(this.group.label, count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = String(count);
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.group.key]);
    item.accessibilityInformation = { label: `${this.group.label}: ${count} request${count === 1 ? '' : 's'}` };
    item.contextValue = 'acgRelationshipGroup';
    return item;
  }

  getChildren(): TreeNode[] {
    return this.group.requests.map((request) => new RequestNode(this, request));
  }

  findRequest(tenantId: string): boolean {
    return this.group.requests.some((r) => tenantKey(r.tenantId) === tenantKey(tenantId));
  }
}

export class RequestNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: RelationshipGroupNode,
    readonly request: RequestForInformationResource,
  ) {
    this.id = childId(parent, tenantKey(request.tenantId));
  }

  get scope(): EnterpriseScope {
    return this.parent.parent.scope;
  }

  getTreeItem(): vscode.TreeItem {
    const linked = this.request.accountName !== undefined;
    // `.linked`: menus offer "Go to Account" only when there is one, and "Create Account" only when there is not.
    return rowItem(requestView(this.request), linked ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None, linked ? 'acgRequest.linked' : 'acgRequest');
  }

  getChildren(): TreeNode[] {
    const account = this.request.accountName;
    if (account === undefined) return [];
    return [
      new MessageNode(this, {
        segment: 'account',
        label: `Go to Account ${account}`,
        icon: 'link',
        tooltip: `Reveal account ${account} under Accounts.`,
        command: { command: COMMANDS.goToAccount, title: 'Go to Account', arguments: [this] },
        contextValue: 'acgLink',
      }),
    ];
  }
}
