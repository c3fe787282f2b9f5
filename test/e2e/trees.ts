// Shared by the trees-*.spec.ts suites: the sandbox-like workbench (emulator + code-server + Chromium) opened once per
// suite, a failure screenshot and logs for a failed test, and the side bar chores before a screenshot.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RuntimeConfig } from '../../emulator/context';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../emulator/seed/ids';
import { repoRoot } from '../runner';
import { commandPalette, e2eResultsDir, openWorkbench, requireCodeServer, type Workbench } from './harness';

/** The settings of the sandbox (`npm start`) for a workbench on `emulatorUrl`: the Emulator cloud, signed in on start. */
export function sandboxSettings(emulatorUrl: string): Record<string, unknown> {
  return {
    'acg.cloud': 'Emulator',
    'acg.emulator.url': emulatorUrl,
    'acg.sandbox.autoSignIn': true,
    // VS Code's system-certificate support replaces Node's CA list and drops NODE_EXTRA_CA_CERTS (the emulator's CA).
    'http.systemCertificates': false,
    'workbench.tips.enabled': false,
  };
}

/**
 * Registers the suite's hooks: before, an emulator (data under test-results/e2e/<name>-emulator) and a workbench with
 * the sandbox service principal in its environment and `settings(emulatorUrl)` as user settings; after each failed
 * test, its screenshot and logs; after, both closed. Returns the open workbench. `emulatorConfig` overrides the
 * emulator's quick defaults (a spec that photographs numbers while pending needs them pending for longer).
 */
export function useTreesWorkbench(name: string, settings: (emulatorUrl: string) => Record<string, unknown>, emulatorConfig: Partial<RuntimeConfig> = {}): () => Workbench {
  let emulator: RunningEmulator | undefined;
  let workbench: Workbench | undefined;
  // What the emulator saw, with times, for a failed test's logs: whether a request arrived, when, and what it got.
  const emulatorLog: string[] = [];
  const note = (line: string): void => void emulatorLog.push(`${new Date().toISOString()} ${line}`);

  before(async () => {
    requireCodeServer();
    const dir = path.join(e2eResultsDir, `${name}-emulator`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    emulator = await startEmulator({ port: 0, dataDir: dir, config: { syncDelayMs: 200, armOperationDelayMs: 200, deviceCodeAutoApproveMs: 0, ...emulatorConfig }, log: note });
    emulator.onExchange((e) => note(`${e.method} ${e.path} → ${e.status}`));
    workbench = await openWorkbench({
      extensionDevelopmentPath: repoRoot,
      env: {
        NODE_EXTRA_CA_CERTS: emulator.caPath,
        ACG_SANDBOX_TENANT_ID: DEMO_TENANT_ID,
        ACG_SANDBOX_CLIENT_ID: OPERATOR_CLIENT_ID,
        ACG_SANDBOX_CLIENT_SECRET: OPERATOR_CLIENT_SECRET,
        // MSAL says why a sign-in failed (which request, which error) only at this level; it lands in code-server.log.
        AZURE_LOG_LEVEL: process.env.AZURE_LOG_LEVEL ?? 'verbose',
      },
      settings: settings(emulator.url),
    });
  });

  afterEach(async function () {
    // ACG_E2E_KEEP_LOGS=1 keeps them for passing tests too (to look at timings, or at a retry that rescued a test).
    const failed = this.currentTest?.state === 'failed';
    if ((failed || process.env.ACG_E2E_KEEP_LOGS === '1') && workbench && this.currentTest) {
      const dir = await workbench.saveFailure(`${name} ${this.currentTest.title}`);
      fs.writeFileSync(path.join(dir, 'emulator.log'), `${emulatorLog.join('\n')}\n`);
      if (failed) console.log(`      failure screenshot and logs: ${dir}`);
    }
  });

  after(async () => {
    await workbench?.close();
    await emulator?.stop();
  });

  return () => {
    if (!workbench) throw new Error('the workbench did not open');
    return workbench;
  };
}

/** Widens the side bar by dragging its edge `by` pixels to the right, so descriptions are readable. */
export async function widenSideBar(page: Page, by: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + by, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  }
}

/** Clears the notifications (a "Signed in" toast would cover part of the screenshots). */
export async function clearNotifications(page: Page): Promise<void> {
  const clear = await commandPalette(page, 'Notifications: Clear All Notifications');
  await clear.first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.notification-toast').waitFor({ state: 'detached' });
}
