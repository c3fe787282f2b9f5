// `--gateway <name | resource id>` to one gateway. A resource id is taken as it is (the reads fetch the gateway and say
// when it does not exist); a name is looked up in --subscription, or in every subscription the credential sees.
import type { ArmClient } from '../azure/clients';
import { presentError } from '../host/presentError';
import { gatewayRefOf, gatewayResourceId, parseGatewayId } from '../core/ids';
import type { GatewayRef } from '../core/models';

export type GatewayResolution =
  | { readonly ok: true; readonly ref: GatewayRef; readonly id: string }
  /** `lines` say why (none, or several: their ids), for stderr; the command could not run (exit 3). */
  | { readonly ok: false; readonly lines: readonly string[] };

export async function resolveGateway(arm: ArmClient, gateway: string, subscription: string | undefined, signal?: AbortSignal): Promise<GatewayResolution> {
  const fromId = parseGatewayId(gateway);
  if (fromId) {
    if (subscription !== undefined && subscription.toLowerCase() !== fromId.subscriptionId.toLowerCase()) {
      return { ok: false, lines: [`--subscription ${subscription} is not the subscription of the resource id given to --gateway (${fromId.subscriptionId}).`] };
    }
    return { ok: true, ref: fromId, id: gatewayResourceId(fromId) };
  }
  const subscriptionIds = subscription !== undefined ? [subscription] : (await arm.listSubscriptions({ abortSignal: signal })).filter((s) => s.state !== 'Disabled' && s.state !== 'Deleted').map((s) => s.subscriptionId);
  const listed = await arm.listGateways(subscriptionIds, { abortSignal: signal });
  const matches = listed.flatMap((entry) => entry.gateways ?? []).filter((g) => g.name?.toLowerCase() === gateway.toLowerCase());
  const unread = listed.filter((entry) => entry.error).map((entry) => `  ${entry.subscriptionId}: ${presentError(entry.error).message}`);
  if (matches.length === 1) {
    const ref = gatewayRefOf(matches[0]);
    if (ref) return { ok: true, ref, id: gatewayResourceId(ref) };
    return { ok: false, lines: [`ARM listed '${gateway}' without a usable resource id (${matches[0].id ?? 'none'}).`] };
  }
  if (matches.length === 0) {
    const where = subscription !== undefined ? `subscription ${subscription}` : `the ${subscriptionIds.length} subscription${subscriptionIds.length === 1 ? '' : 's'} this sign-in can see`;
    return {
      ok: false,
      lines: [`no gateway named '${gateway}' in ${where}.`, ...(unread.length > 0 ? ['Some subscriptions could not be read:', ...unread] : [])],
    };
  }
  return {
    ok: false,
    lines: [`${matches.length} gateways are named '${gateway}': give --gateway the resource id of one (or add --subscription).`, ...matches.map((g) => `  ${g.id}`)],
  };
}
