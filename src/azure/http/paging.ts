// Lists, one page at a time. Both Azure styles the services use:
//  - nextLink: ARM, Graph (`@odata.nextLink`) and the Provisioning API return an absolute URL for the next page. It
//    is followed as given, through the pipeline, which checks its host against the cloud's allowlist before any token
//    is asked for: a nextLink pointing elsewhere ends in AcgError 'refusedHost', never in a leaked token.
//  - top/skip: the Provisioning API (and Graph, as $top/$skip) also page by offset, which is what a tree's
//    "Load more…" node needs to start from an arbitrary item.
// Pages are async iterators, so a caller that stops early (a limit, a cancelled tree expansion) fetches no more.
import { AcgError } from '../errors';
import { SERVICE_NAMES } from './errorMapping';
import type { HttpPipeline, PipelineRequest } from './types';

export interface Page<T> {
  items: T[];
  nextLink: string | undefined;
}

/** Reads `{value, nextLink}` (or Graph's `@odata.nextLink`) from a list answer. */
export function readPage<T>(body: unknown, request: PipelineRequest): Page<T> {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { value?: unknown }).value)) {
    throw new AcgError({
      kind: 'unexpected',
      message: `${SERVICE_NAMES[request.service]} did not answer ${request.operation} with a list ({"value": [...]}).`,
      service: request.service,
      operation: request.operation,
    });
  }
  const record = body as { value: T[]; nextLink?: unknown; '@odata.nextLink'?: unknown };
  const link = record.nextLink ?? record['@odata.nextLink'];
  return { items: record.value, nextLink: typeof link === 'string' && link !== '' ? link : undefined };
}

/** Every page of a list, following `nextLink` until there is none. */
export async function* pageByNextLink<T>(pipeline: HttpPipeline, firstRequest: PipelineRequest): AsyncIterableIterator<T[]> {
  let request: PipelineRequest = firstRequest;
  const seen = new Set<string>([firstRequest.url]);
  for (;;) {
    const response = await pipeline.send(request);
    const page = readPage<T>(response.body, request);
    yield page.items;
    if (page.nextLink === undefined) return;
    // Resolved against the current page so a (non-standard) relative link still works; the host check still applies.
    const next = new URL(page.nextLink, request.url).toString();
    if (seen.has(next)) {
      throw new AcgError({
        kind: 'unexpected',
        message: `${SERVICE_NAMES[request.service]} returned the same next page twice while trying to ${request.operation}; stopped to avoid a loop.`,
        service: request.service,
        operation: request.operation,
      });
    }
    seen.add(next);
    // The link carries the query (api-version, filter, skip token); headers and options carry over, a body never does.
    request = { ...firstRequest, method: 'GET', url: next, body: undefined };
  }
}

export interface SkipPagingOptions {
  /** Offset of the first item (for "Load more…"). Default 0. */
  startAt?: number;
  /** Query parameter names; default `top` and `skip` (the Provisioning API). Graph uses `$top` and `$skip`. */
  topParam?: string;
  skipParam?: string;
  /**
   * Also sent as `pageSize`, because in Azure.Core `top` caps the total and the server still cuts pages at its own
   * size (100 on the Provisioning API) unless `maxpagesize` says otherwise. Default `maxpagesize`; null sends none.
   */
  pageSizeParam?: string | null;
}

/**
 * Pages of `pageSize` items by offset. It stops at an empty page, or at a short page without a nextLink (a service
 * may return fewer items than asked for and still have more, which it signals with nextLink).
 */
export async function* pageBySkip<T>(pipeline: HttpPipeline, request: PipelineRequest, pageSize: number, options: SkipPagingOptions = {}): AsyncIterableIterator<T[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive whole number; got ${pageSize}.`);
  const topParam = options.topParam ?? 'top';
  const skipParam = options.skipParam ?? 'skip';
  const pageSizeParam = options.pageSizeParam === undefined ? 'maxpagesize' : options.pageSizeParam;
  let skip = options.startAt ?? 0;
  for (;;) {
    const url = new URL(request.url);
    url.searchParams.set(topParam, String(pageSize));
    url.searchParams.set(skipParam, String(skip));
    if (pageSizeParam !== null) url.searchParams.set(pageSizeParam, String(pageSize));
    const response = await pipeline.send({ ...request, url: url.toString() });
    const page = readPage<T>(response.body, request);
    if (page.items.length === 0) return;
    yield page.items;
    skip += page.items.length;
    if (page.items.length < pageSize && page.nextLink === undefined) return;
  }
}

export interface Collected<T> {
  items: T[];
  /** True when the list has more items than the limit (only the first `limit` are in `items`). */
  truncated: boolean;
}

/**
 * Gathers items from pages up to `limit`. To say truthfully whether more exist, it may fetch one page beyond a
 * limit that falls exactly on a page boundary; it never fetches further.
 */
export async function collect<T>(pages: AsyncIterable<T[]>, limit: number = Number.POSITIVE_INFINITY): Promise<Collected<T>> {
  const items: T[] = [];
  for await (const page of pages) {
    for (const item of page) {
      if (items.length >= limit) return { items, truncated: true };
      items.push(item);
    }
  }
  return { items, truncated: false };
}

/** Every item of every page. Use `collect` with a limit for lists that can be huge (numbers). */
export async function collectAll<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  return (await collect(pages)).items;
}
