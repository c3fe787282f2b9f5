// Azure.Core paging for every list: `skip` and `top` select a window of the (filtered, ordered) collection,
// `maxpagesize` cuts it into pages, and `nextLink` is an absolute URL that carries everything needed to fetch the
// next page. `countRecords=true` adds `x-ms-record-count`, the number of matching records before skip/top.
//
// Page size: PROVISIONING_DEFAULT_PAGE_SIZE (100) by default; a larger `maxpagesize` is honoured up to
// PROVISIONING_MAX_PAGE_SIZE (1000) and quietly capped there (Azure.Core lets a service return fewer items than asked for).
import { PROVISIONING_DEFAULT_PAGE_SIZE, PROVISIONING_MAX_PAGE_SIZE } from '../../src/core/limits';
import { coreError } from '../errors';
import { json, type EmulatorResponse, type RequestContext } from '../http';
import { parseFilter, type FieldSpec, type Filter } from './filter';

export interface ListParams {
  skip: number;
  /** Total items to return across all pages; undefined means all. */
  top: number | undefined;
  pageSize: number;
  filter: Filter;
  countRecords: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: EmulatorResponse };

export function parseListParams(ctx: RequestContext, fields: Readonly<Record<string, FieldSpec>>): Parsed<ListParams> {
  const skip = integerParam(ctx, 'skip', 0);
  if (!skip.ok) return skip;
  const top = integerParam(ctx, 'top', 0);
  if (!top.ok) return top;
  const size = integerParam(ctx, 'maxpagesize', 1);
  if (!size.ok) return size;
  const count = booleanParam(ctx, 'countRecords');
  if (!count.ok) return count;
  let filter: Filter = [];
  const filterText = ctx.query.get('filter');
  if (filterText !== null && filterText.trim() !== '') {
    const parsed = parseFilter(filterText, fields);
    if (!parsed.ok) {
      return { ok: false, response: coreError(400, 'InvalidFilter', `The filter '${filterText}' is not supported: ${parsed.message}`, { target: 'filter' }) };
    }
    filter = parsed.filter;
  }
  return {
    ok: true,
    value: {
      skip: skip.value ?? 0,
      top: top.value,
      pageSize: Math.min(size.value ?? PROVISIONING_DEFAULT_PAGE_SIZE, PROVISIONING_MAX_PAGE_SIZE),
      filter,
      countRecords: count.value ?? false,
    },
  };
}

function integerParam(ctx: RequestContext, name: string, min: number): Parsed<number | undefined> {
  const raw = ctx.query.get(name);
  if (raw === null) return { ok: true, value: undefined };
  const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(value) || value < min) {
    return {
      ok: false,
      response: coreError(400, 'InvalidQueryParameterValue', `The query parameter '${name}' must be an integer ≥ ${min}; got '${raw}'.`, { target: name }),
    };
  }
  return { ok: true, value };
}

export function booleanParam(ctx: RequestContext, name: string): Parsed<boolean | undefined> {
  const raw = ctx.query.get(name);
  if (raw === null) return { ok: true, value: undefined };
  const lower = raw.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    return {
      ok: false,
      response: coreError(400, 'InvalidQueryParameterValue', `The query parameter '${name}' must be true or false; got '${raw}'.`, { target: name }),
    };
  }
  return { ok: true, value: lower === 'true' };
}

/**
 * One page of a collection of `total` matching items, fetched by offset. `fetch` is only asked for the items on
 * this page, so a collection that can answer by offset never materialises more than a page.
 */
export function pageResponse<T>(
  ctx: RequestContext,
  params: ListParams,
  total: number,
  fetch: (offset: number, count: number) => T[],
): EmulatorResponse {
  const available = Math.max(0, total - params.skip);
  const limit = params.top === undefined ? available : Math.min(params.top, available);
  const size = Math.min(limit, params.pageSize);
  const value = size > 0 ? fetch(params.skip, size) : [];
  const body: { value: T[]; nextLink?: string } = { value };
  if (limit > size) body.nextLink = nextLink(ctx, params, params.skip + size, params.top === undefined ? undefined : params.top - size);
  return json(200, body, params.countRecords ? { 'x-ms-record-count': String(total) } : {});
}

/** Everything from a sorted, already filtered array. */
export function pageOfArray<T>(ctx: RequestContext, params: ListParams, items: readonly T[]): EmulatorResponse {
  return pageResponse(ctx, params, items.length, (offset, count) => items.slice(offset, offset + count));
}

function nextLink(ctx: RequestContext, params: ListParams, skip: number, top: number | undefined): string {
  const url = new URL(ctx.url.pathname, ctx.origin);
  // Keep api-version, filter, countRecords and anything else the caller sent; replace the window.
  for (const [key, value] of ctx.query) if (key !== 'skip' && key !== 'top' && key !== 'maxpagesize') url.searchParams.append(key, value);
  url.searchParams.set('skip', String(skip));
  url.searchParams.set('maxpagesize', String(params.pageSize));
  if (top !== undefined) url.searchParams.set('top', String(top));
  return url.toString();
}
