// NumbersModel, the Numbers view's vscode-free page loader, with a recording stand-in for the client: what it asks the
// service for (the count on the first page only, the filter, the page size, the continuation) and what it keeps.
import { strict as assert } from 'node:assert';
import type { ListPage, ListPages, ProvisioningListOptions } from '../../../src/azure/clients';
import type { NumberResource } from '../../../src/core/models';
import { NumbersModel, clampPageSize, numberPageFetcher, type NumberLister } from '../../../src/views/numbers/numbersModel';

function number(i: number, accountName = 'A', tpm = false): NumberResource {
  const teams = { enabled: true, assignmentStatus: 'assigned' as const, configuration: { usage: 'CallingUserAssignment' as const, choosableCapabilities: ['InboundCalling' as const] } };
  return { telephoneNumber: `+1555${String(i).padStart(6, '0')}`, accountName, serviceDetails: tpm ? { teamsPhoneMobile: teams } : { teamsOperatorConnect: teams } };
}

interface Call {
  scope: string;
  options: ProvisioningListOptions;
}

/** `total` numbers served `options.maxpagesize` at a time; every tenth is Teams Phone Mobile. Records each call and
 * whether the iterator was closed after one page. */
function lister(total: number): { client: NumberLister; calls: Call[]; closed: number[] } {
  const calls: Call[] = [];
  const closed: number[] = [];
  const pages = (scope: string, options: ProvisioningListOptions = {}): ListPages<NumberResource> => {
    calls.push({ scope, options });
    const index = calls.length - 1;
    const size = options.maxpagesize ?? 100;
    let start = options.continuation === undefined ? 0 : Number(new URL(options.continuation).searchParams.get('skip'));
    const iterator: ListPages<NumberResource> = {
      next: async () => {
        if (start >= total) return { done: true, value: undefined };
        const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => number(start + i, scope === 'all' ? 'B' : scope, (start + i) % 10 === 0));
        start += items.length;
        const page: ListPage<NumberResource> = { items, nextLink: start < total ? `https://x.example/numbers?skip=${start}` : undefined, ...(options.countRecords ? { totalCount: total } : {}) };
        return { done: false, value: page };
      },
      return: async () => {
        closed.push(index);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };
  return { client: { listNumbers: (account, options) => pages(account, options), listAllNumbers: (options) => pages('all', options) }, calls, closed };
}

describe('views/numbers: NumbersModel (no vscode)', () => {
  it('asks for one page with the record count, then follows nextLink, closing each listing after one page', async () => {
    const { client, calls, closed } = lister(250);
    const model = new NumbersModel({ client, scope: { kind: 'account', accountName: 'Northwind-Bulk' }, filter: {}, pageSize: 100 });
    const first = await model.loadMore();
    assert.equal(first.length, 100);
    assert.equal(model.totalCount, 250);
    assert.deepEqual(calls[0], { scope: 'Northwind-Bulk', options: { maxpagesize: 100, countRecords: true } });
    await model.loadMore();
    assert.deepEqual(calls[1].options, { maxpagesize: 100, continuation: 'https://x.example/numbers?skip=100' });
    await model.loadMore();
    assert.equal(model.items.length, 250);
    assert.equal(model.hasMore, false);
    assert.deepEqual(closed, [0, 1, 2]);
    assert.equal(model.items[1].view.description, 'OC · user · in · assigned');
  });

  it('sends prefix and status as the service filter, lists the gateway for the gateway scope, and names accounts there', async () => {
    const { client, calls } = lister(30);
    const model = new NumbersModel({ client, scope: { kind: 'gateway' }, filter: { prefix: '+44', status: 'failed' }, pageSize: 10 });
    await model.loadMore();
    assert.deepEqual(calls[0], { scope: 'all', options: { maxpagesize: 10, countRecords: true, filter: "startswith(telephoneNumber,'+44') and serviceProvisioningStatus eq 'failed'" } });
    assert.match(model.items[0].view.description, /^B · /);
  });

  it('applies the service filter per page, within a request budget, and says so', async () => {
    const { client, calls } = lister(1000);
    const model = new NumbersModel({ client, scope: { kind: 'account', accountName: 'A' }, filter: { service: 'teamsPhoneMobile' }, pageSize: 20 });
    await model.loadMore();
    assert.equal(model.filtersPerPage, true);
    // One in ten matches: five requests of 20 (the budget) hold 10 matches; the next Load more… continues.
    assert.equal(calls.length, 5);
    assert.equal(model.items.length, 10);
    assert.equal(model.hasMore, true);
    assert.ok(model.items.every((e) => e.view.description.startsWith('TPM')));
  });

  it('shares a load between concurrent callers and forgets deleted numbers in place', async () => {
    const { client, calls } = lister(50);
    const model = new NumbersModel({ client, scope: { kind: 'account', accountName: 'A' }, filter: {}, pageSize: 10 });
    const [a, b] = await Promise.all([model.loadMore(), model.loadMore()]);
    assert.equal(calls.length, 1);
    assert.equal(a.length + b.length, 10);
    model.remove(new Set([`A/${model.items[3].number.telephoneNumber}`]));
    assert.equal(model.items.length, 9);
    await model.loadMore();
    assert.equal(model.items.length, 19);
    assert.equal(new Set(model.items.map((e) => e.view.id)).size, 19);
  });

  it('keeps the page size within 1–1000 and falls back to 100', () => {
    assert.equal(clampPageSize(50), 50);
    assert.equal(clampPageSize(5000), 1000);
    assert.equal(clampPageSize(0), 1);
    assert.equal(clampPageSize('x'), 100);
    assert.equal(typeof numberPageFetcher, 'function');
  });
});

describe('views/numbers: NumbersModel follows numbers written elsewhere (host.numberChanges)', () => {
  it('replaces a shown number in place, adds a new one of its scope once, and does not show it twice when its page comes', async () => {
    const { client } = lister(150);
    const model = new NumbersModel({ client, scope: { kind: 'account', accountName: 'A' }, filter: {}, pageSize: 100 });
    assert.equal(model.upsert([number(5, 'A')]), false, 'nothing is added before the first page');
    await model.loadMore();
    const settled = { ...number(3, 'A'), serviceProvisioningStatus: 'synced' as const };
    assert.equal(model.upsert([settled]), true);
    assert.equal(model.items[3].number.serviceProvisioningStatus, 'synced', 'in place');
    assert.equal(model.items.length, 100);
    // A number of the second page, written here before that page was read; and one of another account.
    assert.equal(model.upsert([number(120, 'A'), number(121, 'Other')]), true);
    assert.equal(model.items.length, 101);
    assert.equal(model.totalCount, 151);
    await model.loadMore();
    assert.equal(model.items.length, 150, 'the page holding it does not add it twice');
    assert.equal(new Set(model.items.map((e) => e.view.id)).size, 150);
    model.remove(new Set(['A/+1555000120']));
    assert.equal(model.items.length, 149);
  });

  it('counts deleted numbers out of the total, once each (the tree’s own delete and host.numberChanges both say so)', async () => {
    const { client } = lister(30);
    const model = new NumbersModel({ client, scope: { kind: 'account', accountName: 'A' }, filter: {}, pageSize: 100 });
    await model.loadMore();
    assert.equal(model.totalCount, 30);
    model.upsert([number(900, 'A')]);
    assert.equal(model.totalCount, 31);
    const gone = new Set(['A/+1555000004', 'A/+1555000900']);
    model.remove(gone);
    assert.equal(model.items.length, 29);
    assert.equal(model.totalCount, 29, 'a read number and one written here, both gone');
    model.remove(gone);
    model.remove(new Set(['A/+1555099999']));
    assert.equal(model.totalCount, 29, 'a second word of the same delete, or a number never shown, changes nothing');
  });

  it('adds only what the filter would show', async () => {
    const { client } = lister(10);
    const model = new NumbersModel({ client, scope: { kind: 'gateway' }, filter: { prefix: '+1555', status: 'pending' }, pageSize: 100 });
    await model.loadMore();
    const before = model.items.length;
    model.upsert([{ ...number(900, 'Z'), serviceProvisioningStatus: 'synced' }, { ...number(901, 'Z'), serviceProvisioningStatus: 'pending' }, { ...number(902, 'Z'), telephoneNumber: '+4420', serviceProvisioningStatus: 'pending' }]);
    assert.deepEqual(model.items.slice(before).map((e) => e.number.telephoneNumber), ['+1555000901']);
  });
});
