// What the Number editor page may ask its host, and what the host tells it. The page only describes: text to read,
// the form's values, which mode. Everything that writes (the numbers, the patch) is rebuilt host-side from those,
// checked by the core rules, and confirmed in VS Code's own modal dialog before anything is sent.
import * as v from 'valibot';
import { CHOOSABLE_CAPABILITIES, NUMBER_USAGES, SERVICE_KEYS } from '../../core/models/provisioning';
import type { AddressChoice, DraftFinding, NumberDraft, ServiceChoice, UsageChoice } from '../../core/numbers/numberDraft';
import type { PastedNumbers } from '../../core/numbers/pastedNumbers';
import { defineProtocol, notification, params, plainObject, request, runActionRequest } from '../shared/protocol';

// The page names the core's types through this module only: browser code imports its protocol, not src/core.
export type { AddressChoice, DraftField, DraftFinding, LocationChoice, NumberDraft, ServiceChoice, UsageChoice } from '../../core/numbers/numberDraft';
export type { PastedNumber, PastedNumbers } from '../../core/numbers/pastedNumbers';
export type { PatchField } from '../../core/numbers/numberPatch';

export const EDITOR_MODES = ['create', 'edit', 'importCsv'] as const;
export type EditorMode = (typeof EDITOR_MODES)[number];

export interface EditorIdentity {
  readonly mode: EditorMode;
  readonly gatewayId: string;
  readonly gatewayName: string;
  readonly gatewayDomain: string;
  readonly account: string;
  /** The numbers being edited (edit mode). */
  readonly telephoneNumbers: readonly string[];
}

export interface EditedNumber {
  readonly telephoneNumber: string;
  readonly status?: string;
  readonly services: string;
  readonly usage?: string;
  readonly customSipHeader?: string;
}

/** What the form may offer: from the account, its capability plans and civic addresses, never a list of our own. */
export interface EditorSetup {
  readonly services: readonly ServiceChoice[];
  readonly usages: Readonly<Partial<Record<string, readonly UsageChoice[]>>>;
  readonly addresses: readonly AddressChoice[];
  /** The rule about the emergency address and "allow tenant update", as the rule table states it. */
  readonly emergencyRule: string;
  readonly defaultCountry?: string;
  /** Edit mode: the numbers as read now, the form's start, and the fields on which they differ. */
  readonly edit?: {
    readonly numbers: readonly EditedNumber[];
    readonly start: NumberDraft;
    readonly mixed: readonly string[];
    /** Numbers asked for that do not exist (left out). */
    readonly missing: readonly string[];
  };
}

export interface NumberStatusRow {
  readonly telephoneNumber: string;
  readonly status: 'pending' | 'synced' | 'failed' | 'notSent' | 'deleted';
  readonly error?: string;
}

export interface WriteReport {
  /** False when the person did not confirm (nothing was sent). */
  readonly sent: boolean;
  readonly message: string;
  readonly rows: readonly NumberStatusRow[];
  readonly cancelled: boolean;
  /** Edit mode: the numbers as written, for the "Current values" table. */
  readonly numbers?: readonly EditedNumber[];
}

export interface CsvFinding {
  readonly line: number;
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

export interface CsvPreview {
  readonly fileName: string;
  readonly rows: number;
  /** Numbers the file would write, by account. */
  readonly accounts: readonly { readonly account: string; readonly numbers: number }[];
  readonly findings: readonly CsvFinding[];
  readonly errors: number;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Id = v.optional(Text(256));

export const DraftSchema = plainObject({
  service: v.picklist(SERVICE_KEYS),
  usage: v.optional(v.picklist(NUMBER_USAGES)),
  capabilities: v.pipe(v.array(v.picklist(CHOOSABLE_CAPABILITIES)), v.maxLength(CHOOSABLE_CAPABILITIES.length)),
  civicAddressId: Id,
  locationId: Id,
  allowTenantAddressUpdate: v.boolean(),
  displayedCountryCode: v.optional(Text(8)),
  customSipHeader: v.optional(Text(256)),
});

/** A paste of up to 10,000 numbers in any format: bounded far above that. */
const PasteSchema = Text(400_000);
const TouchedSchema = v.pipe(v.array(v.picklist(['usage', 'choosableCapabilities', 'civicAddressId', 'locationId', 'allowTenantAddressUpdate', 'displayedCountryCode', 'customSipHeader'])), v.maxLength(7));

export const numberEditorProtocol = defineProtocol({
  name: 'Number editor',
  requests: {
    identity: request(params({})).returns<EditorIdentity>(),
    /** The form's choices (and, to edit, the numbers as they are now). */
    setup: request(params({})).returns<EditorSetup>(),
    /** The live preview of a paste: each entry's E.164 form, changed, invalid or repeated. */
    preview: request(params({ text: PasteSchema })).returns<PastedNumbers>(),
    /** The form's findings for the pasted numbers (create) or the edited ones (edit), from the core rules. */
    check: request(params({ text: PasteSchema, draft: DraftSchema })).returns<readonly DraftFinding[]>(),
    /** Confirms (modal, in VS Code) and creates the pasted numbers; progress streams; the page cancels between batches. */
    create: request(params({ text: PasteSchema, draft: DraftSchema })).returns<WriteReport>(),
    /** Confirms and applies the changed fields to the numbers being edited (If-Match for one; a 412 offers reload and re-apply). */
    edit: request(params({ draft: DraftSchema, touched: TouchedSchema })).returns<WriteReport>(),
    /** Stops the write in progress between batches; the write's own request then answers with what was done. */
    cancelWrite: request(params({})).returnsNothing(),
    /** Asks VS Code for a CSV file and validates it with the config engine; nothing is sent. */
    pickCsv: request(params({})).returns<CsvPreview | undefined>(),
    /** Confirms and writes the CSV picked last; refused while it has errors. */
    importCsv: request(params({})).returns<WriteReport>(),
    runAction: runActionRequest,
  },
  notifications: {
    progress: notification<{ readonly done: number; readonly total: number; readonly batch: number; readonly batches: number }>(),
    /** Numbers of this account changed status (the follow-up, or another panel's write). */
    status: notification<{ readonly rows: readonly NumberStatusRow[]; readonly numbers?: readonly EditedNumber[] }>(),
    /** The sign-in changed: read the setup again. */
    refresh: notification<{ readonly reason: 'signIn' }>(),
  },
});

export type NumberEditorProtocol = typeof numberEditorProtocol;

const GATEWAY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/[^/]+$/i;

/** What the page keeps with setState and the serializer restores the panel from; checked on restore. */
export const NumberEditorStateSchema = v.object({
  mode: v.picklist(EDITOR_MODES),
  gatewayId: v.pipe(v.string(), v.maxLength(1024), v.regex(GATEWAY_ID, 'not a communications gateway id')),
  gatewayName: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  gatewayDomain: v.pipe(v.string(), v.minLength(1), v.maxLength(253)),
  account: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  telephoneNumbers: v.pipe(v.array(v.pipe(v.string(), v.maxLength(16))), v.maxLength(1000)),
});

export type NumberEditorState = v.InferOutput<typeof NumberEditorStateSchema>;
