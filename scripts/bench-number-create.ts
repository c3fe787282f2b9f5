// Benchmark: creating 1,000 pasted numbers through the Number editor's engine, against the emulator with the
// Provisioning API's rate limit scaled down, next to the rate-limit floor (batches ÷ rate).
//   npm run bench:create             print the figures
//   npm run bench:create -- --write  also write them into docs/BENCHMARKS.md ("Creating numbers")
//   npm run bench:create -- --scale 50   another scale (default 100)
// The limit of 100 requests per 60 s becomes 100/scale requests per 60 000/scale ms: ONE object, given both to the
// emulator (which answers 429 past it) and to the pipeline's limiter (which queues rather than send into a 429), so
// the two always scale the same way. The run is what the editor does: the paste read to E.164 (pastedNumbers), the
// form turned into NumberResources (numberDraft), then saveNumbers (batches of ≤100 through
// createOrUpdateNumbersInBatches). Goal (issue 11): at most 1.1× the floor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/server';
import { GATEWAY_PRODUCTION, demoGatewayDomain } from '../emulator/seed/ids';
import { ProvisioningClient } from '../src/azure/clients';
import { allowedHostsForCloud, createPipeline } from '../src/azure/http';
import { saveNumbers } from '../src/azure/numbers/numberWrites';
import { emulatorCloud } from '../src/core/clouds';
import { BATCH_MAX_NUMBERS, PROVISIONING_RATE_LIMIT } from '../src/core/limits';
import { numbersFromDraft } from '../src/core/numbers/numberDraft';
import { parsePastedNumbers } from '../src/core/numbers/pastedNumbers';
import { writeBenchmarkSection } from './bench/benchmarksDoc';
import { sandboxOperatorCredential } from './bench/measure';

const NUMBERS = 1000;
const ACCOUNT = 'Bench-Create-Numbers';
const GOAL = 1.1;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number.`);
  return value;
}

/** The service's limit scaled down: fewer requests in a shorter window (the same rate at scale 1). */
export function scaledRateLimit(scale: number): { requestsPerWindow: number; windowMs: number } {
  return {
    requestsPerWindow: Math.max(1, Math.round(PROVISIONING_RATE_LIMIT.requestsPerWindow / scale)),
    windowMs: Math.round(PROVISIONING_RATE_LIMIT.windowMs / scale),
  };
}

/** A paste of `count` numbers in mixed formats, as people paste them (+49 30 …: no demo data lives there). */
function paste(count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const digits = String(5_550_000 + i);
    const number = i % 3 === 0 ? `+49 30 ${digits}` : i % 3 === 1 ? `0049-30-${digits}` : `(030) ${digits.slice(0, 3)} ${digits.slice(3)}`;
    return i === 0 ? number : `${i % 2 ? '\n' : ', '}${number}`;
  }).join('');
}

async function main(): Promise<void> {
  const scale = option('--scale', 100);
  const limit = scaledRateLimit(scale);
  const dataDir = mkdtempSync(join(tmpdir(), 'acg-bench-create-'));
  const emulator = await startEmulator({ port: 0, dataDir, rateLimit: limit, config: { syncDelayMs: 0 } });
  let throttled = 0;
  let posts = 0;
  emulator.onExchange((e) => {
    if (e.path.includes(':createOrUpdateNumbers')) posts += 1;
    if (e.status === 429) throttled += 1;
  });
  const cloud = emulatorCloud(emulator.url);
  const credential = sandboxOperatorCredential(emulator);
  const pipeline = createPipeline({
    credential,
    isAllowedHost: allowedHostsForCloud(cloud),
    ca: [emulator.caCertPem],
    provisioningRequestsPerMinute: limit.requestsPerWindow,
    provisioningWindowMs: limit.windowMs,
  });
  const client = new ProvisioningClient(pipeline, cloud, demoGatewayDomain(GATEWAY_PRODUCTION));
  try {
    await client.createOrReplaceAccount({ name: ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } });
    // The setup's request must not count against the run: wait out its window (the same on both sides).
    await new Promise((resolve) => setTimeout(resolve, limit.windowMs + 50));
    const text = paste(NUMBERS);
    const started = performance.now();
    const pasted = parsePastedNumbers(text, 'DE');
    if (pasted.numbers.length !== NUMBERS) throw new Error(`The paste read ${pasted.numbers.length} numbers, not ${NUMBERS}: ${pasted.entries.find((e) => e.problem)?.problem ?? ''}`);
    const numbers = numbersFromDraft(ACCOUNT, pasted.numbers, { service: 'teamsOperatorConnect', usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling', 'OutboundCalling'], allowTenantAddressUpdate: false });
    const result = await saveNumbers(client, ACCOUNT, numbers);
    const elapsed = performance.now() - started;
    if (result.written.length !== NUMBERS) throw new Error(`Wrote ${result.written.length} of ${NUMBERS}.`);

    const batches = Math.ceil(NUMBERS / BATCH_MAX_NUMBERS);
    const ratePerMs = limit.requestsPerWindow / limit.windowMs;
    const floor = batches / ratePerMs;
    const ratio = elapsed / floor;
    const lines = [
      `${NUMBERS.toLocaleString('en-US')} pasted numbers (mixed formats) → ${batches} batches of ≤${BATCH_MAX_NUMBERS}; rate limit scaled by ${scale}: ${limit.requestsPerWindow} request${limit.requestsPerWindow === 1 ? '' : 's'} per ${limit.windowMs} ms (emulator and pipeline alike).`,
      `Floor (batches ÷ rate): ${floor.toFixed(0)} ms. Measured, paste to last answer: ${elapsed.toFixed(0)} ms. Ratio: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×).`,
      `Batch requests sent: ${posts}; 429 answers: ${throttled}.`,
    ];
    for (const line of lines) console.log(line);
    if (process.argv.includes('--write')) {
      writeBenchmarkSection('create', [
        '## Creating numbers',
        '',
        'Command: `npm run bench:create` (add `-- --write` to update this section, `-- --scale <n>` for another scale). Script:',
        '`scripts/bench-number-create.ts`.',
        '',
        'The emulator in-process, the real pipeline and ProvisioningClient, and the Number editor\'s own engine: the paste read',
        'to E.164 (`pastedNumbers`), the form turned into numbers (`numberDraft`), then `saveNumbers` (batches through',
        '`createOrUpdateNumbersInBatches`). The Provisioning API\'s limit (100 requests per 60 s per gateway) is scaled down by one',
        'factor for both the emulator and the pipeline\'s limiter, so the limit binds and the run stays short.',
        '',
        ...lines.map((l) => `- ${l}`),
        '',
        `The goal (issue 11) is at most ${GOAL}× the floor. The pipeline's limiter measures each window from the answer`,
        'rather than from the send, so it never runs into a 429; the ratio can sit below 1 because the first window\'s',
        'requests go at once.',
      ]);
    }
    if (ratio > GOAL) process.exitCode = 1;
  } finally {
    pipeline.dispose();
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
