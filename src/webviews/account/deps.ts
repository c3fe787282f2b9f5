// Everything the Account panel's host side needs from the rest of the extension, in one small interface that the
// composition root fills in (and tests fill with fakes). Type-only imports: nothing here loads code.
import type { AcgServices } from '../../host/services';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';

/** What the person answers when a save meets someone else's change (HTTP 412). */
export type ConflictChoice = 'reapply' | 'reload' | undefined;

/**
 * The panel's prompts, shown by VS Code (the host's Ui), never by the page: a page could be made to show a
 * confirmation that lies, VS Code's modal dialog cannot.
 */
export interface AccountPrompts {
  /** A modal warning with one confirming button; true only when the person presses it. */
  confirm(message: string, detail: string, button: string): PromiseLike<boolean>;
  /** The account changed since it was read: reload and re-apply the same change, only reload, or neither. */
  conflict(message: string, detail: string): PromiseLike<ConflictChoice>;
}

/** A change the extension made to (or learned about) numbers, as Host.numberChanges tells it. */
export interface NumbersChanged {
  readonly gatewayId: string;
  readonly account: string;
}

export interface AccountPanelDeps {
  /** The clients of the current sign-in; rejects with AcgError notSignedIn when signed out. */
  services(): Promise<AcgServices>;
  readonly prompts: AccountPrompts;
  readonly log: RpcLog;
  /** The project's error presenter (message, detail, actions). */
  present(error: unknown): PresentedError;
  /** The Enterprises view reads its accounts again (after an edit or a delete). */
  accountsChanged(): void;
  /** Fires after every sign-in, sign-out, tenant or cloud change. */
  onDidChangeSignIn(listener: () => void): { dispose(): unknown };
  onDidChangeNumbers(listener: (change: NumbersChanged) => void): { dispose(): unknown };
  /** Runs a command: an error's action (only actions this panel presented), or Manage Numbers…. */
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}
