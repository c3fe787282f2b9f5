// Bounded fan-out: many subscriptions (or gateways) are read at once, but never more than `limit` requests at a time,
// so that one user with 200 subscriptions does not trip ARM's per-principal throttling.

/** Runs `task` on every item with at most `limit` in flight; results keep the order of `items`. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
