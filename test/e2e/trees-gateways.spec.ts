// End-to-end: the Gateways view in the sandbox-like workbench (emulator + code-server + Chromium), signed in through the
// command palette as a person would, and two screenshots to look at: the expanded tree, and the test line warning on
// fabrikam-new-gw with its tooltip.
import type { Locator, Page } from 'playwright-core';
import { commandPalette, containerTab, hoverUntil, sideBarSettled } from './harness';
import { clearNotifications, useTreesWorkbench, widenSideBar } from './trees';

function row(page: Page, name: string | RegExp): Locator {
  return page.locator('.part.sidebar').getByRole('treeitem', { name });
}

/** Expands a collapsed row (a click toggles it) and waits until VS Code says it is expanded. */
async function expand(page: Page, name: string | RegExp): Promise<Locator> {
  const item = row(page, name).first();
  await item.waitFor();
  if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
  await page.locator('.part.sidebar [role="treeitem"][aria-expanded="true"]', { has: page.locator('.label-name', { hasText: typeof name === 'string' ? name : undefined }) }).first().waitFor();
  return item;
}

describe('trees: the Gateways view against the emulator', function () {
  this.timeout(120_000);
  // As npm start configures its sandbox, minus the automatic sign-in: this test signs in through the palette.
  const workbench = useTreesWorkbench('trees-gateways', (emulatorUrl) => ({
    'acg.cloud': 'Emulator',
    'acg.emulator.url': emulatorUrl,
    'http.systemCertificates': false,
    'workbench.tips.enabled': false,
  }));

  it('signs in from the command palette and shows the demo tenant’s subscriptions', async () => {
    const { page } = workbench();
    await containerTab(page).click();
    const sideBar = page.locator('.part.sidebar');
    // Give the Gateways view the whole side bar: fold Enterprises and Numbers, and widen the side bar for descriptions.
    for (const name of ['Enterprises Section', 'Numbers Section']) {
      const header = sideBar.getByRole('button', { name });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    await widenSideBar(page, 330);
    const rows = await commandPalette(page, 'Communications Gateway: Sign In');
    await rows.filter({ hasText: 'Sign In…' }).first().waitFor();
    await page.keyboard.press('Enter');
    const methods = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await methods.filter({ hasText: 'Sandbox service principal' }).first().click();
    // A safety net, not a pace: sign-in may retry a silent authority for about 20 s before it answers either way.
    await row(page, /Contoso Telecom - Voice Production/).waitFor({ timeout: 90_000 });
    await row(page, /Contoso Telecom - Voice Lab/).waitFor();
    // The "Signed in" toast would cover part of the screenshots. It comes after the tree has its rows (the tree follows
    // the session's change event, the toast follows the command), so wait for it before clearing.
    await page.locator('.notification-toast', { hasText: 'Signed in to Emulator' }).waitFor();
    await clearNotifications(page);
  });

  it('gateways-view.png: subscription → gateways with status → service locations and test lines', async () => {
    const { page } = workbench();
    await expand(page, /Contoso Telecom - Voice Lab/);
    await row(page, /contoso-lab-gw/).waitFor();
    await expand(page, /Contoso Telecom - Voice Production/);
    await expand(page, /^contoso-prod-gw/);
    await expand(page, /^Service locations/);
    await expand(page, /^eastus/);
    await row(page, /^198\.51\.100\.10/).waitFor();
    await expand(page, /^Test lines/);
    await row(page, /^TPM6/).waitFor();
    await row(page, /^fabrikam-new-gw/).waitFor();
    await sideBarSettled(page);
    await workbench().screenshot('gateways-view');
  });

  it('testline-warning.png: fabrikam-new-gw’s Test lines warn (4 of 6 automated OC lines), with the tooltip', async () => {
    const { page } = workbench();
    // Start from a folded tree so that only fabrikam-new-gw's rows are open.
    await page.locator('.part.sidebar .pane-header', { hasText: 'Gateways' }).hover();
    await page.locator('.part.sidebar .pane-header', { hasText: 'Gateways' }).getByRole('button', { name: /Collapse All/ }).click();
    await expand(page, /Contoso Telecom - Voice Production/);
    await expand(page, /^fabrikam-new-gw/);
    const group = row(page, /^Test lines/).first();
    await group.waitFor();
    // The warning decoration: VS Code draws the "!" badge as CSS ::after content on the row's label.
    // (A string, so that the test's transpiler adds no helpers the browser lacks.)
    await page.waitForFunction(
      '(row) => [row, ...row.querySelectorAll("*")].some((e) => getComputedStyle(e, "::after").content.includes("!"))',
      await group.elementHandle(),
    );
    await expand(page, /^Test lines/);
    await row(page, /^OC4/).waitFor();
    // The row was just clicked, so the pointer is on it already: hoverUntil leaves it and comes back.
    await hoverUntil(page, group.locator('.label-name'), page.locator('.workbench-hover-container, .monaco-hover', { hasText: 'OC: 4 of 6 automated test lines' }).first());
    await workbench().screenshot('testline-warning');
  });
});
