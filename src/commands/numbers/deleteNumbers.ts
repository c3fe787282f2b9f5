// "Delete Number…": which numbers (the row, or the selection) is decided here, where the tree's node class is the one
// VS Code passed; the confirmation, the requests and the re-check load from a lazy bundle (esbuild.mjs) on first use.
import type { CommandContext } from '../context';
import type { DeleteResult } from './deleteNumbersFlow';
import { numberTargets } from './targets';

export async function deleteNumbers(ctx: CommandContext, argument: unknown): Promise<DeleteResult | undefined> {
  const numbers = numberTargets(ctx, argument).map((node) => node.number);
  const { deleteNumbersFlow } = await import('./deleteNumbersFlow');
  return deleteNumbersFlow(ctx, numbers);
}
