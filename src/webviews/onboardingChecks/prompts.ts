// The panel's prompts in VS Code, through the host's one Ui (so integration tests script them): quick pick and input
// box for a fix's inputs, the MODAL confirmation that lists every write, progress with Cancel, and the save dialog of
// the report.
import * as vscode from 'vscode';
import type { FixWrite } from '../../core/onboarding/types';
import { runWithProgress } from '../../host/progress';
import type { Ui } from '../../host/ui';
import type { OnboardingPrompts } from './deps';

/** The confirmation's button: nothing is written unless the person presses it. */
export const APPLY_FIX = 'Apply';

const SERVICE_NAMES: Readonly<Record<FixWrite['service'], string>> = { graph: 'Microsoft Graph', arm: 'Azure Resource Manager' };

/** The confirmation's detail: what the fix does, then each write with its method and path. */
export function writesDetail(description: string, writes: readonly FixWrite[]): string {
  const lines = writes.map((w, i) => `${i + 1}. ${w.description}\n    ${w.method} ${SERVICE_NAMES[w.service]} ${w.path}`);
  return `${description}\n\n${lines.join('\n')}`;
}

export function vscodePrompts(ui: Ui): OnboardingPrompts {
  return {
    async pickChoice(input, title) {
      const picked = await ui.showQuickPick(
        input.options.map((option) => ({ label: option.label, description: option.value === option.label ? undefined : option.value, value: option.value })),
        { title, placeHolder: input.label, ignoreFocusOut: true },
      );
      return picked?.value;
    },
    askPrincipal(input, title) {
      return ui.showInputBox({
        title,
        prompt: `${input.label}: an object id, or a user principal name (name@contoso.com)`,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? 'Enter an object id or a user principal name.' : undefined),
      });
    },
    async confirmWrites(title, description, writes) {
      const count = writes.length === 1 ? 'one change' : `${writes.length} changes`;
      const answer = await ui.showWarningMessage(`${title}: make ${count}?`, { modal: true, detail: writesDetail(description, writes) }, APPLY_FIX);
      return answer === APPLY_FIX;
    },
    withProgress: (title, work) => runWithProgress(ui, title, ({ signal, report }) => work({ signal, report: (message) => report(message) })),
    async saveReport(suggestedName, markdown) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await ui.showSaveDialog({
        title: 'Export Onboarding Report',
        saveLabel: 'Export',
        filters: { Markdown: ['md'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggestedName) } : {}),
      });
      if (!target) return undefined;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
      await ui.showTextDocument(target, { preview: false });
      return target.scheme === 'file' ? target.fsPath : target.toString(true);
    },
    copy: (text) => ui.writeClipboard(text),
    openExternal: (url) => ui.openExternal(vscode.Uri.parse(url, true)),
  };
}
