// Kill-and-resume reliability of `acg apply` (issue 12): the emulator as its own process (dist/emulator.js), the real
// CLI (dist/cli.js) as a child, SIGKILLed at seeded random points chosen by watching its journal grow (after the k-th
// 'sending' or 'answered' line), then `acg apply --resume <journal>` until it completes. Each run ends with the live
// state compared with the plan (`acg plan` again must find nothing to do) and the emulator's count of writes per
// number (GET /_admin/provisioning/{domain}/number-writes): 0 lost, 0 duplicated, 0 extra writes beyond the retries.
// Then the same again with fault injection on the Provisioning API (10% 503, 10% 429, 2% connection resets).
//   npm run reliability:apply                         builds dist/, prints the figures
//   npm run reliability:apply -- --write              also writes docs/RELIABILITY.md
//   npm run reliability:apply -- --runs 20 --numbers 2000 --seed 1
//   npm run reliability:apply -- --fault-runs 20 --fault-numbers 500 --concurrency 10   runs 10 runs at a time
// Not part of npm test: it runs for minutes and spawns a few hundred processes.
// --concurrency: runs of a mode may go side by side. Each run has its own account, directory, journal and CLI
// processes (and each CLI process its own limiter and failover pause); they share only the emulator. With faults on,
// most of a run's time is the client's 60 s failover pause, spent idle, so side by side the 20 runs end in minutes
// without shortening the pause. Each run draws its kill points from its own seeded RNG (seed, mode, run), so they do
// not depend on the order in which runs finish; the emulator's fault draws are shared, so with concurrency > 1 which
// request a fault hits depends on timing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, demoGatewayDomain } from '../emulator/seed/ids';
import { readJournal } from '../src/core/apply';
import type { PlanDocument } from '../src/core/config/model';
import { admin, runCli, startEmulatorProcess, type EmulatorProcess, type KillPoint } from './reliability/processes';
import { writeReliabilityDoc, type ModeFigures, type RunFigures } from './reliability/report';

const MAX_RESUMES = 12;
const SECOND_KILL_SHARE = 0.35;
const DOMAIN = demoGatewayDomain(GATEWAY_PRODUCTION);

/** Added to every Provisioning API request in both modes, so that a kill can land while a request is on its way. */
const LATENCY_MS = 40;

const MODES = [
  { name: 'no faults', digit: 1, faults: {}, described: `none (${LATENCY_MS} ms latency)` },
  {
    name: 'faults on',
    digit: 2,
    faults: { errorRate: 0.1, throttleRate: 0.1, resetRate: 0.02 },
    described: `Provisioning API: 10% 503, 10% 429 (Retry-After 1 s), 2% connection resets; ${LATENCY_MS} ms latency`,
  },
] as const;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive whole number.`);
  return value;
}

/** mulberry32: the kill points are the same for the same --seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function desiredFile(account: string, prefix: string, count: number): PlanDocument {
  const numbers = Array.from({ length: count }, (_, i) => ({
    telephoneNumber: `${prefix}${String(i).padStart(4, '0')}`,
    serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'FirstPartyAppAssignment' as const, choosableCapabilities: ['InboundCalling' as const, 'OutboundCalling' as const] } } },
  }));
  const { subscriptionId, resourceGroup, name } = GATEWAY_PRODUCTION;
  return { gateway: { subscriptionId, resourceGroup, name }, accounts: [{ name: account, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } }, numbers }] };
}

/** Where the process really stopped, read back from its journal: with requests in flight (sent, no answer) or between. */
function killedAt(journal: string): { inFlight: boolean; inFlightCount: number; torn: boolean } {
  const state = readJournal(readFileSync(journal, 'utf8'));
  return { inFlight: state.inFlight.length > 0, inFlightCount: state.inFlight.length, torn: state.ignoredLines > 0 };
}

async function oneRun(emulator: EmulatorProcess, ca: string, env: NodeJS.ProcessEnv, dir: string, mode: (typeof MODES)[number], run: number, numbers: number, random: () => number): Promise<RunFigures> {
  const account = `Reliability-${mode.digit}-${run}`;
  const prefix = `+49308${mode.digit}${String(run).padStart(2, '0')}`;
  const cwd = join(dir, account);
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'desired.acg-plan.json'), JSON.stringify(desiredFile(account, prefix, numbers), null, 1));
  const started = performance.now();
  const planned = await runCli(['plan', 'desired.acg-plan.json', '--gateway', GATEWAY_PRODUCTION.name, '--out', 'plan.json'], { cwd, env });
  if (planned.code !== 2) throw new Error(`${account}: acg plan exited ${planned.code}, not 2:\n${planned.stdout}${planned.stderr}`);
  const requests = Math.ceil(numbers / 100) + 1;
  const pick = (): KillPoint => ({ type: random() < 0.5 ? 'sending' : 'answered', count: 1 + Math.floor(random() * requests) });
  const kills: { inFlight: boolean; inFlightCount: number; torn: boolean }[] = [];
  const journal = join(cwd, 'apply.journal');
  let result = await runCli(['apply', 'plan.json', '--yes', '--journal', 'apply.journal'], { cwd, env, journal, kill: pick() });
  let resumes = 0;
  let secondKill = random() < SECOND_KILL_SHARE;
  for (;;) {
    if (result.killed) kills.push(killedAt(journal));
    else if (result.code === 0) break;
    else if (result.code !== 1) throw new Error(`${account}: acg apply exited ${result.code}:\n${result.stdout}${result.stderr}`);
    if (resumes >= MAX_RESUMES) throw new Error(`${account}: not complete after ${MAX_RESUMES} resumes:\n${result.stdout}${result.stderr}`);
    resumes += 1;
    const kill = secondKill ? pick() : undefined;
    secondKill = false;
    result = await runCli(['apply', '--resume', 'apply.journal', '--yes'], { cwd, env, journal, ...(kill ? { kill } : {}) });
  }
  const wallMs = performance.now() - started;

  // The live state against the plan: planning the same file again must find nothing to create or update.
  const again = await runCli(['plan', 'desired.acg-plan.json', '--gateway', GATEWAY_PRODUCTION.name], { cwd, env });
  const counts = /Plan: (\d+) to create, (\d+) to update, (\d+) to delete/.exec(again.stdout);
  if (again.code !== 0 && !counts) throw new Error(`${account}: acg plan (after) exited ${again.code}:\n${again.stdout}${again.stderr}`);
  const lost = counts ? Number(counts[1]) + Number(counts[2]) : 0;
  const { writes } = (await admin(emulator, ca, 'GET', `/provisioning/${DOMAIN}/number-writes?prefix=${encodeURIComponent(prefix)}`)) as { writes: Record<string, number> };
  const perNumber = Object.values(writes);
  return {
    kills,
    resumes,
    lost,
    duplicated: perNumber.filter((n) => n > 1).length,
    extraWrites: perNumber.reduce((sum, n) => sum + n, 0) - numbers,
    unwritten: numbers - perNumber.length,
    wallMs,
  };
}

async function runMode(mode: (typeof MODES)[number], runs: number, numbers: number, seed: number, concurrency: number): Promise<ModeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'acg-reliability-'));
  const emulator = await startEmulatorProcess(join(dir, 'emulator'), ['--sync-delay', '0', '--rate-limit', '0']);
  try {
    const ca = readFileSync(emulator.caPath, 'utf8');
    await admin(emulator, ca, 'PATCH', '/faults', { provisioning: { latencyMs: LATENCY_MS, ...mode.faults }, seed });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      AZURE_TENANT_ID: DEMO_TENANT_ID,
      AZURE_CLIENT_ID: OPERATOR_CLIENT_ID,
      AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET,
      ACG_CLOUD: 'Emulator',
      ACG_EMULATOR_URL: emulator.url,
      NODE_EXTRA_CA_CERTS: emulator.caPath,
    };
    const figures: RunFigures[] = [];
    let next = 1;
    const worker = async (): Promise<void> => {
      for (let run = next++; run <= runs; run = next++) {
        const one = await oneRun(emulator, ca, env, dir, mode, run, numbers, seeded(seed * 10_000 + mode.digit * 100 + run));
        figures[run - 1] = one;
        console.log(
          `${mode.name} run ${run}: ${one.kills.length} kill(s) (${one.kills.map((k) => (k.inFlight ? `${k.inFlightCount} request(s) in flight` : 'between requests')).join(', ') || 'apply finished first'}), ` +
            `${one.resumes} resume(s); lost ${one.lost}, duplicated ${one.duplicated}, extra writes ${one.extraWrites}; ${(one.wallMs / 1000).toFixed(1)} s`,
        );
      }
    };
    const started = performance.now();
    // Every worker ends before the directory goes: a failed run stops the others from taking new runs, not mid-run.
    const ended = await Promise.allSettled(Array.from({ length: Math.min(concurrency, runs) }, () => worker().catch((error: unknown) => {
      next = runs + 1;
      throw error;
    })));
    const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (failed) throw failed.reason;
    const wallMs = performance.now() - started;
    const injected = ((await admin(emulator, ca, 'GET', '/faults/counts')) as { counts?: { provisioning?: Record<string, number> } }).counts?.provisioning ?? {};
    return { mode: mode.name, faults: mode.described, numbers, runs: figures, concurrency, wallMs, injected };
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const runs = option('--runs', 20);
  const numbers = option('--numbers', 2000);
  const seed = option('--seed', 1);
  // Each 503, timeout or reset of the Provisioning API costs the client's failover pause (60 s, API.md §2), which no
  // CLI option shortens: the fault runs may be fewer and smaller so that the run ends in minutes.
  const faultRuns = option('--fault-runs', runs);
  const faultNumbers = option('--fault-numbers', numbers);
  const concurrency = option('--concurrency', 1);
  // Without faults a run takes seconds; side by side, a loaded machine can make a CLI's first TLS handshake with the
  // emulator miss its 10 s (exit 3): the modes may go side by side at different widths.
  const faultConcurrency = option('--fault-concurrency', concurrency);
  if (numbers > 9999 || runs > 99) throw new Error('At most 9,999 numbers and 99 runs (they share one number range).');
  const results: ModeFigures[] = [];
  for (const mode of MODES) {
    const faulty = Object.keys(mode.faults).length > 0;
    results.push(await runMode(mode, faulty ? faultRuns : runs, faulty ? faultNumbers : numbers, seed, faulty ? faultConcurrency : concurrency));
  }
  const doc = writeReliabilityDoc(results, { runs, numbers, seed, faultRuns, faultNumbers, concurrency, faultConcurrency }, process.argv.includes('--write'));
  console.log(doc);
  const bad = results.some((m) => m.runs.some((r) => r.lost > 0 || r.duplicated > 0 || r.extraWrites !== 0 || r.unwritten !== 0));
  if (bad) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
