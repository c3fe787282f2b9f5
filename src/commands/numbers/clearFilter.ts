// "Clear Filter" in the Numbers view's title (shown only while a filter is set).
import { NO_FILTER } from '../../core/numbers';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { EnterpriseCommandDeps } from '../enterprises/deps';

export function clearNumberFilter(deps: EnterpriseCommandDeps): Promise<NumbersScopeNode | undefined> {
  return deps.numbers.setFilter(NO_FILTER);
}
