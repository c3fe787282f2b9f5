// A list that is read one page at a time, for "Load more…" in a tree: it holds only the items already shown, resumes
// from the service's nextLink, and never reads ahead. This is what keeps the Northwind-Bulk account (100,000 numbers)
// cheap: the first page costs one request, and memory grows with the pages a person asked for, not with the account.
//
// A client-side `keep` filter (what the service cannot filter on) may make a page come back thin; a load then reads
// further pages until it has a page's worth or has spent `maxFetchesPerLoad` requests, so that a rare match cannot
// drain the Provisioning API's 100 requests/min. Vscode-free: the Numbers view, the unit tests and the benchmark
// (scripts/bench-numbers-tree.ts) all run this same code.

export interface FetchedPage<T> {
  readonly items: readonly T[];
  readonly nextLink?: string;
  /** x-ms-record-count, when asked for: the number of matching records on the service. */
  readonly totalCount?: number;
}

/** Reads one page: the first when `continuation` is undefined, else the page that nextLink names. */
export type PageFetcher<T> = (continuation: string | undefined, signal?: AbortSignal) => Promise<FetchedPage<T>>;

export interface PagedListOptions<T> {
  readonly fetch: PageFetcher<T>;
  /** Items per load when `keep` thins pages out (without `keep`, one load is one service page). */
  readonly pageSize: number;
  readonly keep?: (item: T) => boolean;
  /** Requests per load at most, with `keep`. Default 5. */
  readonly maxFetchesPerLoad?: number;
}

export const DEFAULT_MAX_FETCHES_PER_LOAD = 5;

export class PagedList<T> {
  private loaded: T[] = [];
  private continuation: string | undefined;
  private started = false;
  private exhausted = false;
  private pending: Promise<readonly T[]> | undefined;
  /** Bumped by reset(): a load started before it must not add its items afterwards. */
  private generation = 0;
  private total: number | undefined;
  private scannedCount = 0;
  private fetchCount = 0;

  constructor(private readonly options: PagedListOptions<T>) {}

  /** The items loaded so far, in service order. */
  get items(): readonly T[] {
    return this.loaded;
  }

  /** True before the first load, and while the service has more pages. */
  get hasMore(): boolean {
    return !this.started || !this.exhausted;
  }

  get isStarted(): boolean {
    return this.started;
  }

  get isLoading(): boolean {
    return this.pending !== undefined;
  }

  /** The service's count of matching records (before the client-side filter), when it sent one. */
  get totalCount(): number | undefined {
    return this.total;
  }

  /** Items read from the service, kept or not. */
  get scanned(): number {
    return this.scannedCount;
  }

  /** Requests made since the last reset. */
  get fetches(): number {
    return this.fetchCount;
  }

  /**
   * Loads the next page (or pages, with `keep`) and returns the new items. A second call while one is running gets
   * the same promise: a double click on "Load more…" must not skip a page. A failure leaves the list as it was, so
   * the same call can be retried.
   */
  loadMore(signal?: AbortSignal): Promise<readonly T[]> {
    if (this.started && this.exhausted) return Promise.resolve([]);
    if (!this.pending) {
      const generation = this.generation;
      const running = this.read(generation, signal).finally(() => {
        if (this.pending === running) this.pending = undefined;
      });
      this.pending = running;
    }
    return this.pending;
  }

  /** Forgets everything: the next loadMore() starts from the first page again (a refresh or a new filter). */
  reset(): void {
    this.generation += 1;
    this.pending = undefined;
    this.loaded = [];
    this.continuation = undefined;
    this.started = false;
    this.exhausted = false;
    this.total = undefined;
    this.scannedCount = 0;
    this.fetchCount = 0;
  }

  /** Removes items (after a delete) without reloading, so the rest of the list and its position stay. */
  remove(predicate: (item: T) => boolean): number {
    const before = this.loaded.length;
    this.loaded = this.loaded.filter((item) => !predicate(item));
    return before - this.loaded.length;
  }

  private async read(generation: number, signal: AbortSignal | undefined): Promise<readonly T[]> {
    const { keep, pageSize } = this.options;
    const budget = keep ? Math.max(1, this.options.maxFetchesPerLoad ?? DEFAULT_MAX_FETCHES_PER_LOAD) : 1;
    const added: T[] = [];
    let continuation = this.continuation;
    let started = this.started;
    let exhausted = false;
    let total = this.total;
    let scanned = 0;
    let fetches = 0;
    while (fetches < budget && !exhausted && (!keep || added.length < pageSize)) {
      if (started && continuation === undefined) {
        exhausted = true;
        break;
      }
      const page = await this.options.fetch(continuation, signal);
      fetches += 1;
      started = true;
      scanned += page.items.length;
      if (page.totalCount !== undefined) total = page.totalCount;
      for (const item of page.items) if (!keep || keep(item)) added.push(item);
      continuation = page.nextLink;
      if (continuation === undefined) exhausted = true;
    }
    // Committed only now, and only for the current generation: a failed or outdated read changes nothing.
    if (generation !== this.generation) return [];
    this.loaded = [...this.loaded, ...added];
    this.continuation = continuation;
    this.started = started;
    this.exhausted = exhausted;
    this.total = total;
    this.scannedCount += scanned;
    this.fetchCount += fetches;
    return added;
  }
}
