// "Delete Test Line": a modal confirmation that says exactly what changes (which line, and what it does to the
// verification count), then a long-running delete with a cancellable progress notification.
import { runWithProgress } from '../../host/progress';
import type { CommandContext } from '../context';
import { refreshGateway, resolveTestLine } from './targets';

export const DELETE_CHOICE = 'Delete';

export async function deleteTestLine(ctx: CommandContext, argument: unknown): Promise<boolean> {
  const target = await resolveTestLine(argument, ctx, 'Delete Test Line');
  if (!target) return false;
  const { lines } = await ctx.host.testLines.get(target.gateway.gateway, target.gateway.ref);
  // Loaded on first use, not at activation: the coverage it compares needs the E.164 rules (libphonenumber-js).
  const { testLineDeletionImpact } = await import('../../core/gateways/testLineInput');
  const choice = await ctx.host.ui.showWarningMessage(`Delete test line ${target.name} from ${target.gateway.ref.name}?`, { modal: true, detail: testLineDeletionImpact(target.gateway.gateway, lines, target.name).join('\n') }, DELETE_CHOICE);
  if (choice !== DELETE_CHOICE) return false;
  try {
    await runWithProgress(ctx.host.ui, `Deleting test line ${target.name} from ${target.gateway.ref.name}`, async ({ report, signal }) => {
      const arm = (await ctx.host.services.get()).arm;
      await arm.deleteTestLine(target.gateway.ref, target.name, { abortSignal: signal, onProgress: (p) => report(p.message) });
    });
  } finally {
    // Also after a cancel or a failure: ARM may have deleted the line anyway, and the view must show what is there.
    refreshGateway(ctx, target.gateway);
  }
  void ctx.host.ui.showInformationMessage(`Deleted test line ${target.name} from ${target.gateway.ref.name}.`);
  return true;
}
