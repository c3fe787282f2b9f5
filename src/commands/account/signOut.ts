// "Communications Gateway: Sign Out": forgets the sign-in and deletes any stored secret. VS Code's own Microsoft
// account stays signed in, because other extensions share it (Accounts menu signs it out).
import type { CommandContext } from '../context';

export async function signOut(ctx: CommandContext): Promise<void> {
  const { signIn, ui } = ctx.host;
  const state = signIn.state;
  if (!state) {
    void ui.showInformationMessage('You are not signed in.');
    return;
  }
  await signIn.signOut();
  const note = state.method === 'vscode' ? ' Your VS Code account stays signed in; use the Accounts menu to sign it out.' : '';
  void ui.showInformationMessage(`${state.account} is signed out.${note}`);
}
