// Engine results (offsets into the text) to VS Code objects (positions in a TextDocument). Kept apart from the
// manager so that the code action provider and the workspace command convert the same way.
import * as vscode from 'vscode';
import type { ConfigDiagnostic, ConfigFix } from '../core/config';
import type { PositionSource } from './textPositions';

/**
 * The collection's name and the diagnostics' `source`. The `$acg` problem matcher (package.json) uses the same source,
 * so findings read alike in Problems, but its own owner ('acg-cli'): a task run clears its owner's markers, and must
 * not clear the live ones of open editors.
 */
export const DIAGNOSTIC_SOURCE = 'acg';

/** Offsets as the engine reports them; `positionAt` clamps anything out of range to the document's end. */
export function toRange(document: PositionSource, range: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

function toSeverity(severity: ConfigDiagnostic['severity']): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** The link in the hover and the Problems view: the rule id, opening the rule's source. */
function toCode(diagnostic: ConfigDiagnostic): vscode.Diagnostic['code'] {
  try {
    return { value: diagnostic.ruleId, target: vscode.Uri.parse(diagnostic.sourceUrl, true) };
  } catch {
    // A malformed link must not cost the diagnostic itself.
    return diagnostic.ruleId;
  }
}

export function toDiagnostic(document: PositionSource, diagnostic: ConfigDiagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(document, diagnostic.range), diagnostic.message, toSeverity(diagnostic.severity));
  result.source = DIAGNOSTIC_SOURCE;
  result.code = toCode(diagnostic);
  if (diagnostic.related?.length) {
    result.relatedInformation = diagnostic.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, related.range)), related.message),
    );
  }
  return result;
}

/** The rule id of a VS Code diagnostic we made (the `code` may be a plain string or `{ value, target }`). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** A fix's text edits as one WorkspaceEdit on `document`. */
export function toWorkspaceEdit(document: PositionSource, fix: ConfigFix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of fix.edits) edit.replace(document.uri, toRange(document, change.range), change.newText);
  return edit;
}
