// The Numbers panel's host side in VS Code: one editor panel per gateway and account (or whole gateway), its HTML
// shell, its RPC and its life. Loaded through import() on the first Manage Numbers… (or restore), so nothing of it is
// on the activation path.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { panelHtml, webviewOptions } from '../shared/resources';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { RpcHost } from '../shared/rpcHost';
import type { NumbersGridDeps, NumbersGridHostDeps } from './deps';
import { openExportFile } from './exportFile';
import { NumbersGridHandlers, type Notify, type NumbersGridTarget } from './handlers';
import { NUMBERS_GRID_VIEW_TYPE } from './ids';
import { numbersGridProtocol, NumbersGridStateSchema, type NumbersGridProtocol } from './protocol';

// No retainContextWhenHidden: the page keeps its filter, page and selection with setState and reads its page again
// when shown, which costs one request instead of a hidden document per open panel.
const RETAINS_CONTEXT = false;

function keyOf(target: Pick<NumbersGridTarget, 'gatewayId' | 'account'>): string {
  return `${target.gatewayId.toLowerCase()}|${target.account ?? '*'}`;
}

/** The open Numbers panels, at most one per gateway and account. */
export class NumbersGridPanels implements vscode.Disposable {
  private readonly open = new Map<string, NumbersGridPanel>();
  private readonly deps: NumbersGridDeps;

  constructor(
    private readonly extensionUri: vscode.Uri,
    deps: NumbersGridHostDeps,
  ) {
    this.deps = { ...deps, openExportFile };
  }

  /** Shows the panel of the target, opening it if needed; an open one is asked to reveal the target's number. */
  show(target: NumbersGridTarget): NumbersGridHandlers {
    const existing = this.open.get(keyOf(target));
    if (existing) {
      existing.panel.reveal();
      if (target.reveal) existing.rpc.notify('reveal', target.reveal);
      return existing.handlers;
    }
    const panel = vscode.window.createWebviewPanel(NUMBERS_GRID_VIEW_TYPE, titleOf(target), vscode.ViewColumn.Active, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    return this.adopt(panel, target).handlers;
  }

  /** A panel VS Code kept across a reload: checks the state the page saved, then reads afresh (the domain from ARM). */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = v.safeParse(NumbersGridStateSchema, state);
    if (!parsed.success) {
      this.deps.log.warn(`Numbers panel: not restored, its saved state is not usable (${parsed.issues[0]?.message ?? 'no state'}).`);
      panel.dispose();
      return;
    }
    const { gatewayId, gatewayName, account } = parsed.output;
    const target: NumbersGridTarget = { gatewayId, gatewayName, ...(account === undefined ? {} : { account }) };
    if (this.open.has(keyOf(target))) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    this.adopt(panel, target);
  }

  dispose(): void {
    for (const open of [...this.open.values()]) open.panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: NumbersGridTarget): NumbersGridPanel {
    const key = keyOf(target);
    const grid = new NumbersGridPanel(panel, target, this.deps, this.extensionUri);
    this.open.set(key, grid);
    panel.onDidDispose(() => {
      if (this.open.get(key) === grid) this.open.delete(key);
    });
    return grid;
  }
}

class NumbersGridPanel {
  readonly handlers: NumbersGridHandlers;
  readonly rpc: RpcHost<NumbersGridProtocol>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    target: NumbersGridTarget,
    deps: NumbersGridDeps,
    extensionUri: vscode.Uri,
  ) {
    // The handlers notify through the RPC, which needs the handlers: bound once both exist.
    const link: { rpc?: RpcHost<NumbersGridProtocol> } = {};
    const notify: Notify = (method, data) => link.rpc?.notify(method, data);
    this.handlers = new NumbersGridHandlers(deps, target, notify);
    panel.title = titleOf(target);
    const rpc = connectWebviewRpc(panel, {
      protocol: numbersGridProtocol,
      handlers: this.handlers.handlers,
      log: deps.log,
      present: this.handlers.actions.present,
      retainsContext: RETAINS_CONTEXT,
    });
    this.rpc = rpc;
    link.rpc = rpc;
    const signIn = deps.onDidChangeSignIn(() => {
      this.handlers.forget();
      rpc.notify('refresh', { reason: 'signIn' });
    });
    panel.onDidDispose(() => {
      signIn.dispose();
      this.handlers.dispose();
    });
    // Set last: the page's script may say ready as soon as it runs.
    panel.webview.html = panelHtml(panel.webview, extensionUri, 'numbers', titleOf(target));
  }
}

function titleOf(target: Pick<NumbersGridTarget, 'gatewayName' | 'account'>): string {
  return `${target.account ?? `${target.gatewayName} (all accounts)`} · Numbers`;
}
