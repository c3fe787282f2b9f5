// The processes the reliability run drives: the emulator (dist/emulator.js) as its own process, and the real CLI
// (dist/cli.js) as a child that can be SIGKILLed when its journal has grown to a chosen line.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
const EMULATOR = join(ROOT, 'dist', 'emulator.js');

export interface EmulatorProcess {
  readonly url: string;
  readonly caPath: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts dist/emulator.js on a free port; resolves once it prints where it listens and where its CA is. */
export function startEmulatorProcess(dataDir: string, flags: readonly string[]): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [EMULATOR, '--port', '0', '--data-dir', dataDir, '--quiet', ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    const failed = (code: number | null) => reject(new Error(`The emulator exited (code ${code}) before it listened: ${text}`));
    child.once('exit', failed);
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const url = /listening on (https:\/\/\S+)/.exec(text)?.[1];
      const caPath = /CA certificate: (\S+)/.exec(text)?.[1];
      if (url === undefined || caPath === undefined) return;
      child.off('exit', failed);
      resolve({
        url,
        caPath,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** A call to the emulator's admin endpoints (loopback, no token), trusting its CA. */
export function admin(emulator: EmulatorProcess, ca: string, method: string, path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${emulator.url}/_admin${path}`, { method, ca, headers: payload ? { 'content-type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} /_admin${path}: ${res.statusCode} ${text}`));
        else resolve(text === '' ? undefined : (JSON.parse(text) as unknown));
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface CliRun {
  readonly code: number | null;
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where to kill: once the journal holds `count` complete lines of type `type`. */
export interface KillPoint {
  readonly type: 'sending' | 'answered';
  readonly count: number;
}

/**
 * Runs `node dist/cli.js <args>`; with `kill`, watches `journal` grow (reading only what was appended) and SIGKILLs
 * the process once the chosen line is there. The process may get a little further before the signal lands: where
 * it really stopped is read back from the journal by the caller.
 */
export function runCli(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; journal?: string; kill?: KillPoint }): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  const { kill, journal } = options;
  if (kill && journal) {
    let offset = 0;
    let partial = '';
    let seen = 0;
    const buffer = Buffer.alloc(1 << 16);
    timer = setInterval(() => {
      if (killed || !existsSync(journal)) return;
      const fd = openSync(journal, 'r');
      try {
        for (let read = readSync(fd, buffer, 0, buffer.length, offset); read > 0; read = readSync(fd, buffer, 0, buffer.length, offset)) {
          offset += read;
          partial += buffer.toString('utf8', 0, read);
        }
      } finally {
        closeSync(fd);
      }
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.includes(`"type":"${kill.type}"`)) seen += 1;
      if (seen >= kill.count) {
        killed = child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 1);
  }
  return new Promise((resolve) => {
    // A process that could not even start (spawn failed) ends like one that exited: the caller reports its stderr.
    child.once('error', (error) => {
      if (timer) clearInterval(timer);
      resolve({ code: null, killed, stdout, stderr: `${stderr}${error.message}` });
    });
    child.once('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve({ code, killed, stdout, stderr });
    });
  });
}
