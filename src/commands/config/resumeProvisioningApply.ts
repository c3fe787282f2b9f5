// Resume Apply…: continue an apply (provisioning or gateway) that was cancelled, failed or cut off, from its journal. The flow loads with its bundle (./planApplyFlow.ts).
import type { CommandContext } from '../context';

export async function resumeProvisioningApply(ctx: CommandContext): Promise<unknown> {
  return (await import('./planApplyFlow')).resumeApply(ctx);
}
