// `acg check` end to end against the in-process emulator, signed in as the sandbox operator (the service principal
// from the environment, as a pipeline would): the demo gateways in text and JSON with their exit codes, usage errors,
// and --fix without and with --yes. The built CLI is spawned too, to prove the NODE_EXTRA_CA_CERTS path and that a
// usage error prints no stack trace.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { startEmulator, type Exchange, type RunningEmulator } from '../../../emulator/server';
import { ACG_PROVISIONING_SP_ID, DEMO_TENANT_ID, DEMO_USER_ID, DEMO_USER_UPN, GATEWAY_GAPS, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import { runCheck } from '../../../src/cli/checkCommand';
import { runCli } from '../../../src/cli/main';

const root = join(__dirname, '..', '..', '..');
const OPERATOR_ENV = { AZURE_TENANT_ID: DEMO_TENANT_ID, AZURE_CLIENT_ID: OPERATOR_CLIENT_ID, AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET };
const NO_WAIT = { attempts: 10, delayMs: () => 0, sleep: async () => undefined };

interface JsonCheck {
  id: string;
  title: string;
  stage: string;
  status: string;
  evidence: { label: string; value: unknown }[];
  fix?: unknown;
}

describe('acg check (emulator)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let cwd: string;
  const exchanges: Exchange[] = [];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-cli-check-'));
    cwd = mkdtempSync(join(tmpdir(), 'acg-cli-cwd-'));
    emulator = await startEmulator({ port: 0, dataDir });
    emulator.onExchange((exchange) => exchanges.push(exchange));
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  });

  async function check(args: string[], options: { cwd?: string } = {}): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCheck(['--cloud', 'Emulator', '--emulator-url', emulator.url, ...args], (l) => out.push(l), (l) => err.push(l), {
      env: OPERATOR_ENV,
      cwd: options.cwd ?? cwd,
      ca: [emulator.caCertPem],
      recheck: NO_WAIT,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const writes = (from: number) => exchanges.slice(from).filter((e) => e.method !== 'GET' && e.service === 'graph' && !e.path.includes('$batch'));

  it('fabrikam-new-gw in text: the two missing roles by name, the unverified domain, the short test lines; exit 1', async () => {
    const { code, out } = await check(['--gateway', 'fabrikam-new-gw']);
    assert.equal(code, 1);
    assert.match(out, /\[FAIL\]\s+The gateway's managed identity holds the seven Project Synergy roles \(identity\.synergy-roles\)/);
    assert.match(out, /2 of 7 Project Synergy roles are missing: Data\.Read, Data\.Write\./);
    assert.match(out, /\[FAIL\].*\(domain\.verified\)/);
    assert.match(out, /\[FAIL\].*\(test-lines\.count\)\n\s+OC: 4 of 6 automated test lines/);
  });

  it('fabrikam-new-gw in JSON: identity.synergy-roles fails with Data.Read and Data.Write by name and id; exit 1', async () => {
    const { code, out } = await check(['--gateway', 'fabrikam-new-gw', '--format', 'json']);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { gateway: { name: string; id: string }; checks: JsonCheck[] };
    assert.equal(report.gateway.name, 'fabrikam-new-gw');
    assert.match(report.gateway.id, /\/resourceGroups\/rg-voice-onboarding\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/fabrikam-new-gw$/);
    const roles = report.checks.find((c) => c.id === 'identity.synergy-roles');
    assert.ok(roles);
    assert.deepEqual([roles.status, roles.stage], ['fail', 'entra']);
    const missing = roles.evidence.find((e) => /missing/i.test(e.label));
    assert.deepEqual(missing?.value, [
      { name: 'Data.Read', id: 'eb63d611-525e-4a31-abd7-0cb33f679599' },
      { name: 'Data.Write', id: '98d32f93-eaa7-4657-b443-090c23e69f27' },
    ]);
    assert.ok(roles.fix, 'the failing check carries its fix');
    for (const c of report.checks) assert.deepEqual(Object.keys(c).filter((k) => ['id', 'title', 'stage', 'status', 'evidence'].includes(k)).length, 5, c.id);
  });

  it('contoso-prod-gw: uses the folder\'s gateway file for platforms and integration numbers; exit 0 (nothing fails)', async () => {
    const { code, out, err } = await check(['--gateway', 'contoso-prod-gw', '--format', 'json'], { cwd: root });
    const report = JSON.parse(out) as { checks: JsonCheck[] };
    const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id);
    assert.deepEqual(failing, []);
    // The seed's Litware-Inc failed to sync beside synced accounts: a warning, which does not fail a pipeline.
    assert.equal(report.checks.find((c) => c.id === 'golive.accounts-synced')?.status, 'warn');
    assert.equal(code, 0);
    assert.match(err, /from samples\/contoso-prod\.acg-gateway\.json/);
    const platforms = report.checks.find((c) => c.id === 'gateway.platforms');
    assert.ok(JSON.stringify(platforms?.evidence).includes('samples/contoso-prod.acg-gateway.json'));
    assert.equal(report.checks.find((c) => c.id === 'test-lines.integration-overlap')?.status, 'pass');
  });

  it('a resource id works as --gateway, and an unknown name exits 3 (could not run) naming what was searched', async () => {
    const id = `/subscriptions/${GATEWAY_GAPS.subscriptionId}/resourceGroups/${GATEWAY_GAPS.resourceGroup}/providers/Microsoft.VoiceServices/communicationsGateways/${GATEWAY_GAPS.name}`;
    const byId = await check(['--gateway', id, '--format', 'json']);
    assert.equal((JSON.parse(byId.out) as { gateway: { name: string } }).gateway.name, 'fabrikam-new-gw');
    const unknown = await check(['--gateway', 'nowhere-gw']);
    assert.equal(unknown.code, 3);
    assert.match(unknown.err, /^acg check: no gateway named 'nowhere-gw' in the 2 subscriptions this sign-in can see\./);
  });

  it('usage errors exit 4 with one line that says why, and no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['--gateway', 'x', '--frobnicate'], /unknown option '--frobnicate'/],
      [[], /name the gateway with --gateway/],
      [['--gateway', 'x', '--format', 'xml'], /--format must be text, json, markdown or sarif, not 'xml'/],
      [['--gateway', 'x', '--cloud', 'Mars'], /--cloud must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud, Emulator/],
      [['--gateway', 'x', '--fix', 'no.such-check'], /--fix names no check: 'no\.such-check'/],
      [['--gateway', 'x', '--yes'], /--yes confirms the writes of --fix/],
      [['--gateway', 'x', '--fix', 'acg-app.user-roles', '--input', 'role'], /--input takes id=value/],
      [['--gateway', 'x', '--subscription', 'prod'], /--subscription must be a subscription id/],
    ];
    for (const [argv, message] of cases) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['check', ...argv], (l) => out.push(l), (l) => err.push(l), cwd, {});
      assert.equal(code, 4, argv.join(' '));
      assert.match(err[0], new RegExp(`^acg check: .*${message.source}`), argv.join(' '));
      assert.ok(!err.join('\n').includes('    at '), 'no stack trace');
      assert.deepEqual(out, []);
    }
    const emulatorWithoutUrl = await runCli(['check', '--gateway', 'x', '--cloud', 'Emulator'], () => undefined, () => undefined, cwd, {});
    assert.equal(emulatorWithoutUrl, 4);
  });

  it('lists the three ways of signing in when none works, and exits 3', async () => {
    const err: string[] = [];
    const code = await runCheck(['--gateway', 'x', '--cloud', 'Emulator', '--emulator-url', emulator.url], () => undefined, (l) => err.push(l), { env: {}, cwd, ca: [emulator.caCertPem] });
    assert.equal(code, 3);
    assert.match(err[0], /^acg check: could not sign in to Emulator/);
    assert.match(err.join('\n'), /AZURE_CLIENT_SECRET[\s\S]*az login[\s\S]*--device-code/);
  });

  it('--fix identity.synergy-roles without --yes prints the two writes and writes nothing', async () => {
    const from = exchanges.length;
    const { code, out } = await check(['--gateway', 'fabrikam-new-gw', '--fix', 'identity.synergy-roles']);
    assert.equal(code, 1);
    assert.match(out, /Would write \(2\):/);
    assert.match(out, /POST Microsoft Graph \/servicePrincipals\/e1e1e1e1-0000-4000-8000-000000000003\/appRoleAssignments\n\s+Assign Data\.Read \(eb63d611/);
    assert.match(out, /Nothing was written\. To make these writes, run again with --yes:\n\s+acg check --gateway fabrikam-new-gw .*--fix identity\.synergy-roles --yes/);
    assert.deepEqual(writes(from), []);
  });

  it('--fix identity.synergy-roles --yes sends the two writes, and the re-run passes; a second run writes nothing', async () => {
    const from = exchanges.length;
    const first = await check(['--gateway', 'fabrikam-new-gw', '--fix', 'identity.synergy-roles', '--yes']);
    assert.equal(first.code, 0, first.out);
    assert.equal((first.out.match(/^ {2}Writing: POST Microsoft Graph/gm) ?? []).length, 2);
    assert.match(first.out, /\[PASS\].*\(identity\.synergy-roles\)/);
    assert.deepEqual(writes(from).map((e) => `${e.method} ${e.status}`), ['POST 201', 'POST 201']);

    const again = exchanges.length;
    const second = await check(['--gateway', 'fabrikam-new-gw', '--fix', 'identity.synergy-roles', '--yes', '--format', 'json']);
    assert.equal(second.code, 0);
    assert.match(second.err, /identity\.synergy-roles passes: nothing to fix, nothing was written\./);
    assert.equal((JSON.parse(second.out) as { checks: JsonCheck[] }).checks[0].status, 'pass', 'stdout stays JSON: the fix lines go to stderr');
    assert.deepEqual(writes(again), []);
  });

  it('acg-app.user-roles needs --input role and principal; with them (a role name and a UPN) it assigns the role', async () => {
    // Take the demo user's Provisioning API role away, so the check fails and offers its fix.
    for (const a of emulator.context.state.directory.appRoleAssignments) {
      if (a.resourceId === ACG_PROVISIONING_SP_ID && a.principalId === DEMO_USER_ID) a.deletedDateTime = new Date().toISOString();
    }
    const from = exchanges.length;
    const without = await check(['--gateway', 'fabrikam-new-gw', '--fix', 'acg-app.user-roles', '--yes']);
    assert.equal(without.code, 1);
    assert.match(without.out, /Not run: it needs --input role=<ProvisioningAPI\.ReadUser\|.*> --input principal=<user principal name or object id>\./);
    assert.deepEqual(writes(from), []);

    const bad = await check(['--gateway', 'fabrikam-new-gw', '--fix', 'acg-app.user-roles', '--input', 'role=Superuser', '--input', `principal=${DEMO_USER_UPN}`]);
    assert.equal(bad.code, 4);
    assert.match(bad.out, /Not run: .*'Superuser' is not one of/);

    const withInputs = await check(['--gateway', 'fabrikam-new-gw', '--fix', 'acg-app.user-roles', '--input', 'role=ProvisioningAPI.AdminUser', '--input', `principal=${DEMO_USER_UPN}`, '--yes']);
    assert.equal(withInputs.code, 0, withInputs.out);
    assert.equal(writes(from).length, 1);
    assert.match(withInputs.out, /\[PASS\].*\(acg-app\.user-roles\)/);
  });
});

describe('acg check (the built CLI, spawned)', function () {
  this.timeout(180_000);
  const run = promisify(execFile);
  let emulator: RunningEmulator;
  let dir: string;
  let cli: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acg-cli-built-'));
    cli = join(dir, 'cli.js');
    await esbuild.build({
      absWorkingDir: root,
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
    emulator = await startEmulator({ port: 0, dataDir: join(dir, 'emulator') });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function spawnCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    const base = { PATH: process.env.PATH ?? '', HOME: dir };
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: dir, env: { ...base, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('checks fabrikam-new-gw with the CA trusted through NODE_EXTRA_CA_CERTS, and exits 1', async () => {
    const { code, stdout } = await spawnCli(['check', '--gateway', 'fabrikam-new-gw', '--format', 'json'], {
      ...OPERATOR_ENV,
      ACG_CLOUD: 'Emulator',
      ACG_EMULATOR_URL: emulator.url,
      NODE_EXTRA_CA_CERTS: emulator.caPath,
    });
    assert.equal(code, 1);
    assert.equal((JSON.parse(stdout) as { checks: JsonCheck[] }).checks.find((c) => c.id === 'identity.synergy-roles')?.status, 'fail');
  });

  it('without NODE_EXTRA_CA_CERTS says to set it to the emulator CA, and exits 3', async () => {
    const { code, stdout, stderr } = await spawnCli(['check', '--gateway', 'fabrikam-new-gw', '--cloud', 'Emulator', '--emulator-url', emulator.url], OPERATOR_ENV);
    assert.equal(code, 3);
    assert.equal(stdout, '');
    assert.match(stderr, /Set NODE_EXTRA_CA_CERTS to the emulator's CA certificate/);
  });

  it('a usage error exits 4 with no stack trace, and --help documents the exit codes', async () => {
    const usage = await spawnCli(['check', '--gateway'], {});
    assert.equal(usage.code, 4);
    assert.match(usage.stderr, /^acg check: --gateway needs a value\./);
    assert.ok(!/\n\s+at /.test(usage.stderr), usage.stderr);
    const help = await spawnCli(['check', '--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit code: 0 every check passes, warns or is manual; 1 a check failed or could not run;\n\s+3 the command could not run \(sign-in, gateway not found\); 4 usage error/);
    const top = await spawnCli(['--help'], {});
    assert.match(top.stdout, /acg check --gateway <name \| resource id>/);
  });
});
