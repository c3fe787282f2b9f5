// `npm start`, as the README tells a newcomer: it prints a URL, the workbench there shows our container, Ctrl+C stops
// every process it started, and a taken port is refused with a clear message.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, launchBrowser, repoRoot } from '../runner';
import { containerTab, e2eResultsDir, requireCodeServer, runCommand, screenshotsDir, sideBarSettled, slug } from './harness';
import { clearNotifications } from './trees';

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

/** Resolves with the first match of `pattern` in the output, as soon as the output holds it; rejects when npm start
 * exits first. `timeoutMs` only bounds a hang. */
function waitForOutput(sandbox: Sandbox, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const streams = [sandbox.child.stdout!, sandbox.child.stderr!];
    const done = (): void => {
      clearTimeout(timer);
      for (const stream of streams) stream.off('data', check);
      sandbox.child.off('exit', exited);
    };
    // Listeners run in the order they were added: the output collector (startSandbox) has already kept this chunk.
    const check = (): void => {
      const match = pattern.exec(sandbox.output());
      if (match) {
        done();
        resolve(match);
      }
    };
    const exited = (): void => {
      done();
      reject(new Error(`npm start exited before printing ${pattern}:\n${sandbox.output()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${pattern} in the sandbox output after ${timeoutMs / 1000} s:\n${sandbox.output()}`));
    }, timeoutMs);
    for (const stream of streams) stream.on('data', check);
    sandbox.child.once('exit', exited);
    check();
    if (sandbox.child.exitCode !== null || sandbox.child.signalCode !== null) exited();
  });
}

/** The "Communications Gateway" output channel's text, opened with Show Log. */
async function extensionLog(page: Page): Promise<string> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Communications Gateway: Show Log');
  const lines = page.locator('.part.panel .view-lines');
  await lines.filter({ hasText: 'Activated' }).waitFor({ timeout: 10_000 });
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
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
  let page: Page | undefined;
  let port = 0;
  let emulatorPort = 0;

  before(async () => {
    requireCodeServer();
    port = await freePort();
    emulatorPort = await freePort();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const dir = path.join(e2eResultsDir, slug(`sandbox ${this.currentTest.title}`));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (sandbox) fs.writeFileSync(path.join(dir, 'npm-start.log'), sandbox.output());
    await page?.screenshot({ path: path.join(dir, 'failure.png'), timeout: 10_000 }).catch(() => undefined);
    // The sandbox's code-server keeps its logs in a temporary folder of npm start's: read our log through the UI.
    if (page) {
      const log = await extensionLog(page).catch((error: unknown) => `(could not read the log: ${String(error)})`);
      fs.writeFileSync(path.join(dir, 'extension-log.txt'), `${log}\n`);
    }
    console.log(`      failure screenshot and logs: ${dir}`);
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

  it('prints a URL whose workbench shows the Communications Gateway container, signed in to the demo tenant', async () => {
    sandbox = startSandbox(port, emulatorPort);
    const [, url] = await waitForOutput(sandbox, /Open in a browser: (http:\/\/127\.0\.0\.1:\d+\/\S*)/, 120_000);
    assert.ok(url.startsWith(`http://127.0.0.1:${port}/`));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    await page.goto(url);
    await containerTab(page).click();
    // The sandbox signs in by itself when the extension activates (acg.sandbox.autoSignIn), so the Gateways view ends
    // with the demo tenant's subscriptions. Its welcome text shows only until then: waiting for it raced the sign-in.
    // The timeout is a safety net: a sign-in may retry a silent authority for about 20 s on a busy machine.
    const gateways = page.locator('.part.sidebar .pane', { has: page.getByRole('button', { name: 'Gateways Section' }) });
    await gateways.getByRole('treeitem', { name: /Contoso Telecom - Voice Production/ }).waitFor({ timeout: 90_000 });
    await gateways.getByRole('treeitem', { name: /Contoso Telecom - Voice Lab/ }).waitFor();
    // The workspace (samples/) lies inside this repository, so Git offers to open it: a toast over the picture.
    await clearNotifications(page);
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
