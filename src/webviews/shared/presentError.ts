// TO SWAP: a minimal stand-in for the project's single error presenter. `presentError` in src/host (being written
// alongside the move of src/auth) replaces this file: pass it as the panel's `present` dependency and delete this one.
// Until then webviews present errors the way the trees do: the AcgError's message, the missing role and the request
// id as detail, and the one action that fixes the commonest failure (signing in).
import { AcgError } from '../../azure/errors';
import type { PresentedAction, PresentedError } from './protocol';

const SIGN_IN: PresentedAction = { id: 'acg.signIn', title: 'Sign In…' };
const SHOW_LOG: PresentedAction = { id: 'acg.showLog', title: 'Show Log' };

export function presentErrorForWebview(error: unknown): PresentedError {
  if (error instanceof AcgError) {
    const detail = [
      error.requiredRole ? `Required role: ${error.requiredRole}` : undefined,
      error.requestId ? `Request id: ${error.requestId}` : undefined,
    ].filter((line): line is string => line !== undefined);
    return {
      message: error.message,
      ...(detail.length > 0 ? { detail: detail.join('\n') } : {}),
      actions: error.kind === 'notSignedIn' ? [SIGN_IN] : [SHOW_LOG],
    };
  }
  // Anything else is a bug or an unexpected answer: its message, never its stack.
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong.';
  return { message, actions: [SHOW_LOG] };
}
