// What the Numbers panel's page may ask its host, and what the host tells it. The page asks for one page of the list
// at a time (by index, with the filter it shows); the host holds a window of pages (core/numbers/numberGridWindow.ts)
// and reads the service only for a page it does not hold. Everything that writes (delete) or leaves the extension
// (export) is confirmed by VS Code, never by the page, and the host deletes only numbers it has shown this page.
import * as v from 'valibot';
import { SERVICE_KEYS, SERVICE_PROVISIONING_STATUSES } from '../../core/models';
import type { NumberGridRow } from '../../core/numbers/numberGridRow';
import { defineProtocol, notification, params, plainObject, request, runActionRequest } from '../shared/protocol';

// The page names the view model's types through this module only: browser code imports its protocol, not src/core.
export type { NumberGridRow } from '../../core/numbers/numberGridRow';
export { SERVICES } from '../../core/models';
export { SERVICE_PROVISIONING_STATUSES } from '../../core/models';

/** Numbers one request may name (select, delete, open in the editor): ten pages of the grid. */
export const MAX_SELECTED = 1000;
/** The highest page index the page may ask for (far above 10,000,000 numbers at 100 a page). */
const MAX_PAGE_INDEX = 1_000_000;

const E164 = v.pipe(v.string(), v.maxLength(16), v.regex(/^\+[1-9]\d{1,14}$/, 'not an E.164 telephone number'));
const ACCOUNT_NAME = v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.regex(/^[A-Za-z0-9_-]+$/, 'not an account name'));

const GRID_FILTER_ENTRIES = {
  prefix: v.optional(v.pipe(v.string(), v.maxLength(16), v.regex(/^\+[1-9]\d*$/, 'a prefix is + and digits'))),
  service: v.optional(v.picklist(SERVICE_KEYS)),
  status: v.optional(v.picklist(SERVICE_PROVISIONING_STATUSES)),
};
export const GridFilterSchema = plainObject(GRID_FILTER_ENTRIES);
export type GridFilter = v.InferOutput<typeof GridFilterSchema>;

const NumberRefSchema = plainObject({ accountName: ACCOUNT_NAME, telephoneNumber: E164 });
const NumberRefsSchema = v.pipe(v.array(NumberRefSchema), v.minLength(1), v.maxLength(MAX_SELECTED));

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type GridExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which numbers command of the number editor a toolbar button opens. */
export const EDITOR_ACTIONS = ['create', 'edit', 'importCsv'] as const;
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

export interface NumbersGridIdentity {
  readonly gatewayId: string;
  readonly gatewayName: string;
  /** Undefined: every account of the gateway. */
  readonly account?: string;
  readonly pageSize: number;
  /** Opened to show one number (Find Number…): filter to it and select it. */
  readonly reveal?: RevealNumber;
}

export interface RevealNumber {
  readonly telephoneNumber: string;
  readonly filter: GridFilter;
}

export interface GridPageResult {
  readonly index: number;
  /** Undefined until the service said how many match. */
  readonly pageCount?: number;
  readonly total?: number;
  readonly pageSize: number;
  readonly rows: readonly NumberGridRow[];
  /** Numbers the service sent for this page; more than rows.length when the service filter is applied per page. */
  readonly scanned: number;
  /** The service filter is applied to each page as it arrives (the service cannot filter on it). */
  readonly filteredPerPage: boolean;
  /** Pages the host holds (the page shows them as "in memory"). */
  readonly held: readonly number[];
}

export interface DeleteReport {
  /** False when the person did not confirm: nothing was sent. */
  readonly confirmed: boolean;
  readonly requested: number;
  /** Numbers whose batches the service accepted. */
  readonly deleted: readonly string[];
  /** Numbers never sent (a cancel between batches, or a failed batch and those after it). */
  readonly notSent: number;
  readonly cancelled: boolean;
  /** One sentence for the page's status line. */
  readonly message: string;
}

export interface ExportReport {
  /** Undefined when the person cancelled the save dialog. */
  readonly savedTo?: string;
  readonly count: number;
  readonly message: string;
}

export const numbersGridProtocol = defineProtocol({
  name: 'Numbers panel',
  requests: {
    /** Which gateway and account this panel shows (the page keeps them with setState, for the serializer). */
    identity: request(params({})).returns<NumbersGridIdentity>(),
    /**
     * Page `index` (or the last page) of the list under `filter`. A filter other than the window's, or `reload`,
     * starts the window afresh.
     */
    page: request(params({ index: v.union([v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_PAGE_INDEX)), v.literal('last')]), filter: GridFilterSchema, reload: v.boolean() })).returns<GridPageResult>(),
    /** Opens the number editor (Create Numbers…, Edit Numbers…, Import Numbers from CSV…) for this account. */
    openEditor: request(params({ action: v.picklist(EDITOR_ACTIONS), telephoneNumbers: v.pipe(v.array(E164), v.maxLength(MAX_SELECTED)) })).returnsNothing(),
    /** Deletes numbers this panel showed, after VS Code's modal confirmation; in batches of ≤100 with progress and Cancel. */
    deleteNumbers: request(params({ numbers: NumberRefsSchema })).returns<DeleteReport>(),
    /** Saves the list under `filter` as the portal's CSV or as JSON, read page by page. */
    exportNumbers: request(params({ format: v.picklist(EXPORT_FORMATS), filter: GridFilterSchema })).returns<ExportReport>(),
    runAction: runActionRequest,
  },
  notifications: {
    /** What the page shows has changed under it (a sign-in change): read the page again. */
    refresh: notification<{ readonly reason: 'signIn' }>(),
    /** Numbers changed on the page shown (a status settled, a number written or deleted): its rows as they are now. */
    rowsChanged: notification<{ readonly page: GridPageResult }>(),
    /** The panel was asked to show one number (Find Number…): filter to it and select it. */
    reveal: notification<RevealNumber>(),
  },
});

export type NumbersGridProtocol = typeof numbersGridProtocol;

const GATEWAY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/[^/]+$/i;

/**
 * What the page keeps with setState and the serializer restores the panel from: the gateway, the account, and where
 * the person was (filter and page). Checked on restore, since it comes back from the webview. Not strict: a state
 * saved by a later version with more fields still restores.
 */
export const NumbersGridStateSchema = v.object({
  gatewayId: v.pipe(v.string(), v.maxLength(1024), v.regex(GATEWAY_ID, 'not a communications gateway id')),
  gatewayName: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  account: v.optional(ACCOUNT_NAME),
  filter: v.optional(v.object(GRID_FILTER_ENTRIES)),
  page: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_PAGE_INDEX))),
});

export type NumbersGridState = v.InferOutput<typeof NumbersGridStateSchema>;
