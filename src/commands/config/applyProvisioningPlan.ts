// Apply Changes…: confirm, then apply the file's plan (provisioning or gateway) with progress, cancel and a journal. The flow loads with its bundle (./planApplyFlow.ts).
import type { CommandContext } from '../context';

export async function applyProvisioningPlan(ctx: CommandContext): Promise<unknown> {
  return (await import('./planApplyFlow')).applyDesiredFile(ctx);
}
