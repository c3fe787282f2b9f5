// Plan Provisioning Changes: the desired file against the selected gateway's live state (diff view and summary panel). The flow loads with its bundle (./planApplyFlow.ts).
import type { CommandContext } from '../context';

export async function planProvisioning(ctx: CommandContext): Promise<unknown> {
  return (await import('./planApplyFlow')).planProvisioningFile(ctx);
}
