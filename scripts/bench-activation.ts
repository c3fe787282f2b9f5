// Benchmark: loading and activating the extension, beside a minimal extension built the same way, in the same run.
//   npm run bench:activation              print the figures
//   npm run bench:activation -- --write   also write them into docs/BENCHMARKS.md ("Activation")
// Each sample is a fresh `node` process that requires the production bundle (load + parse + evaluate) and runs
// activate() against a stand-in for `vscode` (test/support/fakeVscode.ts): what activation costs the extension host,
// without the host. Four bundles, sampled in turn: the minimal extension (the baseline), ours as shipped, and ours
// without each of the two measures esbuild.mjs takes (heavy modules in lazy bundles; one shared copy of the vscode
// API object), to show what each saves. Goal (issue "The house for panels"): the activation bundle ≤ 150 KiB.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import * as esbuild from 'esbuild';
import { writeBenchmarkSection } from './bench/benchmarksDoc';
import { median } from './bench/measure';

const ROOT = join(__dirname, '..');
const SAMPLES = 25;
const LIMIT_KIB = 150;

interface Sample {
  requireMs: number;
  activateMs: number;
  lazyLoaded: number;
}

interface Variant {
  readonly name: string;
  readonly file: string;
  readonly samples: Sample[];
}

function kib(file: string): number {
  return statSync(file).size / 1024;
}

async function main(): Promise<void> {
  // Inside the repository, so the harness finds node_modules (@types/vscode lists the API's names).
  const out = join(ROOT, 'node_modules', '.cache', 'acg-bench-activation');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const build = (await import(pathToFileURL(join(ROOT, 'esbuild.mjs')).href)) as {
    buildAll(options: { production: boolean; outdir: string }): Promise<unknown>;
    buildOptions(options: { production: boolean; outdir: string; lazy?: boolean; sharedVscode?: boolean }): BuildOptions[];
  };
  await build.buildAll({ production: true, outdir: join(out, 'shipped') });
  const extensionBuild = (options: { outdir: string; lazy?: boolean; sharedVscode?: boolean }): BuildOptions => build.buildOptions({ production: true, ...options })[0];
  await esbuild.build({ ...extensionBuild({ outdir: join(out, 'minimal') }), entryPoints: { minimal: 'scripts/bench/minimalExtension.ts' } });
  await esbuild.build(extensionBuild({ outdir: join(out, 'inlined'), lazy: false }));
  await esbuild.build(extensionBuild({ outdir: join(out, 'copies'), sharedVscode: false }));
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['scripts/bench/activateOnce.ts'], bundle: true, platform: 'node', format: 'cjs', outdir: out, logLevel: 'warning' });

  const variants: Variant[] = [
    { name: 'minimal extension (baseline)', file: join(out, 'minimal', 'minimal.js'), samples: [] },
    { name: 'Communications Gateway, as shipped', file: join(out, 'shipped', 'extension.js'), samples: [] },
    { name: 'the same, with every import() inlined (no lazy bundles)', file: join(out, 'inlined', 'extension.js'), samples: [] },
    { name: 'the same, with a copy of the vscode API per module', file: join(out, 'copies', 'extension.js'), samples: [] },
  ];
  const harness = join(out, 'activateOnce.js');
  // One warm-up each (file cache), then samples in turn so that load on the machine hits all three alike.
  for (const variant of variants) execFileSync(process.execPath, [harness, variant.file]);
  for (let round = 0; round < SAMPLES; round++) {
    for (const variant of variants) variant.samples.push(JSON.parse(execFileSync(process.execPath, [harness, variant.file], { encoding: 'utf8' })) as Sample);
  }

  const baseline = variants[0];
  const total = (s: Sample): number => s.requireMs + s.activateMs;
  const base = median(baseline.samples.map(total));
  const rows = variants.map((v) => {
    const figure = median(v.samples.map(total));
    return {
      name: v.name,
      size: `${kib(v.file).toFixed(1)} KiB`,
      require: `${median(v.samples.map((s) => s.requireMs)).toFixed(1)} ms`,
      activate: `${median(v.samples.map((s) => s.activateMs)).toFixed(1)} ms`,
      total: `${figure.toFixed(1)} ms`,
      ratio: `${(figure / base).toFixed(2)}×`,
      lazyLoaded: Math.max(...v.samples.map((s) => s.lazyLoaded)),
    };
  });
  const shipped = kib(variants[1].file);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  console.log(`Machine: ${machine}; medians of ${SAMPLES} samples per bundle, each a fresh process, taken in turn`);
  for (const r of rows) console.log(`${r.name.padEnd(58)} ${r.size.padStart(10)}  require ${r.require.padStart(9)}  activate ${r.activate.padStart(8)}  total ${r.total.padStart(9)}  ${r.ratio}`);
  console.log(`Activation bundle: ${shipped.toFixed(1)} KiB (goal ≤ ${LIMIT_KIB} KiB: ${shipped <= LIMIT_KIB ? 'met' : 'MISSED'}); lazy bundles loaded during activation: ${rows[1].lazyLoaded}`);

  if (process.argv.includes('--write')) {
    writeBenchmarkSection('activation', [
      '## Activation',
      '',
      'Command: `npm run bench:activation` (add `-- --write` to update this section). Script: `scripts/bench-activation.ts`.',
      '',
      'Each sample is a fresh `node` process that requires a production bundle and runs `activate()` against a stand-in',
      'for `vscode` (test/support/fakeVscode.ts), so it times what activation costs the extension host without the host.',
      'The minimal extension (scripts/bench/minimalExtension.ts: an output channel, a status bar item, a tree view and',
      'three commands) is built with the same esbuild options and measured in the same run. The last two rows are our',
      'extension without one of the two measures esbuild.mjs takes: with every `import()` inlined into one file (no lazy',
      "bundles), and with esbuild's default of one copy of the `vscode` API object's properties per importing module.",
      `Machine: ${machine}; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} when the run ended. Medians of ${SAMPLES} samples per bundle, taken in turn.`,
      '',
      '| Bundle | Size | require | activate() | Total | Ratio to the minimal extension |',
      '|---|---:|---:|---:|---:|---|',
      ...rows.map((r) => `| ${r.name} | ${r.size} | ${r.require} | ${r.activate} | ${r.total} | ${r.ratio} |`),
      '',
      `Goal: the activation bundle at most ${LIMIT_KIB} KiB — ${shipped.toFixed(1)} KiB, ${shipped <= LIMIT_KIB ? 'met' : 'MISSED'}. Lazy bundles loaded during`,
      `activation: ${rows[1].lazyLoaded} (test/unit/activation.test.ts asserts 0, and that none of MSAL, @azure/identity,`,
      'the Graph client, libphonenumber-js or the config engine is in the activation bundle).',
      'The ratio is the figure to compare: the machine is shared, so absolute milliseconds move between runs, but the',
      'bundles are sampled in turn and feel the same load.',
    ]);
  }
  rmSync(out, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
