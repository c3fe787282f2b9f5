// "Communications Gateway: Sign In…". From the palette it asks how, then only what that method needs. Automation
// (integration tests) passes the answers as one argument object instead, e.g.
//   vscode.commands.executeCommand('acg.signIn', { method: 'servicePrincipalSecret', tenantId, clientId, clientSecret })
// A secret passed this way goes to SecretStorage like a typed one, and is never logged.
import * as vscode from 'vscode';
import { configuredClientId } from '../../host/settings';
import type { SessionState } from '../../host/signIn';
import { METHOD_LABELS, parseSignInRequest, type SignInRequest } from '../../host/signInRequest';
import type { CommandContext } from '../context';

export async function signIn(ctx: CommandContext, argument?: unknown): Promise<SessionState | undefined> {
  const { signIn: session, ui } = ctx.host;
  const cloud = session.cloud;
  let request: SignInRequest | undefined;
  // Menus pass their own context (a tree node, a Uri): only an object that names a method is an automation request.
  if (typeof argument === 'object' && argument !== null && 'method' in argument) {
    request = parseSignInRequest(argument);
  } else {
    const { pickMethod, promptForRequest } = await import('./signInPrompts');
    const method = await pickMethod(ui, cloud);
    request = method && (await promptForRequest(ui, method, { clientId: configuredClientId() }));
  }
  if (!request) return undefined;
  const how = request.method === 'sandbox' ? 'the sandbox service principal' : METHOD_LABELS[request.method];
  const state = await ui.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Signing in to ${cloud.displayName} with ${how}…`, cancellable: true },
    (_progress, token) => session.signIn(request, { token }),
  );
  void ui.showInformationMessage(`Signed in to ${cloud.displayName}: ${state.account}`);
  return state;
}
