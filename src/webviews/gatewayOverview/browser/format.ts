// Small pieces every section of the page uses: definition rows, code chips, lists of addresses, "not set".
import { codicon, h, type Child } from '../../shared/browser/dom';

/** A <dt>/<dd> pair for a definition list. */
export function field(label: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

export function code(text: string): HTMLElement {
  return h('code', {}, text);
}

/** Addresses or prefixes as chips, one per line; "None" when the list is empty. */
export function codeList(values: readonly string[], empty = 'None'): HTMLElement {
  if (values.length === 0) return notSet(empty);
  return h('ul', { class: 'code-list' }, ...values.map((value) => h('li', {}, code(value))));
}

export function notSet(text = 'Not set'): HTMLElement {
  return h('span', { class: 'muted' }, text);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** A status word with its icon, coloured as the Gateways view colours it. */
export function statusBadge(text: string, tone: 'ok' | 'warning' | 'error' | 'neutral'): HTMLElement {
  const icon = { ok: 'pass-filled', warning: 'warning', error: 'error', neutral: 'circle-outline' }[tone];
  return h('span', { class: `status status-${tone}` }, codicon(icon), ` ${text}`);
}
