// What the plan summary page may ask its host, and what the host may tell it. The page only shows the summary the
// host built (src/core/apply/planSummary.ts) and asks for the two actions it offers; the host decides whether they
// apply (a plan with no changes cannot be applied, only an unfinished run can be resumed) and runs the commands.
import { defineProtocol, notification, params, request, runActionRequest } from '../shared/protocol';
import type { PlanSummaryView } from '../../core/apply/planSummary';

// The page names the view model through this module only: browser code imports its protocol, not src/core.
export type * from '../../core/apply/planSummary';

export const planSummaryProtocol = defineProtocol({
  name: 'Plan Summary',
  requests: {
    /** The summary as it stands (the plan, and the last apply's outcome if any). */
    load: request(params({})).returns<PlanSummaryView>(),
    /** Apply Changes… on this file (the command confirms first, and re-plans a file changed since). */
    apply: request(params({})).returnsNothing(),
    /** Resume Apply… on the journal of the last run, which must have something left. */
    resume: request(params({})).returnsNothing(),
    /** Plan Changes again on this file (a fresh read of the live state). */
    replan: request(params({})).returnsNothing(),
    runAction: runActionRequest,
  },
  notifications: {
    /** A new plan for the file, or an apply's progress or outcome. */
    update: notification<PlanSummaryView>(),
  },
});

export type PlanSummaryProtocol = typeof planSummaryProtocol;
