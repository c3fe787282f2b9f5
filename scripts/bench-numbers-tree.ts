// Benchmark: the Numbers view on the 100,000-number demo account (Northwind-Bulk on contoso-prod-gw), next to one raw
// page fetch and a naive provider measured in the same run.
//   npm run bench:tree             print the figures
//   npm run bench:tree -- --write  also write them into docs/BENCHMARKS.md ("Numbers tree")
// It starts the emulator in-process with no added latency, and drives NumbersModel — the module the Numbers view uses
// to load pages and build its item models (src/views/numbers/numbersModel.ts, no vscode in it) — through the real
// ProvisioningClient and pipeline. Needs `node --expose-gc` (the npm script passes it) for the heap figures.
// Goals (issue "Sidebar trees"): the first page of tree items within 1.5× one raw page fetch; heap bounded by the
// pages shown, never by the account.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchmarkSection } from './bench/benchmarksDoc';
import { startEmulator } from '../emulator/server';
import { BULK_ACCOUNT_NAME, GATEWAY_PRODUCTION, demoGatewayDomain } from '../emulator/seed/ids';
import { ProvisioningClient } from '../src/azure/clients';
import { collectPages } from '../src/azure/clients/paging';
import { allowedHostsForCloud, createPipeline } from '../src/azure/http';
import { emulatorCloud } from '../src/core/clouds';
import { numberView } from '../src/core/numbers';
import { DEFAULT_PAGE_SIZE, NumbersModel } from '../src/views/numbers/numbersModel';
import { median, ms, ratio, timed, sandboxOperatorCredential } from './bench/measure';

const ROUNDS = 41;
const NAIVE_ROUNDS = 3;
const PAGES = 10;
/** The naive provider's best case: the largest page the service gives. */
const NAIVE_PAGE_SIZE = 1000;

const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function collectedHeap(): number {
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench:tree does).');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap retained by what `build` returns: the heap while it is alive minus the heap once it is dropped, both after
 * full collections. Measured this way round, garbage from earlier work (sockets, buffers) cannot hide in the figure.
 */
async function retainedHeap<T>(build: () => Promise<T>, count: (value: T) => number): Promise<{ bytes: number; items: number }> {
  // Built inside its own async frame and held only in a module-level slot: a value that passed through this frame's
  // await would stay in one of its registers, and dropping it would then free nothing.
  const items = await hold(build, count);
  const withIt = collectedHeap();
  held.value = undefined;
  const without = collectedHeap();
  return { bytes: withIt - without, items };
}

const held: { value: unknown } = { value: undefined };

async function hold<T>(build: () => Promise<T>, count: (value: T) => number): Promise<number> {
  const value = await build();
  held.value = value;
  return count(value);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'acg-bench-tree-'));
  // No added latency, and no rate limit (the real service allows 100 requests/min: see the note in the output).
  const emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 }, config: { syncDelayMs: 0 } });
  const cloud = emulatorCloud(emulator.url);
  const credential = sandboxOperatorCredential(emulator);
  const pipeline = createPipeline({ credential, isAllowedHost: allowedHostsForCloud(cloud), ca: [emulator.caCertPem], provisioningRequestsPerMinute: 1_000_000 });
  const client = new ProvisioningClient(pipeline, cloud, demoGatewayDomain(GATEWAY_PRODUCTION));
  const scope = { kind: 'account', accountName: BULK_ACCOUNT_NAME } as const;
  const pageSize = DEFAULT_PAGE_SIZE;

  try {
    // Warm-up: token, TLS session, JIT.
    for (let i = 0; i < 3; i++) {
      await client.listNumbers(BULK_ACCOUNT_NAME, { maxpagesize: pageSize }).next();
      await new NumbersModel({ client, scope, filter: {}, pageSize }).loadMore();
    }

    // Interleaved, so drift hits both alike.
    const raw: number[] = [];
    const firstPage: number[] = [];
    let firstCount = 0;
    const rawOnce = async (): Promise<void> => {
      raw.push((await timed(() => client.listNumbers(BULK_ACCOUNT_NAME, { maxpagesize: pageSize }).next()))[0]);
    };
    const firstOnce = async (): Promise<void> => {
      const [t, entries] = await timed(() => new NumbersModel({ client, scope, filter: {}, pageSize }).loadMore());
      firstPage.push(t);
      firstCount = entries.length;
    };
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) moment.
      if (i % 2 === 0) {
        await rawOnce();
        await firstOnce();
      } else {
        await firstOnce();
        await rawOnce();
      }
    }

    const tenPages: number[] = [];
    for (let i = 0; i < 5; i++) {
      const model = new NumbersModel({ client, scope, filter: {}, pageSize });
      tenPages.push((await timed(async () => {
        for (let p = 0; p < PAGES; p++) await model.loadMore();
      }))[0]);
    }

    const paged = await retainedHeap(async () => {
      const model = new NumbersModel({ client, scope, filter: {}, pageSize });
      for (let p = 0; p < PAGES; p++) await model.loadMore();
      return model;
    }, (model) => model.items.length);
    const pagedItems = paged.items;

    // The naive provider: read every number, then build every tree item, then show the first page.
    const naive: number[] = [];
    for (let i = 0; i < NAIVE_ROUNDS; i++) {
      naive.push((await timed(async () => (await collectPages(client.listNumbers(BULK_ACCOUNT_NAME, { maxpagesize: NAIVE_PAGE_SIZE })))
        .map((n) => numberView(n))
        .slice(0, pageSize)))[0]);
    }
    const naiveHeap = await retainedHeap(
      async () => (await collectPages(client.listNumbers(BULK_ACCOUNT_NAME, { maxpagesize: NAIVE_PAGE_SIZE }))).map((n) => ({ number: n, view: numberView(n) })),
      (all) => all.length,
    );
    const naiveItems = naiveHeap.items;

    const rawMs = median(raw);
    const firstMs = median(firstPage);
    const naiveMs = median(naive);
    const tenMs = median(tenPages);
    const goalFirst = firstMs <= 1.5 * rawMs;
    const perItemPaged = paged.bytes / pagedItems;
    const perItemNaive = naiveHeap.bytes / naiveItems;
    const cpu = cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU';

    const rows: [string, string, string, string][] = [
      [`One raw page fetch (${pageSize} numbers, ProvisioningClient.listNumbers → first page)`, ms(rawMs), '1.00×', '–'],
      [`First page of tree items (NumbersModel.loadMore: page + record count + ${firstCount} item models)`, ms(firstMs), `${ratio(firstMs, rawMs)} raw fetch`, `≤ 1.5× raw fetch: ${goalFirst ? 'met' : 'MISSED'}`],
      [`${PAGES} pages in turn (Load more… ×${PAGES - 1})`, ms(tenMs), `${ratio(tenMs, rawMs)} raw fetch (${ratio(tenMs / PAGES, rawMs)} per page)`, '–'],
      [`Naive provider: all ${naiveItems.toLocaleString('en-US')} numbers (pages of ${NAIVE_PAGE_SIZE}) + all items, then the first page`, ms(naiveMs), `${ratio(naiveMs, firstMs)} the paged first page`, '–'],
    ];
    const heapRows: [string, string, string][] = [
      [`Paged, after ${PAGES} pages (${pagedItems.toLocaleString('en-US')} numbers shown)`, mb(paged.bytes), `${(perItemPaged / 1024).toFixed(2)} KB per number shown`],
      [`Naive, everything loaded (${naiveItems.toLocaleString('en-US')} numbers)`, mb(naiveHeap.bytes), `${(perItemNaive / 1024).toFixed(2)} KB per number; ${ratio(naiveHeap.bytes, paged.bytes)} the paged heap`],
    ];
    const requestsNaive = Math.ceil(naiveItems / NAIVE_PAGE_SIZE);

    console.log(`Numbers tree on ${BULK_ACCOUNT_NAME} (${naiveItems.toLocaleString('en-US')} numbers), page size ${pageSize}; medians of ${ROUNDS} interleaved rounds (naive: ${NAIVE_ROUNDS}).`);
    for (const [what, value, rel, goal] of rows) console.log(`  ${what}: ${value}  (${rel})${goal === '–' ? '' : `  goal ${goal}`}`);
    console.log('Heap retained (after gc):');
    for (const [what, value, rel] of heapRows) console.log(`  ${what}: ${value}  (${rel})`);
    console.log(`Rate limit: the naive provider needs ${requestsNaive} requests; at the service's 100 requests/min that alone is ≥ ${Math.ceil(requestsNaive / 100)} min of quota, against 1 request per page.`);

    if (process.argv.includes('--write')) {
      writeBenchmarkSection('tree', [
        '## Numbers tree',
        '',
        'Command: `npm run bench:tree` (add `-- --write` to update this section). Script: `scripts/bench-numbers-tree.ts`',
        '(runs `node --expose-gc --import tsx`).',
        '',
        `The emulator in-process (no added latency, rate limit off), the real ProvisioningClient and pipeline, and`,
        `NumbersModel — the module the Numbers view loads pages and builds item models with (no vscode in it) — on`,
        `${BULK_ACCOUNT_NAME} (${naiveItems.toLocaleString('en-US')} numbers) at the default page size of ${pageSize}. The naive provider reads`,
        `every number (pages of ${NAIVE_PAGE_SIZE}, its best case) and builds every item before showing the first page.`,
        `Machine: ${cpus().length} × ${cpu}, Node ${process.version}. Medians of ${ROUNDS} interleaved rounds after a warm-up (naive: ${NAIVE_ROUNDS}); all figures from one run.`,
        '',
        '| Measurement | Median | Ratio | Goal |',
        '|---|---:|---|---|',
        ...rows.map(([what, value, rel, goal]) => `| ${what} | ${value} | ${rel} | ${goal} |`),
        '',
        '| Heap retained after gc | Size | Per number |',
        '|---|---:|---|',
        ...heapRows.map(([what, value, rel]) => `| ${what} | ${value} | ${rel} |`),
        '',
        `The first page costs one request: the same page fetch, plus \`countRecords\` (so the view can say "${pageSize} of`,
        `${naiveItems.toLocaleString('en-US')}") and building ${pageSize} item models; tooltips are built only on hover. Memory grows with the pages`,
        `a person asked for, not with the account. The naive provider also needs ${requestsNaive} requests, which at the`,
        `service's 100 requests/min is at least ${Math.ceil(requestsNaive / 100)} min of quota before the first row appears.`,
        'Medians of a few milliseconds move with other load on the machine (on this shared 2-core host the first-page',
        'ratio ranged from about 1.1× to 1.5× between runs); the ratios, measured in the same run, are the figures to compare.',
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
