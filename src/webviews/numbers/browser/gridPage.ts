// The Numbers panel's page: the toolbar, the filter (prefix, service, provisioning status, as in the Numbers tree),
// one page of the grid, and the pager (first, previous, a page number to jump to, next, last). It asks the host for
// one page at a time; the host holds a few pages and reads the service for the rest. The filter and the page are kept
// with setState, so VS Code restores the panel where it was after a reload.
import type { PresentedError } from '../../shared/protocol';
import { button } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { WebviewApi } from '../../shared/browser/vscodeApi';
import { SERVICE_PROVISIONING_STATUSES, SERVICES, type EditorAction, type GridExportFormat, type GridFilter, type GridPageResult, type NumbersGridIdentity, type NumbersGridProtocol, type NumbersGridState, type RevealNumber } from '../protocol';
import { GridTable, type SelectedRef } from './gridTable';

type Rpc = RpcClient<NumbersGridProtocol>;

export class NumbersGridPage {
  private readonly title = h('h1', {}, 'Numbers');
  private readonly subtitle = h('p', { class: 'subtitle' }, '');
  private readonly status = h('p', { class: 'status-line', attrs: { 'aria-live': 'polite' } });
  private readonly error = h('div', { class: 'page-error', attrs: { role: 'alert' } });
  private readonly prefix = h('input', { class: 'input', attrs: { type: 'text', placeholder: '+44 20…', 'aria-label': 'Number prefix', maxlength: '20', spellcheck: 'false' } });
  private readonly service = select('Service', [['', 'Any service'], ...SERVICES.map((s): [string, string] => [s.key, `${s.name} (${s.short})`])]);
  private readonly statusFilter = select('Provisioning status', [['', 'Any status'], ...SERVICE_PROVISIONING_STATUSES.map((s): [string, string] => [s, s])]);
  private readonly pageInput = h('input', { class: 'input page-number', attrs: { type: 'number', min: '1', 'aria-label': 'Page number', title: 'Page number: type one and press Enter' } });
  private readonly pageCount = h('span', { class: 'muted' }, '');
  private readonly selectionText = h('span', { class: 'selection-text muted' }, '');
  private readonly pager: Record<'first' | 'previous' | 'next' | 'last', HTMLElement>;
  private readonly selection = new Map<string, SelectedRef>();
  private table: GridTable;
  private readonly tableHost = h('div', { class: 'table-scroll' });
  private identity: NumbersGridIdentity | undefined;
  private filter: GridFilter = {};
  private current: GridPageResult | undefined;
  private index = 0;
  private load: AbortController | undefined;
  private highlight: string | undefined;
  private busy = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly api: WebviewApi,
  ) {
    this.table = this.newTable(false);
    this.pager = {
      first: button('First', { icon: 'arrow-left', title: 'First page', onClick: () => void this.go(0) }),
      previous: button('Previous', { icon: 'chevron-left', title: 'Previous page (Page Up)', onClick: () => void this.go(this.index - 1) }),
      next: button('Next', { icon: 'chevron-right', title: 'Next page (Page Down)', onClick: () => void this.go(this.index + 1) }),
      last: button('Last', { icon: 'arrow-right', title: 'Last page: read alone, nothing in between', onClick: () => void this.go('last') }),
    };
    this.pageInput.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const wanted = Number(this.pageInput.value);
      if (Number.isInteger(wanted) && wanted >= 1) void this.go(wanted - 1);
    });
    this.prefix.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.applyFilter();
    });
    this.service.addEventListener('change', () => this.applyFilter());
    this.statusFilter.addEventListener('change', () => this.applyFilter());
    const toolbar = h(
      'div',
      { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Number actions' } },
      button('Create Numbers…', { icon: 'add', appearance: 'primary', title: 'Paste numbers and create them in this account', onClick: () => this.openEditor('create') }),
      button('Edit Selected…', { icon: 'edit', title: 'Edit the selected numbers', onClick: () => this.openEditor('edit') }),
      button('Import CSV…', { icon: 'cloud-upload', title: 'Import numbers from a CSV in the portal’s format', onClick: () => this.openEditor('importCsv') }),
      button('Delete Selected…', { icon: 'trash', title: 'Delete the selected numbers (asks first)', onClick: () => void this.deleteSelected() }),
      button('Export CSV…', { icon: 'export', title: 'Save the numbers under this filter in the portal’s CSV format', onClick: () => void this.exportAs('csv') }),
      button('Export JSON…', { icon: 'json', title: 'Save the numbers under this filter as JSON', onClick: () => void this.exportAs('json') }),
      button('Refresh', { icon: 'refresh', title: 'Read this page again', onClick: () => void this.go(this.index, true) }),
    );
    const filters = h(
      'div',
      { class: 'filters', attrs: { role: 'search', 'aria-label': 'Filter numbers' } },
      h('label', { class: 'field' }, h('span', {}, 'Prefix'), this.prefix),
      h('label', { class: 'field' }, h('span', {}, 'Service'), this.service),
      h('label', { class: 'field' }, h('span', {}, 'Status'), this.statusFilter),
      button('Apply', { icon: 'filter', title: 'Filter (Enter in the prefix box)', onClick: () => this.applyFilter() }),
      button('Clear', { icon: 'clear-all', title: 'Every number', onClick: () => this.setFilter({}) }),
    );
    const pagerBar = h('nav', { class: 'pager', attrs: { 'aria-label': 'Pages' } }, this.pager.first, this.pager.previous, h('span', { class: 'page-jump' }, 'Page ', this.pageInput, ' ', this.pageCount), this.pager.next, this.pager.last, this.selectionText);
    root.replaceChildren(
      h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } }),
      h('header', { class: 'page-header' }, h('div', { class: 'title-icon' }, codicon('symbol-numeric')), h('div', { class: 'title-text' }, this.title, this.subtitle)),
      toolbar,
      filters,
      this.error,
      this.status,
      this.tableHost,
      pagerBar,
    );
  }

  async start(): Promise<void> {
    const saved = savedState(this.api.getState());
    try {
      this.identity = await this.rpc.request('identity', {});
    } catch (error) {
      this.showError(presented(error));
      return;
    }
    const identity = this.identity;
    // Every account's numbers mix accounts: only then does the grid need an Account column.
    if (identity.account === undefined) this.table = this.newTable(true);
    this.title.textContent = identity.account ?? `${identity.gatewayName}: all accounts`;
    this.subtitle.textContent = identity.account ? `Numbers of ${identity.account} on ${identity.gatewayName}` : `Numbers of every account on ${identity.gatewayName}`;
    document.title = `${this.title.textContent} · Numbers`;
    if (identity.reveal) return this.reveal(identity.reveal);
    this.filter = saved?.filter ?? {};
    this.showFilter();
    await this.go(saved?.page ?? 0);
  }

  private newTable(showAccount: boolean): GridTable {
    const table = new GridTable(this.selection, { onSelectionChange: () => this.showSelection(), onPageKey: (d) => void this.go(d === 'next' ? this.index + 1 : this.index - 1) }, showAccount);
    this.tableHost.replaceChildren(table.element);
    return table;
  }

  /** Filters to one number and selects it (Find Number…). */
  async reveal(reveal: RevealNumber): Promise<void> {
    this.highlight = reveal.telephoneNumber;
    this.selection.clear();
    this.filter = { ...reveal.filter };
    this.showFilter();
    await this.go(0);
    const row = this.current?.rows.find((r) => r.telephoneNumber === reveal.telephoneNumber);
    if (row) {
      this.selection.set(row.key, { accountName: row.accountName, telephoneNumber: row.telephoneNumber });
      this.renderRows();
      this.showSelection();
    }
  }

  /** The host re-read nothing: rows of the page shown changed (status settled, numbers written or deleted). */
  rowsChanged(page: GridPageResult): void {
    if (!this.current || page.index !== this.current.index) return;
    this.current = page;
    this.renderRows();
    this.showCounts();
  }

  /** Reads the page again (a sign-in change). */
  refresh(): Promise<void> {
    return this.go(this.index, true);
  }

  private async go(index: number | 'last', reload = false): Promise<void> {
    if (typeof index === 'number' && (index < 0 || (this.current?.pageCount !== undefined && index >= this.current.pageCount))) return;
    this.load?.abort();
    const load = new AbortController();
    this.load = load;
    this.setBusy(true);
    this.status.textContent = index === 'last' ? 'Reading the last page…' : `Reading page ${index + 1}…`;
    try {
      const page = await this.rpc.request('page', { index, filter: this.filter, reload }, { signal: load.signal });
      if (this.load !== load) return;
      this.error.replaceChildren();
      const moved = this.current?.index !== page.index;
      this.current = page;
      this.index = page.index;
      this.api.setState(this.state());
      this.renderRows();
      if (moved) this.tableHost.scrollTop = 0;
      this.showCounts();
    } catch (error) {
      if (error instanceof RpcCancelled) return;
      this.showError(presented(error), () => void this.go(index, reload));
      this.status.textContent = 'The page could not be read.';
    } finally {
      if (this.load === load) this.setBusy(false);
    }
  }

  private renderRows(): void {
    const page = this.current;
    if (!page) return;
    this.table.show(page.rows, { rowOffset: page.index * page.pageSize, ...(this.highlight ? { highlight: this.highlight } : {}) });
  }

  private showCounts(): void {
    const page = this.current;
    if (!page) return;
    const count = (n: number): string => n.toLocaleString('en-US');
    const first = page.index * page.pageSize + 1;
    const range = page.scanned === 0 ? 'No numbers' : `Numbers ${count(first)}–${count(first + page.scanned - 1)}${page.total === undefined ? '' : ` of ${count(page.total)}`}`;
    const perPage = page.filteredPerPage ? ` · service filter: ${count(page.rows.length)} of this page’s ${count(page.scanned)} match` : '';
    this.status.textContent = `${range}${perPage} · pages in memory: ${page.held.map((i) => i + 1).join(', ')}`;
    this.pageInput.value = String(page.index + 1);
    this.pageInput.max = String(page.pageCount ?? 1);
    this.pageCount.textContent = page.pageCount === undefined ? '' : `of ${count(page.pageCount)}`;
    const last = (page.pageCount ?? 1) - 1;
    setDisabled(this.pager.first, page.index === 0);
    setDisabled(this.pager.previous, page.index === 0);
    setDisabled(this.pager.next, page.index >= last);
    setDisabled(this.pager.last, page.index >= last);
    this.showSelection();
  }

  private showSelection(): void {
    const n = this.selection.size;
    this.selectionText.textContent = n === 0 ? '' : `${n.toLocaleString('en-US')} selected`;
  }

  private applyFilter(): void {
    const text = this.prefix.value.replace(/[\s().-]/g, '');
    const prefix = text === '' ? undefined : text.startsWith('+') ? text : `+${text}`;
    if (prefix !== undefined && !/^\+[1-9]\d{0,14}$/.test(prefix)) {
      this.showError({ message: 'A number prefix is + and digits, starting with the country code (for example +44 or +1425).', actions: [] });
      this.prefix.focus();
      return;
    }
    const service = this.service.value as GridFilter['service'] | '';
    const status = this.statusFilter.value as GridFilter['status'] | '';
    this.setFilter({ ...(prefix ? { prefix } : {}), ...(service ? { service } : {}), ...(status ? { status } : {}) });
  }

  private setFilter(filter: GridFilter): void {
    this.filter = filter;
    this.highlight = undefined;
    this.selection.clear();
    this.showFilter();
    void this.go(0);
  }

  private showFilter(): void {
    this.prefix.value = this.filter.prefix ?? '';
    this.service.value = this.filter.service ?? '';
    this.statusFilter.value = this.filter.status ?? '';
  }

  private openEditor(action: EditorAction): void {
    const numbers = [...this.selection.values()].map((r) => r.telephoneNumber);
    if (action === 'edit' && numbers.length === 0) {
      this.status.textContent = 'Select the numbers to edit first (Space, or the checkboxes).';
      return;
    }
    this.rpc.request('openEditor', { action, telephoneNumbers: action === 'edit' ? numbers : [] }).catch((error: unknown) => this.fail(error));
  }

  private async deleteSelected(): Promise<void> {
    const numbers = [...this.selection.values()];
    if (numbers.length === 0) {
      this.status.textContent = 'Select the numbers to delete first (Space, or the checkboxes).';
      return;
    }
    try {
      const report = await this.rpc.request('deleteNumbers', { numbers });
      for (const telephoneNumber of report.deleted) for (const [key, ref] of this.selection) if (ref.telephoneNumber === telephoneNumber) this.selection.delete(key);
      this.status.textContent = report.message;
      this.showSelection();
    } catch (error) {
      this.fail(error);
    }
  }

  private async exportAs(format: GridExportFormat): Promise<void> {
    try {
      const report = await this.rpc.request('exportNumbers', { format, filter: this.filter });
      this.status.textContent = report.message;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    const shown = presented(error);
    if (/^Cancelled/.test(shown.message)) {
      this.status.textContent = shown.message;
      return;
    }
    this.showError(shown);
  }

  private showError(error: PresentedError, retry?: () => void): void {
    const actions = [
      ...error.actions.map((action) => button(action.title, { onClick: () => void this.rpc.request('runAction', { id: action.id }).catch((e: unknown) => this.fail(e)) })),
      ...(retry ? [button('Retry', { icon: 'refresh', onClick: retry })] : []),
    ];
    this.error.replaceChildren(
      h('div', { class: 'message error' }, codicon('error'), h('div', { class: 'message-text' }, h('span', { class: 'message-title' }, error.message), error.detail ? h('span', { class: 'message-detail' }, error.detail) : null, actions.length ? h('div', { class: 'message-actions' }, ...actions) : null)),
    );
  }

  private setBusy(busy: boolean): void {
    this.busy = Math.max(0, this.busy + (busy ? 1 : -1));
    this.root.classList.toggle('loading', this.busy > 0);
    this.root.setAttribute('aria-busy', String(this.busy > 0));
  }

  private state(): NumbersGridState {
    const identity = this.identity;
    return {
      gatewayId: identity?.gatewayId ?? '',
      gatewayName: identity?.gatewayName ?? '',
      ...(identity?.account ? { account: identity.account } : {}),
      filter: this.filter,
      page: this.index,
    };
  }
}

function select(label: string, options: readonly [string, string][]): HTMLSelectElement {
  return h('select', { class: 'input', attrs: { 'aria-label': label } }, ...options.map(([value, text]) => h('option', { attrs: { value } }, text)));
}

function setDisabled(element: HTMLElement, disabled: boolean): void {
  if (disabled) element.setAttribute('disabled', '');
  else element.removeAttribute('disabled');
}

function presented(error: unknown): PresentedError {
  if (error instanceof RpcError) return error.presented;
  return { message: error instanceof Error ? error.message : String(error), actions: [] };
}

/** The state a page saved before a reload, read defensively (the host checks it too, for the serializer). */
function savedState(value: unknown): { filter?: GridFilter; page?: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const page = typeof record.page === 'number' && Number.isInteger(record.page) && record.page >= 0 ? record.page : undefined;
  const raw = typeof record.filter === 'object' && record.filter !== null ? (record.filter as Record<string, unknown>) : {};
  const filter: GridFilter = {
    ...(typeof raw.prefix === 'string' && /^\+[1-9]\d{0,14}$/.test(raw.prefix) ? { prefix: raw.prefix } : {}),
    ...(SERVICES.some((s) => s.key === raw.service) ? { service: raw.service as GridFilter['service'] } : {}),
    ...(SERVICE_PROVISIONING_STATUSES.some((s) => s === raw.status) ? { status: raw.status as GridFilter['status'] } : {}),
  };
  return { filter, ...(page === undefined ? {} : { page }) };
}
