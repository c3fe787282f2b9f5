// "Generate Enterprise PowerShell Steps": the engine writes the enterprise admin's script from a migration runbook
// (release, wait, prerequisites, assign, in the documented order); this opens it for review. It never runs it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadConfigEngine } from '../../core/config/load';
import { registerCommand } from '../registerCommand';
import { pickConfigTarget, siblingUri } from './configTarget';
import { isGenerateOptions, openGenerated } from './openResult';

export const GENERATE_POWERSHELL_COMMAND = 'acg.config.generatePowerShell';

export async function generatePowerShell(log: vscode.LogOutputChannel, args: readonly unknown[]): Promise<vscode.TextEditor | undefined> {
  const options = args.find(isGenerateOptions) ?? {};
  const target = await pickConfigTarget(args, 'migration', 'a migration runbook');
  if (!target) return undefined;
  const name = path.posix.basename(target.uri.path);
  const { migrationToPowerShell } = await loadConfigEngine();
  const { script, diagnostics } = migrationToPowerShell(target.text);
  if (!script) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const first = diagnostics.find((d) => d.severity === 'error');
    throw new Error(
      `${name} has ${errors} error${errors === 1 ? '' : 's'}, so no script was generated${first ? ` (first: ${first.ruleId} ${first.message})` : ''}. Fix them (see Problems) and try again.`,
    );
  }
  // Unsaved by default: a script that changes a tenant deserves a read before it lands anywhere.
  const editor = await openGenerated(siblingUri(target.uri, 'migration', '.ps1'), script, options.destination ?? 'untitled', 'powershell');
  if (editor) log.info(`${GENERATE_POWERSHELL_COMMAND}: ${target.uri.toString(true)} → ${editor.document.uri.toString(true)}`);
  return editor;
}

export function registerGeneratePowerShell(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  registerCommand(context, log, GENERATE_POWERSHELL_COMMAND, (...args) => generatePowerShell(log, args));
}
