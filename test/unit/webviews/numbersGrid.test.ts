// The Numbers panel's host side with fakes: the real protocol, RpcHost, RpcClient and handlers, over an in-memory
// service (its batches run through the real runBatches). Malformed messages are refused before any handler runs; a
// delete names only numbers the page was shown, asks VS Code first, and a cancel mid-run stops between batches and
// says what was deleted; Host.numberChanges reaches the rows shown without a read.
import { strict as assert } from 'node:assert';
import { runBatches, type BatchRunOptions } from '../../../src/azure/clients/provisioningBatches';
import type { ListPage } from '../../../src/azure/clients/paging';
import type { ProvisioningClient } from '../../../src/azure/clients';
import type { ProvisioningListOptions } from '../../../src/azure/clients/provisioningTypes';
import type { NumberResource, TeamsCivicAddressResource } from '../../../src/core/models';
import type { NumbersChange } from '../../../src/host/numberChanges';
import type { AcgServices } from '../../../src/host/services';
import type { NumbersGridDeps } from '../../../src/webviews/numbers/deps';
import { NumbersGridHandlers, type Notify } from '../../../src/webviews/numbers/handlers';
import { statusIcon, statusIconClasses } from '../../../src/webviews/numbers/browser/statusIcon';
import { numbersGridProtocol, type GridPageResult } from '../../../src/webviews/numbers/protocol';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { connect, RecordingLog, settle } from './rpcHarness';

const GATEWAY_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/contoso-prod-gw';
const ACCOUNT = 'Northwind-Bulk';
const OTHER_ACCOUNT = 'Northwind-Trial';
const ADDRESS_ID = '0b7e3c1a-0000-4000-8000-000000000001';
const LOCATION_ID = '0b7e3c1a-0000-4000-8000-0000000000f3';
const ADDRESSES: TeamsCivicAddressResource[] = [
  { id: ADDRESS_ID, description: 'Canary Wharf office', country: 'GB', defaultLocationId: LOCATION_ID, locations: [{ id: LOCATION_ID, civicAddressId: ADDRESS_ID, description: 'Floor 3' }] },
];

function number(i: number, status: NumberResource['serviceProvisioningStatus'] = 'synced', accountName = ACCOUNT): NumberResource {
  return {
    telephoneNumber: `+1425${String(i).padStart(7, '0')}`,
    accountName,
    serviceDetails: { teamsOperatorConnect: { enabled: true, assignmentStatus: 'unassigned', configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], civicAddressId: ADDRESS_ID, locationId: LOCATION_ID } } },
    serviceProvisioningStatus: status,
  };
}

/** What the fake's civic-address list answers: these addresses, a failure, or (undefined) no such method at all. */
type AddressAnswer = readonly TeamsCivicAddressResource[] | 'fail' | undefined;

/** An in-memory Provisioning API: one page per list call (skip/top), every call recorded. */
function fakeService(total: number, addresses: AddressAnswer, accounts: readonly string[]) {
  let numbers = Array.from({ length: total }, (_, i) => number(i, 'synced', accounts[i % accounts.length]));
  const calls: string[] = [];
  const addressReads: string[] = [];
  const batches: string[][] = [];
  async function* pages(options: ProvisioningListOptions): AsyncIterableIterator<ListPage<NumberResource>> {
    const skip = options.skip ?? 0;
    calls.push(options.countRecords && options.top === 1 ? 'count' : `page skip=${skip}`);
    yield { items: numbers.slice(skip, skip + (options.top ?? 100)), nextLink: undefined, totalCount: numbers.length };
  }
  const client = {
    gatewayDomain: 'cprod7a1b2c3.commsgw.azure.com',
    listNumbers: (_account: string, options: ProvisioningListOptions) => pages(options),
    listAllNumbers: (options: ProvisioningListOptions) => pages(options),
    countNumbers: async () => {
      calls.push('count');
      return numbers.length;
    },
    ...(addresses === undefined
      ? {}
      : {
          listCivicAddresses: async function* (account: string): AsyncIterableIterator<ListPage<TeamsCivicAddressResource>> {
            addressReads.push(account);
            if (addresses === 'fail') throw new Error('403 Forbidden');
            yield { items: [...addresses], nextLink: undefined };
          },
        }),
    deleteNumbersInBatches: async (account: string, telephoneNumbers: readonly string[], options: BatchRunOptions) => {
      await runBatches(telephoneNumbers, `delete from ${account}`, options, async (batch) => {
        batches.push(batch);
        numbers = numbers.filter((n) => !batch.includes(n.telephoneNumber));
        return batch;
      }, 'deleted');
    },
  };
  const services = { provisioning: () => client as unknown as ProvisioningClient } as unknown as AcgServices;
  return { calls, batches, services, addressReads };
}

interface Options {
  confirm?: boolean;
  /** Cancel the progress once this many numbers are reported deleted. */
  cancelAfter?: number;
  commandNotFound?: boolean;
  addresses?: AddressAnswer;
  /** Show every account of the gateway (the fake's numbers alternate between these accounts). */
  wholeGateway?: readonly string[];
}

function open(total: number, options: Options = {}) {
  const service = fakeService(total, options.addresses, options.wholeGateway ?? [ACCOUNT]);
  const log = new RecordingLog();
  const confirmations: { message: string; detail: string }[] = [];
  const fired: NumbersChange[] = [];
  const commands: { id: string; args: unknown[] }[] = [];
  const listeners = new Set<(change: NumbersChange) => void>();
  const deps: NumbersGridDeps = {
    services: async () => service.services,
    log,
    present: presentErrorForWebview,
    pageSize: () => 100,
    confirm: async (message, detail) => {
      confirmations.push({ message, detail });
      return options.confirm ?? true;
    },
    withProgress: async (_title, work) => {
      const cancel = new AbortController();
      return work({
        signal: cancel.signal,
        report: (message) => {
          const done = Number(/^([\d,]+) of/.exec(message)?.[1]?.replace(/,/g, '') ?? '0');
          if (options.cancelAfter !== undefined && done >= options.cancelAfter) cancel.abort();
        },
      });
    },
    pickExportPath: async () => undefined,
    openExportFile: async () => {
      throw new Error('not used');
    },
    onDidChangeNumbers: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fireNumbersChange: (change) => {
      fired.push(change);
      for (const listener of listeners) listener(change);
    },
    onDidChangeSignIn: () => ({ dispose: () => undefined }),
    executeCommand: async (id, ...args) => {
      if (options.commandNotFound) throw new Error(`command '${id}' not found`);
      commands.push({ id, args });
      return undefined;
    },
  };
  const link: { notify?: Notify } = {};
  const handlers = new NumbersGridHandlers(deps, { gatewayId: GATEWAY_ID, gatewayName: 'contoso-prod-gw', gatewayDomain: 'cprod7a1b2c3.commsgw.azure.com', ...(options.wholeGateway ? {} : { account: ACCOUNT }) }, (method, data) => link.notify?.(method, data));
  const pair = connect(numbersGridProtocol, handlers.handlers, handlers.actions.present);
  link.notify = (method, data) => pair.host.notify(method, data);
  const changed: GridPageResult[] = [];
  pair.client.onNotification('rowsChanged', ({ page }) => changed.push(page));
  pair.client.start();
  return { ...service, ...pair, hostLog: log, handlers, confirmations, fired, commands, changed, fire: deps.fireNumbersChange };
}

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof RpcError, 'the request was refused');
  return error.presented.message;
}

describe('webviews: the Numbers panel host with fakes', () => {
  it('refuses malformed requests before any handler runs', async () => {
    const grid = open(1000);
    const client = grid.client as unknown as { request(method: string, params: unknown): Promise<unknown> };
    const bad: [string, unknown][] = [
      ['page', { index: -1, filter: {}, reload: false }],
      ['page', { index: 'first', filter: {}, reload: false }],
      ['page', { index: 1.5, filter: {}, reload: false }],
      ['page', { index: 0, filter: { prefix: "+44' or 1 eq 1" }, reload: false }],
      ['page', { index: 0, filter: { account: 'Other' }, reload: false }],
      ['page', { index: 0, filter: {}, reload: false, extra: 1 }],
      ['deleteNumbers', { numbers: [] }],
      ['deleteNumbers', { numbers: [{ accountName: ACCOUNT, telephoneNumber: '01425 555' }] }],
      ['deleteNumbers', { numbers: Array.from({ length: 1001 }, (_, i) => ({ accountName: ACCOUNT, telephoneNumber: number(i).telephoneNumber })) }],
      ['openEditor', { action: 'rm', telephoneNumbers: [] }],
      ['exportNumbers', { format: 'xml', filter: {} }],
      ['noSuchMethod', {}],
    ];
    for (const [method, params] of bad) assert.match(await refused(client.request(method, params)), /refused this request/, `${method} ${JSON.stringify(params).slice(0, 80)}`);
    assert.deepEqual(grid.calls, [], 'no handler reached the service');
    assert.equal(grid.log.of('warn').length, bad.length);
  });

  it('the last page reads a count and that page, nothing in between; the window stays bounded', async () => {
    const grid = open(100_000);
    const last = await grid.client.request('page', { index: 'last', filter: {}, reload: false });
    assert.equal(last.index, 999);
    assert.equal(last.rows.length, 100);
    assert.equal(last.rows[99].telephoneNumber, number(99_999).telephoneNumber);
    assert.deepEqual(grid.calls, ['count', 'page skip=99900']);
    for (const index of [998, 997, 996, 995, 994]) await grid.client.request('page', { index, filter: {}, reload: false });
    assert.deepEqual(grid.handlers.pageWindow.heldIndexes(), [994, 995, 996, 997, 998]);
  });

  it('a delete of a number the page was never shown is refused: nothing asked, nothing sent', async () => {
    const grid = open(1000);
    await grid.client.request('page', { index: 0, filter: {}, reload: false });
    const message = await refused(grid.client.request('deleteNumbers', { numbers: [{ accountName: ACCOUNT, telephoneNumber: number(500).telephoneNumber }] }));
    assert.match(message, /not a number this panel showed/);
    assert.deepEqual(grid.confirmations, []);
    assert.deepEqual(grid.batches, []);
  });

  it('a delete the person does not confirm sends nothing', async () => {
    const grid = open(1000, { confirm: false });
    const page = await grid.client.request('page', { index: 0, filter: {}, reload: false });
    const report = await grid.client.request('deleteNumbers', { numbers: page.rows.slice(0, 2).map((r) => ({ accountName: r.accountName, telephoneNumber: r.telephoneNumber })) });
    assert.equal(report.confirmed, false);
    assert.deepEqual(grid.batches, []);
    assert.deepEqual(grid.fired, []);
  });

  it('confirms the exact change: the count, the account, ten numbers by name and "and N more"', async () => {
    const grid = open(1000, { confirm: false });
    const rows = [...(await grid.client.request('page', { index: 0, filter: {}, reload: false })).rows, ...(await grid.client.request('page', { index: 1, filter: {}, reload: false })).rows];
    await grid.client.request('deleteNumbers', { numbers: rows.slice(0, 150).map((r) => ({ accountName: r.accountName, telephoneNumber: r.telephoneNumber })) });
    const [confirmation] = grid.confirmations;
    assert.equal(confirmation.message, 'Delete 150 numbers from account Northwind-Bulk on contoso-prod-gw?');
    assert.equal(confirmation.detail.split('\n').filter((line) => line.startsWith('• +1425')).length, 10);
    assert.match(confirmation.detail, /… and 140 more/);
    assert.match(confirmation.detail, /2 requests of at most 100/);
  });

  it('a cancel mid-run stops between batches and reports exactly what was deleted; the rows go', async () => {
    const grid = open(1000, { cancelAfter: 100 });
    const rows = [];
    for (const index of [0, 1, 2]) rows.push(...(await grid.client.request('page', { index, filter: {}, reload: false })).rows);
    const report = await grid.client.request('deleteNumbers', { numbers: rows.slice(0, 250).map((r) => ({ accountName: r.accountName, telephoneNumber: r.telephoneNumber })) });
    assert.equal(report.cancelled, true);
    assert.equal(report.deleted.length, 100);
    assert.equal(report.notSent, 150);
    assert.match(report.message, /^Cancelled: 100 numbers deleted, 150 numbers not sent/);
    assert.equal(grid.batches.length, 1, 'one batch sent, then stopped');
    assert.deepEqual(grid.fired.map((c) => [c.reason, c.deleted.length]), [['delete', 100]]);
    // The page shown (page 3, index 2) keeps its rows; the total dropped by 100.
    await settle();
    const last = grid.changed.at(-1);
    assert.equal(last?.total, 900);
  });

  it('a status settling reaches the page shown in place, without a read', async () => {
    const grid = open(1000);
    await grid.client.request('page', { index: 0, filter: {}, reload: false });
    const reads = grid.calls.length;
    grid.fire({ gatewayId: GATEWAY_ID.toUpperCase(), gatewayDomain: 'x', account: ACCOUNT, upserted: [number(3, 'failed')], deleted: [], reason: 'status' });
    grid.fire({ gatewayId: GATEWAY_ID, gatewayDomain: 'x', account: 'Other-Account', upserted: [number(4, 'failed')], deleted: [], reason: 'status' });
    await settle();
    assert.equal(grid.changed.length, 1, 'only the change of this gateway and account');
    assert.equal(grid.changed[0].rows[3].status, 'failed');
    assert.deepEqual(grid.changed[0].rows[3].errors, ['The service reported no error details.']);
    assert.equal(grid.calls.length, reads);
  });

  it('shows the civic address and location by name, reading the account’s addresses once; the ids stay', async () => {
    const grid = open(300, { addresses: ADDRESSES });
    const first = await grid.client.request('page', { index: 0, filter: {}, reload: false });
    await grid.client.request('page', { index: 2, filter: {}, reload: false });
    assert.deepEqual([first.rows[0].civicAddressName, first.rows[0].locationName, first.rows[0].civicAddressId, first.rows[0].locationId], ['Canary Wharf office', 'Floor 3', ADDRESS_ID, LOCATION_ID]);
    assert.deepEqual(grid.addressReads, [ACCOUNT], 'one read for the panel');
    // A status change redraws the page from what was read: the names stay.
    grid.fire({ gatewayId: GATEWAY_ID, gatewayDomain: 'x', account: ACCOUNT, upserted: [number(201, 'pending')], deleted: [], reason: 'status' });
    await settle();
    assert.equal(grid.changed.at(-1)?.rows[1].civicAddressName, 'Canary Wharf office');
  });

  it('the whole gateway’s grid reads each account’s addresses when a page first shows one of its numbers', async () => {
    const grid = open(300, { addresses: ADDRESSES, wholeGateway: [ACCOUNT, OTHER_ACCOUNT] });
    const page = await grid.client.request('page', { index: 0, filter: {}, reload: false });
    await grid.client.request('page', { index: 1, filter: {}, reload: false });
    assert.deepEqual([...grid.addressReads].sort(), [ACCOUNT, OTHER_ACCOUNT].sort());
    assert.deepEqual(new Set(page.rows.map((r) => r.civicAddressName)), new Set(['Canary Wharf office']));
  });

  it('when the addresses cannot be read the grid still shows its page, with the ids', async () => {
    for (const addresses of ['fail', undefined] as const) {
      const grid = open(300, { addresses });
      const page = await grid.client.request('page', { index: 0, filter: {}, reload: false });
      assert.equal(page.rows.length, 100);
      assert.deepEqual([page.rows[0].civicAddressId, page.rows[0].civicAddressName, page.rows[0].locationName], [ADDRESS_ID, '', '']);
      await grid.client.request('page', { index: 1, filter: {}, reload: false });
      assert.ok(grid.addressReads.length <= 1, 'a failed read is not repeated for every page');
      assert.match(grid.hostLog.of('info').join('\n'), /civic addresses of Northwind-Bulk could not be read/);
    }
  });

  it('a pending row spins the loading icon; a failed one shows the error icon', () => {
    assert.deepEqual(statusIcon('pending'), { name: 'loading', spin: true });
    assert.equal(statusIconClasses('pending'), 'codicon codicon-loading codicon-modifier-spin');
    assert.equal(statusIconClasses('failed'), 'codicon codicon-error');
    assert.equal(statusIconClasses('synced'), 'codicon codicon-pass');
    assert.equal(statusIconClasses(''), 'codicon codicon-question');
  });

  it('the editor buttons open the number editor with the gateway, account and numbers; a missing editor is said plainly', async () => {
    const grid = open(10);
    await grid.client.request('openEditor', { action: 'edit', telephoneNumbers: ['+14250000001'] });
    assert.deepEqual(grid.commands, [{ id: 'acg.numbers.edit', args: [{ gatewayId: GATEWAY_ID, account: ACCOUNT, telephoneNumbers: ['+14250000001'] }] }]);
    const missing = open(10, { commandNotFound: true });
    assert.match(await refused(missing.client.request('openEditor', { action: 'create', telephoneNumbers: [] })), /number editor \(acg\.numbers\.create\) is not available/);
  });
});
