// "Split Provisioning Plan": a plan over the per-file limit (PLAN_SPLIT_MAX_NUMBERS) becomes several plans next to it.
import * as vscode from 'vscode';
import { loadConfigEngine } from '../../core/config/load';
import { registerCommand } from '../registerCommand';
import { pickConfigTarget } from './configTarget';
import { splitConfigFile, type SplitOutcome } from './splitFile';

export const SPLIT_PLAN_COMMAND = 'acg.config.splitPlan';

export async function splitPlanCommand(log: vscode.LogOutputChannel, args: readonly unknown[]): Promise<SplitOutcome | undefined> {
  const target = await pickConfigTarget(args, 'plan', 'a provisioning plan');
  if (!target) return undefined;
  const { PLAN_SPLIT_MAX_NUMBERS, splitPlan } = await loadConfigEngine();
  const limit = `${PLAN_SPLIT_MAX_NUMBERS.toLocaleString('en-US')} numbers`;
  return splitConfigFile(target, splitPlan(target.text), { what: 'a provisioning plan', unit: limit }, log);
}

export function registerSplitPlan(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  registerCommand(context, log, SPLIT_PLAN_COMMAND, (...args) => splitPlanCommand(log, args));
}
