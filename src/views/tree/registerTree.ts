// Creating a view on an AcgTreeDataProvider. The commands every tree shares (Retry, Load more…) are in the command
// table like every other command (src/commands/tree/).
import * as vscode from 'vscode';
import { AcgTreeDataProvider, type AcgTreeOptions } from './treeDataProvider';
import type { TreeNode } from './treeNode';

export interface AcgTreeView {
  readonly provider: AcgTreeDataProvider;
  readonly view: vscode.TreeView<TreeNode>;
}

/** Registers the view; nothing is read until VS Code shows it and asks for the top level. */
export function createAcgTreeView(
  context: vscode.ExtensionContext,
  options: AcgTreeOptions & { showCollapseAll?: boolean; canSelectMany?: boolean },
): AcgTreeView {
  const provider = new AcgTreeDataProvider(options);
  const view = vscode.window.createTreeView(options.viewId, {
    treeDataProvider: provider,
    showCollapseAll: options.showCollapseAll ?? true,
    canSelectMany: options.canSelectMany ?? false,
  });
  context.subscriptions.push(provider, view);
  return { provider, view };
}
