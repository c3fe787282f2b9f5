// Accounts under the gateway. Each account shows its services, sync and number counts, and provisioning status; its
// children are the link back to the enterprise's request for information, a "Show Numbers" row, and the civic
// addresses (read-only).
import * as vscode from 'vscode';
import { accountView, requestForAccount, totalNumberCount, enabledServices } from '../../core/enterprises';
import type { AccountResource, RequestForInformationResource } from '../../core/models';
import { COMMANDS } from '../../host/ids';
import { childId, MessageNode, type TreeNode } from '../tree';
import { CivicAddressesNode } from './civicAddressNodes';
import type { EnterpriseScope } from '../../host/enterpriseData';
import { rowItem } from './icons';

export class AccountsFolderNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly scope: EnterpriseScope,
  ) {
    this.id = childId(parent, 'accounts');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Accounts', vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.tooltip = 'Enterprise accounts on this gateway: their services, number counts and provisioning status.';
    item.contextValue = 'acgAccounts';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // Requests too, so each account knows whether it can link back; both lists are cached for the whole view.
    const [accounts, requests] = await Promise.all([this.scope.data.accounts(), this.scope.data.requests().catch(() => [])]);
    return [...accounts].sort((a, b) => a.name.localeCompare(b.name)).map((account) => new AccountNode(this, account, requestForAccount(account, requests)));
  }

  invalidate(): void {
    this.scope.data.invalidateAccounts();
  }
}

export class AccountNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: AccountsFolderNode,
    readonly account: AccountResource,
    /** The request for information whose tenant this account serves, if the gateway has one. */
    readonly request: RequestForInformationResource | undefined,
  ) {
    this.id = childId(parent, account.name);
  }

  get scope(): EnterpriseScope {
    return this.parent.scope;
  }

  getTreeItem(): vscode.TreeItem {
    return rowItem(accountView(this.account), vscode.TreeItemCollapsibleState.Collapsed, this.request ? 'acgAccount.linked' : 'acgAccount');
  }

  getChildren(): TreeNode[] {
    const rows: TreeNode[] = [];
    if (this.request) {
      rows.push(
        new MessageNode(this, {
          segment: 'request',
          label: 'Go to Request for Information',
          icon: 'link',
          tooltip: 'Reveal the consent of this account’s Teams tenant under Requests for information.',
          command: { command: COMMANDS.goToRequest, title: 'Go to Request for Information', arguments: [this] },
          contextValue: 'acgLink',
        }),
      );
    }
    const total = totalNumberCount(enabledServices(this.account.serviceDetails));
    rows.push(
      new MessageNode(this, {
        segment: 'numbers',
        label: 'Show Numbers',
        description: total === undefined ? undefined : `${total.toLocaleString('en-US')} across services`,
        icon: 'list-ordered',
        tooltip: `Show the numbers of ${this.account.name} in the Numbers view, one page at a time.`,
        command: { command: COMMANDS.showNumbers, title: 'Show Numbers', arguments: [this] },
        contextValue: 'acgLink',
      }),
      new CivicAddressesNode(this),
    );
    return rows;
  }
}
