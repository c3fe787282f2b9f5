// End-to-end: the Number editor in the sandbox-like workbench (emulator + code-server + Chromium), signed in
// automatically, with acg.numbers.defaultCountry GB. Three numbers pasted in mixed formats ("+44 20 7946 0101",
// "0044-20-7946-0102", "(020) 7946 0103") are previewed in E.164, confirmed in VS Code's modal dialog, shown pending,
// then synced in the panel and in the Numbers tree; then one number's custom SIP header is edited. A screenshot at
// each step, to look at.
import { strict as assert } from 'node:assert';
import { commandPalette, sideBarSettled } from './harness';
import { numbersPane, palette, pasteNumbersWithAddress, pick, showAccountNumbers, webview } from './panels';
import { clearNotifications, sandboxSettings, useTreesWorkbench, widenSideBar } from './trees';

const ACCOUNT = 'Contoso-Telecom-Verification';
const PASTE = '+44 20 7946 0101\n0044-20-7946-0102\n(020) 7946 0103';
const CREATED = ['+442079460101', '+442079460102', '+442079460103'];

describe('webviews: the Number editor against the emulator', function () {
  this.timeout(180_000);
  const workbench = useTreesWorkbench('number-editor', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
    'acg.numbers.defaultCountry': 'GB',
  }));

  it('selects contoso-prod-gw and shows the account’s numbers in the Numbers view', async () => {
    const { page } = workbench();
    await showAccountNumbers(page, 'contoso-prod-gw', ACCOUNT, '+442079460001');
    await widenSideBar(page, 120);
    await clearNotifications(page);
  });

  it('number-editor-1-preview.png: 3 numbers pasted in mixed formats, each shown with its E.164 form', async () => {
    const { page } = workbench();
    await palette(page, 'Create Numbers…');
    await pick(page, ACCOUNT);
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: 'Create numbers' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await pasteNumbersWithAddress(page, PASTE, '3 to create · 3 reformatted'), CREATED);
    await workbench().screenshot('number-editor-1-preview');
  });

  it('number-editor-2-confirm.png: VS Code’s modal dialog states the exact change', async () => {
    const { page } = workbench();
    await webview(page).locator('#submit').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText('Create 3 numbers in Contoso-Telecom-Verification?').waitFor();
    await dialog.getByText(/\+442079460102/).first().waitFor();
    await workbench().screenshot('number-editor-2-confirm');
  });

  it('number-editor-3-pending.png: after the write, the three numbers pending', async () => {
    const { page } = workbench();
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Create' }).click();
    const frame = webview(page);
    await frame.locator('.result h2', { hasText: 'Result' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(await frame.locator('.result td.number').allTextContents(), CREATED);
    await workbench().screenshot('number-editor-3-pending');
    assert.ok((await frame.locator('.result td.status').allTextContents()).some((t) => /pending|synced/.test(t)));
  });

  it('number-editor-4-synced.png: synced in the panel and in the Numbers tree, with no Refresh', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('.result td.status.synced').nth(2).waitFor({ timeout: 30_000 });
    // The new numbers were added at the end of the account's list: show the end of it.
    await numbersPane(page).getByRole('treeitem', { name: /^\+442079460001/ }).first().click();
    await page.keyboard.press('End');
    for (const number of CREATED) await numbersPane(page).getByRole('treeitem', { name: new RegExp(`^\\${number}`) }).first().waitFor({ timeout: 30_000 });
    await sideBarSettled(page);
    await workbench().screenshot('number-editor-4-synced');
  });

  it('number-editor-5-edit.png and -6-edited.png: one number’s custom SIP header, changed fields only', async () => {
    const { page } = workbench();
    const close = await commandPalette(page, 'View: Close All Editors');
    await close.filter({ hasText: 'Close All Editors' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('iframe.webview').waitFor({ state: 'detached' });
    // The number selected in the Numbers view: Edit Numbers… edits the selection.
    await numbersPane(page).getByRole('treeitem', { name: new RegExp(`^\\${CREATED[0]}`) }).first().click();
    await palette(page, 'Edit Numbers…');
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: `Edit ${CREATED[0]}` }).waitFor({ timeout: 30_000 });
    await frame.locator('#custom-sip-header input').fill('contoso-hq');
    await frame.locator('.findings .finding').first().waitFor({ state: 'detached' }).catch(() => undefined);
    await page.mouse.move(5, 5);
    await workbench().screenshot('number-editor-5-edit');
    await frame.locator('#submit').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(/Custom SIP header → contoso-hq/).waitFor();
    await dialog.getByRole('button', { name: 'Apply Changes' }).click();
    await frame.locator('.result td.status.synced').first().waitFor({ timeout: 30_000 });
    await workbench().screenshot('number-editor-6-edited');
  });
});
