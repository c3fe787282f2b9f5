// Apply Provisioning Plan…: confirm, then apply the file's plan with progress, cancel and a journal. The flow loads with its bundle (./planApplyFlow.ts).
import type { CommandContext } from '../context';

export async function applyProvisioningPlan(ctx: CommandContext): Promise<unknown> {
  return (await import('./planApplyFlow')).applyProvisioningFile(ctx);
}
