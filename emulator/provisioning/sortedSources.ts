// Paging over the union of a few sorted sequences (a generated block of 100,000 numbers, the explicitly stored
// numbers, …) without materialising them: each sequence answers "key at position i" and "how many keys are below
// k", which is enough to find the item at any offset of the union and merge a page from there.

export interface SortedSource<T> {
  readonly length: number;
  keyAt(i: number): string;
  /** How many keys are < key. */
  rank(key: string): number;
  itemAt(i: number): T;
}

/** A sorted array of keys, materialised one item at a time. */
export function arraySource<T>(keys: readonly string[], item: (key: string) => T): SortedSource<T> {
  return {
    length: keys.length,
    keyAt: (i) => keys[i],
    rank: (key) => {
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    itemAt: (i) => item(keys[i]),
  };
}

/** The part of a source whose keys lie in [from, to); `to` undefined means unbounded. */
export function keyRange<T>(source: SortedSource<T>, from: string | undefined, to: string | undefined): SortedSource<T> {
  if (from === undefined && to === undefined) return source;
  const lo = from === undefined ? 0 : source.rank(from);
  const hi = Math.max(lo, to === undefined ? source.length : source.rank(to));
  return {
    length: hi - lo,
    keyAt: (i) => source.keyAt(lo + i),
    rank: (key) => Math.min(hi - lo, Math.max(0, source.rank(key) - lo)),
    itemAt: (i) => source.itemAt(lo + i),
  };
}

export function unionLength<T>(sources: readonly SortedSource<T>[]): number {
  return sources.reduce((sum, s) => sum + s.length, 0);
}

/**
 * Items [offset, offset + count) of the union, in key order. Keys are assumed distinct across sources (a number
 * belongs to one account, and an explicit number is never also generated).
 */
export function unionPage<T>(sources: readonly SortedSource<T>[], offset: number, count: number): T[] {
  const live = sources.filter((s) => s.length > 0);
  const total = unionLength(live);
  if (count <= 0 || offset >= total) return [];
  const cursors = startCursors(live, offset);
  const out: T[] = [];
  while (out.length < count) {
    let best = -1;
    let bestKey = '';
    for (let s = 0; s < live.length; s++) {
      if (cursors[s] >= live[s].length) continue;
      const key = live[s].keyAt(cursors[s]);
      if (best < 0 || key < bestKey) {
        best = s;
        bestKey = key;
      }
    }
    if (best < 0) break;
    out.push(live[best].itemAt(cursors[best]));
    cursors[best] += 1;
  }
  return out;
}

/** Per source, how many of its items come before union position `offset`. */
function startCursors<T>(sources: readonly SortedSource<T>[], offset: number): number[] {
  if (sources.length === 1) return [offset];
  if (offset === 0) return sources.map(() => 0);
  for (let s = 0; s < sources.length; s++) {
    const found = positionIn(sources, s, offset);
    if (found === undefined) continue;
    const key = sources[s].keyAt(found);
    return sources.map((other, o) => (o === s ? found : other.rank(key)));
  }
  // Unreachable while keys are distinct; fall back to "nothing left".
  return sources.map((s) => s.length);
}

/** The index j in source s whose union position is exactly `offset`, if that item comes from s. */
function positionIn<T>(sources: readonly SortedSource<T>[], s: number, offset: number): number | undefined {
  const source = sources[s];
  // pos(j) = j + keys of other sources below keyAt(j); strictly increasing in j.
  const pos = (j: number): number => {
    const key = source.keyAt(j);
    let p = j;
    for (let o = 0; o < sources.length; o++) if (o !== s) p += sources[o].rank(key);
    return p;
  };
  let lo = 0;
  let hi = Math.min(source.length - 1, offset);
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = pos(mid);
    if (p === offset) return mid;
    if (p < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
