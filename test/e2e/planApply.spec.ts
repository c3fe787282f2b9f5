// End-to-end: plan and apply a provisioning plan in the real workbench against the emulator's lab gateway. The
// sandbox sample (a temporary copy, with schemas/ beside it) is opened, contoso-lab-gw selected from the palette, and
// the CodeLens "Plan against contoso-lab-gw" clicked: the diff view (live ↔ file) and the summary panel open. Apply…
// in the panel asks with VS Code's modal (counts and a sample), applies, and the panel shows the outcome.
// Screenshots: plan-diff, plan-summary, plan-apply-confirm, plan-apply-result.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../runner';
import { commandPalette, containerTab, openFile } from './harness';
import { webview } from './panels';
import { clearNotifications, sandboxSettings, useTreesWorkbench } from './trees';

const SAMPLE = 'fabrikam-pilot.acg-plan.json';

describe('plan and apply in the editor against the emulator', function () {
  this.timeout(180_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-e2e-plan-'));
  const samples = path.join(root, 'samples');
  fs.cpSync(path.join(repoRoot, 'samples'), samples, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  const workbench = useTreesWorkbench('plan-apply', (emulatorUrl) => ({
    ...sandboxSettings(emulatorUrl),
    'editor.minimap.enabled': false,
    'git.enabled': false,
  }));

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('selects contoso-lab-gw and opens the sample, whose CodeLens names it', async () => {
    const { page } = workbench();
    await containerTab(page).click();
    await page.locator('.part.sidebar').getByRole('button', { name: 'Select Gateway…' }).first().waitFor({ timeout: 90_000 });
    const rows = await commandPalette(page, 'Communications Gateway: Select Gateway');
    await rows.filter({ hasText: 'Select Gateway…' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'contoso-lab-gw' }).first().click({ timeout: 30_000 });
    await clearNotifications(page);
    await openFile(page, path.join(samples, SAMPLE));
    await page.locator('.codelens-decoration a', { hasText: 'Plan against contoso-lab-gw' }).waitFor({ timeout: 30_000 });
  });

  it('plan-diff.png and plan-summary.png: the CodeLens plans; the diff view and the summary with counts and samples', async () => {
    const { page } = workbench();
    await page.locator('.codelens-decoration a', { hasText: 'Plan against contoso-lab-gw' }).click();
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 60_000 });
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: `Plan · ${SAMPLE}` }).waitFor({ timeout: 60_000 });
    const counts = await frame.locator('.count .count-value').allTextContents();
    assert.deepEqual(counts.map((c) => c.trim()), ['5', '2', '0', '2']);
    await frame.getByText('Numbers to create').waitFor();
    await frame.locator('.fields .after').first().waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('plan-diff');
    await frame.locator('.group').last().scrollIntoViewIfNeeded();
    await workbench().screenshot('plan-summary');
  });

  it('plan-apply-confirm.png and plan-apply-result.png: Apply… asks with the counts and a sample, then the outcome', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await frame.locator('header').scrollIntoViewIfNeeded();
    await frame.locator('vscode-button', { hasText: 'Apply…' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /Apply 7 changes \(5 to create, 2 to update\) on clab4d5e6f7\.commsgw\.azure\.com\?/);
    await workbench().screenshot('plan-apply-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await frame.locator('.outcome.done', { hasText: 'Done: 7 changes of 7 applied.' }).waitFor({ timeout: 60_000 });
    // The progress notification goes once the apply has returned: the picture shows the panel alone.
    await page.locator('.notification-toast', { hasText: 'Applying' }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.mouse.move(640, 940);
    await workbench().screenshot('plan-apply-result');
  });
});
