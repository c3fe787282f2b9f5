// `npm start`, as the README tells a newcomer: it prints a URL, the workbench there shows our container, Ctrl+C stops
// every process it started, and a taken port is refused with a clear message.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser, repoRoot } from '../runner';
import { containerTab, requireCodeServer, screenshotsDir, sideBarSettled } from './harness';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Sandbox {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Like a terminal: npm in its own process group, so that Ctrl+C (SIGINT to the group) reaches everything. */
function startSandbox(port: number, emulatorPort: number): Sandbox {
  const child = spawn('npm', ['start', '--', '--port', String(port), '--emulator-port', String(emulatorPort)], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitForOutput(sandbox: Sandbox, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(sandbox.output());
    if (match) return match;
    if (Date.now() > deadline || sandbox.child.exitCode !== null) {
      throw new Error(`no ${pattern} in the sandbox output:\n${sandbox.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('sandbox: npm start', function () {
  this.timeout(180_000);
  let sandbox: Sandbox | undefined;
  let browser: Browser | undefined;
  let port = 0;
  let emulatorPort = 0;

  before(async () => {
    requireCodeServer();
    port = await freePort();
    emulatorPort = await freePort();
  });

  after(async () => {
    await browser?.close();
    if (sandbox && sandbox.child.exitCode === null && sandbox.child.signalCode === null) {
      try {
        process.kill(-sandbox.child.pid!, 'SIGKILL');
      } catch {
        // Already gone between the check and the kill.
      }
      await sandbox.exited;
    }
  });

  it('prints a URL whose workbench shows the Communications Gateway container', async () => {
    sandbox = startSandbox(port, emulatorPort);
    const [, url] = await waitForOutput(sandbox, /Open in a browser: (http:\/\/127\.0\.0\.1:\d+\/\S*)/, 120_000);
    assert.ok(url.startsWith(`http://127.0.0.1:${port}/`));
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    await page.goto(url);
    await containerTab(page).click();
    await page.getByText('Browse your Azure Communications Gateway deployments').waitFor();
    await sideBarSettled(page);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'sandbox.png') });
  });

  it('refuses clearly when its port is taken', async () => {
    const second = startSandbox(port, await freePort());
    const code = await second.exited;
    assert.equal(code, 1);
    assert.match(second.output(), new RegExp(`Port ${port} \\(code-server\\) is already in use`));
  });

  it('stops every process it started on Ctrl+C', async () => {
    assert.ok(sandbox);
    process.kill(-sandbox.child.pid!, 'SIGINT');
    await sandbox.exited;
    assert.equal(await portInUse(port), false, 'code-server is gone');
    assert.equal(await portInUse(emulatorPort), false, 'the emulator is gone');
    let groupAlive = true;
    try {
      process.kill(-sandbox.child.pid!, 0);
    } catch {
      groupAlive = false;
    }
    assert.equal(groupAlive, false, 'no process of the group is left');
  });
});
