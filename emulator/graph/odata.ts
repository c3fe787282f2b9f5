// The slice of OData that the onboarding checks use: `$filter` with `eq`, `startswith` and (on dates) `le`/`ge`/`lt`/
// `gt`, joined by `and`; `$select`, `$top` and server-driven paging through `@odata.nextLink`. Anything else is refused the way Graph refuses it.
import { graphError } from '../errors';
import { header, json, type EmulatorResponse, type RequestContext } from '../http';

export type FilterValue = string | number | boolean;

export type FilterOperator = 'eq' | 'le' | 'ge' | 'lt' | 'gt';

export interface FilterClause {
  readonly kind: FilterOperator | 'startswith';
  readonly property: string;
  readonly value: FilterValue;
}

/** Per property: how to read it from an item. Keys are the canonical Graph property names. */
export type Filterable<T> = Readonly<Record<string, (item: T) => FilterValue | null | undefined>>;

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;
// Groups: 1-2 startswith(property, 'value'); 3 property, 4 operator, then the literal: 5 quoted string, 6 GUID,
// 7 DateTimeOffset (unquoted, as OData writes it), 8 boolean, 9 integer.
const CLAUSE =
  /^\s*(?:startswith\(\s*([A-Za-z]+)\s*,\s*'((?:[^']|'')*)'\s*\)|([A-Za-z]+)\s+(eq|le|ge|lt|gt)\s+(?:'((?:[^']|'')*)'|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})|(\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2}))|(true|false)|(-?\d+)))\s*/i;

export function badRequest(req: RequestContext, message: string, code = 'BadRequest'): EmulatorResponse {
  return graphErrorFor(req, 400, code, message);
}

export function graphErrorFor(req: RequestContext, status: number, code: string, message: string): EmulatorResponse {
  return graphError(status, code, message, header(req, 'client-request-id'));
}

/** Parses a `$filter` expression, or returns `undefined` when it is not in the supported grammar. */
export function parseFilter(expression: string): FilterClause[] | undefined {
  const clauses: FilterClause[] = [];
  let rest = expression;
  for (;;) {
    const m = CLAUSE.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) {
      clauses.push({ kind: 'startswith', property: m[1], value: m[2].replace(/''/g, "'") });
    } else {
      const value: FilterValue = m[5] !== undefined ? m[5].replace(/''/g, "'") : m[6] ?? m[7] ?? (m[8] !== undefined ? m[8].toLowerCase() === 'true' : Number(m[9]));
      clauses.push({ kind: m[4].toLowerCase() as FilterOperator, property: m[3], value });
    }
    rest = rest.slice(m[0].length);
    if (rest === '') return clauses;
    const and = /^and\s+/i.exec(rest);
    if (!and) return undefined;
    rest = rest.slice(and[0].length);
  }
}

function matches(actual: FilterValue | null | undefined, clause: FilterClause): boolean {
  if (actual === null || actual === undefined) return false;
  // Directory string comparisons are case-insensitive.
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const v = typeof clause.value === 'string' ? clause.value.toLowerCase() : clause.value;
  if (clause.kind === 'startswith') return typeof a === 'string' && typeof v === 'string' && a.startsWith(v);
  if (clause.kind === 'eq') return a === v;
  const order = compare(a, v);
  if (order === undefined) return false;
  return clause.kind === 'le' ? order <= 0 : clause.kind === 'ge' ? order >= 0 : clause.kind === 'lt' ? order < 0 : order > 0;
}

/** Dates compare as instants (Graph's DateTimeOffset), numbers as numbers; anything else does not compare. */
function compare(a: FilterValue, b: FilterValue): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  const [x, y] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(x) || Number.isNaN(y) ? undefined : x - y;
}

/** Applies `$filter` from the request. Unsupported properties get Graph's Request_UnsupportedQuery. */
export function applyFilter<T>(
  req: RequestContext,
  items: readonly T[],
  filterable: Filterable<T>,
  typeName: string,
  /** Properties that also take le, ge, lt and gt (Graph allows them on dates such as createdDateTime). */
  orderable: readonly string[] = [],
): { items: T[] } | { error: EmulatorResponse } {
  const expression = req.query.get('$filter');
  if (expression === null || expression.trim() === '') return { items: [...items] };
  const clauses = parseFilter(expression);
  if (!clauses) return { error: badRequest(req, `Invalid filter clause: the expression '${expression}' is not supported. Use property eq 'value' (or le/ge/lt/gt on dates) or startswith(property,'value'), joined by and.`) };
  const readers: ((item: T) => boolean)[] = [];
  for (const clause of clauses) {
    const key = Object.keys(filterable).find((k) => k.toLowerCase() === clause.property.toLowerCase());
    if (!key) {
      return {
        error: badRequest(req, `Unsupported or invalid query filter clause specified for property '${clause.property}' of resource '${typeName}'.`, 'Request_UnsupportedQuery'),
      };
    }
    if (clause.kind !== 'eq' && clause.kind !== 'startswith' && !orderable.includes(key)) {
      return {
        error: badRequest(req, `Unsupported or invalid query filter clause specified for property '${key}' of resource '${typeName}'.`, 'Request_UnsupportedQuery'),
      };
    }
    const read = filterable[key];
    readers.push((item) => matches(read(item), clause));
  }
  return { items: items.filter((item) => readers.every((test) => test(item))) };
}

/** Parses `$select` against the properties an entity has; `undefined` means all. */
export function parseSelect(req: RequestContext, properties: readonly string[], typeName: string): { select: string[] | undefined } | { error: EmulatorResponse } {
  const raw = req.query.get('$select');
  if (raw === null || raw.trim() === '') return { select: undefined };
  const select: string[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const canonical = properties.find((p) => p.toLowerCase() === part.toLowerCase());
    if (!canonical) return { error: badRequest(req, `Could not find a property named '${part}' on type 'microsoft.graph.${typeName}'.`, 'Request_BadRequest') };
    if (!select.includes(canonical)) select.push(canonical);
  }
  return { select };
}

export function project(entity: Record<string, unknown>, select: readonly string[] | undefined): Record<string, unknown> {
  if (!select) return entity;
  return Object.fromEntries(select.map((key) => [key, entity[key]]));
}

export function metadataUrl(req: RequestContext, fragment: string, select?: readonly string[]): string {
  return `${req.origin}/graph/v1.0/$metadata#${fragment}${select ? `(${select.join(',')})` : ''}`;
}

/** A single entity with its `@odata.context` (`…#servicePrincipals/$entity`). */
export function entity(req: RequestContext, entitySet: string, value: Record<string, unknown>, select?: readonly string[], status = 200): EmulatorResponse {
  return json(status, { '@odata.context': `${metadataUrl(req, entitySet, select)}/$entity`, ...project(value, select) });
}

/**
 * A collection page: `{ @odata.context, value, @odata.nextLink? }`, honouring `$top` (1–999, Graph's limit) and a
 * `$skiptoken` that the next link carries.
 */
export function collection(req: RequestContext, contextFragment: string, items: readonly Record<string, unknown>[], select?: readonly string[]): EmulatorResponse {
  const topRaw = req.query.get('$top');
  let size = DEFAULT_PAGE_SIZE;
  if (topRaw !== null) {
    const top = Number(topRaw);
    if (!/^\d+$/.test(topRaw) || top < 1 || top > MAX_PAGE_SIZE) {
      return badRequest(req, `Invalid page size specified: '${topRaw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`, 'Request_BadRequest');
    }
    size = top;
  }
  let offset = 0;
  const token = req.query.get('$skiptoken');
  if (token !== null) {
    const decoded = /^X'([0-9a-f]+)'$/i.exec(token);
    if (!decoded) return badRequest(req, `The skip token '${token}' is invalid.`, 'Request_BadRequest');
    offset = parseInt(decoded[1], 16);
  }
  const page = items.slice(offset, offset + size).map((item) => project(item, select));
  const body: Record<string, unknown> = { '@odata.context': metadataUrl(req, contextFragment, select), value: page };
  if (offset + size < items.length) {
    const next = new URL(req.url.pathname, req.origin);
    for (const [key, value] of req.query) if (key !== '$skiptoken') next.searchParams.set(key, value);
    // Graph's directory skip tokens look like X'4453…'; the emulator's is the hex offset in the same wrapper.
    next.searchParams.set('$skiptoken', `X'${(offset + size).toString(16).padStart(8, '0')}'`);
    body['@odata.nextLink'] = next.toString();
  }
  return json(200, body);
}
