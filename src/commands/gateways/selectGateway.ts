// "Select Gateway": the gateway the Enterprises and Numbers views work on. From a row, that gateway; from the palette
// (or the Enterprises view's title button), a quick pick of the gateways in the selected subscriptions.
import { gatewayDomainOf } from '../../azure/clients/armIds';
import type { SelectedGateway } from '../../host/gatewaySelection';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function selectGateway(ctx: CommandContext, argument: unknown): Promise<SelectedGateway | undefined> {
  const target = await resolveGateway(argument, ctx, 'Select Gateway');
  if (!target) return undefined;
  const selected: SelectedGateway = target.node?.toSelection() ?? {
    id: target.gateway.id ?? '',
    name: target.ref.name,
    subscriptionId: target.ref.subscriptionId,
    resourceGroupName: target.ref.resourceGroupName,
    domain: gatewayDomainOf(target.gateway),
    cloud: ctx.host.signIn.cloud.name,
    tenantId: ctx.host.signIn.state?.tenantId,
  };
  await ctx.host.selection.select(selected);
  ctx.host.log.info(`Selected gateway ${selected.name} (${selected.id}) for the Enterprises and Numbers views.`);
  return selected;
}
