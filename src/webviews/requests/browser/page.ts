// The Requests for Information page: the filters, the grid, and beside it the detail of the focused request or one of
// the two forms (update relationship status, create account). It keeps the gateway, the filters, the selection and
// the focused request with setState, so VS Code restores all of it after a reload.
import type { PresentedError } from '../../shared/protocol';
import { button, dropdown, textField } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { escapePresses, redrawKeepingFocus } from '../../shared/browser/focus';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { WebviewApi } from '../../shared/browser/vscodeApi';
import {
  ALL,
  CONSENT_FILTER_KEYS,
  consentLabel,
  filterChoices,
  filterRequestRows,
  groupLabel,
  isFiltered,
  NO_FILTER,
  RELATIONSHIP_FILTER_KEYS,
  type RequestFilter,
  type RequestRow,
  type RequestsProtocol,
} from '../protocol';
import { AccountFormView } from './accountForm';
import { detailPane } from './detail';
import { keyOf, RequestGrid } from './grid';
import { readPageState, type PageState } from './pageState';
import { UpdateForm } from './updateForm';

type Rpc = RpcClient<RequestsProtocol>;

export class RequestsPage {
  private readonly subtitle = h('p', { class: 'subtitle' }, '');
  private readonly status = h('p', { class: 'updated muted', id: 'status', attrs: { 'aria-live': 'polite' } });
  private readonly filters = h('div', { class: 'filters', attrs: { role: 'search', 'aria-label': 'Filter requests' } });
  private readonly actions = h('div', { class: 'actions', attrs: { role: 'toolbar', 'aria-label': 'Actions on the selected requests' } });
  private readonly errorBox = h('div', { class: 'error-box' });
  private readonly side = h('aside', { class: 'side', attrs: { 'aria-label': 'Request details' } });
  private readonly grid: RequestGrid;
  private rows: RequestRow[] = [];
  private readAt = '';
  private state: PageState;
  private form: UpdateForm | AccountFormView | undefined;
  private load: AbortController | undefined;
  private clearFilters: HTMLElement | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly api: WebviewApi,
  ) {
    this.state = readPageState(api.getState());
    this.grid = new RequestGrid({
      focus: (tenantId) => this.change({ focused: keyOf(tenantId) }),
      select: (tenantIds, selected) => {
        const next = new Set(this.state.selected);
        for (const id of tenantIds) {
          if (selected) next.add(keyOf(id));
          else next.delete(keyOf(id));
        }
        this.change({ selected: [...next] });
      },
      selectOnly: (tenantIds) => this.change({ selected: tenantIds.map(keyOf) }),
    });
    root.replaceChildren(
      h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } }),
      h(
        'header',
        { class: 'page-header' },
        h('div', { class: 'title-icon' }, codicon('organization')),
        h('div', { class: 'title-text' }, h('h1', {}, 'Requests for information'), this.subtitle),
        h('div', { class: 'toolbar' }, button('Refresh', { icon: 'refresh', title: 'Read the requests again', onClick: () => void this.refresh(true) })),
      ),
      this.status,
      this.filters,
      this.actions,
      this.errorBox,
      h('div', { class: 'layout' }, h('div', { class: 'grid-wrap' }, this.grid.element), this.side),
    );
  }

  async start(): Promise<void> {
    try {
      const identity = await this.rpc.request('identity', {});
      this.state = { ...this.state, gatewayId: identity.gatewayId, gatewayName: identity.gatewayName };
      this.subtitle.textContent = identity.gatewayName;
      this.save();
    } catch (error) {
      this.showError(error);
    }
    await this.refresh(false);
  }

  /** Reads the requests (again); a load in flight is cancelled first. */
  async refresh(reload: boolean): Promise<void> {
    this.load?.abort();
    const load = new AbortController();
    this.load = load;
    this.root.classList.add('loading');
    try {
      const result = await this.rpc.request('load', { reload }, { signal: load.signal });
      this.rows = [...result.rows];
      this.readAt = result.readAt;
      this.errorBox.replaceChildren();
      this.renderFilters();
      this.render();
    } catch (error) {
      if (!(error instanceof RpcCancelled)) this.showError(error, () => void this.refresh(reload));
    } finally {
      if (this.load === load) this.root.classList.remove('loading');
    }
  }

  progress(done: number, total: number): void {
    if (this.form instanceof UpdateForm) this.form.progress(done, total);
  }

  private change(next: Partial<PageState>): void {
    this.state = { ...this.state, ...next };
    this.save();
    this.render();
  }

  private save(): void {
    this.api.setState(this.state);
  }

  private shown(): RequestRow[] {
    return filterRequestRows(this.rows, this.state.filter);
  }

  private selectedRows(): RequestRow[] {
    const selected = new Set(this.state.selected);
    return this.rows.filter((r) => selected.has(keyOf(r.tenantId)));
  }

  private focusedRow(): RequestRow | undefined {
    return this.rows.find((r) => keyOf(r.tenantId) === this.state.focused);
  }

  private render(): void {
    const shown = this.shown();
    const selected = new Set(this.state.selected);
    if (!shown.some((r) => keyOf(r.tenantId) === this.state.focused) && shown[0]) this.state = { ...this.state, focused: keyOf(shown[0].tenantId) };
    this.grid.render(shown, selected, this.state.focused);
    const chosen = this.selectedRows().length;
    const time = this.readAt ? ` · read at ${new Date(this.readAt).toLocaleTimeString()}` : '';
    this.status.textContent = `${this.rows.length} request${this.rows.length === 1 ? '' : 's'} · ${shown.length} shown · ${chosen} selected${time}`;
    // The toolbar is drawn again with the selection: a button that had focus keeps it, or the grid's row takes it
    // when the button went disabled (Clear selection, once cleared).
    redrawKeepingFocus(this.actions, () => this.renderActions(chosen), () => this.grid.focusedRowElement());
    this.clearFilters?.toggleAttribute('disabled', !isFiltered(this.state.filter));
    if (!this.form) redrawKeepingFocus(this.side, () => this.side.replaceChildren(this.detail(shown)), () => this.grid.focusedRowElement());
  }

  private renderActions(chosen: number): void {
    const update = button(chosen > 1 ? `Update relationship status of ${chosen}…` : 'Update relationship status…', {
      appearance: 'primary',
      icon: 'edit',
      title: 'Change the relationship status of the selected requests (or the focused one)',
      onClick: () => void this.openUpdate(this.selectedRows().map((r) => r.tenantId)),
    });
    update.id = 'update-selected';
    const create = button('Create account…', { icon: 'person-add', title: 'Create an account from the focused request', onClick: () => void this.openAccount() });
    create.id = 'create-account';
    const clear = button('Clear selection', { icon: 'clear-all', onClick: () => this.change({ selected: [] }) });
    clear.id = 'clear-selection';
    if (chosen === 0 && !this.focusedRow()) update.setAttribute('disabled', '');
    if (!this.focusedRow()) create.setAttribute('disabled', '');
    if (chosen === 0) clear.setAttribute('disabled', '');
    this.actions.replaceChildren(update, create, clear);
  }

  private detail(shown: readonly RequestRow[]): HTMLElement {
    // Only a row the grid shows: a filter that hides the focused request hides its details too.
    const row = shown.find((r) => keyOf(r.tenantId) === this.state.focused);
    return detailPane(row, {
      update: () => void this.openUpdate(row ? [row.tenantId] : []),
      createAccount: () => void this.openAccount(),
      revealAccount: (name) => void this.reveal('account', name),
      revealRequest: (tenantId) => void this.reveal('request', tenantId),
    });
  }

  private renderFilters(): void {
    const filter = this.state.filter;
    const { countries, companies } = filterChoices(this.rows);
    const setFilter = (patch: Partial<RequestFilter>): void => this.change({ filter: { ...this.state.filter, ...patch } });
    const relationshipKeys = RELATIONSHIP_FILTER_KEYS.filter((key) => key !== 'other' || this.rows.some((r) => r.relationship === 'other'));
    const search = textField('Search', { value: filter.text, icon: 'search', placeholder: 'Company, tenant, contact, reference…', onInput: (text) => setFilter({ text }) });
    search.id = 'filter-text';
    const labelled = (id: string, label: string, control: HTMLElement): HTMLElement => h('div', { class: 'filter' }, h('label', { id }, label), control);
    const any = { value: '', label: 'Any' };
    const all = { value: ALL, label: 'Any' };
    const relationship = dropdown('', [all, ...relationshipKeys.map((key) => ({ value: key, label: groupLabel(key) }))], { labelledBy: 'filter-relationship-label', value: filter.relationship, onChange: (value) =>
      setFilter({ relationship: relationshipKeys.find((key) => key === value) ?? ALL }),
    });
    relationship.id = 'filter-relationship';
    const consent = dropdown('', [all, ...CONSENT_FILTER_KEYS.map((key) => ({ value: key, label: consentLabel(key) }))], { labelledBy: 'filter-consent-label', value: filter.consent, onChange: (value) =>
      setFilter({ consent: CONSENT_FILTER_KEYS.find((key) => key === value) ?? ALL }),
    });
    consent.id = 'filter-consent';
    const country = dropdown('', [any, ...countries.map((c) => ({ value: c, label: c }))], { labelledBy: 'filter-country-label', value: filter.country, onChange: (value) => setFilter({ country: value }) });
    country.id = 'filter-country';
    const company = dropdown('', [any, ...companies.map((c) => ({ value: c, label: c }))], { labelledBy: 'filter-company-label', value: filter.company, onChange: (value) => setFilter({ company: value }) });
    company.id = 'filter-company';
    const clear = button('Clear filters', { icon: 'clear-all', onClick: () => {
      this.change({ filter: NO_FILTER });
      // Clear filters goes disabled with no filter left: focus moves to the search field, first of the filters.
      redrawKeepingFocus(this.filters, () => this.renderFilters(), () => this.filters.querySelector<HTMLElement>('#filter-text'));
    } });
    clear.id = 'clear-filters';
    this.clearFilters = clear;
    this.filters.replaceChildren(
      h('div', { class: 'filter search' }, search),
      labelled('filter-relationship-label', 'Relationship', relationship),
      labelled('filter-consent-label', 'Consent', consent),
      labelled('filter-country-label', 'Country', country),
      labelled('filter-company-label', 'Company', company),
      h('div', { class: 'filter clear' }, clear),
    );
  }

  private async openUpdate(tenantIds: readonly string[]): Promise<void> {
    const ids = tenantIds.length ? tenantIds : this.focusedRow() ? [this.focusedRow()?.tenantId ?? ''] : [];
    if (ids.length === 0) return;
    this.root.classList.add('loading');
    try {
      // Read again with their ETags: the form shows what the service has now, and the writes send those ETags.
      const fresh = await this.rpc.request('prepareUpdate', { tenantIds: [...ids] });
      this.merge(fresh.rows);
      const form = new UpdateForm(this.rpc, fresh.rows, {
        updated: (rows) => {
          this.merge(rows);
          // Done with those: what stays selected is what still needs the person (a conflict, a failure).
          const done = new Set(rows.map((r) => keyOf(r.tenantId)));
          this.change({ selected: this.state.selected.filter((key) => !done.has(key)) });
        },
        close: () => this.closeForm(),
        reload: (conflicts) => void this.openUpdate(conflicts),
        error: (presented) => this.showPresented(presented),
      });
      this.showForm(form);
    } catch (error) {
      this.showError(error);
    } finally {
      this.root.classList.remove('loading');
    }
  }

  private async openAccount(): Promise<void> {
    const row = this.focusedRow();
    if (!row) return;
    try {
      const setup = await this.rpc.request('accountForm', { tenantId: row.tenantId });
      this.showForm(
        new AccountFormView(this.rpc, setup, {
          created: () => void this.refresh(false),
          close: () => this.closeForm(),
          revealAccount: (name) => void this.reveal('account', name),
          error: (presented) => this.showPresented(presented),
        }),
      );
    } catch (error) {
      this.showError(error);
    }
  }

  private showForm(form: UpdateForm | AccountFormView): void {
    this.form = form;
    this.errorBox.replaceChildren();
    escapePresses(form.element, '[data-escape]');
    this.side.replaceChildren(form.element);
    this.render();
    form.focus();
  }

  private closeForm(): void {
    this.form = undefined;
    this.render();
    this.grid.focusRow();
  }

  /** Rows the host read again (or wrote) replace the grid's copies. */
  private merge(rows: readonly RequestRow[]): void {
    const fresh = new Map(rows.map((r) => [keyOf(r.tenantId), r]));
    this.rows = this.rows.map((r) => fresh.get(keyOf(r.tenantId)) ?? r);
    this.render();
  }

  private async reveal(kind: 'account' | 'request', name: string): Promise<void> {
    try {
      await this.rpc.request('reveal', { kind, name });
    } catch (error) {
      this.showError(error);
    }
  }

  private showError(error: unknown, retry?: () => void): void {
    if (error instanceof RpcCancelled) return;
    const presented: PresentedError = error instanceof RpcError ? error.presented : { message: error instanceof Error ? error.message : String(error), actions: [] };
    this.showPresented(presented, retry);
  }

  private showPresented(presented: PresentedError, retry?: () => void): void {
    const buttons = presented.actions.map((action) => button(action.title, { onClick: () => void this.rpc.request('runAction', { id: action.id }).then(() => this.refresh(false), (e: unknown) => this.showError(e)) }));
    if (retry) buttons.push(button('Retry', { icon: 'refresh', onClick: retry }));
    this.errorBox.replaceChildren(
      h(
        'div',
        { class: 'message error', attrs: { role: 'alert' } },
        codicon('error'),
        h('div', { class: 'message-text' }, h('span', { class: 'message-title' }, presented.message), presented.detail ? h('span', { class: 'message-detail' }, presented.detail) : null, buttons.length ? h('div', { class: 'message-actions' }, ...buttons) : null),
      ),
    );
  }
}
