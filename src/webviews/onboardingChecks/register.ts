// The Onboarding Checks panel's entry from the composition root: the serializer that restores open panels after a
// reload, and `open` for the command and the Gateway Overview's button. Light on purpose (it runs at activation): the
// panel module, valibot and the checks load through import() on the first open or restore.
import * as vscode from 'vscode';
import type { OnboardingTarget } from '../../host/onboarding';
import { ONBOARDING_CHECKS_VIEW_TYPE } from './ids';
import type { OnboardingChecksPanels, OnboardingPanelHostDeps } from './panel';

export interface OnboardingChecksFeature {
  /** Opens (or shows) the panel of the gateway. */
  open(target: OnboardingTarget): Promise<void>;
}

export function registerOnboardingChecks(context: vscode.ExtensionContext, deps: OnboardingPanelHostDeps): OnboardingChecksFeature {
  let panels: Promise<OnboardingChecksPanels> | undefined;
  const loadPanels = (): Promise<OnboardingChecksPanels> => {
    panels ??= import('./panel').then(({ OnboardingChecksPanels }) => {
      const loaded = new OnboardingChecksPanels(context.extensionUri, deps);
      context.subscriptions.push(loaded);
      return loaded;
    });
    return panels;
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(ONBOARDING_CHECKS_VIEW_TYPE, {
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
