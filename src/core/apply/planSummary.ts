// What the editor shows of a provisioning plan and of its apply: the summary panel's view model and the words of the
// Apply confirmation. Plain data, so the page renders it without knowing the plan's types, and mocha tests it.
import { parseGatewayId } from '../ids';
import { formatDuration } from './estimate';
import { summaryLine } from './render';
import type { ChangeAction, FieldChange, GatewayPlanChange, PlanChange, PlanCounts, SavedGatewayPlan, SavedProvisioningPlan } from './types';

/** Either kind of plan the editor shows: a provisioning plan (Provisioning API) or a gateway plan (ARM). */
export type AnyPlan = SavedProvisioningPlan | SavedGatewayPlan;
export type AnyPlanChange = PlanChange | GatewayPlanChange;

/** Samples shown per kind of change (kind × action): enough to recognise the change, few enough to read. */
export const SUMMARY_SAMPLES = 5;
/** A before/after value longer than this is cut: a whole serviceDetails object is not a sample. */
const VALUE_LIMIT = 160;
/** Failed and drifted changes listed in the result; the journal keeps every one. */
const PROBLEMS_LISTED = 20;

export type ChangeKind = AnyPlanChange['kind'];

export interface FieldChangeView {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

export interface ChangeSampleView {
  readonly id: string;
  readonly subject: string;
  readonly fields: readonly FieldChangeView[];
}

export interface ChangeGroupView {
  readonly kind: ChangeKind;
  readonly action: ChangeAction;
  /** "Numbers to update". */
  readonly title: string;
  readonly total: number;
  readonly samples: readonly ChangeSampleView[];
}

export type ApplyState = 'running' | 'done' | 'failed' | 'drift' | 'cancelled';

export interface ApplyProblemView {
  readonly changeId: string;
  readonly outcome: 'failed' | 'drift';
  readonly message: string;
}

export interface ApplyOutcomeView {
  readonly state: ApplyState;
  readonly headline: string;
  readonly done: number;
  readonly attempted: number;
  readonly problems: readonly ApplyProblemView[];
  /** Problems beyond those listed. */
  readonly moreProblems: number;
  readonly notStarted: number;
  readonly inFlight: number;
  readonly stoppedBy?: string;
  /** The journal's path, for Resume and for the record. */
  readonly journal?: string;
  /** Something is left that a resume would do: not started, or sent with no answer. */
  readonly canResume: boolean;
}

export interface PlanSummaryView {
  /** The desired file (its URI as a string): Apply and Plan again name it. */
  readonly desiredUri: string;
  readonly fileName: string;
  readonly gateway: string;
  readonly liveReadAt: string;
  readonly summary: string;
  readonly counts: PlanCounts;
  /** "about 2 min", or empty with no changes. */
  readonly estimate: string;
  readonly estimateDetail: string;
  readonly prune: boolean;
  readonly groups: readonly ChangeGroupView[];
  readonly hasChanges: boolean;
  readonly outcome?: ApplyOutcomeView;
}

/** The subset of an apply result the view needs (src/azure/apply's ApplyResult fits). */
export interface ApplyResultLike {
  readonly done: readonly string[];
  readonly drift: readonly { readonly changeId: string; readonly message: string }[];
  readonly failed: readonly { readonly changeId: string; readonly message: string }[];
  readonly notStarted: readonly string[];
  readonly cancelled: boolean;
  readonly stoppedBy?: string;
  readonly inFlight?: readonly string[];
}

const KIND_LABEL: Readonly<Record<ChangeKind, string>> = { account: 'Accounts', number: 'Numbers', relationship: 'Relationships', gateway: 'Gateway', testLine: 'Test lines' };
const ACTION_LABEL: Readonly<Record<ChangeAction, string>> = { create: 'to create', update: 'to update', delete: 'to delete' };
const KINDS: readonly ChangeKind[] = ['gateway', 'testLine', 'account', 'number', 'relationship'];
const ACTIONS: readonly ChangeAction[] = ['create', 'update', 'delete'];

export function shownValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT - 1)}…` : text;
}

export function fieldView(field: FieldChange): FieldChangeView {
  return { path: field.path, before: shownValue(field.before), after: shownValue(field.after) };
}

export function changeSubject(change: AnyPlanChange): string {
  if (change.kind === 'gateway') return `gateway ${change.body.name ?? ''}`;
  if (change.kind === 'testLine') return `test line ${change.name}`;
  if (change.kind === 'account') return `account ${change.account}`;
  if (change.kind === 'number') return `${change.telephoneNumber} (account ${change.account})`;
  return `relationship of tenant ${change.tenantId}`;
}

export function changeGroups(changes: readonly AnyPlanChange[], samples = SUMMARY_SAMPLES): ChangeGroupView[] {
  const groups: ChangeGroupView[] = [];
  for (const kind of KINDS) {
    for (const action of ACTIONS) {
      const matching = changes.filter((c) => c.kind === kind && c.action === action);
      if (matching.length === 0) continue;
      groups.push({
        kind,
        action,
        title: `${KIND_LABEL[kind]} ${ACTION_LABEL[action]}`,
        total: matching.length,
        samples: matching.slice(0, samples).map((c) => ({ id: c.id, subject: changeSubject(c), fields: c.fields.map(fieldView) })),
      });
    }
  }
  return groups;
}

/** How the editor names a plan's target: the Provisioning API domain, or the gateway's name for a gateway plan. */
export function planTargetName(plan: AnyPlan): string {
  if (plan.kind !== 'gateway') return plan.gateway.domain;
  return parseGatewayId(plan.gateway.id)?.name ?? plan.gateway.id;
}

export function planSummaryView(plan: AnyPlan, file: { readonly desiredUri: string; readonly fileName: string }, outcome?: ApplyOutcomeView): PlanSummaryView {
  const hasChanges = plan.changes.length > 0;
  return {
    desiredUri: file.desiredUri,
    fileName: file.fileName,
    gateway: planTargetName(plan),
    liveReadAt: plan.liveReadAt,
    summary: summaryLine(plan).replace(plan.desired.path, file.fileName),
    counts: plan.counts,
    estimate: hasChanges ? estimateText(plan) : '',
    estimateDetail: hasChanges ? estimateDetail(plan) : '',
    prune: plan.prune,
    groups: changeGroups(plan.changes),
    hasChanges,
    ...(outcome ? { outcome } : {}),
  };
}

/**
 * A provisioning plan's time is the rate-limit floor (./estimate). A gateway plan has no rate limit of ours: each change
 * is one ARM write run as a long-running operation, whose time ARM decides (minutes for a test line, far longer for a
 * new gateway), so the honest estimate is the number of operations, not a made-up duration.
 */
function estimateText(plan: AnyPlan): string {
  return plan.kind === 'gateway' ? count(plan.changes.length, 'ARM operation') : formatDuration(plan.estimate.seconds);
}

/** Why the estimate is what it is, without repeating it. */
function estimateDetail(plan: AnyPlan): string {
  if (plan.kind === 'gateway') {
    return `each a write ARM runs as a long-running operation, polled to its end; ARM sets the time${plan.changes.some((c) => c.kind === 'gateway' && c.action === 'create') ? ', and creating a gateway is the longest' : ''}.`;
  }
  const { requests, requestsPerMinute } = plan.estimate;
  return `${count(requests, 'request')} at ${requestsPerMinute} a minute; a batch of up to 100 numbers counts as one.`;
}

/** The summary while an apply runs. */
export function runningOutcome(attempted: number, journal: string): ApplyOutcomeView {
  return { state: 'running', headline: `Applying ${count(attempted, 'change')}…`, done: 0, attempted, problems: [], moreProblems: 0, notStarted: attempted, inFlight: 0, journal, canResume: false };
}

export function applyOutcome(result: ApplyResultLike, attempted: number, journal: string): ApplyOutcomeView {
  const inFlight = result.inFlight?.length ?? 0;
  const stopped = result.cancelled || result.stoppedBy !== undefined;
  const state: ApplyState = result.cancelled ? 'cancelled' : result.failed.length > 0 || result.stoppedBy !== undefined ? 'failed' : result.drift.length > 0 ? 'drift' : 'done';
  const problems: ApplyProblemView[] = [
    ...result.failed.map((f) => ({ changeId: f.changeId, outcome: 'failed' as const, message: f.message })),
    ...result.drift.map((d) => ({ changeId: d.changeId, outcome: 'drift' as const, message: d.message })),
  ];
  const applied = `${count(result.done.length, 'change')} of ${attempted} applied`;
  const headline =
    state === 'done'
      ? `Done: ${applied}.`
      : state === 'cancelled'
        ? `Cancelled: ${applied}.`
        : state === 'drift'
          ? `Done with drift: ${applied}; ${result.drift.length} changed since the plan and left alone.`
          : `${stopped ? 'Stopped' : 'Finished with failures'}: ${applied}; ${result.failed.length} failed.`;
  return {
    state,
    headline,
    done: result.done.length,
    attempted,
    problems: problems.slice(0, PROBLEMS_LISTED),
    moreProblems: Math.max(0, problems.length - PROBLEMS_LISTED),
    notStarted: result.notStarted.length,
    inFlight,
    ...(result.stoppedBy === undefined ? {} : { stoppedBy: result.stoppedBy }),
    journal,
    canResume: result.notStarted.length + inFlight > 0 || stopped,
  };
}

/** The modal confirmation before Apply: the counts, the gateway and a few changes with their fields. */
export function applyConfirmation(plan: AnyPlan, changes: readonly AnyPlanChange[], samples = SUMMARY_SAMPLES): { readonly message: string; readonly detail: string } {
  const by = (action: ChangeAction) => changes.filter((c) => c.action === action).length;
  const parts = ACTIONS.map((a) => [a, by(a)] as const).filter(([, n]) => n > 0).map(([a, n]) => `${n} to ${a}`);
  const message = `Apply ${count(changes.length, 'change')} (${parts.join(', ')}) on ${plan.kind === 'gateway' ? `gateway ${planTargetName(plan)}` : plan.gateway.domain}?`;
  const lines = changes.slice(0, samples).map((c) => {
    const fields = c.fields.slice(0, 2).map((f) => `${f.path}: ${shownValue(f.before)} → ${shownValue(f.after)}`);
    return `${c.action} ${changeSubject(c)}${fields.length > 0 ? `\n    ${fields.join('\n    ')}` : ''}${c.fields.length > 2 ? `\n    … ${c.fields.length - 2} more fields` : ''}`;
  });
  const more = changes.length > samples ? [`… and ${changes.length - samples} more (the summary panel lists them by kind).`] : [];
  const estimate = plan.kind === 'gateway' ? `${estimateText(plan)}, each polled to its end` : formatDuration(plan.estimate.seconds);
  const tail = plan.changes.length > 0 ? [`Estimated time: ${estimate}. Every write is journalled: a cancel or a crash can be resumed.`] : [];
  return { message, detail: [...lines, ...more, '', ...tail].join('\n') };
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
