// "Clear Filter" in the Numbers view's title (shown only while a filter is set).
import { NO_FILTER } from '../../core/numbers';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';

export function clearNumberFilter(ctx: CommandContext): Promise<NumbersScopeNode | undefined> {
  return ctx.numbers.setFilter(NO_FILTER);
}
