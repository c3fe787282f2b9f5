// Everything the plan summary panel's host side needs from the rest of the extension, in one small interface that
// extension.ts fills and tests fill with fakes. Type-only imports.
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';

export interface PlanSummaryDeps {
  readonly log: RpcLog;
  /** The project's error presenter (message, detail, actions). */
  present(error: unknown): PresentedError;
  /** Runs a command of this extension: Apply / Resume / Plan with an argument object, or an error's action. */
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}

/** The commands the panel's buttons run (the ids live in src/host/ids.ts; passed in so the handlers stay free of it). */
export interface PlanSummaryCommands {
  readonly plan: string;
  readonly apply: string;
  readonly resume: string;
}
