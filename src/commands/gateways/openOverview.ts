// "Open Gateway Overview": the gateway's overview panel (status, domain and Provisioning API URL, service locations,
// voice settings, test-line coverage, account and number counts, requests by relationship status). From a row, that
// gateway; from the palette, a picked one.
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function openOverview(ctx: CommandContext, argument: unknown): Promise<void> {
  const target = await resolveGateway(argument, ctx, 'Open Gateway Overview');
  if (target) await ctx.panels.openGatewayOverview(target.gateway);
}
