// Shared by the onboarding tests against the emulator: the clients the reads and fixes take, built on the real
// pipeline for one principal, and the seeded gateways' resource ids.
import { gatewayId } from '../../../emulator/seed/gateways';
import { GATEWAY_GAPS, GATEWAY_LAB, GATEWAY_PRODUCTION } from '../../../emulator/seed/ids';
import { ArmClient, GraphClient, ProvisioningClient } from '../../../src/azure/clients';
import type { OnboardingClients } from '../../../src/azure/onboarding';
import type { ClientWorld, Principal } from './clients.support';

export const GAPS_ID = gatewayId(GATEWAY_GAPS);
export const PRODUCTION_ID = gatewayId(GATEWAY_PRODUCTION);
export const LAB_ID = gatewayId(GATEWAY_LAB);
export const LEGACY_APP_ID = 'c0ffee00-0000-4000-8000-000000000003';

export function onboardingClients(world: ClientWorld, principal: Principal = 'operator'): OnboardingClients {
  const pipeline = world.pipeline(principal);
  return {
    cloud: world.cloud,
    arm: new ArmClient(pipeline, world.cloud),
    graph: new GraphClient(pipeline, world.cloud, { resend: { pauseMs: 10 } }),
    provisioning: (domain) => new ProvisioningClient(pipeline, world.cloud, domain),
  };
}
