// What `acg plan` and `acg apply` need from the planner (src/core/apply) and the executor (src/azure/apply), as one
// object: the commands take it as a dependency, so their tests can put fakes in place of the live read, the planner and
// the executor.
import type { ProvisioningClient } from '../azure/clients';
import type { PlanDocument } from '../core/config/model';
import { applyProvisioningPlan, openJournal, readLiveProvisioningState } from '../azure/apply';
import { parseSavedPlan, planProvisioning, planToJson, readJournal, remainingChanges, renderPlanMarkdown, renderPlanText } from '../core/apply';
import type { JournalEntry, JournalState, LiveProvisioningState, PlanChange, SavedProvisioningPlan } from '../core/apply/types';

export interface PlanOptions {
  readonly desiredPath: string;
  readonly desiredSha256: string;
  readonly gatewayId?: string;
  readonly now: Date;
  readonly requestsPerMinute?: number;
}

export interface LiveReadOptions {
  readonly prune: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

export interface JournalSink {
  /** Resolves once the entry is on disk. */
  append(entry: JournalEntry): Promise<void>;
}

export interface ApplyOptions {
  readonly journal: JournalSink;
  /** The saved plan, for the journal's 'start' entry (a fresh apply only): --resume finds the plan by it. */
  readonly planFile?: { readonly path: string; readonly sha256: string };
  readonly resume?: JournalState;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { done: number; total: number; message: string }) => void;
}

export interface ApplyResult {
  readonly done: readonly string[];
  readonly drift: readonly { readonly changeId: string; readonly message: string }[];
  readonly failed: readonly { readonly changeId: string; readonly message: string }[];
  readonly notStarted: readonly string[];
  readonly cancelled: boolean;
  /** Why the run stopped before the end, other than a cancel (the resume goes on from there). */
  readonly stoppedBy?: string;
  /** Sent, with no answer (the run stopped on them): the resume resends or checks them. */
  readonly inFlight?: readonly string[];
}

export interface PlanEngine {
  planProvisioning(desired: PlanDocument, live: LiveProvisioningState, options: PlanOptions): SavedProvisioningPlan;
  renderPlanText(plan: SavedProvisioningPlan): string;
  renderPlanMarkdown(plan: SavedProvisioningPlan): string;
  planToJson(plan: SavedProvisioningPlan): string;
  parseSavedPlan(text: string, source: string): SavedProvisioningPlan;
  readJournal(text: string): JournalState;
  remainingChanges(plan: SavedProvisioningPlan, state: JournalState): PlanChange[];
  readLiveProvisioningState(client: ProvisioningClient, desired: PlanDocument, options: LiveReadOptions): Promise<LiveProvisioningState>;
  applyProvisioningPlan(client: ProvisioningClient, plan: SavedProvisioningPlan, options: ApplyOptions): Promise<ApplyResult>;
  openJournal(path: string): Promise<JournalSink & { close(): Promise<void> }>;
}

/** The pure half: planner, renderings, saved plan, journal replay. */
export const PLANNER: Omit<PlanEngine, 'readLiveProvisioningState' | 'applyProvisioningPlan' | 'openJournal'> = {
  planProvisioning,
  renderPlanText,
  renderPlanMarkdown,
  planToJson,
  parseSavedPlan,
  readJournal,
  remainingChanges,
};

/** The real planner (src/core/apply) and executor (src/azure/apply). */
export function loadPlanEngine(): Promise<PlanEngine> {
  return Promise.resolve({ ...PLANNER, readLiveProvisioningState, applyProvisioningPlan, openJournal });
}
