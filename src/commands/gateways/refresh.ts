// "Refresh": on a row, that row and everything below it; on the view title (no row), the whole view.
import type { TreeNode } from '../../views/tree';
import type { GatewayCommandDeps } from './deps';

export function refreshGateways(deps: GatewayCommandDeps, argument: unknown): void {
  if (isTreeNode(argument)) {
    deps.provider.refresh(argument);
    return;
  }
  deps.store.invalidate();
  deps.provider.refresh();
}

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { getTreeItem?: unknown }).getTreeItem === 'function';
}
