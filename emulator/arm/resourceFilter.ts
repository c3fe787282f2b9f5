// The $filter of ARM's generic resource lists, in the forms the SDKs and az send: `resourceType eq '…'`,
// `resourceGroup eq '…'`, `name eq '…'`, `location eq '…'`, and `and` of them. ARM compares values without regard to
// case. Anything else is refused with ARM's own 400, never ignored: a list wider than the caller asked for is what
// breaks a client that trusts the filter.
import { armError } from '../errors';
import type { EmulatorResponse } from '../http';

export type ResourceFilterField = 'resourceType' | 'resourceGroup' | 'name' | 'location';

export interface FilterableResource {
  resourceType: string;
  resourceGroup: string;
  name: string;
  location: string;
}

export type ResourceFilter = (resource: FilterableResource) => boolean;

const CLAUSE = /^\s*(resourceType|resourceGroup|name|location)\s+eq\s+'((?:[^']|'')*)'\s*$/i;
const FIELDS: Readonly<Record<string, ResourceFilterField>> = { resourcetype: 'resourceType', resourcegroup: 'resourceGroup', name: 'name', location: 'location' };

/** The filter as a predicate (everything passes when there is none), or ARM's InvalidFilterInQueryString. */
export function parseResourceFilter(filter: string | null): { matches: ResourceFilter } | { error: EmulatorResponse } {
  if (filter === null || filter.trim() === '') return { matches: () => true };
  const clauses: { field: ResourceFilterField; value: string }[] = [];
  for (const part of splitOnAnd(filter)) {
    const m = CLAUSE.exec(part);
    if (!m) return { error: invalidFilter(filter) };
    clauses.push({ field: FIELDS[m[1].toLowerCase()], value: m[2].replace(/''/g, "'").toLowerCase() });
  }
  return { matches: (resource) => clauses.every((c) => resource[c.field].toLowerCase() === c.value) };
}

export function invalidFilter(filter: string): EmulatorResponse {
  return armError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
}

/** Splits on the word `and` outside quoted strings (a quote inside a value is written twice, OData style). */
function splitOnAnd(filter: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") quoted = !quoted;
    else if (!quoted && /^\sand\s/i.test(filter.slice(i, i + 5))) {
      parts.push(filter.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(filter.slice(start));
  return parts;
}
