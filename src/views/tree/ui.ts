// The few window calls commands make, behind one small interface. Production passes VS Code's own; integration tests
// swap in scripted answers (`override`) instead of monkey-patching vscode.window, so the code under test is unchanged.
import * as vscode from 'vscode';

export interface CommandUi {
  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }, token?: vscode.CancellationToken): Thenable<T | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  writeClipboard(text: string): Thenable<void>;
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

export const vscodeUi: CommandUi = {
  showInputBox: (options, token) => vscode.window.showInputBox(options, token),
  showQuickPick: (items, options, token) => vscode.window.showQuickPick(items, options, token),
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, ...items),
  writeClipboard: (text) => vscode.env.clipboard.writeText(text),
  openExternal: (uri) => vscode.env.openExternal(uri),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
};

/** A CommandUi whose methods can be replaced for a while (tests only). Everything not replaced is VS Code's. */
export class OverridableUi implements CommandUi {
  private overrides: Partial<CommandUi> = {};

  constructor(private readonly base: CommandUi = vscodeUi) {}

  /** Replaces some methods until the returned Disposable is disposed. */
  override(overrides: Partial<CommandUi>): vscode.Disposable {
    const previous = this.overrides;
    this.overrides = { ...previous, ...overrides };
    return new vscode.Disposable(() => {
      this.overrides = previous;
    });
  }

  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined> {
    return (this.overrides.showInputBox ?? this.base.showInputBox)(options, token);
  }

  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }, token?: vscode.CancellationToken): Thenable<T | undefined> {
    const pick = this.overrides.showQuickPick ?? this.base.showQuickPick;
    return pick(items, options, token);
  }

  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined> {
    return (this.overrides.showWarningMessage ?? this.base.showWarningMessage)(message, options, ...items);
  }

  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined> {
    return (this.overrides.showInformationMessage ?? this.base.showInformationMessage)(message, ...items);
  }

  writeClipboard(text: string): Thenable<void> {
    return (this.overrides.writeClipboard ?? this.base.writeClipboard)(text);
  }

  openExternal(uri: vscode.Uri): Thenable<boolean> {
    return (this.overrides.openExternal ?? this.base.openExternal)(uri);
  }

  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
    const run = this.overrides.withProgress ?? this.base.withProgress;
    return run(options, task);
  }
}
