// The Gateway Overview's entry from the composition root: the serializer that restores open panels after a reload,
// and `open` for the command. Light on purpose (it runs at activation): the panel module, valibot and the view model
// load through import() on the first open or restore.
import * as vscode from 'vscode';
import type { CommunicationsGateway } from '../../core/models';
import type { GatewayOverviewDeps } from './deps';
import { GATEWAY_OVERVIEW_VIEW_TYPE } from './ids';
import type { GatewayOverviewPanels } from './panel';

export interface GatewayOverviewFeature {
  /** Opens (or shows) the overview of `gateway`. */
  open(gateway: CommunicationsGateway): Promise<void>;
}

export function registerGatewayOverview(context: vscode.ExtensionContext, deps: GatewayOverviewDeps): GatewayOverviewFeature {
  let panels: Promise<GatewayOverviewPanels> | undefined;
  const loadPanels = (): Promise<GatewayOverviewPanels> => {
    panels ??= import('./panel').then(({ GatewayOverviewPanels }) => {
      const loaded = new GatewayOverviewPanels(context.extensionUri, deps);
      context.subscriptions.push(loaded);
      return loaded;
    });
    return panels;
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(GATEWAY_OVERVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        (await loadPanels()).restore(panel, state);
      },
    }),
  );

  return {
    async open(gateway) {
      if (!gateway.id) throw new Error(`${gateway.name ?? 'This gateway'} has no resource id: refresh the Gateways view and try again.`);
      (await loadPanels()).show({ gatewayId: gateway.id, gatewayName: gateway.name ?? gateway.id.split('/').pop() ?? '', gateway });
    },
  };
}
