// Everything "config files as code" adds to the editor, registered from one call in extension.ts: live diagnostics,
// quick fixes and the config commands. Offline unless acg.config.liveChecks is on and the user is signed in, so it
// runs in untrusted workspaces too (package.json declares untrustedWorkspaces "limited"; that setting is restricted
// there, and the live checker also does nothing unless the workspace is trusted).
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import type { GatewaySelection } from '../views/gatewaySelection';
import { registerConvertCsvToPlan } from '../commands/config/convertCsvToPlan';
import { registerGeneratePowerShell } from '../commands/config/generatePowerShell';
import { registerSplitCsv } from '../commands/config/splitCsv';
import { registerSplitPlan } from '../commands/config/splitPlan';
import { registerValidateWorkspace } from '../commands/config/validateWorkspace';
import { CONFIG_DOCUMENT_SELECTOR, ConfigCodeActionProvider } from './codeActions';
import { ConfigDiagnostics } from './configDiagnostics';
import { noLiveChecks, type LiveConfigChecker } from './liveChecks';
import { ProvisioningLiveChecker } from './provisioningLiveChecker';

export interface ConfigFeatures {
  readonly diagnostics: ConfigDiagnostics;
}

/** The live checker for a signed-in session and a gateway selection (checks run only when acg.config.liveChecks is on). */
export function liveCheckerFor(session: AuthSession, selection: GatewaySelection, log: vscode.LogOutputChannel): LiveConfigChecker {
  return new ProvisioningLiveChecker(session, selection, log);
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
