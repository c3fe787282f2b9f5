// Plan and apply (issue 12): the shared contract between the planner (src/core/apply, pure), the executor and journal
// file (src/azure/apply) and the faces (CLI `acg plan` / `acg apply`, the editor's Plan/Apply). Terraform's model:
// plan reads the live state and writes down the exact change, with the ETag of everything it will touch and a hash of
// the desired file; apply does exactly that change, journalled so that a crash, a cancel or a lost connection resumes
// with nothing lost and nothing done twice.
import type { AccountResource, CommunicationsGateway, NumberResource, RelationshipStatus, RequestForInformationResource, TestLine } from '../models';

/** A resource as read, with the ETag the service gave it (absent when the service gave none). */
export interface Versioned<T> {
  readonly resource: T;
  readonly etag?: string;
}

/**
 * The live side of a provisioning plan: the accounts, numbers and requests for information the plan names (and, for an
 * account whose numbers were read in full, all of them: `prune` deletes only within `completeAccounts`).
 */
export interface LiveProvisioningState {
  /** The Provisioning API domain read. */
  readonly gateway: string;
  /** ISO 8601, when the read started. */
  readonly readAt: string;
  /** By account name, lower-cased (the service compares names case-insensitively). */
  readonly accounts: ReadonlyMap<string, Versioned<AccountResource>>;
  /** By E.164 number. */
  readonly numbers: ReadonlyMap<string, Versioned<NumberResource>>;
  /** Lower-cased names of the accounts whose every number is in `numbers`. */
  readonly completeAccounts: ReadonlySet<string>;
  /** By tenant id, lower-cased. */
  readonly requests: ReadonlyMap<string, Versioned<RequestForInformationResource>>;
}

export type ChangeAction = 'create' | 'update' | 'delete';

/** One field that differs: a JSON path inside the resource body ("serviceDetails.teamsOperatorConnect.enabled"). */
export interface FieldChange {
  readonly path: string;
  /** undefined = absent. */
  readonly before?: unknown;
  readonly after?: unknown;
}

interface ChangeBase {
  /** Stable id of the change inside its plan: "account:<name>", "number:<e164>", "relationship:<tenantId>". */
  readonly id: string;
  readonly action: ChangeAction;
  /** Field by field; empty for a delete. */
  readonly fields: readonly FieldChange[];
  /** The ETag read at plan time: apply sends it as If-Match; a create sends If-None-Match: * instead. */
  readonly etag?: string;
}

export interface AccountChange extends ChangeBase {
  readonly kind: 'account';
  readonly account: string;
  /** The full body apply sends (create/update); absent for a delete. */
  readonly body?: AccountResource;
  /** Delete only: the account's numbers go with it (`deleteNumbers=true`). */
  readonly deleteNumbers?: boolean;
}

export interface NumberChange extends ChangeBase {
  readonly kind: 'number';
  readonly account: string;
  readonly telephoneNumber: string;
  /** The full body apply sends (create/update); absent for a delete. */
  readonly body?: NumberResource;
}

export interface RelationshipChange extends ChangeBase {
  readonly kind: 'relationship';
  readonly tenantId: string;
  readonly action: 'update';
  readonly status: RelationshipStatus;
  readonly comment?: string;
}

export type PlanChange = AccountChange | NumberChange | RelationshipChange;

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly noop: number;
}

/** How long the apply will take under the rate limit: requests (a batch of ≤100 numbers counts as one) ÷ rate. */
export interface ApplyEstimate {
  readonly requests: number;
  readonly requestsPerMinute: number;
  /** The rate-limit floor, ⌈requests × 60 ÷ requestsPerMinute⌉ (estimate.ts says why the first window's burst is not counted on). */
  readonly seconds: number;
}

/** A saved provisioning plan (`--out plan.json`): what apply executes. Versioned so an old file is refused clearly. */
export interface SavedProvisioningPlan {
  readonly format: 'acg-provisioning-plan/1';
  readonly kind: 'provisioning';
  /** Where the desired file was and the SHA-256 (hex) of its bytes: apply refuses a plan whose file has changed. */
  readonly desired: { readonly path: string; readonly sha256: string };
  readonly gateway: { readonly id?: string; readonly domain: string };
  readonly createdAt: string;
  readonly liveReadAt: string;
  readonly prune: boolean;
  /** In apply order: accounts before their numbers, number deletes before account deletes, relationships last. */
  readonly changes: readonly PlanChange[];
  readonly counts: PlanCounts;
  readonly estimate: ApplyEstimate;
}

/**
 * The journal: JSON lines appended (and flushed to disk) before each request and after each answer. A line that was
 * cut off by a crash is ignored. `batch` groups the number changes sent in one request.
 */
export type JournalEntry =
  | {
      readonly type: 'start';
      readonly at: string;
      readonly planSha256: string;
      /** The saved plan the journal belongs to, so `acg apply --resume <journal>` can find it. */
      readonly planPath: string;
      readonly gateway: string;
      readonly changes: number;
    }
  | {
      /** Written BEFORE the request leaves: which changes it carries and the Repeatability-Request-ID it uses. */
      readonly type: 'sending';
      readonly at: string;
      readonly request: number;
      readonly changeIds: readonly string[];
      readonly repeatabilityRequestId?: string;
      /** Repeatability-First-Sent (RFC 7231 date), reused on a resend so the service recognises it. */
      readonly firstSent?: string;
    }
  | {
      /** Written AFTER the answer: per change, done or why not. */
      readonly type: 'answered';
      readonly at: string;
      readonly request: number;
      readonly results: readonly { readonly changeId: string; readonly outcome: 'done' | 'drift' | 'failed'; readonly message?: string; readonly etag?: string }[];
    }
  | { readonly type: 'end'; readonly at: string; readonly outcome: 'completed' | 'cancelled' | 'failed'; readonly message?: string };

/** Where an apply stands, from its journal: what resume must still do. */
export interface JournalState {
  readonly planSha256?: string;
  readonly done: ReadonlySet<string>;
  /** Sent but not answered: resend with the SAME repeatability headers (while the service remembers them), or read to
   * see whether it took effect. */
  readonly inFlight: readonly { readonly request: number; readonly changeIds: readonly string[]; readonly repeatabilityRequestId?: string; readonly firstSent?: string }[];
  readonly failed: ReadonlyMap<string, string>;
  readonly drift: ReadonlyMap<string, string>;
  readonly ended?: 'completed' | 'cancelled' | 'failed';
  /** Lines that could not be read (a torn last line is normal after a crash). */
  readonly ignoredLines: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Gateway plans (*.acg-gateway.json against the ARM resource and its test lines). Added for planGateway.

/** The live side of a gateway plan: the ARM resource (absent when it does not exist yet) and its test lines. */
export interface LiveGatewayState {
  /** The ARM resource id the plan is for. */
  readonly gatewayId: string;
  /** ISO 8601, when the read started. */
  readonly readAt: string;
  readonly gateway?: Versioned<CommunicationsGateway>;
  /** By test line name, lower-cased (ARM names are case-insensitive). */
  readonly testLines: ReadonlyMap<string, Versioned<TestLine>>;
}

/** The gateway resource itself: apply does GET-edit-PUT (keeping identity, sku and read-only fields) and polls the LRO. */
export interface GatewayResourceChange extends ChangeBase {
  readonly kind: 'gateway';
  readonly action: 'create' | 'update';
  /** Id "gateway:<name>". location, tags and the writable properties, as the desired file has them. */
  readonly body: CommunicationsGateway;
}

export interface TestLineChange extends ChangeBase {
  readonly kind: 'testLine';
  /** Id "testLine:<name>". */
  readonly name: string;
  /** The full body apply PUTs (create/update); absent for a delete. */
  readonly body?: TestLine;
}

export type GatewayPlanChange = GatewayResourceChange | TestLineChange;

export interface SavedGatewayPlan {
  readonly format: 'acg-gateway-plan/1';
  readonly kind: 'gateway';
  readonly desired: { readonly path: string; readonly sha256: string };
  readonly gateway: { readonly id: string };
  readonly createdAt: string;
  readonly liveReadAt: string;
  /** Test lines the file does not list are deleted only when true. */
  readonly prune: boolean;
  /** In apply order: the gateway, then test line deletes (freeing their numbers), then test line creates and updates. */
  readonly changes: readonly GatewayPlanChange[];
  readonly counts: PlanCounts;
}
