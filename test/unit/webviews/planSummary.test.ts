// The plan summary panel's host handlers over the real RPC, with fakes for the extension: the page gets the summary,
// its buttons run the commands with this file or journal only when the summary allows it, and malformed messages
// are refused before any handler runs.
import { strict as assert } from 'node:assert';
import { PlanSummaryHandlers } from '../../../src/webviews/planSummary/handlers';
import { planSummaryProtocol, type PlanSummaryProtocol } from '../../../src/webviews/planSummary/protocol';
import { RpcError } from '../../../src/webviews/shared/browser/rpcClient';
import { PLAN_COMMANDS, PLAN_VIEW } from './planSummaryFakes';
import { connect, RecordingLog, settle, type Pair } from './rpcHarness';

const COMMANDS = PLAN_COMMANDS;

const VIEW = PLAN_VIEW;

describe('plan summary panel handlers', () => {
  let executed: unknown[][];
  /** What the fake command answers: a result when it ran, undefined when it ended without running (a dismissed modal). */
  let answer: unknown;
  let handlers: PlanSummaryHandlers;
  let pair: Pair<PlanSummaryProtocol>;

  beforeEach(async () => {
    executed = [];
    answer = { applied: 1 };
    handlers = new PlanSummaryHandlers(
      {
        log: new RecordingLog(),
        present: (error) => ({ message: error instanceof Error ? error.message : String(error), actions: [] }),
        executeCommand: (id, ...args) => {
          executed.push([id, ...args]);
          return Promise.resolve(answer);
        },
      },
      COMMANDS,
      VIEW,
      () => executed.push(['takeFocus']),
    );
    pair = connect(planSummaryProtocol, handlers.handlers, handlers.actions.present);
    pair.client.start();
    await settle();
  });

  async function failure(method: 'apply' | 'resume' | 'replan'): Promise<string> {
    try {
      await pair.client.request(method, {});
    } catch (error) {
      assert.ok(error instanceof RpcError);
      return error.presented.message;
    }
    assert.fail(`${method} was not refused`);
  }

  it('answers load with the summary it holds, and the latest after an update', async () => {
    assert.deepEqual(await pair.client.request('load', {}), VIEW);
    handlers.update({ ...VIEW, hasChanges: false });
    assert.equal((await pair.client.request('load', {})).hasChanges, false);
  });

  it('Apply runs the apply command on this file only', async () => {
    await pair.client.request('apply', {});
    assert.deepEqual(executed, [[COMMANDS.apply, { desiredUri: VIEW.desiredUri }]]);
  });

  it('refuses Apply with nothing to apply, or while an apply runs', async () => {
    handlers.update({ ...VIEW, hasChanges: false });
    assert.match(await failure('apply'), /Nothing to apply: fabrikam\.acg-plan\.json matches lab\.example\.com/);
    handlers.update({ ...VIEW, outcome: { state: 'running', headline: '', done: 0, attempted: 1, problems: [], moreProblems: 0, notStarted: 1, inFlight: 0, journal: '/j', canResume: false } });
    assert.match(await failure('apply'), /is being applied/);
    assert.match(await failure('replan'), /is being applied/);
    assert.deepEqual(executed, []);
  });

  it('Resume runs the resume command on the last run’s journal, and only when something is left', async () => {
    assert.match(await failure('resume'), /Nothing to resume/);
    handlers.update({ ...VIEW, outcome: { state: 'cancelled', headline: '', done: 0, attempted: 2, problems: [], moreProblems: 0, notStarted: 2, inFlight: 0, journal: '/s/plan-journals/x.journal.jsonl', canResume: true } });
    await pair.client.request('resume', {});
    assert.deepEqual(executed, [[COMMANDS.resume, { journal: '/s/plan-journals/x.journal.jsonl' }]]);
  });

  it('Apply… and Resume whose confirmation was dismissed give the panel focus back; a run that went ahead does not take it', async () => {
    await pair.client.request('apply', {});
    answer = undefined;
    await pair.client.request('apply', {});
    handlers.update({ ...VIEW, outcome: { state: 'cancelled', headline: '', done: 0, attempted: 2, problems: [], moreProblems: 0, notStarted: 2, inFlight: 0, journal: '/j', canResume: true } });
    await pair.client.request('resume', {});
    assert.deepEqual(executed, [[COMMANDS.apply, { desiredUri: VIEW.desiredUri }], [COMMANDS.apply, { desiredUri: VIEW.desiredUri }], ['takeFocus'], [COMMANDS.resume, { journal: '/j' }], ['takeFocus']]);
  });

  it('Plan Again runs the plan command on this file, then gives the panel focus back from the diff it reopened', async () => {
    await pair.client.request('replan', {});
    assert.deepEqual(executed, [[COMMANDS.plan, { desiredUri: VIEW.desiredUri }], ['takeFocus']]);
  });

  it('refuses malformed messages before any handler runs: extra params, a journal or file smuggled in, unknown methods, foreign actions', async () => {
    let nextId = 500;
    for (const [method, params] of [
      ['apply', { desiredUri: 'file:///etc/passwd.acg-plan.json' }],
      ['resume', { journal: '/tmp/other.jsonl' }],
      ['load', null],
      ['load', []],
      ['replan', { desiredUri: 'x' }],
      ['runAction', { id: 'workbench.action.terminal.new' }],
      ['deleteEverything', {}],
    ] as const) {
      const id = nextId++;
      pair.host.receive({ kind: 'request', id, method, params });
      await settle();
      const answer = pair.posted.find((m) => m.kind === 'response' && m.id === id);
      assert.ok(answer && answer.kind === 'response' && !answer.ok, `${method} ${JSON.stringify(params)} was refused`);
    }
    assert.deepEqual(executed, [], 'no command ran');
    assert.equal(pair.log.of('warn').length, 7);
  });

  it('runs only the error actions it presented', async () => {
    await assert.rejects(handlers.actions.run('acg.signIn'), /not an action this page offered/);
    assert.deepEqual(executed, []);
  });
});
