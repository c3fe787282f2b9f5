// What one row of the Numbers panel's grid shows of a number, as plain data the page renders as text: every column the
// Number Management Portal's Numbers blade has, worded as the Numbers tree words them (numberDisplay.ts), and the
// service's errors of a failed number flattened to lines the page shows when the row is expanded. Pure.
import { NO_ADDRESS_NAMES, type CivicAddressNames } from './civicAddressNames';
import type { CoreError, NumberResource, ServiceProvisioningStatus, TelephoneNumberAssignmentStatus } from '../models';
import type { NumberFilter } from './numberFilter';
import { CAPABILITY_SHORT, NUMBER_SERVICES, numberServiceKeys, serviceShortName, teamsDetailsOf, USAGE_SHORT } from './numberDisplay';

export interface NumberGridRow {
  /** `<account>/<number>`: the row's identity across pages and changes (refKey of deletion.ts). */
  readonly key: string;
  readonly telephoneNumber: string;
  readonly accountName: string;
  /** Short names joined: "OC", "OC+DR"; "" when none. */
  readonly services: string;
  /** Full service names, for the cell's title. */
  readonly serviceNames: string;
  readonly usage: string;
  readonly capabilities: string;
  readonly civicAddressId: string;
  /** The address's description (or postal line); "" when unknown (the grid then shows the id). */
  readonly civicAddressName: string;
  readonly locationId: string;
  /** The location's description; "" when unknown. */
  readonly locationName: string;
  /** "yes", "no", or "" when the number has no Teams configuration. */
  readonly allowTenantUpdate: string;
  readonly displayedCountryCode: string;
  readonly customSipHeader: string;
  readonly assignment: TelephoneNumberAssignmentStatus | '';
  readonly status: ServiceProvisioningStatus | '';
  /** The service's errors of a failed number, one line each ("  " per nesting level). */
  readonly errors: readonly string[];
}

export function numberKey(number: Pick<NumberResource, 'accountName' | 'telephoneNumber'>): string {
  return `${number.accountName}/${number.telephoneNumber}`;
}

/** The service's order of numbers (by telephone number, which is unique on a gateway). */
export function compareNumbers(a: Pick<NumberResource, 'telephoneNumber'>, b: Pick<NumberResource, 'telephoneNumber'>): number {
  return a.telephoneNumber < b.telephoneNumber ? -1 : a.telephoneNumber > b.telephoneNumber ? 1 : 0;
}

export function errorTexts(errors: readonly CoreError[] | undefined): string[] {
  const out: string[] = [];
  const walk = (list: readonly CoreError[], depth: number): void => {
    for (const error of list) {
      out.push(`${'  '.repeat(depth)}${error.code}${error.target ? ` (${error.target})` : ''}: ${error.message}`);
      if (error.details?.length) walk(error.details, depth + 1);
    }
  };
  walk(errors ?? [], 0);
  return out;
}

/** `names`: the account's civic addresses, when read, so the address and location show by name. */
export function numberGridRow(number: NumberResource, names: CivicAddressNames = NO_ADDRESS_NAMES): NumberGridRow {
  const keys = numberServiceKeys(number);
  const teams = teamsDetailsOf(number);
  const config = teams?.configuration;
  const status = number.serviceProvisioningStatus ?? '';
  const errors = status === 'failed' ? errorTexts(number.serviceProvisioningErrors) : [];
  return {
    key: numberKey(number),
    telephoneNumber: number.telephoneNumber,
    accountName: number.accountName,
    services: keys.map(serviceShortName).join('+'),
    serviceNames: keys.map((key) => NUMBER_SERVICES.find((s) => s.key === key)?.name ?? key).join(', '),
    usage: config ? [config.usage, ...(config.additionalUsages ?? [])].map((u) => USAGE_SHORT[u] ?? u).join(', ') : '',
    capabilities: config?.choosableCapabilities?.length ? config.choosableCapabilities.map((c) => CAPABILITY_SHORT[c] ?? c).join('/') : '',
    civicAddressId: config?.civicAddressId ?? '',
    civicAddressName: (config?.civicAddressId && names.address(config.civicAddressId)) || '',
    locationId: config?.locationId ?? '',
    locationName: (config?.locationId && names.location(config.civicAddressId, config.locationId)) || '',
    allowTenantUpdate: config?.allowTenantAddressUpdate === undefined ? '' : config.allowTenantAddressUpdate ? 'yes' : 'no',
    displayedCountryCode: config?.displayedCountryCode ?? '',
    customSipHeader: number.configuration?.customSipHeader ?? '',
    assignment: teams?.assignmentStatus ?? '',
    status,
    errors: status === 'failed' && errors.length === 0 ? ['The service reported no error details.'] : errors,
  };
}

/**
 * Whether a number the list does not hold can be in it, as far as its number and account tell (a deleted number is
 * known by these only): the filter's prefix, and the account of an account's list. Status and service are unknown.
 */
export function mayMatch(telephoneNumber: string, accountName: string, scopeAccount: string | undefined, filter: NumberFilter): boolean {
  if (scopeAccount !== undefined && accountName !== scopeAccount) return false;
  return filter.prefix === undefined || telephoneNumber.startsWith(filter.prefix);
}

/** Whether a number as read passes the whole filter (prefix, status and service) of a list of `scopeAccount`. */
export function matchesFilter(number: NumberResource, scopeAccount: string | undefined, filter: NumberFilter): boolean {
  if (!mayMatch(number.telephoneNumber, number.accountName, scopeAccount, filter)) return false;
  if (filter.status !== undefined && number.serviceProvisioningStatus !== filter.status) return false;
  return filter.service === undefined || number.serviceDetails?.[filter.service]?.enabled === true;
}
