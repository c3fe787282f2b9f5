// "Copy Provisioning API URL": https://provapi.<domain> in Azure (the emulator serves it under a path), built in the
// one place that knows the rule, so a pasted URL always matches what the clients call.
import { gatewayDomainOf } from '../../azure/clients/armIds';
import { provisioningApiBaseUrl } from '../../core/clouds';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function copyProvisioningApiUrl(ctx: CommandContext, argument: unknown): Promise<string | undefined> {
  const target = await resolveGateway(argument, ctx, 'Copy Provisioning API URL');
  if (!target) return undefined;
  const domain = gatewayDomainOf(target.gateway);
  if (!domain) throw new Error(`${target.ref.name} has no domain yet, so no Provisioning API URL either. Refresh later.`);
  const url = provisioningApiBaseUrl(domain, ctx.host.signIn.cloud);
  await ctx.host.ui.writeClipboard(url);
  void ctx.host.ui.showInformationMessage(`Copied ${url}`);
  return url;
}
