// "Copy Managed Identity Principal ID": the object id that needs the Project Synergy app roles during onboarding.
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function copyManagedIdentity(ctx: CommandContext, argument: unknown): Promise<string | undefined> {
  const target = await resolveGateway(argument, ctx, 'Copy Managed Identity Principal ID');
  if (!target) return undefined;
  const principalId = target.gateway.identity?.principalId;
  if (!principalId) {
    throw new Error(`${target.ref.name} has no system-assigned managed identity (identity type ${target.gateway.identity?.type ?? 'None'}). Onboarding needs one: enable it in the Azure portal.`);
  }
  await ctx.host.ui.writeClipboard(principalId);
  void ctx.host.ui.showInformationMessage(`Copied the managed identity principal id of ${target.ref.name}: ${principalId}`);
  return principalId;
}
