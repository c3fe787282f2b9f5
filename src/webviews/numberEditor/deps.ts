// Everything the Number editor's host side needs from the rest of the extension, in one small interface that the
// composition root fills in (and tests fill with fakes). Type-only imports: nothing here loads code.
import type { ProvisioningClient } from '../../azure/clients';
import type { NumberResource } from '../../core/models';
import type { FollowResult, FollowTarget } from '../../host/numberStatusFollower';
import type { NumbersChange } from '../../host/numberChanges';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';

/**
 * The prompts of a write, shown by VS Code (the host's Ui), never by the page: a page could be made to show a
 * confirmation that lies, VS Code's modal dialog cannot.
 */
export interface NumberEditorPrompts {
  /** A modal warning with one button; true only when the person presses it. */
  confirm(message: string, detail: string, confirmLabel: string): PromiseLike<boolean>;
  /** An open dialog for one CSV file: its name and text, or undefined when cancelled. */
  pickCsv(): PromiseLike<{ readonly name: string; readonly text: string } | undefined>;
}

export interface NumberEditorDeps {
  /** The Provisioning API client of the gateway, for the current sign-in (rejects when signed out). */
  provisioning(gatewayDomain: string): Promise<ProvisioningClient>;
  readonly prompts: NumberEditorPrompts;
  /** acg.numbers.defaultCountry as set (the editor keeps it only when it names a country). */
  defaultCountry(): unknown;
  /** Tells everyone about written numbers and follows the pending ones until they settle. */
  follow(target: FollowTarget, written: readonly NumberResource[]): Promise<FollowResult>;
  /** Numbers written, settled or deleted anywhere in the extension. */
  onDidChangeNumbers(listener: (change: NumbersChange) => void): { dispose(): unknown };
  onDidChangeSignIn(listener: () => void): { dispose(): unknown };
  readonly log: RpcLog;
  present(error: unknown): PresentedError;
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}
