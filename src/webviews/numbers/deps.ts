// Everything the Numbers panel's host side needs from the rest of the extension, in one small interface that the
// composition root fills in (and tests fill with fakes). Type-only imports: nothing here loads code.
import type { NumbersChange } from '../../host/numberChanges';
import type { AcgServices } from '../../host/services';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';
import type { GridExportFormat } from './protocol';

/** Where an export is written: text goes to a file that appears under its name only on commit. */
export interface ExportFileSink {
  write(text: string): Promise<void>;
  /** Makes the file appear (renames the partial file over the chosen name). */
  commit(): Promise<void>;
  /** Removes the partial file; the chosen name is left as it was. */
  abort(): Promise<void>;
}

export interface ProgressWork<T> {
  (progress: { readonly signal: AbortSignal; report(message: string, increment?: number): void }): Promise<T>;
}

export interface NumbersGridDeps {
  /** The clients of the current sign-in; rejects with AcgError notSignedIn when signed out. */
  services(): Promise<AcgServices>;
  readonly log: RpcLog;
  /** The project's error presenter (message, detail, actions). */
  present(error: unknown): PresentedError;
  /** Numbers per grid page (acg.numbers.pageSize, clamped to what the service honours). */
  pageSize(): number;
  /**
   * VS Code's modal warning with the exact change; true only when the person chose `confirmLabel`. Shown by the host,
   * never by the page: a page could be made to show a confirmation that lies, VS Code's modal dialog cannot.
   */
  confirm(message: string, detail: string, confirmLabel: string): PromiseLike<boolean>;
  /** Progress with Cancel (a notification); `signal` aborts when the person cancels. */
  withProgress<T>(title: string, work: ProgressWork<T>): PromiseLike<T>;
  /** The save dialog for an export: the chosen file's path, or undefined when the person cancels it. */
  pickExportPath(suggestedName: string, format: GridExportFormat): PromiseLike<string | undefined>;
  /** Opens the export file at `path` (./exportFile.ts; tests write to memory). */
  openExportFile(path: string): Promise<ExportFileSink>;
  /** Host.numberChanges: what the extension wrote, settled or deleted. */
  onDidChangeNumbers(listener: (change: NumbersChange) => void): { dispose(): unknown };
  fireNumbersChange(change: NumbersChange): void;
  /** Fires after every sign-in, sign-out, tenant or cloud change. */
  onDidChangeSignIn(listener: () => void): { dispose(): unknown };
  /** Runs a command: an error's action (only ones this panel presented), or the number editor's commands. */
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}

/** What the composition root gives: everything but the export file, which the panel module brings (it needs node:fs). */
export type NumbersGridHostDeps = Omit<NumbersGridDeps, 'openExportFile'>;
