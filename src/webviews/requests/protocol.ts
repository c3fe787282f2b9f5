// What the Requests for Information page may ask its host, and what the host may tell it. The page shows the grid and
// filters it itself (the filter below is the core's, bundled into the page); everything that reads, decides by a rule
// or writes goes to the host, which checks every message against these schemas first.
import * as v from 'valibot';
import type { AccountFormProblems } from '../../core/enterprises/accountFromRequest';
import type { RequestRow } from '../../core/enterprises/requestGrid';
import { RELATIONSHIP_STATUSES, SERVICE_KEYS, type ServiceKey } from '../../core/models';
import { defineProtocol, notification, params, plainObject, request, runActionRequest } from '../shared/protocol';

// The page names the view model through this module only: browser code imports its protocol, not src/core.
export type * from '../../core/enterprises/requestGrid';
export type { AccountFormProblems } from '../../core/enterprises/accountFromRequest';
export type { RelationshipStatus, ServiceKey, ContactDetails } from '../../core/models';
export {
  ALL,
  CONSENT_FILTER_KEYS,
  NO_FILTER,
  RELATIONSHIP_FILTER_KEYS,
  consentLabel,
  describeRelationshipChange,
  filterChoices,
  filterRequestRows,
  isFiltered,
} from '../../core/enterprises/requestGrid';
export { RELATIONSHIP_LABELS, groupLabel } from '../../core/enterprises/relationshipGroups';
export { RELATIONSHIP_STATUSES, RELATIONSHIP_STATUSES_NEEDING_REASON } from '../../core/models/provisioning';

/** At most this many requests in one update: far above any gateway's consents, low enough to bound one message. */
export const MAX_SELECTION = 1000;

/** A GUID: 36 characters, bounded before the pattern is tried. */
const TENANT_ID = v.pipe(v.string(), v.maxLength(36, 'not a tenant id (a GUID)'), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a tenant id (a GUID)'));
const TENANT_IDS = v.pipe(v.array(TENANT_ID), v.minLength(1, 'choose at least one request'), v.maxLength(MAX_SELECTION));
/** Longer than any rule allows, so that the rule (not the schema) says what is wrong with a long text. */
const FORM_TEXT = v.pipe(v.string(), v.maxLength(1000));
const STATUS = v.picklist(RELATIONSHIP_STATUSES);

export const AccountFormSchema = plainObject({
  tenantId: TENANT_ID,
  name: FORM_TEXT,
  services: v.pipe(v.array(v.picklist(SERVICE_KEYS)), v.maxLength(SERVICE_KEYS.length)),
  syncEnabled: v.boolean(),
  directRouting: v.optional(
    plainObject({
      callScreening: v.boolean(),
      subdomain: FORM_TEXT,
      region1Token: FORM_TEXT,
      region2Token: FORM_TEXT,
    }),
  ),
});
export type AccountForm = v.InferOutput<typeof AccountFormSchema>;

export interface RequestsIdentity {
  readonly gatewayId: string;
  readonly gatewayName: string;
}

export interface RequestsLoad {
  readonly rows: readonly RequestRow[];
  /** When the host read them (ISO). */
  readonly readAt: string;
}

export type RequestOutcome = 'updated' | 'conflict' | 'failed' | 'notSent';

export interface RequestResult {
  readonly tenantId: string;
  readonly company: string;
  readonly outcome: RequestOutcome;
  /** The change written, or why it was not. */
  readonly message: string;
  /** The request as the service now has it (after an update). */
  readonly row?: RequestRow;
}

export interface UpdateOutcome {
  /** False when the person declined the confirmation: nothing was sent. */
  readonly confirmed: boolean;
  readonly results: readonly RequestResult[];
}

export interface AccountFormSetup {
  readonly tenantId: string;
  readonly company: string;
  readonly suggestedName: string;
  /** The account the request already points at, if any (a second account for one tenant is rarely wanted). */
  readonly existingAccount?: string;
  readonly services: readonly { readonly key: ServiceKey; readonly label: string; readonly syncs: boolean; readonly needsConfiguration: boolean }[];
}

export interface AccountCreated {
  readonly confirmed: boolean;
  readonly accountName?: string;
  readonly message: string;
}

export const requestsProtocol = defineProtocol({
  name: 'Requests for Information',
  requests: {
    /** Which gateway this panel shows (the page keeps it with setState, for the serializer). */
    identity: request(params({})).returns<RequestsIdentity>(),
    /** The gateway's requests; `reload` reads them again (the Enterprises view refreshes with them). */
    load: request(params({ reload: v.boolean() })).returns<RequestsLoad>(),
    /** The relationship rules (reason required, 64 characters) on what the person typed: the message, or none. */
    checkRelationship: request(params({ status: STATUS, comment: FORM_TEXT })).returns<{ readonly problem?: string }>(),
    /** Reads each chosen request again with its ETag: the update form shows these, and the writes send those ETags. */
    prepareUpdate: request(params({ tenantIds: TENANT_IDS })).returns<RequestsLoad>(),
    /** Confirms (modal, with every change), then writes each prepared request with If-Match; one result each. */
    applyUpdate: request(params({ tenantIds: TENANT_IDS, status: STATUS, comment: FORM_TEXT })).returns<UpdateOutcome>(),
    /** Stops a running update after the write in flight; the update still answers with what was done. */
    stopUpdate: request(params({})).returnsNothing(),
    accountForm: request(params({ tenantId: TENANT_ID })).returns<AccountFormSetup>(),
    checkAccount: request(params({ form: AccountFormSchema })).returns<AccountFormProblems>(),
    createAccount: request(params({ form: AccountFormSchema })).returns<AccountCreated>(),
    /** Shows an account or a request in the Enterprises view. */
    reveal: request(params({ kind: v.picklist(['account', 'request']), name: v.pipe(v.string(), v.maxLength(200)) })).returnsNothing(),
    runAction: runActionRequest,
  },
  notifications: {
    /** Read everything again: a sign-in change, or the Enterprises view's Refresh. */
    refresh: notification<{ readonly reason: 'signIn' | 'changed' }>(),
    /** How far an update of many requests has got. */
    progress: notification<{ readonly done: number; readonly total: number }>(),
  },
});

export type RequestsProtocol = typeof requestsProtocol;

const GATEWAY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/[^/]+$/i;

/**
 * What the page keeps with setState and the serializer restores the panel from. Checked on restore, since it comes
 * back from the webview; the gateway's domain is never part of it (the host reads it from ARM), so a page cannot steer
 * tokens elsewhere. Not strict: a state saved by a later version with more fields still restores.
 */
export const RequestsStateSchema = v.object({
  gatewayId: v.pipe(v.string(), v.maxLength(1024), v.regex(GATEWAY_ID, 'not a communications gateway id')),
  gatewayName: v.pipe(v.string(), v.maxLength(128)),
});

export type RequestsState = v.InferOutput<typeof RequestsStateSchema>;
