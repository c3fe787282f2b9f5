// The account status bar item: who, which tenant, which cloud, at a glance; click for the account choices.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';
import { statusText, statusTooltip } from './statusBarText';

export const ACCOUNT_MENU_COMMAND = 'acg.accountMenu';

export interface StatusBarHandle {
  /** The text shown now (integration tests read it). */
  text(): string;
}

export function registerStatusBar(context: vscode.ExtensionContext, session: AuthSession): StatusBarHandle {
  const item = vscode.window.createStatusBarItem('acg.account', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Communications Gateway Account';
  item.command = ACCOUNT_MENU_COMMAND;
  const update = (): void => {
    const cloud = session.cloud;
    item.text = statusText(session.state, cloud);
    item.tooltip = new vscode.MarkdownString(statusTooltip(session.state, cloud, session.subscriptionFilter()));
    item.accessibilityInformation = { label: session.state ? `Signed in to ${cloud.displayName} as ${session.state.account}` : `Not signed in to ${cloud.displayName}` };
    // Menus and welcome views show "Sign In" or "Sign Out" from this context key.
    void vscode.commands.executeCommand('setContext', 'acg.signedIn', session.signedIn);
  };
  update();
  item.show();
  context.subscriptions.push(item, session.onDidChange(update));
  return { text: () => item.text };
}
