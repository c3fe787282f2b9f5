// Everything the Onboarding Checks panel's host side needs from the rest of the extension, in one small interface that
// the composition root fills in (and tests fill with fakes). Type-only imports: nothing here loads code.
import type { FixInput, FixWrite } from '../../core/onboarding/types';
import type { OnboardingChecks } from '../../host/onboarding';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';

/**
 * The prompts of a fix and of the export, shown by VS Code (the host's Ui), never by the page: a page could be made to
 * show a confirmation that lies, VS Code's modal dialog cannot.
 */
export interface OnboardingPrompts {
  /** A quick pick of a 'choice' input's options; the chosen value, or undefined when dismissed. */
  pickChoice(input: Extract<FixInput, { kind: 'choice' }>, title: string): PromiseLike<string | undefined>;
  /** An input box for a user or group: an object id or a user principal name, as typed; undefined when dismissed. */
  askPrincipal(input: Extract<FixInput, { kind: 'principal' }>, title: string): PromiseLike<string | undefined>;
  /** A modal confirmation listing every write (description, method, path); true only when the person confirms. */
  confirmWrites(title: string, description: string, writes: readonly FixWrite[]): PromiseLike<boolean>;
  /** Progress with Cancel; `signal` aborts when the person cancels. */
  withProgress<T>(title: string, work: (progress: { signal: AbortSignal; report(message: string): void }) => Promise<T>): PromiseLike<T>;
  /** Saves the report where the person chooses; where it went, or undefined when cancelled. */
  saveReport(suggestedName: string, markdown: string): PromiseLike<string | undefined>;
  copy(text: string): PromiseLike<void>;
  openExternal(url: string): PromiseLike<unknown>;
}

export interface OnboardingPanelDeps {
  readonly onboarding: OnboardingChecks;
  readonly prompts: OnboardingPrompts;
  /** A user principal name to its object id (Graph); rejects when there is no such user. */
  resolvePrincipal(userPrincipalName: string, signal: AbortSignal): Promise<string>;
  readonly log: RpcLog;
  /** The project's error presenter (message, detail, actions). */
  present(error: unknown): PresentedError;
  /** Runs an error's action (e.g. acg.signIn); only actions this panel presented reach it. */
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}
