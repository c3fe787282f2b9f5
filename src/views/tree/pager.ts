// Long lists page: the first page loads on expand, and a "Load more…" row at the end fetches the next one. The pager
// keeps the items (nodes) it made, so loading a page re-renders the list without re-creating (and collapsing) earlier
// rows. No vscode here, so plain unit tests reach it.

/** One page of anything, as the clients' `ListPages` (items) yield them. */
export interface PageOf<T> {
  readonly items: readonly T[];
  /** When the page says it (the clients' ListPage does), an absent next link ends the list without another request,
   * so no "Load more…" row is shown that would load nothing. */
  readonly nextLink?: string | undefined;
}

export type OpenPages<T> = (signal: AbortSignal) => AsyncIterator<PageOf<T>>;

export class Pager<T> {
  private loaded: T[] = [];
  private iterator: AsyncIterator<PageOf<T>> | undefined;
  private abort: AbortController | undefined;
  private done = false;
  private started = false;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly open: OpenPages<T>) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  get hasMore(): boolean {
    return !this.done;
  }

  /** Loads the first page unless one is loaded already. */
  async ensureFirstPage(): Promise<void> {
    if (!this.started) await this.loadMore();
  }

  /** Loads the next page; concurrent calls share one request. */
  loadMore(): Promise<void> {
    this.inFlight ??= this.next().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Forgets everything and cancels a page in flight: the next `ensureFirstPage` starts over. */
  reset(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.iterator = undefined;
    this.loaded = [];
    this.done = false;
    this.started = false;
  }

  private async next(): Promise<void> {
    if (this.done) return;
    if (!this.iterator) {
      this.abort = new AbortController();
      this.iterator = this.open(this.abort.signal);
    }
    this.started = true;
    const iterator = this.iterator;
    try {
      const result = await iterator.next();
      // A reset while the page was on its way: drop it.
      if (iterator !== this.iterator) return;
      if (result.done) this.done = true;
      else {
        this.loaded = [...this.loaded, ...result.value.items];
        if ('nextLink' in result.value && result.value.nextLink === undefined) this.done = true;
      }
    } catch (error) {
      // The iterator is finished after a throw; the next attempt opens a fresh one from the start.
      if (iterator === this.iterator) this.reset();
      throw error;
    }
  }
}

/** Maps a client's pages to pages of nodes (made once per item, so they stay the same objects). */
export async function* mapPages<T, N>(pages: AsyncIterable<PageOf<T>>, toNode: (item: T) => N): AsyncIterableIterator<PageOf<N>> {
  for await (const page of pages) yield 'nextLink' in page ? { items: page.items.map(toNode), nextLink: page.nextLink } : { items: page.items.map(toNode) };
}
