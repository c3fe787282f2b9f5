// Shared by the panel specs (numbersGrid, numberEditor, numberFlow): the page inside the visible webview, the command
// palette by title, quick-pick rows, the Numbers view's pane, editor tabs, and the steps that put an account's numbers
// in the Numbers view.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { commandPalette, containerTab, exactly, runCommand } from './harness';

/**
 * The page inside the visible webview editor (VS Code nests it in two iframes). `:visible`, because a panel kept while
 * hidden (retainContextWhenHidden) keeps its iframe, hidden, beside the one shown.
 */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
}

/** Runs "Communications Gateway: <title>" from the command palette. */
export async function palette(page: Page, title: string): Promise<void> {
  const rows = await commandPalette(page, `Communications Gateway: ${title}`);
  await rows.filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Clicks the quick pick's row with this text (the pick may still be reading its items). */
export async function pick(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: text }).first().click({ timeout: 60_000 });
}

/** The Numbers view's pane in the side bar. */
export function numbersPane(page: Page): Locator {
  return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: /^Numbers$/i }) });
}

/** The editor tab titled exactly `title`. */
export function editorTab(page: Page, title: string): Locator {
  return page.locator('.part.editor .tabs-container .tab', { has: page.locator('.label-name', { hasText: exactly(title) }) });
}

/** Opens the container, selects `gateway`, and shows `account` in the Numbers view, waiting for `firstNumber`'s row. */
export async function showAccountNumbers(page: Page, gateway: string, account: string, firstNumber: string): Promise<void> {
  await containerTab(page).click();
  await page.locator('.part.sidebar').getByRole('button', { name: 'Select Gateway…' }).first().waitFor({ timeout: 90_000 });
  await palette(page, 'Select Gateway…');
  await pick(page, gateway);
  // Show Numbers is in the palette only once the selection's context key is set; the Numbers view's gateway row comes
  // after it.
  await numbersPane(page).getByRole('treeitem', { name: new RegExp(`^${gateway}`) }).first().waitFor({ timeout: 30_000 });
  await runCommand(page, 'Communications Gateway: Show Numbers');
  await pick(page, account);
  await numbersPane(page).getByRole('treeitem', { name: new RegExp(`^\\${firstNumber}`) }).first().waitFor({ timeout: 30_000 });
}

/**
 * In the Number editor: pastes `text`, waits for the preview's `summary`, and picks the account's first civic address
 * (calling users need one: the ACG-NUM-010 warning must go). Returns the previewed numbers in E.164.
 */
export async function pasteNumbersWithAddress(page: Page, text: string, summary: string): Promise<string[]> {
  const frame = webview(page);
  await frame.locator('#paste textarea').fill(text);
  await frame.locator('.preview .summary', { hasText: summary }).waitFor();
  const previewed = await frame.locator('.preview tbody td.number').allTextContents();
  const warning = frame.locator('.finding.warning', { hasText: 'ACG-NUM-010' });
  await warning.waitFor();
  await frame.locator('#civic-address').click();
  await frame.locator('#civic-address vscode-option').nth(1).click();
  await warning.waitFor({ state: 'detached' });
  await page.mouse.move(5, 5);
  return previewed;
}
