// End-to-end: configuration files in the real workbench, as an admin sees them. A copy of samples/ (with schemas/ next
// to it, so that the samples' "$schema": "../schemas/…" resolves) is the workspace; the repository is never touched.
// Screenshots: config-squiggles, config-hover, config-problems, config-quickfix, config-task-problems,
// config-split-confirm.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { configKindOf, planToText, validateConfig, type PlanDocument } from '../../src/core/config';
import { repoRoot } from '../runner';
import { openFile, openWorkbench, requireCodeServer, runCommand, type Workbench } from './harness';

const PLAN = 'broken.acg-plan.json';
/** The 2023-format number in the broken plan: an error with a quick fix to E.164. */
const LEGACY_NUMBER = '"442030000002"';

/** 1-based line and column of the first occurrence of `needle` in the sample. */
function lineColumnOf(file: string, needle: string): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

describe('config files in the workbench: squiggles, hover, Problems, quick fix, task', function () {
  this.timeout(90_000);
  let workbench: Workbench | undefined;
  let root = '';
  let samples = '';

  before(async () => {
    requireCodeServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-e2e-config-'));
    samples = path.join(root, 'samples');
    fs.cpSync(path.join(repoRoot, 'samples'), samples, { recursive: true });
    fs.cpSync(path.join(repoRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
    // The sample task runs this repository's CLI build as ${workspaceFolder}/../dist/cli.js.
    fs.symlinkSync(path.join(repoRoot, 'dist'), path.join(root, 'dist'));
    workbench = await openWorkbench({
      extensionDevelopmentPath: repoRoot,
      workspace: samples,
      // Keep the picture about our diagnostics: no minimap over the squiggles, no git decorations.
      settings: { 'editor.minimap.enabled': false, 'git.enabled': false, 'workbench.editor.enablePreview': false },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const dir = await workbench.saveFailure(`config ${this.currentTest.title}`);
      console.log(`      failure screenshot and logs: ${dir}`);
    }
  });

  after(async () => {
    await workbench?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows squiggles in a broken provisioning plan', async () => {
    const { page } = workbench!;
    await openFile(page, path.join(samples, PLAN));
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
    const { line, column } = lineColumnOf(path.join(samples, PLAN), LEGACY_NUMBER);
    await goTo(page, line, column + 1);
    await page.mouse.move(1200, 900);
    await workbench!.screenshot('config-squiggles');
    assert.ok((await editor.locator('.squiggly-error').count()) > 5, 'many findings underlined');
  });

  it('hovers a squiggle: the message and the rule id linking to its source', async () => {
    const { page } = workbench!;
    await runCommand(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'ACG-NUM-004' });
    await hover.waitFor();
    await hover.getByText('2023 portal format').first().waitFor();
    // The diagnostic's code renders as a link to the rule's source.
    const link = hover.locator('a.code-link', { hasText: 'ACG-NUM-004' }).first();
    await link.waitFor();
    await workbench!.screenshot('config-hover');
    assert.match((await link.getAttribute('href')) ?? '', /^https:\/\/learn\.microsoft\.com\/azure\/communications-gateway\//);
    await page.keyboard.press('Escape');
  });

  it('lists the findings in the Problems view with code and source', async () => {
    const { page } = workbench!;
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    const rows = panel.locator('.monaco-list-row');
    await rows.filter({ hasText: 'ACG-NUM-004' }).first().waitFor();
    await workbench!.screenshot('config-problems');
    assert.ok((await rows.filter({ hasText: 'acg' }).count()) > 5);
  });

  it('opens the quick fix menu on the 2023-format number (Ctrl+.)', async () => {
    const { page } = workbench!;
    const { line, column } = lineColumnOf(path.join(samples, PLAN), LEGACY_NUMBER);
    await goTo(page, line, column + 1);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.getByText('Change to "+442030000002"').waitFor();
    await workbench!.screenshot('config-quickfix');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  });

  it('runs `acg validate` as a task: the $acg problem matcher fills Problems for files never opened', async () => {
    const { page } = workbench!;
    // While a task runs, the status bar shows "Running Tasks" (status.runningTasks); it goes away when the task has
    // ended. Record that it was there, so that "gone" below means "ended", not "not started yet".
    await page.evaluate(`(() => {
      window.acgTaskSeen = false;
      const seen = () => { if (document.getElementById('status.runningTasks')) window.acgTaskSeen = true; };
      new MutationObserver(seen).observe(document.querySelector('.part.statusbar'), { childList: true, subtree: true });
    })()`);
    await runCommand(page, 'Tasks: Run Task');
    const task = page.locator('.quick-input-list .monaco-list-row', { hasText: "acg: validate samples (this repository's build)" });
    await task.waitFor();
    await task.click();
    // VS Code may ask how to scan the task's output; our matcher is already named in tasks.json, so it does not.
    await page.waitForFunction('window.acgTaskSeen === true && !document.getElementById("status.runningTasks")', undefined, { timeout: 60_000 });
    // When the process exits, VS Code shows either Problems (the matcher had found something by then) or, for an exit
    // code other than 0, the task's terminal (terminalTaskSystem: it has not seen the output yet, which happens in a
    // remote window). That happens once, at the exit, so now the Problems tab can be brought back for good.
    const problemsTab = page.locator('.part.panel').getByRole('tab', { name: /^Problems/ });
    if ((await problemsTab.getAttribute('aria-selected')) !== 'true') await problemsTab.click();
    const panel = page.locator('.markers-panel');
    // Never opened in an editor, and first in the list: its problems can only come from the task.
    await panel.locator('.monaco-list-row', { hasText: 'broken-lab.acg-gateway.json' }).first().waitFor();
    await panel.locator('.monaco-list-row', { hasText: 'OPUS is not a valid codec' }).first().waitFor();
    // Every finding of a file the task reported, and the open plan's live ones kept (the matcher applies to closed
    // files only; its owner is not the live collection's, so the run does not clear them).
    const findings = (name: string) => validateConfig(configKindOf(name)!, fs.readFileSync(path.join(samples, name), 'utf8'));
    await panel.locator('.monaco-list-row', { hasText: 'broken-lab.acg-gateway.json' }).getByText(String(findings('broken-lab.acg-gateway.json').length), { exact: true }).waitFor();
    const planErrors = findings(PLAN).filter((d) => d.severity === 'error').length;
    // The status bar counts errors as the matcher delivers them. VS Code stops reading a task's output 100 ms after the
    // process exits (terminalTaskSystem, the #92868 workaround), and in a remote window the last lines can arrive
    // later than that, so the count is only bounded below: the plan's live errors plus the first file's.
    const atLeast = planErrors + findings('broken-lab.acg-gateway.json').filter((d) => d.severity === 'error').length;
    await page.waitForFunction((errors) => {
      const label = document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
      return Number(/Errors?: (\d+)/i.exec(label)?.[1] ?? 0) >= errors;
    }, atLeast);
    await page.mouse.move(1200, 200);
    await workbench!.screenshot('config-task-problems');
  });

  it('splits a plan of more than 10,000 numbers after showing which files it will create', async () => {
    const { page } = workbench!;
    const numbers = Array.from({ length: 10_001 }, (_, i) => ({
      telephoneNumber: `+44203${String(1_000_000 + i).padStart(7, '0')}`,
      serviceDetails: {
        teamsOperatorConnect: {
          enabled: true,
          assignmentStatus: 'unassigned' as const,
          configuration: { usage: 'FirstPartyAppAssignment' as const, choosableCapabilities: ['InboundCalling' as const] },
        },
      },
    }));
    const plan: PlanDocument = { accounts: [{ name: 'bulk', serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } }, numbers }] };
    const file = path.join(samples, 'bulk.acg-plan.json');
    fs.writeFileSync(file, planToText(plan));
    // Written just now: opened through the file dialog, which reads the disk (Quick Open's index may not have it).
    await openFile(page, file);
    // ACG-PLAN-001 (too many numbers for one file) is a warning.
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Communications Gateway: Split Provisioning Plan');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText('bulk.part2.acg-plan.json').waitFor();
    await workbench!.screenshot('config-split-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Split' }).first().click();
    const part2 = path.join(samples, 'bulk.part2.acg-plan.json');
    await page.locator('.notifications-toasts', { hasText: 'Split bulk.acg-plan.json into 2 files' }).waitFor();
    const count = (p: string): number =>
      ((JSON.parse(fs.readFileSync(p, 'utf8')) as PlanDocument).accounts ?? []).reduce((n, a) => n + (a.numbers?.length ?? 0), 0);
    assert.equal(count(file) + count(part2), 10_001, 'every number in exactly one file, the original saved');
    assert.ok(count(file) <= 10_000 && count(part2) <= 10_000);
  });
});
