// "Refresh" in the Enterprises view's title: one refresh of the whole view; expansion is kept (ids are stable).
import type { CommandContext } from '../context';

export function refreshEnterprises(ctx: CommandContext): void {
  ctx.enterprises.refresh();
}
