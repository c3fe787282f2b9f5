// The Gateway Overview's host side in VS Code: one editor panel per gateway, its HTML shell, its RPC and its life.
// Loaded through import() on the first Open Overview (or restore), so nothing of it is on the activation path.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { panelHtml, webviewOptions } from '../shared/resources';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { GatewayOverviewDeps } from './deps';
import { GatewayOverviewHandlers, type GatewayOverviewTarget } from './handlers';
import { GATEWAY_OVERVIEW_VIEW_TYPE } from './ids';
import { gatewayOverviewProtocol, GatewayOverviewStateSchema } from './protocol';

// No retainContextWhenHidden: the page is a snapshot that re-reads its data when shown again (a few requests), which
// costs less than keeping a hidden document alive for every open gateway.
const RETAINS_CONTEXT = false;

/** The open Gateway Overview panels, at most one per gateway. */
export class GatewayOverviewPanels implements vscode.Disposable {
  private readonly open = new Map<string, GatewayOverviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: GatewayOverviewDeps,
  ) {}

  /** Shows the gateway's panel, opening it if needed. */
  show(target: GatewayOverviewTarget): void {
    const key = target.gatewayId.toLowerCase();
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(GATEWAY_OVERVIEW_VIEW_TYPE, titleOf(target.gatewayName), vscode.ViewColumn.Active, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    this.adopt(panel, target);
  }

  /** A panel VS Code kept across a reload (WebviewPanelSerializer): checks the state the page saved, then reads afresh. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = v.safeParse(GatewayOverviewStateSchema, state);
    if (!parsed.success) {
      this.deps.log.warn(`Gateway Overview: not restored, its saved state is not usable (${parsed.issues[0]?.message ?? 'no state'}).`);
      panel.dispose();
      return;
    }
    const target: GatewayOverviewTarget = { gatewayId: parsed.output.gatewayId, gatewayName: parsed.output.gatewayName };
    const key = target.gatewayId.toLowerCase();
    if (this.open.has(key)) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel, target);
  }

  dispose(): void {
    for (const panel of [...this.open.values()]) panel.panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: GatewayOverviewTarget): void {
    const key = target.gatewayId.toLowerCase();
    const overview = new GatewayOverviewPanel(panel, target, this.deps, this.extensionUri);
    this.open.set(key, overview);
    panel.onDidDispose(() => {
      if (this.open.get(key) === overview) this.open.delete(key);
    });
  }
}

class GatewayOverviewPanel {
  constructor(
    readonly panel: vscode.WebviewPanel,
    target: GatewayOverviewTarget,
    deps: GatewayOverviewDeps,
    extensionUri: vscode.Uri,
  ) {
    const handlers = new GatewayOverviewHandlers(deps, target);
    panel.title = titleOf(target.gatewayName);
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'gateway-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'gateway-dark.svg') };
    const rpc = connectWebviewRpc(panel, {
      protocol: gatewayOverviewProtocol,
      handlers: handlers.handlers,
      log: deps.log,
      present: handlers.actions.present,
      retainsContext: RETAINS_CONTEXT,
    });
    const signIn = deps.onDidChangeSignIn(() => {
      handlers.forget();
      rpc.notify('refresh', { reason: 'signIn' });
    });
    panel.onDidDispose(() => {
      signIn.dispose();
      handlers.dispose();
    });
    // Set last: the page's script may say ready as soon as it runs.
    panel.webview.html = panelHtml(panel.webview, extensionUri, 'gatewayOverview', `${target.gatewayName} overview`);
  }
}

function titleOf(gatewayName: string): string {
  return `${gatewayName} · Overview`;
}
