// End-to-end harness: code-server with the extension, the workbench in headless Chromium, screenshots and, on
// failure, a screenshot plus the window's console and code-server's logs (server, extension host, our log channel).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  codeServerMissingReason,
  exposeAutomation,
  launchBrowser,
  saveServerLogs,
  startCodeServer,
  testResultsDir,
  workbenchUrl,
  type CodeServer,
} from '../runner';

export const screenshotsDir = path.join(testResultsDir, 'screenshots');
export const e2eResultsDir = path.join(testResultsDir, 'e2e');

/** The container's title in the activity bar, and its views, as package.json contributes them. */
export const CONTAINER_TITLE = 'Communications Gateway';

export interface WorkbenchOptions {
  /** Load this folder as the extension under development (payload extensionDevelopmentPath). */
  extensionDevelopmentPath?: string;
  /** Use extensions installed here (for the packaged .vsix). */
  extensionsDir?: string;
  env?: Record<string, string>;
  /** The folder the workbench opens; default: a fresh empty folder. */
  workspace?: string;
  /** User settings for the run, on top of the runner's quiet defaults. */
  settings?: Record<string, unknown>;
}

export interface Workbench {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Saves a screenshot, the window's console and code-server's logs under test-results/e2e/<name>/. */
  saveFailure(name: string): Promise<string>;
  close(): Promise<void>;
}

/** End-to-end tests are asked for explicitly (npm run test:e2e): without code-server they fail, saying why. */
export function requireCodeServer(): void {
  const missing = codeServerMissingReason();
  if (missing) throw new Error(missing);
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const browserPromise = launchBrowser();
  browserPromise.catch(() => undefined);
  const server = await startCodeServer({
    extensionsDir: options.extensionsDir,
    env: options.env,
    workspace: options.workspace,
    settings: options.settings,
  });
  let browser: Browser | undefined;
  try {
    browser = await browserPromise;
    // Tall enough for the three views' welcome content to show in full.
    const context = await browser.newContext({ viewport: { width: 1280, height: 960 } });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
    // Not a test run, so the workbench never calls codeAutomationExit; its log lines still arrive here.
    await exposeAutomation(page, {
      onLog: (type, text) => consoleLines.push(`[${type}] ${text}`),
      onExit: () => undefined,
    });
    await page.goto(workbenchUrl(server, { extensionDevelopmentPath: options.extensionDevelopmentPath }));
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 30_000 });

    const opened = browser;
    return {
      server,
      browser: opened,
      page,
      async screenshot(name) {
        fs.mkdirSync(screenshotsDir, { recursive: true });
        const file = path.join(screenshotsDir, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async saveFailure(name) {
        const dir = path.join(e2eResultsDir, slug(name));
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, 'failure.png'), timeout: 10_000 }).catch(() => undefined);
        fs.writeFileSync(path.join(dir, 'window-console.txt'), `${consoleLines.join('\n')}\n`);
        fs.writeFileSync(path.join(dir, 'code-server.log'), server.output());
        saveServerLogs(server, path.join(dir, 'server-logs'));
        return dir;
      },
      async close() {
        await opened.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}

/** The activity bar entry of our container. */
export function containerTab(page: Page): Locator {
  return page.getByRole('tab', { name: CONTAINER_TITLE });
}

/** Opens the command palette with ">" + `filter`, and returns its rows. */
export async function commandPalette(page: Page, filter: string): Promise<Locator> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${filter}`);
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

/** A regular expression that matches exactly `text`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Runs the command palette entry with exactly this label (clicked: Enter would run whichever row is first, and
 * "File: Open File..." is not first). */
export async function runCommand(page: Page, label: string): Promise<void> {
  const rows = await commandPalette(page, label);
  await rows.filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first().click();
}

/**
 * Opens `file` (an absolute path) in an editor through "File: Open File...", and returns its active tab. code-server
 * shows VS Code's simple file dialog, which reads the file system as it is now. Quick Open (Ctrl+P) does not: it
 * searches a file index that is built once and cached between searches, so a file written during a test may be
 * missing from it ("No matching results").
 */
export async function openFile(page: Page, file: string): Promise<Locator> {
  await runCommand(page, 'File: Open File...');
  const dialog = page.locator('.quick-input-widget');
  await dialog.locator('.quick-input-title', { hasText: exactly('Open File') }).waitFor();
  // The dialog first lists its start folder, and then replaces whatever was typed with that folder's path. Its ".."
  // row is set in the same step, so once it shows, what we type stays.
  const rows = dialog.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ has: page.locator('.label-name', { hasText: exactly('..') }) }).first().waitFor();
  const input = dialog.locator('.quick-input-box input');
  await input.fill(file);
  // Typing a path makes the dialog list the file's folder: the file's row proves it has read what we typed.
  const name = path.basename(file);
  await rows.filter({ has: page.locator('.label-name', { hasText: exactly(name) }) }).first().waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  const tab = page.locator('.part.editor .tabs-container .tab.active', { has: page.locator('.label-name', { hasText: exactly(name) }) });
  await tab.waitFor();
  return tab;
}

/** Waits until the side bar has settled: no view still loading (the extension activates when its views open). */
export async function sideBarSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.part.sidebar .monaco-progress-container.active').length === 0);
  // Move the pointer off the activity bar and let its hover go, so that no tooltip covers the views in a screenshot.
  await page.mouse.move(800, 600);
  await page.locator('.workbench-hover-container').waitFor({ state: 'detached' });
}

/**
 * Hovers `target` until `tooltip` shows. The tooltip is built on hover (resolveTreeItem) and appears after the hover
 * delay, and only for a pointer that moved onto the row, so each attempt leaves the row and comes back, in steps.
 */
export async function hoverUntil(page: Page, target: Locator, tooltip: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(900, 700);
    const box = await target.boundingBox();
    if (box) await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2, { steps: 6 });
    try {
      await tooltip.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}
