// What `acg plan` and `acg apply` need from the planner (src/core/apply) and the executor (src/azure/apply), as one
// object: the commands take it as a dependency, so their tests can put fakes in place of the live read, the planner and
// the executor, and the CLI loads the real modules only when a plan command runs.
import type { ProvisioningClient } from '../azure/clients';
import type { PlanDocument } from '../core/config/model';
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
  return Promise.resolve({ ...PLANNER, ...EXECUTOR_PENDING });
}

/** Until the executor is on this branch, a command that needs it says so instead of failing oddly. */
const EXECUTOR_PENDING: Pick<PlanEngine, 'readLiveProvisioningState' | 'applyProvisioningPlan' | 'openJournal'> = {
  readLiveProvisioningState: () => Promise.reject(new Error('this version of acg cannot read the live state yet (the executor is missing).')),
  applyProvisioningPlan: () => Promise.reject(new Error('this version of acg cannot apply yet (the executor is missing).')),
  openJournal: () => Promise.reject(new Error('this version of acg cannot write a journal yet (the executor is missing).')),
};
