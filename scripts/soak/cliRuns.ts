// The soak's CLI part: `acg plan`, `acg apply` (resumed while something is left, as its summary tells a person to),
// `acg plan` again (it must find nothing left to do), `acg check` and `acg export`, each run in this process through
// the CLI's own command functions, with its stdout and stderr kept for the token search. In-process only so that the
// pipeline can be given a shorter Provisioning API failover pause (the `acg` binary has no option for it, rightly).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WriteAuditSink } from '../../src/azure/http';
import { runApply } from '../../src/cli/applyCommand';
import { runCheck } from '../../src/cli/checkCommand';
import { EXIT } from '../../src/cli/exitCodes';
import { runExport } from '../../src/cli/exportCommand';
import { runPlan } from '../../src/cli/planCommand';
import type { PlanDocument } from '../../src/core/config/model';
import type { SoakTarget } from './operations';
import type { Tally } from './tally';

export interface CliOutput {
  readonly name: string;
  readonly text: string;
}

export interface CliSoakInput {
  readonly dir: string;
  readonly emulatorUrl: string;
  readonly target: SoakTarget;
  readonly gatewayName: string;
  readonly tally: Tally;
  readonly seed: number;
  readonly numbers: number;
  readonly failoverDelayMs: number;
  readonly audit: WriteAuditSink;
  /** Every stdout and stderr, and the files the CLI wrote (plan, journal), for the token search. */
  readonly outputs: CliOutput[];
}

export interface CliSoakResult {
  readonly account: string;
  readonly prefix: string;
  readonly numbers: number;
  /** `acg apply --resume` runs after the first apply stopped with something left (a request that gave up). */
  readonly resumes: number;
  readonly applied: boolean;
}

const MAX_RESUMES = 8;

export async function runCliSoak(input: CliSoakInput): Promise<CliSoakResult> {
  const { dir, target, tally, seed } = input;
  const account = `Soak-CLI-${seed}`;
  const prefix = `+49308${String(seed % 100).padStart(2, '0')}`;
  const cwd = join(dir, 'cli');
  mkdirSync(cwd, { recursive: true });
  const { subscriptionId, resourceGroupName, name } = target.ref;
  const desired: PlanDocument = {
    gateway: { subscriptionId, resourceGroup: resourceGroupName, name },
    accounts: [
      {
        name: account,
        serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } },
        numbers: Array.from({ length: input.numbers }, (_, i) => ({
          telephoneNumber: `${prefix}${String(i).padStart(5, '0')}`,
          serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment' as const, choosableCapabilities: ['InboundCalling' as const] } } },
        })),
      },
    ],
  };
  writeFileSync(join(cwd, 'desired.acg-plan.json'), JSON.stringify(desired, null, 1));
  const cloud = ['--cloud', 'Emulator', '--emulator-url', input.emulatorUrl];
  const deps = {
    env: { AZURE_TENANT_ID: target.tenantId, AZURE_CLIENT_ID: target.clientId, AZURE_CLIENT_SECRET: target.clientSecret },
    cwd,
    ca: [target.caPem],
    pipelineOptions: { provisioningFailoverDelayMs: input.failoverDelayMs, audit: input.audit },
  };
  const cli = async (command: 'plan' | 'apply' | 'check' | 'export', args: string[], ok: readonly number[]): Promise<number> => {
    const out: string[] = [];
    const err: string[] = [];
    const label = `acg ${command} ${args.map((a) => (a.startsWith(cwd) ? a.slice(cwd.length + 1) : a)).join(' ')}`;
    const code =
      (await tally.op('cli', label, () => {
        const run = { plan: runPlan, apply: runApply, check: runCheck, export: runExport }[command];
        return run([...args, ...cloud], (l) => out.push(l), (l) => err.push(l), deps);
      })) ?? EXIT.failed;
    input.outputs.push({ name: `stdout of ${label}`, text: out.join('\n') }, { name: `stderr of ${label}`, text: err.join('\n') });
    if (!ok.includes(code)) tally.cliError(`${label} (exit ${code})`, err);
    return code;
  };

  // Plan (2: changes), until it can read the live state; a person would run it again after a failure.
  let planned = EXIT.failed as number;
  for (let i = 0; i < 3 && planned !== EXIT.changes; i++) planned = await cli('plan', ['desired.acg-plan.json', '--gateway', input.gatewayName, '--out', 'plan.json'], [EXIT.changes]);
  let resumes = 0;
  let applied = false;
  if (planned === EXIT.changes) {
    input.outputs.push({ name: 'plan.json', text: readFileSync(join(cwd, 'plan.json'), 'utf8') });
    let code = await cli('apply', ['plan.json', '--yes', '--journal', 'apply.journal'], [EXIT.ok]);
    while (code !== EXIT.ok && resumes < MAX_RESUMES) {
      resumes += 1;
      code = await cli('apply', ['--resume', 'apply.journal', '--yes'], [EXIT.ok]);
    }
    applied = code === EXIT.ok;
    input.outputs.push({ name: 'apply.journal', text: readFileSync(join(cwd, 'apply.journal'), 'utf8') });
  }
  await cli('check', ['--gateway', input.gatewayName], [EXIT.ok, EXIT.problems]);
  if ((await cli('export', ['--gateway', input.gatewayName, '--account', account, '--format', 'json', '--out', join(cwd, 'export.json')], [EXIT.ok])) === EXIT.ok) {
    input.outputs.push({ name: 'export.json', text: readFileSync(join(cwd, 'export.json'), 'utf8') });
  }
  return { account, prefix, numbers: input.numbers, resumes, applied };
}

/** After the faults are off: `acg plan` on the same file; the creates and updates it still finds were lost. */
export async function planLeftOver(input: Pick<CliSoakInput, 'dir' | 'emulatorUrl' | 'target' | 'gatewayName'>): Promise<number> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlan(['desired.acg-plan.json', '--gateway', input.gatewayName, '--cloud', 'Emulator', '--emulator-url', input.emulatorUrl], (l) => out.push(l), (l) => err.push(l), {
    env: { AZURE_TENANT_ID: input.target.tenantId, AZURE_CLIENT_ID: input.target.clientId, AZURE_CLIENT_SECRET: input.target.clientSecret },
    cwd: join(input.dir, 'cli'),
    ca: [input.target.caPem],
  });
  if (code === EXIT.ok) return 0;
  const counts = /Plan: (\d+) to create, (\d+) to update/.exec(out.join('\n'));
  if (!counts) throw new Error(`acg plan (after the soak) exited ${code}:\n${out.join('\n')}\n${err.join('\n')}`);
  return Number(counts[1]) + Number(counts[2]);
}
