// Headless Debian Chromium through playwright-core (never `playwright install`: it downloads a browser), the
// workbench URL with its payload, and the automation hooks the workbench calls when a test run ends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { chromiumPath } from './paths';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run \`npm run host:install\` (Debian package chromium)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface WorkbenchPayload {
  /** Absolute path of the extension under development (on the code-server machine, which is this one). */
  extensionDevelopmentPath?: string;
  /** Absolute path of the built test entry, with or without ".js". */
  extensionTestsPath?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'off';
}

/** http://127.0.0.1:<port>/?folder=…&payload=… — the payload's URIs must use the authority the browser uses. */
export function workbenchUrl(server: CodeServer, payload: WorkbenchPayload = {}): string {
  const remote = (absolutePath: string): string => `vscode-remote://${server.authority}${absolutePath}`;
  const entries: [string, string][] = [['skipWelcome', 'true']];
  if (payload.extensionDevelopmentPath) {
    entries.push(['extensionDevelopmentPath', remote(path.resolve(payload.extensionDevelopmentPath))]);
  }
  if (payload.extensionTestsPath) {
    entries.push(['extensionTestsPath', remote(path.resolve(payload.extensionTestsPath).replace(/\.js$/, ''))]);
  }
  if (payload.logLevel) entries.push(['logLevel', payload.logLevel]);
  const query = `folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  return `${server.origin}/?${query}`;
}

/** One of the window's log files, as the workbench hands them to codeAutomationExit. */
export interface WindowLog {
  relativePath: string;
  contents: string;
}

export interface AutomationHandlers {
  /** The extension host's console output (mocha's report), one formatted message at a time. */
  onLog: (type: string, text: string) => void;
  /** The test run ended. Beware: a crashed extension host also reports 0. */
  onExit: (code: number, logs: WindowLog[]) => void;
}

function toWindowLogs(value: unknown): WindowLog[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { relativePath, contents } = item as Record<string, unknown>;
    return typeof relativePath === 'string' && typeof contents === 'string' ? [{ relativePath, contents }] : [];
  });
}

/** Must run before page.goto: the workbench looks for these functions on window when it starts. */
export async function exposeAutomation(page: Page, handlers: AutomationHandlers): Promise<void> {
  await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
    const list: unknown[] = Array.isArray(args) ? args : [args];
    handlers.onLog(String(type), format(...list));
  });
  await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
    handlers.onExit(typeof code === 'number' ? code : Number(code), toWindowLogs(logs));
  });
}

/** Writes the window logs under `dir`, keeping their relative paths (never outside `dir`). */
export function saveWindowLogs(dir: string, logs: WindowLog[]): void {
  for (const log of logs) {
    const target = path.resolve(dir, log.relativePath.replace(/^[/\\]+/, ''));
    if (!target.startsWith(path.resolve(dir) + path.sep)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, log.contents);
  }
}

/** Copies code-server's own log folder (server, remote extension host, …) into `dir`. */
export function saveServerLogs(server: CodeServer, dir: string): void {
  const logs = path.join(server.userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, dir, { recursive: true });
}
