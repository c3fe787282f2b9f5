// "Split Number CSV": the portal takes at most 10,000 rows per upload, so a longer CSV becomes several next to it.
import * as vscode from 'vscode';
import { loadConfigEngine } from '../../core/config/load';
import { registerCommand } from '../registerCommand';
import { pickConfigTarget } from './configTarget';
import { splitConfigFile, type SplitOutcome } from './splitFile';

export const SPLIT_CSV_COMMAND = 'acg.config.splitCsv';

export async function splitCsvCommand(log: vscode.LogOutputChannel, args: readonly unknown[]): Promise<SplitOutcome | undefined> {
  const target = await pickConfigTarget(args, 'numbersCsv', 'a number CSV');
  if (!target) return undefined;
  const { splitCsv } = await loadConfigEngine();
  return splitConfigFile(target, splitCsv(target.text), { what: 'a portal upload', unit: '10,000 rows' }, log);
}

export function registerSplitCsv(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  registerCommand(context, log, SPLIT_CSV_COMMAND, (...args) => splitCsvCommand(log, args));
}
