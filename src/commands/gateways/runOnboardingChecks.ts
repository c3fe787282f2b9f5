// "Run Onboarding Checks…": every step of the onboarding guides checked against the gateway, in the Onboarding Checks
// panel, where results appear as each check finishes. From a row, that gateway; from the palette, a picked one. Returns
// the results (integration tests read them); a failed run is shown by the command table, and in the panel. From an
// error's "Run Onboarding Checks…" (a write refused for a missing ProvisioningAPI role), the gateway the write was for.
import type { CheckResult } from '../../core/onboarding/types';
import type { OnboardingTarget } from '../../host/onboarding';
import type { OnboardingChecksFor } from '../../host/presentError';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function runOnboardingChecks(ctx: CommandContext, argument: unknown): Promise<CheckResult[] | undefined> {
  const target = selectedGatewayFor(ctx, argument) ?? (await pickedTarget(ctx, argument));
  if (!target) return undefined;
  await ctx.panels.openOnboardingChecks(target);
  return ctx.host.onboarding.run(target);
}

async function pickedTarget(ctx: CommandContext, argument: unknown): Promise<OnboardingTarget | undefined> {
  const picked = await resolveGateway(isChecksFor(argument) ? undefined : argument, ctx, 'Run Onboarding Checks');
  if (!picked) return undefined;
  const { gateway, ref } = picked;
  if (!gateway.id) throw new Error(`${ref.name} has no resource id: refresh the Gateways view and try again.`);
  return { id: gateway.id, name: ref.name };
}

/** The selected gateway, when an error action names it by domain (the writes that fail that way all go to it);
 * otherwise undefined, and the person picks. */
function selectedGatewayFor(ctx: CommandContext, argument: unknown): OnboardingTarget | undefined {
  if (!isChecksFor(argument)) return undefined;
  const selected = ctx.host.selection.forCurrentSignIn();
  return selected?.domain?.toLowerCase() === argument.gatewayDomain.toLowerCase() ? { id: selected.id, name: selected.name } : undefined;
}

function isChecksFor(argument: unknown): argument is OnboardingChecksFor {
  return typeof argument === 'object' && argument !== null && typeof (argument as { gatewayDomain?: unknown }).gatewayDomain === 'string';
}
