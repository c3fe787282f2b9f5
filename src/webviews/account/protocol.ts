// What the Account page may ask its host, and what the host may tell it. The page shows; the host decides: it keeps
// the account as it read it (with its ETag), builds the body to PUT from the page's switches, checks it with the rule
// table, and asks for every confirmation itself in a VS Code modal dialog, which a page cannot forge.
import * as v from 'valibot';
import type { AccountOverview, EditProblem, ServicesEdit } from '../../core/enterprises/accountPanel';
import type { CivicAddressRow } from '../../core/enterprises/civicUsage';
import type { ServiceKey } from '../../core/models';
import { defineProtocol, notification, params, plainObject, request, runActionRequest } from '../shared/protocol';

// The page names the view model's types through this module only: browser code imports its protocol, not src/core.
export type { AccountOverview, AccountServiceView, DirectRoutingView, EditProblem, ProvisioningErrorLine, ServicesEdit, ServiceSetting } from '../../core/enterprises/accountPanel';
export type { CivicAddressRow, LocationRow } from '../../core/enterprises/civicUsage';
export type { ServiceKey } from '../../core/models';

/** The services in the order the page lists them (the same as src/core/models SERVICES; checked by a unit test). */
export const SERVICE_ORDER = ['teamsOperatorConnect', 'teamsPhoneMobile', 'teamsDirectRouting', 'zoomPhoneCloudPeering', 'azureOperatorCallProtection'] as const satisfies readonly ServiceKey[];

export interface AccountIdentity {
  readonly gatewayId: string;
  readonly gatewayName: string;
  readonly account: string;
}

export interface AccountRead {
  readonly overview: AccountOverview;
  /** The form's starting values. */
  readonly edit: ServicesEdit;
}

/** How many numbers the account has (x-ms-record-count), whatever their services. */
export interface NumberTotal {
  readonly total: number;
}

export interface AddressUsageView {
  readonly addressId: string;
  readonly count: number;
  readonly sample: readonly string[];
  /** Lower-cased location id → numbers using it. */
  readonly locations: Readonly<Record<string, number>>;
}

/** What a scan of the account's numbers found: per civic address, per service, and how far it got. */
export interface NumberUsage {
  readonly scanned: number;
  readonly total: number;
  /** Every number was read. */
  readonly complete: boolean;
  /** The person pressed Stop: the figures cover the numbers read so far. */
  readonly stopped: boolean;
  /** The bound of one scan: an account with more numbers is counted from its first `limit`. */
  readonly limit: number;
  readonly withoutAddress: number;
  readonly addresses: readonly AddressUsageView[];
  readonly perService: Readonly<Record<ServiceKey, number>>;
}

export type SaveOutcome =
  /** Nothing sent: the person cancelled, or the form changes nothing. */
  | { readonly kind: 'unchanged' | 'cancelled'; readonly message: string }
  /** The rule table refused the form: nothing sent. */
  | { readonly kind: 'invalid'; readonly problems: readonly EditProblem[] }
  /** Saved (perhaps after a reload and re-apply): the account as the service answered. */
  | { readonly kind: 'saved'; readonly message: string; readonly read: AccountRead }
  /** Someone else changed the account and the person chose to look first: the fresh account, nothing written. */
  | { readonly kind: 'reloaded'; readonly message: string; readonly read: AccountRead };

export type DeleteOutcome = { readonly kind: 'cancelled' | 'refused'; readonly message: string } | { readonly kind: 'deleted'; readonly message: string };

const bool = v.boolean();
const setting = plainObject({ enabled: bool, syncEnabled: bool });
/** Bounded well above the rules' limits (10 and 100 characters), which the host checks with the rule table. */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const ServicesEditSchema = plainObject({
  services: plainObject({
    teamsOperatorConnect: setting,
    teamsPhoneMobile: setting,
    teamsDirectRouting: setting,
    zoomPhoneCloudPeering: setting,
    azureOperatorCallProtection: setting,
  }),
  directRouting: v.optional(plainObject({ subdomain: text(64), callScreening: bool, region1Token: text(256), region2Token: text(256) })),
});

export const accountProtocol = defineProtocol({
  name: 'Account',
  requests: {
    /** Which account this panel shows (the page keeps it with setState, for the serializer). */
    identity: request(params({})).returns<AccountIdentity>(),
    /** The account; `reload: false` may answer with the copy the host holds. */
    account: request(params({ reload: v.boolean() })).returns<AccountRead>(),
    numberTotal: request(params({})).returns<NumberTotal>(),
    civicAddresses: request(params({})).returns<readonly CivicAddressRow[]>(),
    /** Pages through the account's numbers (at most `limit`), notifying `usageProgress` after each page. */
    numberUsage: request(params({})).returns<NumberUsage>(),
    /** Stops the scan in flight after its current page; the scan then answers with what it has. */
    stopNumberUsage: request(params({})).returnsNothing(),
    /** Saves the form: the host shows the exact change in a modal confirmation, then PUTs with If-Match. */
    saveServices: request(params({ edit: ServicesEditSchema })).returns<SaveOutcome>(),
    /** Deletes the account after a modal confirmation naming it and its number count. */
    deleteAccount: request(params({ deleteNumbers: v.boolean() })).returns<DeleteOutcome>(),
    /** Opens the Numbers panel on this account. */
    manageNumbers: request(params({})).returnsNothing(),
    runAction: runActionRequest,
  },
  notifications: {
    /** What the page shows may have changed (a sign-in change, or numbers of this account written elsewhere). */
    refresh: notification<{ readonly reason: 'signIn' | 'numbers' }>(),
    usageProgress: notification<{ readonly scanned: number; readonly total: number }>(),
  },
});

export type AccountProtocol = typeof accountProtocol;

const GATEWAY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/[^/]+$/i;

/**
 * What the page keeps with setState and the serializer restores the panel from. Checked on restore, since it comes
 * back from the webview; the gateway's domain is not in it (it is read from ARM again), so a saved state can never
 * point the panel's tokens at another host. The account name is checked by the rule table on restore.
 */
export const AccountStateSchema = v.object({
  gatewayId: v.pipe(v.string(), v.maxLength(1024), v.regex(GATEWAY_ID, 'not a communications gateway id')),
  gatewayName: v.pipe(v.string(), v.maxLength(128)),
  account: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});

export type AccountState = v.InferOutput<typeof AccountStateSchema>;
