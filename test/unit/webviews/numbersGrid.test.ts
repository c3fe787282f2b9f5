// The Numbers panel's host side with fakes: the real protocol, RpcHost, RpcClient and handlers, over an in-memory
// service (its batches run through the real runBatches). Malformed messages are refused before any handler runs; a
// delete names only numbers the page was shown, asks VS Code first, and a cancel mid-run stops between batches and
// says what was deleted; Host.numberChanges reaches the rows shown without a read.
import { strict as assert } from 'node:assert';
import { statusIcon, statusIconClasses } from '../../../src/webviews/numbers/browser/statusIcon';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { ACCOUNT, ADDRESS_ID, ADDRESSES, GATEWAY_ID, LOCATION_ID, number, openNumbersGrid, OTHER_ACCOUNT } from './numbersFakes';
import { settle } from './rpcHarness';

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof RpcError, 'the request was refused');
  return error.presented.message;
}

describe('webviews: the Numbers panel host with fakes', () => {
  it('refuses malformed requests before any handler runs', async () => {
    const grid = openNumbersGrid(1000);
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
    const grid = openNumbersGrid(100_000);
    const last = await grid.client.request('page', { index: 'last', filter: {}, reload: false });
    assert.equal(last.index, 999);
    assert.equal(last.rows.length, 100);
    assert.equal(last.rows[99].telephoneNumber, number(99_999).telephoneNumber);
    assert.deepEqual(grid.calls, ['count', 'page skip=99900']);
    for (const index of [998, 997, 996, 995, 994]) await grid.client.request('page', { index, filter: {}, reload: false });
    assert.deepEqual(grid.handlers.pageWindow.heldIndexes(), [994, 995, 996, 997, 998]);
  });

  it('a delete of a number the page was never shown is refused: nothing asked, nothing sent', async () => {
    const grid = openNumbersGrid(1000);
    await grid.client.request('page', { index: 0, filter: {}, reload: false });
    const message = await refused(grid.client.request('deleteNumbers', { numbers: [{ accountName: ACCOUNT, telephoneNumber: number(500).telephoneNumber }] }));
    assert.match(message, /not a number this panel showed/);
    assert.deepEqual(grid.confirmations, []);
    assert.deepEqual(grid.batches, []);
  });

  it('a delete the person does not confirm sends nothing', async () => {
    const grid = openNumbersGrid(1000, { confirm: false });
    const page = await grid.client.request('page', { index: 0, filter: {}, reload: false });
    const report = await grid.client.request('deleteNumbers', { numbers: page.rows.slice(0, 2).map((r) => ({ accountName: r.accountName, telephoneNumber: r.telephoneNumber })) });
    assert.equal(report.confirmed, false);
    assert.deepEqual(grid.batches, []);
    assert.deepEqual(grid.fired, []);
  });

  it('confirms the exact change: the count, the account, ten numbers by name and "and N more"', async () => {
    const grid = openNumbersGrid(1000, { confirm: false });
    const rows = [...(await grid.client.request('page', { index: 0, filter: {}, reload: false })).rows, ...(await grid.client.request('page', { index: 1, filter: {}, reload: false })).rows];
    await grid.client.request('deleteNumbers', { numbers: rows.slice(0, 150).map((r) => ({ accountName: r.accountName, telephoneNumber: r.telephoneNumber })) });
    const [confirmation] = grid.confirmations;
    assert.equal(confirmation.message, 'Delete 150 numbers from account Northwind-Bulk on contoso-prod-gw?');
    assert.equal(confirmation.detail.split('\n').filter((line) => line.startsWith('• +1425')).length, 10);
    assert.match(confirmation.detail, /… and 140 more/);
    assert.match(confirmation.detail, /2 requests of at most 100/);
  });

  it('a cancel mid-run stops between batches and reports exactly what was deleted; the rows go', async () => {
    const grid = openNumbersGrid(1000, { cancelAfter: 100 });
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
    const grid = openNumbersGrid(1000);
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
    const grid = openNumbersGrid(300, { addresses: ADDRESSES });
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
    const grid = openNumbersGrid(300, { addresses: ADDRESSES, wholeGateway: [ACCOUNT, OTHER_ACCOUNT] });
    const page = await grid.client.request('page', { index: 0, filter: {}, reload: false });
    await grid.client.request('page', { index: 1, filter: {}, reload: false });
    assert.deepEqual([...grid.addressReads].sort(), [ACCOUNT, OTHER_ACCOUNT].sort());
    assert.deepEqual(new Set(page.rows.map((r) => r.civicAddressName)), new Set(['Canary Wharf office']));
  });

  it('when the addresses cannot be read the grid still shows its page, with the ids', async () => {
    for (const addresses of ['fail', undefined] as const) {
      const grid = openNumbersGrid(300, { addresses });
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
    const grid = openNumbersGrid(10);
    await grid.client.request('openEditor', { action: 'edit', telephoneNumbers: ['+14250000001'] });
    assert.deepEqual(grid.commands, [{ id: 'acg.numbers.edit', args: [{ gatewayId: GATEWAY_ID, account: ACCOUNT, telephoneNumbers: ['+14250000001'] }] }]);
    const missing = openNumbersGrid(10, { commandNotFound: true });
    assert.match(await refused(missing.client.request('openEditor', { action: 'create', telephoneNumbers: [] })), /number editor \(acg\.numbers\.create\) is not available/);
  });
});
