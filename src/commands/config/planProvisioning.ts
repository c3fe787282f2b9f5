// Plan Changes: a provisioning plan or a gateway file against its live state (diff view and summary panel). The flow loads with its bundle (./planApplyFlow.ts).
import type { CommandContext } from '../context';

export async function planProvisioning(ctx: CommandContext): Promise<unknown> {
  return (await import('./planApplyFlow')).planDesiredFile(ctx);
}
