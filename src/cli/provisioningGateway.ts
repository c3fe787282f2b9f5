// `--gateway <name | resource id>` to the gateway's Provisioning API domain, for the commands that work on its
// accounts and numbers (acg export, plan, apply): found, read from ARM, and deployed far enough to have a domain.
import type { AzureClients } from '../azure/azureClients';
import { isAcgError } from '../azure/errors';
import { gatewayDomainOf } from '../core/ids';
import type { GatewayRef } from '../core/models';
import { presentError } from '../host/presentError';
import { resolveGateway } from './checkGateway';

export type ProvisioningGateway =
  | { readonly ok: true; readonly ref: GatewayRef; readonly id: string; readonly domain: string }
  /** Why not, for stderr (the first line takes the command's prefix); the command could not run. */
  | { readonly ok: false; readonly lines: readonly string[] };

export async function resolveProvisioningGateway(clients: AzureClients, gateway: string, subscription: string | undefined, signal?: AbortSignal): Promise<ProvisioningGateway> {
  const resolved = await resolveGateway(clients.arm, gateway, subscription, signal);
  if (!resolved.ok) return resolved;
  let domain: string | undefined;
  try {
    domain = gatewayDomainOf(await clients.arm.getGateway(resolved.ref, { abortSignal: signal }));
  } catch (error) {
    if (isAcgError(error, 'notFound')) return { ok: false, lines: [`no gateway ${resolved.id}: ${presentError(error).message}`] };
    throw error;
  }
  if (!domain) return { ok: false, lines: [`${resolved.ref.name} has no Provisioning API domain yet (its deployment has not finished).`] };
  return { ok: true, ref: resolved.ref, id: resolved.id, domain };
}
