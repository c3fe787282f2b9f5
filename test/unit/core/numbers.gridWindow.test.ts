// The Numbers panel's page window (core/numbers/numberGridWindow.ts) over a fake service of N items: one read per
// page shown, a jump to the last page that reads nothing in between, eviction of the pages farthest from view, a
// reset (a new filter) that forgets everything, and changes applied in place.
import { strict as assert } from 'node:assert';
import { GridWindow, type FetchedWindowPage } from '../../../src/core/numbers/numberGridWindow';

interface Item {
  readonly id: string;
  readonly status: string;
}

function idOf(i: number): string {
  return `+1425${String(i).padStart(7, '0')}`;
}

/** A service of `total` items, recording every read (skip, top). */
function service(total: number) {
  const reads: { skip: number; top: number }[] = [];
  const fetch = async (skip: number, top: number): Promise<FetchedWindowPage<Item>> => {
    reads.push({ skip, top });
    const items: Item[] = [];
    for (let i = skip; i < Math.min(total, skip + top); i++) items.push({ id: idOf(i), status: 'synced' });
    return { items, totalCount: total };
  };
  return { reads, fetch };
}

function grid(total: number, options: { maxPages?: number; keep?: (item: Item) => boolean } = {}) {
  const svc = service(total);
  const window = new GridWindow<Item>({ fetch: svc.fetch, pageSize: 100, key: (i) => i.id, compare: (a, b) => a.id.localeCompare(b.id), ...options });
  return { svc, window };
}

describe('core: the Numbers panel page window', () => {
  it('the first page costs one read and tells the total and page count', async () => {
    const { svc, window } = grid(100_000);
    const page = await window.show(0);
    assert.equal(page.items.length, 100);
    assert.equal(page.items[0].id, idOf(0));
    assert.deepEqual(svc.reads, [{ skip: 0, top: 100 }]);
    assert.equal(window.total, 100_000);
    assert.equal(window.pageCount, 1000);
  });

  it('the last page reads that page alone: nothing in between', async () => {
    const { svc, window } = grid(100_050);
    await window.show(0);
    const last = await window.show(window.pageCount! - 1);
    assert.equal(last.index, 1000);
    assert.deepEqual(last.items.map((i) => i.id), [...Array(50).keys()].map((k) => idOf(100_000 + k)));
    assert.deepEqual(svc.reads, [{ skip: 0, top: 100 }, { skip: 100_000, top: 100 }]);
  });

  it('a page beyond the end is clamped to the last page once the total is known', async () => {
    const { window } = grid(250);
    await window.show(0);
    assert.equal((await window.show(99)).index, 2);
  });

  it('a page shown again comes from the window, and two shows of a page being read share the read', async () => {
    const { svc, window } = grid(1000);
    await Promise.all([window.show(3), window.show(3)]);
    await window.show(3);
    assert.equal(svc.reads.length, 1);
  });

  it('holds at most maxPages pages: the ones farthest from the page shown are dropped', async () => {
    const { svc, window } = grid(100_000, { maxPages: 3 });
    for (const index of [0, 1, 2, 3]) await window.show(index);
    assert.deepEqual(window.heldIndexes(), [1, 2, 3]);
    await window.show(999);
    assert.deepEqual(window.heldIndexes(), [2, 3, 999]);
    await window.show(998);
    assert.deepEqual(window.heldIndexes(), [3, 998, 999]);
    assert.ok(window.heldItems() <= 300);
    // Back to page 1: dropped, so read again.
    await window.show(1);
    assert.deepEqual(svc.reads.map((r) => r.skip / 100), [0, 1, 2, 3, 999, 998, 1]);
  });

  it('walking 20 pages keeps the held items bounded by maxPages × pageSize', async () => {
    const { window } = grid(100_000, { maxPages: 5 });
    for (let index = 0; index < 20; index++) {
      await window.show(index);
      assert.ok(window.heldItems() <= 500, `${window.heldItems()} items held after page ${index}`);
    }
  });

  it('reset (a new filter, a refresh) forgets pages and total; a read started before it does not land', async () => {
    const { svc, window } = grid(1000);
    await window.show(0);
    const late = window.show(5);
    window.reset();
    await late;
    assert.deepEqual(window.heldIndexes(), []);
    assert.equal(window.total, undefined);
    assert.equal(window.fetches, 0);
    await window.show(0);
    assert.equal(svc.reads.length, 3);
  });

  it('a failed read leaves the window as it was, and the same page can be read again', async () => {
    let fail = true;
    const window = new GridWindow<Item>({
      pageSize: 10,
      key: (i) => i.id,
      compare: (a, b) => a.id.localeCompare(b.id),
      fetch: async () => {
        if (fail) throw new Error('503');
        return { items: [{ id: idOf(0), status: 'synced' }], totalCount: 1 };
      },
    });
    await assert.rejects(window.show(0), /503/);
    assert.deepEqual(window.heldIndexes(), []);
    fail = false;
    assert.equal((await window.show(0)).items.length, 1);
  });

  it('keep thins pages the service cannot filter: the page shows fewer rows, scanned counts all', async () => {
    const { window } = grid(1000, { keep: (item) => Number(item.id.slice(-1)) % 2 === 0 });
    const page = await window.show(0);
    assert.equal(page.items.length, 50);
    assert.equal(page.scanned, 100);
  });

  it('upsert replaces a held number in place (a status settling), without a read', async () => {
    const { svc, window } = grid(1000);
    await window.show(0);
    await window.show(1);
    const changed = window.upsert([{ id: idOf(105), status: 'failed' }]);
    assert.deepEqual(changed, [1]);
    assert.equal(window.peek(1)!.items[5].status, 'failed');
    assert.deepEqual(window.heldIndexes(), [0, 1], 'an in-place change keeps every page');
    assert.equal(svc.reads.length, 2);
  });

  it('a new number is inserted where it sorts on the page shown; the total grows and the other pages are dropped', async () => {
    const { window } = grid(1000);
    await window.show(0);
    await window.show(1);
    const id = `${idOf(150)}5`;
    assert.deepEqual(window.upsert([{ id, status: 'pending' }]), [1]);
    const page = window.peek(1)!;
    assert.equal(page.items[51].id, id);
    assert.equal(window.total, 1001);
    assert.deepEqual(window.heldIndexes(), [1]);
  });

  it('a new number that sorts onto another page is counted, not shown', async () => {
    const { window } = grid(1000);
    await window.show(5);
    assert.deepEqual(window.upsert([{ id: `${idOf(10)}5`, status: 'pending' }]), []);
    assert.equal(window.peek(5)!.items.length, 100);
    assert.equal(window.total, 1001);
  });

  it('remove drops deleted numbers from held pages and the total (also those it does not hold)', async () => {
    const { window } = grid(1000);
    await window.show(0);
    await window.show(1);
    const changed = window.remove(new Set([idOf(101), idOf(102)]), 3);
    assert.deepEqual(changed, [1]);
    assert.equal(window.peek(1)!.items.length, 98);
    assert.equal(window.total, 995);
    assert.deepEqual(window.heldIndexes(), [1], 'later offsets shifted: the other pages are read again when shown');
  });
});
