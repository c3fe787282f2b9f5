// The Requests for Information panel's entry from the composition root: the serializer that restores open panels
// after a reload, and `open` for the command. Light on purpose (it runs at activation): the panel, its deps on the
// host, valibot and the view model load through import() on the first open or restore.
import * as vscode from 'vscode';
import type { RequestsHostParts } from './hostDeps';
import { REQUESTS_VIEW_TYPE } from './ids';
import type { RequestsPanels } from './panel';

export interface RequestsFeature {
  /** Opens (or shows) the Requests for Information panel of a gateway. */
  open(target: { readonly gatewayId: string; readonly gatewayName: string }): Promise<void>;
}

export function registerRequestsPanel(context: vscode.ExtensionContext, parts: RequestsHostParts): RequestsFeature {
  let panels: Promise<RequestsPanels> | undefined;
  const loadPanels = (): Promise<RequestsPanels> => {
    panels ??= import('./panel').then(({ RequestsPanels, requestsPanelDeps }) => {
      const loaded = new RequestsPanels(context.extensionUri, requestsPanelDeps(parts));
      context.subscriptions.push(loaded);
      return loaded;
    });
    return panels;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(REQUESTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        (await loadPanels()).restore(panel, state);
      },
    }),
  );
  return {
    async open(target) {
      (await loadPanels()).show(target);
    },
  };
}
