// The pager behind "Load more…": one page per request, shared concurrent loads, reset and restart after a failure.
import * as assert from 'node:assert/strict';
import { mapPages, Pager, type PageOf } from '../../../src/views/tree/pager';

/** Pages of `size` numbers up to `total`; counts opens and page reads; can fail at page `failAt` once. */
function source(total: number, size: number, failAt?: number) {
  const stats = { opens: 0, reads: 0, signals: [] as AbortSignal[] };
  let failed = false;
  const open = (signal: AbortSignal): AsyncIterator<PageOf<number>> => {
    stats.opens++;
    stats.signals.push(signal);
    return (async function* () {
      for (let start = 0, page = 0; start < total; start += size, page++) {
        stats.reads++;
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (page === failAt && !failed) {
          failed = true;
          throw new Error('page failed');
        }
        yield { items: Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i) };
      }
    })();
  };
  return { open, stats };
}

describe('views/tree: Pager', () => {
  it('loads the first page once, then one page per loadMore, and knows when it is done', async () => {
    const { open, stats } = source(5, 2);
    const pager = new Pager(open);
    assert.equal(pager.hasMore, true);
    await pager.ensureFirstPage();
    await pager.ensureFirstPage();
    assert.deepEqual(pager.items, [0, 1]);
    assert.equal(stats.reads, 1);
    await pager.loadMore();
    await pager.loadMore();
    assert.deepEqual(pager.items, [0, 1, 2, 3, 4]);
    assert.equal(pager.hasMore, true, 'the source has not said it is done yet');
    await pager.loadMore();
    assert.equal(pager.hasMore, false);
    assert.equal(stats.opens, 1);
  });

  it('ends without another request when the last page has no next link', async () => {
    let reads = 0;
    const pager = new Pager<number>(() =>
      (async function* () {
        reads++;
        yield { items: [1, 2], nextLink: 'https://example.invalid/next' };
        reads++;
        yield { items: [3], nextLink: undefined };
        reads++;
      })(),
    );
    await pager.ensureFirstPage();
    assert.equal(pager.hasMore, true);
    await pager.loadMore();
    assert.deepEqual(pager.items, [1, 2, 3]);
    assert.equal(pager.hasMore, false);
    assert.equal(reads, 2);
  });

  it('shares one request between concurrent loadMore calls', async () => {
    const { open, stats } = source(10, 2);
    const pager = new Pager(open);
    await Promise.all([pager.loadMore(), pager.loadMore(), pager.loadMore()]);
    assert.deepEqual(pager.items, [0, 1]);
    assert.equal(stats.reads, 1);
  });

  it('reset aborts the open listing and starts over; a page arriving after reset is dropped', async () => {
    const { open, stats } = source(10, 2);
    const pager = new Pager(open);
    await pager.ensureFirstPage();
    const late = pager.loadMore();
    pager.reset();
    await late;
    assert.equal(stats.signals[0].aborted, true);
    assert.deepEqual(pager.items, []);
    await pager.ensureFirstPage();
    assert.deepEqual(pager.items, [0, 1]);
    assert.equal(stats.opens, 2);
  });

  it('after a failed page it rethrows and starts again from the first page', async () => {
    const { open } = source(6, 2, 1);
    const pager = new Pager(open);
    await pager.ensureFirstPage();
    await assert.rejects(pager.loadMore(), /page failed/);
    assert.deepEqual(pager.items, []);
    await pager.ensureFirstPage();
    await pager.loadMore();
    assert.deepEqual(pager.items, [0, 1, 2, 3]);
  });

  it('mapPages maps each item once, keeping page boundaries', async () => {
    async function* pages(): AsyncIterableIterator<PageOf<number>> {
      yield { items: [1, 2] };
      yield { items: [3], nextLink: undefined };
    }
    const seen: PageOf<string>[] = [];
    for await (const page of mapPages(pages(), (n) => `#${n}`)) seen.push(page);
    assert.deepEqual(seen, [{ items: ['#1', '#2'] }, { items: ['#3'], nextLink: undefined }], 'a next link, even an absent one, is kept');
  });
});
