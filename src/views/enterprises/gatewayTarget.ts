// The gateway the Enterprises and Numbers views (and their commands) work on, and its Provisioning API client. Only a
// selection made under the current cloud and tenant counts: a gateway picked under another sign-in must not receive
// this sign-in's tokens.
import type { AuthSession } from '../../auth/session';
import type { ProvisioningClient } from '../../azure/clients';
import { AcgError } from '../../azure/errors';
import type { GatewaySelection, SelectedGateway } from '../tree';

export interface GatewayContext {
  readonly session: AuthSession;
  readonly selection: GatewaySelection;
}

export function selectedGateway({ session, selection }: GatewayContext): SelectedGateway | undefined {
  if (!session.signedIn) return undefined;
  return selection.currentFor(session.cloud.name, session.state?.tenantId);
}

export async function clientFor({ session }: GatewayContext, gateway: SelectedGateway): Promise<ProvisioningClient> {
  if (!gateway.domain) {
    throw new AcgError({
      kind: 'unavailable',
      message: `Gateway ${gateway.name} has no domain yet, so its Provisioning API cannot be reached. Deployment may still be running: refresh later.`,
    });
  }
  const services = await session.services();
  return services.provisioning(gateway.domain);
}
