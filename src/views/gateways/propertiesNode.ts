// "Properties": opens the gateway's ARM resource as read-only JSON (acg-resource: documents, read fresh each time).
import * as vscode from 'vscode';
import { COMMANDS } from '../../host/ids';
import { childId, type TreeNode } from '../tree';
import type { GatewayNode } from './gatewayNode';

export class PropertiesNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: GatewayNode) {
    this.id = childId(parent, 'properties');
  }

  get gatewayNode(): GatewayNode {
    return this.parent;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Properties', vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('json');
    item.tooltip = 'Open the resource as read-only JSON';
    item.command = { command: COMMANDS.viewProperties, title: 'View Properties', arguments: [this] };
    item.contextValue = 'acgProperties';
    return item;
  }
}
