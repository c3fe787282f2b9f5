// "Open Settings": the Settings editor filtered to this extension's settings.
import * as vscode from 'vscode';
import type { CommandContext } from '../context';

export async function openSettings(_ctx: CommandContext): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:acg-tools.acg-tools');
}
