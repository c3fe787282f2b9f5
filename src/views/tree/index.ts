// ACG tree infrastructure — read this before building a view.
//
// Model (as microsoft/vscode-azureresourcegroups src/tree/): a node is a plain object implementing `TreeNode`
//   { id, parent?, getTreeItem(), getChildren?(), invalidate?(), resolveTooltip?() }.
//   - id: unique in the view and stable across refreshes; build it with `childId(parent, segment)`. VS Code keeps
//     expansion and selection by id, and `reveal` finds nodes by it.
//   - parent: set it on every non-top-level node; `getParent` (and so `view.reveal(node)`) follows it.
//   - getChildren: runs when the node is expanded, at most once until the node is refreshed (the provider caches the
//     result per id, and VS Code, tests and commands all see the same objects). Throw freely: the provider shows an
//     `ErrorNode` (message from the AcgError, lock icon for 403 with the required role, a "Retry" child running
//     `acg.tree.retry`, which refreshes the failed node), a "Sign in to Azure…" row for AcgError 'notSignedIn', and
//     nothing for 'cancelled'. Errors are logged, never shown as notifications.
//   - invalidate: drop cached data; `refresh(node)` calls it on the node and everything below it.
//
// Views: `createAcgTreeView(context, { viewId, log, rootChildren })` → { provider, view }.
//   provider.refresh()            reload the whole view;   provider.refresh(nodeOrId)  reload one node and below.
//   provider.rerender(node)       re-read a node's children without invalidating its data.
//   provider.findNode(id)         the node currently shown with that id.
//   provider.pagedChildren(parent, pager)   children of a long list: loaded pages + a "Load more…" row
//     (`LoadMoreNode`, command `acg.tree.loadMore`). Make the pager once per parent (and `reset()` it in invalidate):
//       new Pager((signal) => mapPages(client.listNumbers(account, { abortSignal: signal }), (n) => new NumberNode(this, n)))
//   Refreshes asked for together fire one onDidChangeTreeData. Nothing runs at registration: views load when shown.
//   `registerTreeCommands(context, log)` registers acg.tree.retry and acg.tree.loadMore once (extension.ts does it).
//
// Rows that are not resources: `MessageNode` (any label/icon/command), `signInNode(parent?)`,
//   `selectSubscriptionsNode(parent?)`, `emptyNode(parent, label)`. Use viewsWelcome (package.json) for a view that is
//   empty as a whole, e.g. "select a gateway first".
//
// The selected gateway (src/views/gatewaySelection.ts): `GatewaySelection` { current, currentFor(cloud, tenantId),
//   select(gateway | undefined), onDidChange }, memento-backed; context key `acg.gatewaySelected`. `acg.selectGateway`
//   (Gateways view) sets it; run it with no argument to get a quick pick of gateways. `SelectedGateway.domain` is what
//   `services.provisioning(domain)` takes.
//
// Commands: `runWithProgress(title, ({ report, token, signal }) => work, { location?, cancellable?, ui? })` shows a
//   cancellable notification, passes `signal` to clients, and turns a cancel into vscode.CancellationError (which
//   registerCommand logs quietly). `CommandUi` (ui.ts) is the injectable window surface (input box, quick pick, warning,
//   clipboard, openExternal, withProgress); take one in your command modules and tests `override()` it.
export { childId, isWithin, type TreeNode } from './treeNode';
export { AcgTreeDataProvider, type AcgTreeOptions } from './treeDataProvider';
export { ErrorNode, RetryNode, RETRY_COMMAND, errorMessage, isRetryable, type Retryable } from './errorNode';
export { LoadMoreNode, LOAD_MORE_COMMAND, isLoadMoreNode } from './loadMoreNode';
export { Pager, mapPages, type OpenPages, type PageOf } from './pager';
export { MessageNode, emptyNode, selectSubscriptionsNode, signInNode, type MessageNodeOptions } from './messageNode';
export { createAcgTreeView, registerTreeCommands, type AcgTreeView } from './registerTree';
export { runWithProgress, type ProgressContext, type ProgressRunOptions } from './progress';
export { OverridableUi, vscodeUi, type CommandUi } from './ui';
export { GatewaySelection, GATEWAY_SELECTED_CONTEXT, type SelectedGateway } from '../gatewaySelection';
