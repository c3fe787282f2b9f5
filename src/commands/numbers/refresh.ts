// "Refresh" in the Numbers view's title: back to the first page of the same account and filter.
import type { CommandContext } from '../context';

export function refreshNumbers(ctx: CommandContext): void {
  ctx.numbers.reload();
}
