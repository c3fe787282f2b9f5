// Arithmetic over a generated block of numbers: key of an index, index of a key, the n-th live number and how many
// live numbers sort before a key, all without materialising the block. `removed` is kept sorted, so each operation
// is a binary search or two.
import type { NumberGenerator } from './store';

export function generatedKey(gen: NumberGenerator, index: number): string {
  return gen.prefix + String(gen.start + index).padStart(gen.width, '0');
}

/** Index of `key` in the block, whether or not it has been removed; undefined when the key is not of this block. */
export function generatedIndexOf(gen: NumberGenerator, key: string): number | undefined {
  if (key.length !== gen.prefix.length + gen.width || !key.startsWith(gen.prefix)) return undefined;
  const digits = key.slice(gen.prefix.length);
  if (!/^\d+$/.test(digits)) return undefined;
  const index = Number(digits) - gen.start;
  return index >= 0 && index < gen.count ? index : undefined;
}

/** How many entries of the ascending array are < value. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isRemoved(gen: NumberGenerator, index: number): boolean {
  const at = lowerBound(gen.removed, index);
  return at < gen.removed.length && gen.removed[at] === index;
}

/** Takes an index out of the block (delete, or replacement by an explicit number). */
export function removeIndex(gen: NumberGenerator, index: number): void {
  const at = lowerBound(gen.removed, index);
  if (gen.removed[at] !== index) gen.removed.splice(at, 0, index);
}

/** A generated number that is still live, or undefined. */
export function liveGeneratedIndex(gen: NumberGenerator | undefined, key: string): number | undefined {
  if (!gen) return undefined;
  const index = generatedIndexOf(gen, key);
  return index !== undefined && !isRemoved(gen, index) ? index : undefined;
}

export function liveCount(gen: NumberGenerator): number {
  return gen.count - gen.removed.length;
}

/** The block index of the j-th live number (0-based). */
export function liveIndexAt(gen: NumberGenerator, j: number): number {
  if (gen.removed.length === 0) return j;
  // live(g) = how many live indexes are ≤ g; it never decreases, so find the smallest g with live(g) ≥ j + 1.
  let lo = j;
  let hi = Math.min(gen.count - 1, j + gen.removed.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const live = mid + 1 - lowerBound(gen.removed, mid + 1);
    if (live >= j + 1) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many live numbers of the block sort before `key` (string order). */
export function liveRank(gen: NumberGenerator, key: string): number {
  // First index whose key is ≥ key; keys grow with the index.
  let lo = 0;
  let hi = gen.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (generatedKey(gen, mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo - lowerBound(gen.removed, lo);
}
