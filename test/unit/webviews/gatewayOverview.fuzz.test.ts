// Fuzz: thousands of random and malformed messages sent to the Gateway Overview's host message handler (the real
// protocol and handlers, with deps that record every call). Every one must be refused: no exception, one warning in
// the log saying why, an error answer exactly when the message carries a usable request id, and no handler run.
// Seeded and bounded; the seed is printed, and ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { gatewayId } from '../../../emulator/seed/gateways';
import { GATEWAY_PRODUCTION } from '../../../emulator/seed/ids';
import { GatewayOverviewHandlers } from '../../../src/webviews/gatewayOverview/handlers';
import { COPY_FIELDS, gatewayOverviewProtocol, REVEAL_TARGETS } from '../../../src/webviews/gatewayOverview/protocol';
import type { HostToWebview } from '../../../src/webviews/shared/protocol';
import { RpcHost } from '../../../src/webviews/shared/rpcHost';
import {
  categorized,
  countedHandlers,
  envelopeCategories,
  extraKeysBut,
  fuzzRuns, fuzzSeed,
  goodIdFrom,
  nonBoolean,
  notActionId,
  notIn,
  notPlainObject,
  assertRefusesAll,
} from './fuzzMessages';
import { recordedDeps, unreachableServices } from './overviewFakes';
import { RecordingLog, settle } from './rpcHarness';

const SEED = fuzzSeed(20_250_601);
const MESSAGES = fuzzRuns(2_000);
const METHODS = Object.keys(gatewayOverviewProtocol.requests);
const extraKeys = extraKeysBut(['kind', 'id', 'method', 'params']);

// ---- What a bad message looks like, written independently of the code under test --------------------------------

/** Params that break the method's schema. */
function badParams(method: string): fc.Arbitrary<unknown> {
  const shape = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, notPlainObject, fc.constant({}), extraKeys);
  switch (method) {
    case 'gateway':
      return shape(fc.oneof(fc.record({ reload: nonBoolean }), fc.tuple(fc.boolean(), extraKeys).map(([reload, extra]) => ({ ...extra, reload }))));
    case 'reveal':
      return shape(fc.oneof(fc.record({ target: notIn(REVEAL_TARGETS) }), fc.tuple(fc.constantFrom(...REVEAL_TARGETS), extraKeys).map(([target, extra]) => ({ ...extra, target }))));
    case 'copy':
      return shape(fc.oneof(fc.record({ field: notIn(COPY_FIELDS) }), fc.tuple(fc.constantFrom(...COPY_FIELDS), extraKeys).map(([field, extra]) => ({ ...extra, field }))));
    case 'runAction':
      return shape(fc.record({ id: notActionId }));
    default:
      // identity, testLines, provisioningCounts, requestCounts take exactly {}.
      return fc.oneof(notPlainObject, extraKeys);
  }
}

/** A valid request's params, for messages that are bad elsewhere (the id, an extra envelope key). */
const validRequest = fc.constantFrom<[string, unknown]>(['identity', {}], ['gateway', { reload: true }], ['reveal', { target: 'testLines' }], ['copy', { field: 'domain' }], ['testLines', {}]);

const badMessage = categorized(
  envelopeCategories({
    methods: METHODS,
    validRequest,
    badParams,
    goodId: goodIdFrom(0),
    nearMethods: ['gateway ', 'Gateway'],
    deep: fc.constant(['gateway', (inner: unknown) => ({ reload: inner }), { reload: 'no' }] as const),
  }),
);

describe('webviews: Gateway Overview host fuzz (malformed messages)', function () {
  this.timeout(60_000);

  it(`refuses ${MESSAGES.toLocaleString()} random malformed messages: no exception, each logged, answered when it has an id, no handler run`, async () => {
    const recorded = recordedDeps(unreachableServices);
    const overview = new GatewayOverviewHandlers(recorded.deps, { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: GATEWAY_PRODUCTION.name });
    const counted = countedHandlers(overview.handlers);
    const log = new RecordingLog();
    const posted: HostToWebview[] = [];
    const host = new RpcHost({ protocol: gatewayOverviewProtocol, handlers: counted.handlers, log, present: overview.actions.present, post: (m) => posted.push(m) });
    host.receive({ kind: 'ready' });
    assert.equal(log.lines.length, 0);

    await assertRefusesAll({ name: 'Gateway Overview', host, log, posted, handlerRuns: counted.total, messages: badMessage, numRuns: MESSAGES, seed: SEED });
    assert.deepEqual(recorded.calls, [], 'no service, reveal, copy or command was reached');
    assert.equal(log.of('error').length, 0);

    // The host is not wedged: a good request after all that still runs.
    host.receive({ kind: 'request', id: 1, method: 'identity', params: {} });
    await settle();
    assert.deepEqual(posted.at(-1), { kind: 'response', id: 1, ok: true, result: { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: 'contoso-prod-gw' } });
    assert.equal(counted.total(), 1);
  });
});
