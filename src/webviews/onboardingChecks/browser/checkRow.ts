// One check's row: its status as an icon AND a word (never colour alone), the title and the one-line summary, then
// its actions (Fix…, Re-run, the Done checkbox of a manual step) and a Details button that folds out why it matters,
// the evidence (with copy buttons where the host allows) and exactly what the fix would write.
import { button, checkbox, iconButton } from '../../shared/browser/components';
import { codicon, h, linkButton } from '../../shared/browser/dom';
import { STATUS_LABELS, type CheckRow, type CheckStatus, type EvidenceValue } from '../protocol';

export type RowState = CheckStatus | 'running' | 'pending';

export const STATUS_TEXT: Readonly<Record<RowState, string>> = { ...STATUS_LABELS, running: 'Running…', pending: 'Not run' };

const STATUS_ICON: Readonly<Record<RowState, string>> = {
  pass: 'pass-filled',
  fail: 'error',
  warn: 'warning',
  manual: 'circle-large-outline',
  skipped: 'circle-slash',
  error: 'question',
  running: 'loading',
  pending: 'circle-outline',
};

export interface RowActions {
  fix(row: CheckRow): void;
  rerun(checkId: string): void;
  mark(checkId: string, done: boolean): void;
  copy(checkId: string, index: number, label: string): void;
  openSource(checkId: string): void;
  toggle(checkId: string, expanded: boolean): void;
}

export interface RowView {
  readonly id: string;
  readonly title: string;
  readonly manual: boolean;
  readonly row?: CheckRow;
  readonly running: boolean;
  readonly expanded: boolean;
  /** What the last fix did, or why a request failed: shown under the summary. */
  readonly note?: { readonly text: string; readonly tone: 'info' | 'error' };
  /** How many results this row received (a re-run's answer shows as a change even when the status stays). */
  readonly results: number;
}

export function statusOf(view: Pick<RowView, 'row' | 'running'>): RowState {
  if (view.running) return 'running';
  return view.row?.status ?? 'pending';
}

export function statusBadge(state: RowState): HTMLElement {
  const icon = codicon(STATUS_ICON[state]);
  if (state === 'running') icon.classList.add('codicon-modifier-spin');
  return h('span', { class: `status status-${state}` }, icon, h('span', { class: 'status-text' }, STATUS_TEXT[state]));
}

/** The row's <li>; `data-action` on its controls lets the page put focus back after the row is drawn again. */
export function checkRow(view: RowView, actions: RowActions): HTMLElement {
  const state = statusOf(view);
  const row = view.row;
  const title = row?.title ?? view.title;
  const detailsId = `details-${cssId(view.id)}`;
  const titleId = `title-${cssId(view.id)}`;

  const controls: HTMLElement[] = [];
  if (row?.fix && state !== 'pass' && state !== 'running') {
    controls.push(tagged(button('Fix…', { appearance: 'primary', icon: 'wrench', title: row.fix.title, onClick: () => actions.fix(row) }), 'fix'));
  }
  if (view.manual) {
    const done = row?.status === 'pass' && row.mark?.done === true;
    controls.push(tagged(checkbox('Done', { checked: done, title: `Mark "${title}" as done for this gateway`, onChange: (checked) => actions.mark(view.id, checked) }), 'mark'));
  }
  const rerun = iconButton('refresh', `Re-run ${title}`, () => actions.rerun(view.id));
  if (state === 'running') rerun.setAttribute('disabled', '');
  controls.push(tagged(rerun, 'rerun'));

  const toggle = h(
    'button',
    { class: 'details-toggle', attrs: { type: 'button', 'aria-expanded': String(view.expanded), 'aria-controls': detailsId, 'data-action': 'toggle' } },
    codicon(view.expanded ? 'chevron-down' : 'chevron-right'),
    h('span', {}, 'Details'),
    h('span', { class: 'visually-hidden' }, ` of ${title}`),
  );
  toggle.addEventListener('click', () => actions.toggle(view.id, !view.expanded));

  const details = h('div', { class: 'check-details', id: detailsId, attrs: { role: 'region', 'aria-labelledby': titleId } });
  details.hidden = !view.expanded;
  if (view.expanded) details.append(...detailsContent(view, actions));

  return h(
    'li',
    { class: `check status-row-${state}`, id: `check-${cssId(view.id)}`, attrs: { 'data-check-id': view.id, 'data-results': String(view.results), 'aria-labelledby': titleId } },
    h(
      'div',
      { class: 'check-main' },
      statusBadge(state),
      h(
        'div',
        { class: 'check-text' },
        h('h3', { class: 'check-title', id: titleId }, title),
        h('p', { class: 'check-summary' }, row?.summary ?? (state === 'running' ? 'Checking…' : 'Not checked yet.')),
        view.note ? h('p', { class: `check-note ${view.note.tone}`, attrs: view.note.tone === 'error' ? { role: 'alert' } : {} }, codicon(view.note.tone === 'error' ? 'error' : 'info'), ` ${view.note.text}`) : undefined,
        row ? toggle : undefined,
      ),
      h('div', { class: 'check-actions' }, ...controls),
    ),
    details,
  );
}

function detailsContent(view: RowView, actions: RowActions): HTMLElement[] {
  const row = view.row;
  if (!row) return [];
  const parts: HTMLElement[] = [
    h('p', { class: 'why' }, row.why, ' ', linkButton(`Source: ${row.source.title}`, () => actions.openSource(row.id), row.source.url)),
  ];
  if (row.evidence.length > 0) {
    parts.push(
      h(
        'dl',
        { class: 'evidence', attrs: { 'aria-label': `Evidence of ${row.title}` } },
        ...row.evidence.flatMap((item, index) => [
          h('dt', {}, item.label),
          h(
            'dd',
            {},
            valueView(item.value),
            item.copy ? tagged(iconButton('copy', `Copy ${item.label}`, () => actions.copy(row.id, index, item.label)), `copy-${index}`) : undefined,
          ),
        ]),
      ),
    );
  }
  if (row.mark?.done) {
    parts.push(h('p', { class: 'muted' }, codicon('check'), ` Marked done ${new Date(row.mark.at).toLocaleString()}${row.mark.by ? ` by ${row.mark.by}` : ''}.`));
  }
  if (row.fix && row.status !== 'pass') {
    parts.push(
      h(
        'div',
        { class: 'fix-plan' },
        h('h4', {}, codicon('wrench'), ` ${row.fix.title}`),
        h('p', {}, row.fix.description),
        h(
          'ol',
          { class: 'writes', attrs: { 'aria-label': 'What the fix would write' } },
          ...row.fix.writes.map((w) => h('li', {}, h('span', {}, w.description), h('code', { class: 'write-path' }, `${w.method} ${w.service === 'graph' ? 'Graph' : 'ARM'} ${w.path}`))),
        ),
        row.fix.inputs.length > 0 ? h('p', { class: 'muted' }, `You will be asked for: ${row.fix.inputs.map((i) => i.label).join(', ')}.`) : undefined,
      ),
    );
  }
  return parts;
}

/** Evidence values: text as text, lists as lists, records as nested fields. Never markup. */
export function valueView(value: EvidenceValue): HTMLElement {
  if (value === null) return h('span', { class: 'muted' }, '—');
  if (typeof value === 'string') return value.length <= 120 && !/\s{2,}/.test(value) ? h('code', {}, value) : h('span', { class: 'long-value' }, value);
  if (typeof value === 'number' || typeof value === 'boolean') return h('code', {}, String(value));
  if (isList(value)) {
    if (value.length === 0) return h('span', { class: 'muted' }, 'None');
    return h('ul', { class: 'value-list' }, ...value.map((item) => h('li', {}, valueView(item))));
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return h('span', { class: 'muted' }, 'None');
  return h('dl', { class: 'value-record' }, ...entries.flatMap(([key, item]) => [h('dt', {}, key), h('dd', {}, valueView(item))]));
}

function isList(value: EvidenceValue): value is readonly EvidenceValue[] {
  return Array.isArray(value);
}

function tagged<T extends HTMLElement>(element: T, action: string): T {
  element.dataset.action = action;
  return element;
}

function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
