// Every prompt, pick, confirmation, message, dialog and progress a command or view shows goes through one `Ui`.
// Production passes VS Code's window; the integration tests script answers on the same object (`ScriptableUi.script`)
// instead of monkey-patching vscode.window, so the code under test runs unchanged. The signatures are VS Code's own,
// so reading a command reads like reading any extension.
import * as vscode from 'vscode';

export type ProgressTask<R> = (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>;

export interface Ui {
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }, token?: vscode.CancellationToken): Thenable<T | undefined>;
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions, token?: vscode.CancellationToken): Thenable<readonly T[] | undefined>;
  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined>;
  /** Also the confirmation of every destructive action: `{ modal: true, detail }` says what will change. */
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  showTextDocument(document: vscode.TextDocument | vscode.Uri, options?: vscode.TextDocumentShowOptions): Thenable<vscode.TextEditor>;
  writeClipboard(text: string): Thenable<void>;
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  withProgress<R>(options: vscode.ProgressOptions, task: ProgressTask<R>): Thenable<R>;
}

export const vscodeUi: Ui = {
  showQuickPick: (items, options, token) => vscode.window.showQuickPick(items, options, token),
  showQuickPickMany: (items, options, token) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }, token),
  showInputBox: (options, token) => vscode.window.showInputBox(options, token),
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, ...items),
  showErrorMessage: (message, options, ...items) => vscode.window.showErrorMessage(message, options, ...items),
  showOpenDialog: (options) => vscode.window.showOpenDialog(options),
  showSaveDialog: (options) => vscode.window.showSaveDialog(options),
  showTextDocument: (document, options) =>
    document instanceof vscode.Uri ? vscode.window.showTextDocument(document, options) : vscode.window.showTextDocument(document, options),
  writeClipboard: (text) => vscode.env.clipboard.writeText(text),
  openExternal: (uri) => vscode.env.openExternal(uri),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
};

/**
 * The Ui the extension runs with: VS Code's, unless a test scripted some methods for a while. Only what a test
 * replaces differs; everything else is the real window.
 */
export class ScriptableUi implements Ui {
  private scripted: Partial<Ui> = {};

  constructor(private readonly base: Ui = vscodeUi) {}

  /** Replaces some methods until the returned Disposable is disposed (tests only). */
  script(answers: Partial<Ui>): vscode.Disposable {
    const previous = this.scripted;
    this.scripted = { ...previous, ...answers };
    return new vscode.Disposable(() => {
      this.scripted = previous;
    });
  }

  private use<K extends keyof Ui>(name: K): Ui[K] {
    return this.scripted[name] ?? this.base[name];
  }

  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }, token?: vscode.CancellationToken): Thenable<T | undefined> {
    return this.use('showQuickPick')(items, options, token);
  }

  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions, token?: vscode.CancellationToken): Thenable<readonly T[] | undefined> {
    return this.use('showQuickPickMany')(items, options, token);
  }

  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined> {
    return this.use('showInputBox')(options, token);
  }

  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined> {
    return this.use('showWarningMessage')(message, options, ...items);
  }

  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined> {
    return this.use('showInformationMessage')(message, ...items);
  }

  showErrorMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined> {
    return this.use('showErrorMessage')(message, options, ...items);
  }

  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined> {
    return this.use('showOpenDialog')(options);
  }

  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> {
    return this.use('showSaveDialog')(options);
  }

  showTextDocument(document: vscode.TextDocument | vscode.Uri, options?: vscode.TextDocumentShowOptions): Thenable<vscode.TextEditor> {
    return this.use('showTextDocument')(document, options);
  }

  writeClipboard(text: string): Thenable<void> {
    return this.use('writeClipboard')(text);
  }

  openExternal(uri: vscode.Uri): Thenable<boolean> {
    return this.use('openExternal')(uri);
  }

  withProgress<R>(options: vscode.ProgressOptions, task: ProgressTask<R>): Thenable<R> {
    return this.use('withProgress')(options, task);
  }
}
