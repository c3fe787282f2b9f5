// End-to-end: the Requests for Information panel in the sandbox-like workbench (emulator + code-server + Chromium),
// signed in automatically as the sandbox does, opened from contoso-prod-gw's row in the Gateways view. It filters the
// grid, selects two requests and updates their relationship status at once (through VS Code's modal confirmation),
// creates an account from a request with Direct Routing's settings, sees it in the Enterprises view, and comes back
// after a window reload with its filter. Screenshots at each step to look at.
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { commandPalette, containerTab } from './harness';
import { clearNotifications, sandboxSettings, useTreesWorkbench, widenSideBar } from './trees';

function header(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

function pane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

async function setSection(page: Page, title: string, open: boolean): Promise<void> {
  const section = header(page, title);
  if (((await section.getAttribute('aria-expanded')) === 'true') !== open) await section.click();
}

/** The page inside the active webview editor (VS Code nests it in two iframes). */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function loaded(frame: FrameLocator): Promise<void> {
  await frame.getByRole('heading', { level: 1, name: 'Requests for information' }).waitFor({ timeout: 30_000 });
  await frame.locator('#app:not(.loading) #status', { hasText: /read at/ }).waitFor({ timeout: 30_000 });
}

/** Picks an option of a toolkit dropdown. */
async function choose(frame: FrameLocator, dropdownId: string, option: string): Promise<void> {
  await frame.locator(`#${dropdownId}`).click();
  await frame.locator(`#${dropdownId}`).getByRole('option', { name: option, exact: true }).click();
}

/** The grid's company column, in order. */
async function companies(frame: FrameLocator): Promise<string[]> {
  return frame.locator('#requests-grid tbody tr[data-tenant] .company').allTextContents();
}

/** VS Code's modal dialog (the host's confirmation). */
function dialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

describe('webviews: the Requests for Information panel against the emulator', function () {
  this.timeout(180_000);
  const webviewConsole: string[] = [];
  const workbench = useTreesWorkbench('requests-panel', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
  }));

  it('opens from contoso-prod-gw’s row in the Gateways view, which selects the gateway for the Enterprises view', async () => {
    const { page } = workbench();
    page.on('console', (message) => webviewConsole.push(`${message.text()} @ ${JSON.stringify(message.location())}`));
    await containerTab(page).click();
    await pane(page, 'Enterprises').getByRole('button', { name: 'Select Gateway…' }).waitFor({ timeout: 90_000 });
    await setSection(page, 'Numbers', false);
    await widenSideBar(page, 120);
    const gateway = pane(page, 'Gateways').getByRole('treeitem', { name: /Contoso Telecom - Voice Production/ }).first();
    await gateway.waitFor({ timeout: 30_000 });
    if ((await gateway.getAttribute('aria-expanded')) !== 'true') await gateway.click();
    await pane(page, 'Gateways').getByRole('treeitem', { name: /^contoso-prod-gw/ }).first().click({ button: 'right' });
    await page.locator('.context-view .monaco-menu .action-item', { hasText: /^Manage Requests for Information…$/ }).hover();
    await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: /^Manage Requests for Information…$/ }).waitFor();
    await page.keyboard.press('Enter');
    const frame = webview(page);
    await loaded(frame);
    await frame.locator('#status', { hasText: /^25 requests · 25 shown · 0 selected/ }).waitFor();
    await pane(page, 'Enterprises').getByRole('treeitem', { name: /^contoso-prod-gw/ }).waitFor({ timeout: 30_000 });
    await setSection(page, 'Gateways', false);
    await clearNotifications(page);
  });

  it('requests-grid-filtered.png: the relationship filter leaves the two acknowledged consents; the detail pane shows the focused one', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await choose(frame, 'filter-relationship', 'Consent acknowledged');
    await frame.locator('#status', { hasText: /^25 requests · 2 shown/ }).waitFor();
    assert.deepEqual(await companies(frame), ['Bellows College', 'Proseware, Inc.']);
    await frame.locator('.detail h2', { hasText: 'Bellows College' }).waitFor();
    await frame.locator('.detail .contacts', { hasText: 'Dr. Alan Reyes' }).waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('requests-grid-filtered');
  });

  it('requests-update-form.png: both selected with the keyboard (Ctrl+A), the form shows the exact change of each; a 65-character reference is refused live', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('#requests-grid tbody tr[data-tenant]').first().click();
    await page.keyboard.press('Control+a');
    await frame.locator('#status', { hasText: /2 selected/ }).waitFor();
    await frame.locator('#update-selected', { hasText: 'Update relationship status of 2…' }).click();
    const form = frame.locator('#update-form');
    await form.waitFor();
    await choose(frame, 'status-choice', 'Customer contacted');
    const comment = frame.locator('#comment-field input');
    await comment.fill('x'.repeat(65));
    await frame.locator('#comment-problem', { hasText: 'This reference has 65 characters: at most 64.' }).waitFor();
    await comment.fill('Kick-off call booked (T-2291)');
    await frame.locator('#comment-problem:empty').waitFor();
    assert.deepEqual(await form.locator('#update-preview li').allTextContents(), [
      'Bellows College: Consent acknowledged → Customer contacted; comment “Kick-off call booked (T-2291)”',
      'Proseware, Inc.: Consent acknowledged → Customer contacted; comment “Kick-off call booked (T-2291)” (was “Acknowledged”)',
    ]);
    await page.mouse.move(640, 940);
    await workbench().screenshot('requests-update-form');
  });

  it('requests-update-confirm.png and requests-update-results.png: a modal lists both changes; both are written, one result each', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('#update-form vscode-button', { hasText: 'Update 2 requests…' }).click();
    await dialog(page).getByText('Update the relationship status of 2 requests on contoso-prod-gw?').waitFor({ timeout: 15_000 });
    await dialog(page).getByText(/Proseware, Inc\.: Consent acknowledged → Customer contacted/).waitFor();
    await workbench().screenshot('requests-update-confirm');
    await dialog(page).locator('.monaco-button', { hasText: /^Update$/ }).click();
    await frame.locator('#update-results').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('#update-results .result-updated').count(), 2);
    await frame.locator('.results-summary', { hasText: '2 updated' }).waitFor();
    // The grid shows the new status at once (and the relationship filter now hides both).
    await frame.locator('#status', { hasText: /^25 requests · 0 shown · 0 selected/ }).waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('requests-update-results');
    await frame.locator('#update-form vscode-button', { hasText: 'Done' }).click();
  });

  it('requests-create-account-form.png: Munson’s request, found by text search, gives the form with every service, sync, the tenant and Direct Routing’s settings', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('.filters vscode-button', { hasText: 'Clear filters' }).click();
    await frame.locator('#filter-text input').fill('pickles');
    await frame.locator('#status', { hasText: /· 1 shown/ }).waitFor();
    await frame.locator('#requests-grid tbody tr[data-tenant]').first().click();
    await frame.locator('#create-account').click();
    const form = frame.locator('#account-form');
    await form.waitFor();
    assert.equal(await frame.locator('#account-name input').inputValue(), 'Munson-s-Pickles-and-Preserves-Farm');
    for (const service of ['Operator Connect (OC)', 'Teams Phone Mobile (TPM)', 'Direct Routing (DR)', 'Zoom Phone Cloud Peering (Zoom)', 'Azure Operator Call Protection (AOCP)']) {
      await form.locator('vscode-checkbox', { hasText: service }).waitFor();
    }
    await form.locator('vscode-checkbox', { hasText: 'Sync with backend service' }).waitFor();
    await frame.locator('#account-name input').fill('Munson Pickles');
    await frame.locator('#problem-name', { hasText: /contains/ }).waitFor();
    await frame.locator('#account-name input').fill('Munson-Pickles');
    await frame.locator('#problem-name:empty').waitFor();
    await form.locator('vscode-checkbox', { hasText: 'Direct Routing (DR)' }).click();
    await frame.locator('#dr-subdomain input').fill('munson-pickles');
    await frame.locator('#problem-subdomain', { hasText: 'The subdomain has 14 characters: use 1 to 10.' }).waitFor();
    await frame.locator('#dr-subdomain input').fill('munson');
    await frame.locator('#dr-region1Token input').fill('ms=a1B2c3D4e5');
    await frame.locator('#dr-region2Token input').fill('ms=f6G7h8I9j0');
    await frame.locator('#problem-subdomain:empty').waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('requests-create-account-form');
  });

  it('requests-account-created.png: confirmed in a modal, created, and the Enterprises view lists the new account', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('#account-form vscode-button', { hasText: 'Create account…' }).click();
    await dialog(page).getByText('Create account Munson-Pickles on contoso-prod-gw?').waitFor({ timeout: 15_000 });
    await dialog(page).getByText(/Direct Routing: subdomain munson, call screening on/).waitFor();
    await dialog(page).locator('.monaco-button', { hasText: /^Create Account$/ }).click();
    await frame.locator('#account-result', { hasText: /^Created account Munson-Pickles for Munson's Pickles and Preserves Farm/ }).waitFor({ timeout: 30_000 });
    const accounts = pane(page, 'Enterprises').getByRole('treeitem', { name: /^Accounts/ }).first();
    if ((await accounts.getAttribute('aria-expanded')) !== 'true') await accounts.click();
    await pane(page, 'Enterprises').getByRole('treeitem', { name: /^Munson-Pickles/ }).waitFor({ timeout: 30_000 });
    await page.mouse.move(640, 940);
    await workbench().screenshot('requests-account-created');
  });

  it('comes back after a window reload with its search text, and reads the requests again', async () => {
    const { page } = workbench();
    const commands = await commandPalette(page, 'Developer: Reload Window');
    await commands.filter({ has: page.locator('.label-name', { hasText: /^Developer: Reload Window$/ }) }).first().click();
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .tab', { hasText: 'contoso-prod-gw · Requests for Information' }).waitFor({ timeout: 30_000 });
    const frame = webview(page);
    await loaded(frame);
    assert.equal(await frame.locator('#filter-text input').inputValue(), 'pickles');
    await frame.locator('#status', { hasText: /^25 requests · 1 shown/ }).waitFor();
  });

  it('the page loaded under its Content Security Policy without a violation', () => {
    const violations = webviewConsole.filter((line) => /Content Security Policy|Refused to (load|apply|execute)/i.test(line));
    assert.deepEqual(violations, []);
  });
});
