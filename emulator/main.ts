// `npm run emulator`: start the local stand-in for Azure and print how to reach and trust it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FAULT_PRESETS, isFaultPresetName } from './faults';
import { DEFAULT_PORT, startEmulator } from './server';
import { OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, DEMO_TENANT_ID } from './seed/ids';

const USAGE = `Usage: npm run emulator -- [options]
  --port <n>            TCP port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --state <file>        keep state in this JSON file across restarts
  --data-dir <dir>      where the CA and server certificate live (default ./.emulator)
  --sync-delay <ms>     how long written objects stay pending (default 3000)
  --rate-limit <n>      Provisioning API requests per minute per gateway (default 100; 0 = off)
  --latency <ms>        added latency for every service
  --error-rate <0..1>   share of 503 answers for every service
  --throttle-rate <0..1> share of 429 answers for every service
  --reset-rate <0..1>   share of dropped connections for every service
  --fault-preset <name> a named fault mix on every service: soak (20% 503, 10% 429 with Retry-After,
                        2% resets, 500 ms latency) or none; counts at GET /_admin/faults/counts
  --fault-seed <n>      seed of the fault sequence (default 1)
  --auto-approve <ms>   approve device-code sign-ins automatically after this delay
  --quiet               do not log requests
  -h, --help            show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      state: { type: 'string' },
      'data-dir': { type: 'string' },
      'sync-delay': { type: 'string' },
      'rate-limit': { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'reset-rate': { type: 'string' },
      'fault-preset': { type: 'string' },
      'fault-seed': { type: 'string' },
      'auto-approve': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got '${value}'.`);
    return n;
  };
  const allServices = (faults: Record<string, number | undefined>) => {
    const defined = Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)) as Record<string, number>;
    return { entra: defined, arm: defined, provisioning: defined, graph: defined };
  };
  const rate = num('rate-limit', values['rate-limit']);
  const preset = values['fault-preset'];
  if (preset !== undefined && !isFaultPresetName(preset)) throw new Error(`--fault-preset must be one of ${Object.keys(FAULT_PRESETS).join(', ')}, got '${preset}'.`);
  const faultSeed = num('fault-seed', values['fault-seed']);
  const emulator = await startEmulator({
    port: num('port', values.port) ?? DEFAULT_PORT,
    stateFile: values.state ? resolve(values.state) : undefined,
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : undefined,
    config: {
      ...(values['sync-delay'] !== undefined ? { syncDelayMs: num('sync-delay', values['sync-delay']) } : {}),
      ...(values['auto-approve'] !== undefined ? { deviceCodeAutoApproveMs: num('auto-approve', values['auto-approve']) } : {}),
    },
    rateLimit: rate !== undefined ? { requestsPerWindow: rate } : undefined,
    faults: allServices({
      latencyMs: num('latency', values.latency),
      errorRate: num('error-rate', values['error-rate']),
      throttleRate: num('throttle-rate', values['throttle-rate']),
      resetRate: num('reset-rate', values['reset-rate']),
    }),
    ...(faultSeed !== undefined ? { faultSeed } : {}),
    log: values.quiet ? undefined : (line) => console.log(`[emulator] ${line}`),
  });
  if (preset !== undefined) emulator.context.faults.applyPreset(preset, faultSeed ?? 1);
  console.log(`ACG emulator listening on ${emulator.url}`);
  console.log(`CA certificate: ${emulator.caPath}`);
  console.log(`Trust it with:  export NODE_EXTRA_CA_CERTS=${emulator.caPath}`);
  console.log(`Tenant ${DEMO_TENANT_ID} · client id ${OPERATOR_CLIENT_ID} · secret ${OPERATOR_CLIENT_SECRET} (sandbox data)`);
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    console.error(`The port is already in use. Choose another with --port, or stop what is listening there.`);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
});
