// "Show All Numbers of the Gateway": the Numbers view leaves the account it shows and lists every account's numbers,
// still one page at a time (the production gateway holds over 100,000).
import { GATEWAY_SCOPE } from '../../views/numbers/numbersModel';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { EnterpriseCommandDeps } from '../enterprises/deps';

export function showGatewayNumbers(deps: EnterpriseCommandDeps): Promise<NumbersScopeNode | undefined> {
  return deps.numbers.show(GATEWAY_SCOPE);
}
