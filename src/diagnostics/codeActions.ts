// Quick fixes: the engine proposes them with each finding (as text edits on offsets); this turns the ones whose
// finding touches the requested range into WorkspaceEdits. Splitting a plan creates files, so it runs a command that
// asks first, instead of an edit that would apply on a click.
import * as vscode from 'vscode';
import type { ConfigDiagnostic, ConfigFix, ConfigFixCommand } from '../core/config';
import { CONFIG_FILE_GLOBS, CONFIG_KINDS } from '../core/config/kinds';
import { COMMANDS } from '../host/ids';
import type { ConfigDiagnostics } from './configDiagnostics';
import { ruleIdOf, toDiagnostic, toRange, toWorkspaceEdit } from './convert';

/** The language id package.json registers for *.acg-numbers.csv. */
export const NUMBERS_CSV_LANGUAGE = 'acg-numbers-csv';

/** The command each engine fix command runs: both ask before they create files. */
export const FIX_COMMANDS: Readonly<Record<ConfigFixCommand, string>> = {
  splitPlan: COMMANDS.splitPlan,
  splitCsv: COMMANDS.splitCsv,
};

/** The documents quick fixes apply to. Patterns, not languages: a user may have mapped *.json to jsonc. */
export const CONFIG_DOCUMENT_SELECTOR: vscode.DocumentFilter[] = [
  ...CONFIG_KINDS.map((kind) => ({ pattern: CONFIG_FILE_GLOBS[kind] })),
  { language: NUMBERS_CSV_LANGUAGE },
];

export class ConfigCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: ConfigDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const validated = await this.diagnostics.current(document);
    if (!validated) return [];
    const actions: vscode.CodeAction[] = [];
    for (const finding of validated.findings) {
      if (!finding.fixes?.length) continue;
      const findingRange = toRange(document, finding.range);
      if (!findingRange.intersection(range) && !findingRange.contains(range)) continue;
      const shown = matchingDiagnostic(context.diagnostics, finding, findingRange) ?? toDiagnostic(document, finding);
      for (const fix of finding.fixes) actions.push(this.toAction(document, fix, shown));
    }
    return actions;
  }

  private toAction(document: vscode.TextDocument, fix: ConfigFix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred === true;
    if (fix.command) {
      action.command = { command: FIX_COMMANDS[fix.command], title: fix.title, arguments: [document.uri] };
    } else {
      action.edit = toWorkspaceEdit(document, fix);
    }
    return action;
  }
}

/** The diagnostic the editor passed in for this finding, so that applying the fix removes exactly that squiggle. */
function matchingDiagnostic(
  shown: readonly vscode.Diagnostic[],
  finding: ConfigDiagnostic,
  range: vscode.Range,
): vscode.Diagnostic | undefined {
  return shown.find((d) => ruleIdOf(d) === finding.ruleId && d.range.isEqual(range) && d.message === finding.message);
}
