// The Account panel's host side in VS Code: one editor panel per account of a gateway, its HTML shell, its RPC, its
// prompts (VS Code's modal dialogs, through the host's one Ui so integration tests can answer them) and its life.
// Loaded through import() on the first Open Account (or restore), so nothing of it is on the activation path.
import * as v from 'valibot';
import * as vscode from 'vscode';
import type { Ui } from '../../host/ui';
import { panelHtml, webviewOptions } from '../shared/resources';
import { connectWebviewRpc } from '../shared/webviewRpc';
import type { AccountPanelDeps, AccountPrompts } from './deps';
import { AccountHandlers, type AccountTarget, type Notify } from './handlers';
import { ACCOUNT_VIEW_TYPE } from './ids';
import { accountProtocol, AccountStateSchema } from './protocol';

// No retainContextWhenHidden: the page re-reads the account when shown again (a few requests), which costs less than
// keeping a hidden document alive for every open account.
const RETAINS_CONTEXT = false;

/** The buttons of the 412 dialog. */
export const REAPPLY = 'Reload and Re-apply';
export const RELOAD = 'Reload';

/** What the composition root passes: the panel's deps, with the host's Ui for its prompts. */
export type AccountPanelHostDeps = Omit<AccountPanelDeps, 'prompts'> & { readonly ui: Ui };

export function vscodeAccountPrompts(ui: Ui): AccountPrompts {
  return {
    async confirm(message, detail, button) {
      return (await ui.showWarningMessage(message, { modal: true, detail }, button)) === button;
    },
    async conflict(message, detail) {
      const answer = await ui.showWarningMessage(message, { modal: true, detail }, REAPPLY, RELOAD);
      return answer === REAPPLY ? 'reapply' : answer === RELOAD ? 'reload' : undefined;
    },
  };
}

function keyOf(target: Pick<AccountTarget, 'gatewayId' | 'account'>): string {
  // Account names are case-sensitive in the service; gateway ids are not.
  return `${target.gatewayId.toLowerCase()}/${target.account}`;
}

/** The open Account panels, at most one per account. */
export class AccountPanels implements vscode.Disposable {
  private readonly open = new Map<string, { readonly panel: vscode.WebviewPanel; readonly handlers: AccountHandlers }>();
  private readonly deps: AccountPanelDeps;

  constructor(
    private readonly extensionUri: vscode.Uri,
    hostDeps: AccountPanelHostDeps,
  ) {
    const { ui, ...rest } = hostDeps;
    this.deps = { ...rest, prompts: vscodeAccountPrompts(ui) };
  }

  /** Shows the account's panel, opening it if needed. */
  show(target: AccountTarget): void {
    const existing = this.open.get(keyOf(target));
    if (existing) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(ACCOUNT_VIEW_TYPE, titleOf(target.account), vscode.ViewColumn.Active, {
      ...webviewOptions(this.extensionUri),
      enableFindWidget: true,
      retainContextWhenHidden: RETAINS_CONTEXT,
    });
    this.adopt(panel, target);
  }

  /** A panel VS Code kept across a reload (WebviewPanelSerializer): checks the state the page saved, then reads afresh. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = v.safeParse(AccountStateSchema, state);
    if (!parsed.success) {
      this.deps.log.warn(`Account: not restored, its saved state is not usable (${parsed.issues[0]?.message ?? 'no state'}).`);
      panel.dispose();
      return;
    }
    const target: AccountTarget = { gatewayId: parsed.output.gatewayId, gatewayName: parsed.output.gatewayName, account: parsed.output.account };
    if (this.open.has(keyOf(target))) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    try {
      this.adopt(panel, target);
    } catch (error) {
      this.deps.log.warn(`Account: not restored (${error instanceof Error ? error.message : String(error)}).`);
      panel.dispose();
    }
  }

  /** The request handlers of an open panel: what its page reaches through the RPC (integration tests drive them). */
  handlersOf(target: Pick<AccountTarget, 'gatewayId' | 'account'>): AccountHandlers['handlers'] | undefined {
    return this.open.get(keyOf(target))?.handlers.handlers;
  }

  dispose(): void {
    for (const open of [...this.open.values()]) open.panel.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, target: AccountTarget): void {
    let notify: Notify = () => undefined;
    // Checks the target (gateway id, account name by the rule table) before the panel is counted as open.
    const handlers = new AccountHandlers(this.deps, target, (method, data) => notify(method, data));
    const key = keyOf(target);
    const entry = { panel, handlers };
    this.open.set(key, entry);
    panel.title = titleOf(target.account);
    panel.iconPath = { light: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-light.svg'), dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'gateway-dark.svg') };
    const rpc = connectWebviewRpc(panel, {
      protocol: accountProtocol,
      handlers: handlers.handlers,
      log: this.deps.log,
      present: handlers.actions.present,
      retainsContext: RETAINS_CONTEXT,
    });
    notify = (method, data) => rpc.notify(method, data);
    panel.onDidDispose(() => {
      handlers.dispose();
      if (this.open.get(key) === entry) this.open.delete(key);
    });
    // Set last: the page's script may say ready as soon as it runs.
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, 'account', `Account ${target.account}`);
  }
}

function titleOf(account: string): string {
  return `${account} · Account`;
}
