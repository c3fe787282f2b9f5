// The Account panel's entry from the composition root: the serializer that restores open panels after a reload, and
// `open` for the Open Account command. Light on purpose (it runs at activation): the panel module, valibot and the
// view model load through import() on the first open or restore.
import * as vscode from 'vscode';
import type { RequestHandlers } from '../shared/rpcHost';
import type { AccountTarget } from './handlers';
import { ACCOUNT_VIEW_TYPE } from './ids';
import type { AccountPanelHostDeps, AccountPanels } from './panel';
import type { AccountProtocol } from './protocol';

export interface AccountFeature {
  /** Opens (or shows) the panel of one account of a gateway. */
  open(target: AccountTarget): Promise<void>;
  /** What the page of an open panel reaches: its request handlers (for the integration tests, which have no page). */
  handlersOf(target: Pick<AccountTarget, 'gatewayId' | 'account'>): Promise<RequestHandlers<AccountProtocol> | undefined>;
}

export function registerAccountPanel(context: vscode.ExtensionContext, deps: AccountPanelHostDeps): AccountFeature {
  let panels: Promise<AccountPanels> | undefined;
  const loadPanels = (): Promise<AccountPanels> => {
    panels ??= import('./panel').then(({ AccountPanels }) => {
      const loaded = new AccountPanels(context.extensionUri, deps);
      context.subscriptions.push(loaded);
      return loaded;
    });
    return panels;
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(ACCOUNT_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        (await loadPanels()).restore(panel, state);
      },
    }),
  );

  return {
    async open(target) {
      (await loadPanels()).show(target);
    },
    async handlersOf(target) {
      return (await loadPanels()).handlersOf(target);
    },
  };
}
