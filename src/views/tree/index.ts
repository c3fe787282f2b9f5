// ACG tree infrastructure — read this before building a view.
//
// Model (as microsoft/vscode-azureresourcegroups src/tree/): a node is a plain object implementing `TreeNode`
//   { id, parent?, getTreeItem(), getChildren?(), invalidate?(), resolveTooltip?() }.
//   - id: unique in the view and stable across refreshes; build it with `childId(parent, segment)`. VS Code keeps
//     expansion and selection by id, and `reveal` finds nodes by it.
//   - parent: set it on every non-top-level node; `getParent` (and so `view.reveal(node)`) follows it.
//   - getChildren: runs when the node is expanded, at most once until the node is refreshed (the provider caches the
//     result per id, and VS Code, tests and commands all see the same objects). Throw freely: the provider shows an
//     `ErrorNode` (worded by presentError, lock icon for 403 with the required role, a "Retry" child running
//     `acg.tree.retry`, which refreshes the failed node), a "Sign in to Azure…" row for AcgError 'notSignedIn', and
//     nothing for 'cancelled'. Errors are logged, never shown as notifications.
//   - invalidate: drop cached data; `refresh(node)` calls it on the node and everything below it.
//
// Views: `createAcgTreeView(context, { viewId, log, rootChildren })` → { provider, view }.
//   provider.refresh()            reload the whole view;   provider.refresh(nodeOrId)  reload one node and below.
//   provider.rerender(node)       re-read a node's children without invalidating its data.
//   provider.findNode(id)         the node currently shown with that id.
//   A long list keeps its own pages (see views/numbers/numbersModel.ts) and ends with a `LoadMoreNode` whose click
//   runs `acg.tree.loadMore`; after a page arrives, `rerender(parent)` shows it without re-creating earlier rows.
//   Refreshes asked for together fire one onDidChangeTreeData. Nothing runs at registration: views load when shown.
//
// Views read from the host layer (src/host): sign-in, services, the subscription filter and the gateway selection,
// and refresh on its events. They never register commands: the command table (src/commands/registerCommands.ts)
// does, and rows link to commands by the ids in src/host/ids.ts.
export { childId, isWithin, type TreeNode } from './treeNode';
export { AcgTreeDataProvider, type AcgTreeOptions } from './treeDataProvider';
export { ErrorNode, RetryNode, isRetryable, type Retryable } from './errorNode';
export { LoadMoreNode, isLoadMoreNode } from './loadMoreNode';
export { MessageNode, emptyNode, selectSubscriptionsNode, signInNode, type MessageNodeOptions } from './messageNode';
export { createAcgTreeView, type AcgTreeView } from './registerTree';
