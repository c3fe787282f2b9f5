// The Requests for Information panel's host side in VS Code: one editor panel per gateway, its HTML shell, its RPC
// and its life. Loaded through import() on the first open (or restore), so nothing of it is on the activation path.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { panelHtml, webviewOptions } from '../shared/resources';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { RequestsPanelDeps } from './deps';
import { RequestsHandlers, type RequestsTarget } from './handlers';
import { REQUESTS_VIEW_TYPE } from './ids';
import { requestsProtocol, RequestsStateSchema } from './protocol';

// The host's side of the deps loads with the panel (the register module names only its type).
export { requestsPanelDeps } from './hostDeps';

// No retainContextWhenHidden: the page keeps its filters and selection with setState and reads the requests again
// when shown (one shared, cached read), which costs less than keeping a hidden document alive.
const RETAINS_CONTEXT = false;

/** The open panels, at most one per gateway. */
export class RequestsPanels implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: RequestsPanelDeps,
  ) {}

  show(target: RequestsTarget): void {
    const existing = this.open.get(target.gatewayId.toLowerCase());
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(REQUESTS_VIEW_TYPE, titleOf(target.gatewayName), vscode.ViewColumn.Active, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    this.adopt(panel, target);
  }

  /** A panel VS Code kept across a reload: checks the state the page saved (the gateway id only), then reads afresh. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = v.safeParse(RequestsStateSchema, state);
    if (!parsed.success || this.open.has(parsed.output.gatewayId.toLowerCase())) {
      if (!parsed.success) this.deps.log.warn(`Requests for Information: not restored, its saved state is not usable (${parsed.issues[0]?.message ?? 'no state'}).`);
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel, { gatewayId: parsed.output.gatewayId, gatewayName: parsed.output.gatewayName });
  }

  dispose(): void {
    for (const panel of [...this.open.values()]) panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: RequestsTarget): void {
    const key = target.gatewayId.toLowerCase();
    this.open.set(key, panel);
    const handlers = new RequestsHandlers(this.deps, target);
    panel.title = titleOf(target.gatewayName);
    panel.iconPath = { light: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-light.svg'), dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-dark.svg') };
    const rpc = connectWebviewRpc(panel, {
      protocol: requestsProtocol,
      handlers: handlers.handlers,
      log: this.deps.log,
      present: handlers.actions.present,
      retainsContext: RETAINS_CONTEXT,
    });
    handlers.onProgress = (done, total) => rpc.notify('progress', { done, total });
    const signIn = this.deps.onDidChangeSignIn(() => {
      handlers.forget();
      rpc.notify('refresh', { reason: 'signIn' });
    });
    panel.onDidDispose(() => {
      signIn.dispose();
      handlers.dispose();
      if (this.open.get(key) === panel) this.open.delete(key);
    });
    // Set last: the page's script may say ready as soon as it runs.
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, 'requests', `Requests for information · ${target.gatewayName}`);
  }
}

function titleOf(gatewayName: string): string {
  return `${gatewayName} · Requests for Information`;
}
