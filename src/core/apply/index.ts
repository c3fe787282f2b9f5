// Plan and apply, the pure half: the planners, the saved plan and its renderings, the journal's text.
export * from './types';
export { planProvisioning, desiredNumberKey, countChanges, type PlanProvisioningOptions } from './planProvisioning';
export { planGateway, type PlanGatewayOptions } from './planGateway';
export { renderPlanText, renderPlanMarkdown, summaryLine, estimateLine, planToJson, parseSavedPlan, PROVISIONING_PLAN_FORMAT, MARKDOWN_SAMPLES } from './render';
export { journalLine, readJournal, remainingChanges } from './journal';
export { estimateApply, requestCount, formatDuration, DEFAULT_REQUESTS_PER_MINUTE } from './estimate';
export { fieldChanges } from './fieldDiff';
export { PlanError, isPlanError, type PlanErrorKind } from './planError';
export { renderGatewayPlanText, renderGatewayPlanMarkdown } from './gatewayRender';
export { parseSavedGatewayPlan, parseAnySavedPlan, GATEWAY_PLAN_FORMAT } from './savedGatewayPlan';
