// End-to-end: the Enterprises and Numbers views in a sandbox-like workbench (emulator + code-server + Chromium),
// signed in automatically as the sandbox does, the gateway picked from the command palette as a person would, and
// four screenshots to look at: the Enterprises tree at the demo tenant, the Numbers view with its first page and
// "Load more…", a failed number's tooltip, and the relationship-status quick pick.
import type { Locator, Page } from 'playwright-core';
import { commandPalette, containerTab, hoverUntil, sideBarSettled } from './harness';
import { clearNotifications, sandboxSettings, useTreesWorkbench, widenSideBar } from './trees';

/** A view's header. Found by its title, not its accessible name: that name grows with the view's description. */
function header(page: Page, title: string, within = '.part.sidebar '): Locator {
  return page.locator(`${within}.pane-header`, { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

function pane(page: Page, title: string): Locator {
  // `has` looks inside each pane, so the header is matched relative to it.
  return page.locator('.part.sidebar .pane', { has: header(page, title, '') });
}

function row(page: Page, view: string, name: string | RegExp): Locator {
  return pane(page, view).getByRole('treeitem', { name });
}

/** Opens or folds a view's section of the side bar. */
async function setSection(page: Page, title: string, open: boolean): Promise<void> {
  const section = header(page, title);
  if (((await section.getAttribute('aria-expanded')) === 'true') !== open) await section.click();
}

/** Expands a collapsed row (a click toggles it) and waits until VS Code says it is expanded. */
async function expand(page: Page, view: string, name: string | RegExp): Promise<Locator> {
  const item = row(page, view, name).first();
  await item.waitFor({ timeout: 30_000 });
  if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await item.elementHandle());
  return item;
}

describe('trees: the Enterprises and Numbers views against the emulator', function () {
  this.timeout(120_000);
  // As npm start configures its sandbox (signed in automatically), with short pages so "Load more…" shows.
  const workbench = useTreesWorkbench('trees-enterprises', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
    'acg.numbers.pageSize': 20,
  }));

  it('selects contoso-prod-gw from the command palette once signed in', async () => {
    const { page } = workbench();
    await containerTab(page).click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar.locator('.composite.title', { hasText: 'Communications Gateway' }).waitFor();
    // Signed in automatically: the Enterprises view then offers "Select Gateway…" in its welcome content.
    // A safety net, not a pace: the automatic sign-in may retry a silent authority for about 20 s.
    await pane(page, 'Enterprises').getByRole('button', { name: 'Select Gateway…' }).waitFor({ timeout: 90_000 });
    await setSection(page, 'Gateways', false);
    await setSection(page, 'Numbers', false);
    // Widen the side bar, so descriptions are readable.
    await widenSideBar(page, 380);
    const rows = await commandPalette(page, 'Communications Gateway: Select Gateway');
    await rows.filter({ hasText: 'Select Gateway…' }).first().waitFor();
    await page.keyboard.press('Enter');
    const gateways = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await gateways.filter({ hasText: 'contoso-prod-gw' }).first().click({ timeout: 30_000 });
    await row(page, 'Enterprises', /^contoso-prod-gw/).waitFor({ timeout: 30_000 });
    await clearNotifications(page);
  });

  it('enterprises-view.png: requests grouped by relationship status with counts, accounts, civic addresses', async () => {
    const { page } = workbench();
    await row(page, 'Enterprises', /^No status yet/).waitFor({ timeout: 30_000 });
    await expand(page, 'Enterprises', /^Customer contacted/);
    await row(page, 'Enterprises', /^Tailspin Toys/).waitFor();
    await expand(page, 'Enterprises', /^Contract terminated/);
    await expand(page, 'Enterprises', /^Fabrikam-Finance/);
    await expand(page, 'Enterprises', /^Civic addresses/);
    await row(page, 'Enterprises', /^Fabrikam Seattle sales office/).waitFor();
    await sideBarSettled(page);
    await workbench().screenshot('enterprises-view');
  });

  it('relationship-quickpick.png: Update Relationship Status… on a request offers the five statuses', async () => {
    const { page } = workbench();
    const tailspin = row(page, 'Enterprises', /^Tailspin Toys/).first();
    await tailspin.hover();
    await tailspin.locator('.action-label[aria-label^="Update Relationship Status"]').click();
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Relationship with Tailspin Toys' }).waitFor({ timeout: 30_000 });
    const items = widget.locator('.quick-input-list .monaco-list-row');
    await items.nth(4).waitFor();
    await items.filter({ hasText: 'Contract terminated' }).waitFor();
    await workbench().screenshot('relationship-quickpick');
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });

  it('numbers-view.png: Show Numbers on Northwind-Bulk lists its first page of 100,000 with Load more…', async () => {
    const { page } = workbench();
    // The account's inline action (the same command as its "Show Numbers" row and context menu).
    const account = row(page, 'Enterprises', /^Northwind-Bulk/).first();
    await account.hover();
    await account.locator('.action-label[aria-label="Show Numbers"]').click();
    await row(page, 'Numbers', /^Northwind-Bulk/).waitFor({ timeout: 30_000 });
    await setSection(page, 'Enterprises', false);
    await row(page, 'Numbers', /^Load more… \(20 of 99,980 remaining\)/).waitFor({ timeout: 30_000 });
    await row(page, 'Numbers', /^Northwind-Bulk/).first().locator('.label-description', { hasText: '20 of 100,000' }).waitFor();
    await sideBarSettled(page);
    await workbench().screenshot('numbers-view');
  });

  it('number-failed-tooltip.png: filtered to +44203000005…, the failed number shows its errors on hover', async () => {
    const { page } = workbench();
    const rows = await commandPalette(page, 'Communications Gateway: Filter Numbers');
    await rows.filter({ hasText: 'Filter Numbers…' }).first().waitFor();
    await page.keyboard.press('Enter');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Number prefix…' }).click();
    await widget.locator('input').fill('+44203000005');
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    const failed = row(page, 'Numbers', /^\+442030000050/).first();
    await failed.waitFor({ timeout: 30_000 });
    await sideBarSettled(page);
    await hoverUntil(page, failed.locator('.label-name'), page.locator('.workbench-hover-container, .monaco-hover', { hasText: 'NumberAlreadyAcquired' }).first());
    await workbench().screenshot('number-failed-tooltip');
  });
});
