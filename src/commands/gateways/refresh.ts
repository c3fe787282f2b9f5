// "Refresh": on a row, that row and everything below it; on the view title (no row), the whole view.
import type { TreeNode } from '../../views/tree/treeNode';
import type { CommandContext } from '../context';

export function refreshGateways(ctx: CommandContext, argument: unknown): void {
  if (isTreeNode(argument)) {
    ctx.gateways.refresh(argument);
    return;
  }
  ctx.host.testLines.invalidate();
  ctx.gateways.refresh();
}

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { getTreeItem?: unknown }).getTreeItem === 'function';
}
