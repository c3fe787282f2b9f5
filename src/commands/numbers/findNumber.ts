// "Find Number…": where is this number, and what state is it in? Every gateway of the selected subscriptions is
// asked, and the number is revealed in the Numbers view (and, on request, in the Numbers panel). The flow lives in findNumberFlow.ts, loaded on first use;
// automation passes the number as the argument (a string, or { number }).
import type { CommandContext } from '../context';
import type { FindNumberResult } from './findNumberFlow';

export type { FindNumberResult } from './findNumberFlow';

function givenNumber(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  const number = typeof argument === 'object' && argument !== null ? (argument as { number?: unknown }).number : undefined;
  return typeof number === 'string' ? number : undefined;
}

export async function findNumber(ctx: CommandContext, argument: unknown): Promise<FindNumberResult | undefined> {
  const { runFindNumber } = await import('./findNumberFlow');
  return runFindNumber(ctx, givenNumber(argument));
}
