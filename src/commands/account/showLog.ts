// "Show Log": the extension's output channel, where every failure is logged with its request ids.
import type { CommandContext } from '../context';

export function showLog(ctx: CommandContext): void {
  ctx.host.log.show();
}
