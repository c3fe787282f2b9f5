// The status bar item's click: every account and cloud choice in one quick pick.
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';

interface Choice extends vscode.QuickPickItem {
  command: string;
}

export async function accountMenu(session: AuthSession): Promise<void> {
  const state = session.state;
  const choices: Choice[] = state
    ? [
        { label: '$(organization) Select Tenant…', description: state.tenantLabel ?? state.tenantId, command: 'acg.selectTenant' },
        { label: '$(filter) Select Subscriptions…', description: describeFilter(session.subscriptionFilter()), command: 'acg.selectSubscriptions' },
        { label: '$(cloud) Select Cloud…', description: session.cloud.displayName, command: 'acg.selectCloud' },
        { label: '$(sign-in) Sign In Differently…', command: 'acg.signIn' },
        { label: '$(sign-out) Sign Out', description: state.account, command: 'acg.signOut' },
        { label: '$(output) Show Log', command: 'acg.showLog' },
      ]
    : [
        { label: '$(sign-in) Sign In…', description: session.cloud.displayName, command: 'acg.signIn' },
        { label: '$(cloud) Select Cloud…', description: session.cloud.displayName, command: 'acg.selectCloud' },
        { label: '$(output) Show Log', command: 'acg.showLog' },
      ];
  const picked = await vscode.window.showQuickPick(choices, {
    title: state ? `${state.account} · ${session.cloud.displayName}` : `Not signed in · ${session.cloud.displayName}`,
    placeHolder: 'Choose an account action',
  });
  if (picked) await vscode.commands.executeCommand(picked.command);
}

function describeFilter(filter: string[] | undefined): string {
  return filter ? `${filter.length} selected` : 'all';
}
