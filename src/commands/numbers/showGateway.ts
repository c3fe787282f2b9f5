// "Show All Numbers of the Gateway": the Numbers view leaves the account it shows and lists every account's numbers,
// still one page at a time (the production gateway holds over 100,000).
import { GATEWAY_SCOPE } from '../../core/numbers';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';

export function showGatewayNumbers(ctx: CommandContext): Promise<NumbersScopeNode | undefined> {
  return ctx.numbers.show(GATEWAY_SCOPE);
}
