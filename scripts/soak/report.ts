// The "## Fault soak" section of docs/RELIABILITY.md from a soak's figures (scripts/soak.ts). Only that section is
// replaced (or appended), so the other sections of the file stay as their own runs wrote them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultCountsByService } from '../../emulator/faults';
import { FAULT_PRESETS } from '../../emulator/faults';
import type { ReadBackFigures } from './readBack';
import type { SecretHit } from '../../test/support/secretScan';
import type { Crash, ShownError, Surface } from './tally';

export interface SoakFigures extends ReadBackFigures {
  readonly seed: number;
  readonly rounds: number;
  readonly batchNumbers: number;
  readonly cliNumbers: number;
  readonly failoverDelayMs: number;
  readonly wallMs: number;
  readonly operations: Record<Surface, number>;
  readonly faults: FaultCountsByService;
  readonly retries: { readonly pipeline: number; readonly cliWrites: number; readonly answeredResends: number };
  readonly shown: readonly ShownError[];
  readonly unclear: readonly ShownError[];
  readonly crashes: readonly Crash[];
  readonly cliResumes: number;
  readonly search: { readonly outputs: number; readonly tokens: number; readonly hits: readonly SecretHit[] };
}

const HEADING = '## Fault soak';
/** The in-host part's figures (test/integration/faultSoak.test.ts prints them): kept when the section is rewritten. */
const IN_HOST = '### In VS Code';
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export function soakSection(f: SoakFigures): string {
  const mix = FAULT_PRESETS.soak;
  const services = ['entra', 'arm', 'provisioning', 'graph'] as const;
  const injected = (kind: 'error' | 'throttle' | 'reset' | 'delayed') => sum(services.map((s) => f.faults[s][kind]));
  const faultRows = services.map((s) => `| ${s === 'entra' ? 'token endpoint (Entra)' : s} | ${f.faults[s].error} | ${f.faults[s].throttle} | ${f.faults[s].reset} | ${f.faults[s].delayed} |`);
  const byKind = new Map<string, number>();
  for (const e of f.shown) byKind.set(`${e.kind} (${e.actions.join(', ') || 'no action'})`, (byKind.get(`${e.kind} (${e.actions.join(', ') || 'no action'})`) ?? 0) + 1);
  const shownList = [...byKind].map(([k, n]) => `${n} × ${k}`).join('; ') || 'none';
  const ops = f.operations;
  return [
    HEADING,
    '',
    `Command: \`npm run soak -- --write --seed ${f.seed} --rounds ${f.rounds} --batch-numbers ${f.batchNumbers} --cli-numbers ${f.cliNumbers}\`.`,
    'Script: `scripts/soak.ts` (with `scripts/soak/`). Not part of `npm test`: it runs for a few minutes. The in-host part',
    'is `npm run soak:vscode` (test/integration/faultSoak.test.ts; not part of `npm test`).',
    '',
    `Mix (the emulator's \`soak\` preset, \`POST /_admin/faults/preset {"name": "soak", "seed": ${f.seed}}\` or`,
    `\`npm run emulator -- --fault-preset soak --fault-seed ${f.seed}\`), on every service — Entra's token endpoint, ARM, the`,
    `Provisioning API and Graph: ${mix.errorRate * 100}% 503, ${mix.throttleRate * 100}% 429 with \`Retry-After: ${mix.retryAfterSeconds}\`, ${mix.resetRate * 100}% connection resets, ${mix.latencyMs} ms of latency`,
    `on every request; seed ${f.seed}. The emulator's own rate limit is off, so every 429 is an injected one.`,
    '',
    `What runs, ${f.rounds} rounds with the four surfaces side by side: sign-in (a new service-principal credential asking`,
    'for an ARM, a Graph and a Provisioning API token); ARM (subscriptions, gateways, a gateway, name availability, test',
    'lines, a test line created and deleted through their long-running operations); the Provisioning API (accounts,',
    `counts, an account, a page of numbers, capability plans, civic addresses, an account created, ${f.batchNumbers} numbers`,
    'created in batches of 100, two created one by one, one deleted with If-Match, a quarter of the batch deleted in',
    'batches, the requests for information, one relationship status updated with If-Match); Graph (the Provisioning',
    "API's service principal, who holds its roles, the onboarding directory state, a `$batch`). Then the plan/apply",
    `engine through the CLI (in process, its stdout and stderr kept): \`acg plan\` of ${f.cliNumbers} new numbers, \`acg apply\``,
    '(and `acg apply --resume`, as its summary says, while something is left), `acg check`, `acg export`.',
    '',
    `The Provisioning API's documented failover pause (60 s after a 5xx or a timeout, \`provisioningFailoverDelayMs\`) stays`,
    `the product's default; the soak builds its pipelines with ${f.failoverDelayMs} ms through that option, or every fourth`,
    'Provisioning API request would wait a minute. Retries, backoff and `Retry-After` are the production values: 4 retries',
    `per request, so a request fails for the person only when 5 attempts in a row meet a fault (${((mix.errorRate + mix.throttleRate + mix.resetRate) ** 5 * 100).toFixed(2)}% of requests at`,
    'this mix); the in-host part below, and the tree error rows it retries, show failures reaching a person.',
    '',
    '| What | Count |',
    '|---|---:|',
    `| Operations run | ${sum(Object.values(ops))} (sign-in ${ops.token}, ARM ${ops.arm}, Provisioning API ${ops.provisioning}, Graph ${ops.graph}, CLI commands ${ops.cli}) |`,
    `| Faults injected | ${injected('error') + injected('throttle') + injected('reset')} (${injected('error')} × 503, ${injected('throttle')} × 429, ${injected('reset')} resets), on ${injected('delayed')} delayed requests |`,
    `| Retries | ${f.retries.pipeline + f.retries.cliWrites} (${f.retries.pipeline} logged by the clients' pipeline, ${f.retries.cliWrites} in the CLI's audit records of its writes); the service saw ${f.retries.answeredResends} resends of an x-ms-client-request-id it had answered, CLI reads included (sign-in's retries are @azure/identity's own and in neither count) |`,
    `| User-visible errors | ${f.shown.length}: ${shownList}${f.shown[0] ? ` (e.g. "${f.shown[0].message}")` : ''} |`,
    `| Errors without a message or an action | ${f.unclear.length} |`,
    `| Crashes (anything thrown that is not a presented error) | ${f.crashes.length} |`,
    `| \`acg apply --resume\` runs | ${f.cliResumes} |`,
    `| Writes checked against the state | ${f.writesChecked} (${f.unconfirmed} ended in an error shown to the person: either outcome is right) |`,
    `| Lost writes | ${f.lost} |`,
    `| Duplicated writes | ${f.duplicated} |`,
    `| Outputs searched for tokens and secrets | ${f.search.outputs} (${f.search.tokens} issued tokens, whole and by payload and signature; the client secrets; \`Bearer \` values, \`Authorization\` values and \`eyJ\` that were not redacted) |`,
    `| Token, secret or Authorization hits | ${f.search.hits.length} |`,
    `| Wall time | ${(f.wallMs / 1000).toFixed(0)} s |`,
    '',
    'Faults injected per service (from `GET /_admin/faults/counts`):',
    '',
    '| Service | 503 | 429 | Resets | Delayed requests |',
    '|---|---:|---:|---:|---:|',
    ...faultRows,
    '',
    'Lost: a write the client reported done whose effect is not in the state re-read with the faults off (a number',
    "missing or back after its delete, a test line, the relationship status), or a change the CLI's `acg plan` still",
    'finds after `acg apply` finished. Duplicated: a number the emulator wrote more often than the soak sent logical',
    'writes for it (`GET /_admin/provisioning/{domain}/number-writes`; a resend the service replays adds none).',
    `Outputs searched: the clients' log text, both audit logs, every error shown (message, detail, log line), every`,
    "stdout and stderr of the CLI, the CLI's plan file and journal.",
    `Machine: 2 shared cores, Node ${process.version}.`,
  ].join('\n');
}

export function writeSoakSection(figures: SoakFigures, write: boolean): string {
  const section = soakSection(figures);
  if (write) {
    const path = join(__dirname, '..', '..', 'docs', 'RELIABILITY.md');
    const text = readFileSync(path, 'utf8');
    const start = text.indexOf(`\n${HEADING}\n`);
    let next: string;
    if (start < 0) next = `${text.trimEnd()}\n\n${section}\n`;
    else {
      const after = text.indexOf('\n## ', start + HEADING.length + 1);
      const old = text.slice(start, after < 0 ? undefined : after);
      const inHost = old.indexOf(`\n${IN_HOST}\n`);
      const kept = inHost < 0 ? '' : `\n${old.slice(inHost + 1).trimEnd()}\n`;
      next = `${text.slice(0, start + 1)}${section}\n${kept}${after < 0 ? '' : `${text.slice(after)}`}`;
    }
    writeFileSync(path, next);
  }
  return section;
}
