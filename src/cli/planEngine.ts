// What `acg plan` and `acg apply` need from the planner (src/core/apply) and the executor (src/azure/apply), as one
// object: the commands take it as a dependency, so their tests can put fakes in place of the live read, the planner and
// the executor.
import type { ArmClient, ProvisioningClient } from '../azure/clients';
import type { GatewayDocument, PlanDocument } from '../core/config/model';
import { applyGatewayPlan, applyProvisioningPlan, openJournal, readLiveGatewayState, readLiveProvisioningState } from '../azure/apply';
import {
  parseAnySavedPlan,
  parseSavedPlan,
  planGateway,
  planProvisioning,
  planToJson,
  readJournal,
  remainingChanges,
  renderGatewayPlanMarkdown,
  renderGatewayPlanText,
  renderPlanMarkdown,
  renderPlanText,
  type PlanGatewayOptions,
} from '../core/apply';
import type { JournalEntry, JournalState, LiveGatewayState, LiveProvisioningState, SavedGatewayPlan, SavedProvisioningPlan } from '../core/apply/types';

/** Either kind of saved plan: a provisioning plan (Provisioning API) or a gateway plan (ARM). */
export type SavedPlan = SavedProvisioningPlan | SavedGatewayPlan;

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
  planToJson(plan: SavedPlan): string;
  parseSavedPlan(text: string, source: string): SavedProvisioningPlan;
  /** Either kind, by its format: what acg apply <plan.json> reads. */
  parseAnySavedPlan(text: string, source: string): SavedPlan;
  readJournal(text: string): JournalState;
  remainingChanges<C extends { readonly id: string }>(plan: { readonly changes: readonly C[] }, state: JournalState): C[];
  readLiveProvisioningState(client: ProvisioningClient, desired: PlanDocument, options: LiveReadOptions): Promise<LiveProvisioningState>;
  applyProvisioningPlan(client: ProvisioningClient, plan: SavedProvisioningPlan, options: ApplyOptions): Promise<ApplyResult>;
  // Gateway plans (*.acg-gateway.json against ARM).
  planGateway(desired: GatewayDocument, live: LiveGatewayState, options: PlanGatewayOptions): SavedGatewayPlan;
  renderGatewayPlanText(plan: SavedGatewayPlan): string;
  renderGatewayPlanMarkdown(plan: SavedGatewayPlan): string;
  readLiveGatewayState(arm: ArmClient, desired: GatewayDocument, options: Omit<LiveReadOptions, 'prune'>): Promise<LiveGatewayState>;
  applyGatewayPlan(arm: ArmClient, plan: SavedGatewayPlan, options: ApplyOptions): Promise<ApplyResult>;
  openJournal(path: string): Promise<JournalSink & { close(): Promise<void> }>;
}

/** The pure half: planner, renderings, saved plan, journal replay. */
export const PLANNER: Omit<PlanEngine, 'readLiveProvisioningState' | 'applyProvisioningPlan' | 'openJournal' | 'readLiveGatewayState' | 'applyGatewayPlan'> = {
  planProvisioning,
  renderPlanText,
  renderPlanMarkdown,
  planToJson,
  parseSavedPlan,
  parseAnySavedPlan,
  readJournal,
  remainingChanges,
  planGateway,
  renderGatewayPlanText,
  renderGatewayPlanMarkdown,
};

/** The network half of gateway plans, real (the CLI tests' fakes keep them: the emulator answers ARM). */
export const GATEWAY_EXECUTOR: Pick<PlanEngine, 'readLiveGatewayState' | 'applyGatewayPlan'> = { readLiveGatewayState, applyGatewayPlan };

/** The real planner (src/core/apply) and executor (src/azure/apply). */
export function loadPlanEngine(): Promise<PlanEngine> {
  return Promise.resolve({ ...PLANNER, ...GATEWAY_EXECUTOR, readLiveProvisioningState, applyProvisioningPlan, openJournal });
}
