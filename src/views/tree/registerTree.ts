// Creating a view on an AcgTreeDataProvider, and the commands every tree shares (Retry, Load more…), registered once.
import * as vscode from 'vscode';
import { registerCommand } from '../../commands/registerCommand';
import { isRetryable, RETRY_COMMAND } from './errorNode';
import { isLoadMoreNode, LOAD_MORE_COMMAND } from './loadMoreNode';
import { AcgTreeDataProvider, type AcgTreeOptions } from './treeDataProvider';
import type { TreeNode } from './treeNode';

export interface AcgTreeView {
  readonly provider: AcgTreeDataProvider;
  readonly view: vscode.TreeView<TreeNode>;
}

/** Registers the view; nothing is read until VS Code shows it and asks for the top level. */
export function createAcgTreeView(context: vscode.ExtensionContext, options: AcgTreeOptions & { showCollapseAll?: boolean }): AcgTreeView {
  const provider = new AcgTreeDataProvider(options);
  const view = vscode.window.createTreeView(options.viewId, { treeDataProvider: provider, showCollapseAll: options.showCollapseAll ?? true });
  context.subscriptions.push(provider, view);
  return { provider, view };
}

/** `acg.tree.retry` (ErrorNode and its Retry row) and `acg.tree.loadMore` (LoadMoreNode). Call once. */
export function registerTreeCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  registerCommand(context, log, RETRY_COMMAND, (node) => {
    if (isRetryable(node)) node.retry();
  });
  registerCommand(context, log, LOAD_MORE_COMMAND, async (node) => {
    if (!isLoadMoreNode(node)) return;
    const location = node.viewId ? { viewId: node.viewId } : vscode.ProgressLocation.Window;
    await vscode.window.withProgress({ location, title: 'Loading more…' }, () => node.loadMore());
  });
}
