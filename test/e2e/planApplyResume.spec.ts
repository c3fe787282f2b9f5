// End-to-end: a cancelled apply and its Resume, and a gateway file planned from its CodeLens, in the real workbench
// against the emulator's lab gateway. The Provisioning API is slowed (the emulator's latency fault, through /_admin) so
// that the apply is still running when its first progress report arrives; the test waits for that report, not for
// time, cancels from the progress notification, and photographs the summary's cancelled state (done of total, what is
// left, the journal, Resume). Resume in the panel finishes the run. Then an edited copy of the lab's gateway file is
// planned from its CodeLens: the diff view of the live gateway against the file, and the gateway summary.
// Screenshots: plan-apply-cancelled, plan-apply-resumed, plan-gateway-diff.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../runner';
import { commandPalette, containerTab, e2eResultsDir, openFile } from './harness';
import { webview } from './panels';
import { clearNotifications, sandboxSettings, useTreesWorkbench } from './trees';

const SUITE = 'plan-apply-resume';
const SAMPLE = 'fabrikam-pilot.acg-plan.json';
const GATEWAY_FILE = 'lab-edited.acg-gateway.json';
/** Long enough per request that a person (and Playwright) can cancel between two of the apply's requests. */
const SLOW_MS = 2_500;

/** PATCH /_admin/faults on the suite's emulator, trusting its CA (the test process is not the workbench). */
function setProvisioningLatency(emulatorUrl: string, latencyMs: number): Promise<void> {
  const ca = fs.readFileSync(path.join(e2eResultsDir, `${SUITE}-emulator`, 'ca.pem'));
  const body = JSON.stringify({ provisioning: { latencyMs } });
  return new Promise((resolve, reject) => {
    const request = https.request(new URL('/_admin/faults', emulatorUrl), { method: 'PATCH', ca, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`/_admin/faults answered ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('a cancelled apply, its Resume, and a gateway file planned in the editor', function () {
  this.timeout(240_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-e2e-resume-'));
  const samples = path.join(root, 'samples');
  fs.cpSync(path.join(repoRoot, 'samples'), samples, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  let emulatorUrl = '';
  const workbench = useTreesWorkbench(SUITE, (url) => {
    emulatorUrl = url;
    return {
      ...sandboxSettings(url),
      'editor.minimap.enabled': false,
      'git.enabled': false,
    };
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('plans the provisioning sample on contoso-lab-gw from its CodeLens', async () => {
    const { page } = workbench();
    await containerTab(page).click();
    await page.locator('.part.sidebar').getByRole('button', { name: 'Select Gateway…' }).first().waitFor({ timeout: 90_000 });
    const rows = await commandPalette(page, 'Communications Gateway: Select Gateway');
    await rows.filter({ hasText: 'Select Gateway…' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'contoso-lab-gw' }).first().click({ timeout: 30_000 });
    await clearNotifications(page);
    await openFile(page, path.join(samples, SAMPLE));
    await page.locator('.codelens-decoration a', { hasText: 'Plan against contoso-lab-gw' }).click({ timeout: 30_000 });
    await webview(page).getByRole('heading', { level: 1, name: `Plan · ${SAMPLE}` }).waitFor({ timeout: 60_000 });
  });

  it('plan-apply-cancelled.png: cancelled from the progress notification after its first report; the summary says what is left', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await setProvisioningLatency(emulatorUrl, SLOW_MS);
    await frame.locator('vscode-button', { hasText: 'Apply…' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).click();
    // The first progress report ("2/7: …") is the event: the run is between two requests, each slowed by SLOW_MS.
    const toast = page.locator('.notification-toast', { hasText: /Applying fabrikam-pilot\.acg-plan\.json.*\d+\/7: / });
    await toast.waitFor({ timeout: 60_000 });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click();
    const outcome = frame.locator('.outcome.cancelled');
    await outcome.waitFor({ timeout: 60_000 });
    const headline = (await outcome.locator('h2').textContent()) ?? '';
    const done = Number(/Cancelled: (\d+) changes? of 7 applied\./.exec(headline)?.[1]);
    assert.ok(done >= 1 && done < 7, headline);
    await outcome.getByText(`${7 - done} not started.`).waitFor();
    await outcome.locator('.journal').waitFor();
    await outcome.locator('.resume-hint', { hasText: 'Resume Apply…' }).waitFor();
    await outcome.locator('vscode-button', { hasText: 'Resume' }).waitFor();
    await page.locator('.notification-toast', { hasText: 'Applying' }).waitFor({ state: 'detached', timeout: 15_000 });
    await outcome.scrollIntoViewIfNeeded();
    await page.mouse.move(640, 940);
    await workbench().screenshot('plan-apply-cancelled');
  });

  it('plan-apply-resumed.png: Resume in the panel asks for what is left and finishes the run', async () => {
    const { page } = workbench();
    const frame = webview(page);
    await setProvisioningLatency(emulatorUrl, 0);
    await frame.locator('.outcome.cancelled vscode-button', { hasText: 'Resume' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match((await dialog.textContent()) ?? '', /Resume: apply \d+ changes? \(.*\) on clab4d5e6f7\.commsgw\.azure\.com\?/);
    await dialog.locator('.monaco-button', { hasText: /^Resume$/ }).click();
    await frame.locator('.outcome.done', { hasText: 'Done: 7 changes of 7 applied.' }).waitFor({ timeout: 60_000 });
    await page.locator('.notification-toast', { hasText: 'Applying' }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.mouse.move(640, 940);
    await workbench().screenshot('plan-apply-resumed');
  });

  it('plan-gateway-diff.png: a gateway file plans from its CodeLens against the gateway it names', async () => {
    const { page } = workbench();
    const doc = JSON.parse(fs.readFileSync(path.join(samples, 'contoso-lab.acg-gateway.json'), 'utf8')) as { properties: { codecs: string[] }; testLines: unknown[] };
    doc.properties.codecs = ['PCMU', 'PCMA', 'G722'];
    doc.testLines.push({ name: 'MAN7', properties: { phoneNumber: '+442079460297', purpose: 'Manual' } });
    fs.writeFileSync(path.join(samples, GATEWAY_FILE), `${JSON.stringify(doc, null, 2)}\n`);
    // The provisioning plan's diff and panel make way, so the picture is the gateway's diff and summary alone.
    const close = await commandPalette(page, 'View: Close All Editor Groups');
    await close.first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'detached', timeout: 15_000 });
    await openFile(page, path.join(samples, GATEWAY_FILE));
    await page.locator('.codelens-decoration a', { hasText: 'Plan against the live gateway' }).click({ timeout: 30_000 });
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 60_000 });
    const frame = webview(page);
    await frame.getByRole('heading', { level: 1, name: `Plan · ${GATEWAY_FILE}` }).waitFor({ timeout: 60_000 });
    const counts = await frame.locator('.count .count-value').allTextContents();
    assert.deepEqual(counts.map((c) => c.trim()), ['1', '1', '0', '3']);
    await frame.getByText('Gateway to update').waitFor();
    await frame.getByText('Test lines to create').waitFor();
    await page.mouse.move(640, 940);
    await workbench().screenshot('plan-gateway-diff');
  });
});
