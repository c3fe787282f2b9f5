// The Numbers view's filter: a number prefix, a service and a provisioning status. Prefix and status go to the
// service as its `filter` expression (`startswith(telephoneNumber,'+44') and serviceProvisioningStatus eq 'failed'`,
// the grammar the emulator documents in emulator/provisioning/filter.ts), so a filtered list of 100,000 numbers is
// still paged by the service. The service cannot filter on which service a number has, so that part is applied to
// each page as it arrives (see PagedList's `keep`).
import type { NumberResource, ServiceProvisioningStatus } from '../models';
import { SERVICE_PROVISIONING_STATUSES } from '../models';
import { TELEPHONE_NUMBER_MAX_LENGTH } from '../limits';
import { NUMBER_SERVICES, serviceShortName, type NumberServiceKey } from './numberDisplay';

export interface NumberFilter {
  /** E.164 prefix: '+' then digits ('+44', '+4420'). */
  readonly prefix?: string;
  readonly service?: NumberServiceKey;
  readonly status?: ServiceProvisioningStatus;
}

export const NO_FILTER: NumberFilter = {};

export function isFilterEmpty(filter: NumberFilter): boolean {
  return filter.prefix === undefined && filter.service === undefined && filter.status === undefined;
}

/** '+44 20' or '4420' → '+4420': people type numbers with spaces and without the plus. */
export function normalizePrefix(text: string): string {
  const compact = text.replace(/[\s().-]/g, '');
  if (compact === '') return '';
  return compact.startsWith('+') ? compact : `+${compact}`;
}

/** The input box's message for a prefix, or undefined when it is acceptable (empty means "no prefix"). */
export function validatePrefix(text: string): string | undefined {
  const prefix = normalizePrefix(text);
  if (prefix === '') return undefined;
  if (!/^\+[1-9]\d*$/.test(prefix)) return 'A number prefix is + and digits, starting with the country code (for example +44 or +1425).';
  if (prefix.length > TELEPHONE_NUMBER_MAX_LENGTH) return `A number has at most ${TELEPHONE_NUMBER_MAX_LENGTH} characters, so this prefix matches nothing.`;
  return undefined;
}

/** An OData string literal: quotes inside are doubled. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The service's `filter` expression for the server-side part, or undefined when there is nothing to send. */
export function serverFilter(filter: NumberFilter): string | undefined {
  const clauses: string[] = [];
  if (filter.prefix) clauses.push(`startswith(telephoneNumber,${literal(filter.prefix)})`);
  if (filter.status) clauses.push(`serviceProvisioningStatus eq ${literal(filter.status)}`);
  return clauses.length ? clauses.join(' and ') : undefined;
}

/** The part the service cannot do, applied to each page; undefined when every item is kept. */
export function clientPredicate(filter: NumberFilter): ((number: NumberResource) => boolean) | undefined {
  const service = filter.service;
  if (!service) return undefined;
  return (number) => number.serviceDetails?.[service]?.enabled === true;
}

/** For the view's description: "+44… · OC · failed", or undefined with no filter. */
export function describeFilter(filter: NumberFilter): string | undefined {
  const parts = [filter.prefix ? `${filter.prefix}…` : undefined, filter.service ? serviceShortName(filter.service) : undefined, filter.status];
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? undefined : text;
}

export function isServiceKey(value: unknown): value is NumberServiceKey {
  return NUMBER_SERVICES.some((s) => s.key === value);
}

export function isProvisioningStatus(value: unknown): value is ServiceProvisioningStatus {
  return SERVICE_PROVISIONING_STATUSES.some((s) => s === value);
}

/** A filter from automation input (a command argument), ignoring anything that is not a valid field. */
export function parseNumberFilter(value: unknown): NumberFilter | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const prefix = typeof record.prefix === 'string' && validatePrefix(record.prefix) === undefined ? normalizePrefix(record.prefix) : undefined;
  return {
    ...(prefix ? { prefix } : {}),
    ...(isServiceKey(record.service) ? { service: record.service } : {}),
    ...(isProvisioningStatus(record.status) ? { status: record.status } : {}),
  };
}
