// The shared generator and driver of the webview host fuzz tests (*.fuzz.test.ts): what a bad message looks like,
// written independently of the code under test, and the loop that sends each one to a panel's real RpcHost and checks
// that it was refused (no exception, one warning saying why, an error answer exactly when the message carries a
// usable request id, no handler run, nothing done). Seeded and bounded; ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { HostToWebview } from '../../../src/webviews/shared/protocol';
import type { RecordingLog } from './rpcHarness';
import { settle } from './rpcHarness';
import { announceRun } from '../fuzz/fuzzRun';

export { fuzzRuns, fuzzSeed } from '../fuzz/fuzzRun';

// ---- Envelope-level garbage ----------------------------------------------------------------------------------------

export const notPlainObject = fc.oneof(
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
export const badId = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double().filter((d) => !Number.isSafeInteger(d) || d < 0),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -0.5, 1.5),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.nat(), { maxLength: 2 }),
);

/** A usable request id, at least `min` (above the ids a test's own setup and final requests use). */
export const goodIdFrom = (min: number): fc.Arbitrary<number> => (min === 0 ? fc.nat() : fc.integer({ min, max: Number.MAX_SAFE_INTEGER }));

/** One to three keys none of `names`, with any values. */
export const extraKeysBut = (names: readonly string[]) =>
  fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !names.includes(k)),
    fc.anything(),
    { minKeys: 1, maxKeys: 3 },
  );

export const nonBoolean = fc.anything().filter((x) => typeof x !== 'boolean');
export const nonString = fc.anything().filter((x) => typeof x !== 'string');
export const notIn = (values: readonly string[]) => fc.oneof(fc.string().filter((s) => !values.includes(s)), nonString);

/** Anything but one of this extension's command ids (acg.…, 100 characters at most). */
export const notActionId = fc.oneof(
  fc.string().filter((s) => !/^acg\.[A-Za-z][\w.]*$/.test(s) || s.length > 100),
  fc.constant(`acg.${'a'.repeat(100)}`),
  fc.constantFrom('workbench.action.terminal.new', 'acg.', 'acg..x', 'ACG.signIn', 'acg.signIn;rm'),
  nonString,
);

export interface EnvelopeOptions {
  readonly methods: readonly string[];
  /** Valid requests (each would do something), for messages that are bad elsewhere (the id, an extra envelope key). */
  readonly validRequest: fc.Arbitrary<readonly [string, unknown]>;
  /** Params that break the method's schema. */
  readonly badParams: (method: string) => fc.Arbitrary<unknown>;
  /** Methods and the params nested in them, 50 to 400 levels deep. */
  readonly deep: fc.Arbitrary<readonly [string, (inner: unknown) => unknown, unknown]>;
  readonly goodId: fc.Arbitrary<number>;
  /** Names that look like real ones, for "unknown method". */
  readonly nearMethods?: readonly string[];
  /** Keys the extra-key generator never makes (the envelope's and the params' own). */
  readonly names?: readonly string[];
}

/** The envelope's categories of bad message, each an arbitrary of messages. */
export function envelopeCategories(options: EnvelopeOptions): Record<string, fc.Arbitrary<unknown>> {
  const { methods, validRequest, goodId } = options;
  const extraKeys = extraKeysBut(['kind', 'id', 'method', 'params', ...(options.names ?? [])]);
  const unknownMethod = fc.oneof(
    fc.string({ maxLength: 80 }).filter((m) => !methods.includes(m)),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'x'.repeat(65), ...(options.nearMethods ?? [])).filter((m) => !methods.includes(m)),
  );
  return {
    'not an object': notPlainObject,
    'unknown kind': fc.tuple(fc.oneof(fc.string().filter((k) => !['ready', 'request', 'cancel'].includes(k)), fc.anything()), fc.option(extraKeys, { nil: undefined })).map(([kind, extra]) => ({ ...extra, kind })),
    'no kind': extraKeys,
    'ready with extra keys': extraKeys.map((extra) => ({ ...extra, kind: 'ready' })),
    'cancel with a bad id': badId.map((id) => ({ kind: 'cancel', id })),
    'cancel with extra keys': fc.tuple(goodId, extraKeys).map(([id, extra]) => ({ ...extra, kind: 'cancel', id })),
    'request with a bad id': fc.tuple(badId, validRequest).map(([id, [method, params]]) => ({ kind: 'request', id, method, params })),
    'request with an unknown method': fc.tuple(goodId, unknownMethod, fc.anything()).map(([id, method, params]) => ({ kind: 'request', id, method, params })),
    'request with a method that is not a string': fc.tuple(goodId, fc.anything().filter((m) => typeof m !== 'string')).map(([id, method]) => ({ kind: 'request', id, method, params: {} })),
    'request without params': fc.tuple(goodId, fc.constantFrom(...methods)).map(([id, method]) => ({ kind: 'request', id, method })),
    'request with bad params': fc.tuple(goodId, fc.constantFrom(...methods)).chain(([id, method]) => options.badParams(method).map((params) => ({ kind: 'request', id, method, params }))),
    'request with extra envelope keys': fc.tuple(goodId, validRequest, extraKeys).map(([id, [method, params], extra]) => ({ ...extra, kind: 'request', id, method, params })),
    'deeply nested params': fc.tuple(goodId, options.deep, fc.integer({ min: 50, max: 400 })).map(([id, [method, wrap, seed], depth]) => {
      let params: unknown = seed;
      for (let i = 0; i < depth; i++) params = wrap(params);
      return { kind: 'request', id, method, params };
    }),
  };
}

/** One arbitrary over named categories: each message comes with the name of its category. */
export function categorized(categories: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<{ category: string; message: unknown }> {
  return fc.oneof(...Object.entries(categories).map(([category, arb]) => arb.map((message) => ({ category, message }))));
}

/** Whether a message names a request id the host can answer to (the test's own reading of the envelope). */
export function usableRequestId(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || Array.isArray(message) || Object.getPrototypeOf(message) !== Object.prototype) return false;
  const m = message as Record<string, unknown>;
  return m.kind === 'request' && typeof m.id === 'number' && Number.isSafeInteger(m.id) && m.id >= 0;
}

/** `handlers` with each call counted by method; the count is what a refused message must leave as it was. */
export function countedHandlers<H extends object>(handlers: H): { handlers: H; runs: Map<string, number>; total(): number } {
  const runs = new Map<string, number>();
  const counted = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (...args: unknown[]) => {
        runs.set(method, (runs.get(method) ?? 0) + 1);
        return (handler as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as H;
  return { handlers: counted, runs, total: () => [...runs.values()].reduce((a, b) => a + b, 0) };
}

// ---- The driver ------------------------------------------------------------------------------------------------------

export interface RefusalRun {
  /** The panel's protocol name, as its log lines start. */
  readonly name: string;
  readonly host: { receive(message: unknown): void };
  readonly log: RecordingLog;
  readonly posted: readonly HostToWebview[];
  readonly handlerRuns: () => number;
  readonly messages: fc.Arbitrary<{ category: string; message: unknown }>;
  readonly numRuns: number;
  readonly seed: number;
  /** Checked after every message: nothing done (fakes' calls, prompts, writes unchanged). */
  readonly nothingDone?: (category: string) => void;
}

export interface RefusalFigures {
  readonly messages: number;
  readonly exceptions: number;
  readonly unhandled: number;
  readonly refusals: number;
  readonly answers: number;
  readonly answerable: number;
  readonly handlerRuns: number;
  readonly byCategory: ReadonlyMap<string, number>;
}

/**
 * Sends `numRuns` bad messages to the host; each must be refused: no exception, exactly one warning naming the panel,
 * an error answer exactly when it carries a usable request id, no handler run, and (`nothingDone`) nothing done.
 */
export async function sendRefused(run: RefusalRun): Promise<RefusalFigures> {
  const { host, log, posted } = run;
  const warningsBefore = log.of('warn').length;
  const postedBefore = posted.length;
  const handlerRunsBefore = run.handlerRuns();
  const refused = new RegExp(`^${run.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: refused a message from the webview: .+`);
  let exceptions = 0;
  let messages = 0;
  let answerable = 0;
  const byCategory = new Map<string, number>();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    fc.assert(
      fc.property(run.messages, ({ category, message }) => {
        messages++;
        byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
        const warnings = log.of('warn').length;
        const answers = posted.length;
        try {
          host.receive(message);
        } catch {
          exceptions++;
        }
        const expectAnswer = usableRequestId(message);
        if (expectAnswer) answerable++;
        assert.equal(log.of('warn').length, warnings + 1, `${category}: exactly one refusal logged`);
        assert.match(log.of('warn').at(-1)!, refused);
        assert.equal(posted.length, answers + (expectAnswer ? 1 : 0), `${category}: ${expectAnswer ? 'answered' : 'not answered'}`);
        if (expectAnswer) {
          const answer = posted.at(-1)!;
          assert.ok(answer.kind === 'response' && !answer.ok && /^The extension refused this request: /.test(answer.error.message), `${category}: an error answer`);
        }
        assert.equal(run.handlerRuns(), handlerRunsBefore, `${category}: no handler ran`);
        run.nothingDone?.(category);
      }),
      { seed: run.seed, numRuns: run.numRuns, endOnFailure: true },
    );
    await settle();
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  assert.deepEqual(unhandled, [], 'no unhandled rejection');
  return {
    messages,
    exceptions,
    unhandled: unhandled.length,
    refusals: log.of('warn').length - warningsBefore,
    answers: posted.length - postedBefore,
    answerable,
    handlerRuns: run.handlerRuns() - handlerRunsBefore,
    byCategory,
  };
}

/** The figures as the fuzz tests print them (the report quotes these lines). */
function printFigures(label: string, seed: number, figures: RefusalFigures): void {
  console.log(
    `      ${label} fuzz seed ${seed}: ${figures.messages} messages, ${figures.exceptions} exceptions, ${figures.unhandled} unhandled rejections, ` +
      `${figures.refusals} refusals logged, ${figures.answers} error answers (${figures.answerable} carried a usable id), ${figures.handlerRuns} handler runs`,
  );
  console.log(`      by kind: ${[...figures.byCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`);
}

/** What every refusal run must show in the end. */
function assertAllRefused(figures: RefusalFigures, numRuns: number): void {
  assert.equal(figures.messages, numRuns);
  assert.equal(figures.exceptions, 0);
  assert.equal(figures.unhandled, 0);
  assert.equal(figures.refusals, numRuns);
  assert.equal(figures.answers, figures.answerable);
  assert.equal(figures.handlerRuns, 0);
}

/**
 * The whole refusal run every panel's fuzz test makes: send the messages ({@link sendRefused}), print the figures
 * with the seed (first, so a failing run still shows how to replay it), and assert that every one was refused.
 */
export async function assertRefusesAll(run: RefusalRun): Promise<RefusalFigures> {
  announceRun(run.name, run.numRuns, run.seed);
  const figures = await sendRefused(run);
  printFigures(run.name, run.seed, figures);
  assertAllRefused(figures, run.numRuns);
  return figures;
}
