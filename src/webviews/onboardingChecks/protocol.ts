// What the Onboarding Checks page may ask its host, and what the host tells it. Results stream: the host notifies
// `started`, one `result` per check as it finishes, then `finished`. Everything the page may act on (a fix's writes,
// an evidence value to copy, a source link) is named by what the host sent it, never supplied by the page: the host
// checks each request against what it offered.
import * as v from 'valibot';
import type { CheckSource, CheckStage, CheckStatus, Evidence, FixInput, FixWrite, ManualMark } from '../../core/onboarding/types';
import { defineProtocol, notification, params, request, runActionRequest, type PresentedError } from '../shared/protocol';

// The page names the contract's types through this module only: browser code imports its protocol, not src/core.
export type { CheckSource, CheckStage, CheckStatus, Evidence, EvidenceValue, FixInput, ManualMark } from '../../core/onboarding/types';
// One wording of the statuses for every face (plain data).
export { STATUS_LABELS, statusCount } from '../../core/onboarding/stages';

/** One write of a fix as offered to the page: `key` names it in a fix request (the host refuses any other). */
export interface OfferedWrite extends Pick<FixWrite, 'service' | 'method' | 'path' | 'description'> {
  readonly key: string;
}

export interface OfferedFix {
  readonly title: string;
  readonly description: string;
  readonly inputs: readonly Pick<FixInput, 'id' | 'label' | 'kind'>[];
  readonly writes: readonly OfferedWrite[];
}

/** A check's row: its last result as the page shows it. */
export interface CheckRow {
  readonly id: string;
  readonly title: string;
  readonly stage: CheckStage;
  readonly why: string;
  readonly source: CheckSource;
  readonly manual: boolean;
  readonly status: CheckStatus;
  readonly summary: string;
  readonly evidence: readonly Evidence[];
  readonly fix?: OfferedFix;
  /** For manual checks: the mark that records the step as done. */
  readonly mark?: ManualMark;
}

export interface PanelIdentity {
  readonly gatewayId: string;
  readonly gatewayName: string;
  /** In display order, with their titles. */
  readonly stages: readonly { readonly id: CheckStage; readonly title: string }[];
  /** Every check, in display order, so the page lays out rows before any result arrives. */
  readonly checks: readonly { readonly id: string; readonly title: string; readonly stage: CheckStage; readonly manual: boolean }[];
}

export interface LastRun {
  /** ISO 8601; undefined when the gateway's checks never ran here. */
  readonly finishedAt?: string;
  readonly rows: readonly CheckRow[];
  /** A run of all checks is in flight (started by the command, or by this page before a reload). */
  readonly running: boolean;
}

export interface FixReport {
  /** False when the person cancelled (an input or the confirmation): nothing was written. */
  readonly applied: boolean;
  readonly written: readonly string[];
  readonly alreadyDone: readonly string[];
  readonly notConfirmed: readonly string[];
  /** Writes the service refused, with its reason. */
  readonly failed: readonly string[];
  readonly status?: CheckStatus;
}

/** Check ids of the registry: `gateway.provisioning-state`, `identity.synergy-roles`, `golive.…`. */
export const CheckIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[A-Za-z][\w.-]*$/, 'not a check id'));
/** writeKey() of a write: method, service, path and canonical body. Bounded far above any real one. */
const WriteKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(8192));

export const onboardingChecksProtocol = defineProtocol({
  name: 'Onboarding Checks',
  requests: {
    /** Which gateway this panel checks, the stages and the checks (the page keeps the gateway with setState). */
    identity: request(params({})).returns<PanelIdentity>(),
    /** What is known now: the last run's rows, and whether a run is in flight. */
    lastRun: request(params({})).returns<LastRun>(),
    /** Runs every check; `ok` false when the run failed (the `finished` notification carries the error). */
    runAll: request(params({})).returns<{ readonly ok: boolean }>(),
    rerun: request(params({ checkId: CheckIdSchema })).returns<{ readonly ok: boolean }>(),
    /** Applies a check's fix: `writes` must name exactly the writes the host offered for it. */
    fix: request(params({ checkId: CheckIdSchema, writes: v.pipe(v.array(WriteKeySchema), v.minLength(1), v.maxLength(64)) })).returns<FixReport>(),
    /** Records a manual step as done (or not) and evaluates the check again. */
    setMark: request(params({ checkId: CheckIdSchema, done: v.boolean() })).returns<{ readonly ok: boolean }>(),
    /** Copies the value of an evidence item the host marked copyable (the host copies its own copy of it). */
    copy: request(params({ checkId: CheckIdSchema, index: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(255)) })).returns<{ readonly label: string }>(),
    /** Opens the check's source (the onboarding guide) in the browser. */
    openSource: request(params({ checkId: CheckIdSchema })).returnsNothing(),
    /** Saves the last run as Markdown; `savedTo` undefined when the person cancelled. */
    exportReport: request(params({})).returns<{ readonly savedTo?: string }>(),
    runAction: runActionRequest,
  },
  notifications: {
    /** A run began: `checkIds` null for all checks. */
    started: notification<{ readonly checkIds: readonly string[] | null }>(),
    /** One check finished (in a run, or re-checked after a fix). */
    result: notification<{ readonly row: CheckRow }>(),
    /** A run ended; `error` when it failed as a whole (signed out, the gateway unreadable). */
    finished: notification<{ readonly checkIds: readonly string[] | null; readonly finishedAt: string; readonly error?: PresentedError }>(),
  },
});

export type OnboardingChecksProtocol = typeof onboardingChecksProtocol;

const GATEWAY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/[^/]+$/i;

/**
 * What the page keeps with setState and the serializer restores the panel from. Checked on restore, since it comes
 * back from the webview. Not strict: a state saved by a later version with more fields still restores.
 */
export const OnboardingChecksStateSchema = v.object({
  gatewayId: v.pipe(v.string(), v.maxLength(1024), v.regex(GATEWAY_ID, 'not a communications gateway id')),
  gatewayName: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
});

export type OnboardingChecksState = v.InferOutput<typeof OnboardingChecksStateSchema>;
