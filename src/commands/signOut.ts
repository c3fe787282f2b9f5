// "Communications Gateway: Sign Out": forgets the sign-in and deletes any stored secret. VS Code's own Microsoft
// account stays signed in, because other extensions share it (Accounts menu signs it out).
import * as vscode from 'vscode';
import type { AuthSession } from '../auth/session';

export async function signOut(session: AuthSession): Promise<void> {
  const state = session.state;
  if (!state) {
    void vscode.window.showInformationMessage('You are not signed in.');
    return;
  }
  await session.signOut();
  const note = state.method === 'vscode' ? ' Your VS Code account stays signed in; use the Accounts menu to sign it out.' : '';
  void vscode.window.showInformationMessage(`${state.account} is signed out.${note}`);
}
