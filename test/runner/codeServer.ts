// Start and stop code-server (a real VS Code whose workbench runs in a browser) for tests. See
// shared/VSCODE-HOST.md: detached in its own process group, --config so that nothing is written to ~/.config, a short
// --user-data-dir (a unix socket lives inside it), and the whole group killed at the end.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, codeServerConfig, codeServerDir, codeServerEntry } from './paths';

export interface CodeServerOptions {
  /** Extra environment for code-server; the extension host inherits it (NODE_EXTRA_CA_CERTS, emulator settings…). */
  env?: Record<string, string>;
  /** Where extensions are installed; default: a fresh empty folder. */
  extensionsDir?: string;
  /** The folder the workbench opens; default: a fresh empty folder. */
  workspace?: string;
  /** User settings, on top of quiet defaults (no welcome page, no update checks, no workspace trust). */
  settings?: Record<string, unknown>;
  /** Each chunk code-server writes to stdout or stderr. */
  onOutput?: (text: string) => void;
  /** How long to wait for /healthz. */
  startTimeoutMs?: number;
  /** A fixed port (the sandbox); default: a free one. */
  port?: number;
}

export interface CodeServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CodeServer {
  readonly port: number;
  /** "127.0.0.1:<port>": the authority the browser uses, which vscode-remote:// URIs must use too. */
  readonly authority: string;
  readonly origin: string;
  readonly pid: number;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Resolves when the code-server process itself exits. */
  readonly exited: Promise<CodeServerExit>;
  /** Everything code-server printed so far. */
  output(): string;
  /** Kill the whole process group (code-server, extension host, watcher, pty host) and remove the temporary folders. */
  stop(): Promise<void>;
}

const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
};

/** Why code-server cannot be used, or undefined when it is installed at the expected version. */
export function codeServerMissingReason(): string | undefined {
  const packageFile = path.join(codeServerDir, 'node_modules', 'code-server', 'package.json');
  if (!fs.existsSync(codeServerEntry) || !fs.existsSync(packageFile)) {
    return `code-server is not installed in ${codeServerDir}: run \`npm run host:install\``;
  }
  const { version } = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { version?: unknown };
  if (version !== CODE_SERVER_VERSION) {
    return `code-server ${String(version)} is installed, ${CODE_SERVER_VERSION} is expected: run \`npm run host:install\``;
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

/** Kill a process group; false when it no longer exists. */
function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds or `timeoutMs` passes. */
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const missing = codeServerMissingReason();
  if (missing) throw new Error(missing);

  // Short on purpose: /tmp/acg-XXXXXX/u stays far below the 108-character unix socket limit.
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-'));
  const userDataDir = path.join(tmpRoot, 'u');
  const extensionsDir = options.extensionsDir ?? path.join(tmpRoot, 'e');
  const workspace = options.workspace ?? path.join(tmpRoot, 'w');
  // The extension host's sockets (git, IPC hooks) go to TMPDIR: keep them inside tmpRoot, removed on stop().
  const tmpDir = path.join(tmpRoot, 't');
  for (const dir of [path.join(userDataDir, 'User'), path.join(userDataDir, 'Machine'), extensionsDir, workspace, tmpDir]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  // The workbench runs as a remote window: it reads application-, window- and resource-scoped settings from the user
  // settings (User/), and machine-scoped ones (acg.emulator.url, acg.sandbox.autoSignIn, http.systemCertificates) only
  // from the remote machine's settings (Machine/). A machine-scoped key in User/ is dropped as soon as VS Code parses
  // the user settings knowing the key's scope, which depends on when the extension's contributions are registered:
  // the extension then saw the default emulator URL now and then (ECONNREFUSED 127.0.0.1:10443). Both files get every
  // setting, so each is found where its scope says.
  const settings = `${JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2)}\n`;
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), settings);
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), settings);
  if (!fs.existsSync(codeServerConfig)) fs.writeFileSync(codeServerConfig, 'auth: none\ncert: false\n');

  const port = options.port ?? (await freePort());
  const authority = `127.0.0.1:${port}`;
  const args = [
    codeServerEntry,
    '--config', codeServerConfig,
    '--auth', 'none',
    '--bind-addr', authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const child = spawn(process.execPath, args, {
    cwd: tmpRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // No extension gallery: offline, and tests must not depend on a marketplace (open-vsx.org by default).
    env: { ...process.env, TMPDIR: tmpDir, EXTENSIONS_GALLERY: '{}', ...options.env },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');

  // If this process dies without stop(), do not leave the extension host and friends behind.
  const killOnExit = (): void => void killGroup(pid, 'SIGKILL');
  process.on('exit', killOnExit);

  const chunks: string[] = [];
  const collect = (data: Buffer): void => {
    const text = data.toString('utf8');
    chunks.push(text);
    options.onOutput?.(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let hasExited = false;
  const exited = new Promise<CodeServerExit>((resolve) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    });
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (killGroup(pid, 'SIGTERM')) {
        // The group is gone once every member has exited; SIGKILL whatever is left after a grace period.
        const gone = await waitFor(() => !killGroup(pid, 0), 5_000);
        if (!gone) {
          killGroup(pid, 'SIGKILL');
          await waitFor(() => !killGroup(pid, 0), 5_000);
        }
      }
      await exited;
      process.off('exit', killOnExit);
      fs.rmSync(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };

  const up = await waitFor(async () => hasExited || (await healthy(port)), options.startTimeoutMs ?? 30_000);
  if (!up || hasExited) {
    await stop();
    const why = hasExited ? 'exited' : `was not healthy after ${(options.startTimeoutMs ?? 30_000) / 1000} s`;
    throw new Error(`code-server ${why}:\n${chunks.join('')}`);
  }

  return {
    port,
    authority,
    origin: `http://${authority}`,
    pid,
    workspace,
    userDataDir,
    extensionsDir,
    exited,
    output: () => chunks.join(''),
    stop,
  };
}

/** `code-server --install-extension <vsix>` into `extensionsDir`, as a person would install a downloaded .vsix. */
export async function installExtension(vsix: string, extensionsDir: string): Promise<string> {
  const missing = codeServerMissingReason();
  if (missing) throw new Error(missing);
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-i-'));
  try {
    const args = [
      codeServerEntry,
      '--config', codeServerConfig,
      '--user-data-dir', tmpRoot,
      '--extensions-dir', extensionsDir,
      '--install-extension', vsix,
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (output += data.toString('utf8')));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`code-server --install-extension exited with ${code}:\n${output}`);
    return output;
  } finally {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }
}
