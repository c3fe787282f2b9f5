// "Copy" on numbers: the selected telephone numbers, one per line, as E.164.
import type { CommandContext } from '../context';
import { numberTargets } from './targets';

export async function copyNumbers(ctx: CommandContext, argument: unknown): Promise<string> {
  const text = numberTargets(ctx, argument)
    .map((n) => n.number.telephoneNumber)
    .join('\n');
  await ctx.host.ui.writeClipboard(text);
  return text;
}
