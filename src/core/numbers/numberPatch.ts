// Editing numbers that exist: the form shows their current values (a field on which the numbers differ shows as
// mixed), and what is sent is only what the person changed, as a patch. A patch is re-appliable: applied onto a
// resource read afresh (after a 412, or just before a batch write) it changes those fields and keeps everything
// else the service holds, so an edit never silently undoes someone else's change to another field.
import { isTeamsServiceKey, TEAMS_SERVICE_KEYS, type ChoosableCapability, type NumberResource, type NumberUsage, type TeamsNumberConfig, type TeamsServiceKey } from '../models/provisioning';
import { numberServiceKeys } from './numberDisplay';
import type { NumberDraft } from './numberDraft';

/** The editable fields; `null` clears an optional one. */
export interface NumberPatch {
  readonly usage?: NumberUsage;
  readonly choosableCapabilities?: readonly ChoosableCapability[];
  readonly civicAddressId?: string | null;
  readonly locationId?: string | null;
  readonly allowTenantAddressUpdate?: boolean;
  readonly displayedCountryCode?: string | null;
  readonly customSipHeader?: string | null;
}

export type PatchField = keyof NumberPatch;

export const PATCH_FIELD_LABELS: Readonly<Record<PatchField, string>> = {
  usage: 'Usage',
  choosableCapabilities: 'Capabilities',
  civicAddressId: 'Civic address',
  locationId: 'Location',
  allowTenantAddressUpdate: 'Allow tenant address update',
  displayedCountryCode: 'Displayed country code',
  customSipHeader: 'Custom SIP header',
};

/** The Teams service a number is configured under (Operator Connect first), if any. */
export function teamsServiceOf(number: NumberResource): TeamsServiceKey | undefined {
  return TEAMS_SERVICE_KEYS.find((key) => number.serviceDetails[key]?.enabled === true) ?? TEAMS_SERVICE_KEYS.find((key) => number.serviceDetails[key] !== undefined);
}

type Values = { readonly [K in PatchField]-?: NonNullable<NumberPatch[K]> | undefined };

/** A number's current values of the editable fields. */
export function currentValues(number: NumberResource): Values {
  const service = teamsServiceOf(number);
  const config: Partial<TeamsNumberConfig> = (service ? number.serviceDetails[service]?.configuration : undefined) ?? {};
  return {
    usage: config.usage,
    choosableCapabilities: config.choosableCapabilities,
    civicAddressId: config.civicAddressId,
    locationId: config.locationId,
    allowTenantAddressUpdate: config.allowTenantAddressUpdate ?? (service ? false : undefined),
    displayedCountryCode: config.displayedCountryCode,
    customSipHeader: number.configuration?.customSipHeader,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

export interface EditStart {
  /** The form's starting values: the numbers' common values (the first number's where they differ). */
  readonly draft: NumberDraft;
  /** Fields on which the numbers differ (the page shows them as mixed until the person sets them). */
  readonly mixed: readonly PatchField[];
}

/** The form for editing `numbers` (one or many). */
export function editStart(numbers: readonly NumberResource[]): EditStart {
  const first = numbers[0];
  const values = first ? currentValues(first) : undefined;
  const fields = Object.keys(PATCH_FIELD_LABELS) as PatchField[];
  const mixed = fields.filter((field) => numbers.some((n) => !same(currentValues(n)[field], values?.[field])));
  const service = first ? (teamsServiceOf(first) ?? numberServiceKeys(first)[0] ?? 'teamsOperatorConnect') : 'teamsOperatorConnect';
  return {
    draft: {
      service,
      ...(values?.usage ? { usage: values.usage } : {}),
      capabilities: values?.choosableCapabilities ?? [],
      ...(values?.civicAddressId ? { civicAddressId: values.civicAddressId } : {}),
      ...(values?.locationId ? { locationId: values.locationId } : {}),
      allowTenantAddressUpdate: values?.allowTenantAddressUpdate ?? false,
      ...(values?.displayedCountryCode ? { displayedCountryCode: values.displayedCountryCode } : {}),
      ...(values?.customSipHeader ? { customSipHeader: values.customSipHeader } : {}),
    },
    mixed,
  };
}

function draftValues(draft: NumberDraft): Values {
  return {
    usage: draft.usage,
    choosableCapabilities: draft.capabilities,
    civicAddressId: draft.civicAddressId || undefined,
    locationId: draft.locationId || undefined,
    allowTenantAddressUpdate: draft.allowTenantAddressUpdate,
    displayedCountryCode: draft.displayedCountryCode || undefined,
    customSipHeader: draft.customSipHeader || undefined,
  };
}

/** Only the fields the person changed from the form's start (`touched` names mixed fields they set). */
export function patchFromDraft(start: EditStart, edited: NumberDraft, touched: readonly PatchField[] = []): NumberPatch {
  const before = draftValues(start.draft);
  const after = draftValues(edited);
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(PATCH_FIELD_LABELS) as PatchField[]) {
    const isMixed = start.mixed.includes(field);
    if (isMixed ? !touched.includes(field) : same(before[field], after[field])) continue;
    patch[field] = after[field] ?? null;
  }
  return patch as NumberPatch;
}

export function isEmptyPatch(patch: NumberPatch): boolean {
  return Object.keys(patch).length === 0;
}

/** A resource as it may be sent: what the service computes (status, errors, acquired capabilities) left out. */
export function writableNumber(number: NumberResource): NumberResource {
  const serviceDetails: Record<string, unknown> = {};
  for (const [key, details] of Object.entries(number.serviceDetails)) {
    if (details === undefined) continue;
    if (!isTeamsServiceKey(key) || !('configuration' in details) || details.configuration === undefined) {
      serviceDetails[key] = { ...details };
      continue;
    }
    const { acquiredCapabilities: _acquired, availableCapabilities: _available, ...configuration } = details.configuration;
    serviceDetails[key] = { ...details, configuration };
  }
  return {
    telephoneNumber: number.telephoneNumber,
    accountName: number.accountName,
    serviceDetails,
    ...(number.configuration ? { configuration: { ...number.configuration } } : {}),
  };
}

/** The value after a patch: unchanged when the patch leaves it, gone when the patch clears it. */
function patched<T>(current: T | undefined, change: T | null | undefined): T | undefined {
  return change === undefined ? current : (change ?? undefined);
}

/** `value` under `key` when it is set; nothing otherwise (the service treats a missing field as unset). */
function optional<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, T>>;
}

/** `patch` applied onto `number` (a fresh read): the patched fields change, everything else stays as the service has it. */
export function applyPatch(number: NumberResource, patch: NumberPatch): NumberResource {
  const next = structuredClone(writableNumber(number));
  const service = teamsServiceOf(next);
  const details = service ? next.serviceDetails[service] : undefined;
  if (details) {
    const { civicAddressId, locationId, displayedCountryCode, ...rest }: TeamsNumberConfig = details.configuration ?? { usage: 'CallingUserAssignment', choosableCapabilities: [] };
    details.configuration = {
      ...rest,
      ...(patch.usage !== undefined ? { usage: patch.usage } : {}),
      ...(patch.choosableCapabilities !== undefined ? { choosableCapabilities: [...patch.choosableCapabilities] } : {}),
      ...optional('civicAddressId', patched(civicAddressId, patch.civicAddressId)),
      ...optional('locationId', patched(locationId, patch.locationId)),
      ...(patch.allowTenantAddressUpdate !== undefined ? { allowTenantAddressUpdate: patch.allowTenantAddressUpdate } : {}),
      ...optional('displayedCountryCode', patched(displayedCountryCode, patch.displayedCountryCode)),
    };
  }
  if (patch.customSipHeader !== undefined) {
    const header = patched(next.configuration?.customSipHeader, patch.customSipHeader);
    if (header === undefined) delete next.configuration;
    else next.configuration = { ...next.configuration, customSipHeader: header };
  }
  return next;
}

export interface FieldChange {
  readonly field: PatchField;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

/** What differs between two versions of a number, field by field (the confirmation's and the conflict's diff). */
export function numberDiff(before: NumberResource, after: NumberResource): FieldChange[] {
  const a = currentValues(before);
  const b = currentValues(after);
  return (Object.keys(PATCH_FIELD_LABELS) as PatchField[])
    .filter((field) => !same(a[field], b[field]))
    .map((field) => ({ field, label: PATCH_FIELD_LABELS[field], before: shown(a[field]), after: shown(b[field]) }));
}

/** One line per patched field: "Custom SIP header → contoso-hq", "Location → (none)". */
export function describePatch(patch: NumberPatch): string[] {
  return (Object.keys(patch) as PatchField[]).map((field) => `${PATCH_FIELD_LABELS[field]} → ${shown(patch[field])}`);
}
