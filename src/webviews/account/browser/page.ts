// The Account page: lays out its cards, loads each through its own request (so each fails alone), scans the numbers
// for civic address use with progress and Stop, opens the edit form, asks the host to save or delete (the host
// confirms in VS Code), and keeps which account it shows with setState so VS Code can restore the panel after a reload.
import type { PresentedError } from '../../shared/protocol';
import { button, checkbox } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { escapePresses, redrawKeepingFocus } from '../../shared/browser/focus';
import { note, Section } from '../../shared/browser/section';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { WebviewApi } from '../../shared/browser/vscodeApi';
import type { AccountProtocol, AccountRead, AccountState, CivicAddressRow, NumberUsage, ServicesEdit } from '../protocol';
import { EditForm } from './editForm';
import { civicAddresses, essentials, plural, servicesTable, usageSummary } from './views';

type Rpc = RpcClient<AccountProtocol>;

export class AccountPage {
  private readonly title = h('h1', {}, 'Account');
  private readonly subtitle = h('p', { class: 'subtitle' }, '');
  private readonly status = h('p', { class: 'updated muted', attrs: { 'aria-live': 'polite' } });
  private readonly progress = h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } });
  private readonly toolbar: HTMLElement;
  private readonly content = h('div', { class: 'content' });
  private readonly sections = {
    essentials: new Section({ id: 'essentials', title: 'Account', icon: 'info', skeletonLines: 4 }),
    services: new Section({ id: 'services', title: 'Services and sync', icon: 'plug', skeletonLines: 5 }),
    civic: new Section({ id: 'civic-addresses', title: 'Civic addresses', icon: 'location', skeletonLines: 4 }),
    danger: new Section({ id: 'delete', title: 'Delete account', icon: 'trash', skeletonLines: 2 }),
  };
  private load: AbortController | undefined;
  private read: AccountRead | undefined;
  private total: number | Error | undefined;
  private addresses: readonly CivicAddressRow[] | undefined;
  private usage: NumberUsage | undefined;
  private scanning = false;
  private form: EditForm | undefined;
  private deleteNumbers = false;
  private deleted = false;
  private accountName = '';

  constructor(
    root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly api: WebviewApi,
  ) {
    const manage = button('Manage Numbers…', { appearance: 'primary', icon: 'list-ordered', title: 'Open this account’s numbers in the Numbers panel', onClick: () => this.manageNumbers() });
    const refresh = button('Refresh', { icon: 'refresh', title: 'Read the account, its numbers and civic addresses again', onClick: () => void this.refresh(true) });
    this.toolbar = h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Account actions' } }, manage, refresh);
    const s = this.sections;
    this.content.append(s.essentials.element, s.services.element, s.civic.element, s.danger.element);
    root.replaceChildren(
      this.progress,
      h('header', { class: 'page-header' }, h('div', { class: 'title-icon' }, codicon('organization')), h('div', { class: 'title-text' }, this.title, this.subtitle), this.toolbar),
      this.status,
      this.content,
    );
    rpc.onNotification('usageProgress', ({ scanned, total }) => {
      if (this.scanning) this.showScan(`Reading the account’s numbers: ${scanned.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}…`);
    });
  }

  async start(): Promise<void> {
    try {
      const identity = await this.rpc.request('identity', {});
      const state: AccountState = { gatewayId: identity.gatewayId, gatewayName: identity.gatewayName, account: identity.account };
      this.api.setState(state);
      this.accountName = identity.account;
      this.title.textContent = identity.account;
      this.subtitle.textContent = `Account on ${identity.gatewayName}`;
      document.title = `Account ${identity.account}`;
    } catch (error) {
      this.status.textContent = presented(error).message;
    }
    await this.refresh(false);
  }

  /** Reads every card again; a load in flight is cancelled first (the host aborts its requests). */
  async refresh(reload: boolean): Promise<void> {
    if (this.deleted) return;
    this.load?.abort();
    const load = new AbortController();
    this.load = load;
    const { signal } = load;
    document.getElementById('app')?.classList.add('loading');
    this.status.textContent = reload ? 'Refreshing…' : 'Loading…';
    this.form = undefined;
    for (const section of Object.values(this.sections)) section.setLoading();
    let failed = 0;
    const fail = (section: Section, retry: () => void) => (error: unknown) => {
      if (error instanceof RpcCancelled) return;
      failed++;
      section.setError(presented(error), { runAction: (id) => this.runAction(id), retry });
    };
    const failAccount = fail(this.sections.essentials, () => void this.refresh(true));
    const account = this.rpc.request('account', { reload }, { signal }).then(
      (read) => this.showRead(read),
      (error: unknown) => {
        if (!(error instanceof RpcCancelled)) this.read = undefined;
        failAccount(error);
      },
    );
    const total = this.rpc.request('numberTotal', {}, { signal }).then(
      ({ total: count }) => (this.total = count),
      (error: unknown) => {
        if (!(error instanceof RpcCancelled)) this.total = new Error(presented(error).message);
      },
    );
    const addresses = this.rpc.request('civicAddresses', {}, { signal }).then((rows) => {
      this.addresses = rows;
    }, fail(this.sections.civic, () => void this.refresh(true)));
    await Promise.all([account, total, addresses]);
    if (this.load !== load) return;
    this.render();
    document.getElementById('app')?.classList.remove('loading');
    this.status.textContent = failed ? `Updated ${new Date().toLocaleTimeString()} · ${plural(failed, 'part')} could not be read` : `Updated ${new Date().toLocaleTimeString()}`;
    if (this.addresses) void this.scanUsage(signal);
  }

  private showRead(read: AccountRead): void {
    this.read = read;
    this.accountName = read.overview.name;
  }

  /** Redraws the cards; a control that had focus keeps it (a scan finishing must not send focus to the page top). */
  private render(): void {
    redrawKeepingFocus(this.content, () => this.draw(), () => this.content.querySelector<HTMLElement>('#edit-services'));
  }

  private draw(): void {
    const read = this.read;
    const s = this.sections;
    if (read) {
      s.essentials.setContent(essentials(read.overview, this.total));
      if (this.form) s.services.setContent(this.form.element);
      else s.services.setContent(servicesTable(read.overview, this.usage));
      s.services.setExtras(this.form ? undefined : editServicesButton(() => this.openForm()));
      this.renderDanger();
    } else {
      for (const section of [s.services, s.danger]) section.setContent(h('p', { class: 'muted' }, codicon('circle-slash'), ' Not available: the account could not be read (see above).'));
    }
    if (this.addresses) {
      s.civic.setContent(this.scanLine(), civicAddresses(this.addresses, this.usage));
      s.civic.setExtras(h('span', { class: 'muted' }, plural(this.addresses.length, 'address', 'addresses')));
    }
  }

  private readonly scanText = h('span', {});
  private readonly scanBox = h('div', { class: 'scan', attrs: { role: 'status' } });

  private scanLine(): HTMLElement {
    if (this.scanning) return this.scanBox;
    this.scanBox.replaceChildren(codicon('info'), ' ', this.usage ? usageSummary(this.usage) : 'The numbers that use each address are counted by reading the account’s numbers.');
    if (this.usage && !this.usage.complete && !this.scanning) this.scanBox.append(' ', button('Count Again', { icon: 'refresh', onClick: () => void this.scanUsage(this.load?.signal) }));
    return this.scanBox;
  }

  private showScan(text: string): void {
    this.scanText.textContent = text;
    if (!this.scanBox.contains(this.scanText)) {
      this.scanBox.replaceChildren(codicon('loading', 'Reading'), ' ', this.scanText, ' ', button('Stop', { icon: 'debug-stop', title: 'Stop after the current page and show what was read', onClick: () => void this.rpc.request('stopNumberUsage', {}).catch(() => undefined) }));
    }
  }

  /** The account's numbers, page by page (the host bounds it), to count who uses each civic address. */
  private async scanUsage(signal: AbortSignal | undefined): Promise<void> {
    this.scanning = true;
    this.showScan('Reading the account’s numbers…');
    this.render();
    try {
      this.usage = await this.rpc.request('numberUsage', {}, signal ? { signal } : {});
    } catch (error) {
      if (error instanceof RpcCancelled) return;
      this.scanning = false;
      this.scanBox.replaceChildren(codicon('error'), ` Could not count the numbers: ${presented(error).message}`);
      return;
    }
    this.scanning = false;
    this.render();
  }

  private openForm(): void {
    const read = this.read;
    if (!read) return;
    this.form = new EditForm(read.overview, read.edit, { save: (edit) => void this.save(edit), cancel: () => this.closeForm() });
    escapePresses(this.form.element, '[data-escape]');
    this.render();
    this.form.element.querySelector<HTMLElement>('vscode-checkbox')?.focus();
  }

  private closeForm(): void {
    this.form = undefined;
    this.render();
    this.content.querySelector<HTMLElement>('#edit-services')?.focus();
  }

  private async save(edit: ServicesEdit): Promise<void> {
    this.status.textContent = 'Waiting for your confirmation in VS Code…';
    try {
      const outcome = await this.rpc.request('saveServices', { edit });
      switch (outcome.kind) {
        case 'invalid':
          this.form?.showProblems(outcome.problems);
          this.status.textContent = 'Not saved: the form breaks a rule (see below).';
          return;
        case 'unchanged':
        case 'cancelled':
          this.status.textContent = outcome.message;
          return;
        case 'saved':
        case 'reloaded':
          this.read = outcome.read;
          this.form = undefined;
          this.render();
          this.status.textContent = outcome.message;
          return;
      }
    } catch (error) {
      this.announce(error);
    }
  }

  private renderDanger(): void {
    const total = typeof this.total === 'number' ? this.total : undefined;
    const count = total === undefined ? 'its numbers' : plural(total, 'number');
    const option = checkbox(`Also delete its numbers (${count})`, {
      checked: this.deleteNumbers,
      title: 'Sends deleteNumbers=true: the numbers are deleted with the account',
      onChange: (checked) => {
        this.deleteNumbers = checked;
        this.renderDanger();
        this.sections.danger.element.querySelector<HTMLElement>('vscode-checkbox')?.focus();
      },
    });
    const refusal = total !== undefined && total > 0 && !this.deleteNumbers ? note('warning', `${this.accountName} has ${count}: the service refuses to delete an account that still has numbers, unless they are deleted with it.`) : undefined;
    this.sections.danger.setContent(
      h('p', {}, `Deletes ${this.accountName} from the gateway. ${total === undefined ? '' : total === 0 ? 'It has no numbers.' : `It has ${count}.`} You confirm in VS Code before anything is sent.`),
      option,
      refusal,
      h('div', { class: 'form-actions' }, button('Delete Account…', { icon: 'trash', title: `Delete ${this.accountName}`, onClick: () => void this.deleteAccount() })),
    );
  }

  private async deleteAccount(): Promise<void> {
    this.status.textContent = 'Waiting for your confirmation in VS Code…';
    try {
      const outcome = await this.rpc.request('deleteAccount', { deleteNumbers: this.deleteNumbers });
      this.status.textContent = outcome.message;
      if (outcome.kind !== 'deleted') return;
      this.deleted = true;
      this.load?.abort();
      this.toolbar.replaceChildren();
      this.content.replaceChildren(note('success', `${outcome.message} It is gone from the gateway; the Enterprises view was refreshed. You can close this tab.`));
    } catch (error) {
      this.announce(error);
    }
  }

  private manageNumbers(): void {
    this.rpc.request('manageNumbers', {}).catch((error: unknown) => this.announce(error));
  }

  private runAction(id: string): void {
    this.rpc.request('runAction', { id }).catch((error: unknown) => this.announce(error));
  }

  private announce(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    this.status.textContent = presented(error).message;
  }
}

function presented(error: unknown): PresentedError {
  if (error instanceof RpcError) return error.presented;
  return { message: error instanceof Error ? error.message : String(error), actions: [] };
}

function editServicesButton(onClick: () => void): HTMLElement {
  const edit = button('Edit Services…', { icon: 'edit', title: 'Change the services and sync of this account', onClick });
  edit.id = 'edit-services';
  return edit;
}
