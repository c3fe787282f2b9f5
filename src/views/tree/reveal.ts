// TreeView.reveal right after a refresh can fail with "Cannot resolve tree item": VS Code's extension host applies
// onDidChangeTreeData with a short debounce (about 200 ms), and until then it still holds the parent's old children,
// which do not contain the new node. So a reveal that follows a refresh is retried briefly instead of failing the
// command whose change has already succeeded.
import type * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

const ATTEMPTS = 8;
const PAUSE_MS = 150;

export async function revealWhenReady(view: vscode.TreeView<TreeNode>, node: TreeNode, options: { select?: boolean; focus?: boolean; expand?: boolean | number }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await view.reveal(node, options);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error instanceof Error) || !/Cannot resolve tree item/.test(error.message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
