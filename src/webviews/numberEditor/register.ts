// The Number editor's entry from the composition root: the serializer that restores open panels after a reload, and
// `open` for the three commands. Light on purpose (it runs at activation): the panel, valibot and the core load
// through import() on the first open or restore.
import * as vscode from 'vscode';
import type { NumberEditorTarget } from './handlers';
import { NUMBER_EDITOR_VIEW_TYPE } from './ids';
import type { NumberEditorHostDeps, NumberEditorPanels, NumberEditorSession } from './panel';

export interface NumberEditorFeature {
  open(target: NumberEditorTarget): Promise<NumberEditorSession>;
}

export function registerNumberEditor(context: vscode.ExtensionContext, deps: NumberEditorHostDeps): NumberEditorFeature {
  let panels: Promise<NumberEditorPanels> | undefined;
  const loadPanels = (): Promise<NumberEditorPanels> => {
    panels ??= import('./panel').then(({ NumberEditorPanels }) => {
      const loaded = new NumberEditorPanels(context.extensionUri, deps);
      context.subscriptions.push(loaded);
      return loaded;
    });
    return panels;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(NUMBER_EDITOR_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        (await loadPanels()).restore(panel, state);
      },
    }),
  );
  return { open: async (target) => (await loadPanels()).show(target) };
}
