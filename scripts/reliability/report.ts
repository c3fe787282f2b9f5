// docs/RELIABILITY.md from a reliability run's figures (scripts/reliability-apply.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';

export interface RunFigures {
  /** Each SIGKILL, and where the journal says the process stood: a request sent with no answer, or between requests. */
  readonly kills: readonly { readonly inFlight: boolean; readonly inFlightCount: number; readonly torn: boolean }[];
  readonly resumes: number;
  /** Creates and updates `acg plan` still finds afterwards. */
  readonly lost: number;
  /** Numbers the emulator wrote more than once. */
  readonly duplicated: number;
  /** Writes that took effect beyond one per planned number (a replayed resend adds none). */
  readonly extraWrites: number;
  /** Planned numbers the emulator never wrote. */
  readonly unwritten: number;
  readonly wallMs: number;
}

export interface ModeFigures {
  readonly mode: string;
  readonly faults: string;
  readonly numbers: number;
  readonly runs: readonly RunFigures[];
  /** Runs side by side, and the mode's wall time from its first run's start to its last run's end. */
  readonly concurrency: number;
  readonly wallMs: number;
  /** Faults the emulator injected on the Provisioning API during the mode, by kind (its own count). */
  readonly injected: Readonly<Record<string, number>>;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function writeReliabilityDoc(results: readonly ModeFigures[], settings: { runs: number; numbers: number; seed: number; faultRuns: number; faultNumbers: number; concurrency: number; faultConcurrency: number }, write: boolean): string {
  const summary = results.map((m) => {
    const kills = m.runs.flatMap((r) => r.kills);
    const inFlight = kills.filter((k) => k.inFlight).length;
    const cells = [
      m.mode,
      `${m.runs.length} × ${m.numbers.toLocaleString('en-US')}`,
      `${kills.length} (${inFlight} with requests in flight, ${kills.filter((k) => k.inFlightCount > 1).length} of them with several; ${kills.length - inFlight} between requests; ${kills.filter((k) => k.torn).length} torn last lines)`,
      String(sum(m.runs.map((r) => r.resumes))),
      String(sum(m.runs.map((r) => r.lost))),
      String(sum(m.runs.map((r) => r.duplicated))),
      String(sum(m.runs.map((r) => r.extraWrites))),
      String(sum(m.runs.map((r) => r.unwritten))),
      `${seconds(median(m.runs.map((r) => r.wallMs)))} median, ${seconds(sum(m.runs.map((r) => r.wallMs)))} in all; ${m.concurrency} at a time: ${seconds(m.wallMs)} for the mode`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const perRun = results.flatMap((m) => [
    '',
    `### ${m.mode[0].toUpperCase()}${m.mode.slice(1)} (${m.faults})`,
    '',
    '| Run | Kills (where) | Resumes | Lost | Duplicated | Extra writes | Wall time |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...m.runs.map(
      (r, i) =>
        `| ${i + 1} | ${r.kills.map((k) => (k.inFlight ? `in flight (${k.inFlightCount})` : 'between')).join(', ') || 'none (finished first)'} | ${r.resumes} | ${r.lost} | ${r.duplicated} | ${r.extraWrites} | ${seconds(r.wallMs)} |`,
    ),
  ]);
  const lines = [
    `Command: \`npm run reliability:apply -- --write --runs ${settings.runs} --numbers ${settings.numbers} --fault-runs ${settings.faultRuns} --fault-numbers ${settings.faultNumbers} --concurrency ${settings.concurrency} --fault-concurrency ${settings.faultConcurrency} --seed ${settings.seed}\`. Script:`,
    '`scripts/reliability-apply.ts` (with `scripts/reliability/`). Not part of `npm test`: it spawns a few hundred processes',
    'and runs for minutes.',
    '',
    'What it does, per run: a desired file with one new account and its numbers on contoso-prod-gw; `acg plan … --out',
    'plan.json` (the built CLI, dist/cli.js, signed in with the sandbox client secret as the README\'s CLI section shows);',
    '`acg apply plan.json --yes`, SIGKILLed once its journal holds the k-th `sending` or `answered` line (k and the kind',
    `drawn from a seeded RNG; in ${Math.round(0.35 * 100)}% of the runs the first resume is killed too); then`,
    '`acg apply --resume <journal> --yes` until it exits 0. Where each kill landed is read back from the journal: "in',
    'flight" means a request was journalled as sent with no answer journalled (the case Repeatability-Request-ID is',
    'for; `acg apply` keeps up to 4 batches of one account on their way at once, so "in flight (3)" means three were),',
    '"between" means every journalled request had its answer. The emulator runs as its own process',
    '(dist/emulator.js, `--sync-delay 0 --rate-limit 0`: each CLI process keeps its own limiter, so the service-side',
    'limit across a few hundred processes would only add 429 waits), one emulator per mode.',
    '',
    'Checks after each run: `acg plan` on the same file finds nothing to create or update (lost = what it still finds),',
    'and the emulator\'s count of writes per number (`GET /_admin/provisioning/{domain}/number-writes`, saves and deletes',
    'that took effect; a resend the service replays adds none) is exactly 1 for each planned number: duplicated = numbers',
    'written more than once; extra writes = all writes minus one per planned number.',
    '',
    'With faults on, every 503, timeout or reset of the Provisioning API costs the client its failover pause (60 s,',
    'API.md §2, not shortened by any CLI option), so the fault runs are smaller, and runs go side by side',
    `(\`--concurrency\`, \`--fault-concurrency\`: ${settings.concurrency} and ${settings.faultConcurrency} at a time here): each run has its own account, directory, journal and CLI processes, each`,
    'CLI process its own limiter and failover pause; the runs share only the emulator. Kill points come from a seeded',
    'RNG per run (seed, mode, run); which request a fault hits depends on timing when runs go side by side.',
    `Machine: 2 shared cores, Node ${process.version}.`,
    '',
    '| Mode | Runs × numbers | Kills | Resumes | Lost | Duplicated | Extra writes | Never written | Wall time per run (plan, apply, resumes) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---|',
    ...summary,
    '',
    `Faults the emulator injected on the Provisioning API (its own count, \`GET /_admin/faults/counts\`): ${results.map((m) => `${m.mode}: ${faultsMet(m.injected)}`).join('; ')}.`,
    '',
    'Required (issue 12): 0 lost, 0 duplicated, 0 extra writes beyond the retries. With faults on, a run may also stop on',
    'its own (every retry of a request failed): the resume count includes those resumes.',
    ...perRun,
    '',
  ];
  const text = lines.join('\n');
  if (write) writeSection(join(ROOT, 'docs', 'RELIABILITY.md'), text);
  return text;
}

function faultsMet(injected: Readonly<Record<string, number>>): string {
  const n = (kind: string): number => injected[kind] ?? 0;
  return `${n('error')} × 503, ${n('throttle')} × 429, ${n('reset')} connection resets`;
}

const START = '<!-- reliability:apply:start -->';
const END = '<!-- reliability:apply:end -->';
const TITLE = '# Reliability: kill and resume `acg apply`';

/** Replaces only this run's part of the file (between its markers): other parts of RELIABILITY.md are other runs'. */
function writeSection(path: string, section: string): void {
  const before = readFileSync(path, 'utf8');
  const start = before.indexOf(START);
  const end = before.indexOf(END);
  const block = `${START}\n${section.trimEnd()}\n${END}`;
  if (start >= 0 && end > start) {
    writeFileSync(path, before.slice(0, start) + block + before.slice(end + END.length));
    return;
  }
  // No markers yet: this run's text is what follows the title, up to the first section of another part ("## ").
  const others = before.search(/^## /m);
  writeFileSync(path, `${TITLE}\n\n${block}\n${others >= 0 ? `\n${before.slice(others)}` : ''}`);
}
