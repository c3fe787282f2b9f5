// The grid of requests: a table with role="grid", one row per request, a checkbox per row and one for every row shown.
// Keyboard: one tab stop (the focused row); Up/Down/Home/End/PageUp/PageDown move, Space toggles the row,
// Shift+Up/Down extends the selection, Ctrl/Cmd+A selects every row shown, Escape clears the selection. The page owns
// the state; the grid draws it and reports what the person did.
import { codicon, h } from '../../shared/browser/dom';
import { consentLabel, type RequestRow } from '../protocol';

export interface GridEvents {
  focus(tenantId: string): void;
  /** Select or clear these rows. */
  select(tenantIds: readonly string[], selected: boolean): void;
  /** Select exactly these rows (Ctrl+A, or clear with none). */
  selectOnly(tenantIds: readonly string[]): void;
}

const PAGE_STEP = 10;

export function keyOf(tenantId: string): string {
  return tenantId.toLowerCase();
}

export class RequestGrid {
  readonly element: HTMLTableElement;
  private readonly body = h('tbody');
  private readonly selectAll: HTMLInputElement;
  private rows: readonly RequestRow[] = [];
  private focused: string | undefined;
  private selected: ReadonlySet<string> = new Set();

  constructor(private readonly events: GridEvents) {
    this.selectAll = h('input', { class: 'row-check', attrs: { type: 'checkbox', 'aria-label': 'Select every request shown' } });
    this.selectAll.addEventListener('change', () => {
      this.events.select(
        this.rows.map((r) => r.tenantId),
        this.selectAll.checked,
      );
    });
    const header = (label: string, className?: string): HTMLTableCellElement => h('th', { attrs: { role: 'columnheader', scope: 'col' }, ...(className ? { class: className } : {}) }, label);
    this.element = h(
      'table',
      { class: 'grid requests-grid', id: 'requests-grid', attrs: { role: 'grid', 'aria-multiselectable': 'true', 'aria-label': 'Requests for information' } },
      h(
        'thead',
        {},
        h(
          'tr',
          { attrs: { role: 'row' } },
          h('th', { class: 'check', attrs: { role: 'columnheader', scope: 'col' } }, this.selectAll),
          header('Company'),
          header('Consent'),
          header('Countries'),
          header('Relationship'),
          header('Reason / reference'),
          header('Account'),
          header('Provisioning'),
        ),
      ),
      this.body,
    );
    this.body.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Draws `rows`; keeps DOM focus on the focused row when the grid had it. */
  render(rows: readonly RequestRow[], selected: ReadonlySet<string>, focused: string | undefined): void {
    const hadFocus = this.element.contains(document.activeElement) && document.activeElement !== this.selectAll;
    this.rows = rows;
    this.selected = selected;
    this.focused = rows.some((r) => keyOf(r.tenantId) === focused) ? focused : rows[0] && keyOf(rows[0].tenantId);
    this.element.setAttribute('aria-rowcount', String(rows.length + 1));
    const chosen = rows.filter((r) => selected.has(keyOf(r.tenantId))).length;
    this.selectAll.checked = rows.length > 0 && chosen === rows.length;
    this.selectAll.indeterminate = chosen > 0 && chosen < rows.length;
    this.body.replaceChildren(...rows.map((row, index) => this.rowElement(row, index, selected.has(keyOf(row.tenantId)))));
    if (rows.length === 0) this.body.append(h('tr', { class: 'empty' }, h('td', { attrs: { colspan: '8' } }, 'No request matches the filters.')));
    if (hadFocus) this.focusedRow()?.focus();
  }

  focusRow(): void {
    this.focusedRow()?.focus();
  }

  /** The row that takes focus when the grid gets it (for a page that needs somewhere to put focus). */
  focusedRowElement(): HTMLElement | undefined {
    return this.focusedRow();
  }

  private focusedRow(): HTMLElement | undefined {
    if (!this.focused) return undefined;
    return [...this.body.querySelectorAll<HTMLElement>('tr[data-tenant]')].find((tr) => tr.dataset.tenant === this.focused);
  }

  private rowElement(row: RequestRow, index: number, selected: boolean): HTMLTableRowElement {
    const key = keyOf(row.tenantId);
    const check = h('input', { class: 'row-check', attrs: { type: 'checkbox', tabindex: '-1', 'aria-label': `Select ${row.company}` } });
    check.checked = selected;
    check.addEventListener('click', (event) => event.stopPropagation());
    check.addEventListener('change', () => {
      this.events.focus(row.tenantId);
      this.events.select([row.tenantId], check.checked);
    });
    const tr = h(
      'tr',
      {
        class: `${selected ? 'selected ' : ''}${key === this.focused ? 'focused' : ''}`.trim(),
        attrs: { role: 'row', 'aria-selected': String(selected), 'aria-rowindex': String(index + 2), tabindex: key === this.focused ? '0' : '-1' },
      },
      h('td', { class: 'check', attrs: { role: 'gridcell' } }, check),
      h('td', { attrs: { role: 'gridcell' } }, h('span', { class: 'company' }, row.company)),
      h('td', { attrs: { role: 'gridcell' } }, h('span', { class: `consent consent-${row.consent}` }, consentLabel(row.consent))),
      h('td', { attrs: { role: 'gridcell' } }, row.countries.join(', ')),
      h('td', { attrs: { role: 'gridcell' } }, h('span', { class: `relationship rel-${row.relationship}` }, row.relationshipRaw ?? row.relationshipLabel)),
      h('td', { class: 'comment', attrs: { role: 'gridcell', ...(row.comment ? { title: row.comment } : {}) } }, row.comment ?? ''),
      h('td', { attrs: { role: 'gridcell' } }, row.accountName ?? h('span', { class: 'muted' }, '—')),
      h('td', { attrs: { role: 'gridcell' } }, provisioningCell(row)),
    );
    tr.dataset.tenant = key;
    tr.addEventListener('click', (event) => {
      if (event.shiftKey && this.focused) this.events.select(this.range(this.focused, key), true);
      else if (event.ctrlKey || event.metaKey) this.events.select([row.tenantId], !selected);
      this.events.focus(row.tenantId);
    });
    return tr;
  }

  private onKey(event: KeyboardEvent): void {
    const keys = this.rows.map((r) => keyOf(r.tenantId));
    const at = this.focused ? keys.indexOf(this.focused) : -1;
    const move = (to: number): void => {
      const target = this.rows[Math.max(0, Math.min(keys.length - 1, to))];
      if (!target) return;
      if (event.shiftKey && this.focused) this.events.select(this.range(this.focused, keyOf(target.tenantId)), true);
      this.events.focus(target.tenantId);
    };
    const row = this.rows[at];
    switch (event.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(keys.length - 1);
        break;
      case 'PageDown':
        move(at + PAGE_STEP);
        break;
      case 'PageUp':
        move(at - PAGE_STEP);
        break;
      case ' ':
        if (row) this.events.select([row.tenantId], !this.selected.has(keyOf(row.tenantId)));
        break;
      case 'a':
      case 'A':
        if (!(event.ctrlKey || event.metaKey)) return;
        this.events.selectOnly(this.rows.map((r) => r.tenantId));
        break;
      case 'Escape':
        this.events.selectOnly([]);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** The tenant ids between two rows, both included, in grid order. */
  private range(from: string, to: string): string[] {
    const keys = this.rows.map((r) => keyOf(r.tenantId));
    const [a, b] = [keys.indexOf(from), keys.indexOf(to)].sort((x, y) => x - y);
    return a < 0 ? [] : this.rows.slice(a, b + 1).map((r) => r.tenantId);
  }
}

function provisioningCell(row: RequestRow): HTMLElement | string {
  if (!row.provisioning) return '';
  const icon = row.provisioning === 'failed' ? 'error' : row.provisioning === 'pending' ? 'sync' : 'pass';
  return h('span', { class: `status status-${row.provisioning}` }, codicon(icon), ` ${row.provisioning}`, row.errors.length ? ` (${row.errors.length})` : '');
}
