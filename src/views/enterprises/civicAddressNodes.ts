// Civic addresses of an account's Teams tenant: read-only (the enterprise manages them in the Teams admin center),
// each with its validation status and its locations with their ELINs.
import * as vscode from 'vscode';
import { collectPages } from '../../azure/clients/paging';
import { civicAddressView, locationView, sortedLocations } from '../../core/enterprises';
import type { Location, TeamsCivicAddressResource } from '../../core/models';
import { childId, emptyNode, type TreeNode } from '../tree';
import type { EnterpriseScope } from '../../host/enterpriseData';
import { rowItem } from './icons';

interface AccountLike extends TreeNode {
  readonly account: { readonly name: string };
  readonly scope: EnterpriseScope;
}

export class CivicAddressesNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: AccountLike) {
    this.id = childId(parent, 'civicAddresses');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Civic addresses', vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('location');
    item.description = 'read-only';
    item.tooltip = 'Emergency addresses of the enterprise, from its Teams admin center. Changes are made there.';
    item.contextValue = 'acgCivicAddresses';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const client = await this.parent.scope.client();
    const addresses = await collectPages(client.listCivicAddresses(this.parent.account.name));
    if (addresses.length === 0) return [emptyNode(this, 'No civic addresses in the enterprise’s Teams tenant')];
    return addresses.sort((a, b) => (a.description ?? a.id).localeCompare(b.description ?? b.id)).map((address) => new CivicAddressNode(this, address));
  }
}

export class CivicAddressNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: CivicAddressesNode,
    readonly address: TeamsCivicAddressResource,
  ) {
    this.id = childId(parent, address.id);
  }

  getTreeItem(): vscode.TreeItem {
    const hasLocations = (this.address.locations?.length ?? 0) > 0;
    return rowItem(civicAddressView(this.address), hasLocations ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None, 'acgCivicAddress');
  }

  getChildren(): TreeNode[] {
    return sortedLocations(this.address).map((location) => new LocationNode(this, location));
  }
}

export class LocationNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: CivicAddressNode,
    readonly location: Location,
  ) {
    this.id = childId(parent, location.id);
  }

  getTreeItem(): vscode.TreeItem {
    return rowItem({ ...locationView(this.location), icon: { id: this.location.isDefault ? 'pinned' : 'circle-small' } }, vscode.TreeItemCollapsibleState.None, 'acgLocation');
  }
}
