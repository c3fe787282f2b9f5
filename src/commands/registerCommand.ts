import * as vscode from 'vscode';
import { isAcgError } from '../azure/errors';

/**
 * Every command registers through here, so that a failure is logged once and shown once, with a message a person can
 * act on, and never escapes as an unhandled rejection.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  id: string,
  handler: (...args: unknown[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        // A person pressing Cancel (or Escape on a progress notification) is not an error worth a pop-up.
        if (error instanceof vscode.CancellationError || isAcgError(error, 'cancelled')) {
          log.info(`${id}: cancelled`);
          return undefined;
        }
        const message = error instanceof Error ? error.message : String(error);
        log.error(`${id} failed: ${message}`);
        void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
          if (choice === 'Show Log') log.show();
        });
        return undefined;
      }
    }),
  );
}
