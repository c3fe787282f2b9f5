// Where two versions of a text differ: one common prefix and one common suffix. Compared a chunk at a time, since
// equality of two string slices is a native memory comparison and a 10 MB plan has few differences to find.

export interface ChangedRegion {
  /** Offset of the first differing character (in both texts). */
  readonly start: number;
  /** End of the changed part in the old text. */
  readonly oldEnd: number;
  /** End of the changed part in the new text. */
  readonly newEnd: number;
}

const CHUNK = 1 << 14;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= max && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

export function changedRegion(oldText: string, newText: string): ChangedRegion {
  const start = commonPrefix(oldText, newText);
  // The suffix may not overlap the prefix in either text.
  const suffix = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - start);
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}
