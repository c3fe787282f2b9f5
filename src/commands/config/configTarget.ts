// Which file a config command acts on: the explorer or editor-title resource it was started from, else the active
// editor, else a pick among the workspace's files of that kind. Shared by the commands in this folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigKind } from '../../core/config';
import { CONFIG_FILE_GLOBS, configKindOf } from '../../core/config/kinds';
import { AcgError } from '../../azure/errors';
import type { Ui } from '../../host/ui';

/** Folders no one keeps configuration in, and that are large. */
export const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';

export interface ConfigTarget {
  readonly uri: vscode.Uri;
  readonly kind: ConfigKind;
  /** The text as the user sees it: the open document's (possibly unsaved) text, else the file on disk. */
  readonly text: string;
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

/**
 * The file to act on. `args` are what VS Code passed: (uri, selectedUris) from menus, a uri from a code action, or
 * nothing from the palette. `kind` may be several kinds (Plan takes a provisioning plan or a gateway file). Undefined
 * when the user cancelled the pick or there is no such file.
 */
export async function pickConfigTarget(ui: Ui, args: readonly unknown[], kind: ConfigKind | readonly ConfigKind[], noun: string): Promise<ConfigTarget | undefined> {
  const kinds: readonly ConfigKind[] = typeof kind === 'string' ? [kind] : kind;
  const globs = kinds.map((k) => CONFIG_FILE_GLOBS[k].slice('**/'.length)).join(' or ');
  const fromArgs = args.find(isUri);
  if (fromArgs) {
    const found = configKindOf(fromArgs.path);
    if (found === undefined || !kinds.includes(found)) throw new AcgError({ kind: 'badRequest', message: `${path.posix.basename(fromArgs.path)} is not ${noun} (${globs}).` });
    return { uri: fromArgs, kind: found, text: await readText(fromArgs) };
  }
  const active = vscode.window.activeTextEditor?.document;
  const activeKind = active ? configKindOf(active.fileName) : undefined;
  if (active && activeKind !== undefined && kinds.includes(activeKind)) return { uri: active.uri, kind: activeKind, text: active.getText() };

  const files = (await Promise.all(kinds.map((k) => vscode.workspace.findFiles(CONFIG_FILE_GLOBS[k], EXCLUDE_GLOB, 500)))).flat();
  if (files.length === 0) {
    void ui.showInformationMessage(`No ${noun} found: open a ${globs} file first.`);
    return undefined;
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const picked = await ui.showQuickPick(
    files.map((uri) => ({ label: path.posix.basename(uri.path), description: vscode.workspace.asRelativePath(uri, true), uri })),
    { title: `Pick ${noun}`, placeHolder: globs, matchOnDescription: true },
  );
  const pickedKind = picked ? configKindOf(picked.uri.path) : undefined;
  return picked && pickedKind ? { uri: picked.uri, kind: pickedKind, text: await readText(picked.uri) } : undefined;
}

/** The open document's text if it is open (it may hold unsaved edits), else the file's. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** `dir/name.acg-numbers.csv` → `dir/name<suffix>`: the file name without its config extension. */
export function siblingUri(uri: vscode.Uri, kind: ConfigKind, suffix: string): vscode.Uri {
  const base = path.posix.basename(uri.path);
  const extension = CONFIG_FILE_GLOBS[kind].slice('**/*'.length); // '.acg-numbers.csv'
  return vscode.Uri.joinPath(uri, '..', `${base.slice(0, base.length - extension.length)}${suffix}`);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
