// Where a generated file goes: an unsaved editor beside the source (named so that saving puts it next to the source),
// or straight to disk next to the source. Shared by the convert and PowerShell commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ui } from '../../host/ui';
import { exists } from './configTarget';

export type Destination = 'untitled' | 'save';

/** Options a caller (a keybinding's args, another extension, a test) can pass instead of being asked. */
export interface GenerateOptions {
  destination?: Destination;
}

export function isGenerateOptions(value: unknown): value is GenerateOptions {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri || Array.isArray(value)) return false;
  const destination = (value as Record<string, unknown>)['destination'];
  return destination === 'untitled' || destination === 'save';
}

/** Asks where the generated file should go; undefined when the user cancels. */
export async function askDestination(ui: Ui, target: vscode.Uri, title: string): Promise<Destination | undefined> {
  const name = path.posix.basename(target.path);
  const picked = await ui.showQuickPick(
    [
      { label: '$(split-horizontal) Open beside, unsaved', detail: `Review it first; Save puts it at ${name}`, destination: 'untitled' as const },
      { label: '$(save) Save next to the source', detail: `Writes ${vscode.workspace.asRelativePath(target)}`, destination: 'save' as const },
    ],
    { title, placeHolder: `Where should ${name} go?` },
  );
  return picked?.destination;
}

/**
 * Shows `text` as `target`: an untitled editor whose path is `target` (so Save suggests that place), or the file
 * itself, written after asking before an existing file is replaced. Returns the editor, undefined when cancelled.
 */
export async function openGenerated(
  ui: Ui,
  target: vscode.Uri,
  text: string,
  destination: Destination,
  languageId?: string,
): Promise<vscode.TextEditor | undefined> {
  if (destination === 'save') {
    if (await exists(target)) {
      const name = path.posix.basename(target.path);
      const replace = await ui.showWarningMessage(`${name} already exists. Replace it?`, { modal: true }, 'Replace');
      if (replace !== 'Replace') return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    return ui.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }
  // Same path again (converted twice) reuses the untitled document: replace its text rather than open a second one.
  let document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not write the generated text into ${document.uri.toString(true)}.`);
  if (languageId && document.languageId !== languageId) document = await vscode.languages.setTextDocumentLanguage(document, languageId);
  return ui.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}
