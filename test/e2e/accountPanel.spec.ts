// End-to-end: the Account panel in the sandbox-like workbench (emulator + code-server + Chromium), signed in
// automatically as the sandbox does and contoso-prod-gw picked from the palette. Fabrikam-Finance is opened from its
// row's context menu: its overview with counts, its civic addresses with the numbers that use them, the edit form and
// VS Code's modal confirmation of the exact change. Wingtip-Toys is opened from the palette and deleted with its
// numbers: the page first says the service would refuse without deleteNumbers, then the modal names the account and
// its count. Screenshots of each step to look at; the panel comes back after a window reload.
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { commandPalette, containerTab, runCommand } from './harness';
import { clearNotifications, sandboxSettings, useTreesWorkbench, widenSideBar } from './trees';

function enterprisesRow(page: Page, name: string | RegExp): Locator {
  return page.locator('.part.sidebar .pane', { has: page.locator('h3.title', { hasText: /^Enterprises$/i }) }).getByRole('treeitem', { name });
}

/** The page inside the active webview editor (VS Code nests it in two iframes). */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Waits until the account, its counts and its civic address scan have loaded. */
async function accountLoaded(frame: FrameLocator, name: string): Promise<void> {
  await frame.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
  await frame.locator('#app:not(.loading) .updated', { hasText: /^Updated [^·]+$/ }).waitFor({ timeout: 30_000 });
  await frame.locator('#civic-addresses .scan', { hasText: /Every number read|This account’s Teams tenant/ }).or(frame.locator('#civic-addresses', { hasText: 'no civic addresses' })).first().waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator('.skeleton').count(), 0, 'every card loaded');
}

async function dialogButton(page: Page, label: string): Promise<void> {
  await page.locator('.monaco-dialog-box .monaco-button', { hasText: new RegExp(`^${label}$`) }).click();
  await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
}

describe('webviews: the Account panel against the emulator', function () {
  this.timeout(180_000);
  const webviewConsole: string[] = [];
  const workbench = useTreesWorkbench('account-panel', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
  }));

  it('selects contoso-prod-gw from the command palette once signed in', async () => {
    const { page } = workbench();
    page.on('console', (message) => webviewConsole.push(`${message.text()} @ ${JSON.stringify(message.location())}`));
    await containerTab(page).click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar.getByRole('button', { name: 'Select Gateway…' }).first().waitFor({ timeout: 90_000 });
    for (const name of ['Gateways Section', 'Numbers Section']) {
      const header = sideBar.getByRole('button', { name });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    await widenSideBar(page, 120);
    const rows = await commandPalette(page, 'Communications Gateway: Select Gateway');
    await rows.filter({ hasText: 'Select Gateway…' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'contoso-prod-gw' }).first().click({ timeout: 30_000 });
    await enterprisesRow(page, /^Fabrikam-Finance/).waitFor({ timeout: 30_000 });
    await clearNotifications(page);
  });

  it('account-overview.png: opened from the row’s context menu; services with sync and counts, 8 numbers', async () => {
    const { page } = workbench();
    await enterprisesRow(page, /^Fabrikam-Finance/).first().click({ button: 'right' });
    // Hover, then Enter: the menu ignores a click that comes too soon after it opened.
    await page.locator('.context-view .monaco-menu .action-item', { hasText: /^Open Account$/ }).hover();
    await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: /^Open Account$/ }).waitFor();
    await page.keyboard.press('Enter');
    const frame = webview(page);
    await accountLoaded(frame, 'Fabrikam-Finance');
    await frame.locator('#essentials').getByText('8 numbers', { exact: true }).waitFor();
    const counts = await frame.locator('#services tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td.number')?.textContent ?? '']));
    assert.deepEqual(counts.slice(0, 2), [['Operator Connect (OC)', '6'], ['Teams Phone Mobile (TPM)', '2']]);
    // Off the tree, so no row's tooltip covers the page in the screenshot.
    await page.mouse.move(900, 930);
    await page.locator('.workbench-hover-container').waitFor({ state: 'detached' });
    await workbench().screenshot('account-overview');
  });

  it('account-civic-addresses.png: each address with its locations, ELIN, validation and the numbers that use it', async () => {
    const { page } = workbench();
    const frame = webview(page);
    const civic = frame.locator('#civic-addresses');
    await civic.scrollIntoViewIfNeeded();
    await civic.getByText(/Every number read \(8 numbers\)/).waitFor();
    assert.ok((await civic.locator('li.address').count()) >= 2);
    await civic.locator('.address-numbers', { hasText: /\+1425555010\d/ }).first().waitFor();
    await civic.getByText('Not validated').first().waitFor();
    await civic.locator('li.address').last().scrollIntoViewIfNeeded();
    await workbench().screenshot('account-civic-addresses');
  });

  it('account-edit-form.png and account-edit-confirmation.png: sync off on one service, the modal shows before → after', async () => {
    const { page } = workbench();
    const frame = webview(page);
    const services = frame.locator('#services');
    await services.scrollIntoViewIfNeeded();
    await services.locator('vscode-button', { hasText: 'Edit Services…' }).click();
    // Direct Routing is off, so its configuration fields are not shown until it is enabled.
    const drFields = services.locator('.dr-fields');
    assert.equal(await drFields.isVisible(), false);
    await services.locator('.edit-row', { hasText: 'Direct Routing' }).locator('vscode-checkbox', { hasText: 'Enabled' }).click();
    await drFields.waitFor();
    await services.locator('.edit-row', { hasText: 'Direct Routing' }).locator('vscode-checkbox', { hasText: 'Enabled' }).click();
    await drFields.waitFor({ state: 'hidden' });
    const tpm = services.locator('.edit-row', { hasText: 'Teams Phone Mobile' });
    // Keyboard: focus the Sync box and toggle it with Space, as a person using the keyboard would.
    await tpm.locator('vscode-checkbox', { hasText: 'Sync' }).focus();
    await page.keyboard.press('Space');
    assert.equal(await tpm.locator('vscode-checkbox', { hasText: 'Sync' }).evaluate((box) => (box as HTMLElement & { checked: boolean }).checked), false);
    await page.mouse.move(640, 940);
    await workbench().screenshot('account-edit-form');

    await services.locator('vscode-button', { hasText: 'Save…' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /Change the services of account Fabrikam-Finance\?/);
    assert.match(text, /Teams Phone Mobile sync: on → off/);
    await workbench().screenshot('account-edit-confirmation');
    await dialogButton(page, 'Save');
    await frame.locator('.updated', { hasText: 'Saved Fabrikam-Finance: Teams Phone Mobile sync: on → off.' }).waitFor({ timeout: 15_000 });
    await enterprisesRow(page, /^Fabrikam-Finance.*sync mixed/).waitFor({ timeout: 15_000 });
  });

  it('account-delete-confirmation.png: Wingtip-Toys from the palette; refused without deleteNumbers, then deleted with its 4 numbers', async () => {
    const { page } = workbench();
    await runCommand(page, 'Communications Gateway: Open Account');
    // The list is virtual: type to bring the account into view.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Accounts on contoso-prod-gw' }).waitFor();
    await page.locator('.quick-input-widget input').fill('Wingtip');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Wingtip-Toys' }).first().click({ timeout: 30_000 });
    const frame = webview(page);
    await accountLoaded(frame, 'Wingtip-Toys');
    const danger = frame.locator('#delete');
    await danger.scrollIntoViewIfNeeded();
    await danger.locator('.message.warning', { hasText: 'Wingtip-Toys has 4 numbers: the service refuses' }).waitFor();
    await danger.locator('vscode-checkbox', { hasText: 'Also delete its numbers (4 numbers)' }).click();
    await danger.locator('.message.warning').waitFor({ state: 'detached' });
    await danger.locator('vscode-button', { hasText: 'Delete Account…' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /Delete account Wingtip-Toys and its 4 numbers\?/);
    await workbench().screenshot('account-delete-confirmation');
    await dialogButton(page, 'Delete');
    await frame.locator('.content .message', { hasText: 'Account Wingtip-Toys and its 4 numbers were deleted.' }).waitFor({ timeout: 15_000 });
    await enterprisesRow(page, /^Wingtip-Toys/).waitFor({ state: 'detached', timeout: 15_000 });
    await page.mouse.move(640, 940);
    await workbench().screenshot('account-deleted');
  });

  it('comes back after a window reload: the serializer restores the panel, which reads the account again', async () => {
    const { page } = workbench();
    await page.locator('.part.editor .tab', { hasText: 'Wingtip-Toys · Account' }).click();
    await page.locator('.part.editor .tab', { hasText: 'Wingtip-Toys · Account' }).locator('.codicon-close').click();
    await page.locator('.part.editor .tab', { hasText: 'Fabrikam-Finance · Account' }).click();
    // The panel has no retained context: the tab's click rebuilds its page and moves focus into it. Until that page
    // has loaded, nothing forwards its keys to the workbench, and an F1 pressed then is lost (seen on a CI run).
    await accountLoaded(webview(page), 'Fabrikam-Finance');
    const commands = await commandPalette(page, 'Developer: Reload Window');
    await commands.filter({ has: page.locator('.label-name', { hasText: /^Developer: Reload Window$/ }) }).first().click();
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .tab', { hasText: 'Fabrikam-Finance · Account' }).waitFor({ timeout: 30_000 });
    await accountLoaded(webview(page), 'Fabrikam-Finance');
  });

  it('the page loaded under its Content Security Policy without a violation', () => {
    const violations = webviewConsole.filter((line) => /Content Security Policy|Refused to (load|apply|execute)/i.test(line));
    assert.deepEqual(violations, []);
  });
});
