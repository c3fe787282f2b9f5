// The one shape every node of every ACG tree has (the model of vscode-azureresourcegroups' ResourceGroupsItem):
// a plain object with a stable id, its own TreeItem, and children loaded only when VS Code asks (on expand).
import type * as vscode from 'vscode';

export interface TreeNode {
  /**
   * Unique within the view and stable across refreshes: VS Code keys expansion state and selection by it, and
   * `reveal` finds nodes by it. Build it from the parent's id with `childId` so that it is both.
   */
  readonly id: string;
  /** Undefined for top-level nodes. `getParent` (and so `reveal`) follows this. */
  readonly parent?: TreeNode;
  getTreeItem(): vscode.TreeItem | Thenable<vscode.TreeItem>;
  /** Absent for leaves. May throw: the provider turns the error into an ErrorNode (or a sign-in node). */
  getChildren?(): TreeNode[] | Thenable<TreeNode[]>;
  /** Called by `refresh(node)` before re-rendering: forget data read earlier, so the next read is fresh. */
  invalidate?(): void;
  /** Optional lazy tooltip (VS Code calls it on hover), for details that cost a request. */
  resolveTooltip?(token: vscode.CancellationToken): Thenable<string | vscode.MarkdownString | undefined> | string | vscode.MarkdownString | undefined;
}

/** `<parent id>/<segment>`: unique as long as siblings use different segments, and stable as long as they are. */
export function childId(parent: TreeNode | undefined, segment: string): string {
  return parent === undefined ? segment : `${parent.id}/${segment}`;
}

/** Whether `node` is `ancestor` or below it (by id, so that an older object for the same node counts too). */
export function isWithin(node: TreeNode, ancestor: TreeNode): boolean {
  for (let current: TreeNode | undefined = node; current; current = current.parent) {
    if (current.id === ancestor.id) return true;
  }
  return false;
}
