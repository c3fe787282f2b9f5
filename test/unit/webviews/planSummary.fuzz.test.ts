// Fuzz: random, malformed and near-valid messages sent to the Plan Summary panel's host (the real protocol, RpcHost
// and handlers, with deps that record every command). The summary shown has changes and a run that can be resumed,
// so an Apply, Resume or Plan Again that slipped through would run its command and be seen. Every message must be
// refused: no exception, one warning, an error answer when it has a usable id, no handler run, no command. Then valid
// requests still work. Seeded and bounded; the seed is printed, and ACG_FUZZ_SEED=<n> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { PlanSummaryView } from '../../../src/core/apply/planSummary';
import { PlanSummaryHandlers } from '../../../src/webviews/planSummary/handlers';
import { planSummaryProtocol } from '../../../src/webviews/planSummary/protocol';
import { assertRefusesAll, categorized, countedHandlers, envelopeCategories, fuzzRuns, fuzzSeed, goodIdFrom, notActionId, notPlainObject } from './fuzzMessages';
import { nearValidRequests, type ValidRequest } from './fuzzMutations';
import { PLAN_COMMANDS, PLAN_VIEW } from './planSummaryFakes';
import { connect, RecordingLog, settle } from './rpcHarness';

const SEED = fuzzSeed(20_261_204);
const MESSAGES = fuzzRuns(2_000);
const METHODS = Object.keys(planSummaryProtocol.requests);
const goodId = goodIdFrom(1_000);
const COMMANDS = PLAN_COMMANDS;

const VIEW: PlanSummaryView = {
  ...PLAN_VIEW,
  outcome: { state: 'cancelled', headline: '', done: 0, attempted: 2, problems: [], moreProblems: 0, notStarted: 2, inFlight: 0, journal: '/s/plan-journals/x.journal.jsonl', canResume: true },
};

/** One valid request of each method. */
const VALID: readonly ValidRequest[] = [
  { method: 'load', params: {} },
  { method: 'apply', params: {} },
  { method: 'resume', params: {} },
  { method: 'replan', params: {} },
  { method: 'runAction', params: { id: 'acg.signIn' } },
];

/** What a page might try to smuggle in: another file or journal to act on. */
const smuggled = fc.tuple(fc.constantFrom('desiredUri', 'journal', 'uri', 'file', 'path', 'prune'), fc.oneof(fc.constantFrom<unknown>('file:///etc/passwd.acg-plan.json', '/tmp/other.jsonl', true), fc.anything())).map(([key, value]) => ({ [key]: value }));

const messages = fc.oneof(
  {
    weight: 1,
    arbitrary: categorized({
      ...envelopeCategories({
        methods: METHODS,
        validRequest: fc.constantFrom(...VALID).map(({ method, params }) => [method, params] as const),
        badParams: (method) => (method === 'runAction' ? fc.oneof(notPlainObject, notActionId.map((id) => ({ id }))) : fc.oneof(notPlainObject, smuggled)),
        goodId,
        nearMethods: ['Apply', 'apply ', 'applyPlan', 'resumeApply', 'plan', 'Load'],
        deep: fc.constant(['runAction', (inner: unknown) => ({ id: inner }), 'acg.signIn'] as const),
      }),
      'a file or journal smuggled into an action': fc.tuple(goodId, fc.constantFrom('apply', 'resume', 'replan'), smuggled).map(([id, method, params]) => ({ kind: 'request', id, method, params })),
    }),
  },
  { weight: 1, arbitrary: nearValidRequests(VALID, { optionalKeys: [], violations: { id: notActionId }, goodId }) },
);

describe('webviews: Plan Summary panel host fuzz (malformed and near-valid messages)', function () {
  this.timeout(120_000);

  it(`refuses ${MESSAGES.toLocaleString()} malformed and near-valid messages: no exception, each logged, no handler or command`, async () => {
    const executed: unknown[][] = [];
    const handlers = new PlanSummaryHandlers(
      { log: new RecordingLog(), present: (error) => ({ message: error instanceof Error ? error.message : String(error), actions: [] }), executeCommand: (id, ...args) => Promise.resolve(executed.push([id, ...args])) },
      COMMANDS,
      VIEW,
    );
    const counted = countedHandlers(handlers.handlers);
    const pair = connect(planSummaryProtocol, counted.handlers, handlers.actions.present);
    pair.client.start();
    await settle();

    await assertRefusesAll({
      name: 'Plan Summary',
      host: pair.host,
      log: pair.log,
      posted: pair.posted,
      handlerRuns: counted.total,
      messages,
      numRuns: MESSAGES,
      seed: SEED,
      nothingDone: (category) => assert.deepEqual(executed, [], `${category}: no command ran`),
    });
    assert.equal(pair.log.of('error').length, 0);

    // Valid requests still work afterwards, on this file and this journal only.
    assert.deepEqual(await pair.client.request('load', {}), VIEW);
    await pair.client.request('apply', {});
    await pair.client.request('resume', {});
    assert.deepEqual(executed, [
      [COMMANDS.apply, { desiredUri: VIEW.desiredUri }],
      [COMMANDS.resume, { journal: VIEW.outcome?.journal }],
    ]);
  });
});
