// `npm start`: build, start the emulator with the demo tenant, then code-server with the extension installed and set
// to the emulator cloud, and print the URL to open. Ctrl+C stops every process it started.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, DEMO_TENANT_ID } from '../emulator/seed/ids';
import { startCodeServer, codeServerMissingReason, type CodeServer } from '../test/runner/codeServer';
import { repoRoot } from '../test/runner/paths';
import { build } from './code-server/common';

const USAGE = `Usage: npm start -- [--port <n>] [--emulator-port <n>] [--state <file>]
  --port <n>           code-server port on 127.0.0.1 (default 8080)
  --emulator-port <n>  emulator port (default 10443)
  --state <file>       keep emulator state in this file across restarts`;

/** Resolves when nothing listens on the port; rejects with a clear message otherwise. */
function ensurePortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} (${what}) is already in use. Choose another with ${what === 'code-server' ? '--port' : '--emulator-port'}, or stop what is listening there.` : error.message)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function portOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--${name} must be a port number (1–65535), not '${value}'.`);
  return port;
}

/** The extension goes into the sandbox's extensions folder as a link to this checkout, so a rebuild shows on reload. */
function linkExtension(extensionsDir: string): void {
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, string>;
  fs.mkdirSync(extensionsDir, { recursive: true });
  const link = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(repoRoot, link, 'dir');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'emulator-port': { type: 'string' }, state: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = portOption(values.port, 8080, 'port');
  const emulatorPort = portOption(values['emulator-port'], 10443, 'emulator-port');
  const missing = codeServerMissingReason();
  if (missing) throw new Error(missing);
  await ensurePortFree(port, 'code-server');
  await ensurePortFree(emulatorPort, 'emulator');

  build();
  const sandboxDir = path.join(repoRoot, '.vscode-test', 'sandbox');
  const extensionsDir = path.join(sandboxDir, 'extensions');
  const workspace = fs.existsSync(path.join(repoRoot, 'samples')) ? path.join(repoRoot, 'samples') : path.join(sandboxDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  linkExtension(extensionsDir);

  const started: { emulator?: RunningEmulator; server?: CodeServer } = {};
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log('\nStopping the sandbox…');
      await started.server?.stop();
      await started.emulator?.stop();
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  const emulator = await startEmulator({
    port: emulatorPort,
    stateFile: values.state ? path.resolve(values.state) : undefined,
    dataDir: path.join(repoRoot, '.emulator'),
  });
  started.emulator = emulator;
  const server = await startCodeServer({
    port,
    extensionsDir,
    workspace,
    env: {
      NODE_EXTRA_CA_CERTS: emulator.caPath,
      // Sandbox sign-in: the demo tenant's operator service principal (sandbox data, documented in the README).
      ACG_SANDBOX_TENANT_ID: DEMO_TENANT_ID,
      ACG_SANDBOX_CLIENT_ID: OPERATOR_CLIENT_ID,
      ACG_SANDBOX_CLIENT_SECRET: OPERATOR_CLIENT_SECRET,
    },
    // VS Code's system-certificate support replaces Node's CA list and drops NODE_EXTRA_CA_CERTS.
    // acg.sandbox.autoSignIn (machine-scoped, only in this sandbox's user settings) makes the sandbox open signed in
    // with the principal above; everywhere else sign-in waits for the person (src/host/autoSignIn.ts).
    settings: { 'acg.cloud': 'Emulator', 'acg.emulator.url': emulator.url, 'acg.sandbox.autoSignIn': true, 'http.systemCertificates': false },
  });
  started.server = server;
  void server.exited.then(() => {
    if (!stopping) {
      console.error('code-server stopped unexpectedly.');
      void stopAll(1);
    }
  });
  console.log(`Emulator:    ${emulator.url} (CA ${emulator.caPath})`);
  console.log(`Open in a browser: ${server.origin}/?folder=${encodeURIComponent(workspace)}`);
  console.log('Press Ctrl+C to stop everything.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
