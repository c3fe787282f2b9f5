// "Select Gateway": the gateway the Enterprises and Numbers views work on. From a row, that gateway; from the palette
// (or the Enterprises view's title button), a quick pick of the gateways in the selected subscriptions.
import { gatewayDomainOf } from '../../azure/clients/armIds';
import type { SelectedGateway } from '../../views/gatewaySelection';
import type { GatewayCommandDeps } from './deps';
import { resolveGateway } from './targets';

export async function selectGateway(deps: GatewayCommandDeps, argument: unknown): Promise<SelectedGateway | undefined> {
  const target = await resolveGateway(argument, deps, 'Select Gateway');
  if (!target) return undefined;
  const selected: SelectedGateway = target.node?.toSelection() ?? {
    id: target.gateway.id ?? '',
    name: target.ref.name,
    subscriptionId: target.ref.subscriptionId,
    resourceGroupName: target.ref.resourceGroupName,
    domain: gatewayDomainOf(target.gateway),
    cloud: deps.session.cloud.name,
    tenantId: deps.session.state?.tenantId,
  };
  await deps.selection.select(selected);
  deps.log.info(`Selected gateway ${selected.name} (${selected.id}) for the Enterprises and Numbers views.`);
  return selected;
}
