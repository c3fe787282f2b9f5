// The keyboard-only steps of test/e2e/accessibility.spec.ts: the command palette, quick picks and the file dialog
// driven by keys alone, Tab to a named control, and the audit every panel gets (named controls, grid semantics, a
// complete Tab and Shift+Tab order that never traps nor loses focus).
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { focusOf, label, tabbableControls, unnamedControls, walk, type Focus } from './a11y';
import { exactly } from './harness';

const QUICK_INPUT = '.quick-input-widget';

/** F1, types `text`, moves down to the row labelled exactly `label` (the best match is not always first), Enter. */
export async function commandKeys(page: Page, text: string, label = text): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(`${QUICK_INPUT} input`).waitFor();
  await page.keyboard.type(text);
  const row = (extra: string): Locator => page.locator(`${QUICK_INPUT} .monaco-list-row${extra}`, { has: page.locator('.label-name', { hasText: exactly(label) }) });
  await row('').first().waitFor();
  for (let down = 0; down < 20 && (await row('.focused').count()) === 0; down++) await page.keyboard.press('ArrowDown');
  await row('.focused').waitFor({ timeout: 1_000 });
  await page.keyboard.press('Enter');
}

/** "Communications Gateway: <title>" from the palette, by keys. */
export async function paletteKeys(page: Page, title: string): Promise<void> {
  await commandKeys(page, `Communications Gateway: ${title}`);
}

/** Types `text` into the open quick pick, waits until the focused row shows it (items may still be read), Enter. */
export async function pickKeys(page: Page, text: string): Promise<void> {
  await page.locator(`${QUICK_INPUT} input`).waitFor();
  await page.keyboard.type(text);
  await page.locator(`${QUICK_INPUT} .monaco-list-row.focused`, { hasText: text }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** "File: Open File...", the path typed, Enter (VS Code's simple file dialog, as in harness.openFile, by keys). */
export async function openFileKeys(page: Page, file: string, name: string): Promise<void> {
  await commandKeys(page, 'File: Open File...');
  const dialog = page.locator(QUICK_INPUT);
  await dialog.locator('.quick-input-title', { hasText: exactly('Open File') }).waitFor();
  // The dialog replaces what was typed with its start folder once it has listed it; its ".." row shows then.
  await dialog.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: exactly('..') }) }).first().waitFor();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(file);
  await dialog.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: exactly(name) }) }).first().waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

/** Presses Tab until a control named `name` has focus; fails if focus leaves the panel or is lost first. */
export async function tabTo(page: Page, frame: FrameLocator, name: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 80): Promise<Focus> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press++) {
    const focus = await focusOf(frame);
    if (focus.where === 'control' && name.test(focus.name)) return focus;
    await page.keyboard.press(key);
    const next = await focusOf(frame);
    seen.push(next.where === 'control' ? label(next) : next.where);
    if (next.where !== 'control') break;
  }
  throw new Error(`${key} never reached ${name}: ${seen.join(' → ')}`);
}

/** Presses Tab until a control with this role has focus. */
export async function tabToRole(page: Page, frame: FrameLocator, role: string, limit = 60): Promise<Focus> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    const focus = await focusOf(frame);
    if (focus.where !== 'control') throw new Error(`Tab left the controls (${focus.where}) before a ${role}`);
    if (focus.role === role) return focus;
  }
  throw new Error(`Tab never reached a ${role}`);
}

/** Asserts focus is on a control of the panel named `name` (not lost to the body, not outside). */
export async function assertFocus(frame: FrameLocator, name: RegExp, why: string): Promise<Focus> {
  const focus = await focusOf(frame);
  assert.equal(focus.where, 'control', `${why}: focus is ${focus.where}`);
  assert.match(focus.name, name, `${why}: focus is on ${label(focus)}`);
  return focus;
}

/** Tables: a name each; a role=grid table's rows are rows and its cells gridcells or column headers. */
export async function gridProblems(frame: FrameLocator): Promise<string[]> {
  return frame.locator('body').evaluate(() => {
    const problems: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      const named = table.getAttribute('aria-label') || table.getAttribute('aria-labelledby') || table.querySelector('caption');
      const what = `table ${table.getAttribute('aria-label') ?? table.className}`;
      if (!named) problems.push(`${what}: no aria-label, aria-labelledby or caption`);
      if (table.getAttribute('role') !== 'grid') continue;
      for (const tr of table.querySelectorAll('tr')) {
        if (tr.getAttribute('role') !== 'row') problems.push(`${what}: a row without role=row: ${tr.outerHTML.slice(0, 80)}`);
        for (const cell of tr.children) {
          const role = cell.getAttribute('role');
          if (role !== 'gridcell' && role !== 'columnheader' && role !== 'rowheader') problems.push(`${what}: a cell without a grid role: ${cell.outerHTML.slice(0, 80)}`);
        }
      }
    }
    return problems;
  });
}

export interface Audit {
  /** The controls in the order Tab reaches them, as "role name". */
  readonly tabOrder: string[];
  /** The walk's ends: Tab leaves the panel after its last control, Shift+Tab before its first. */
  readonly ends: string;
}

/**
 * The audit of a loaded panel, starting with focus inside it: every interactive element named, grids with roles, and
 * one Shift+Tab walk to the top then one Tab walk to the end that reaches every tabbable control once, in document
 * order, and leaves the panel at both ends (focus is neither trapped nor lost). Ends with focus back in the panel.
 */
export async function auditPanel(page: Page, frame: FrameLocator, panel: string, group = 1): Promise<Audit> {
  assert.deepEqual(await unnamedControls(frame), [], `${panel}: interactive elements without an accessible name`);
  assert.deepEqual(await gridProblems(frame), [], `${panel}: grid semantics`);
  const expected = await tabbableControls(frame);
  assert.ok(expected.length > 0, `${panel}: no tabbable control`);
  const limit = expected.length + 5;

  // Up to the top: Shift+Tab until focus leaves the panel.
  // A page just opened has focus on its body (nothing chosen yet): Shift+Tab from there goes to its last control.
  const start = await focusOf(frame);
  const up = await walk(page, frame, 'Shift+Tab', limit, start.where === 'control' ? [start] : []);
  assert.equal(up.end, 'left', `${panel}: Shift+Tab ended ${up.end} after ${up.stops.map(label).join(' → ')}`);
  // Back in from above: Tab enters at the first control and walks to the last, then leaves.
  const down = await walk(page, frame, 'Tab', limit);
  const order = down.stops.map(label);
  assert.equal(down.end, 'left', `${panel}: Tab ended ${down.end} after ${order.join(' → ')}`);
  assert.deepEqual(order, expected.map(label), `${panel}: Tab order against the document order of the tabbable controls`);
  // Back in by keys: Shift+Tab once (VS Code decides where focus goes after the webview; from some layouts it comes
  // back to the last control), else the editor group's shortcut, which gives the webview focus again.
  await page.keyboard.press('Shift+Tab');
  const back = await focusOf(frame);
  const reentered = back.where === 'control' && back.id === down.stops[down.stops.length - 1]?.id;
  if (!reentered) await focusPanelKeys(page, frame, group);
  return { tabOrder: order, ends: `Shift+Tab leaves above the first control, Tab below the last; back in by ${reentered ? 'Shift+Tab' : `Ctrl+${group}`}` };
}

/** Ctrl+<group> (View: Focus Editor Group): the webview in that group takes focus; waits for its window's focus event. */
export async function focusPanelKeys(page: Page, frame: FrameLocator, group: number): Promise<void> {
  for (let press = 1; press <= 3; press++) {
    // Its focus event ends the wait, or hasFocus() if the focus came before the listener did. The bound is for when
    // VS Code gives no focus event (the group was active, the webview was not): then press again.
    const focused = frame.locator('body').evaluate(
      (_, boundMs) =>
        new Promise<boolean>((resolve) => {
          if (document.hasFocus()) resolve(true);
          window.addEventListener('focus', () => resolve(true), { once: true });
          setTimeout(() => resolve(document.hasFocus()), boundMs);
        }),
      10_000,
    );
    await page.keyboard.press(`ControlOrMeta+${group}`);
    if (await focused) return;
  }
  throw new Error(`Ctrl+${group} did not give the panel focus in three presses`);
}

/** Focus is inside the panel (the webview took it when it opened, or Tab from the workbench reached it). */
export async function focusIsInPanel(frame: FrameLocator): Promise<Focus> {
  const focus = await focusOf(frame);
  assert.notEqual(focus.where, 'outside', 'the panel has focus');
  return focus;
}
