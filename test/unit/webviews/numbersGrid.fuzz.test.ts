// Fuzz: random, malformed and near-valid messages sent to the Numbers panel's host (the real protocol, RpcHost and
// handlers over the in-memory service of ./numbersFakes.ts). The page was shown a page of numbers first and every
// confirmation would say yes, so a delete that slipped through would be asked, sent and seen. Every message must be
// refused: no exception, one warning, an error answer when it has a usable id, no handler run, no service call, no
// prompt, no write. Then valid requests still work. Seeded; ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SERVICE_KEYS, SERVICE_PROVISIONING_STATUSES } from '../../../src/core/models';
import { numbersGridProtocol } from '../../../src/webviews/numbers/protocol';
import { categorized, envelopeCategories, fuzzRuns, fuzzSeed, goodIdFrom, notActionId, notIn, notPlainObject, assertRefusesAll } from './fuzzMessages';
import { nearValidRequests, type ValidRequest } from './fuzzMutations';
import { ACCOUNT, number, openNumbersGrid } from './numbersFakes';
import { settle } from './rpcHarness';

const SEED = fuzzSeed(20_250_701);
const MESSAGES = fuzzRuns(2_000);
const METHODS = Object.keys(numbersGridProtocol.requests);
const goodId = goodIdFrom(1_000);

const SHOWN = number(1).telephoneNumber;
/** One valid request of each method (with every optional field set, so each can be broken). */
const VALID: readonly ValidRequest[] = [
  { method: 'identity', params: {} },
  { method: 'page', params: { index: 0, filter: {}, reload: false } },
  { method: 'page', params: { index: 'last', filter: { prefix: '+1425', service: 'teamsOperatorConnect', status: 'synced' }, reload: true } },
  { method: 'openEditor', params: { action: 'edit', telephoneNumbers: [SHOWN] } },
  { method: 'deleteNumbers', params: { numbers: [{ accountName: ACCOUNT, telephoneNumber: SHOWN }] } },
  { method: 'exportNumbers', params: { format: 'csv', filter: { prefix: '+1425', service: 'teamsOperatorConnect', status: 'synced' } } },
  { method: 'runAction', params: { id: 'acg.signIn' } },
];

const isE164 = (s: string): boolean => /^\+[1-9]\d{1,14}$/.test(s);
const notE164 = fc.oneof(
  fc.string({ maxLength: 20 }).filter((s) => !isE164(s)),
  fc.constantFrom('+0123456', '+1234567890123456', '14255550100', '+1 425 555 0100', '+', '', `${SHOWN}\n`, ` ${SHOWN}`, '+1425555010０'),
);
const notAccountName = fc.oneof(fc.string({ maxLength: 20 }).filter((s) => !/^[A-Za-z0-9_-]{1,100}$/.test(s)), fc.constantFrom('', 'a'.repeat(101), '../x', 'Northwind Bulk', "x' or 1 eq 1", 'Ñandú'));
const VIOLATIONS = {
  prefix: fc.oneof(fc.string({ maxLength: 17 }).filter((s) => !/^\+[1-9]\d{0,15}$/.test(s)), fc.constantFrom("+44' or 1 eq 1", '+0', '44', '+', '+1'.padEnd(17, '1'))),
  service: notIn(SERVICE_KEYS),
  status: notIn(SERVICE_PROVISIONING_STATUSES),
  telephoneNumber: notE164,
  'telephoneNumbers[]': notE164,
  accountName: notAccountName,
  action: notIn(['create', 'edit', 'importCsv']),
  format: notIn(['csv', 'json']),
  id: notActionId,
  numbers: fc.constant([]),
  index: fc.constantFrom('first', 'Last', 'LAST', 'last ', '0'),
};

const validRequest = fc.constantFrom(...VALID).map(({ method, params }) => [method, params] as const);
const badMessages = categorized({
  ...envelopeCategories({
    methods: METHODS,
    validRequest,
    // The near-valid messages below break each field; here, params that are not even shaped like params.
    badParams: () => notPlainObject,
    goodId,
    nearMethods: ['Page', 'delete', 'deleteNumber', 'export', 'openeditor'],
    deep: fc.constant(['page', (inner: unknown) => ({ index: 0, filter: inner, reload: false }), { prefix: '+1' }] as const),
  }),
});
const nearValid = nearValidRequests(VALID, { optionalKeys: ['prefix', 'service', 'status'], violations: VIOLATIONS, goodId });
// Near-valid messages are two thirds of the run: they are the ones that exercise each field's schema.
const messages = fc.oneof({ arbitrary: badMessages, weight: 1 }, { arbitrary: nearValid, weight: 2 });

describe('webviews: Numbers panel host fuzz (malformed and near-valid messages)', function () {
  this.timeout(120_000);

  it(`refuses ${MESSAGES.toLocaleString()} malformed and near-valid messages: no exception, each logged, no handler, service call, prompt or write`, async () => {
    const grid = openNumbersGrid(1000);
    await settle();
    const shown = await grid.client.request('page', { index: 0, filter: {}, reload: false });
    assert.equal(shown.rows[1].telephoneNumber, SHOWN, 'the number the near-valid deletes name was shown');
    const effects = () => ({
      calls: grid.calls.length,
      batches: grid.batches.length,
      confirmations: grid.confirmations.length,
      commands: grid.commands.length,
      fired: grid.fired.length,
      services: grid.servicesCalls.count,
      exportPicks: grid.exportPicks.length,
      progress: grid.progress.length,
    });
    const before = effects();

    await assertRefusesAll({
      name: 'Numbers panel',
      host: grid.host,
      log: grid.log,
      posted: grid.posted,
      handlerRuns: grid.handlerRuns,
      messages,
      numRuns: MESSAGES,
      seed: SEED,
      nothingDone: (category) => assert.deepEqual(effects(), before, `${category}: nothing read, asked or written`),
    });
    assert.deepEqual(grid.confirmations, [], 'no confirmation was shown');
    assert.deepEqual(grid.batches, [], 'nothing was deleted');
    assert.equal(grid.log.of('error').length, 0);

    // Valid requests still work afterwards: a page, the editor, and a delete that asks first and is sent.
    assert.equal((await grid.client.request('identity', {})).account, ACCOUNT);
    assert.equal((await grid.client.request('page', { index: 1, filter: {}, reload: false })).rows.length, 100);
    await grid.client.request('openEditor', { action: 'edit', telephoneNumbers: [SHOWN] });
    assert.deepEqual(grid.commands.map((c) => c.id), ['acg.numbers.edit']);
    const report = await grid.client.request('deleteNumbers', { numbers: [{ accountName: ACCOUNT, telephoneNumber: SHOWN }] });
    assert.deepEqual(report.deleted, [SHOWN]);
    assert.equal(grid.confirmations.length, 1);
    assert.deepEqual(grid.batches, [[SHOWN]]);
  });
});
