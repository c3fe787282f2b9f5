// The status bar item's click: every account and cloud choice in one quick pick.
import * as vscode from 'vscode';
import { COMMANDS } from '../../host/ids';
import type { CommandContext } from '../context';

interface Choice extends vscode.QuickPickItem {
  command: string;
}

export async function accountMenu(ctx: CommandContext): Promise<void> {
  const { signIn, subscriptions, ui } = ctx.host;
  const state = signIn.state;
  const cloud = signIn.cloud.displayName;
  const choices: Choice[] = state
    ? [
        { label: '$(organization) Select Tenant…', description: state.tenantLabel ?? state.tenantId, command: COMMANDS.selectTenant },
        { label: '$(filter) Select Subscriptions…', description: describeFilter(subscriptions.current()), command: COMMANDS.selectSubscriptions },
        { label: '$(cloud) Select Cloud…', description: cloud, command: COMMANDS.selectCloud },
        { label: '$(sign-in) Sign In Differently…', command: COMMANDS.signIn },
        { label: '$(sign-out) Sign Out', description: state.account, command: COMMANDS.signOut },
        { label: '$(output) Show Log', command: COMMANDS.showLog },
      ]
    : [
        { label: '$(sign-in) Sign In…', description: cloud, command: COMMANDS.signIn },
        { label: '$(cloud) Select Cloud…', description: cloud, command: COMMANDS.selectCloud },
        { label: '$(output) Show Log', command: COMMANDS.showLog },
      ];
  const picked = await ui.showQuickPick(choices, {
    title: state ? `${state.account} · ${cloud}` : `Not signed in · ${cloud}`,
    placeHolder: 'Choose an account action',
  });
  if (picked) await vscode.commands.executeCommand(picked.command);
}

function describeFilter(filter: readonly string[] | undefined): string {
  return filter ? `${filter.length} selected` : 'all';
}
