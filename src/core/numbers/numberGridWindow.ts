// The Numbers panel's page window: a list the service pages by offset (`skip`/`top`), of which only a few pages are
// held at a time. A jump (to the last page of Northwind-Bulk's 100,000 numbers, or to page 512) reads that one page
// and nothing in between, and the pages farthest from the one shown are dropped, so memory is bounded by `maxPages`,
// never by the list. Pure (the fetch is injected): the panel's handlers, the unit tests and the benchmark
// (scripts/bench-numbers-grid.ts) run this same code.
//
// Changes the extension learns about (a number written, settled or deleted: Host.numberChanges) are applied in place:
// a number on a held page is replaced, a deleted one removed, a new one inserted where the service's order puts it if
// that is on the page shown. Inserting or removing shifts every later offset, so the other held pages are dropped and
// read again when shown.

export interface FetchedWindowPage<T> {
  readonly items: readonly T[];
  /** The service's count of matching records (x-ms-record-count), when it sent one. */
  readonly totalCount?: number;
}

/** Reads `top` items from offset `skip`. */
export type WindowPageFetcher<T> = (skip: number, top: number, signal?: AbortSignal) => Promise<FetchedWindowPage<T>>;

export interface GridWindowOptions<T> {
  readonly fetch: WindowPageFetcher<T>;
  readonly pageSize: number;
  /** Pages held at most (the one shown counts). Default 5. */
  readonly maxPages?: number;
  /** Stable identity of an item across pages and changes. */
  readonly key: (item: T) => string;
  /** The service's order, to place a new item. */
  readonly compare: (a: T, b: T) => number;
  /** What the service cannot filter: applied to each page as it arrives (the page then shows fewer rows). */
  readonly keep?: (item: T) => boolean;
}

export interface WindowPage<T> {
  readonly index: number;
  /** The page's items that pass `keep`, in service order. */
  readonly items: readonly T[];
  /** Items the service sent for this page, kept or not. */
  readonly scanned: number;
}

export const DEFAULT_MAX_PAGES = 5;

interface HeldPage<T> {
  items: T[];
  scanned: number;
}

export class GridWindow<T> {
  private readonly pages = new Map<number, HeldPage<T>>();
  private readonly loading = new Map<number, Promise<WindowPage<T>>>();
  /** Bumped by reset() and by changes that shift offsets: a read started before must not land afterwards. */
  private generation = 0;
  private totalCount: number | undefined;
  private fetchCount = 0;
  private current = 0;
  readonly maxPages: number;

  constructor(private readonly options: GridWindowOptions<T>) {
    if (!(options.pageSize >= 1)) throw new RangeError(`pageSize must be at least 1, not ${options.pageSize}.`);
    this.maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
  }

  get pageSize(): number {
    return this.options.pageSize;
  }

  /** Matching records on the service (before `keep`), once a page has said. */
  get total(): number | undefined {
    return this.totalCount;
  }

  /** Pages of the list (at least 1), once the total is known. */
  get pageCount(): number | undefined {
    return this.totalCount === undefined ? undefined : Math.max(1, Math.ceil(this.totalCount / this.options.pageSize));
  }

  /** Requests made since the last reset. */
  get fetches(): number {
    return this.fetchCount;
  }

  /** The index of the page last shown. */
  get currentIndex(): number {
    return this.current;
  }

  /** Indexes of the pages held, ascending. */
  heldIndexes(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  /** Items held across all pages (what the window costs in memory). */
  heldItems(): number {
    let count = 0;
    for (const page of this.pages.values()) count += page.items.length;
    return count;
  }

  /** Whether a held page has the item with this key. */
  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  /** The page held at `index`, without reading anything. */
  peek(index: number): WindowPage<T> | undefined {
    const page = this.pages.get(index);
    return page && { index, items: page.items, scanned: page.scanned };
  }

  /**
   * Shows page `index` (clamped to the last page once the total is known): from the window if held, else one read of
   * that page alone. Then drops the pages farthest from it beyond `maxPages`. Two calls for the same page while it is
   * read share the read. A failure leaves the window as it was.
   */
  async show(index: number, signal?: AbortSignal): Promise<WindowPage<T>> {
    const target = this.clamp(index);
    this.current = target;
    const held = this.peek(target);
    if (held) return held;
    let pending = this.loading.get(target);
    if (!pending) {
      const read = this.read(target, this.generation, signal).finally(() => {
        if (this.loading.get(target) === read) this.loading.delete(target);
      });
      this.loading.set(target, read);
      pending = read;
    }
    return pending;
  }

  /** Forgets everything (a new filter, a refresh): the next show() reads again, and learns the total again. */
  reset(): void {
    this.generation += 1;
    this.pages.clear();
    this.loading.clear();
    this.totalCount = undefined;
    this.fetchCount = 0;
    this.current = 0;
  }

  /**
   * Items that changed on the service (a write, a status settling). Those on a held page are replaced in place; one
   * that no held page has is inserted into the page shown when the service's order puts it there, and counted in the
   * total either way. Returns the indexes of held pages whose rows changed.
   */
  upsert(items: readonly T[]): number[] {
    const changed = new Set<number>();
    const { key, keep } = this.options;
    let inserted = 0;
    for (const item of items) {
      const at = this.find(key(item));
      if (at) {
        at.page.items[at.position] = item;
        changed.add(at.index);
        continue;
      }
      if (keep && !keep(item)) continue;
      inserted += 1;
      if (this.insertIntoCurrent(item)) changed.add(this.current);
    }
    if (inserted > 0) {
      if (this.totalCount !== undefined) this.totalCount += inserted;
      this.dropAllBut(this.current);
      for (const index of changed) if (!this.pages.has(index)) changed.delete(index);
    }
    return [...changed].sort((a, b) => a - b);
  }

  /**
   * Items gone from the service. Those on held pages are removed; `alsoMatching` counts deleted items not held that
   * the list's filter matches, so the total stays right. Returns the indexes of held pages whose rows changed.
   */
  remove(keys: ReadonlySet<string>, alsoMatching = 0): number[] {
    const changed: number[] = [];
    let removed = 0;
    for (const [index, page] of this.pages) {
      const before = page.items.length;
      page.items = page.items.filter((item) => !keys.has(this.options.key(item)));
      const gone = before - page.items.length;
      if (gone > 0) {
        removed += gone;
        page.scanned -= gone;
        changed.push(index);
      }
    }
    const total = removed + alsoMatching;
    if (total > 0) {
      if (this.totalCount !== undefined) this.totalCount = Math.max(0, this.totalCount - total);
      this.dropAllBut(this.current);
    }
    return changed.filter((index) => this.pages.has(index)).sort((a, b) => a - b);
  }

  private clamp(index: number): number {
    const whole = Number.isFinite(index) ? Math.max(0, Math.floor(index)) : 0;
    const count = this.pageCount;
    return count === undefined ? whole : Math.min(whole, count - 1);
  }

  private async read(index: number, generation: number, signal: AbortSignal | undefined): Promise<WindowPage<T>> {
    const { pageSize, keep } = this.options;
    const fetched = await this.options.fetch(index * pageSize, pageSize, signal);
    const items = keep ? fetched.items.filter(keep) : [...fetched.items];
    const page: HeldPage<T> = { items, scanned: fetched.items.length };
    // Only for the current generation: a read that a reset or a shift overtook changes nothing.
    if (generation === this.generation) {
      this.fetchCount += 1;
      if (fetched.totalCount !== undefined) this.totalCount = fetched.totalCount;
      this.pages.set(index, page);
      this.evict();
    }
    return { index, items: page.items, scanned: page.scanned };
  }

  /** Drops the pages farthest from the one shown until at most maxPages remain (on a tie, the later page goes). */
  private evict(): void {
    while (this.pages.size > this.maxPages) {
      let farthest: number | undefined;
      for (const index of this.pages.keys()) {
        if (index === this.current) continue;
        const distance = Math.abs(index - this.current);
        const best = farthest === undefined ? -1 : Math.abs(farthest - this.current);
        if (distance > best || (distance === best && farthest !== undefined && index > farthest)) farthest = index;
      }
      if (farthest === undefined) return;
      this.pages.delete(farthest);
    }
  }

  private dropAllBut(index: number): void {
    this.generation += 1;
    this.loading.clear();
    for (const held of [...this.pages.keys()]) if (held !== index) this.pages.delete(held);
  }

  private find(key: string): { index: number; page: HeldPage<T>; position: number } | undefined {
    for (const [index, page] of this.pages) {
      const position = page.items.findIndex((item) => this.options.key(item) === key);
      if (position >= 0) return { index, page, position };
    }
    return undefined;
  }

  /** Inserts `item` into the page shown when it sorts within it (or after its end on the last page). */
  private insertIntoCurrent(item: T): boolean {
    const page = this.pages.get(this.current);
    if (!page) return false;
    const { compare } = this.options;
    const items = page.items;
    const isLast = this.pageCount === undefined || this.current >= this.pageCount - 1;
    const first = items[0];
    const last = items[items.length - 1];
    // Before the first row belongs to an earlier page unless this is the first; after the last, to a later one
    // unless this is the last.
    const fits = first === undefined || last === undefined ? isLast : compare(item, first) < 0 ? this.current === 0 : compare(item, last) > 0 ? isLast : true;
    if (!fits) return false;
    let position = items.findIndex((existing) => compare(item, existing) < 0);
    if (position < 0) position = items.length;
    items.splice(position, 0, item);
    page.scanned += 1;
    return true;
  }
}
