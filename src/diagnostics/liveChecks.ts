import * as vscode from 'vscode';

/**
 * The seam for checks against live service state (DESIGN "Config files as code", checks "when signed in"). The
 * extension plugs in ProvisioningLiveChecker (provisioningLiveChecker.ts) for provisioning plans; the diagnostics
 * never call a service on their own.
 *
 * Contract for an implementation:
 * - It runs only when `acg.config.liveChecks` is true for the document's folder AND the user has signed in: a workspace
 *   file alone never makes the extension talk to a service (the setting only enables read calls; tokens still go only
 *   to the cloud chosen in application-scoped settings).
 * - It only reads. It never changes anything in the service.
 * - It honours the token: a newer edit cancels a running check.
 */
export interface LiveConfigChecker {
  /** Extra diagnostics for `document`, on top of the offline engine's. Return [] when there is nothing to add. */
  check(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.Diagnostic[]>;
}

/** The default: offline only. */
export const noLiveChecks: LiveConfigChecker = {
  check: () => Promise.resolve([]),
};

export const LIVE_CHECKS_SETTING = 'config.liveChecks';

/** Whether the user turned live checks on for this document's folder (default: off). */
export function liveChecksEnabled(document: vscode.TextDocument): boolean {
  // In an untrusted workspace VS Code ignores the workspace value, because package.json lists the setting under
  // capabilities.untrustedWorkspaces.restrictedConfigurations.
  return vscode.workspace.getConfiguration('acg', document.uri).get<boolean>(LIVE_CHECKS_SETTING, false) === true;
}
