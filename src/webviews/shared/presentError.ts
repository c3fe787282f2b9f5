// Errors in a webview read as they do everywhere else: the host's presentError, in the shape the page renders. An
// action becomes a button that runs its command (only ones this page was shown: errorActions.ts); Retry is left to the
// page, whose sections each have their own, and a cancel is not shown at all (the page aborted the request itself).
import { presentError } from '../../host/presentError';
import type { PresentedAction, PresentedError } from './protocol';

export function presentErrorForWebview(error: unknown): PresentedError {
  const presented = presentError(error);
  const actions: PresentedAction[] = presented.actions.flatMap((action) => (action.command ? [{ id: action.command, title: action.title }] : []));
  return { message: presented.message, ...(presented.detail ? { detail: presented.detail } : {}), actions };
}
