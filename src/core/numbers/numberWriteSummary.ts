// The confirmation of a number write, worded once for the editor's create, edit and CSV import: what will change,
// exactly, and for many numbers a summary plus a sample (VS Code's modal dialog is no place for 1,000 lines).
import { SERVICES, type NumberResource } from '../models/provisioning';
import { NO_ADDRESS_NAMES, nameWithId, type CivicAddressNames } from './civicAddressNames';
import { currentValues, describePatch, type FieldChange, type NumberPatch } from './numberPatch';

export const SAMPLE_SIZE = 10;

export interface WriteConfirmation {
  readonly message: string;
  readonly detail: string;
  readonly confirmLabel: string;
}

function count(n: number, what = 'number'): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}

/** "+44…, +44… and 990 more": at most SAMPLE_SIZE listed. */
export function sampleLines(telephoneNumbers: readonly string[]): string[] {
  const shown = telephoneNumbers.slice(0, SAMPLE_SIZE).map((n) => `  ${n}`);
  const more = telephoneNumbers.length - shown.length;
  return more > 0 ? [...shown, `  … and ${more.toLocaleString('en-US')} more`] : shown;
}

/** The settings every number of a create gets, one per line (from the first: they all share them). */
function settingsLines(number: NumberResource, names: CivicAddressNames): string[] {
  const services = SERVICES.filter((s) => number.serviceDetails[s.key]?.enabled === true).map((s) => s.name);
  const values = currentValues(number);
  const line = (label: string, value: string | readonly string[] | boolean | undefined): string | undefined =>
    value === undefined || (Array.isArray(value) && value.length === 0) ? undefined : `${label}: ${Array.isArray(value) ? value.join(', ') : String(value)}`;
  return [
    line('Service', services),
    line('Usage', values.usage),
    line('Capabilities', values.choosableCapabilities),
    line('Civic address', values.civicAddressId ? nameWithId(names.address(values.civicAddressId), values.civicAddressId) : undefined),
    line('Location', values.locationId ? nameWithId(names.location(values.civicAddressId, values.locationId), values.locationId) : undefined),
    line('Allow tenant address update', values.allowTenantAddressUpdate),
    line('Displayed country code', values.displayedCountryCode),
    line('Custom SIP header', values.customSipHeader),
  ].filter((l): l is string => l !== undefined);
}

/** `names`: the account's civic addresses, so the address and location read as the enterprise named them. */
export function createConfirmation(account: string, numbers: readonly NumberResource[], names: CivicAddressNames = NO_ADDRESS_NAMES): WriteConfirmation {
  const first = numbers[0];
  return {
    message: `Create ${count(numbers.length)} in ${account}?`,
    detail: [...(first ? settingsLines(first, names) : []), '', `${count(numbers.length)}:`, ...sampleLines(numbers.map((n) => n.telephoneNumber)), '', 'Numbers that already exist are updated to these settings.'].join('\n'),
    confirmLabel: 'Create',
  };
}

export function editConfirmation(account: string, telephoneNumbers: readonly string[], patch: NumberPatch): WriteConfirmation {
  return {
    message: `Change ${telephoneNumbers.length === 1 ? telephoneNumbers[0] : count(telephoneNumbers.length)} in ${account}?`,
    detail: [...describePatch(patch), '', `${count(telephoneNumbers.length)}:`, ...sampleLines(telephoneNumbers), '', 'Other settings stay as the service has them now.'].join('\n'),
    confirmLabel: 'Apply Changes',
  };
}

/** One number's change, field by field: "Custom SIP header: old → new". */
export function diffLines(changes: readonly FieldChange[]): string[] {
  return changes.length === 0 ? ['(no change)'] : changes.map((c) => `${c.label}: ${c.before} → ${c.after}`);
}

/** After a 412: what someone else changed, and what applying the edit onto that would now change. */
export function conflictConfirmation(telephoneNumber: string, theirs: readonly FieldChange[], ours: readonly FieldChange[]): WriteConfirmation {
  return {
    message: `${telephoneNumber} changed since it was read. Reload it and re-apply your change?`,
    detail: ['Changed meanwhile:', ...diffLines(theirs).map((l) => `  ${l}`), '', 'Your change, applied onto the number as it is now:', ...diffLines(ours).map((l) => `  ${l}`)].join('\n'),
    confirmLabel: 'Reload and Re-apply',
  };
}
