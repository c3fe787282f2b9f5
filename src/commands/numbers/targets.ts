// The numbers a Numbers-view command works on. From a context menu VS Code passes the clicked node and, with several
// rows selected, the whole selection; the clicked node counts alone when it is not part of the selection.
import { AcgError } from '../../azure/errors';
import { NumberNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';

export function numberTargets(ctx: CommandContext, argument: unknown): NumberNode[] {
  const selected = ctx.args[1];
  const chosen = Array.isArray(selected) ? selected.filter((n): n is NumberNode => n instanceof NumberNode) : [];
  if (argument instanceof NumberNode) return chosen.some((n) => n.id === argument.id) ? chosen : [argument];
  // From a keybinding: whatever is selected in the view.
  const inView = ctx.numbers.selectedNumbers();
  if (inView.length > 0) return inView;
  throw new AcgError({ kind: 'badRequest', message: 'Select one or more numbers in the Numbers view first.' });
}
