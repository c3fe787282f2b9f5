// The sandbox opens signed in. Sign-in otherwise waits for the person's action; the sandbox is the exception because
// its only purpose is to show the extension working against the emulator, and its principal is demo data.
// Two keys must both be present, so nothing else can trigger it:
//   - `acg.sandbox.autoSignIn: true`, machine-scoped (a workspace cannot set it), written by scripts/sandbox.ts into
//     the sandbox's own user settings only;
//   - the ACG_SANDBOX_* environment with the emulator as the cloud (sandbox.ts).
// The integration tests set the environment but not the setting, so they start signed out and sign in themselves.
import type * as vscode from 'vscode';
import { messageOf } from './presentError';
import type { SignIn } from './signIn';
import { sandboxPrincipal } from './sandbox';
import { sandboxAutoSignIn } from './settings';

export function maybeAutoSignIn(session: SignIn, log: vscode.LogOutputChannel): void {
  if (session.signedIn || !sandboxAutoSignIn() || !sandboxPrincipal(session.cloud)) return;
  // Not awaited: activation returns at once; the status bar updates when the token arrives.
  session.signIn({ method: 'sandbox' }).then(
    (state) => log.info(`Sandbox: signed in automatically as ${state.account}.`),
    (error: unknown) => log.warn(`Sandbox: automatic sign-in failed: ${messageOf(error)}`),
  );
}
