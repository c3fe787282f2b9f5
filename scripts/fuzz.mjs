// `npm run fuzz`: the long mode of every fuzz test (webview hosts, config parsers, emulator request handlers, CLI
// arguments). The unit suite runs each with its own few hundred or thousand cases; this multiplies them by
// ACG_FUZZ_RUNS (20 unless set) and keeps ACG_FUZZ_SEED if given, so `ACG_FUZZ_SEED=7 npm run fuzz` replays seed 7.
import { spawnSync } from 'node:child_process';

const FUZZ_TESTS = ['test/unit/webviews/*.fuzz.test.ts', 'test/unit/config/*.fuzz.test.ts', 'test/unit/emulator/*.fuzz.test.ts', 'test/unit/cli/*.fuzz.test.ts'];
const env = { ...process.env, ACG_FUZZ_RUNS: process.env.ACG_FUZZ_RUNS ?? '20' };
console.log(`fuzz: ACG_FUZZ_RUNS=${env.ACG_FUZZ_RUNS}${env.ACG_FUZZ_SEED ? `, ACG_FUZZ_SEED=${env.ACG_FUZZ_SEED}` : ' (each file\'s own seed)'}`);
const result = spawnSync(
  process.execPath,
  ['node_modules/mocha/bin/mocha.js', '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--timeout', '0', '--forbid-only', '--reporter', 'spec', ...FUZZ_TESTS, ...process.argv.slice(2)],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
