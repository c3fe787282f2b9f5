// End-to-end accessibility: every webview panel (src/webviews/*/ except shared) driven by the keyboard alone in the
// sandbox-like workbench (emulator + code-server + headless Chromium). Each panel is opened from the command palette
// by keys, audited (every interactive element named, grids with grid roles, a Tab and Shift+Tab order that reaches
// every control in document order and leaves the panel at both ends), then a control is activated with Enter or
// Space and its effect checked, Escape closes what a person expects it to close, and focus is never lost to the
// page's body after an action. Screenshots a11y-<panel>.png show the focus ring on a control reached by Tab; the tab
// orders are written to test-results/a11y/tab-order.json.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { repoRoot, testResultsDir } from '../runner';
import { focusOf, untilFocused } from './a11y';
import { assertFocus, auditPanel, commandKeys, focusIsInPanel, focusPanelKeys, openFileKeys, paletteKeys, pickKeys, tabTo, tabToRole, type Audit } from './keyboard';
import { webview } from './panels';
import { clearNotifications, sandboxSettings, useTreesWorkbench } from './trees';

const PLAN = 'fabrikam-pilot.acg-plan.json';

/** Waits for VS Code's modal dialog (the host's confirmations) and dismisses it with Escape. */
async function dismissDialog(page: Page): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Escape on VS Code's modal dialog. VS Code gives focus back to its editor group, not into the webview; Ctrl+<group>
 * puts it back in the panel, where the control that opened the dialog still has it.
 */
async function escapeDialog(page: Page, frame: FrameLocator, group: number): Promise<void> {
  await dismissDialog(page);
  if ((await focusOf(frame)).where === 'outside') {
    modalFocus.push(group);
    await focusPanelKeys(page, frame, group);
  }
}

/** Which dialogs left focus outside the panel, and what the plan summary does with focus (in tab-order.json). */
const modalFocus: number[] = [];
const observations: string[] = [];

/**
 * Known limit, reported rather than asserted: after VS Code's modal closes and Ctrl+<group> gives the webview focus
 * again, focus is on the page's body, not on the button that opened the dialog. It is never outside the panel, and
 * Tab goes on from there.
 */
async function observeFocus(frame: FrameLocator, when: string): Promise<void> {
  const focus = await focusOf(frame);
  assert.notEqual(focus.where, 'outside', when);
  observations.push(`${when}: focus is ${describeFocus(focus)}`);
}

function describeFocus(focus: Awaited<ReturnType<typeof focusOf>>): string {
  if (focus.where === 'outside') return 'outside the panel';
  return focus.where === 'control' ? `on ${focus.role} "${focus.name}"` : 'on the body';
}

/** Closes every editor by keys, so the next panel is the only webview. */
async function closeAllEditors(page: Page): Promise<void> {
  await commandKeys(page, 'View: Close All Editors');
  await page.locator('iframe.webview').waitFor({ state: 'detached' });
}

describe('accessibility: every panel from the keyboard alone', function () {
  this.timeout(240_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-e2e-a11y-'));
  fs.cpSync(path.join(repoRoot, 'samples'), path.join(root, 'samples'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  const audits: Record<string, Audit & { screenshot: string; focusRing: string }> = {};
  const webviewConsole: string[] = [];
  const workbench = useTreesWorkbench('accessibility', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
    'editor.minimap.enabled': false,
    'git.enabled': false,
  }));

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    const dir = path.join(testResultsDir, 'a11y');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'tab-order.json'), `${JSON.stringify({ audits, dialogsReturningFocusToTheWorkbench: modalFocus.length, observations }, null, 2)}\n`);
  });

  /** Audits the panel and saves its screenshot with focus on the control `ring` names, reached by Tab. */
  async function audit(page: Page, frame: FrameLocator, panel: string, ring: RegExp, group = 1): Promise<void> {
    const result = await auditPanel(page, frame, panel, group);
    // Back in the panel at its last control or its body: Shift+Tab reaches any control from there.
    const focus = await tabTo(page, frame, ring, 'Shift+Tab', 300);
    assert.ok(focus.ring, `${panel}: ${focus.name} shows no focus ring`);
    await page.mouse.move(1270, 950);
    const screenshot = `a11y-${panel}`;
    await workbench().screenshot(screenshot);
    audits[panel] = { ...result, screenshot: `${screenshot}.png`, focusRing: `${focus.role} "${focus.name}": ${focus.ring}` };
  }

  it('signs in and selects contoso-prod-gw, all from the keyboard', async () => {
    const { page } = workbench();
    page.on('console', (message) => webviewConsole.push(message.text()));
    // The sandbox signs in when the extension starts; the status bar then names the account, and the palette offers
    // the gateway commands. No view needs to be open.
    await page.locator('.part.statusbar', { hasText: 'service principal' }).waitFor({ timeout: 90_000 });
    await paletteKeys(page, 'Select Gateway…');
    await pickKeys(page, 'contoso-prod-gw');
    await clearNotifications(page);
  });

  it('gatewayOverview: Enter copies the resource ID, Space refreshes; focus stays on the button', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Open Gateway Overview');
    await pickKeys(page, 'contoso-prod-gw');
    const frame = webview(page);
    await frame.locator('#app:not(.loading) .updated', { hasText: /^Updated / }).waitFor({ timeout: 60_000 });
    await focusIsInPanel(frame);
    await audit(page, frame, 'gatewayOverview', /^Refresh$/);

    await tabTo(page, frame, /^Copy resource ID$/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await frame.locator('.updated', { hasText: 'Copied the resource ID.' }).waitFor();
    await assertFocus(frame, /^Copy resource ID$/, 'after Enter on Copy resource ID');
    await tabTo(page, frame, /^Refresh$/);
    await page.keyboard.press('Space');
    await frame.locator('#app:not(.loading) .updated', { hasText: /^Updated / }).waitFor({ timeout: 60_000 });
    await assertFocus(frame, /^Refresh$/, 'after Space on Refresh');
    await closeAllEditors(page);
  });

  it('onboardingChecks: Enter folds a check’s details; Fix… asks in a modal that Escape cancels', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Run Onboarding Checks…');
    await pickKeys(page, 'fabrikam-new-gw');
    const frame = webview(page);
    await frame.locator('#app:not(.loading) .updated', { hasText: /^Last run / }).waitFor({ timeout: 90_000 });
    await focusIsInPanel(frame);
    await audit(page, frame, 'onboardingChecks', /^Run All$/);

    const roles = frame.locator('li.check[data-check-id="identity.synergy-roles"]');
    const toggle = roles.locator('button.details-toggle');
    const before = await toggle.getAttribute('aria-expanded');
    const title = (await roles.locator('.check-title').textContent()) ?? '';
    await tabTo(page, frame, new RegExp(`^Details of ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await page.keyboard.press('Enter');
    await roles.locator(`button.details-toggle[aria-expanded="${before === 'true' ? 'false' : 'true'}"]`).waitFor();
    await assertFocus(frame, /^Details of /, 'after Enter on Details');
    await tabTo(page, frame, /^Fix…$/);
    await page.keyboard.press('Enter');
    await escapeDialog(page, frame, 1);
    await roles.locator('.check-main .status-text', { hasText: /^Failed$/ }).waitFor();
    await observeFocus(frame, 'onboardingChecks: after Escape on Fix…’s confirmation and Ctrl+1');
    await closeAllEditors(page);
  });

  it('numbers: Space selects a row, Enter opens a failed number’s errors, Escape clears the selection', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Manage Numbers…');
    await pickKeys(page, 'Northwind-Bulk');
    const frame = webview(page);
    await frame.locator('#app:not(.loading) .status-line', { hasText: /^Numbers 1–100 of 100,000/ }).waitFor({ timeout: 60_000 });
    await focusIsInPanel(frame);
    await audit(page, frame, 'numbers', /^Number prefix$/);

    await page.keyboard.type('+442030000050');
    await page.keyboard.press('Enter');
    await frame.locator('#app:not(.loading) .status-line', { hasText: /^Numbers 1–1 of 1 / }).waitFor({ timeout: 60_000 });
    const row = await tabTo(page, frame, /\+442030000050/);
    assert.equal(row.role, 'row');
    await page.keyboard.press('Space');
    await frame.locator('.selection-text', { hasText: '1 selected' }).waitFor();
    await page.keyboard.press('Enter');
    await frame.locator('tr.error-detail .error-line').first().waitFor();
    await assertFocus(frame, /\+442030000050/, 'after Enter on the row');
    await page.keyboard.press('Escape');
    await frame.locator('.selection-text', { hasText: '1 selected' }).waitFor({ state: 'detached' });
    await assertFocus(frame, /\+442030000050/, 'after Escape on the row');
    await closeAllEditors(page);
  });

  it('numberEditor: numbers typed, Space toggles a capability, Create Numbers… asks in a modal that Escape cancels', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Create Numbers…');
    await pickKeys(page, 'Contoso-Telecom-Verification');
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: 'Create numbers' }).waitFor({ timeout: 60_000 });
    await focusIsInPanel(frame);
    await tabTo(page, frame, /numbers/i);
    await page.keyboard.type('+44 20 7946 0901');
    await frame.locator('.preview .summary', { hasText: '1 to create' }).waitFor();
    await audit(page, frame, 'numberEditor', /^Create Numbers…$/);

    const box = await tabTo(page, frame, /Calling$/, 'Shift+Tab');
    assert.equal(box.role, 'checkbox');
    const checked = (): Promise<boolean> => frame.locator('#capabilities vscode-checkbox', { hasText: box.name }).first().evaluate((e) => (e as HTMLElement & { checked: boolean }).checked);
    const was = await checked();
    await page.keyboard.press('Space');
    assert.equal(await checked(), !was, 'Space toggles the checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, frame, /^Create Numbers…$/);
    await page.keyboard.press('Enter');
    await escapeDialog(page, frame, 1);
    assert.equal(await frame.locator('.result h2').textContent(), 'Not sent', 'nothing was written');
    await observeFocus(frame, 'numberEditor: after Escape on Create Numbers…’s confirmation and Ctrl+1');
    await closeAllEditors(page);
  });

  it('requests: Space selects a request, the update form opens with Enter and closes with Escape, focus back on the grid', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Manage Requests for Information…');
    const frame = webview(page);
    await frame.locator('#app:not(.loading) #status', { hasText: /read at/ }).waitFor({ timeout: 60_000 });
    await focusIsInPanel(frame);
    await audit(page, frame, 'requests', /^Refresh$/);

    const focusedRow = await tabToRole(page, frame, 'row');
    await page.keyboard.press('Space');
    await frame.locator('#status', { hasText: '1 selected' }).waitFor();
    await tabTo(page, frame, /^Clear selection$/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await frame.locator('#status', { hasText: '0 selected' }).waitFor();
    await assertFocus(frame, /./, 'after Enter on Clear selection');
    await tabTo(page, frame, /^Update relationship status/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await frame.locator('#update-form').waitFor();
    await assertFocus(frame, /^New relationship status$/, 'the form opened');
    await page.keyboard.press('Escape');
    await frame.locator('#update-form').waitFor({ state: 'detached' });
    const back = await assertFocus(frame, /./, 'after Escape on the form');
    // The grid draws its rows anew: the same row is the one with the same name.
    assert.equal(back.role, 'row');
    assert.equal(back.name, focusedRow.name, 'Escape puts focus back on the grid’s row');
    await closeAllEditors(page);
  });

  it('account: Edit Services… opens the form with Enter, Space toggles, Escape cancels, focus back on Edit Services…', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Open Account');
    await pickKeys(page, 'Fabrikam-Finance');
    const frame = webview(page);
    await frame.locator('#app:not(.loading) .updated', { hasText: /^Updated / }).waitFor({ timeout: 60_000 });
    await focusIsInPanel(frame);
    await audit(page, frame, 'account', /^Edit Services…$/);

    await page.keyboard.press('Enter');
    const form = frame.locator('.edit-form');
    await form.waitFor();
    const box = await assertFocus(frame, /^Enabled$/, 'the form opened on its first checkbox');
    assert.equal(box.role, 'checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await assertFocus(frame, /^Edit Services…$/, 'after Escape on the form');
    await closeAllEditors(page);
  });

  it('planSummary: opened by keys on a plan file; Apply… asks in a modal that Escape cancels; focus stays in the panel', async () => {
    const { page } = workbench();
    await paletteKeys(page, 'Select Gateway…');
    await pickKeys(page, 'contoso-lab-gw');
    await openFileKeys(page, path.join(root, 'samples', PLAN), PLAN);
    await paletteKeys(page, 'Plan Changes');
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: `Plan · ${PLAN}` }).waitFor({ timeout: 90_000 });
    // The plan opens its diff view and, beside it in the second group, the summary: Ctrl+2 goes to the summary.
    await focusPanelKeys(page, frame, 2);
    await audit(page, frame, 'planSummary', /^Apply…$/, 2);

    await page.keyboard.press('Enter');
    await dismissDialog(page);
    // No Ctrl+2 here: the host gives the panel focus back when the dismissed command returns, before it answers the
    // page, which then enables Apply… again.
    await frame.locator('#apply:not([disabled])').waitFor();
    await untilFocused(frame);
    await observeFocus(frame, 'planSummary: after Escape on Apply…’s confirmation');
    await assertFocus(frame, /^Apply…$/, 'after Escape on Apply…’s confirmation');
    await tabTo(page, frame, /^Plan Again$/, 'Shift+Tab');
    await page.keyboard.press('Space');
    // Plan Again reopens the diff view, which takes focus; once the plan is shown the host gives it back to the panel.
    await frame.locator('#plan-again:not([disabled])').waitFor({ timeout: 90_000 });
    await untilFocused(frame);
    await observeFocus(frame, 'planSummary: after Space on Plan Again');
    await assertFocus(frame, /^Plan Again$/, 'after Plan Again');
  });

  it('no panel broke its Content Security Policy while driven by keys', () => {
    assert.deepEqual(webviewConsole.filter((line) => /Content Security Policy|Refused to (load|apply|execute)/i.test(line)), []);
  });
});
