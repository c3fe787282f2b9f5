// The baseline of bench:activation: the smallest extension that does at activation what ours does in kind (an output
// channel, a status bar item, a tree view with its provider, a few commands), built with the same esbuild options.
import * as vscode from 'vscode';

class EmptyTree implements vscode.TreeDataProvider<string> {
  getTreeItem(element: string): vscode.TreeItem {
    return new vscode.TreeItem(element);
  }
  getChildren(): string[] {
    return [];
  }
}

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Minimal', { log: true });
  const item = vscode.window.createStatusBarItem('minimal', vscode.StatusBarAlignment.Left, 50);
  item.text = 'minimal';
  item.show();
  context.subscriptions.push(log, item, vscode.window.createTreeView('minimal.view', { treeDataProvider: new EmptyTree() }));
  for (const id of ['minimal.one', 'minimal.two', 'minimal.three']) context.subscriptions.push(vscode.commands.registerCommand(id, () => log.info(id)));
}
