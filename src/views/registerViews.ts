import * as vscode from 'vscode';

/**
 * Until the trees land, each view gets an empty provider so that VS Code shows its `viewsWelcome` content rather than
 * "no data provider registered".
 */
export function registerPlaceholderViews(context: vscode.ExtensionContext): void {
  const empty: vscode.TreeDataProvider<never> = {
    getTreeItem: (element: never) => element,
    getChildren: () => [],
  };
  for (const id of ['acg.gateways', 'acg.enterprises', 'acg.numbers']) {
    context.subscriptions.push(vscode.window.createTreeView(id, { treeDataProvider: empty }));
  }
}
