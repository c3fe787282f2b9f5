// Shared by the test scripts (test:integration, test:e2e, test:desktop): build, stop cleanly on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../test/runner/paths';

/** `node esbuild.mjs [...args]`, unless --no-build was given (for CI steps that already built). */
export function build(args: string[] = []): void {
  if (process.argv.includes('--no-build')) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs', ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build failed (node esbuild.mjs exited with ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** Ctrl-C or SIGTERM: exit, so that the runners' exit hooks kill code-server's process group. */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`);
      process.exit(130);
    });
  }
}

/** Seconds from an environment variable, or the default. */
export function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
