// One card of a page (the Gateway Overview's sections, the Account's cards): a heading with room for controls at its
// right, then a skeleton while it first loads, its content, or its own error (message, detail, the presenter's action
// buttons and Retry). Sections fail alone: one refusing service leaves the rest.
import type { PresentedError } from '../protocol';
import { button } from './components';
import { codicon, h, type Child } from './dom';

export interface SectionOptions {
  readonly id: string;
  readonly title: string;
  /** A codicon before the title. */
  readonly icon: string;
  /** Spans the whole row of the card grid. */
  readonly wide?: boolean;
  /** Skeleton lines to show until the first answer. */
  readonly skeletonLines?: number;
}

export interface ErrorHandlers {
  runAction(id: string): void;
  retry(): void;
}

export class Section {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly extras: HTMLElement;
  private readonly body: HTMLElement;
  private hasContent = false;

  constructor(private readonly options: SectionOptions) {
    const headingId = `${options.id}-heading`;
    this.heading = h('h2', { id: headingId }, options.title);
    this.extras = h('div', { class: 'section-extras' });
    this.body = h('div', { class: 'section-body' });
    this.element = h(
      'section',
      { class: `card${options.wide ? ' wide' : ''}`, id: options.id, attrs: { 'aria-labelledby': headingId } },
      h('div', { class: 'section-header' }, codicon(options.icon), this.heading, this.extras),
      this.body,
    );
    this.setLoading();
  }

  /** A skeleton the first time; later loads keep what is shown and only mark the section busy. */
  setLoading(): void {
    this.element.setAttribute('aria-busy', 'true');
    if (this.hasContent) return;
    const widths = ['w-70', 'w-45', 'w-85', 'w-60', 'w-35', 'w-75'];
    const lines = Array.from({ length: this.options.skeletonLines ?? 3 }, (_, i) => h('div', { class: `skeleton-line ${widths[i % widths.length]}` }));
    this.body.replaceChildren(h('div', { class: 'skeleton', attrs: { 'aria-hidden': 'true' } }, ...lines), h('span', { class: 'visually-hidden' }, `Loading ${this.options.title}…`));
    this.setExtras();
  }

  setContent(...children: Child[]): void {
    this.element.removeAttribute('aria-busy');
    this.hasContent = true;
    this.body.replaceChildren();
    for (const child of children) if (child !== false && child !== null && child !== undefined) this.body.append(typeof child === 'number' ? String(child) : child);
  }

  /** Controls at the right of the heading (a count, a "Show in …" link); cleared while loading and on errors. */
  setExtras(...children: Child[]): void {
    this.extras.replaceChildren();
    for (const child of children) if (child !== false && child !== null && child !== undefined) this.extras.append(typeof child === 'number' ? String(child) : child);
  }

  setError(error: PresentedError, handlers: ErrorHandlers): void {
    this.element.removeAttribute('aria-busy');
    this.hasContent = false;
    this.setExtras();
    this.body.replaceChildren(errorView(error, handlers));
  }

  /** A failure that another section already explains (the gateway itself could not be read). */
  setUnavailable(reason: string): void {
    this.element.removeAttribute('aria-busy');
    this.hasContent = false;
    this.setExtras();
    this.body.replaceChildren(h('p', { class: 'muted' }, codicon('circle-slash'), ` ${reason}`));
  }
}

/** An error with the presenter's actions and a way to try again (`retryTitle`: what trying again means on that page). */
export function errorView(error: PresentedError, handlers: ErrorHandlers, retryTitle = 'Retry'): HTMLElement {
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
      h('div', { class: 'message-actions' }, ...actions, button(retryTitle, { icon: 'refresh', onClick: handlers.retry })),
    ),
  );
}

/** A note in the page's style: info, warning (something to know before acting) or success. */
export function note(kind: 'info' | 'warning' | 'success', text: string): HTMLElement {
  const icon = { info: 'info', warning: 'warning', success: 'pass' }[kind];
  return h('div', { class: `message ${kind === 'success' ? 'info success' : kind}`, attrs: { role: kind === 'warning' ? 'alert' : 'status' } }, codicon(icon), h('div', { class: 'message-text' }, h('p', {}, text)));
}
