// "Load more…" at the end of a paged list: the next page, with the view's progress bar while it loads.
import * as vscode from 'vscode';
import { isLoadMoreNode } from '../../views/tree/loadMoreNode';
import type { CommandContext } from '../context';

export async function loadMore(ctx: CommandContext, node: unknown): Promise<void> {
  if (!isLoadMoreNode(node)) return;
  const location = node.viewId ? { viewId: node.viewId } : vscode.ProgressLocation.Window;
  await ctx.host.ui.withProgress({ location, title: 'Loading more…' }, () => node.loadMore());
}
