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
import { startEmulator } from '../emulator/server';
import { gatewayId } from '../emulator/seed/gateways';
import { BULK_ACCOUNT_NAME, GATEWAY_PRODUCTION, demoGatewayDomain } from '../emulator/seed/ids';
import { ProvisioningClient } from '../src/azure/clients';
import { allowedHostsForCloud, createPipeline } from '../src/azure/http';
import { emulatorCloud } from '../src/core/clouds';
import type { AcgServices } from '../src/host/services';
import type { NumbersGridDeps } from '../src/webviews/numbers/deps';
import { NumbersGridHandlers } from '../src/webviews/numbers/handlers';
import { presentErrorForWebview } from '../src/webviews/shared/presentError';
import { writeBenchmarkSection } from './bench/benchmarksDoc';
import { median, ms, timed, sandboxOperatorCredential } from './bench/measure';

const ROUNDS = 41;
const PAGE_SIZE = 100;
const WALK_SHORT = 10;
const WALK_LONG = 100;
const WALK_LONGEST = 300;

const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function overBaseline(bytes: number): string {
  return `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;
}

function collectedHeap(): number {
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench:grid does).');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The panel under measurement, held in a module-level slot so that dropping it frees it (not kept in a frame). */
const held: { grid: NumbersGridHandlers | undefined } = { grid: undefined };

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'acg-bench-grid-'));
  // No added latency, and no rate limit (the real service allows 100 requests/min).
  const emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 }, config: { syncDelayMs: 0 } });
  const cloud = emulatorCloud(emulator.url);
  const credential = sandboxOperatorCredential(emulator);
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

  /** Opens a panel in `held`, reads page 1, the last page and `count` pages back; returns how many it walked. */
  const walk = async (count: number): Promise<number> => {
    held.grid = open();
    await page(held.grid, 0);
    const last = await page(held.grid, 'last');
    for (let i = 1; i <= count; i++) await page(held.grid, last.index - i);
    return count;
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

    // Heap: the baseline with nothing open, then one panel as it is used: opened, the last page, a walk back. Then
    // what the panel itself retains (heap while it is alive minus heap once it is dropped), after a short and a long walk.
    const baseline = collectedHeap();
    held.grid = open();
    await page(held.grid, 0);
    const afterOpen = collectedHeap();
    const last = await page(held.grid, 'last');
    for (let i = 1; i <= WALK_SHORT; i++) await page(held.grid, last.index - i);
    const afterShort = collectedHeap();
    const heldShort = held.grid.pageWindow.heldItems();
    held.grid = undefined;
    const retainedShort = afterShort - collectedHeap();
    const walked = await walk(WALK_LONG);
    const afterLong = collectedHeap();
    const heldLong = held.grid!.pageWindow.heldItems();
    const heldPages = held.grid!.pageWindow.heldIndexes().length;
    const fetches = held.grid!.pageWindow.fetches;
    held.grid = undefined;
    const retainedLong = afterLong - collectedHeap();
    await walk(WALK_LONGEST);
    const afterLongest = collectedHeap();
    held.grid = undefined;
    const retainedLongest = afterLongest - collectedHeap();

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
      [`Panel open on page 1`, mb(afterOpen), overBaseline(afterOpen - baseline)],
      [`Then the last page and ${WALK_SHORT} pages back (${heldShort} numbers held)`, mb(afterShort), overBaseline(afterShort - baseline)],
      [`A panel that read page 1, the last page and ${walked} pages back (${heldLong} numbers held in ${heldPages} pages)`, mb(afterLong), overBaseline(afterLong - baseline)],
    ];
    const retainedTable: [string, string][] = [
      [`after the last page and ${WALK_SHORT} pages back`, mb(retainedShort)],
      [`after the last page and ${walked} pages back`, mb(retainedLong)],
      [`after the last page and ${WALK_LONGEST} pages back`, mb(retainedLongest)],
    ];
    console.log(`Numbers panel on ${BULK_ACCOUNT_NAME} (${total.toLocaleString('en-US')} numbers), page size ${PAGE_SIZE}; medians of ${ROUNDS} interleaved rounds.`);
    for (const [what, value, rel, goal] of rowsTable) console.log(`  ${what}: ${value}  (${rel})${goal === '–' ? '' : `  goal ${goal}`}`);
    console.log('heapUsed after gc:');
    for (const [what, value, rel] of heapTable) console.log(`  ${what}: ${value}  (${rel})`);
    console.log('Retained by the panel (heap with it minus heap once it is dropped, after gc):');
    for (const [what, value] of retainedTable) console.log(`  ${what}: ${value}`);
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
        '| Retained by the panel itself (heap with it minus heap once dropped) | Heap |',
        '|---|---:|',
        ...retainedTable.map(([what, value]) => `| ${what} | ${value} |`),
        '',
        'The first rows cost one request: the page, with `countRecords` so the grid can say "of 100,000" and how many',
        'pages there are. "Last" reads that one page (skip = 99,900), nothing in between. The window keeps the page shown',
        'and the four nearest it, so what the panel retains stops growing once it has shown 2,000 rows:',
        '500 numbers and their row models, plus the keys of the last 2,000 rows shown (a delete may name only those).',
        'The heapUsed rows include the in-process emulator, whose own caches move the absolute figures a little.',
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
