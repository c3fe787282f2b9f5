// "Service locations": the gateway's regions (two for production, one for a lab), each with its operator addresses
// (the operator's SBCs that the gateway talks to), straight from the resource already read: no request.
import * as vscode from 'vscode';
import type { ServiceRegionProperties } from '../../core/models';
import { childId, emptyNode, MessageNode, type TreeNode } from '../tree';
import type { GatewayNode } from './gatewayNode';

export class ServiceLocationsNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: GatewayNode) {
    this.id = childId(parent, 'serviceLocations');
  }

  get gatewayNode(): GatewayNode {
    return this.parent;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.locations().length;
    const item = new vscode.TreeItem('Service locations', vscode.TreeItemCollapsibleState.Collapsed);
    item.description = String(count);
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'acgServiceLocations';
    return item;
  }

  getChildren(): TreeNode[] {
    const locations = this.locations();
    if (locations.length === 0) return [emptyNode(this, 'No service locations')];
    return locations.map((location) => new ServiceLocationNode(this, location));
  }

  private locations(): ServiceRegionProperties[] {
    return this.parent.gateway.properties?.serviceLocations ?? [];
  }
}

export class ServiceLocationNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: ServiceLocationsNode,
    readonly location: ServiceRegionProperties,
  ) {
    this.id = childId(parent, `loc:${location.name.toLowerCase()}`);
  }

  get gatewayNode(): GatewayNode {
    return this.parent.gatewayNode;
  }

  getTreeItem(): vscode.TreeItem {
    const addresses = this.location.primaryRegionProperties?.operatorAddresses ?? [];
    const item = new vscode.TreeItem(this.location.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = addresses.join(', ');
    const p = this.location.primaryRegionProperties;
    item.tooltip = [
      `Region ${this.location.name}`,
      `Operator addresses: ${addresses.join(', ') || 'none'}`,
      p?.allowedSignalingSourceAddressPrefixes?.length ? `Allowed signaling sources: ${p.allowedSignalingSourceAddressPrefixes.join(', ')}` : undefined,
      p?.allowedMediaSourceAddressPrefixes?.length ? `Allowed media sources: ${p.allowedMediaSourceAddressPrefixes.join(', ')}` : undefined,
      p?.esrpAddresses?.length ? `ESRP addresses: ${p.esrpAddresses.join(', ')}` : undefined,
    ]
      .filter((line) => line !== undefined)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon('location');
    item.contextValue = 'acgServiceLocation';
    return item;
  }

  getChildren(): TreeNode[] {
    const addresses = this.location.primaryRegionProperties?.operatorAddresses ?? [];
    if (addresses.length === 0) return [emptyNode(this, 'No operator addresses')];
    return addresses.map(
      (address) =>
        new MessageNode(this, { segment: `addr:${address}`, label: address, description: 'operator address', icon: 'plug', contextValue: 'acgOperatorAddress' }),
    );
  }
}
