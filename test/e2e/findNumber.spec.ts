// End-to-end: Find Number… in a sandbox-like workbench (emulator + code-server + Chromium), signed in automatically,
// with no gateway selected. Two screenshots to look at: the input box showing the E.164 form of a number typed in a
// mixed format, and the Numbers view after the search, switched to contoso-prod-gw's Northwind-Bulk account,
// filtered to the number, with its row selected and the answer in a notification.
import type { Locator, Page } from 'playwright-core';
import { commandPalette, containerTab, sideBarSettled } from './harness';
import { clearNotifications, sandboxSettings, useTreesWorkbench, widenSideBar } from './trees';

function header(page: Page, title: string, within = '.part.sidebar '): Locator {
  return page.locator(`${within}.pane-header`, { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

function pane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane', { has: header(page, title, '') });
}

async function setSection(page: Page, title: string, open: boolean): Promise<void> {
  const section = header(page, title);
  if (((await section.getAttribute('aria-expanded')) === 'true') !== open) await section.click();
}

describe('Find Number… against the emulator', function () {
  this.timeout(120_000);
  const workbench = useTreesWorkbench('find-number', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
  }));

  it('find-number-input.png: the input box shows the E.164 form of a mixed-format number as it is typed', async () => {
    const { page } = workbench();
    await containerTab(page).click();
    // Signed in automatically (the safety net covers the automatic sign-in's retries), no gateway selected.
    await pane(page, 'Enterprises').getByRole('button', { name: 'Select Gateway…' }).waitFor({ timeout: 90_000 });
    await setSection(page, 'Gateways', false);
    await setSection(page, 'Enterprises', false);
    await setSection(page, 'Numbers', true);
    await widenSideBar(page, 380);
    await clearNotifications(page);
    const rows = await commandPalette(page, 'Communications Gateway: Find Number');
    await rows.filter({ hasText: 'Find Number…' }).first().waitFor();
    await page.keyboard.press('Enter');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Find Number' }).waitFor();
    await widget.locator('input').fill('0044 (0)20 3000-1234');
    await widget.locator('.quick-input-message', { hasText: 'Searches for +442030001234.' }).waitFor();
    await workbench().screenshot('find-number-input');
  });

  it('find-number-revealed.png: the number selected in the Numbers view under contoso-prod-gw / Northwind-Bulk, with its state', async () => {
    const { page } = workbench();
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: '+442030001234 is on contoso-prod-gw' }).waitFor({ timeout: 60_000 });
    const numberRow = pane(page, 'Numbers').getByRole('treeitem', { name: /^\+442030001234/ }).first();
    await numberRow.waitFor({ timeout: 30_000 });
    await page.waitForFunction((element) => element?.getAttribute('aria-selected') === 'true', await numberRow.elementHandle());
    await sideBarSettled(page);
    await workbench().screenshot('find-number-revealed');
  });
});
