// "Select Gateway": the gateway the Enterprises and Numbers views work on. From a row, that gateway; from the palette
// (or the Enterprises view's title button), a quick pick of the gateways in the selected subscriptions.
import { AcgError } from '../../azure/errors';
import { selectionOf, type SelectedGateway } from '../../host/gatewaySelection';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function selectGateway(ctx: CommandContext, argument: unknown): Promise<SelectedGateway | undefined> {
  const target = await resolveGateway(argument, ctx, 'Select Gateway');
  if (!target) return undefined;
  const selected = selectionOf(target.gateway, ctx.host.signIn);
  if (!selected) throw new AcgError({ kind: 'notFound', message: `${target.ref.name} has no resource id: refresh the Gateways view and try again.` });
  await ctx.host.selection.select(selected);
  ctx.host.log.info(`Selected gateway ${selected.name} (${selected.id}) for the Enterprises and Numbers views.`);
  return selected;
}
