// Fuzz: thousands of random and malformed messages sent to the Gateway Overview's host message handler (the real
// protocol and handlers, with deps that record every call). Every one must be refused: no exception, one warning in
// the log saying why, an error answer exactly when the message carries a usable request id, and no handler run.
// Seeded and bounded; the seed is printed, and ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { gatewayId } from '../../../emulator/seed/gateways';
import { GATEWAY_PRODUCTION } from '../../../emulator/seed/ids';
import { GatewayOverviewHandlers } from '../../../src/webviews/gatewayOverview/handlers';
import { COPY_FIELDS, gatewayOverviewProtocol, REVEAL_TARGETS, type GatewayOverviewProtocol } from '../../../src/webviews/gatewayOverview/protocol';
import type { HostToWebview } from '../../../src/webviews/shared/protocol';
import { RpcHost, type RequestHandlers } from '../../../src/webviews/shared/rpcHost';
import { recordedDeps, unreachableServices } from './overviewFakes';
import { RecordingLog, settle } from './rpcHarness';

const SEED = Number(process.env.ACG_FUZZ_SEED ?? 20_250_601);
const MESSAGES = 2_000;
const METHODS = Object.keys(gatewayOverviewProtocol.requests);

// ---- What a bad message looks like, written independently of the code under test --------------------------------

const notPlainObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.anything(), { maxLength: 4 }),
  fc.date(),
  fc.constant(new Map([['kind', 'ready']])),
  fc.constant(new Set(['ready'])),
  fc.constant(new Uint8Array([1, 2, 3])),
);

/** Anything but a whole number from 0 to 2^53 − 1. */
const badId = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double().filter((d) => !Number.isSafeInteger(d) || d < 0),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -0.5, 1.5),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.nat(), { maxLength: 2 }),
);
const goodId = fc.nat();

const extraKeys = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['kind', 'id', 'method', 'params'].includes(k)), fc.anything(), { minKeys: 1, maxKeys: 3 });

const unknownMethod = fc.oneof(
  fc.string({ maxLength: 80 }).filter((m) => !METHODS.includes(m)),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'gateway ', 'Gateway', 'x'.repeat(65)),
);

const nonBoolean = fc.anything().filter((x) => typeof x !== 'boolean');
const notIn = (values: readonly string[]) => fc.oneof(fc.string().filter((s) => !values.includes(s)), fc.anything().filter((x) => typeof x !== 'string'));
const notActionId = fc.oneof(
  fc.string().filter((s) => !/^acg\.[A-Za-z][\w.]*$/.test(s) || s.length > 100),
  fc.constant(`acg.${'a'.repeat(100)}`),
  fc.constantFrom('workbench.action.terminal.new', 'acg.', 'acg..x', 'ACG.signIn', 'acg.signIn;rm'),
  fc.anything().filter((x) => typeof x !== 'string'),
);

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

const categories = {
  'not an object': notPlainObject,
  'unknown kind': fc.tuple(fc.oneof(fc.string().filter((k) => !['ready', 'request', 'cancel'].includes(k)), fc.anything()), fc.option(extraKeys, { nil: undefined })).map(([kind, extra]) => ({ ...extra, kind })),
  'no kind': extraKeys,
  'ready with extra keys': extraKeys.map((extra) => ({ ...extra, kind: 'ready' })),
  'cancel with a bad id': badId.map((id) => ({ kind: 'cancel', id })),
  'cancel with extra keys': fc.tuple(goodId, extraKeys).map(([id, extra]) => ({ ...extra, kind: 'cancel', id })),
  'request with a bad id': fc.tuple(badId, validRequest).map(([id, [method, params]]) => ({ kind: 'request', id, method, params })),
  'request with an unknown method': fc.tuple(goodId, unknownMethod, fc.anything()).map(([id, method, params]) => ({ kind: 'request', id, method, params })),
  'request with a method that is not a string': fc.tuple(goodId, fc.anything().filter((m) => typeof m !== 'string')).map(([id, method]) => ({ kind: 'request', id, method, params: {} })),
  'request without params': fc.tuple(goodId, fc.constantFrom(...METHODS)).map(([id, method]) => ({ kind: 'request', id, method })),
  'request with bad params': fc
    .tuple(goodId, fc.constantFrom(...METHODS))
    .chain(([id, method]) => badParams(method).map((params) => ({ kind: 'request', id, method, params }))),
  'request with extra envelope keys': fc.tuple(goodId, validRequest, extraKeys).map(([id, [method, params], extra]) => ({ ...extra, kind: 'request', id, method, params })),
  'deeply nested params': fc.tuple(goodId, fc.integer({ min: 50, max: 400 })).map(([id, depth]) => {
    let params: unknown = { reload: 'no' };
    for (let i = 0; i < depth; i++) params = { reload: params };
    return { kind: 'request', id, method: 'gateway', params };
  }),
};

type Category = keyof typeof categories;
const badMessage = fc.oneof(...(Object.entries(categories) as [Category, fc.Arbitrary<unknown>][]).map(([category, arb]) => arb.map((message) => ({ category, message }))));

/** Whether a message names a request id the host can answer to (the test's own reading of the envelope). */
function usableRequestId(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || Array.isArray(message) || Object.getPrototypeOf(message) !== Object.prototype) return false;
  const m = message as Record<string, unknown>;
  return m.kind === 'request' && typeof m.id === 'number' && Number.isSafeInteger(m.id) && m.id >= 0;
}

describe('webviews: Gateway Overview host fuzz (malformed messages)', function () {
  this.timeout(60_000);

  it(`refuses ${MESSAGES.toLocaleString()} random malformed messages: no exception, each logged, answered when it has an id, no handler run`, async () => {
    const recorded = recordedDeps(unreachableServices);
    const overview = new GatewayOverviewHandlers(recorded.deps, { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: GATEWAY_PRODUCTION.name });
    let handlerRuns = 0;
    const counted = Object.fromEntries(
      Object.entries(overview.handlers).map(([method, handler]) => [
        method,
        (...args: unknown[]) => {
          handlerRuns++;
          return (handler as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as unknown as RequestHandlers<GatewayOverviewProtocol>;
    const log = new RecordingLog();
    const posted: HostToWebview[] = [];
    const host = new RpcHost({ protocol: gatewayOverviewProtocol, handlers: counted, log, present: overview.actions.present, post: (m) => posted.push(m) });
    host.receive({ kind: 'ready' });
    assert.equal(log.lines.length, 0);

    let exceptions = 0;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    let messages = 0;
    let answerable = 0;
    const byCategory = new Map<Category, number>();
    try {
      fc.assert(
        fc.property(badMessage, ({ category, message }) => {
          messages++;
          byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
          const warningsBefore = log.of('warn').length;
          const postedBefore = posted.length;
          try {
            host.receive(message);
          } catch {
            exceptions++;
          }
          const expectAnswer = usableRequestId(message);
          if (expectAnswer) answerable++;
          assert.equal(log.of('warn').length, warningsBefore + 1, `${category}: exactly one refusal logged`);
          assert.match(log.of('warn').at(-1)!, /^Gateway Overview: refused a message from the webview: .+/);
          assert.equal(posted.length, postedBefore + (expectAnswer ? 1 : 0), `${category}: ${expectAnswer ? 'answered' : 'not answered'}`);
          if (expectAnswer) {
            const answer = posted.at(-1)!;
            assert.ok(answer.kind === 'response' && !answer.ok && /^The extension refused this request: /.test(answer.error.message));
          }
          assert.equal(handlerRuns, 0, `${category}: no handler ran`);
        }),
        { seed: SEED, numRuns: MESSAGES, endOnFailure: true },
      );
      await settle();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }

    const refusals = log.of('warn').length;
    console.log(
      `      fuzz seed ${SEED}: ${messages} messages, ${exceptions} exceptions, ${unhandled.length} unhandled rejections, ` +
        `${refusals} refusals logged, ${posted.length} error answers (${answerable} carried a usable id), ${handlerRuns} handler runs, ` +
        `${recorded.calls.length} dependency calls`,
    );
    console.log(`      by kind: ${[...byCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    assert.equal(messages, MESSAGES);
    assert.equal(exceptions, 0);
    assert.deepEqual(unhandled, []);
    assert.equal(refusals, MESSAGES);
    assert.equal(posted.length, answerable);
    assert.equal(handlerRuns, 0);
    assert.deepEqual(recorded.calls, [], 'no service, reveal, copy or command was reached');
    assert.equal(log.of('error').length, 0);

    // The host is not wedged: a good request after all that still runs.
    host.receive({ kind: 'request', id: 1, method: 'identity', params: {} });
    await settle();
    assert.deepEqual(posted.at(-1), { kind: 'response', id: 1, ok: true, result: { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: 'contoso-prod-gw' } });
    assert.equal(handlerRuns, 1);
  });
});
