// "Copy Domain": the gateway's base domain (<label>.commsgw.azure.com), which the Provisioning API, DNS and the
// Operator Connect portal all ask for.
import { gatewayDomainOf } from '../../azure/clients/armIds';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function copyDomain(ctx: CommandContext, argument: unknown): Promise<string | undefined> {
  const target = await resolveGateway(argument, ctx, 'Copy Domain');
  if (!target) return undefined;
  const domain = gatewayDomainOf(target.gateway);
  if (!domain) throw new Error(`${target.ref.name} has no domain yet: ARM assigns it while the gateway is created. Refresh later.`);
  await ctx.host.ui.writeClipboard(domain);
  void ctx.host.ui.showInformationMessage(`Copied ${domain}`);
  return domain;
}
