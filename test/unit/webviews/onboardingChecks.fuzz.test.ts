// Fuzz: random and malformed messages sent to the Onboarding Checks panel's host message handler (the real protocol,
// RpcHost and handlers, over the host's real onboarding runs and state with the fake engine and prompts that record
// every call). Two layers, each after one real run so the host has offered fixes:
//   - envelope- and schema-level garbage: refused by RpcHost, one warning each, an error answer exactly when the
//     message carries a usable request id, no handler run;
//   - well-formed requests forged to name what the host never offered (writes, check ids, evidence): they pass the
//     schema, reach the handlers, and must be refused there: an error answer, a warning, nothing asked or written.
// Seeded and bounded; the seed is printed, and ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import * as v from 'valibot';
import { OnboardingPanelHandlers } from '../../../src/webviews/onboardingChecks/handlers';
import { onboardingChecksProtocol, type CheckRow, type OnboardingChecksProtocol } from '../../../src/webviews/onboardingChecks/protocol';
import type { HostToWebview } from '../../../src/webviews/shared/protocol';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { RpcHost, type RequestHandlers } from '../../../src/webviews/shared/rpcHost';
import { fabrikamResults, GATEWAY, onboardingWorld, scriptedPrompts } from './onboardingFakes';
import { categorized, envelopeCategories, extraKeysBut, fuzzRuns, fuzzSeed, goodIdFrom, nonBoolean, nonString, notActionId, notPlainObject, assertRefusesAll } from './fuzzMessages';
import { RecordingLog, settle } from './rpcHarness';

const SEED = fuzzSeed(20_250_615);
const MESSAGES = fuzzRuns(2_000);
const FORGED = 600;
const METHODS = Object.keys(onboardingChecksProtocol.requests);

/** The registry of the fake engine, read from the fakes (not from the handlers under test). */
const CHECKS = fabrikamResults();
const CHECK_IDS = CHECKS.map((c) => c.id);
const NOT_MANUAL = CHECKS.filter((c) => !c.manual).map((c) => c.id);
const WITHOUT_FIX = CHECKS.filter((c) => !c.fix).map((c) => c.id);
const COPYABLE = new Set(CHECKS.flatMap((c) => c.evidence.flatMap((e, index) => (e.copy ? [`${c.id}#${index}`] : []))));

// ---- A panel: the real RpcHost and handlers, with deps that record every call --------------------------------------

function openPanel() {
  const world = onboardingWorld();
  // Every prompt would say yes: a forged fix that got through would be confirmed and applied, and seen.
  const yes = Array.from({ length: 10_000 }, () => true);
  const { prompts, record } = scriptedPrompts({ confirm: yes, choices: yes.map(() => 'r-admin'), principals: yes.map(() => '11111111-2222-3333-4444-555555555555'), saveTo: '/tmp/report.md' });
  const log = new RecordingLog();
  const commands: string[] = [];
  const resolved: string[] = [];
  const late: { host?: RpcHost<OnboardingChecksProtocol> } = {};
  const panel = new OnboardingPanelHandlers(
    {
      onboarding: world.onboarding,
      prompts,
      resolvePrincipal: async (upn) => {
        resolved.push(upn);
        return '11111111-2222-3333-4444-555555555555';
      },
      log,
      present: presentErrorForWebview,
      executeCommand: async (id) => void commands.push(id),
    },
    GATEWAY,
    (method, data) => late.host?.notify(method, data),
  );
  const runs = new Map<string, number>();
  const counted = Object.fromEntries(
    Object.entries(panel.handlers).map(([method, handler]) => [
      method,
      (...args: unknown[]) => {
        runs.set(method, (runs.get(method) ?? 0) + 1);
        return (handler as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as RequestHandlers<OnboardingChecksProtocol>;
  const posted: HostToWebview[] = [];
  const host = new RpcHost({ protocol: onboardingChecksProtocol, handlers: counted, log, present: panel.actions.present, post: (m) => posted.push(m) });
  late.host = host;
  host.receive({ kind: 'ready' });
  const handlerRuns = (): number => [...runs.values()].reduce((a, b) => a + b, 0);

  /** Sends a request and lets it finish (by turns of the event loop, not a clock); its answer. */
  async function ask(id: number, method: string, params: unknown): Promise<Extract<HostToWebview, { kind: 'response' }>> {
    host.receive({ kind: 'request', id, method, params });
    for (let round = 0; round < 50; round++) {
      const answer = posted.find((m): m is Extract<HostToWebview, { kind: 'response' }> => m.kind === 'response' && m.id === id);
      if (answer) return answer;
      await settle(1);
    }
    throw new Error(`request ${id} (${method}) was never answered`);
  }

  /** Everything that would show that something was done for the page. */
  const effects = () => ({
    runs: world.engine.runs.length,
    fixes: world.engine.fixes.length,
    marks: Object.keys(world.state.marks(GATEWAY.id)).length,
    asked: record.asked.length,
    confirmations: record.confirmations.length,
    progress: record.progress.length,
    copies: record.copies.length,
    opened: record.opened.length,
    saved: record.saved.length,
    resolved: resolved.length,
    commands: commands.length,
  });

  return { world, record, log, commands, host, posted, ask, handlerRuns, effects };
}

type Panel = ReturnType<typeof openPanel>;

/** One real run, after which the host has offered the fixes; what it offered, by check id. */
async function runOnce(panel: Panel): Promise<Map<string, string[]>> {
  const ran = await panel.ask(1, 'runAll', {});
  assert.deepEqual(ran, { kind: 'response', id: 1, ok: true, result: { ok: true } });
  const last = await panel.ask(2, 'lastRun', {});
  assert.ok(last.ok);
  const rows = (last.result as { rows: CheckRow[] }).rows;
  assert.equal(rows.length, CHECKS.length);
  await settle();
  const offered = new Map(rows.flatMap((r) => (r.fix ? [[r.id, r.fix.writes.map((w) => w.key)] as [string, string[]]] : [])));
  assert.deepEqual([...offered.keys()], ['identity.synergy-roles', 'acg-app.user-roles']);
  assert.deepEqual(panel.log.of('warn'), []);
  return offered;
}

/** The host is not wedged: a good identity request still answers. */
async function stillAnswers(panel: Panel, id: number): Promise<void> {
  const before = panel.handlerRuns();
  const answer = await panel.ask(id, 'identity', {});
  assert.ok(answer.ok, 'identity answered');
  assert.equal((answer.result as { gatewayName: string }).gatewayName, GATEWAY.name);
  assert.equal(panel.handlerRuns(), before + 1);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && new Set(a).size === a.length && a.every((k) => b.includes(k));
}

// ---- What a bad message looks like, written independently of the code under test --------------------------------

// Above the ids the setup and the final identity request use.
const goodId = goodIdFrom(100);

const NAMES = ['kind', 'id', 'method', 'params', 'checkId', 'writes', 'done', 'index'];
const extraKeys = extraKeysBut(NAMES);

/** What CheckIdSchema accepts: a letter, then word characters, dots and dashes; 80 at most. */
const isCheckIdShape = (s: string): boolean => s.length >= 1 && s.length <= 80 && /^[A-Za-z][\w.-]*$/.test(s);
const notCheckId = fc.oneof(
  fc.string({ maxLength: 100 }).filter((s) => !isCheckIdShape(s)),
  fc.constant('a'.repeat(81)),
  fc.constant(`identity.${'x'.repeat(72)}`),
  fc.constantFrom('', '../../etc', '__proto__', '_x', '1abc', '-a', '.a', 'identity synergy', 'identity.synergy-roles\n', 'gateway/status', 'é.check'),
  nonString,
);
const someCheckId = fc.oneof(fc.constantFrom(...CHECK_IDS), fc.stringMatching(/^[A-Za-z][\w.-]{0,79}$/));

const writeKey = fc.string({ minLength: 1, maxLength: 200 });
const badWrites = fc.oneof(
  fc.anything().filter((x) => !Array.isArray(x)),
  fc.constant([]),
  fc.array(writeKey, { minLength: 65, maxLength: 80 }),
  fc.tuple(fc.array(writeKey, { maxLength: 5 }), nonString).map(([keys, bad]) => [...keys, bad]),
  fc.array(writeKey, { maxLength: 5 }).map((keys) => [...keys, 'x'.repeat(8193)]),
  fc.array(writeKey, { maxLength: 5 }).map((keys) => [...keys, '']),
);
/** Anything but a whole number from 0 to 255 (−0 counts as 0 and is left out). */
const badIndex = fc.oneof(
  fc.integer({ max: -1 }),
  fc.integer({ min: 256 }),
  fc.double().filter((d) => !(Number.isSafeInteger(d) && d >= 0 && d <= 255)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 256, 1.5, -1, 2 ** 53),
  fc.anything().filter((x) => typeof x !== 'number'),
);

/** Params that break the method's schema; `offered` are real write keys, so a leak would be a real fix. */
function badParams(method: string, offered: readonly string[]): fc.Arbitrary<unknown> {
  const shape = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, notPlainObject, fc.constant({}), extraKeys);
  const goodWrites = fc.oneof(fc.constant(offered), fc.array(writeKey, { minLength: 1, maxLength: 64 }));
  switch (method) {
    case 'rerun':
    case 'openSource':
      return shape(fc.oneof(fc.record({ checkId: notCheckId }), fc.tuple(someCheckId, extraKeys).map(([checkId, extra]) => ({ ...extra, checkId }))));
    case 'fix':
      return shape(
        fc.oneof(
          fc.record({ checkId: notCheckId, writes: goodWrites }),
          fc.record({ checkId: someCheckId, writes: badWrites }),
          fc.record({ checkId: someCheckId }),
          fc.record({ writes: goodWrites }),
          fc.tuple(someCheckId, goodWrites, extraKeys).map(([checkId, writes, extra]) => ({ ...extra, checkId, writes })),
        ),
      );
    case 'setMark':
      return shape(
        fc.oneof(
          fc.record({ checkId: someCheckId, done: nonBoolean }),
          fc.record({ checkId: notCheckId, done: fc.boolean() }),
          fc.record({ checkId: someCheckId }),
          fc.tuple(someCheckId, fc.boolean(), extraKeys).map(([checkId, done, extra]) => ({ ...extra, checkId, done })),
        ),
      );
    case 'copy':
      return shape(
        fc.oneof(
          fc.record({ checkId: someCheckId, index: badIndex }),
          fc.record({ checkId: notCheckId, index: fc.integer({ min: 0, max: 255 }) }),
          fc.record({ checkId: someCheckId }),
          fc.tuple(someCheckId, fc.integer({ min: 0, max: 255 }), extraKeys).map(([checkId, index, extra]) => ({ ...extra, checkId, index })),
        ),
      );
    case 'runAction':
      return shape(fc.oneof(fc.record({ id: notActionId }), fc.tuple(fc.constant('acg.signIn'), extraKeys).map(([id, extra]) => ({ ...extra, id }))));
    default:
      // identity, lastRun, runAll, exportReport take exactly {}.
      return fc.oneof(notPlainObject, extraKeys);
  }
}

function badMessages(offered: ReadonlyMap<string, readonly string[]>) {
  const roles = offered.get('identity.synergy-roles')!;
  /** Valid requests (each would do something), for messages that are bad elsewhere (the id, an extra envelope key). */
  const validRequest = fc.constantFrom<[string, unknown]>(
    ['identity', {}],
    ['runAll', {}],
    ['rerun', { checkId: 'gateway.status' }],
    ['fix', { checkId: 'identity.synergy-roles', writes: roles }],
    ['setMark', { checkId: 'oc.onboarding-form', done: true }],
    ['copy', { checkId: 'domain.verified', index: 0 }],
    ['openSource', { checkId: 'domain.verified' }],
    ['exportReport', {}],
  );
  return categorized(
    envelopeCategories({
      methods: METHODS,
      validRequest,
      badParams: (method) => fc.constantFrom(...offered.values()).chain((keys) => badParams(method, keys)),
      goodId,
      names: NAMES,
      nearMethods: ['fix ', 'Fix', 'applyFix', 'setmark'],
      deep: fc.constantFrom('rerun', 'fix', 'setMark', 'copy', 'openSource').map((method) => [method, (inner: unknown) => ({ checkId: inner }), { checkId: 'gateway.status', writes: roles, done: true, index: 0 }] as const),
    }),
  );
}

// ---- What a forged request looks like: well-formed, naming what the host never offered ------------------------------

interface Forged {
  readonly category: string;
  readonly method: 'fix' | 'rerun' | 'setMark' | 'copy' | 'openSource';
  readonly params: Record<string, unknown>;
  /** The reason handlers.ts gives for this refusal. */
  readonly refusal: RegExp;
}

const quoted = (checkId: string): string => `"${checkId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`;

function forgedRequests(offered: ReadonlyMap<string, readonly string[]>): fc.Arbitrary<Forged> {
  const offeredIds = [...offered.keys()];
  const allOffered = [...offered.values()].flat();
  const unknownCheckId = fc.oneof(
    fc.stringMatching(/^[A-Za-z][\w.-]{0,79}$/).filter((id) => !CHECK_IDS.includes(id)),
    fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'Gateway.status', 'IDENTITY.SYNERGY-ROLES', 'identity.synergy-roles.', 'identity.synergy-role', 'domain.verified-', `a${'b'.repeat(79)}`),
  );
  const extraKey = writeKey.filter((k) => !allOffered.includes(k));
  const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

  /** Writes the host did not offer for `checkId` (its own keys are `keys`). */
  const unofferedWrites = (keys: readonly string[], otherKeys: readonly string[]): fc.Arbitrary<[string, string[]]> =>
    fc.oneof(
      fc.array(writeKey, { minLength: 1, maxLength: 64 }).map((w): [string, string[]] => ['random writes', w]),
      ...(keys.length > 1 ? [fc.shuffledSubarray([...keys], { minLength: 1, maxLength: keys.length - 1 }).map((w): [string, string[]] => ['a strict subset of the offered writes', w])] : []),
      fc
        .tuple(fc.array(extraKey, { minLength: 1, maxLength: 8 }))
        .chain(([extra]) => shuffled([...keys, ...extra]))
        .map((w): [string, string[]] => ['the offered writes reordered, with more', w]),
      fc
        .tuple(fc.constantFrom(...keys), fc.nat({ max: 3 }))
        .chain(([again, times]) => shuffled([...keys, ...Array.from({ length: times + 1 }, () => again)]))
        .map((w): [string, string[]] => ['an offered write repeated', w]),
      fc
        .tuple(fc.nat({ max: keys.length - 1 }), fc.constantFrom('append', 'drop', 'case', 'space'))
        .map(([i, how]): [string, string[]] => {
          const key = keys[i];
          const altered = how === 'append' ? `${key}x` : how === 'drop' ? key.slice(0, -1) : how === 'case' ? key.toLowerCase() : ` ${key}`;
          return ['an offered write altered', keys.map((k, j) => (j === i ? altered : k))];
        }),
      fc.constant<[string, string[]]>(['the writes offered for another check', [...otherKeys]]),
      shuffled([...keys, ...otherKeys]).map((w): [string, string[]] => ['the writes of this check and another', w]),
    ).filter(([, writes]) => !sameSet(writes, keys)); // exactly the offered set, in any order, is a real fix

  const fixOffered = fc.constantFrom(...offeredIds).chain((checkId) => {
    const keys = offered.get(checkId)!;
    const otherKeys = [...offered].filter(([id]) => id !== checkId).flatMap(([, k]) => k);
    return unofferedWrites(keys, otherKeys).map(([what, writes]): Forged => ({ category: `fix: ${what}`, method: 'fix', params: { checkId, writes }, refusal: new RegExp(`did not offer for ${quoted(checkId)}`) }));
  });
  const anyWrites = fc.oneof(fc.constantFrom(...offered.values()).map((k) => [...k]), fc.array(writeKey, { minLength: 1, maxLength: 64 }));
  const fixNoOffer = fc
    .tuple(fc.oneof(fc.constantFrom(...WITHOUT_FIX), unknownCheckId), anyWrites)
    .map(([checkId, writes]): Forged => ({ category: CHECK_IDS.includes(checkId) ? 'fix: a check with no fix offered' : 'fix: a check that does not exist', method: 'fix', params: { checkId, writes }, refusal: new RegExp(`offered no fix for ${quoted(checkId)}`) }));
  const rerun = unknownCheckId.map((checkId): Forged => ({ category: 'rerun: a check that does not exist', method: 'rerun', params: { checkId }, refusal: new RegExp(`${quoted(checkId)} is not an onboarding check`) }));
  const setMark = fc
    .tuple(fc.oneof(fc.constantFrom(...NOT_MANUAL), unknownCheckId), fc.boolean())
    .map(([checkId, done]): Forged => ({ category: CHECK_IDS.includes(checkId) ? 'setMark: a check that is not manual' : 'setMark: a check that does not exist', method: 'setMark', params: { checkId, done }, refusal: new RegExp(`${quoted(checkId)} is not a manual check`) }));
  const withEvidence = CHECKS.filter((c) => c.evidence.length > 0);
  const copy = fc
    .oneof(
      // An item that is there, not marked copyable (or, filtered out below, one that is).
      fc.constantFrom(...withEvidence).chain((c) => fc.tuple(fc.constant(c.id), fc.integer({ min: 0, max: c.evidence.length - 1 }))),
      fc.tuple(fc.constantFrom(...CHECK_IDS), fc.integer({ min: 0, max: 255 })),
      fc.tuple(unknownCheckId, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }))),
    )
    .filter(([checkId, index]) => !COPYABLE.has(`${checkId}#${index}`))
    .map(([checkId, index]): Forged => {
      const evidence = CHECKS.find((c) => c.id === checkId)?.evidence;
      const category = !evidence ? 'copy: a check that does not exist' : index < evidence.length ? 'copy: evidence not marked copyable' : 'copy: an index out of range';
      return { category, method: 'copy', params: { checkId, index }, refusal: new RegExp(`Evidence ${index} of ${quoted(checkId)} is not one the page can copy`) };
    });
  const openSource = unknownCheckId.map((checkId): Forged => ({ category: 'openSource: a check that does not exist', method: 'openSource', params: { checkId }, refusal: new RegExp(`${quoted(checkId)} has no source to open`) }));
  return fc.oneof({ arbitrary: fixOffered, weight: 4 }, { arbitrary: fixNoOffer, weight: 2 }, rerun, setMark, copy, openSource);
}

describe('webviews: Onboarding Checks host fuzz (malformed and forged messages)', function () {
  this.timeout(60_000);

  it(`refuses ${MESSAGES.toLocaleString()} random malformed messages: no exception, each logged, answered when it has an id, no handler run`, async () => {
    const panel = openPanel();
    const offered = await runOnce(panel);
    const { host, log, posted } = panel;
    const effectsBefore = panel.effects();
    await assertRefusesAll({
      name: 'Onboarding Checks',
      host,
      log,
      posted,
      handlerRuns: panel.handlerRuns,
      messages: badMessages(offered),
      numRuns: MESSAGES,
      seed: SEED,
      nothingDone: (category) => assert.deepEqual(panel.effects(), effectsBefore, `${category}: nothing done`),
    });
    assert.deepEqual(panel.effects(), effectsBefore, 'no run, fix, mark, prompt, copy, save or command was reached');
    assert.deepEqual(panel.world.engine.fixes, []);
    assert.deepEqual(panel.record.confirmations, []);
    assert.deepEqual(panel.record.copies, []);
    assert.deepEqual(panel.record.saved, []);
    assert.deepEqual(panel.commands, []);
    assert.equal(log.of('error').length, 0);

    await stillAnswers(panel, 3);
  });

  it(`refuses ${FORGED} well-formed requests naming writes, checks or evidence the host never offered: an error answer, a warning, nothing done`, async () => {
    const panel = openPanel();
    const offered = await runOnce(panel);
    const { log } = panel;
    const effectsBefore = panel.effects();
    const handlerRunsBefore = panel.handlerRuns();

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    let requests = 0;
    let exceptions = 0;
    let refused = 0;
    let id = 1_000;
    const byCategory = new Map<string, number>();
    try {
      await fc.assert(
        fc.asyncProperty(forgedRequests(offered), async ({ category, method, params, refusal }) => {
          requests++;
          byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
          // Forged, not malformed: the schema lets it through to the handler.
          assert.ok(v.is(onboardingChecksProtocol.requests[method].params, params), `${category}: passes the ${method} schema`);
          const warnings = log.of('warn').length;
          const runs = panel.handlerRuns();
          let answer: Extract<HostToWebview, { kind: 'response' }>;
          try {
            answer = await panel.ask(++id, method, params);
          } catch (error) {
            exceptions++;
            throw error;
          }
          assert.equal(panel.handlerRuns(), runs + 1, `${category}: the ${method} handler ran`);
          assert.ok(!answer.ok, `${category}: refused, not done (${JSON.stringify(answer)})`);
          assert.match(answer.error.message, refusal, `${category}: the page is told why`);
          const logged = log.of('warn').slice(warnings);
          assert.equal(logged.filter((l) => /^Onboarding Checks refused a request from the webview: /.test(l)).length, 1, `${category}: one refusal logged`);
          assert.match(logged.find((l) => /refused a request/.test(l))!, refusal);
          assert.deepEqual(panel.effects(), effectsBefore, `${category}: nothing asked, written, marked, copied or opened`);
          refused++;
        }),
        { seed: SEED, numRuns: FORGED, endOnFailure: true },
      );
      await settle();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }

    console.log(
      `      forged seed ${SEED}: ${requests} requests, ${exceptions} exceptions, ${unhandled.length} unhandled rejections, ` +
        `${refused} refused with an error answer, ${log.of('warn').filter((l) => /refused a request/.test(l)).length} refusals logged, ` +
        `${panel.handlerRuns() - handlerRunsBefore} handler runs, ${panel.world.engine.fixes.length} fixes applied`,
    );
    console.log(`      by kind: ${[...byCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    assert.equal(requests, FORGED);
    assert.equal(refused, FORGED);
    assert.equal(panel.handlerRuns() - handlerRunsBefore, FORGED, 'each reached its handler');
    assert.deepEqual(unhandled, []);
    assert.deepEqual(panel.world.engine.fixes, []);
    assert.deepEqual(panel.record.confirmations, []);
    assert.deepEqual(panel.record.copies, []);
    assert.deepEqual(panel.world.state.marks(GATEWAY.id), {});
    assert.equal(log.of('error').length, 0);

    await stillAnswers(panel, 3);
  });
});
