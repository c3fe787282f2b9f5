// Long work from a command: a progress notification (or a view's progress bar) with Cancel, and the cancellation
// handed to the clients as an AbortSignal, which is what they take. A cancelled run always ends in
// vscode.CancellationError, which the command table logs without a pop-up.
import * as vscode from 'vscode';
import { isAcgError } from '../azure/errors';
import type { Ui } from './ui';

export interface ProgressContext {
  /** Sets the progress message (and optionally advances the bar by `increment` percent). */
  report(message: string, increment?: number): void;
  readonly token: vscode.CancellationToken;
  /** Aborts when the person cancels: pass it as `abortSignal` to every client call. */
  readonly signal: AbortSignal;
}

export interface ProgressRunOptions {
  /** Default: a notification. `{ viewId }` shows the bar over a view instead. */
  location?: vscode.ProgressLocation | { viewId: string };
  /** Default true. */
  cancellable?: boolean;
}

export async function runWithProgress<T>(ui: Pick<Ui, 'withProgress'>, title: string, work: (context: ProgressContext) => Promise<T>, options: ProgressRunOptions = {}): Promise<T> {
  return ui.withProgress(
    { location: options.location ?? vscode.ProgressLocation.Notification, title, cancellable: options.cancellable ?? true },
    async (progress, token) => {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        // A result that arrives after Cancel is still returned: the change happened, and saying otherwise would lie.
        return await work({ report: (message, increment) => progress.report({ message, increment }), token, signal: abort.signal });
      } catch (error) {
        if (token.isCancellationRequested || isAcgError(error, 'cancelled')) throw new vscode.CancellationError();
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
}
