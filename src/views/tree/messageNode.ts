// Prompts and notes as tree rows, the way Azure Resources shows "Sign in to Azure…" and "Select Subscriptions…":
// a row is where the person is already looking, and a click does the thing.
import * as vscode from 'vscode';
import { COMMANDS } from '../../host/ids';
import { childId, type TreeNode } from './treeNode';

export interface MessageNodeOptions {
  /** Id segment under the parent (unique among siblings). */
  segment: string;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  /** A codicon name or a ThemeIcon. */
  icon?: string | vscode.ThemeIcon;
  command?: vscode.Command;
  contextValue?: string;
}

export class MessageNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode | undefined,
    private readonly options: MessageNodeOptions,
  ) {
    this.id = childId(parent, options.segment);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.None);
    item.description = this.options.description;
    item.tooltip = this.options.tooltip;
    const icon = this.options.icon;
    item.iconPath = typeof icon === 'string' ? new vscode.ThemeIcon(icon) : icon;
    item.command = this.options.command;
    item.contextValue = this.options.contextValue ?? 'acgMessage';
    return item;
  }
}

export function signInNode(parent?: TreeNode): MessageNode {
  return new MessageNode(parent, {
    segment: 'signIn',
    label: 'Sign in to Azure…',
    icon: 'sign-in',
    command: { command: COMMANDS.signIn, title: 'Sign In…' },
  });
}

export function selectSubscriptionsNode(parent?: TreeNode): MessageNode {
  return new MessageNode(parent, {
    segment: 'selectSubscriptions',
    label: 'Select Subscriptions…',
    icon: 'filter',
    command: { command: COMMANDS.selectSubscriptions, title: 'Select Subscriptions…' },
  });
}

/** A greyed "(none)" style row for an empty group, so that an expanded group never looks stuck. */
export function emptyNode(parent: TreeNode, label: string): MessageNode {
  return new MessageNode(parent, { segment: 'empty', label, icon: 'info' });
}
