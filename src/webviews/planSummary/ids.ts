// Names package.json and activation use for the plan summary panel, in a module of their own so that activation can
// import them without loading the panel (or valibot, through its protocol).
export const PLAN_SUMMARY_VIEW_TYPE = 'acg.planSummary';
