// The Numbers panel's entry from the composition root: the serializer that restores open panels after a reload, and
// `open` for Manage Numbers…. Light on purpose (it runs at activation): the panel module, valibot and the window model
// load through import() on the first open or restore.
import * as vscode from 'vscode';
import type { NumbersGridHostDeps } from './deps';
import type { NumbersGridHandlers, NumbersGridTarget } from './handlers';
import { NUMBERS_GRID_VIEW_TYPE } from './ids';
import type { NumbersGridPanels } from './panel';

export interface NumbersGridFeature {
  /** Opens (or shows) the Numbers panel of the target; its handlers are returned for the integration tests. */
  open(target: NumbersGridTarget): Promise<NumbersGridHandlers>;
}

export function registerNumbersGrid(context: vscode.ExtensionContext, deps: NumbersGridHostDeps): NumbersGridFeature {
  let panels: Promise<NumbersGridPanels> | undefined;
  const loadPanels = (): Promise<NumbersGridPanels> => {
    panels ??= import('./panel').then(({ NumbersGridPanels }) => {
      const loaded = new NumbersGridPanels(context.extensionUri, deps);
      context.subscriptions.push(loaded);
      return loaded;
    });
    return panels;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(NUMBERS_GRID_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        (await loadPanels()).restore(panel, state);
      },
    }),
  );
  return {
    async open(target) {
      return (await loadPanels()).show(target);
    },
  };
}
