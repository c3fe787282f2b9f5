// Shared by the integration tests: the extension's id, the emulator the setup starts, waiting for a condition or an
// event, running a command, and the scripted Ui methods (quick pick, warnings, information, clipboard,
// progress) that both the Gateways and the Enterprises/Numbers tests record.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { Ui } from '../../src/host/ui';

export const EXTENSION_ID = 'acg-tools.acg-tools';
export const EMULATOR_URL_ENV = 'ACG_TEST_EMULATOR_URL';

export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the first event that satisfies `accept`, or rejects after `timeoutMs`. */
export function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

export function run<T>(command: string, ...args: unknown[]): Thenable<T | undefined> {
  return vscode.commands.executeCommand<T | undefined>(command, ...args);
}

/** Activates the extension and points it at the emulator the integration setup started. */
export async function activateInEmulator(): Promise<AcgExtensionApi> {
  const url = process.env[EMULATOR_URL_ENV];
  assert.ok(url, `${EMULATOR_URL_ENV} is set by the integration setup`);
  const extension = vscode.extensions.getExtension<AcgExtensionApi>(EXTENSION_ID);
  assert.ok(extension);
  const api = await extension.activate();
  const config = vscode.workspace.getConfiguration('acg');
  await config.update('emulator.url', url, vscode.ConfigurationTarget.Global);
  await config.update('cloud', 'Emulator', vscode.ConfigurationTarget.Global);
  await until('the Emulator cloud', () => api.host.signIn.cloud.name === 'Emulator');
  return api;
}

/** Signs out, clears the gateway selection and puts the cloud settings back. */
export async function leaveEmulator(api: AcgExtensionApi): Promise<void> {
  await api.host.signIn.signOut();
  await api.host.selection.select(undefined);
  const config = vscode.workspace.getConfiguration('acg');
  await config.update('cloud', undefined, vscode.ConfigurationTarget.Global);
  await config.update('emulator.url', undefined, vscode.ConfigurationTarget.Global);
}

/** Scripted answers for the Ui methods both views' commands use, taken in order. */
export interface UiScript {
  picks?: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined | Promise<vscode.QuickPickItem | undefined>)[];
  warnings?: (string | undefined)[];
  /** Answers to error notifications (the button pressed), taken in order; none: dismissed. */
  errors?: (string | undefined)[];
  /** Cancel the progress when a report matches. */
  cancelProgressOn?: RegExp;
}

/** What those methods were asked to show. */
export interface UiRecord {
  quickPicks: { items: readonly vscode.QuickPickItem[]; options: vscode.QuickPickOptions }[];
  warnings: { message: string; options: vscode.MessageOptions; items: string[] }[];
  /** Error notifications, as the command table showed them (message and buttons). */
  errors: { message: string; items: string[] }[];
  info: string[];
  clipboard: string[];
  progress: { title: string | undefined; reports: string[]; cancelled: boolean }[];
}

type ScriptedUi = Pick<Ui, 'showQuickPick' | 'showWarningMessage' | 'showErrorMessage' | 'showInformationMessage' | 'writeClipboard' | 'withProgress'>;

/** Quick pick, warnings, information, clipboard and progress answered from `answers` and recorded in `recorded`. */
export function scriptedUi(answers: UiScript, recorded: UiRecord): ScriptedUi {
  const picks = [...(answers.picks ?? [])];
  const warnings = [...(answers.warnings ?? [])];
  const errors = [...(answers.errors ?? [])];
  return {
    showQuickPick: async <T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions) => {
      const list = await items;
      recorded.quickPicks.push({ items: list, options });
      const pick = picks.shift();
      assert.ok(pick, `unexpected quick pick: ${options.title ?? ''}`);
      return (await pick(list)) as T | undefined;
    },
    showWarningMessage: (message, options, ...items) => {
      recorded.warnings.push({ message, options, items });
      return Promise.resolve(warnings.shift());
    },
    showErrorMessage: (message, _options, ...items) => {
      recorded.errors.push({ message, items });
      return Promise.resolve(errors.shift());
    },
    showInformationMessage: (message) => {
      recorded.info.push(message);
      return Promise.resolve(undefined);
    },
    writeClipboard: (text) => {
      recorded.clipboard.push(text);
      return Promise.resolve();
    },
    withProgress: (options, task) => {
      const source = new vscode.CancellationTokenSource();
      const entry = { title: options.title, reports: [] as string[], cancelled: false };
      recorded.progress.push(entry);
      return task(
        {
          report: (value) => {
            if (value.message) entry.reports.push(value.message);
            if (answers.cancelProgressOn?.test(value.message ?? '') && !entry.cancelled) {
              entry.cancelled = true;
              source.cancel();
            }
          },
        },
        source.token,
      );
    },
  };
}
