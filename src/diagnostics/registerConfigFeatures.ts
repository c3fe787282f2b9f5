// Everything "config files as code" adds to the editor, registered from one call in extension.ts: live diagnostics,
// quick fixes and the config commands. Offline only, so it runs in untrusted workspaces too (package.json declares
// untrustedWorkspaces "limited"; the one setting that could lead to service calls is restricted there).
import * as vscode from 'vscode';
import { registerConvertCsvToPlan } from '../commands/config/convertCsvToPlan';
import { registerGeneratePowerShell } from '../commands/config/generatePowerShell';
import { registerSplitCsv } from '../commands/config/splitCsv';
import { registerSplitPlan } from '../commands/config/splitPlan';
import { registerValidateWorkspace } from '../commands/config/validateWorkspace';
import { CONFIG_DOCUMENT_SELECTOR, ConfigCodeActionProvider } from './codeActions';
import { ConfigDiagnostics } from './configDiagnostics';
import { noLiveChecks, type LiveConfigChecker } from './liveChecks';

export interface ConfigFeatures {
  readonly diagnostics: ConfigDiagnostics;
}

export function registerConfigFeatures(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  liveChecker: LiveConfigChecker = noLiveChecks,
): ConfigFeatures {
  const diagnostics = new ConfigDiagnostics(log, liveChecker).start();
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(
      CONFIG_DOCUMENT_SELECTOR,
      new ConfigCodeActionProvider(diagnostics),
      ConfigCodeActionProvider.metadata,
    ),
  );
  registerConvertCsvToPlan(context, log);
  registerGeneratePowerShell(context, log);
  registerSplitPlan(context, log);
  registerSplitCsv(context, log);
  registerValidateWorkspace(context, log, diagnostics);
  return { diagnostics };
}
