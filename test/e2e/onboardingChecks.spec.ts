// End-to-end: the Onboarding Checks panel in the sandbox-like workbench (emulator + code-server + Chromium), signed in
// through the palette as a person would. "Run Onboarding Checks…" from fabrikam-new-gw's context menu opens the panel,
// which shows the demo's onboarding gaps (the 2 missing Project Synergy roles by name, the unverified domain with its
// TXT record, 4 of 6 OC test lines): screenshot BEFORE. The roles fix is then run from the keyboard through VS Code's
// modal confirmation (screenshot of the dialog), the check re-run, and it is green: screenshot AFTER. The gateway row's
// badge says how many checks failed.
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { commandPalette, containerTab, hoverUntil } from './harness';
import { clearNotifications, useTreesWorkbench, widenSideBar } from './trees';

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
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

function check(frame: FrameLocator, id: string): Locator {
  return frame.locator(`li.check[data-check-id="${id}"]`);
}

async function statusOf(frame: FrameLocator, id: string, text: string): Promise<void> {
  await check(frame, id).locator('.check-main .status-text', { hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 60_000 });
}

/** A context menu entry of a tree row, chosen as the Overview spec does (hover, then Enter). */
async function contextMenu(page: Page, target: Locator, entry: string): Promise<void> {
  await target.click({ button: 'right' });
  const item = page.locator('.context-view .monaco-menu .action-item', { hasText: new RegExp(`^${entry}$`) });
  await item.hover();
  await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: new RegExp(`^${entry}$`) }).waitFor();
  await page.keyboard.press('Enter');
}

describe('webviews: the Onboarding Checks panel against the emulator', function () {
  this.timeout(240_000);
  const webviewConsole: string[] = [];
  const workbench = useTreesWorkbench('onboarding-checks', (emulatorUrl) => ({
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

  it('onboarding-fabrikam-new-gw-before.png: the 2 missing roles by name, the unverified domain with its TXT record, 4 of 6 test lines', async () => {
    const { page } = workbench();
    await widenSideBar(page, 80);
    await expand(page, /Contoso Telecom - Voice Production/);
    await contextMenu(page, row(page, /^fabrikam-new-gw/).first(), 'Run Onboarding Checks…');

    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: 'Onboarding checks' }).waitFor({ timeout: 30_000 });
    await frame.locator('#app:not(.loading) .updated', { hasText: /^Last run / }).waitFor({ timeout: 60_000 });
    // Every stage of the guides, in order.
    assert.deepEqual(await frame.locator('section.stage h2').allTextContents(), ['Deployment', 'Microsoft Entra ID', 'Operator Connect', 'Teams Phone Mobile', 'Go-live readiness']);

    await statusOf(frame, 'identity.synergy-roles', 'Failed');
    const roles = check(frame, 'identity.synergy-roles');
    const rolesSummary = await roles.locator('.check-summary').textContent();
    assert.match(rolesSummary ?? '', /Data\.Read/);
    assert.match(rolesSummary ?? '', /Data\.Write/);

    await statusOf(frame, 'domain.verified', 'Failed');
    const domain = check(frame, 'domain.verified');
    // A failed check's evidence is folded out, with a copy button for the TXT record's value (what DNS needs).
    await domain.locator('.check-details dl.evidence', { hasText: /MS=ms/ }).waitFor();
    await domain.getByRole('button', { name: 'Copy TXT record value' }).waitFor();

    await statusOf(frame, 'test-lines.count', 'Failed');
    assert.match((await check(frame, 'test-lines.count').locator('.check-summary').textContent()) ?? '', /4 of 6|4\/6|4 automated/);

    await page.mouse.move(640, 940);
    await workbench().screenshot('onboarding-fabrikam-new-gw-before');
    // The Entra stage with the roles' and the domain's evidence.
    await roles.scrollIntoViewIfNeeded();
    await workbench().screenshot('onboarding-fabrikam-new-gw-before-entra');
    // The domain's evidence: the TXT record to hand to the onboarding team.
    await domain.locator('.check-details').scrollIntoViewIfNeeded();
    await workbench().screenshot('onboarding-fabrikam-new-gw-before-domain');
  });

  it('onboarding-badge-tooltip.png: the gateway row’s badge and tooltip say how many onboarding checks failed', async () => {
    const { page } = workbench();
    const gateway = row(page, /^fabrikam-new-gw/).first();
    // VS Code draws the decoration's badge as CSS ::after content on the row's label.
    const badge = await gateway.evaluate((element) =>
      [element, ...element.querySelectorAll('*')].map((e) => getComputedStyle(e, '::after').content).find((content) => /^"\d+"$/.test(content)) ?? '',
    );
    const count = Number(badge.replace(/"/g, ''));
    assert.ok(count >= 3, `badge ${badge}`);
    const tooltip = page.locator('.workbench-hover-container, .monaco-hover', { hasText: `${count} onboarding checks failed` }).first();
    await hoverUntil(page, gateway.locator('.label-name'), tooltip);
    await workbench().screenshot('onboarding-badge-tooltip');
    // Move off the row and wait for the hover to go, so that it does not cover the next screenshots.
    await page.mouse.move(640, 940);
    await tooltip.waitFor({ state: 'hidden' });
  });

  it('onboarding-fix-confirmation.png, onboarding-fabrikam-new-gw-after.png: the roles fix, confirmed in VS Code’s modal, turns the check green on re-run', async () => {
    const { page } = workbench();
    const frame = webview(page);
    const roles = check(frame, 'identity.synergy-roles');
    // From the keyboard: focus the Fix… button and press Enter.
    const fix = roles.locator('[data-action="fix"]');
    await fix.focus();
    await page.keyboard.press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    const dialogText = (await dialog.textContent()) ?? '';
    assert.match(dialogText, /Data\.Read/);
    assert.match(dialogText, /Data\.Write/);
    assert.match(dialogText, /POST/);
    await workbench().screenshot('onboarding-fix-confirmation');
    await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
    await dialog.waitFor({ state: 'detached' });

    await statusOf(frame, 'identity.synergy-roles', 'Passed');
    await roles.locator('.check-note', { hasText: /Wrote 2/ }).waitFor();
    // Re-run that check alone: still green (the panel says when it ran).
    const results = await roles.getAttribute('data-results');
    await roles.getByRole('button', { name: /^Re-run / }).click();
    await frame.locator(`li.check[data-check-id="identity.synergy-roles"]:not([data-results="${results}"])`).waitFor();
    await statusOf(frame, 'identity.synergy-roles', 'Passed');
    await clearNotifications(page);
    await page.mouse.move(640, 940);
    await roles.scrollIntoViewIfNeeded();
    await workbench().screenshot('onboarding-fabrikam-new-gw-after');
  });

  it('comes back after a window reload with its gateway and last results', async () => {
    const { page } = workbench();
    const commands = await commandPalette(page, 'Developer: Reload Window');
    await commands.filter({ has: page.locator('.label-name', { hasText: /^Developer: Reload Window$/ }) }).first().click();
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .tab', { hasText: 'fabrikam-new-gw · Onboarding' }).waitFor({ timeout: 30_000 });
    await statusOf(webview(page), 'identity.synergy-roles', 'Passed');
    await statusOf(webview(page), 'domain.verified', 'Failed');
  });

  it('the page loaded under its Content Security Policy without a violation', () => {
    const violations = webviewConsole.filter((line) => /Content Security Policy|Refused to (load|apply|execute)/i.test(line));
    assert.deepEqual(violations, []);
  });
});
