// Benchmark: the Numbers panel (Manage Numbers…) on the 100,000-number demo account (Northwind-Bulk on contoso-prod-gw),
// next to one bare page fetch measured in the same run.
//   npm run bench:grid             print the figures
//   npm run bench:grid -- --write  also write them into docs/BENCHMARKS.md ("Numbers panel")
// It starts the emulator in-process with no added latency and drives the panel's host side — NumbersGridHandlers, the
// code behind the page's `page` request (src/webviews/numbers/handlers.ts, no vscode in it) — through the real
// ProvisioningClient and pipeline. Needs `node --expose-gc` (the npm script passes it) for the heap figures.
// Goals (issue 11): the first rows within 1.5× one page fetch; heap bounded by the pages shown, not by the account.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { startEmulator } from '../emulator/server';
import { gatewayId } from '../emulator/seed/gateways';
import { BULK_ACCOUNT_NAME, DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, demoGatewayDomain } from '../emulator/seed/ids';
import { ProvisioningClient } from '../src/azure/clients';
import { allowedHostsForCloud, createPipeline } from '../src/azure/http';
import { emulatorCloud } from '../src/core/clouds';
import type { AcgServices } from '../src/host/services';
import type { NumbersGridDeps } from '../src/webviews/numbers/deps';
import { NumbersGridHandlers } from '../src/webviews/numbers/handlers';
import { presentErrorForWebview } from '../src/webviews/shared/presentError';
import { writeBenchmarkSection } from './bench/benchmarksDoc';

const ROUNDS = 41;
const PAGE_SIZE = 100;
const WALK_SHORT = 10;
const WALK_LONG = 100;

const gc = (globalThis as { gc?: () => void }).gc;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function collectedHeap(): number {
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench:grid does).');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'acg-bench-grid-'));
  // No added latency, and no rate limit (the real service allows 100 requests/min).
  const emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 }, config: { syncDelayMs: 0 } });
  const cloud = emulatorCloud(emulator.url);
  const credential = new ClientSecretCredential(DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.caCertPem },
  });
  const pipeline = createPipeline({ credential, isAllowedHost: allowedHostsForCloud(cloud), ca: [emulator.caCertPem], provisioningRequestsPerMinute: 1_000_000 });
  const domain = demoGatewayDomain(GATEWAY_PRODUCTION);
  const client = new ProvisioningClient(pipeline, cloud, domain);
  const services = { provisioning: () => client } as unknown as AcgServices;
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps: NumbersGridDeps = {
    services: async () => services,
    log: quiet,
    present: presentErrorForWebview,
    pageSize: () => PAGE_SIZE,
    confirm: async () => false,
    withProgress: (_title, work) => work({ signal: new AbortController().signal, report: () => undefined }),
    pickExportPath: async () => undefined,
    openExportFile: async () => {
      throw new Error('not used');
    },
    onDidChangeNumbers: () => ({ dispose: () => undefined }),
    fireNumbersChange: () => undefined,
    onDidChangeSignIn: () => ({ dispose: () => undefined }),
    executeCommand: async () => undefined,
  };
  const target = { gatewayId: gatewayId(GATEWAY_PRODUCTION), gatewayName: GATEWAY_PRODUCTION.name, gatewayDomain: domain, account: BULK_ACCOUNT_NAME };
  const context = { signal: new AbortController().signal };
  const open = (): NumbersGridHandlers => new NumbersGridHandlers(deps, target, () => undefined);
  const page = (grid: NumbersGridHandlers, index: number | 'last') => Promise.resolve(grid.handlers.page({ index, filter: {}, reload: false }, context));
  const bare = async () => {
    const pages = client.listNumbers(BULK_ACCOUNT_NAME, { maxpagesize: PAGE_SIZE });
    const first = await pages.next();
    await pages.return?.();
    return first;
  };

  try {
    for (let i = 0; i < 3; i++) {
      await bare();
      await page(open(), 0);
    }
    const bareTimes: number[] = [];
    const openTimes: number[] = [];
    let rows = 0;
    let total = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const bareOnce = async (): Promise<void> => void bareTimes.push((await timed(bare))[0]);
      const openOnce = async (): Promise<void> => {
        const [t, result] = await timed(() => page(open(), 0));
        openTimes.push(t);
        rows = result.rows.length;
        total = result.total ?? 0;
      };
      // Alternate which goes first, so neither always runs on a warmer (or busier) moment.
      if (i % 2 === 0) {
        await bareOnce();
        await openOnce();
      } else {
        await openOnce();
        await bareOnce();
      }
    }
    const lastTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const grid = open();
      await page(grid, 0);
      lastTimes.push((await timed(() => page(grid, 'last')))[0]);
    }

    // Heap: the baseline with nothing open, then one panel as it is used: opened, the last page, a walk back.
    const baseline = collectedHeap();
    const grid = open();
    await page(grid, 0);
    const afterOpen = collectedHeap();
    const last = await page(grid, 'last');
    for (let i = 1; i <= WALK_SHORT; i++) await page(grid, last.index - i);
    const afterShort = collectedHeap();
    const heldShort = grid.pageWindow.heldItems();
    for (let i = WALK_SHORT + 1; i <= WALK_LONG; i++) await page(grid, last.index - i);
    const afterLong = collectedHeap();
    const heldLong = grid.pageWindow.heldItems();
    const heldPages = grid.pageWindow.heldIndexes().length;
    const fetches = grid.pageWindow.fetches;

    const bareMs = median(bareTimes);
    const openMs = median(openTimes);
    const lastMs = median(lastTimes);
    const ratio = openMs / bareMs;
    const cpu = cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU';
    const rowsTable: [string, string, string, string][] = [
      [`One bare page fetch (${PAGE_SIZE} numbers, ProvisioningClient.listNumbers → first page)`, ms(bareMs), '1.00×', '–'],
      [`First rows of the grid (the host's \`page\` request: page + record count + ${rows} row models)`, ms(openMs), `${ratio.toFixed(2)}× bare fetch`, `≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}`],
      [`Jump to the last page (page ${last.index + 1} of ${last.pageCount ?? '?'}; one request)`, ms(lastMs), `${(lastMs / bareMs).toFixed(2)}× bare fetch`, '–'],
    ];
    const heapTable: [string, string, string][] = [
      ['Baseline (emulator, pipeline and client warm; no panel)', mb(baseline), '–'],
      [`Panel open on page 1`, mb(afterOpen), `+${mb(afterOpen - baseline)}`],
      [`Then the last page and ${WALK_SHORT} pages back (${heldShort} numbers held)`, mb(afterShort), `+${mb(afterShort - baseline)}`],
      [`Then ${WALK_LONG - WALK_SHORT} pages further back (${WALK_LONG + 2} pages read in all; ${heldLong} numbers held in ${heldPages} pages)`, mb(afterLong), `+${mb(afterLong - baseline)}`],
    ];
    console.log(`Numbers panel on ${BULK_ACCOUNT_NAME} (${total.toLocaleString('en-US')} numbers), page size ${PAGE_SIZE}; medians of ${ROUNDS} interleaved rounds.`);
    for (const [what, value, rel, goal] of rowsTable) console.log(`  ${what}: ${value}  (${rel})${goal === '–' ? '' : `  goal ${goal}`}`);
    console.log('heapUsed after gc:');
    for (const [what, value, rel] of heapTable) console.log(`  ${what}: ${value}  (${rel})`);
    console.log(`Requests made by the walked panel: ${fetches} page reads (the count for "last" came with page 1).`);

    if (process.argv.includes('--write')) {
      writeBenchmarkSection('grid', [
        '## Numbers panel',
        '',
        'Command: `npm run bench:grid` (add `-- --write` to update this section). Script: `scripts/bench-numbers-grid.ts`',
        '(runs `node --expose-gc --import tsx`).',
        '',
        'The emulator in-process (no added latency, rate limit off), the real ProvisioningClient and pipeline, and the',
        "Numbers panel's host side (`NumbersGridHandlers`, what answers the page's `page` request, no vscode in it) on",
        `${BULK_ACCOUNT_NAME} (${total.toLocaleString('en-US')} numbers), ${PAGE_SIZE} numbers a page, at most 5 pages held.`,
        `Machine: ${cpus().length} × ${cpu}, Node ${process.version}. Medians of ${ROUNDS} interleaved rounds after a warm-up; all figures from one run.`,
        '',
        '| Measurement | Median | Ratio | Goal |',
        '|---|---:|---|---|',
        ...rowsTable.map(([what, value, rel, goal]) => `| ${what} | ${value} | ${rel} | ${goal} |`),
        '',
        '| heapUsed after gc | Heap | Over the baseline |',
        '|---|---:|---:|',
        ...heapTable.map(([what, value, rel]) => `| ${what} | ${value} | ${rel} |`),
        '',
        'The first rows cost one request: the page, with `countRecords` so the grid can say "of 100,000" and how many',
        'pages there are. "Last" reads that one page (skip = 99,900), nothing in between. The window keeps the page shown',
        'and the four nearest it; heap after walking a hundred pages is what it was after ten. What does grow, up to a',
        'cap of 10,000 keys, is the set of numbers the page was shown (a delete may name only those).',
      ]);
    }
  } finally {
    pipeline.dispose();
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
