// Everything "config files as code" adds to the editor, registered from one call in extension.ts: live diagnostics and
// quick fixes (the config commands are in the command table). Offline unless acg.config.liveChecks is on and the user
// is signed in, so it runs in untrusted workspaces too (package.json declares untrustedWorkspaces "limited"; that
// setting is restricted there, and the live checker also does nothing unless the workspace is trusted).
import * as vscode from 'vscode';
import type { Host } from '../host/host';
import { CONFIG_DOCUMENT_SELECTOR, ConfigCodeActionProvider } from './codeActions';
import { ConfigDiagnostics } from './configDiagnostics';
import { ProvisioningLiveChecker } from './provisioningLiveChecker';

export function registerConfigFeatures(context: vscode.ExtensionContext, host: Host): ConfigDiagnostics {
  // Live findings depend on who is signed in and which gateway is selected: check again as soon as either changes.
  const diagnostics = new ConfigDiagnostics(host.log, new ProvisioningLiveChecker(host)).start(host.events.onDidChangeScope);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(CONFIG_DOCUMENT_SELECTOR, new ConfigCodeActionProvider(diagnostics), ConfigCodeActionProvider.metadata),
  );
  return diagnostics;
}
