// `acg apply` against the in-process emulator (sign-in, gateway check) with a stand-in executor
// (planEngine.support.ts): what the CLI decides before anything is sent (a stale plan, a journal already there, no
// --yes without a terminal, a "no" at the prompt), the journal's start entry that --resume reads, Ctrl-C between
// requests with the exact resume command, and a resume that sends only what was not done.
import { strict as assert } from 'node:assert';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import type { JournalEntry, SavedProvisioningPlan } from '../../../src/core/apply/types';
import { runApply } from '../../../src/cli/applyCommand';
import type { ConfirmPrompt } from '../../../src/cli/applyRun';
import { runPlan } from '../../../src/cli/planCommand';
import { fakeEngine, type FakeEngine, type FakeEngineOptions } from './planEngine.support';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = 'fabrikam-pilot.acg-plan.json';
const OPERATOR_ENV = { AZURE_TENANT_ID: DEMO_TENANT_ID, AZURE_CLIENT_ID: OPERATOR_CLIENT_ID, AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET };

interface Run {
  code: number;
  out: string;
  err: string;
  engine: FakeEngine;
}

describe('acg apply (stand-in executor, emulator sign-in)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let dir: string;
  let cloud: string[];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-cli-apply-'));
    emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 } });
    cloud = ['--cloud', 'Emulator', '--emulator-url', emulator.url];
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'acg-cli-apply-work-'));
    copyFileSync(join(ROOT, 'samples', SAMPLE), join(dir, SAMPLE));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function deps(engine: FakeEngine, extra: { prompt?: ConfirmPrompt; abortSignal?: AbortSignal } = {}) {
    return { env: OPERATOR_ENV, cwd: dir, ca: [emulator.caCertPem], engine, now: () => new Date('2025-06-01T10:00:00Z'), ...extra };
  }

  async function apply(args: string[], options: FakeEngineOptions & { prompt?: ConfirmPrompt; abortSignal?: AbortSignal } = {}): Promise<Run> {
    const engine = fakeEngine(options);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runApply([...args, ...cloud], (l) => out.push(l), (l) => err.push(l), deps(engine, options));
    return { code, out: out.join('\n'), err: err.join('\n'), engine };
  }

  async function savePlan(): Promise<void> {
    const err: string[] = [];
    const code = await runPlan([SAMPLE, '--gateway', 'contoso-lab-gw', '--out', 'lab.json', ...cloud], () => undefined, (l) => err.push(l), deps(fakeEngine()));
    assert.equal(code, 2, err.join('\n'));
  }

  /** The saved plan's change ids, in apply order. */
  const planIds = () => (JSON.parse(readFileSync(join(dir, 'lab.json'), 'utf8')) as SavedProvisioningPlan).changes.map((c) => c.id);
  const journal = (name = 'lab.journal.jsonl') => readFileSync(join(dir, name), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry);

  it('applies a saved plan with --yes, journalled beside it; the start entry names the plan and its SHA-256', async () => {
    await savePlan();
    const run = await apply(['lab.json', '--yes']);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(run.engine.calls.sent, [planIds()]);
    assert.match(run.out, /^Finished: 7 of 7 changes applied on clab4d5e6f7\.commsgw\.azure\.com\.$/m);
    assert.match(run.err, /^acg apply: applying 7 changes \(5 to create, 2 to update\) on clab4d5e6f7\.commsgw\.azure\.com; journal lab\.journal\.jsonl\.$/m);
    assert.match(run.err, /acg apply: \[7\/7\] update relationship:/, 'progress on stderr');
    const entries = journal();
    const starts = entries.filter((e) => e.type === 'start');
    assert.equal(starts.length, 1, 'one start entry');
    assert.deepEqual(starts[0], {
      type: 'start',
      at: '2025-06-01T10:00:00.000Z',
      planSha256: createHash('sha256').update(readFileSync(join(dir, 'lab.json'))).digest('hex'),
      planPath: 'lab.json',
      gateway: 'clab4d5e6f7.commsgw.azure.com',
      changes: 7,
    });
  });

  it('refuses without --yes when there is no terminal to ask on (exit 4), and writes nothing', async () => {
    await savePlan();
    const run = await apply(['lab.json']);
    assert.equal(run.code, 4);
    assert.match(run.err, /not applying 7 changes .* without a confirmation, and there is no terminal to ask on\. .*add --yes/);
    assert.deepEqual(run.engine.calls.sent, []);
    assert.ok(!existsSync(join(dir, 'lab.journal.jsonl')));
  });

  it('asks on a terminal after showing the plan: anything but yes applies nothing (exit 1); yes applies', async () => {
    await savePlan();
    const questions: string[] = [];
    const answering = (answer: string): ConfirmPrompt => ({ ask: (q) => (questions.push(q), Promise.resolve(answer)) });
    const declined = await apply(['lab.json'], { prompt: answering('y') });
    assert.equal(declined.code, 1);
    assert.match(declined.out, /^Provisioning plan for clab4d5e6f7\.commsgw\.azure\.com, from fabrikam-pilot\.acg-plan\.json/, 'the plan is shown before the question');
    assert.match(questions[0], /^Apply 7 changes \(.*\) on clab4d5e6f7\.commsgw\.azure\.com\? Only 'yes' applies: $/);
    assert.deepEqual(declined.engine.calls.sent, []);
    assert.ok(!existsSync(join(dir, 'lab.journal.jsonl')), 'no journal for an apply that never started');
    const agreed = await apply(['lab.json'], { prompt: answering(' YES ') });
    assert.equal(agreed.code, 0, agreed.err);
    assert.deepEqual(agreed.engine.calls.sent, [planIds()]);
  });

  it('refuses a stale plan (its desired file changed) and a journal already there (exit 3), sending nothing', async () => {
    await savePlan();
    writeFileSync(join(dir, 'lab.journal.jsonl'), '');
    const there = await apply(['lab.json', '--yes']);
    assert.equal(there.code, 3);
    assert.match(there.err, /lab\.journal\.jsonl already exists: it records an earlier apply\. Resume it with acg apply --resume .*, or give --journal/);
    rmSync(join(dir, 'lab.journal.jsonl'));

    appendFileSync(join(dir, SAMPLE), '\n');
    const stale = await apply(['lab.json', '--yes']);
    assert.equal(stale.code, 3);
    assert.match(stale.err, /^acg apply: the plan is stale: .*fabrikam-pilot\.acg-plan\.json has changed since it was planned \(SHA-256 [0-9a-f]{12}, the plan was made from [0-9a-f]{12}\)\. Plan again: acg plan fabrikam-pilot\.acg-plan\.json --gateway \/subscriptions\/.* --out lab\.json\.$/);
    assert.deepEqual(stale.engine.calls.sent, []);
    assert.ok(!existsSync(join(dir, 'lab.journal.jsonl')));

    writeFileSync(join(dir, 'not-a-plan.json'), '{"format":"something-else"}');
    const bad = await apply(['not-a-plan.json', '--yes']);
    assert.equal(bad.code, 3);
    assert.match(bad.err, /^acg apply: not-a-plan\.json: is not a saved plan \(it has no "format"/);
  });

  it('Ctrl-C stops between requests and prints the resume command; --resume sends only what was not done', async () => {
    await savePlan();
    const interrupt = new AbortController();
    const stopped = await apply(['lab.json', '--yes'], { abortSignal: interrupt.signal, beforeSend: (sent) => sent === 2 && interrupt.abort(new Error('Interrupted (Ctrl-C).')) });
    assert.equal(stopped.code, 1);
    assert.deepEqual(stopped.engine.calls.sent, [planIds().slice(0, 2)]);
    assert.match(stopped.out, /^Stopped: 2 of 7 changes applied on clab4d5e6f7\.commsgw\.azure\.com\. Interrupted \(Ctrl-C\)\.$/m);
    const resumeLine = /To continue where it stopped: (acg apply --resume lab\.journal\.jsonl --cloud Emulator --emulator-url https:\/\/127\.0\.0\.1:\d+)$/m.exec(stopped.out);
    assert.ok(resumeLine, stopped.out);

    // The resume command as printed (without "acg apply").
    const resumed = await apply(resumeLine[1].split(' ').slice(2, 4));
    assert.equal(resumed.code, 4, 'still asks: no --yes and no terminal');
    const again = await apply(['--resume', 'lab.journal.jsonl', '--yes']);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(again.engine.calls.sent, [planIds().slice(2)], 'nothing done is sent again');
    assert.equal(journal().filter((e) => e.type === 'start').length, 1, 'a resume appends to the same journal');

    const finished = await apply(['--resume', 'lab.journal.jsonl', '--yes']);
    assert.equal(finished.code, 0);
    assert.match(finished.out, /^Nothing to apply: the apply lab\.journal\.jsonl records has finished\.$/);
    assert.deepEqual(finished.engine.calls.sent, []);
  });

  it('an executor that throws partway (the network gone) still ends with the resume command, exit 1', async () => {
    await savePlan();
    const run = await apply(['lab.json', '--yes'], { throwAfter: { sent: 3, error: new Error('connect ECONNREFUSED 127.0.0.1:443') } });
    assert.equal(run.code, 1);
    assert.match(run.err, /^acg apply: stopped: .*ECONNREFUSED/m);
    assert.match(run.out, /^Stopped before the end\. To continue where it stopped: acg apply --resume lab\.journal\.jsonl --cloud Emulator/m);
    const resumed = await apply(['--resume', 'lab.journal.jsonl', '--yes']);
    assert.equal(resumed.code, 0, resumed.err);
    assert.deepEqual(resumed.engine.calls.sent, [planIds().slice(3)]);
  });

  it('one apply per journal: a lock held by a running process refuses (exit 3); one left by a killed run is taken over', async () => {
    await savePlan();
    const lock = join(dir, 'lab.journal.jsonl.lock');
    writeFileSync(lock, `${process.ppid}\n`);
    const busy = await apply(['lab.json', '--yes']);
    assert.equal(busy.code, 3);
    assert.match(busy.err, new RegExp(`lab\\.journal\\.jsonl is in use by another acg apply \\(process ${process.ppid}\\)`));
    assert.deepEqual(busy.engine.calls.sent, []);

    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(lock, `${dead}\n`);
    const taken = await apply(['lab.json', '--yes']);
    assert.equal(taken.code, 0, taken.err);
    assert.ok(!existsSync(lock), 'released when done');
  });

  it('--resume refuses a journal whose plan changed since the apply started, and a file that is not a journal', async () => {
    await savePlan();
    const interrupt = new AbortController();
    await apply(['lab.json', '--yes'], { abortSignal: interrupt.signal, beforeSend: (sent) => sent === 1 && interrupt.abort() });
    writeFileSync(join(dir, 'lab.json'), readFileSync(join(dir, 'lab.json'), 'utf8').replace('"noop": 2', '"noop": 2 '));
    const changed = await apply(['--resume', 'lab.journal.jsonl', '--yes']);
    assert.equal(changed.code, 3);
    assert.match(changed.err, /lab\.json is not the plan lab\.journal\.jsonl was applying: it changed since the apply started/);
    writeFileSync(join(dir, 'other.jsonl'), 'not json\n');
    const notJournal = await apply(['--resume', 'other.jsonl', '--yes']);
    assert.equal(notJournal.code, 3);
    assert.match(notJournal.err, /other\.jsonl is not an apply journal: it has no 'start' entry naming its plan\./);
  });

  it('lists what failed or drifted and why, says to plan again, and exits 1', async () => {
    await savePlan();
    const run = await apply(['lab.json', '--yes'], {
      outcomes: {
        'number:+14255550303': { outcome: 'failed', message: 'The civic address is not validated.' },
        'account:Fabrikam-Pilot': { outcome: 'drift', message: 'changed since the plan (ETag "00000006" is now "0000000c").' },
      },
    });
    assert.equal(run.code, 1);
    assert.match(run.out, /Finished: 5 of 7 changes applied/);
    assert.match(run.out, /^ {2}1 failed:\n {4}number:\+14255550303: The civic address is not validated\.$/m);
    assert.match(run.out, /^ {2}1 drifted since the plan \(left alone\):\n {4}account:Fabrikam-Pilot: changed since the plan/m);
    assert.match(run.out, /Plan again to see where they stand now: acg plan fabrikam-pilot\.acg-plan\.json --gateway \/subscriptions\//);
    assert.doesNotMatch(run.out, /To continue where it stopped/, 'nothing is left for a resume');
  });

  it('plans a desired file, shows it, saves the plan beside it and applies it; nothing to change exits 0 with no files', async () => {
    mkdirSync(join(dir, 'out'));
    const run = await apply([SAMPLE, '--gateway', 'contoso-lab-gw', '--yes']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Provisioning plan for clab4d5e6f7/);
    assert.ok(existsSync(join(dir, 'fabrikam-pilot.plan.json')));
    assert.equal(journal('fabrikam-pilot.plan.journal.jsonl')[0].type, 'start');
    rmSync(join(dir, 'fabrikam-pilot.plan.json'));
    rmSync(join(dir, 'fabrikam-pilot.plan.journal.jsonl'));

    const none = await apply([SAMPLE, '--gateway', 'contoso-lab-gw', '--yes'], { matching: true });
    assert.equal(none.code, 0);
    assert.ok(!existsSync(join(dir, 'fabrikam-pilot.plan.json')));
  });

  it('usage errors exit 4 with one line', async () => {
    const cases: [string[], RegExp][] = [
      [[], /name a saved plan/],
      [['lab.json', '--gateway', 'x'], /is a saved plan, which names its gateway: leave out --gateway/],
      [[SAMPLE], /name the gateway with --gateway/],
      [['--resume', 'j.jsonl', 'lab.json'], /--resume continues the plan its journal names/],
      [['--resume', 'j.jsonl', '--journal', 'k.jsonl'], /leave out --journal/],
      [['a.json', 'b.json'], /one plan at a time/],
      [['lab.json', '--yes=no'], /--yes takes no value/],
    ];
    for (const [argv, message] of cases) {
      const run = await apply(argv);
      assert.equal(run.code, 4, argv.join(' '));
      assert.match(run.err, new RegExp(`^acg apply: .*${message.source}.* \\(acg apply --help lists the options\\)$`), argv.join(' '));
    }
  });
});
