// End-to-end: the Gateway Overview webview in the sandbox-like workbench (emulator + code-server + Chromium), signed in
// through the palette as a person would. contoso-prod-gw is opened from its row's context menu and fabrikam-new-gw
// from the palette; each page is checked for real content inside the webview's two iframes and saved as a screenshot
// to look at. Links on the page reveal the matching tree nodes.
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { commandPalette, containerTab } from './harness';
import { clearNotifications, useTreesWorkbench } from './trees';

function row(page: Page, name: string | RegExp): Locator {
  return page.locator('.part.sidebar').getByRole('treeitem', { name });
}

async function expand(page: Page, name: string | RegExp): Promise<Locator> {
  const item = row(page, name).first();
  await item.waitFor({ timeout: 30_000 });
  if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await item.elementHandle());
  return item;
}

/** The page inside the active webview editor (VS Code nests it in two iframes). */
function webview(page: Page): FrameLocator {
  // Webviews are not inside the editor part: VS Code lays them over it from a container of their own.
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Waits until every section of the overview has loaded (no skeleton, nothing busy, the top progress bar gone). */
async function overviewLoaded(frame: FrameLocator, name: string): Promise<void> {
  await frame.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
  await frame.locator('#app:not(.loading) .updated', { hasText: /^Updated [^·]+$/ }).waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator('.skeleton, [aria-busy="true"]').count(), 0, 'every section loaded');
}

/** "Open Gateway Overview" from the gateway row's context menu. */
async function openOverviewFromRow(page: Page, gateway: string): Promise<void> {
  await row(page, new RegExp(`^${gateway}`)).first().click({ button: 'right' });
  // Hover, then Enter: the menu ignores a click that comes too soon after it opened (it guards against the
  // right-click's own mouse-up).
  await page.locator('.context-view .monaco-menu .action-item', { hasText: /^Open Gateway Overview$/ }).hover();
  await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: /^Open Gateway Overview$/ }).waitFor();
  await page.keyboard.press('Enter');
}

async function closeAllEditors(page: Page): Promise<void> {
  const rows = await commandPalette(page, 'View: Close All Editors');
  await rows.filter({ hasText: 'Close All Editors' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('iframe.webview').waitFor({ state: 'detached' });
}

describe('webviews: the Gateway Overview against the emulator', function () {
  this.timeout(180_000);
  const webviewConsole: string[] = [];
  const workbench = useTreesWorkbench('gateway-overview', (emulatorUrl) => ({
    'acg.cloud': 'Emulator',
    'acg.emulator.url': emulatorUrl,
    'http.systemCertificates': false,
    'workbench.tips.enabled': false,
  }));

  it('signs in from the command palette', async () => {
    const { page } = workbench();
    page.on('console', (message) => webviewConsole.push(`${message.text()} @ ${JSON.stringify(message.location())}`));
    await containerTab(page).click();
    const sideBar = page.locator('.part.sidebar');
    for (const name of ['Enterprises Section', 'Numbers Section']) {
      const header = sideBar.getByRole('button', { name });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const rows = await commandPalette(page, 'Communications Gateway: Sign In');
    await rows.filter({ hasText: 'Sign In…' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Sandbox service principal' }).first().click();
    await row(page, /Contoso Telecom - Voice Production/).waitFor({ timeout: 30_000 });
    await clearNotifications(page);
  });

  it('gateway-overview-contoso-prod-gw.png: opened from the row’s context menu; two service locations, record counts, 6 of 6 test lines', async () => {
    const { page } = workbench();
    await expand(page, /Contoso Telecom - Voice Production/);
    await openOverviewFromRow(page, 'contoso-prod-gw');

    const frame = webview(page);
    await overviewLoaded(frame, 'contoso-prod-gw');
    await frame.locator('#essentials').getByText('Complete', { exact: true }).waitFor();
    await frame.locator('#essentials').getByText('cprod7a1b2c3.commsgw.azure.com', { exact: true }).waitFor();
    assert.deepEqual(await frame.locator('#service-locations tbody th').allTextContents(), ['eastus', 'westus2']);
    const [accounts, numbers] = (await frame.locator('#records .stat-value').allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')));
    assert.ok(accounts >= 20, `${accounts} accounts`);
    assert.ok(numbers > 100_000, `${numbers} numbers`);
    assert.deepEqual(await frame.locator('#test-lines .coverage-count').allTextContents(), ['6 of 6 automated', '6 of 6 automated']);
    await frame.locator('#voice').getByText('x-contoso-commsgw-identifier').waitFor();
    await frame.locator('#voice').getByText('Integrated', { exact: true }).waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('gateway-overview-contoso-prod-gw');
    // The lower half, to look at too: voice settings and the service locations' table.
    await frame.locator('#service-locations').scrollIntoViewIfNeeded();
    await workbench().screenshot('gateway-overview-contoso-prod-gw-lower');
  });

  it('gateway-overview-fabrikam-new-gw.png: opened from the palette; warns of 4 of 6 OC test lines', async () => {
    const { page } = workbench();
    await closeAllEditors(page);
    const rows = await commandPalette(page, 'Communications Gateway: Open Gateway Overview');
    await rows.filter({ hasText: 'Open Gateway Overview' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'fabrikam-new-gw' }).first().click({ timeout: 30_000 });

    const frame = webview(page);
    await overviewLoaded(frame, 'fabrikam-new-gw');
    assert.deepEqual(await frame.locator('#test-lines .coverage-count').allTextContents(), ['4 of 6 automated']);
    await frame.locator('#test-lines .message.warning', { hasText: 'OC: 4 of 6 automated test lines (a production deployment needs 6); add 2 more.' }).waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('gateway-overview-fabrikam-new-gw');
  });

  it('a test line link reveals the gateway’s Test lines node in the Gateways view', async () => {
    const { page } = workbench();
    await webview(page).locator('#test-lines').getByRole('button', { name: 'OC1' }).click();
    const testLines = page.locator('.part.sidebar [role="treeitem"][aria-selected="true"]', { hasText: 'Test lines' });
    await testLines.waitFor({ timeout: 15_000 });
    await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await testLines.elementHandle());
    // The selected row is fabrikam-new-gw's: its parent row above it is that gateway.
    await row(page, /^OC4/).waitFor();
  });

  it('gateway-overview-signed-out.png: signed out, the page says so once, and its Sign In… button signs in and reloads it', async () => {
    const { page } = workbench();
    const commands = await commandPalette(page, 'Communications Gateway: Sign Out');
    await commands.filter({ has: page.locator('.label-name', { hasText: /^Communications Gateway: Sign Out$/ }) }).first().click();
    const frame = webview(page);
    const error = frame.locator('#essentials .message.error');
    await error.getByText(/Not signed in/).waitFor({ timeout: 15_000 });
    await frame.locator('#test-lines', { hasText: 'Not available: the gateway could not be read' }).waitFor();
    await clearNotifications(page);
    await page.mouse.move(640, 940);
    await workbench().screenshot('gateway-overview-signed-out');

    await error.locator('vscode-button', { hasText: 'Sign In…' }).click();
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Sandbox service principal' }).first().click();
    // The sign-in change reaches the page, which reads everything again.
    await error.waitFor({ state: 'detached', timeout: 30_000 });
    await overviewLoaded(frame, 'fabrikam-new-gw');
    await frame.locator('#test-lines .coverage-count', { hasText: '4 of 6' }).waitFor();
    await clearNotifications(page);
  });

  it('gateway-overview-contoso-prod-gw-dark.png: the same page follows a dark theme', async () => {
    const { page } = workbench();
    const commands = await commandPalette(page, 'Preferences: Color Theme');
    await commands.filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first().click();
    const themes = page.locator('.quick-input-widget input[placeholder*="Color Theme"]');
    await themes.waitFor();
    await themes.fill('Dark Modern');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().click();
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    await closeAllEditors(page);
    await expand(page, /Contoso Telecom - Voice Production/);
    await openOverviewFromRow(page, 'contoso-prod-gw');
    const frame = webview(page);
    await overviewLoaded(frame, 'contoso-prod-gw');
    // The page's colours come from the theme: the body background is the dark editor background.
    const background = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    assert.equal(background, 'rgb(31, 31, 31)');
    await page.mouse.move(640, 940);
    await workbench().screenshot('gateway-overview-contoso-prod-gw-dark');
  });

  it('comes back after a window reload: the serializer restores the panel, which reads its data again', async () => {
    const { page } = workbench();
    const commands = await commandPalette(page, 'Developer: Reload Window');
    await commands.filter({ has: page.locator('.label-name', { hasText: /^Developer: Reload Window$/ }) }).first().click();
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .tab', { hasText: 'contoso-prod-gw · Overview' }).waitFor({ timeout: 30_000 });
    await overviewLoaded(webview(page), 'contoso-prod-gw');
    await webview(page).locator('#records .stat-value').first().waitFor();
  });

  it('the page loaded under its Content Security Policy without a violation', () => {
    const violations = webviewConsole.filter((line) => /Content Security Policy|Refused to (load|apply|execute)/i.test(line));
    assert.deepEqual(violations, []);
  });
});
