// "Split Number CSV": the portal takes at most 10,000 rows per upload, so a longer CSV becomes several next to it.
import { loadConfigEngine } from '../../core/config/load';
import type { CommandContext } from '../context';
import { pickConfigTarget } from './configTarget';
import { splitConfigFile, type SplitOutcome } from './splitFile';

export async function splitCsv(ctx: CommandContext): Promise<SplitOutcome | undefined> {
  const target = await pickConfigTarget(ctx.host.ui, ctx.args, 'numbersCsv', 'a number CSV');
  if (!target) return undefined;
  const { splitCsv: split } = await loadConfigEngine();
  return splitConfigFile(ctx.host, target, split(target.text), { what: 'a portal upload', unit: '10,000 rows' });
}
