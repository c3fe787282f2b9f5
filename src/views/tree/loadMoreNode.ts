// The "Load more…" row at the end of a paged list: the list (e.g. the Numbers view's NumbersModel) does the paging,
// this row only asks it for the next page.
import * as vscode from 'vscode';
import { COMMANDS } from '../../host/ids';
import { childId, type TreeNode } from './treeNode';

/** The last row of a paged list. Clicking it runs `acg.tree.loadMore` with this node. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    private readonly load: () => Promise<void>,
    /** The view whose progress bar runs while the page loads. */
    readonly viewId?: string,
    private readonly label = 'Load more…',
  ) {
    this.id = childId(parent, 'loadMore');
  }

  loadMore(): Promise<void> {
    return this.load();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('more');
    item.command = { command: COMMANDS.loadMore, title: 'Load More', arguments: [this] };
    item.contextValue = 'acgLoadMore';
    return item;
  }
}

export function isLoadMoreNode(value: unknown): value is LoadMoreNode {
  return value instanceof LoadMoreNode;
}
