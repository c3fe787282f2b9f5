// One card of the page: a heading with room for controls at its right, then a skeleton while it first loads, its
// content, or its own error (message, detail, the presenter's action buttons and Retry). Cards fail alone.
import type { PresentedError } from '../../shared/protocol';
import { button } from '../../shared/browser/components';
import { codicon, h, type Child } from '../../shared/browser/dom';

export interface ErrorHandlers {
  runAction(id: string): void;
  retry(): void;
}

export class Section {
  readonly element: HTMLElement;
  private readonly extras = h('div', { class: 'section-extras' });
  private readonly body = h('div', { class: 'section-body' });
  private hasContent = false;

  constructor(
    id: string,
    private readonly title: string,
    icon: string,
    private readonly skeletonLines = 3,
  ) {
    const headingId = `${id}-heading`;
    this.element = h(
      'section',
      { class: 'card', id, attrs: { 'aria-labelledby': headingId } },
      h('div', { class: 'section-header' }, codicon(icon), h('h2', { id: headingId }, title), this.extras),
      this.body,
    );
    this.setLoading();
  }

  /** A skeleton the first time; later loads keep what is shown and only mark the section busy. */
  setLoading(): void {
    this.element.setAttribute('aria-busy', 'true');
    if (this.hasContent) return;
    const widths = ['w-70', 'w-45', 'w-85', 'w-60', 'w-35'];
    const lines = Array.from({ length: this.skeletonLines }, (_, i) => h('div', { class: `skeleton-line ${widths[i % widths.length]}` }));
    this.body.replaceChildren(h('div', { class: 'skeleton', attrs: { 'aria-hidden': 'true' } }, ...lines), h('span', { class: 'visually-hidden' }, `Loading ${this.title}…`));
  }

  setContent(...children: Child[]): void {
    this.element.removeAttribute('aria-busy');
    this.hasContent = true;
    this.body.replaceChildren();
    for (const child of children) if (child !== false && child !== null && child !== undefined) this.body.append(typeof child === 'number' ? String(child) : child);
  }

  setExtras(...children: Child[]): void {
    this.extras.replaceChildren();
    for (const child of children) if (child !== false && child !== null && child !== undefined) this.extras.append(typeof child === 'number' ? String(child) : child);
  }

  setError(error: PresentedError, handlers: ErrorHandlers): void {
    this.element.removeAttribute('aria-busy');
    this.hasContent = false;
    this.body.replaceChildren(errorView(error, handlers));
  }
}

export function errorView(error: PresentedError, handlers: ErrorHandlers): HTMLElement {
  const actions = error.actions.map((action, index) => button(action.title, { appearance: index === 0 ? 'primary' : 'secondary', onClick: () => handlers.runAction(action.id) }));
  return h(
    'div',
    { class: 'message error', attrs: { role: 'alert' } },
    codicon('error'),
    h(
      'div',
      { class: 'message-text' },
      h('p', { class: 'message-title' }, error.message),
      error.detail ? h('p', { class: 'message-detail' }, error.detail) : undefined,
      h('div', { class: 'message-actions' }, ...actions, button('Retry', { icon: 'refresh', onClick: handlers.retry })),
    ),
  );
}

/** A note in the page's style: info, warning (something to know before acting) or success. */
export function note(kind: 'info' | 'warning' | 'success', text: string): HTMLElement {
  const icon = { info: 'info', warning: 'warning', success: 'pass' }[kind];
  return h('div', { class: `message ${kind === 'success' ? 'info success' : kind}`, attrs: { role: kind === 'warning' ? 'alert' : 'status' } }, codicon(icon), h('div', { class: 'message-text' }, h('p', {}, text)));
}
