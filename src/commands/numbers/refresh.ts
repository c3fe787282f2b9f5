// "Refresh" in the Numbers view's title: back to the first page of the same account and filter.
import type { EnterpriseCommandDeps } from '../enterprises/deps';

export function refreshNumbers(deps: EnterpriseCommandDeps): void {
  deps.numbers.reload();
}
