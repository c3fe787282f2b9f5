// The account status bar item: who, which tenant, which cloud, at a glance; click for the account choices.
import * as vscode from 'vscode';
import type { Host } from '../host/host';
import { COMMANDS, CONTEXT_KEYS } from '../host/ids';
import { statusText, statusTooltip } from './statusBarText';

export interface StatusBarHandle {
  /** The text shown now (integration tests read it). */
  text(): string;
}

export function registerStatusBar(context: vscode.ExtensionContext, host: Pick<Host, 'signIn' | 'subscriptions' | 'events'>): StatusBarHandle {
  const { signIn } = host;
  const item = vscode.window.createStatusBarItem('acg.account', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Communications Gateway Account';
  item.command = COMMANDS.accountMenu;
  const update = (): void => {
    const cloud = signIn.cloud;
    item.text = statusText(signIn.state, cloud);
    item.tooltip = new vscode.MarkdownString(statusTooltip(signIn.state, cloud, host.subscriptions.current()));
    item.accessibilityInformation = { label: signIn.state ? `Signed in to ${cloud.displayName} as ${signIn.state.account}` : `Not signed in to ${cloud.displayName}` };
    // Menus and welcome views show "Sign In" or "Sign Out" from this context key.
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedIn, signIn.signedIn);
  };
  update();
  item.show();
  context.subscriptions.push(item, host.events.onDidChangeSignIn(update), host.events.onDidChangeSubscriptionFilter(update));
  return { text: () => item.text };
}
