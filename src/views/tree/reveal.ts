// TreeView.reveal right after a refresh can fail: VS Code's extension host applies onDidChangeTreeData with a short
// debounce (about 200 ms), and until the view has read the new rows it cannot resolve the node's parent chain. Some
// paths throw "Cannot resolve tree item"; others only log it and resolve, with nothing selected (seen in an integration
// run: the number's account row had just been shown). So a reveal that follows a refresh is retried briefly, and one
// asked to select counts as done only once the node is selected, instead of failing a command whose change succeeded.
import type * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

const ATTEMPTS = 8;
const PAUSE_MS = 150;
/** How long a reveal that worked may take to report its selection before it is tried again (a repeat is harmless). */
const SELECTION_WAIT_MS = 500;

export type RevealPause = (ms: number) => Promise<void>;

const timerPause: RevealPause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

type RevealView = Pick<vscode.TreeView<TreeNode>, 'reveal' | 'selection' | 'onDidChangeSelection'>;

export async function revealWhenReady(view: RevealView, node: TreeNode, options: { select?: boolean; focus?: boolean; expand?: boolean | number }, pause: RevealPause = timerPause): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await view.reveal(node, options);
      if (!options.select || attempt >= ATTEMPTS || (await selectedWithin(view, node, pause))) return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error instanceof Error) || !/Cannot resolve tree item/.test(error.message)) throw error;
      await pause(PAUSE_MS);
    }
  }
}

/** Whether `node` is selected now, or becomes selected before the pause ends. */
async function selectedWithin(view: RevealView, node: TreeNode, pause: RevealPause): Promise<boolean> {
  const isSelected = () => view.selection.some((selected) => selected.id === node.id);
  if (isSelected()) return true;
  let listener: vscode.Disposable | undefined;
  const selected = new Promise<boolean>((resolve) => {
    listener = view.onDidChangeSelection(() => {
      if (isSelected()) resolve(true);
    });
  });
  try {
    return await Promise.race([selected, pause(SELECTION_WAIT_MS).then(isSelected)]);
  } finally {
    listener?.dispose();
  }
}
