// Shared by the config integration tests: opening samples, waiting for diagnostics (events, never sleeps), and
// comparing what VS Code shows with what the engine computes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { configKindOf, validateConfig, type ConfigDiagnostic } from '../../src/core/config';

export const EXTENSION_ID = 'acg-tools.acg-tools';

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  await extension.activate();
  return extension;
}

export function sampleUri(extension: vscode.Extension<unknown>, name: string): vscode.Uri {
  return vscode.Uri.file(path.join(extension.extensionPath, 'samples', name));
}

/** The temporary workspace folder the runner opens: tests write copies here, never into samples/. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder');
  return folder.uri;
}

/** Copies a sample into the workspace folder (overwriting an earlier copy) and returns the copy. */
export async function copySample(extension: vscode.Extension<unknown>, name: string, as = name): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(workspaceFolder(), as);
  await vscode.workspace.fs.copy(sampleUri(extension, name), target, { overwrite: true });
  return target;
}

export function acgDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'acg');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.length === 0 ? '(none)' : diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ');
}

/**
 * Resolves with the acg diagnostics of `uri` once `accept` holds for them: at once if it already does, else on the
 * onDidChangeDiagnostics event that makes it hold. Rejects after `timeoutMs` with what was there last.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (diagnostics: vscode.Diagnostic[]): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    };
    // Subscribe before looking, so that a change between the two cannot be missed.
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const current = acgDiagnostics(uri);
      if (accept(current)) done(current);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describe(acgDiagnostics(uri))}`));
    }, timeoutMs);
    const now = acgDiagnostics(uri);
    if (accept(now)) done(now);
  });
}

export { nextEvent } from './helpers';

/**
 * Opens `uri` as a person would (vscode.open), not through workspace.openTextDocument: VS Code keeps documents an
 * extension opened alive for minutes after their editor closes, so only this way does closing the editor close the
 * document promptly.
 */
export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document.uri.toString() === uri.toString(), `${uri.toString(true)} is the active editor`);
  return editor;
}

/** What the engine finds in the document's text, in VS Code terms: the expectation for the diagnostics shown. */
export function expectedFindings(document: vscode.TextDocument): { finding: ConfigDiagnostic; range: vscode.Range }[] {
  const kind = configKindOf(document.fileName);
  assert.ok(kind, `${document.fileName} is a config file`);
  return validateConfig(kind, document.getText()).map((finding) => ({
    finding,
    range: new vscode.Range(document.positionAt(finding.range.start), document.positionAt(finding.range.end)),
  }));
}

/** The single acg diagnostic with this code whose range covers exactly `text` (the first occurrence after `after`). */
export function diagnosticAt(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[], code: string, text: string, after = 0): vscode.Diagnostic {
  const offset = document.getText().indexOf(text, after);
  assert.ok(offset >= 0, `${text} is in ${path.basename(document.fileName)}`);
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
  const found = diagnostics.find((d) => codeOf(d) === code && d.range.isEqual(range));
  assert.ok(found, `${code} on ${text} (${range.start.line + 1}:${range.start.character + 1}); shown: ${describe(diagnostics)}`);
  return found;
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // The provider API returns CodeActions; a plain Command (command: string) would be some other extension's.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as { command?: unknown }).command !== 'string');
}

/** Closes every editor without saving: copies in the workspace folder may hold applied fixes, and a dirty editor
 * would otherwise ask "Save changes?" and block the run. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs));
}
