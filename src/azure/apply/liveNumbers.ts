// Reading a set of numbers of one account as they are now, for the planner's live state and for the executor's check
// just before a batch: a few are read one GET each (which also returns each number's ETag); many are read with a
// listing of their common prefix, or of the whole account, whichever costs fewer requests (a page holds 1,000); the
// first page's x-ms-record-count says how big the listing is before committing to it. Listings carry no ETags, so
// the numbers they return are compared by their fields (liveMatch.ts).
import { PROVISIONING_MAX_PAGE_SIZE } from '../../core/limits';
import type { NumberResource } from '../../core/models';
import type { Versioned } from '../../core/apply/types';
import type { ProvisioningClient } from '../clients/provisioning';
import type { ListPages } from '../clients/paging';
import { isAcgError } from '../errors';
import { commonPrefix } from '../numbers/numberReads';

export type LiveNumberReader = Pick<ProvisioningClient, 'getNumber' | 'listNumbers'>;

export interface LiveNumbers {
  /** By telephone number as the service has it (E.164); a number that does not exist is absent. */
  readonly numbers: Map<string, Versioned<NumberResource>>;
  /** Every number of the account was read (a full listing): what prune may delete from. */
  readonly complete: boolean;
}

/** Up to this many numbers are read one GET each. */
const SINGLE_READS_MAX = 20;

/**
 * The numbers among `telephoneNumbers` that exist in `account` (all of the account's numbers with `all`). An account
 * that does not exist has none.
 */
export async function readLiveNumbers(
  client: LiveNumberReader,
  account: string,
  telephoneNumbers: readonly string[],
  options: { all?: boolean; signal?: AbortSignal } = {},
): Promise<LiveNumbers> {
  const call = options.signal ? { abortSignal: options.signal } : {};
  const wanted = new Set(telephoneNumbers);
  try {
    if (options.all) return { numbers: await drain(client.listNumbers(account, { maxpagesize: PROVISIONING_MAX_PAGE_SIZE, ...call }), () => true), complete: true };
    if (wanted.size === 0) return { numbers: new Map(), complete: false };
    if (wanted.size > SINGLE_READS_MAX) {
      const prefix = commonPrefix([...wanted]);
      const filter = prefix.length > 1 ? { filter: `startswith(telephoneNumber,'${prefix.replace(/'/g, "''")}')` } : {};
      const pages = client.listNumbers(account, { ...filter, countRecords: true, maxpagesize: PROVISIONING_MAX_PAGE_SIZE, ...call });
      const listed = await drainIfCheaper(pages, wanted.size, (n) => wanted.has(n.telephoneNumber));
      if (listed) return { numbers: listed, complete: false };
    }
    return { numbers: await readOneByOne(client, account, [...wanted], call), complete: false };
  } catch (error) {
    if (isAcgError(error, 'notFound')) return { numbers: new Map(), complete: true };
    throw error;
  }
}

async function drain(pages: ListPages<NumberResource>, keep: (n: NumberResource) => boolean): Promise<Map<string, Versioned<NumberResource>>> {
  const found = new Map<string, Versioned<NumberResource>>();
  for await (const page of pages) for (const n of page.items) if (keep(n)) found.set(n.telephoneNumber, { resource: n });
  return found;
}

/** The listing, unless its pages would outnumber one GET per wanted number (then undefined, having read one page). */
async function drainIfCheaper(pages: ListPages<NumberResource>, gets: number, keep: (n: NumberResource) => boolean): Promise<Map<string, Versioned<NumberResource>> | undefined> {
  const first = await pages.next();
  if (first.done) return new Map();
  const total = first.value.totalCount ?? Number.POSITIVE_INFINITY;
  if (Math.ceil(total / PROVISIONING_MAX_PAGE_SIZE) > gets) {
    await pages.return?.();
    return undefined;
  }
  const found = new Map<string, Versioned<NumberResource>>();
  for (const n of first.value.items) if (keep(n)) found.set(n.telephoneNumber, { resource: n });
  for (const [key, value] of await drain(pages, keep)) found.set(key, value);
  return found;
}

async function readOneByOne(client: LiveNumberReader, account: string, telephoneNumbers: readonly string[], call: { abortSignal?: AbortSignal }): Promise<Map<string, Versioned<NumberResource>>> {
  // All at once: the pipeline's limiter paces them for the gateway.
  const read = await Promise.all(
    telephoneNumbers.map(async (telephoneNumber) => {
      try {
        return await client.getNumber(account, telephoneNumber, call);
      } catch (error) {
        if (isAcgError(error, 'notFound')) return undefined;
        throw error;
      }
    }),
  );
  const found = new Map<string, Versioned<NumberResource>>();
  for (const n of read) if (n) found.set(n.resource.telephoneNumber, n.etag === undefined ? { resource: n.resource } : { resource: n.resource, etag: n.etag });
  return found;
}
