// The Numbers view's list, without vscode: which numbers (one account or the whole gateway), the filter, and the
// pages loaded so far, each number already turned into its item model (NumberView). The tree renders these models
// one-to-one; scripts/bench-numbers-tree.ts measures this very class against the emulator, so what the benchmark
// reports is what the view does.
import type { ListPage, ListPages, ProvisioningListOptions } from '../../azure/clients';
import { PROVISIONING_DEFAULT_PAGE_SIZE, PROVISIONING_MAX_PAGE_SIZE } from '../../core/limits';
import type { NumberResource } from '../../core/models';
import { PagedList, clientPredicate, numberView, serverFilter, type FetchedPage, type NumberFilter, type NumbersScope, type NumberView, type PageFetcher } from '../../core/numbers';

/** What the list reads from: the one ProvisioningClient method pair it needs, so tests and the benchmark can pass the
 * real client and nothing else. */
export interface NumberLister {
  listNumbers(account: string, options?: ProvisioningListOptions): ListPages<NumberResource>;
  listAllNumbers(options?: ProvisioningListOptions): ListPages<NumberResource>;
}

export const DEFAULT_PAGE_SIZE = PROVISIONING_DEFAULT_PAGE_SIZE;
export const MAX_PAGE_SIZE = PROVISIONING_MAX_PAGE_SIZE;

/** The page size from the setting, kept within what the service honours (1–1000). */
export function clampPageSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(value))) : DEFAULT_PAGE_SIZE;
}

/**
 * One page at a time from the service. The first request asks for `countRecords` so the view can say how many
 * numbers match without reading them; later pages follow nextLink, which carries the filter and the page size.
 */
export function numberPageFetcher(client: NumberLister, scope: NumbersScope, filter: NumberFilter, pageSize: number): PageFetcher<NumberResource> {
  const expression = serverFilter(filter);
  return async (continuation, signal) => {
    const options: ProvisioningListOptions = {
      maxpagesize: pageSize,
      ...(continuation === undefined ? { countRecords: true } : { continuation }),
      ...(expression === undefined ? {} : { filter: expression }),
      ...(signal ? { abortSignal: signal } : {}),
    };
    const pages = scope.kind === 'account' ? client.listNumbers(scope.accountName, options) : client.listAllNumbers(options);
    try {
      const first = await pages.next();
      return first.done ? { items: [] } : toFetched(first.value);
    } finally {
      // Only this one page: close the iterator so it never follows nextLink by itself.
      await pages.return?.(undefined);
    }
  };
}

function toFetched(page: ListPage<NumberResource>): FetchedPage<NumberResource> {
  return {
    items: page.items,
    ...(page.nextLink === undefined ? {} : { nextLink: page.nextLink }),
    ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
  };
}

export interface NumbersModelOptions {
  readonly client: NumberLister;
  readonly scope: NumbersScope;
  readonly filter: NumberFilter;
  readonly pageSize: number;
}

/** A number with its item model, made once when its page arrives. */
export interface NumberEntry {
  readonly number: NumberResource;
  readonly view: NumberView;
}

function keyOf(n: Pick<NumberResource, 'accountName' | 'telephoneNumber'>): string {
  return `${n.accountName}/${n.telephoneNumber}`;
}

/** Whether a number written here belongs in this list: its scope, and the filter the service would have applied. */
export function belongsIn(number: NumberResource, scope: NumbersScope, filter: NumberFilter): boolean {
  if (scope.kind === 'account' && number.accountName !== scope.accountName) return false;
  if (filter.prefix && !number.telephoneNumber.startsWith(filter.prefix)) return false;
  if (filter.status && (number.serviceProvisioningStatus ?? 'pending') !== filter.status) return false;
  return clientPredicate(filter)?.(number) ?? true;
}

export class NumbersModel {
  private readonly list: PagedList<NumberResource>;
  private readonly entries: NumberEntry[] = [];
  /** Items of the list already turned into entries (entries also hold numbers written here, which the list has not). */
  private consumed = 0;
  /** Numbers written here that the service's count did not include yet. */
  private added = 0;
  /** Numbers shown here and deleted since the service counted them. */
  private removed = 0;

  constructor(readonly options: NumbersModelOptions) {
    const keep = clientPredicate(options.filter);
    this.list = new PagedList({ fetch: numberPageFetcher(options.client, options.scope, options.filter, options.pageSize), pageSize: options.pageSize, ...(keep ? { keep } : {}) });
  }

  get items(): readonly NumberEntry[] {
    return this.entries;
  }

  get hasMore(): boolean {
    return this.list.hasMore;
  }

  get isStarted(): boolean {
    return this.list.isStarted;
  }

  /** Matching numbers on the service (before the per-page service filter), when it said. */
  get totalCount(): number | undefined {
    const total = this.list.totalCount;
    return total === undefined ? undefined : Math.max(0, total + this.added - this.removed);
  }

  /** Whether part of the filter is applied per page (then totalCount counts more than will be shown). */
  get filtersPerPage(): boolean {
    return clientPredicate(this.options.filter) !== undefined;
  }

  /** Loads the next page and returns its entries; see PagedList.loadMore for failure and concurrency. */
  async loadMore(signal?: AbortSignal): Promise<readonly NumberEntry[]> {
    await this.list.loadMore(signal);
    // Models only for items not yet modelled: a concurrent caller shares the same load and finds nothing new. A number
    // written here and already shown is not shown twice when its page arrives.
    const fresh = this.list.items.slice(this.consumed);
    this.consumed = this.list.items.length;
    const shown = new Set(this.entries.map((e) => keyOf(e.number)));
    const added = fresh.filter((number) => !shown.has(keyOf(number))).map((number) => this.entryOf(number));
    this.entries.push(...added);
    return added;
  }

  /**
   * Numbers written or settled (host.numberChanges): a number shown is replaced in place (its status moves); a new one
   * that belongs in this list is added at the end. Returns whether anything shown changed.
   */
  upsert(numbers: readonly NumberResource[]): boolean {
    let changed = false;
    for (const number of numbers) {
      const index = this.entries.findIndex((e) => keyOf(e.number) === keyOf(number));
      if (index >= 0) {
        this.entries[index] = this.entryOf(number);
        changed = true;
      } else if (this.list.isStarted && belongsIn(number, this.options.scope, this.options.filter)) {
        this.entries.push(this.entryOf(number));
        this.added += 1;
        changed = true;
      }
    }
    return changed;
  }

  private entryOf(number: NumberResource): NumberEntry {
    return { number, view: numberView(number, { showAccount: this.options.scope.kind === 'gateway' }) };
  }

  /**
   * Forgets deleted numbers in place, keeping the rest and the position in the list, and counts the ones shown out of
   * the total (a number not shown yet is unknown to the count's filter, so it is left to the next read).
   */
  remove(keys: ReadonlySet<string>): void {
    const gone = (n: NumberResource): boolean => keys.has(keyOf(n));
    this.consumed -= this.list.remove(gone);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (!gone(this.entries[i].number)) continue;
      this.entries.splice(i, 1);
      this.removed += 1;
    }
  }
}
