// Keyboard-only accessibility probes for the webview panels (test/e2e/accessibility.spec.ts): what has focus inside
// the panel and its accessible name, the panel's tabbable controls in document order, the interactive elements with
// no accessible name, and Tab/Shift+Tab walks that record where focus goes. The functions passed to evaluate run in
// the webview's own document, so each is self-contained.
import type { FrameLocator, Page } from 'playwright-core';

/** Where focus is, seen from the panel's document. */
export interface Focus {
  /** control: an element of the panel; body: the panel has focus but no control (focus was lost); outside: the
   * workbench has it. */
  readonly where: 'control' | 'body' | 'outside';
  /** The same number for the same element during the page's life (not an attribute: the DOM is left as it is). */
  readonly id: number;
  readonly role: string;
  readonly name: string;
  /** The focus ring the page draws: the computed outline of the element (or of its shadow root's focused part). */
  readonly ring: string;
}

export interface Control {
  readonly id: number;
  readonly role: string;
  readonly name: string;
  readonly html: string;
}

const INTERACTIVE = [
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'a[href]',
  '[role="button"]',
  '[role="checkbox"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="row"][tabindex]',
  '[tabindex]',
  'vscode-button',
  'vscode-checkbox',
  'vscode-text-field',
  'vscode-text-area',
  'vscode-dropdown',
].join(',');

/** What every probe needs in the page: a stable id per element, its role, its accessible name, whether Tab stops on it. */
type Helpers = {
  idOf(element: Element): number;
  roleOf(element: Element): string;
  nameOf(element: Element): string;
  tabbable(element: Element): boolean;
};

/** Wraps `body` with the helpers into one function for evaluate (which sends a single function's source). */
function withHelpers<R, A>(body: (helpers: Helpers, arg: A) => R): (element: Element, arg: A) => R {
  // Serialised into the page by evaluate: everything it uses is inside it.
  return new Function(
    'element',
    'arg',
    // tsx may wrap named functions in __name(); the page has no such helper.
    `const __name = (f) => f;
     const body = (${body.toString()});
     const w = window;
     if (!w.acgA11y) w.acgA11y = { ids: new WeakMap(), next: 1 };
     const store = w.acgA11y;
     const idOf = (el) => { let id = store.ids.get(el); if (!id) { id = store.next++; store.ids.set(el, id); } return id; };
     const CUSTOM = { 'VSCODE-BUTTON': 'button', 'VSCODE-CHECKBOX': 'checkbox', 'VSCODE-TEXT-FIELD': 'textbox', 'VSCODE-TEXT-AREA': 'textbox', 'VSCODE-DROPDOWN': 'combobox' };
     const roleOf = (el) => {
       const explicit = el.getAttribute('role');
       if (explicit) return explicit;
       if (CUSTOM[el.tagName]) return CUSTOM[el.tagName];
       if (el.tagName === 'INPUT') { const t = (el.getAttribute('type') || 'text').toLowerCase(); return t === 'checkbox' ? 'checkbox' : t === 'number' ? 'spinbutton' : t === 'radio' ? 'radio' : 'textbox'; }
       return { BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox', A: 'link', TR: 'row', H1: 'heading', H2: 'heading', H3: 'heading' }[el.tagName] || el.tagName.toLowerCase();
     };
     // Text a screen reader would read for the element's content: text nodes, skipping aria-hidden and hidden parts.
     const textOf = (node) => {
       if (node.nodeType === 3) return node.textContent || '';
       if (node.nodeType !== 1) return '';
       if (node.getAttribute('aria-hidden') === 'true' || node.hidden) return '';
       if (node.getAttribute('aria-label')) return ' ' + node.getAttribute('aria-label') + ' ';
       let text = '';
       for (const child of node.childNodes) text += textOf(child);
       return /^(DIV|P|TD|TH|LI|SECTION|H[1-6])$/.test(node.tagName) ? ' ' + text + ' ' : text;
     };
     const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim();
     const NAME_FROM_CONTENT = new Set(['button', 'checkbox', 'link', 'row', 'tab', 'menuitem', 'option', 'gridcell', 'radio', 'textbox', 'heading']);
     const nameOf = (el) => {
       const by = el.getAttribute('aria-labelledby');
       if (by) {
         const text = clean(by.split(/\\s+/).map((id) => { const t = document.getElementById(id); return t ? textOf(t) : ''; }).join(' '));
         if (text) return text;
       }
       const label = clean(el.getAttribute('aria-label'));
       if (label) return label;
       if (el.labels && el.labels.length) { const text = clean([...el.labels].map(textOf).join(' ')); if (text) return text; }
       const native = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);
       // A custom text field's label is its slotted content; a native field has none (its value is not its name).
       if (!native && NAME_FROM_CONTENT.has(roleOf(el))) { const text = clean(textOf(el)); if (text) return text; }
       return clean(el.getAttribute('title'));
     };
     const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden],[inert]');
     const tabbable = (el) => {
       if (!visible(el) || el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true') return false;
       if (CUSTOM[el.tagName]) return el.getAttribute('tabindex') !== '-1';
       return el.tabIndex >= 0;
     };
     return body({ idOf, roleOf, nameOf, tabbable }, arg);`,
  ) as (element: Element, arg: A) => R;
}

/** Resolves once the panel's document has focus: at once if it has, else on its window's next focus event. */
export async function untilFocused(frame: FrameLocator): Promise<void> {
  await frame.locator('body').evaluate(
    () => new Promise<void>((resolve) => (document.hasFocus() ? resolve() : window.addEventListener('focus', () => resolve(), { once: true }))),
  );
}

/** What has focus, from the panel's document. */
export async function focusOf(frame: FrameLocator): Promise<Focus> {
  return frame.locator('body').evaluate(
    withHelpers(({ idOf, roleOf, nameOf }) => {
      if (!document.hasFocus()) return { where: 'outside', id: 0, role: '', name: '', ring: '' } as const;
      const element = document.activeElement;
      if (!element || element === document.body || element === document.documentElement) return { where: 'body', id: 0, role: '', name: '', ring: '' } as const;
      const part = (element.shadowRoot?.activeElement ?? element.shadowRoot?.querySelector('.control')) || element;
      const style = getComputedStyle(part);
      const own = getComputedStyle(element);
      const ring = [style, own].map((s) => (s.outlineStyle !== 'none' && s.outlineWidth !== '0px' ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : s.borderColor && s.boxShadow !== 'none' ? `shadow ${s.boxShadow}` : '')).find(Boolean) ?? '';
      return { where: 'control', id: idOf(element), role: roleOf(element), name: nameOf(element), ring } as const;
    }),
    undefined,
  );
}

/** The panel's tabbable controls in document order (what Tab should visit, in that order). */
export async function tabbableControls(frame: FrameLocator): Promise<Control[]> {
  return frame.locator('body').evaluate(
    withHelpers(({ idOf, roleOf, nameOf, tabbable }, selector: string) =>
      [...document.querySelectorAll(selector)].filter(tabbable).map((element) => ({ id: idOf(element), role: roleOf(element), name: nameOf(element), html: element.outerHTML.slice(0, 160) })),
    ),
    INTERACTIVE,
  );
}

/** Every interactive element (shown or not) with no accessible name, or the toolkit's generic stand-in for one. */
export async function unnamedControls(frame: FrameLocator): Promise<string[]> {
  return frame.locator('body').evaluate(
    withHelpers(({ nameOf }, selector: string) =>
      // The toolkit's placeholders for a control connected with no label count as no name.
      [...document.querySelectorAll(selector)].filter((element) => ['', 'Text field', 'Text area', 'Checkbox', 'Radio', 'Option'].includes(nameOf(element))).map((element) => element.outerHTML.replace(/>[\s\S]*$/, '>').slice(0, 200)),
    ),
    INTERACTIVE,
  );
}

/** "role name", as the walks record each stop. */
export function label(stop: Pick<Focus, 'role' | 'name'>): string {
  return `${stop.role} "${stop.name}"`;
}

export interface Walk {
  readonly stops: Focus[];
  /** How the walk ended: focus left the panel (not trapped), came back to a control already visited, or was lost. */
  readonly end: 'left' | 'repeated' | 'lost' | 'limit';
}

/** Presses `key` until focus leaves the panel, repeats a control, lands on the body, or `limit` presses. */
export async function walk(page: Page, frame: FrameLocator, key: 'Tab' | 'Shift+Tab', limit: number, start: Focus[] = []): Promise<Walk> {
  const stops = [...start];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press(key);
    const focus = await focusOf(frame);
    if (focus.where === 'outside') return { stops, end: 'left' };
    if (focus.where === 'body') return { stops, end: 'lost' };
    if (stops.some((s) => s.id === focus.id)) return { stops: [...stops, focus], end: 'repeated' };
    stops.push(focus);
  }
  return { stops, end: 'limit' };
}
