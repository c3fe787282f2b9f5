// "Run Onboarding Checks…": every step of the onboarding guides checked against the gateway, in the Onboarding Checks
// panel, where results appear as each check finishes. From a row, that gateway; from the palette, a picked one. Returns
// the results (integration tests read them); a failed run is shown by the command table, and in the panel.
import type { CheckResult } from '../../core/onboarding/types';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function runOnboardingChecks(ctx: CommandContext, argument: unknown): Promise<CheckResult[] | undefined> {
  const picked = await resolveGateway(argument, ctx, 'Run Onboarding Checks');
  if (!picked) return undefined;
  const { gateway, ref } = picked;
  if (!gateway.id) throw new Error(`${ref.name} has no resource id: refresh the Gateways view and try again.`);
  const target = { id: gateway.id, name: ref.name };
  await ctx.panels.openOnboardingChecks(target);
  return ctx.host.onboarding.run(target);
}
