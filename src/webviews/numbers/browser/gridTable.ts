// The Numbers panel's table: one page of rows, a checkbox per row, and the keyboard of a grid (WAI-ARIA grid pattern,
// rows as the focusable unit): arrows move, Shift+arrows extend the selection, Space toggles, Ctrl+A selects the page,
// Home/End jump, Enter opens a failed number's errors, Escape clears. The selection is kept by number across pages
// (the page owns it); this module only draws and reports.
import { codicon, h } from '../../shared/browser/dom';
import type { NumberGridRow } from '../protocol';
import { statusIconClasses } from './statusIcon';

export interface SelectedRef {
  readonly accountName: string;
  readonly telephoneNumber: string;
}

export interface GridTableEvents {
  /** The selection changed (by click, checkbox or keyboard). */
  onSelectionChange(): void;
  /** PageDown / PageUp on the grid. */
  onPageKey(direction: 'next' | 'previous'): void;
}

interface Column {
  readonly heading: string;
  readonly cell: (row: NumberGridRow) => HTMLElement | string;
  readonly className?: string;
}

export class GridTable {
  readonly element: HTMLTableElement;
  private readonly body = h('tbody');
  private readonly selectAll: HTMLInputElement;
  private rows: readonly NumberGridRow[] = [];
  private rowElements: HTMLTableRowElement[] = [];
  private focused = 0;
  private anchor = 0;
  private readonly expanded = new Set<string>();
  private highlighted: string | undefined;
  private readonly columns: readonly Column[];

  constructor(
    /** Keyed `<account>/<number>`; shared with the page, which keeps it across pages. */
    private readonly selection: Map<string, SelectedRef>,
    private readonly events: GridTableEvents,
    showAccount: boolean,
  ) {
    this.selectAll = h('input', { attrs: { type: 'checkbox', 'aria-label': 'Select every number on this page', title: 'Select every number on this page (Ctrl+A)' } });
    this.selectAll.addEventListener('change', () => this.setPageSelected(this.selectAll.checked));
    // The portal's columns, with the provisioning status next to the number: it is what people scan a page for.
    this.columns = [
      { heading: 'Number', cell: (row) => this.numberCell(row), className: 'number' },
      ...(showAccount ? [{ heading: 'Account', cell: (row: NumberGridRow) => row.accountName }] : []),
      { heading: 'Provisioning', cell: (row) => this.statusCell(row), className: 'status' },
      { heading: 'Services', cell: (row) => titled(row.services || '—', row.serviceNames) },
      { heading: 'Usage', cell: (row) => row.usage || '—' },
      { heading: 'Capabilities', cell: (row) => row.capabilities || '—' },
      { heading: 'Assignment', cell: (row) => row.assignment || '—' },
      { heading: 'Civic address / location', cell: (row) => addressCell(row), className: 'address' },
      { heading: 'Tenant may update', cell: (row) => row.allowTenantUpdate || '—' },
      { heading: 'Displayed CC', cell: (row) => row.displayedCountryCode || '—' },
      { heading: 'Custom SIP header', cell: (row) => (row.customSipHeader ? h('code', {}, row.customSipHeader) : '—') },
    ];
    const header = h('tr', { attrs: { role: 'row' } }, h('th', { class: 'select', attrs: { role: 'columnheader', scope: 'col' } }, this.selectAll), ...this.columns.map((c) => h('th', { attrs: { role: 'columnheader', scope: 'col' } }, c.heading)));
    this.element = h('table', { class: 'grid numbers-grid', attrs: { role: 'grid', 'aria-multiselectable': 'true', 'aria-label': 'Numbers' } }, h('thead', {}, header), this.body);
    this.body.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Draws a page of rows; focus stays on the same row position, `highlight` marks a revealed number. */
  show(rows: readonly NumberGridRow[], options: { rowOffset: number; highlight?: string } = { rowOffset: 0 }): void {
    const hadFocus = this.body.contains(document.activeElement);
    this.rows = rows;
    if (options.highlight !== undefined) this.highlighted = options.highlight;
    this.rowElements = [];
    const children: HTMLTableRowElement[] = [];
    rows.forEach((row, index) => {
      const tr = this.rowElement(row, index, options.rowOffset);
      this.rowElements.push(tr);
      children.push(tr);
      if (this.expanded.has(row.key) && row.errors.length > 0) children.push(errorRow(row, this.columns.length + 1));
    });
    if (rows.length === 0) children.push(h('tr', { attrs: { role: 'row' } }, h('td', { class: 'empty muted', attrs: { colspan: String(this.columns.length + 1) } }, 'No numbers on this page.')));
    this.body.replaceChildren(...children);
    const highlightAt = this.highlighted === undefined ? -1 : rows.findIndex((r) => r.telephoneNumber === this.highlighted);
    this.focused = Math.min(highlightAt >= 0 ? highlightAt : this.focused, Math.max(0, rows.length - 1));
    this.anchor = this.focused;
    this.refreshSelection();
    if (hadFocus || highlightAt >= 0) this.focusRow(this.focused);
  }

  /** Selects the whole page (Ctrl+A, the header checkbox) or clears it. */
  setPageSelected(selected: boolean): void {
    for (const row of this.rows) {
      if (selected) this.selection.set(row.key, ref(row));
      else this.selection.delete(row.key);
    }
    this.refreshSelection();
    this.events.onSelectionChange();
  }

  focusFirstRow(): void {
    this.focusRow(Math.min(this.focused, this.rows.length - 1));
  }

  private rowElement(row: NumberGridRow, index: number, rowOffset: number): HTMLTableRowElement {
    const checkbox = h('input', { attrs: { type: 'checkbox', tabindex: '-1', 'aria-label': `Select ${row.telephoneNumber}` } });
    checkbox.addEventListener('click', (event) => {
      event.stopPropagation();
      this.toggle(index);
      this.focusRow(index);
    });
    const tr = h(
      'tr',
      {
        class: [row.status === 'failed' ? 'failed' : '', row.telephoneNumber === this.highlighted ? 'highlight' : ''].filter(Boolean).join(' '),
        attrs: { role: 'row', tabindex: '-1', 'aria-rowindex': String(rowOffset + index + 2), 'data-key': row.key },
      },
      h('td', { class: 'select', attrs: { role: 'gridcell' } }, checkbox),
      ...this.columns.map((c) => h('td', { ...(c.className ? { class: c.className } : {}), attrs: { role: 'gridcell' } }, c.cell(row))),
    );
    tr.addEventListener('click', (event) => this.onRowClick(index, event));
    return tr;
  }

  private numberCell(row: NumberGridRow): HTMLElement {
    return h('span', { class: 'number-text' }, row.telephoneNumber);
  }

  private statusCell(row: NumberGridRow): HTMLElement {
    const word = row.status || 'unknown';
    const icon = codicon('question');
    icon.className = statusIconClasses(word);
    const cell = h('span', { class: `status-${word}` }, icon, ` ${word}`);
    if (row.errors.length === 0) return cell;
    cell.title = row.errors.join('\n');
    const open = this.expanded.has(row.key);
    const toggle = h('button', { class: 'link errors-toggle', attrs: { type: 'button', tabindex: '-1', 'aria-expanded': String(open), title: 'Show the service’s errors (Enter)' } }, codicon(open ? 'chevron-up' : 'chevron-down'), ` ${row.errors.length === 1 ? '1 error' : `${row.errors.length} errors`}`);
    toggle.addEventListener('click', (event) => {
      event.stopPropagation();
      this.toggleErrors(row);
    });
    return h('span', { class: 'status-with-errors' }, cell, toggle);
  }

  private toggleErrors(row: NumberGridRow): void {
    if (row.errors.length === 0) return;
    if (this.expanded.has(row.key)) this.expanded.delete(row.key);
    else this.expanded.add(row.key);
    const index = this.rows.indexOf(row);
    this.show(this.rows, { rowOffset: Number(this.rowElements[0]?.getAttribute('aria-rowindex') ?? '2') - 2 });
    this.focusRow(index);
  }

  private onRowClick(index: number, event: MouseEvent): void {
    if (event.shiftKey) this.selectRange(this.anchor, index, !(event.ctrlKey || event.metaKey));
    else if (event.ctrlKey || event.metaKey) this.toggle(index);
    else {
      this.selection.clear();
      this.toggle(index);
    }
    if (!event.shiftKey) this.anchor = index;
    this.focusRow(index);
  }

  private onKey(event: KeyboardEvent): void {
    const last = this.rows.length - 1;
    if (last < 0) return;
    const move = (to: number): void => {
      const target = Math.max(0, Math.min(last, to));
      if (event.shiftKey) this.selectRange(this.anchor, target, false);
      else this.anchor = target;
      this.focusRow(target);
    };
    const row = this.rows[this.focused];
    switch (event.key) {
      case 'ArrowDown':
        move(this.focused + 1);
        break;
      case 'ArrowUp':
        move(this.focused - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(last);
        break;
      case ' ':
        this.toggle(this.focused);
        this.anchor = this.focused;
        break;
      case 'Enter':
        if (row) this.toggleErrors(row);
        break;
      case 'Escape':
        this.selection.clear();
        this.refreshSelection();
        this.events.onSelectionChange();
        break;
      case 'PageDown':
        this.events.onPageKey('next');
        break;
      case 'PageUp':
        this.events.onPageKey('previous');
        break;
      case 'a':
      case 'A':
        if (!(event.ctrlKey || event.metaKey)) return;
        this.setPageSelected(true);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private toggle(index: number): void {
    const row = this.rows[index];
    if (!row) return;
    if (this.selection.has(row.key)) this.selection.delete(row.key);
    else this.selection.set(row.key, ref(row));
    this.refreshSelection();
    this.events.onSelectionChange();
  }

  /** Selects the rows from `from` to `to`; `replace` clears the rest first (Shift+click). */
  private selectRange(from: number, to: number, replace: boolean): void {
    if (replace) this.selection.clear();
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (let i = lo; i <= hi; i++) {
      const row = this.rows[i];
      if (row) this.selection.set(row.key, ref(row));
    }
    this.refreshSelection();
    this.events.onSelectionChange();
  }

  private focusRow(index: number): void {
    const element = this.rowElements[index];
    if (!element) return;
    for (const tr of this.rowElements) tr.tabIndex = -1;
    element.tabIndex = 0;
    this.focused = index;
    element.focus();
  }

  private refreshSelection(): void {
    let selectedHere = 0;
    this.rows.forEach((row, i) => {
      const selected = this.selection.has(row.key);
      if (selected) selectedHere++;
      const tr = this.rowElements[i];
      tr.setAttribute('aria-selected', String(selected));
      tr.classList.toggle('selected', selected);
      const box = tr.querySelector('input[type="checkbox"]');
      if (box instanceof HTMLInputElement) box.checked = selected;
    });
    // A row must be reachable by Tab even before the person focuses one.
    const focusable = this.rowElements[this.focused] ?? this.rowElements[0];
    if (focusable && !this.rowElements.some((tr) => tr.tabIndex === 0)) focusable.tabIndex = 0;
    this.selectAll.checked = this.rows.length > 0 && selectedHere === this.rows.length;
    this.selectAll.indeterminate = selectedHere > 0 && selectedHere < this.rows.length;
  }
}

function ref(row: NumberGridRow): SelectedRef {
  return { accountName: row.accountName, telephoneNumber: row.telephoneNumber };
}

function titled(text: string, title: string): HTMLElement {
  return h('span', title ? { attrs: { title } } : {}, text);
}

/**
 * The address's and the location's names as the enterprise gave them; the ids (GUIDs) are in the title. Without a
 * name (the addresses could not be read), the id's first block shows instead, with the whole id in the title.
 */
function addressCell(row: NumberGridRow): HTMLElement | string {
  if (!row.civicAddressId && !row.locationId) return '—';
  const short = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
  const part = (name: string, id: string, none: string, className: string): HTMLElement =>
    name ? h('span', { class: `${className} named` }, name) : h('code', { class: className }, id ? short(id) : none);
  return h(
    'span',
    { class: 'address-ids', attrs: { title: `Civic address ${row.civicAddressName ? `${row.civicAddressName} (${row.civicAddressId})` : row.civicAddressId || 'none'}\nLocation ${row.locationName ? `${row.locationName} (${row.locationId})` : row.locationId || 'none'}` } },
    part(row.civicAddressName, row.civicAddressId, '—', 'civic-address'),
    ' / ',
    part(row.locationName, row.locationId, 'no location', 'location muted'),
  );
}

function errorRow(row: NumberGridRow, columns: number): HTMLTableRowElement {
  return h(
    'tr',
    { class: 'error-detail', attrs: { role: 'row' } },
    h('td', { attrs: { role: 'gridcell', colspan: String(columns) } }, h('div', { class: 'message error' }, codicon('error'), h('div', { class: 'message-text' }, h('span', { class: 'message-title' }, `Provisioning of ${row.telephoneNumber} failed`), ...row.errors.map((line) => h('code', { class: 'error-line' }, line))))),
  );
}
