// The window calls the Enterprises and Numbers commands make: the shared CommandUi (so an override of it applies
// here too) plus a multi-select quick pick, which CommandUi does not have. Integration tests script the answers with
// `override`, so the commands run unchanged against the emulator without anyone clicking.
import * as vscode from 'vscode';
import type { CommandUi } from '../../views/tree';

export interface Prompts extends CommandUi {
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
}

type PromptOverrides = Partial<Prompts>;

export class OverridablePrompts implements Prompts {
  private overrides: PromptOverrides = {};

  constructor(private readonly base: CommandUi) {}

  /** Replaces some methods until the returned Disposable is disposed (tests only). */
  override(overrides: PromptOverrides): vscode.Disposable {
    const previous = this.overrides;
    this.overrides = { ...previous, ...overrides };
    return new vscode.Disposable(() => {
      this.overrides = previous;
    });
  }

  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    if (this.overrides.showQuickPickMany) return this.overrides.showQuickPickMany(items, options);
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  }

  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined> {
    return (this.overrides.showInputBox ?? ((o, t) => this.base.showInputBox(o, t)))(options, token);
  }

  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }, token?: vscode.CancellationToken): Thenable<T | undefined> {
    return this.overrides.showQuickPick ? this.overrides.showQuickPick(items, options, token) : this.base.showQuickPick(items, options, token);
  }

  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined> {
    return (this.overrides.showWarningMessage ?? ((m, o, ...i) => this.base.showWarningMessage(m, o, ...i)))(message, options, ...items);
  }

  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined> {
    return (this.overrides.showInformationMessage ?? ((m, ...i) => this.base.showInformationMessage(m, ...i)))(message, ...items);
  }

  writeClipboard(text: string): Thenable<void> {
    return (this.overrides.writeClipboard ?? ((t) => this.base.writeClipboard(t)))(text);
  }

  openExternal(uri: vscode.Uri): Thenable<boolean> {
    return (this.overrides.openExternal ?? ((u) => this.base.openExternal(u)))(uri);
  }

  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
    return this.overrides.withProgress ? this.overrides.withProgress(options, task) : this.base.withProgress(options, task);
  }
}
