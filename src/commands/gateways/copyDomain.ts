// "Copy Domain": the gateway's base domain (<label>.commsgw.azure.com), which the Provisioning API, DNS and the
// Operator Connect portal all ask for.
import { gatewayDomainOf } from '../../azure/clients/armIds';
import type { GatewayCommandDeps } from './deps';
import { resolveGateway } from './targets';

export async function copyDomain(deps: GatewayCommandDeps, argument: unknown): Promise<string | undefined> {
  const target = await resolveGateway(argument, deps, 'Copy Domain');
  if (!target) return undefined;
  const domain = gatewayDomainOf(target.gateway);
  if (!domain) throw new Error(`${target.ref.name} has no domain yet: ARM assigns it while the gateway is created. Refresh later.`);
  await deps.ui.writeClipboard(domain);
  void deps.ui.showInformationMessage(`Copied ${domain}`);
  return domain;
}
