// The plan summary panel's entry from the composition root: `open` for the Plan and Apply commands. Light on purpose
// (it runs at activation): the panel and valibot load through import() on the first plan.
import type * as vscode from 'vscode';
import type { PlanSummaryView } from '../../core/apply/planSummary';
import type { PlanSummaryCommands, PlanSummaryDeps } from './deps';
import type { PlanSummaryPanels } from './panel';

export interface PlanSummaryFeature {
  /** Opens the summary of a plan beside the diff view, or updates the file's open one. */
  open(view: PlanSummaryView): Promise<void>;
}

export function registerPlanSummary(context: vscode.ExtensionContext, deps: PlanSummaryDeps, commands: PlanSummaryCommands): PlanSummaryFeature {
  let panels: Promise<PlanSummaryPanels> | undefined;
  return {
    async open(view) {
      panels ??= import('./panel').then(({ PlanSummaryPanels }) => {
        const loaded = new PlanSummaryPanels(context.extensionUri, deps, commands);
        context.subscriptions.push(loaded);
        return loaded;
      });
      (await panels).show(view);
    },
  };
}
