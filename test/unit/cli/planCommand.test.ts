// `acg plan` against the in-process emulator (sign-in, gateway lookup) with a stand-in planner (planEngine.support.ts):
// exit codes (0 no changes, 2 changes, 1 file with errors, 3 could not run, 4 usage), the three formats, the saved plan
// (its desired file named from where it is saved, the file's SHA-256), and nothing signed in for a bad command line.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, demoGatewayDomain, GATEWAY_LAB, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import type { SavedProvisioningPlan } from '../../../src/core/apply/types';
import { runCli } from '../../../src/cli/main';
import { runPlan } from '../../../src/cli/planCommand';
import { fakeEngine, type FakeEngine } from './planEngine.support';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = 'fabrikam-pilot.acg-plan.json';
const OPERATOR_ENV = { AZURE_TENANT_ID: DEMO_TENANT_ID, AZURE_CLIENT_ID: OPERATOR_CLIENT_ID, AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET };

describe('acg plan (stand-in planner, emulator sign-in)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let dir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-cli-plan-'));
    dir = mkdtempSync(join(tmpdir(), 'acg-cli-plan-work-'));
    mkdirSync(join(dir, 'desired'));
    copyFileSync(join(ROOT, 'samples', SAMPLE), join(dir, 'desired', SAMPLE));
    copyFileSync(join(ROOT, 'samples', 'broken.acg-plan.json'), join(dir, 'desired', 'broken.acg-plan.json'));
    emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 } });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  async function plan(args: string[], engine: FakeEngine = fakeEngine()): Promise<{ code: number; out: string; err: string; engine: FakeEngine }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runPlan(['--cloud', 'Emulator', '--emulator-url', emulator.url, ...args], (l) => out.push(l), (l) => err.push(l), {
      env: OPERATOR_ENV,
      cwd: dir,
      ca: [emulator.caCertPem],
      engine,
      now: () => new Date('2025-06-01T10:00:00Z'),
    });
    return { code, out: out.join('\n'), err: err.join('\n'), engine };
  }

  it('exits 2 with changes, prints the text plan, and saves a plan that names its desired file from where it is saved', async () => {
    const run = await plan([`desired/${SAMPLE}`, '--gateway', 'contoso-lab-gw']);
    assert.equal(run.code, 2, run.err);
    assert.match(run.out, /^Provisioning plan for clab4d5e6f7\.commsgw\.azure\.com, from desired\/fabrikam-pilot\.acg-plan\.json/);
    assert.match(run.out, /^ {2}\+ create account Contoso-Telecom-Demo$/m);
    assert.match(run.out, /^ {2}~ update account Fabrikam-Pilot\n {6}correlationId: \(absent\) → "SF-PILOT-0042"$/m);
    assert.match(run.out, /^Plan: 5 to create, 2 to update, 0 to delete, 2 unchanged\.$/m);
    assert.deepEqual(run.engine.calls.live, [{ domain: demoGatewayDomain(GATEWAY_LAB), prune: false }], 'the live read is of the gateway named, without prune');
    assert.match(run.err, /acg plan: read 2 accounts and 6 numbers/, 'progress on stderr');

    mkdirSync(join(dir, 'plans'), { recursive: true });
    const saved = await plan([`desired/${SAMPLE}`, '--gateway', 'contoso-lab-gw', '--out', 'plans/lab.json']);
    assert.equal(saved.code, 2, saved.err);
    const file = JSON.parse(readFileSync(join(dir, 'plans', 'lab.json'), 'utf8')) as SavedProvisioningPlan;
    assert.equal(file.desired.path, `../desired/${SAMPLE}`);
    assert.equal(file.desired.sha256, createHash('sha256').update(readFileSync(join(dir, 'desired', SAMPLE))).digest('hex'));
    assert.equal(file.gateway.id, `/subscriptions/${GATEWAY_LAB.subscriptionId}/resourceGroups/${GATEWAY_LAB.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${GATEWAY_LAB.name}`);
    assert.match(saved.err, /acg plan: saved the plan to plans\/lab\.json; apply it with: acg apply plans\/lab\.json/);
  });

  it('exits 0 when there is nothing to change', async () => {
    const run = await plan([`desired/${SAMPLE}`, '--gateway', 'contoso-lab-gw'], fakeEngine({ matching: true }));
    assert.equal(run.code, 0, run.err);
  });

  it('prints Markdown for a pull request and JSON that is the saved plan', async () => {
    const markdown = await plan([`desired/${SAMPLE}`, '--gateway', 'contoso-lab-gw', '--format', 'markdown']);
    assert.equal(markdown.code, 2);
    assert.match(markdown.out, /^### Provisioning plan for `clab4d5e6f7\.commsgw\.azure\.com`/);
    assert.match(markdown.out, /^\| Numbers \| 4 \| 0 \| 0 \|$/m);
    assert.match(markdown.out, /<summary>Numbers to create \(4\)<\/summary>/);
    const json = await plan([`desired/${SAMPLE}`, '--gateway', 'contoso-lab-gw', '--format=json']);
    assert.equal(json.code, 2);
    assert.equal((JSON.parse(json.out) as SavedProvisioningPlan).format, 'acg-provisioning-plan/1');
  });

  it('refuses a file with errors, listing them as acg validate does, without reading anything live (exit 1)', async () => {
    const run = await plan(['desired/broken.acg-plan.json', '--gateway', 'contoso-lab-gw']);
    assert.equal(run.code, 1);
    assert.match(run.err, /^desired\/broken\.acg-plan\.json:\d+:\d+: error ACG-/m);
    assert.match(run.err, /acg plan: refused: the file has \d+ errors; fix them first/);
    assert.deepEqual(run.engine.calls.live, []);
    assert.equal(run.out, '');
  });

  it('a desired state the planner will not plan safely (a number that lives in another account) exits 1, saying why', async () => {
    const engine = fakeEngine();
    const read = engine.readLiveProvisioningState.bind(engine);
    engine.readLiveProvisioningState = async (client, desired, options) => {
      const live = await read(client, desired, options);
      const numbers = new Map(live.numbers);
      numbers.set('+14255550303', { resource: { telephoneNumber: '+14255550303', accountName: 'Northwind-Trial', serviceDetails: {} }, etag: '"0000ff01"' });
      return { ...live, numbers };
    };
    const run = await plan([`desired/${SAMPLE}`, '--gateway', 'contoso-lab-gw'], engine);
    assert.equal(run.code, 1);
    assert.match(run.err, /^acg plan: desired\/fabrikam-pilot\.acg-plan\.json: cannot plan this change safely:\n {2}- .*\+14255550303/m);
    assert.equal(run.out, '');
  });

  it('exits 3 when it cannot run: an unreadable file, a gateway that is not there', async () => {
    const missing = await plan(['desired/gone.acg-plan.json', '--gateway', 'contoso-lab-gw']);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /^acg plan: cannot read .*gone\.acg-plan\.json: no such file or folder \(ENOENT\)\.$/);
    const nowhere = await plan([`desired/${SAMPLE}`, '--gateway', 'nowhere-gw']);
    assert.equal(nowhere.code, 3);
    assert.match(nowhere.err, /^acg plan: no gateway named 'nowhere-gw'/);
  });

  it('usage errors exit 4 (never 2, which means changes) with one line, and sign nobody in', async () => {
    const cases: [string[], RegExp][] = [
      [[], /name the desired file/],
      [[SAMPLE], /name the gateway with --gateway/],
      [['samples/contoso-lab.acg-gateway.json', '--subscription', 'x'], /--subscription goes with --gateway; a gateway file names its subscription itself/],
      [['plan.json', '--gateway', 'x'], /is neither a provisioning plan nor a gateway file/],
      [[SAMPLE, '--gateway', 'x', '--format', 'sarif'], /--format must be text, json or markdown, not 'sarif'/],
      [[SAMPLE, '--gateway', 'x', '--out', 'other.acg-plan.json'], /would overwrite a config file/],
      [[SAMPLE, SAMPLE, '--gateway', 'x'], /one file at a time/],
      [[SAMPLE, '--gateway', 'x', '--yes'], /unknown option '--yes'/],
      [[SAMPLE, '--gateway'], /--gateway needs a value/],
    ];
    for (const [argv, message] of cases) {
      const err: string[] = [];
      const out: string[] = [];
      const code = await runCli(['plan', ...argv], (l) => out.push(l), (l) => err.push(l), dir, {});
      assert.equal(code, 4, argv.join(' '));
      assert.equal(err.length, 1, err.join('\n'));
      assert.match(err[0], new RegExp(`^acg plan: .*${message.source}.* \\(acg plan --help lists the options\\)$`), argv.join(' '));
      assert.deepEqual(out, []);
    }
    const help: string[] = [];
    assert.equal(await runCli(['plan', '--help'], (l) => help.push(l), () => undefined, dir, {}), 0);
    assert.match(help.join('\n'), /Exit code: 0 no changes; 2 changes to apply; 1 the file has errors, or asks for what cannot be planned safely/);
  });
});
