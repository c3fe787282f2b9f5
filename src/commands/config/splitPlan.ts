// "Split Provisioning Plan": a plan over the per-file limit (PLAN_SPLIT_MAX_NUMBERS) becomes several plans next to it.
import { loadConfigEngine } from '../../core/config/load';
import type { CommandContext } from '../context';
import { pickConfigTarget } from './configTarget';
import { splitConfigFile, type SplitOutcome } from './splitFile';

export async function splitPlan(ctx: CommandContext): Promise<SplitOutcome | undefined> {
  const target = await pickConfigTarget(ctx.host.ui, ctx.args, 'plan', 'a provisioning plan');
  if (!target) return undefined;
  const { PLAN_SPLIT_MAX_NUMBERS, splitPlan: split } = await loadConfigEngine();
  const limit = `${PLAN_SPLIT_MAX_NUMBERS.toLocaleString('en-US')} numbers`;
  return splitConfigFile(ctx.host, target, split(target.text), { what: 'a provisioning plan', unit: limit });
}
