// The seed and size of every fuzz run (webview hosts, config parsers, emulator handlers, CLI arguments). A run is
// seeded and bounded by a number of cases, never by wall time, so the same seed replays the same cases:
//   ACG_FUZZ_SEED=<n>   replays a run with that seed (every fuzz test prints the seed it used);
//   ACG_FUZZ_RUNS=<k>   multiplies each run's number of cases (`npm run fuzz` sets 20 for the long mode).

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return value;
}

/** The run's seed: the file's own unless ACG_FUZZ_SEED replays another. */
export function fuzzSeed(fileSeed: number): number {
  return envInteger('ACG_FUZZ_SEED') ?? fileSeed;
}

/** The run's number of cases: the file's own, times ACG_FUZZ_RUNS in the long mode. */
export function fuzzRuns(fileRuns: number): number {
  const factor = envInteger('ACG_FUZZ_RUNS') ?? 1;
  if (factor < 1) throw new Error('ACG_FUZZ_RUNS must be at least 1');
  return fileRuns * factor;
}

/** The line each fuzz test prints before it runs, so a failing run still says how to replay it. */
export function announceRun(label: string, runs: number, seed: number): void {
  console.log(`      ${label}: ${runs} cases, seed ${seed} (replay with ACG_FUZZ_SEED=${seed})`);
}
