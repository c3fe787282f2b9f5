// End-to-end: the Numbers panel (Manage Numbers…) on Northwind-Bulk (100,000 numbers) in the sandbox-like workbench
// (emulator + code-server + Chromium), signed in automatically. Three screenshots to look at: the first page (with the
// seed's failed and pending numbers on it), the last page reached in one jump, and a filter applied with a failed
// number's errors opened from the keyboard.
import { strict as assert } from 'node:assert';
import type { FrameLocator } from 'playwright-core';
import { commandPalette, containerTab } from './harness';
import { pick, webview } from './panels';
import { clearNotifications, sandboxSettings, useTreesWorkbench } from './trees';

async function statusLine(frame: FrameLocator, text: RegExp): Promise<void> {
  await frame.locator('#app:not(.loading) .status-line', { hasText: text }).waitFor({ timeout: 30_000 });
}

describe('the Numbers panel against the emulator', function () {
  this.timeout(180_000);
  const webviewConsole: string[] = [];
  const workbench = useTreesWorkbench('numbers-grid', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
  }));

  it('numbers-grid-first-page.png: Manage Numbers… from the palette on Northwind-Bulk shows page 1 of 1,000', async () => {
    const { page } = workbench();
    page.on('console', (message) => webviewConsole.push(`${message.text()} @ ${JSON.stringify(message.location())}`));
    await containerTab(page).click();
    await page.locator('.part.sidebar').getByRole('button', { name: 'Select Gateway…' }).first().waitFor({ timeout: 90_000 });
    const select = await commandPalette(page, 'Communications Gateway: Select Gateway');
    await select.filter({ hasText: 'Select Gateway…' }).first().waitFor();
    await page.keyboard.press('Enter');
    await pick(page, 'contoso-prod-gw');
    const manage = await commandPalette(page, 'Communications Gateway: Manage Numbers');
    await manage.filter({ hasText: 'Manage Numbers…' }).first().waitFor();
    await page.keyboard.press('Enter');
    await pick(page, 'Northwind-Bulk');

    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: 'Northwind-Bulk' }).waitFor({ timeout: 30_000 });
    await statusLine(frame, /^Numbers 1–100 of 100,000/);
    assert.equal(await frame.locator('tbody tr[role="row"][data-key]').count(), 100);
    assert.equal(await frame.locator('.page-jump .muted').textContent(), 'of 1,000');
    await frame.locator('tr[data-key="Northwind-Bulk/+442030000050"] .status-failed').waitFor();
    await frame.locator('tr[data-key="Northwind-Bulk/+442030000099"] .status-pending').waitFor();
    // Keyboard: focus the first row, Shift+Down twice selects three.
    await frame.locator('tbody tr[data-key]').first().click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await frame.locator('.selection-text', { hasText: '3 selected' }).waitFor();
    await clearNotifications(page);
    await page.mouse.move(640, 940);
    await workbench().screenshot('numbers-grid-first-page');
  });

  it('numbers-grid-last-page.png: Last jumps to page 1,000 reading only that page', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('nav.pager vscode-button', { hasText: 'Last' }).click();
    await statusLine(frame, /^Numbers 99,901–100,000 of 100,000 · pages in memory: 1, 1000$/);
    assert.equal(await frame.locator('input.page-number').inputValue(), '1000');
    assert.equal(await frame.locator('tbody tr[data-key]').last().getAttribute('data-key'), 'Northwind-Bulk/+442030099999');
    await page.mouse.move(640, 940);
    await workbench().screenshot('numbers-grid-last-page');
  });

  it('numbers-grid-filtered.png: a prefix and status filter, and a failed number’s errors opened with Enter', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('select[aria-label="Provisioning status"]').selectOption('failed');
    await statusLine(frame, /^Numbers 1–1 of 1 /);
    await frame.locator('input[aria-label="Number prefix"]').fill('+44 20 3000');
    await page.keyboard.press('Enter');
    await statusLine(frame, /^Numbers 1–1 of 1 /);
    const row = frame.locator('tr[data-key="Northwind-Bulk/+442030000050"]');
    await row.click();
    await page.keyboard.press('Enter');
    await frame.locator('tr.error-detail .error-line').first().waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('numbers-grid-filtered');
  });

  it('the page loaded under its Content Security Policy without a violation', () => {
    const violations = webviewConsole.filter((line) => /Content Security Policy|Refused to (load|apply|execute)/i.test(line));
    assert.deepEqual(violations, []);
  });
});
