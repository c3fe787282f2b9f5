// `acg plan` and `acg apply` end to end: the built CLI, spawned, against the emulator's lab gateway with the sandbox
// sample (samples/fabrikam-pilot.acg-plan.json), the real live read, planner and executor. The README's walk-through:
// plan (exit 2, text and Markdown), apply --yes, plan again (exit 0), with the live state checked in the emulator.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, demoGatewayDomain, GATEWAY_LAB, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import type { JournalEntry } from '../../../src/core/apply/types';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = 'fabrikam-pilot.acg-plan.json';

describe('acg plan and acg apply (the built CLI against the emulator)', function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let dir: string;
  let cli: string;
  let env: Record<string, string>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acg-cli-plan-e2e-'));
    cli = join(dir, 'cli.js');
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli/main.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
      define: { ACG_VERSION: '"test"' },
      outfile: cli,
      logLevel: 'silent',
    });
    copyFileSync(join(ROOT, 'samples', SAMPLE), join(dir, SAMPLE));
    emulator = await startEmulator({ port: 0, dataDir: join(dir, 'emulator') });
    env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      AZURE_TENANT_ID: DEMO_TENANT_ID,
      AZURE_CLIENT_ID: OPERATOR_CLIENT_ID,
      AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET,
      ACG_CLOUD: 'Emulator',
      ACG_EMULATOR_URL: emulator.url,
      NODE_EXTRA_CA_CERTS: emulator.caPath,
    };
  });
  after(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function acg(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: dir, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const lab = () => emulator.context.state.provisioning[demoGatewayDomain(GATEWAY_LAB)];

  it('plans the sample (exit 2, text and Markdown), applies it with --yes, and plans again with nothing to do (exit 0)', async () => {
    const text = await acg(['plan', SAMPLE, '--gateway', 'contoso-lab-gw', '--out', 'lab.json']);
    assert.equal(text.code, 2, text.stderr);
    assert.match(text.stdout, /^Provisioning plan for clab4d5e6f7\.commsgw\.azure\.com, from fabrikam-pilot\.acg-plan\.json/);
    assert.match(text.stdout, /^ {2}\+ create account Contoso-Telecom-Demo$/m);
    assert.match(text.stdout, /^ {2}~ update account Fabrikam-Pilot\n {6}correlationId: \(absent\) → "SF-PILOT-0042"$/m);
    assert.match(text.stdout, /^ {2}~ update relationship of tenant 9a2d802f-60c3-467f-b3ef-4ac53ec2fb0d$/m);
    assert.match(text.stdout, /^Plan: 5 to create, 2 to update, 0 to delete, 2 unchanged\.$/m);
    assert.ok(existsSync(join(dir, 'lab.json')));

    const markdown = await acg(['plan', SAMPLE, '--gateway', 'contoso-lab-gw', '--format', 'markdown']);
    assert.equal(markdown.code, 2, markdown.stderr);
    assert.match(markdown.stdout, /^### Provisioning plan for `clab4d5e6f7\.commsgw\.azure\.com`/);
    assert.match(markdown.stdout, /^\| Numbers \| 4 \| 0 \| 0 \|$/m);

    const noYes = await acg(['apply', 'lab.json']);
    assert.equal(noYes.code, 4, 'no terminal to ask on: refused');
    assert.ok(!existsSync(join(dir, 'lab.journal.jsonl')));

    const applied = await acg(['apply', 'lab.json', '--yes']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /^Finished: 7 of 7 changes applied on clab4d5e6f7\.commsgw\.azure\.com\.$/m);
    const journal = readFileSync(join(dir, 'lab.journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry);
    assert.equal(journal.filter((e) => e.type === 'start').length, 1);
    assert.equal(journal.at(-1)?.type, 'end');
    assert.ok(lab().accounts['Contoso-Telecom-Demo'], 'the account was created');
    assert.equal(lab().accounts['Fabrikam-Pilot'].resource.correlationId, 'SF-PILOT-0042');

    const again = await acg(['plan', SAMPLE, '--gateway', 'contoso-lab-gw']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^No changes: the live state matches fabrikam-pilot\.acg-plan\.json \(9 unchanged\)\.$/m);

    const twice = await acg(['apply', 'lab.json', '--yes']);
    assert.equal(twice.code, 3, 'the journal of the finished apply is there: never applied twice');
  });
});
