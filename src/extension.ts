// Composition root: build the services once and register the faces. No logic lives here.
import * as vscode from 'vscode';
import { registerCommand } from './commands/registerCommand';
import { currentCloudName, selectCloud } from './commands/selectCloud';
import { registerPlaceholderViews } from './views/registerViews';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Communications Gateway', { log: true });
  context.subscriptions.push(log);
  log.info(`Activated (${vscode.env.appName} ${vscode.version}, cloud ${currentCloudName()})`);

  registerPlaceholderViews(context);
  registerCommand(context, log, 'acg.showLog', () => log.show());
  registerCommand(context, log, 'acg.openSettings', () =>
    vscode.commands.executeCommand('workbench.action.openSettings', '@ext:acg-tools.acg-tools'),
  );
  registerCommand(context, log, 'acg.selectCloud', () => selectCloud(log));
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions.
}
