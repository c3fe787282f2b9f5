// "Generate Enterprise PowerShell Steps": the engine writes the enterprise admin's script from a migration runbook
// (release, wait, prerequisites, assign, in the documented order); this opens it for review. It never runs it.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { AcgError } from '../../azure/errors';
import { loadConfigEngine } from '../../core/config/load';
import type { CommandContext } from '../context';
import { pickConfigTarget, siblingUri } from './configTarget';
import { isGenerateOptions, openGenerated } from './openResult';

export async function generatePowerShell(ctx: CommandContext): Promise<vscode.TextEditor | undefined> {
  const options = ctx.args.find(isGenerateOptions) ?? {};
  const target = await pickConfigTarget(ctx.host.ui, ctx.args, 'migration', 'a migration runbook');
  if (!target) return undefined;
  const name = path.posix.basename(target.uri.path);
  const { migrationToPowerShell } = await loadConfigEngine();
  const { script, diagnostics } = migrationToPowerShell(target.text);
  if (!script) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const first = diagnostics.find((d) => d.severity === 'error');
    throw new AcgError({
      kind: 'badRequest',
      message: `${name} has ${errors} error${errors === 1 ? '' : 's'}, so no script was generated${first ? ` (first: ${first.ruleId} ${first.message})` : ''}. Fix them (see Problems) and try again.`,
    });
  }
  // Unsaved by default: a script that changes a tenant deserves a read before it lands anywhere.
  const editor = await openGenerated(ctx.host.ui, siblingUri(target.uri, 'migration', '.ps1'), script, options.destination ?? 'untitled', 'powershell');
  if (editor) ctx.host.log.info(`${ctx.id}: ${target.uri.toString(true)} → ${editor.document.uri.toString(true)}`);
  return editor;
}
