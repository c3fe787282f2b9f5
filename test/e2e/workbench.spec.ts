// End-to-end: the extension under development in the real workbench, driven as a person would, in headless Chromium.
// Screenshots go to test-results/screenshots/; a failing test also leaves test-results/e2e/<test>/.
import * as assert from 'node:assert/strict';
import { repoRoot } from '../runner';
import { commandPalette, containerTab, openWorkbench, requireCodeServer, sideBarSettled, type Workbench } from './harness';

const VIEWS = [
  { name: 'Gateways', welcome: 'Browse your Azure Communications Gateway deployments', button: 'Select Cloud' },
  { name: 'Enterprises', welcome: 'Enterprises that asked for your Operator Connect service', button: 'Open Settings' },
  { name: 'Numbers', welcome: 'Telephone numbers of the selected account or gateway', button: 'Learn about number management' },
] as const;

const COMMANDS = ['Select Cloud…', 'Show Log', 'Open Settings'] as const;

describe('workbench: the extension in code-server + Chromium', function () {
  this.timeout(60_000);
  let workbench: Workbench | undefined;

  before(async () => {
    requireCodeServer();
    workbench = await openWorkbench({ extensionDevelopmentPath: repoRoot });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const dir = await workbench.saveFailure(`workbench ${this.currentTest.title}`);
      console.log(`      failure screenshot and logs: ${dir}`);
    }
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the Communications Gateway container with its three views and their welcome content', async () => {
    const { page } = workbench!;
    await containerTab(page).click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar.locator('.composite.title', { hasText: 'Communications Gateway' }).waitFor();
    for (const view of VIEWS) {
      const pane = sideBar.locator('.pane', { has: page.getByRole('button', { name: `${view.name} Section` }) });
      await pane.locator('.welcome-view-content', { hasText: view.welcome }).waitFor();
      await pane.getByRole('button', { name: view.button }).waitFor();
    }
    await sideBarSettled(page);
    await workbench!.screenshot('container-views');
  });

  it('lists the commands under the Communications Gateway category in the command palette', async () => {
    const { page } = workbench!;
    const rows = await commandPalette(page, 'Communications Gateway');
    for (const title of COMMANDS) {
      await rows.filter({ hasText: `Communications Gateway: ${title}` }).first().waitFor();
    }
    await workbench!.screenshot('command-palette');
    const labels = await rows.locator('.label-name').allTextContents();
    for (const title of COMMANDS) assert.ok(labels.includes(`Communications Gateway: ${title}`), labels.join(' | '));
    await page.keyboard.press('Escape');
  });

  it('Select Cloud… offers the clouds in a quick pick', async () => {
    const { page } = workbench!;
    const rows = await commandPalette(page, 'Communications Gateway: Select Cloud');
    await rows.filter({ hasText: 'Select Cloud…' }).first().waitFor();
    await page.keyboard.press('Enter');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Select Cloud' }).waitFor();
    const clouds = widget.locator('.quick-input-list .monaco-list-row');
    // AzureCloud, AzureUSGovernment, AzureChinaCloud and Emulator, as the acg.cloud setting enumerates them.
    await clouds.nth(3).waitFor();
    assert.equal(await clouds.count(), 4);
    await clouds.filter({ hasText: 'Emulator' }).waitFor();
    await workbench!.screenshot('select-cloud');
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });

  it('Show Log opens the "Communications Gateway" output with the activation message', async () => {
    const { page } = workbench!;
    const rows = await commandPalette(page, 'Communications Gateway: Show Log');
    await rows.filter({ hasText: 'Show Log' }).first().waitFor();
    await page.keyboard.press('Enter');
    const panel = page.locator('.part.panel');
    await panel.locator('.view-lines', { hasText: 'Activated' }).waitFor();
    await workbench!.screenshot('show-log');
  });
});
