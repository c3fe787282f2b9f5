// "Refresh" in the Enterprises view's title: one refresh of the whole view; expansion is kept (ids are stable).
import type { EnterpriseCommandDeps } from './deps';

export function refreshEnterprises(deps: EnterpriseCommandDeps): void {
  deps.enterprises.refresh();
}
