// Resume Provisioning Apply…: continue an apply that was cancelled, failed or cut off, from its journal. The flow loads with its bundle (./planApplyFlow.ts).
import type { CommandContext } from '../context';

export async function resumeProvisioningApply(ctx: CommandContext): Promise<unknown> {
  return (await import('./planApplyFlow')).resumeProvisioningApply(ctx);
}
