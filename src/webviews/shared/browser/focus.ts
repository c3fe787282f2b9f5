// Keyboard focus across redraws. The pages draw by replacing DOM, and a replaced element takes focus with it: the
// browser then puts focus on the body, and a keyboard user has to start again from the top of the page. These put it
// back on the same control (found again by id or data-focus-key) or, when that control is gone or disabled, on a
// fallback the page names.
export type FocusFallback = () => HTMLElement | null | undefined;

/** Runs `redraw`, then puts focus back where it was inside `container` (if it was there). */
export function redrawKeepingFocus(container: Element, redraw: () => void, fallback?: FocusFallback): void {
  const active = document.activeElement;
  const had = active instanceof HTMLElement && container.contains(active) ? active : undefined;
  const key = had ? focusKeyOf(had) : undefined;
  redraw();
  if (!had || (had.isConnected && document.activeElement === had)) return;
  const again = key ? container.querySelector<HTMLElement>(key) : null;
  const target = again && focusable(again) ? again : fallback?.();
  target?.focus();
}

/** Escape presses the container's element matching `selector` (its Cancel or Close button), when it is enabled and no
 * control inside (an open dropdown) has used the key already. */
export function escapePresses(container: HTMLElement, selector: string): void {
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const target = container.querySelector<HTMLElement>(selector);
    if (!target || !focusable(target)) return;
    event.preventDefault();
    target.click();
  });
}

/** Marks the button Escape presses (a form's Cancel, Close or Done): see escapePresses(container, '[data-escape]'). */
export function escapeTarget<T extends HTMLElement>(element: T): T {
  element.dataset.escape = '';
  return element;
}

function focusKeyOf(element: HTMLElement): string | undefined {
  if (element.id) return `#${CSS.escape(element.id)}`;
  const key = element.dataset.focusKey;
  return key ? `[data-focus-key="${CSS.escape(key)}"]` : undefined;
}

function focusable(element: HTMLElement): boolean {
  return element.isConnected && !element.hasAttribute('disabled') && !element.closest('[hidden]');
}
