// Shared by "Split Provisioning Plan" and "Split Number CSV": the engine cuts the text into parts; this shows which
// files will be created, asks, and then applies one WorkspaceEdit (the original keeps the first part, the
// others are created next to it), and saves. Nothing is overwritten: an existing part file stops the split before any
// change.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SplitPart } from '../../core/config';
import { partFileName } from '../../core/config/kinds';
import { AcgError } from '../../azure/errors';
import type { Ui } from '../../host/ui';
import { exists, type ConfigTarget } from './configTarget';

export interface SplitOutcome {
  /** The created files, in order; empty when nothing needed splitting or the user said no. */
  readonly created: vscode.Uri[];
}

export async function splitConfigFile(
  host: { readonly ui: Ui; readonly log: vscode.LogOutputChannel },
  target: ConfigTarget,
  parts: readonly SplitPart[],
  noun: { what: string; unit: string },
): Promise<SplitOutcome> {
  const { ui, log } = host;
  const name = path.posix.basename(target.uri.path);
  if (parts.length < 2) {
    void ui.showInformationMessage(`${name} is within the limit: nothing to split.`);
    return { created: [] };
  }
  const newParts = parts.filter((p) => p.fileSuffix !== '');
  const first = parts.find((p) => p.fileSuffix === '');
  const uris = newParts.map((p) => vscode.Uri.joinPath(target.uri, '..', partFileName(name, p.fileSuffix)));
  const taken: string[] = [];
  for (const uri of uris) if (await exists(uri)) taken.push(path.posix.basename(uri.path));
  if (taken.length > 0) {
    throw new AcgError({ kind: 'conflict', message: `Cannot split ${name}: ${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}. Move or delete ${taken.length === 1 ? 'it' : 'them'} first.` });
  }

  const list = uris.map((u) => `  • ${path.posix.basename(u.path)}`).join('\n');
  const choice = await ui.showWarningMessage(
    `Split ${name} into ${parts.length} files?`,
    {
      modal: true,
      detail:
        `${name} keeps the first part${first ? '' : ' (emptied)'}. New files next to it:\n${list}\n\n` +
        `Each file stays within the ${noun.unit} limit of ${noun.what}. The new files and the shortened original are saved at once.`,
    },
    'Split',
  );
  if (choice !== 'Split') return { created: [] };

  const edit = new vscode.WorkspaceEdit();
  const encoder = new TextEncoder();
  newParts.forEach((part, i) => edit.createFile(uris[i]!, { overwrite: false, contents: encoder.encode(part.text) }));
  if (first) {
    // Replace through the open document when there is one, so that the editor's undo stack holds the change.
    const document = await vscode.workspace.openTextDocument(target.uri);
    edit.replace(target.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), first.text);
  }
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied) throw new Error(`Could not split ${name}: VS Code did not apply the change (is the folder read-only?).`);
  // The new parts are on disk already; save the shortened original too, or a pipeline reading the folder would see
  // every number twice (once in the unsplit original, once in a part).
  if (first) await (await vscode.workspace.openTextDocument(target.uri)).save();
  log.info(`Split ${target.uri.toString(true)} into ${parts.length} files: ${uris.map((u) => u.path).join(', ')}`);
  const open = 'Open First New File';
  void ui.showInformationMessage(`Split ${name} into ${parts.length} files.`, open).then((picked) => {
    if (picked === open && uris[0]) void ui.showTextDocument(uris[0], { preview: false });
  });
  return { created: uris };
}
