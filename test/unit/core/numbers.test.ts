import { strict as assert } from 'node:assert';
import type { NumberResource } from '../../../src/core/models';
import {
  PagedList,
  clientPredicate,
  commonPrefix,
  deleteConfirmation,
  deletionOutcome,
  describeFilter,
  normalizePrefix,
  numberTooltip,
  numberView,
  parseNumberFilter,
  planDeleteBatches,
  recheckUntilGone,
  serverFilter,
  validatePrefix,
  type FetchedPage,
  type NumberRef,
} from '../../../src/core/numbers';

function oc(telephoneNumber: string, extra: Partial<NumberResource> = {}): NumberResource {
  return {
    telephoneNumber,
    accountName: 'Northwind-Bulk',
    serviceDetails: {
      teamsOperatorConnect: { enabled: true, assignmentStatus: 'assigned', configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'] } },
    },
    serviceProvisioningStatus: 'synced',
    serviceProvisioningErrors: [],
    ...extra,
  };
}

describe('core/numbers: display', () => {
  it('shows services, usage, capabilities and assignment; the icon shape is the assignment', () => {
    const view = numberView(oc('+442030000002'));
    assert.equal(view.id, 'number:Northwind-Bulk/+442030000002');
    assert.equal(view.label, '+442030000002');
    assert.equal(view.description, 'OC · user · in/out · assigned');
    assert.deepEqual(view.icon, { id: 'person' });
    const unassigned = oc('+1', { serviceDetails: { teamsPhoneMobile: { enabled: true, assignmentStatus: 'unassigned', configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['Mobile'] } } } });
    assert.equal(numberView(unassigned).description, 'TPM · app · mobile · unassigned');
    assert.equal(numberView(unassigned).icon.id, 'circle-large-outline');
  });

  it('colours pending yellow and shows failed as an error with the errors in the tooltip', () => {
    const pending = numberView(oc('+442030000099', { serviceProvisioningStatus: 'pending' }));
    assert.deepEqual(pending.icon, { id: 'person', color: 'charts.yellow' });
    assert.match(pending.description, /pending$/);
    const failed = numberView(oc('+442030000050', { serviceProvisioningStatus: 'failed', serviceProvisioningErrors: [{ code: 'NumberAlreadyAcquired', message: 'In use <elsewhere>.' }] }));
    assert.equal(failed.icon.id, 'error');
    assert.match(failed.description, /failed$/);
    const tooltip = numberTooltip(oc('+442030000050', { serviceProvisioningStatus: 'failed', serviceProvisioningErrors: [{ code: 'NumberAlreadyAcquired', message: 'In use <elsewhere>.' }] }));
    assert.match(tooltip, /\*\*Provisioning status:\*\* \$\(error\) failed/);
    assert.match(tooltip, /`NumberAlreadyAcquired`: In use \\<elsewhere\\>\./);
  });

  it('names the account in the gateway-wide list, and handles numbers without Teams', () => {
    assert.match(numberView(oc('+1'), { showAccount: true }).description, /^Northwind-Bulk · OC/);
    const dr = numberView({ telephoneNumber: '+15125550160', accountName: 'Proseware', serviceDetails: { teamsDirectRouting: { enabled: true } } });
    assert.equal(dr.description, 'DR');
    assert.equal(dr.icon.id, 'circle-small-filled');
  });
});

describe('core/numbers: filter', () => {
  it('normalises and validates prefixes', () => {
    assert.equal(normalizePrefix(' 44 20 '), '+4420');
    assert.equal(normalizePrefix('+1 (425)'), '+1425');
    assert.equal(validatePrefix(''), undefined);
    assert.equal(validatePrefix('+44'), undefined);
    assert.match(validatePrefix('+0') ?? '', /country code/);
    assert.match(validatePrefix('+44abc') ?? '', /digits/);
    assert.match(validatePrefix('+44203000000012345') ?? '', /at most 16/);
  });

  it('sends prefix and status to the service in its grammar; service is applied per page', () => {
    assert.equal(serverFilter({}), undefined);
    assert.equal(serverFilter({ prefix: '+44' }), "startswith(telephoneNumber,'+44')");
    assert.equal(serverFilter({ prefix: '+44', status: 'failed', service: 'teamsPhoneMobile' }), "startswith(telephoneNumber,'+44') and serviceProvisioningStatus eq 'failed'");
    assert.equal(clientPredicate({ prefix: '+44' }), undefined);
    const keep = clientPredicate({ service: 'teamsPhoneMobile' })!;
    assert.equal(keep(oc('+1')), false);
    assert.equal(describeFilter({ prefix: '+44', service: 'teamsOperatorConnect', status: 'failed' }), '+44… · OC · failed');
    assert.equal(describeFilter({}), undefined);
  });

  it('parses a filter from a command argument, dropping invalid fields', () => {
    assert.deepEqual(parseNumberFilter({ prefix: '44', service: 'nope', status: 'failed' }), { prefix: '+44', status: 'failed' });
    assert.equal(parseNumberFilter('x'), undefined);
  });
});

/** A fake service of `count` numbers served `size` at a time, counting requests. */
function fakeService(count: number, size: number, make = (i: number) => oc(`+4420300${String(i).padStart(5, '0')}`)) {
  const calls: (string | undefined)[] = [];
  const fetch = async (continuation: string | undefined): Promise<FetchedPage<NumberResource>> => {
    calls.push(continuation);
    const start = continuation === undefined ? 0 : Number(continuation);
    const items = Array.from({ length: Math.max(0, Math.min(size, count - start)) }, (_, i) => make(start + i));
    const next = start + size < count ? String(start + size) : undefined;
    return { items, totalCount: count, ...(next === undefined ? {} : { nextLink: next }) };
  };
  return { fetch, calls };
}

describe('core/numbers: PagedList', () => {
  it('reads one page per load, never ahead, and stops at the end', async () => {
    const service = fakeService(250, 100);
    const list = new PagedList({ fetch: service.fetch, pageSize: 100 });
    assert.equal(list.hasMore, true);
    assert.equal(list.isStarted, false);
    assert.equal((await list.loadMore()).length, 100);
    assert.deepEqual(service.calls, [undefined]);
    assert.equal(list.totalCount, 250);
    await list.loadMore();
    await list.loadMore();
    assert.equal(list.items.length, 250);
    assert.equal(list.hasMore, false);
    assert.deepEqual(await list.loadMore(), []);
    assert.equal(service.calls.length, 3);
  });

  it('shares one request between concurrent loads (a double click skips no page)', async () => {
    const service = fakeService(300, 100);
    const list = new PagedList({ fetch: service.fetch, pageSize: 100 });
    await Promise.all([list.loadMore(), list.loadMore()]);
    assert.equal(list.items.length, 100);
    assert.equal(service.calls.length, 1);
  });

  it('leaves the list unchanged when a load fails, so Retry continues from the same page', async () => {
    const service = fakeService(300, 100);
    let fail = false;
    const list = new PagedList({ fetch: (c: string | undefined) => (fail ? Promise.reject(new Error('boom')) : service.fetch(c)), pageSize: 100 });
    await list.loadMore();
    fail = true;
    await assert.rejects(list.loadMore(), /boom/);
    assert.equal(list.items.length, 100);
    fail = false;
    await list.loadMore();
    assert.equal(list.items[100].telephoneNumber, '+442030000100');
  });

  it('drops a load that finishes after reset()', async () => {
    const service = fakeService(300, 100);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const list = new PagedList({ fetch: async (c: string | undefined) => (await gate, service.fetch(c)), pageSize: 100 });
    const loading = list.loadMore();
    list.reset();
    release();
    assert.deepEqual(await loading, []);
    assert.equal(list.items.length, 0);
    assert.equal(list.isStarted, false);
  });

  it('with a client-side filter, reads on until a page is full, within a request budget', async () => {
    // Every tenth number is Teams Phone Mobile.
    const service = fakeService(1000, 100, (i) => (i % 10 === 0 ? oc(`+1${i}`, { serviceDetails: { teamsPhoneMobile: { enabled: true } } }) : oc(`+1${i}`)));
    const list = new PagedList({ fetch: service.fetch, pageSize: 15, keep: clientPredicate({ service: 'teamsPhoneMobile' }), maxFetchesPerLoad: 5 });
    const first = await list.loadMore();
    assert.equal(first.length, 20, 'two pages of 100 hold 20 matches');
    assert.equal(service.calls.length, 2);
    const sparse = new PagedList({ fetch: fakeService(10_000, 100, (i) => oc(`+1${i}`)).fetch, pageSize: 15, keep: () => false, maxFetchesPerLoad: 5 });
    assert.deepEqual(await sparse.loadMore(), []);
    assert.equal(sparse.fetches, 5, 'stops at the budget');
    assert.equal(sparse.hasMore, true);
  });

  it('removes deleted items in place', async () => {
    const list = new PagedList({ fetch: fakeService(5, 100).fetch, pageSize: 100 });
    await list.loadMore();
    assert.equal(list.remove((n) => n.telephoneNumber.endsWith('1')), 1);
    assert.equal(list.items.length, 4);
  });
});

describe('core/numbers: deletion', () => {
  const ref = (accountName: string, telephoneNumber: string): NumberRef => ({ accountName, telephoneNumber });

  it('plans one batch per ≤100 numbers of one account, without duplicates', () => {
    const many = Array.from({ length: 250 }, (_, i) => ref('B', `+1${1000 + i}`));
    const batches = planDeleteBatches([...many, ref('A', '+2'), ref('A', '+2'), ref('A', '+1')]);
    assert.deepEqual(batches.map((b) => [b.accountName, b.telephoneNumbers.length]), [['A', 2], ['B', 100], ['B', 100], ['B', 50]]);
    assert.deepEqual(batches[0].telephoneNumbers, ['+1', '+2']);
  });

  it('confirms with what will change: the services and who holds the number', () => {
    const one = deleteConfirmation([oc('+442030000002')]);
    assert.equal(one.message, 'Delete number +442030000002 from account Northwind-Bulk?');
    assert.match(one.detail, /\+442030000002 \(Northwind-Bulk, OC\) — assigned to a Teams user/);
    assert.match(one.detail, /1 is assigned in Teams/);
    assert.equal(one.confirmLabel, 'Delete Number');
    const many = deleteConfirmation(Array.from({ length: 120 }, (_, i) => oc(`+1${1000 + i}`)));
    assert.match(many.detail, /… and 110 more/);
    assert.match(many.detail, /Sent as 2 requests of at most 100 numbers/);
    assert.equal(many.confirmLabel, 'Delete 120 Numbers');
  });

  it('re-checks until every number is gone', async () => {
    let clock = 0;
    const rounds: number[] = [];
    const result = await recheckUntilGone([ref('A', '+1'), ref('A', '+2')], {
      remaining: async (pending) => {
        rounds.push(pending.length);
        return clock < 4000 ? pending.slice(0, 1) : [];
      },
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    });
    assert.deepEqual(rounds, [2, 1, 1]);
    assert.equal(result.timedOut, false);
    assert.equal(result.gone.length, 2);
    assert.deepEqual(deletionOutcome(result), { ok: true, message: 'Deleted 2 numbers.' });
  });

  it('gives up after 30 s and says which numbers are still there', async () => {
    let clock = 0;
    const result = await recheckUntilGone([ref('A', '+1')], { remaining: async (p) => [...p], now: () => clock, sleep: async (ms) => void (clock += ms) });
    assert.equal(result.timedOut, true);
    assert.ok(result.elapsedMs <= 30_000);
    const outcome = deletionOutcome(result);
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /after 30 s 1 of 1 number is still there \(\+1\)/);
  });

  it('finds the common prefix of numbers', () => {
    assert.equal(commonPrefix(['+442030000002', '+442030000010', '+44203000009']), '+4420300000');
    assert.equal(commonPrefix([]), '');
  });
});
