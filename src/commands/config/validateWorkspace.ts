// "Validate Configuration Files in Workspace": the engine over every config file in the workspace, results in the
// Problems view. Offline; reads files only. Cancellable, because a large repository can hold thousands of files.
import * as vscode from 'vscode';
import { CONFIG_FILE_GLOBS, CONFIG_KINDS, configKindOf } from '../../core/config/kinds';
import { messageOf } from '../../host/presentError';
import type { CommandContext } from '../context';
import { EXCLUDE_GLOB, readText } from './configTarget';

/** Enough for any real repository of plans; a bound so that a mistaken workspace root cannot stall the host. */
const MAX_FILES = 20_000;

export interface WorkspaceValidationSummary {
  files: number;
  problems: number;
  cancelled: boolean;
}

export async function validateWorkspace(ctx: CommandContext): Promise<WorkspaceValidationSummary> {
  const { ui, log } = ctx.host;
  if (!vscode.workspace.workspaceFolders?.length) {
    void ui.showInformationMessage('Open a folder first: there is no workspace to validate.');
    return { files: 0, problems: 0, cancelled: false };
  }
  const summary = await ui.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating configuration files', cancellable: true },
    async (progress, token) => {
      const pattern = `**/*.{${CONFIG_KINDS.map((k) => CONFIG_FILE_GLOBS[k].slice('**/*.'.length)).join(',')}}`;
      const files = await vscode.workspace.findFiles(pattern, EXCLUDE_GLOB, MAX_FILES, token);
      const result: WorkspaceValidationSummary = { files: 0, problems: 0, cancelled: false };
      for (const uri of files) {
        if (token.isCancellationRequested) return { ...result, cancelled: true };
        const kind = configKindOf(uri.path);
        if (!kind) continue; // findFiles matches case-sensitively on some systems, configKindOf never does
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        try {
          const text = await readText(uri);
          result.problems += await ctx.configProblems.publishFromDisk(uri, text, kind);
          result.files++;
        } catch (error) {
          log.warn(`Could not read ${uri.toString(true)}: ${messageOf(error)}`);
        }
        // Let the host breathe between files: typing stays responsive during a long run.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return result;
    },
  );
  const what = `${summary.problems} problem${summary.problems === 1 ? '' : 's'} in ${summary.files} configuration file${summary.files === 1 ? '' : 's'}`;
  log.info(`${ctx.id}: ${summary.cancelled ? 'cancelled after ' : ''}${what}`);
  if (summary.cancelled) {
    void ui.showInformationMessage(`Validation cancelled: ${what} so far.`);
  } else if (summary.files === 0) {
    void ui.showInformationMessage('No configuration files (*.acg-gateway.json, *.acg-plan.json, *.acg-numbers.csv, *.acg-migration.json) in the workspace.');
  } else if (summary.problems > 0) {
    void ui.showWarningMessage(`Found ${what}.`, {}, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void ui.showInformationMessage(`No problems in ${summary.files} configuration file${summary.files === 1 ? '' : 's'}.`);
  }
  return summary;
}
