// Pages with what a list view needs beyond the items: the link to the next page (kept by a tree's "Load more…" node
// to resume later) and, from the Provisioning API, the total (`x-ms-record-count`) when `countRecords` was asked.
// Body parsing is the pipeline's `readPage`; only the page's metadata is added here. Whole lists that need neither
// use the pipeline's `pageByNextLink` directly.
import { AcgError } from '../errors';
import { readPage, type Page } from '../http/paging';
import type { HttpPipeline, PipelineRequest } from '../http/types';

export interface ListPage<T> extends Page<T> {
  /** All matching records, not just this page's (only when `countRecords` was asked for). */
  totalCount?: number;
}

export type ListPages<T> = AsyncIterableIterator<ListPage<T>>;

function recordCount(headers: Record<string, string>): number | undefined {
  const raw = headers['x-ms-record-count']?.trim();
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Pages from `first`, following nextLink with the same service, scopes, gateway and headers. */
export async function* listPages<T>(pipeline: HttpPipeline, first: PipelineRequest): ListPages<T> {
  let request = first;
  const seen = new Set<string>([first.url]);
  for (;;) {
    const response = await pipeline.send(request);
    const page = readPage<T>(response.body, request);
    const total = recordCount(response.headers);
    yield total === undefined ? page : { ...page, totalCount: total };
    if (page.nextLink === undefined) return;
    const next = new URL(page.nextLink, request.url).toString();
    if (seen.has(next)) {
      throw new AcgError({ kind: 'unexpected', message: `The service returned the same next page twice while trying to ${request.operation}.`, service: request.service, operation: request.operation });
    }
    seen.add(next);
    request = { ...first, method: 'GET', url: next, body: undefined };
  }
}

/** Every item of every page. */
export async function collectPages<T>(pages: AsyncIterable<ListPage<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}
