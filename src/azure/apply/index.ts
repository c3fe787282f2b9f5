// Plan and apply, the Azure side: reading the live state a plan compares against, executing a saved plan, and its
// journal file.
export { readLiveProvisioningState, type LiveStateReader } from './readLive';
export { applyProvisioningPlan, DEFAULT_MAX_IN_FLIGHT, type ApplyClient, type ApplyOptions, type ApplyResult, type JournalSink } from './applyPlan';
export { loadJournal, openJournal, type JournalFile } from './journalFile';
export { judgeLive, type LiveVerdict } from './liveMatch';
export { readLiveGatewayState, gatewayRefOfDocument, type GatewayReader } from './gatewayLive';
export { applyGatewayPlan, type GatewayApplyClient, type GatewayApplyOptions } from './gatewayApply';
