// End-to-end: issue 11's whole flow across the panels, in the sandbox-like workbench (emulator + code-server +
// Chromium), signed in automatically, with acg.numbers.defaultCountry GB. Manage Numbers… on Contoso-Telecom-
// Verification → "Create Numbers…" in the grid opens the Number editor on that account → three numbers pasted in mixed
// formats, previewed in E.164 → VS Code's modal states the exact change → pending, then synced, in the grid AND the
// Numbers tree with no Refresh → one number's custom SIP header edited from the grid's selection → two deleted from
// the grid, after the modal → gone from the grid and the tree. The emulator keeps a write pending for 10 s (instead of
// the suites' 200 ms), so the pending state can be seen in both places before it settles. A screenshot at each step.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { sideBarSettled } from './harness';
import { editorTab, numbersPane, palette, pasteNumbersWithAddress, pick, showAccountNumbers, webview } from './panels';
import { clearNotifications, sandboxSettings, useTreesWorkbench, widenSideBar } from './trees';

const ACCOUNT = 'Contoso-Telecom-Verification';
const GRID_TAB = `${ACCOUNT} · Numbers`;
// Numbers no seed and no other spec uses; valid UK geographic numbers (Ofcom's drama range).
const PASTE = '+44 20 7946 0401\n0044-20-7946-0402\n(020) 7946 0403';
const CREATED = ['+442079460401', '+442079460402', '+442079460403'];
const HEADER = 'flow-hq';
const SETTLES_MS = 60_000;

function gridRow(page: Page, telephoneNumber: string) {
  return webview(page).locator(`tr[data-key="${ACCOUNT}/${telephoneNumber}"]`);
}

function treeRow(page: Page, telephoneNumber: string, status?: 'pending' | 'synced') {
  const name = new RegExp(`^\\${telephoneNumber}${status ? `,.*${status}$` : ''}`);
  return numbersPane(page).getByRole('treeitem', { name }).first();
}

/** Shows the end of the account's list in the Numbers view (new numbers are added at its end). */
async function treeEnd(page: Page): Promise<void> {
  await numbersPane(page).getByRole('treeitem', { name: /^\+442079460001/ }).first().click();
  await page.keyboard.press('End');
}

async function showGrid(page: Page): Promise<void> {
  await editorTab(page, GRID_TAB).click();
  await webview(page).getByRole('heading', { level: 1, name: ACCOUNT }).waitFor({ timeout: 30_000 });
}

describe('the number flow across the panels: create, follow, edit, delete', function () {
  this.timeout(240_000);
  const workbench = useTreesWorkbench(
    'number-flow',
    (emulatorUrl) => ({
      ...sandboxSettings(emulatorUrl),
      'acg.numbers.defaultCountry': 'GB',
    }),
    { syncDelayMs: 10_000 },
  );

  it('shows Contoso-Telecom-Verification in the Numbers view', async () => {
    const { page } = workbench();
    await showAccountNumbers(page, 'contoso-prod-gw', ACCOUNT, '+442079460001');
    await widenSideBar(page, 60);
    await clearNotifications(page);
  });

  it('number-flow-1-grid.png: Manage Numbers… on the account; civic addresses by name', async () => {
    const { page } = workbench();
    await palette(page, 'Manage Numbers…');
    await pick(page, ACCOUNT);
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor({ timeout: 30_000 });
    await frame.locator('#app:not(.loading) .status-line', { hasText: /^Numbers 1–14 of 14/ }).waitFor({ timeout: 30_000 });
    const address = gridRow(page, '+442079460001').locator('.address-ids');
    assert.equal(await address.locator('.civic-address').textContent(), 'Contoso Telecom head office');
    assert.equal(await address.locator('.location').textContent(), 'Network operations centre, floor 4');
    assert.match((await address.getAttribute('title')) ?? '', /^Civic address Contoso Telecom head office \([0-9a-f-]{36}\)/);
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-flow-1-grid');
  });

  it('number-flow-2-preview.png: "Create Numbers…" in the grid opens the editor on the account; the paste in E.164', async () => {
    const { page } = workbench();
    await webview(page).locator('vscode-button', { hasText: 'Create Numbers…' }).click();
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: 'Create numbers' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.subtitle').textContent(), `Account ${ACCOUNT} on contoso-prod-gw`);
    assert.deepEqual(await pasteNumbersWithAddress(page, PASTE, '3 to create · 3 reformatted'), CREATED);
    await workbench().screenshot('number-flow-2-preview');
  });

  it('number-flow-3-confirm.png: VS Code’s modal states the exact change, the address by name', async () => {
    const { page } = workbench();
    await webview(page).locator('#submit').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(`Create 3 numbers in ${ACCOUNT}?`).waitFor();
    await dialog.getByText(/Civic address: Contoso Telecom head office \(id [0-9a-f-]{36}\)/).waitFor();
    await dialog.getByText(/Location: Network operations centre, floor 4 \(id [0-9a-f-]{36}\)/).waitFor();
    for (const number of CREATED) await dialog.getByText(new RegExp(`\\${number}`)).first().waitFor();
    await workbench().screenshot('number-flow-3-confirm');
  });

  it('number-flow-4-pending.png: the three pending in the grid (spinning) and in the Numbers view', async () => {
    const { page } = workbench();
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Create' }).click();
    await webview(page).locator('.result h2', { hasText: 'Result' }).waitFor({ timeout: 30_000 });
    await showGrid(page);
    for (const number of CREATED) await gridRow(page, number).locator('.status-pending .codicon-loading.codicon-modifier-spin').waitFor({ timeout: 10_000 });
    await treeEnd(page);
    for (const number of CREATED) await treeRow(page, number, 'pending').waitFor({ timeout: 10_000 });
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-flow-4-pending');
  });

  it('number-flow-5-synced.png: then synced in both, with no Refresh', async () => {
    const { page } = workbench();
    for (const number of CREATED) await gridRow(page, number).locator('.status-synced .codicon-pass').waitFor({ timeout: SETTLES_MS });
    for (const number of CREATED) await treeRow(page, number, 'synced').waitFor({ timeout: SETTLES_MS });
    await sideBarSettled(page);
    await workbench().screenshot('number-flow-5-synced');
  });

  it('number-flow-6-edit.png, -7-saved.png and -8-edited.png: one number’s custom SIP header, from the grid’s selection', async () => {
    const { page } = workbench();
    await gridRow(page, CREATED[0]).locator('td.number').click();
    await webview(page).locator('.selection-text', { hasText: '1 selected' }).waitFor();
    await webview(page).locator('vscode-button', { hasText: 'Edit Selected…' }).click();
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: `Edit ${CREATED[0]}` }).waitFor({ timeout: 30_000 });
    await frame.locator('#custom-sip-header input').fill(HEADER);
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-flow-6-edit');
    await frame.locator('#submit').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(`Custom SIP header → ${HEADER}`).waitFor();
    await dialog.getByRole('button', { name: 'Apply Changes' }).click();
    // The editor's "Current values" shows the header as saved (not the one it opened with).
    await frame.locator(`.current-values tr[data-number="${CREATED[0]}"] td.current-header`, { hasText: HEADER }).waitFor({ timeout: 30_000 });
    await frame.locator('.result td.status.synced').first().waitFor({ timeout: SETTLES_MS });
    await frame.locator(`.current-values tr[data-number="${CREATED[0]}"] td.current-status`, { hasText: 'synced' }).waitFor();
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-flow-7-saved');
    await showGrid(page);
    const row = gridRow(page, CREATED[0]);
    const header = row.locator('code', { hasText: HEADER });
    await header.waitFor({ timeout: 30_000 });
    await row.locator('.status-synced').waitFor({ timeout: SETTLES_MS });
    // The grid is wider than the editor: bring the header column into view for the screenshot.
    await header.scrollIntoViewIfNeeded();
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-flow-8-edited');
  });

  it('number-flow-9-delete-confirm.png: two selected in the grid, "Delete Selected…" asks in a modal', async () => {
    const { page } = workbench();
    await gridRow(page, CREATED[1]).locator('td.number').click();
    await gridRow(page, CREATED[2]).locator('td.number').click({ modifiers: ['Control'] });
    await webview(page).locator('.selection-text', { hasText: '2 selected' }).waitFor();
    await webview(page).locator('vscode-button', { hasText: 'Delete Selected…' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(`Delete 2 numbers from account ${ACCOUNT} on contoso-prod-gw?`).waitFor();
    for (const number of CREATED.slice(1)) await dialog.getByText(new RegExp(`\\${number}`)).first().waitFor();
    await workbench().screenshot('number-flow-9-delete-confirm');
  });

  it('number-flow-10-deleted.png: gone from the grid and from the Numbers view', async () => {
    const { page } = workbench();
    await page.locator('.monaco-dialog-box').getByRole('button', { name: /^Delete/ }).click();
    for (const number of CREATED.slice(1)) await gridRow(page, number).waitFor({ state: 'detached', timeout: 30_000 });
    for (const number of CREATED.slice(1)) await treeRow(page, number).waitFor({ state: 'detached', timeout: 30_000 });
    await gridRow(page, CREATED[0]).waitFor();
    await treeRow(page, CREATED[0]).waitFor();
    assert.equal(await webview(page).locator('tbody tr[data-key]').count(), 15);
    // The view's count follows the delete too (it said "15 of 17" before NumbersModel counted deletes out).
    await numbersPane(page).locator('.monaco-list-row', { hasText: /Contoso-Telecom-Verification\s*15 of 15/ }).first().waitFor({ timeout: 10_000 });
    await clearNotifications(page).catch(() => undefined);
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-flow-10-deleted');
  });
});
