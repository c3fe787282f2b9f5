// The plan summary panel's host side in VS Code: one panel per desired file, beside the diff view, updated in place by
// a new plan or an apply's outcome. Loaded through import() on the first Plan, so nothing of it is on the activation
// path. Not restored after a reload: a plan is one reading of the live state, and an old one shown as current would
// mislead; planning again takes one click.
import * as vscode from 'vscode';
import type { PlanSummaryView } from '../../core/apply/planSummary';
import { panelHtml, webviewOptions } from '../shared/resources';
import type { RpcHost } from '../shared/rpcHost';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { PlanSummaryCommands, PlanSummaryDeps } from './deps';
import { PlanSummaryHandlers } from './handlers';
import { PLAN_SUMMARY_VIEW_TYPE } from './ids';
import { planSummaryProtocol, type PlanSummaryProtocol } from './protocol';

// No retainContextWhenHidden: the page asks for the summary again (held here) when it is shown again.
const RETAINS_CONTEXT = false;

interface OpenPanel {
  readonly panel: vscode.WebviewPanel;
  readonly handlers: PlanSummaryHandlers;
  readonly rpc: RpcHost<PlanSummaryProtocol>;
}

export class PlanSummaryPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: PlanSummaryDeps,
    private readonly commands: PlanSummaryCommands,
  ) {}

  show(view: PlanSummaryView): void {
    const existing = this.open.get(view.desiredUri);
    if (existing) {
      existing.handlers.update(view);
      existing.panel.title = titleOf(view);
      existing.rpc.notify('update', view);
      if (!existing.panel.visible) existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PLAN_SUMMARY_VIEW_TYPE, titleOf(view), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    const handlers = new PlanSummaryHandlers(this.deps, this.commands, view, () => {
      if (this.open.get(view.desiredUri)?.panel === panel) panel.reveal(undefined, false);
    });
    const rpc = connectWebviewRpc(panel, { protocol: planSummaryProtocol, handlers: handlers.handlers, log: this.deps.log, present: handlers.actions.present, retainsContext: RETAINS_CONTEXT });
    this.open.set(view.desiredUri, { panel, handlers, rpc });
    panel.onDidDispose(() => {
      if (this.open.get(view.desiredUri)?.panel === panel) this.open.delete(view.desiredUri);
    });
    // Set last: the page's script may say ready as soon as it runs.
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, 'planSummary', `Plan · ${view.fileName}`);
  }

  dispose(): void {
    for (const { panel } of [...this.open.values()]) panel.dispose();
  }
}

function titleOf(view: PlanSummaryView): string {
  return `Plan · ${view.fileName}`;
}
