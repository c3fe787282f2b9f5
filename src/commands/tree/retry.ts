// "Retry" on an error row (or its Retry child): loads the failed node again.
import { isRetryable } from '../../views/tree/errorNode';
import type { CommandContext } from '../context';

export function retry(_ctx: CommandContext, node: unknown): void {
  if (isRetryable(node)) node.retry();
}
