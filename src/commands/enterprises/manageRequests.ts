// "Manage Requests for Information…": the gateway's requests in a panel (grid, filters, multi-select, relationship
// updates, create account). From an Enterprises row, its gateway; from a Gateways row, that gateway, which becomes the
// selected one so the Enterprises view shows what the panel changes; from the palette or an argument object
// ({ gatewayId }), the selected gateway, else a picked one.
import { selectionOf } from '../../host/gatewaySelection';
import type { CommandContext } from '../context';
import { resolveGateway } from '../gateways/targets';

export async function manageRequests(ctx: CommandContext, argument: unknown): Promise<void> {
  const scoped = scopeGatewayOf(argument);
  if (scoped) return ctx.panels.openRequests(scoped);
  const selected = ctx.host.selection.forCurrentSignIn();
  const byId = gatewayIdOf(argument);
  if (byId) return ctx.panels.openRequests({ gatewayId: byId, gatewayName: selected?.id.toLowerCase() === byId.toLowerCase() ? selected.name : (byId.split('/').pop() ?? byId) });
  if (selected && (argument === undefined || argument === null)) return ctx.panels.openRequests({ gatewayId: selected.id, gatewayName: selected.name });
  const target = await resolveGateway(argument, ctx, 'Manage Requests for Information');
  const selection = target && selectionOf(target.gateway, ctx.host.signIn);
  if (!selection) return undefined;
  await ctx.host.selection.select(selection);
  return ctx.panels.openRequests({ gatewayId: selection.id, gatewayName: selection.name });
}

/** Enterprises rows carry the scope of the selected gateway. */
function scopeGatewayOf(argument: unknown): { gatewayId: string; gatewayName: string } | undefined {
  const gateway = (argument as { scope?: { gateway?: { id?: unknown; name?: unknown } } } | undefined)?.scope?.gateway;
  return typeof gateway?.id === 'string' && typeof gateway.name === 'string' ? { gatewayId: gateway.id, gatewayName: gateway.name } : undefined;
}

/** The argument object panels pass one another: { gatewayId }. */
function gatewayIdOf(argument: unknown): string | undefined {
  const id = typeof argument === 'object' && argument !== null ? (argument as { gatewayId?: unknown }).gatewayId : undefined;
  return typeof id === 'string' ? id : undefined;
}
