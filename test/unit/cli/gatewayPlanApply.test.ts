// `acg plan` and `acg apply` on a *.acg-gateway.json, with the real planner and executor against the in-process
// emulator's lab gateway: the file names its gateway (no --gateway), a --gateway that disagrees is a usage error before
// sign-in, plan exits 2 with text and Markdown, apply --yes applies through ARM, plan again exits 0; Ctrl-C after the
// first change and --resume finish the rest.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, GATEWAY_LAB, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import { runApply } from '../../../src/cli/applyCommand';
import { runPlan } from '../../../src/cli/planCommand';
import type { GatewayDocument } from '../../../src/core/config/model';

const ROOT = join(__dirname, '..', '..', '..');
const FILE = 'lab.acg-gateway.json';
const OPERATOR_ENV = { AZURE_TENANT_ID: DEMO_TENANT_ID, AZURE_CLIENT_ID: OPERATOR_CLIENT_ID, AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET };

/** The sandbox sample (which the sandbox holds as it is) with a change: codecs reordered and a manual test line. */
function desired(extraLines: string[] = ['MAN1']): GatewayDocument {
  const doc = JSON.parse(readFileSync(join(ROOT, 'samples', 'contoso-lab.acg-gateway.json'), 'utf8')) as GatewayDocument;
  doc.properties.codecs = ['PCMU', 'PCMA', 'G722'];
  const manual = extraLines.map((name, i) => ({ name, properties: { phoneNumber: `+4420794602${90 + i}`, purpose: 'Manual' as const } }));
  return { ...doc, testLines: [...(doc.testLines ?? []), ...manual] };
}

describe('acg plan and acg apply on a gateway file (emulator)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dir: string;
  let cloud: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acg-cli-gateway-'));
    emulator = await startEmulator({ port: 0, dataDir: join(dir, 'emulator'), rateLimit: { requestsPerWindow: 0 }, config: { armOperationDelayMs: 20 } });
    cloud = ['--cloud', 'Emulator', '--emulator-url', emulator.url];
  });
  after(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function acg(command: typeof runPlan, args: string[], abortSignal?: AbortSignal, onErr?: (line: string) => void) {
    const out: string[] = [];
    const err: string[] = [];
    const deps = { env: OPERATOR_ENV, cwd: dir, ca: [emulator.caCertPem], ...(abortSignal ? { abortSignal } : {}) };
    const code = await command([...args, ...cloud], (l) => out.push(l), (l) => (err.push(l), onErr?.(l)), deps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const labLines = () => emulator.context.state.gateways.find((g) => g.resource.name === GATEWAY_LAB.name)?.testLines.map((l) => l.name).sort();

  it('plans (exit 2, text and Markdown), applies with --yes, and plans again with nothing to do (exit 0)', async () => {
    writeFileSync(join(dir, FILE), JSON.stringify(desired(), null, 2));
    const text = await acg(runPlan, [FILE, '--out', 'lab.json']);
    assert.equal(text.code, 2, text.err);
    assert.match(text.out, /^Gateway plan for \/subscriptions\/.*\/communicationsGateways\/contoso-lab-gw, from lab\.acg-gateway\.json/);
    assert.match(text.out, /^ {2}~ update gateway contoso-lab-gw\n {6}properties\.codecs: \["PCMA","PCMU","G722"\] → \["PCMU","PCMA","G722"\]$/m);
    assert.match(text.out, /^ {2}\+ create test line MAN1$/m);
    assert.match(text.out, /^Plan: 1 to create, 1 to update, 0 to delete, 3 unchanged\.$/m);
    const markdown = await acg(runPlan, [FILE, '--format', 'markdown', '--gateway', 'contoso-lab-gw']);
    assert.equal(markdown.code, 2, markdown.err);
    assert.match(markdown.out, /^### Gateway plan for `\/subscriptions\/.*contoso-lab-gw`/);
    assert.match(markdown.out, /\| Test lines \| 1 \| 0 \| 0 \|/);

    const applied = await acg(runApply, ['lab.json', '--yes']);
    assert.equal(applied.code, 0, `${applied.out}\n${applied.err}`);
    assert.match(applied.out, /^Finished: 2 of 2 changes applied on \/subscriptions\/.*\/contoso-lab-gw\.$/m);
    assert.ok(existsSync(join(dir, 'lab.journal.jsonl')));
    assert.deepEqual(labLines(), ['MAN1', 'OC1', 'OC2', 'OC3']);
    const again = await acg(runPlan, [FILE]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /^No changes: the live state matches lab\.acg-gateway\.json \(5 unchanged\)\.$/m);
  });

  it('refuses a --gateway or --subscription that is not the gateway the file names, before signing in (exit 4)', async () => {
    writeFileSync(join(dir, FILE), JSON.stringify(desired(), null, 2));
    const other = await acg(runPlan, [FILE, '--gateway', 'contoso-prod-gw']);
    assert.equal(other.code, 4);
    assert.match(other.err, /^acg plan: --gateway contoso-prod-gw is not the gateway the file names: it names contoso-lab-gw \(subscription 5b8e1a3c-/);
    const elsewhere = await acg(runApply, [FILE, '--gateway', 'contoso-lab-gw', '--subscription', '00000000-0000-4000-8000-000000000000', '--yes']);
    assert.equal(elsewhere.code, 4);
    assert.match(elsewhere.err, /--subscription 00000000-0000-4000-8000-000000000000 is not the file's subscription/);
  });

  it('stops on Ctrl-C between changes with the resume command, and --resume applies only the rest', async () => {
    writeFileSync(join(dir, FILE), JSON.stringify(desired(['MAN1', 'MAN2', 'MAN3']), null, 2));
    const abort = new AbortController();
    const stopped = await acg(runApply, [FILE, '--yes'], abort.signal, (line) => {
      if (line.includes('[1/2]')) abort.abort(new Error('Cancelled by Ctrl-C.'));
    });
    assert.equal(stopped.code, 1, `${stopped.out}\n${stopped.err}`);
    assert.match(stopped.out, /^Stopped: 1 of 2 changes applied/m);
    assert.match(stopped.out, /To continue where it stopped: acg apply --resume lab\.gateway-plan\.journal\.jsonl/);
    assert.deepEqual(labLines(), ['MAN1', 'MAN2', 'OC1', 'OC2', 'OC3']);

    const resumed = await acg(runApply, ['--resume', 'lab.gateway-plan.journal.jsonl', '--yes']);
    assert.equal(resumed.code, 0, `${resumed.out}\n${resumed.err}`);
    assert.match(resumed.out, /^Finished: 1 of 1 change applied/m);
    assert.deepEqual(labLines(), ['MAN1', 'MAN2', 'MAN3', 'OC1', 'OC2', 'OC3']);
    assert.equal((await acg(runPlan, [FILE])).code, 0);
  });
  it('plans a gateway ARM does not have as a create (exit 2), creates it and its test lines, then plans nothing (exit 0)', async () => {
    const doc = desired([]);
    const fresh: GatewayDocument = { ...doc, name: 'contoso-lab9-gw', testLines: [{ name: 'OC1', properties: { phoneNumber: '+442079460491', purpose: 'Automated' } }] };
    writeFileSync(join(dir, 'lab9.acg-gateway.json'), JSON.stringify(fresh, null, 2));
    const planned = await acg(runPlan, ['lab9.acg-gateway.json']);
    assert.equal(planned.code, 2, planned.err);
    assert.match(planned.out, /^ {2}\+ create gateway contoso-lab9-gw\n {6}location: \(absent\) → "eastus"$/m);
    assert.match(planned.out, /^ {2}\+ create test line OC1$/m);
    assert.match(planned.out, /^Plan: 2 to create, 0 to update, 0 to delete, 0 unchanged\.$/m);
    const applied = await acg(runApply, ['lab9.acg-gateway.json', '--yes']);
    assert.equal(applied.code, 0, `${applied.out}\n${applied.err}`);
    const created = emulator.context.state.gateways.find((g) => g.resource.name === 'contoso-lab9-gw');
    assert.equal(created?.resource.properties?.provisioningState, 'Succeeded');
    assert.deepEqual(created?.testLines.map((l) => l.name), ['OC1']);
    const again = await acg(runPlan, ['lab9.acg-gateway.json']);
    assert.equal(again.code, 0, again.err);
  });
});
