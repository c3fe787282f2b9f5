// The Numbers panel's host-side request handlers: pages of the list read through a bounded window
// (core/numbers/numberGridWindow.ts), the editor commands, delete and export (./gridDelete.ts, ./gridExport.ts), and
// Host.numberChanges applied to the rows shown. Free of `vscode`, so mocha drives them against the emulator and with
// fakes. The page can only name numbers the host sent it: a delete of anything else is refused before anything is
// asked or sent.
import { gatewayDomainOf, parseGatewayId } from '../../azure/clients/armIds';
import type { ProvisioningClient } from '../../azure/clients';
import { AcgError } from '../../azure/errors';
import type { NumberResource } from '../../core/models';
import { compareNumbers, matchesFilter, mayMatch, numberGridRow, numberKey } from '../../core/numbers/numberGridRow';
import { GridWindow, type WindowPage } from '../../core/numbers/numberGridWindow';
import { isServiceKey, serverFilter, type NumberFilter } from '../../core/numbers/numberFilter';
import type { NumbersChange } from '../../host/numberChanges';
import { ErrorActions } from '../shared/errorActions';
import type { NotificationMethod, NotificationOf } from '../shared/protocol';
import type { RequestHandlers } from '../shared/rpcHost';
import type { NumbersGridDeps } from './deps';
import { GridAddressNames } from './gridAddressNames';
import { deleteShownNumbers } from './gridDelete';
import { exportNumbers } from './gridExport';
import { EDITOR_ACTIONS, MAX_SELECTED, type EditorAction, type GridFilter, type GridPageResult, type NumbersGridIdentity, type NumbersGridProtocol, type RevealNumber } from './protocol';

export type Notify = <N extends NotificationMethod<NumbersGridProtocol>>(method: N, data: NotificationOf<NumbersGridProtocol, N>) => void;

export interface NumbersGridTarget {
  /** The gateway's ARM resource id. */
  readonly gatewayId: string;
  readonly gatewayName: string;
  /** Its Provisioning API domain when the opener knew it (else read from ARM once). */
  readonly gatewayDomain?: string;
  /** Undefined: every account of the gateway. */
  readonly account?: string;
  /** Show this number first (Find Number…). */
  readonly reveal?: RevealNumber;
}

/** The number editor's commands (helper nm-editor's panel), opened with { gatewayId, account, telephoneNumbers }. */
export const EDITOR_COMMANDS: Readonly<Record<EditorAction, string>> = {
  create: 'acg.numbers.create',
  edit: 'acg.numbers.edit',
  importCsv: 'acg.numbers.importCsv',
};

/**
 * Keys of rows the page was sent, at most this many (the rows shown longest ago forgotten first): what a delete may
 * name. Twice the most a request may name, so a selection gathered over the last twenty pages is still deletable,
 * and the panel's memory stays bounded however far the person pages.
 */
const OFFERED_AT_MOST = 2 * MAX_SELECTED;
const MAX_PAGES = 5;

/** A refusal of a request that names something the host never showed: logged, and the page is told why. */
export class RefusedRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedRequest';
  }
}

export class NumbersGridHandlers {
  /** The presenter the panel's RpcHost uses: it records each error action offered, which runAction then allows. */
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<NumbersGridProtocol>;
  private filter: NumberFilter = {};
  private window: GridWindow<NumberResource>;
  private readonly offered = new Set<string>();
  private domain: Promise<string> | undefined;
  private readonly subscription: { dispose(): unknown };
  private readonly addressNames: GridAddressNames;

  constructor(
    private readonly deps: NumbersGridDeps,
    readonly target: NumbersGridTarget,
    private readonly notify: Notify,
  ) {
    if (!parseGatewayId(target.gatewayId)) throw new Error(`${target.gatewayId} is not a communications gateway id.`);
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    if (target.gatewayDomain) this.domain = Promise.resolve(target.gatewayDomain);
    this.window = this.newWindow({});
    this.addressNames = new GridAddressNames(() => this.client(new AbortController().signal), deps.log);
    this.subscription = deps.onDidChangeNumbers((change) => this.onNumbersChanged(change));
    this.handlers = {
      identity: (): NumbersGridIdentity => ({
        gatewayId: target.gatewayId,
        gatewayName: target.gatewayName,
        ...(target.account === undefined ? {} : { account: target.account }),
        pageSize: this.window.pageSize,
        ...(target.reveal ? { reveal: target.reveal } : {}),
      }),
      page: ({ index, filter, reload }, { signal }) => this.page(index, filter, reload, signal),
      openEditor: ({ action, telephoneNumbers }) => this.openEditor(action, telephoneNumbers),
      deleteNumbers: async ({ numbers }) => {
        for (const ref of numbers) {
          if (!this.offered.has(numberKey(ref))) throw this.refuse(`${ref.telephoneNumber} (${ref.accountName}) is not a number this panel showed (or it was shown too long ago: show its page again and select it); nothing was deleted.`);
        }
        return deleteShownNumbers(
          { deps, target, client: () => this.client(new AbortController().signal), known: (ref) => this.known(ref) },
          numbers,
        );
      },
      exportNumbers: ({ format, filter }) => exportNumbers({ deps, target, client: (signal) => this.client(signal) }, format, toFilter(filter)),
      runAction: ({ id }) => this.actions.run(id),
    };
  }

  /** The window of the current filter (tests and the benchmark look at what it holds). */
  get pageWindow(): GridWindow<NumberResource> {
    return this.window;
  }

  /** After a sign-in change: nothing read under the old one is kept. */
  forget(): void {
    this.window.reset();
    this.addressNames.forget();
    if (!this.target.gatewayDomain) this.domain = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async page(index: number | 'last', filter: GridFilter, reload: boolean, signal: AbortSignal): Promise<GridPageResult> {
    const wanted = toFilter(filter);
    if (!sameFilter(wanted, this.filter)) {
      this.filter = wanted;
      this.window = this.newWindow(wanted);
    } else if (reload) {
      this.window.reset();
    }
    const window = this.window;
    let at = index;
    if (at === 'last') {
      // The last page needs the total; a count reads one record, never the pages in between.
      const count = window.pageCount ?? Math.max(1, Math.ceil((await this.count(signal)) / window.pageSize));
      at = count - 1;
    }
    // An account's addresses are read beside its first page, so the names cost no wait of their own.
    const names = this.target.account === undefined ? undefined : this.addressNames.load(this.target.account);
    const page = await window.show(at, signal);
    if (names) await names;
    else await Promise.all(accountsWithAddresses(page.items).map((account) => this.addressNames.load(account)));
    return this.result(window, page);
  }

  private result(window: GridWindow<NumberResource>, page: WindowPage<NumberResource>): GridPageResult {
    const rows = page.items.map((number) => numberGridRow(number, this.addressNames.of(number.accountName)));
    for (const row of rows) this.offer(row.key);
    const pageCount = window.pageCount;
    const total = window.total;
    return {
      index: page.index,
      ...(pageCount === undefined ? {} : { pageCount }),
      ...(total === undefined ? {} : { total }),
      pageSize: window.pageSize,
      rows,
      scanned: page.scanned,
      filteredPerPage: this.filter.service !== undefined,
      held: window.heldIndexes(),
    };
  }

  private newWindow(filter: NumberFilter): GridWindow<NumberResource> {
    const account = this.target.account;
    return new GridWindow<NumberResource>({
      pageSize: this.deps.pageSize(),
      maxPages: MAX_PAGES,
      key: numberKey,
      compare: compareNumbers,
      keep: (number) => matchesFilter(number, account, filter),
      fetch: async (skip, top, signal) => {
        const client = await this.client(signal ?? new AbortController().signal);
        const options = { filter: serverFilter(filter), skip, top, maxpagesize: top, countRecords: true, abortSignal: signal };
        const pages = account === undefined ? client.listAllNumbers(options) : client.listNumbers(account, options);
        try {
          const first = await pages.next();
          return first.done ? { items: [] } : { items: first.value.items, ...(first.value.totalCount === undefined ? {} : { totalCount: first.value.totalCount }) };
        } finally {
          // One page is all a page of the grid needs; never follow nextLink.
          await pages.return?.();
        }
      },
    });
  }

  private async count(signal: AbortSignal): Promise<number> {
    const client = await this.client(signal);
    return client.countNumbers(this.target.account, { filter: serverFilter(this.filter), abortSignal: signal });
  }

  private async client(signal: AbortSignal): Promise<ProvisioningClient> {
    const domain = await this.gatewayDomain(signal);
    return (await this.deps.services()).provisioning(domain);
  }

  /** The domain the opener gave, or (a panel restored after a reload) the gateway's as ARM says, read once. */
  private gatewayDomain(signal: AbortSignal): Promise<string> {
    if (!this.domain) {
      const read = this.readDomain(signal);
      read.catch(() => {
        if (this.domain === read) this.domain = undefined;
      });
      this.domain = read;
    }
    return this.domain;
  }

  private async readDomain(signal: AbortSignal): Promise<string> {
    const ref = parseGatewayId(this.target.gatewayId);
    if (!ref) throw new Error(`${this.target.gatewayId} is not a communications gateway id.`);
    const gateway = await (await this.deps.services()).arm.getGateway(ref, { abortSignal: signal });
    const domain = gatewayDomainOf(gateway);
    if (!domain) throw new AcgError({ kind: 'unavailable', message: `${this.target.gatewayName} has no domain yet, so its Provisioning API cannot be reached. Refresh later.` });
    return domain;
  }

  private async openEditor(action: EditorAction, telephoneNumbers: readonly string[]): Promise<void> {
    if (!EDITOR_ACTIONS.includes(action)) throw this.refuse(`"${String(action)}" is not an editor action.`);
    const id = EDITOR_COMMANDS[action];
    const args = { gatewayId: this.target.gatewayId, ...(this.target.account === undefined ? {} : { account: this.target.account }), telephoneNumbers: [...telephoneNumbers] };
    try {
      await this.deps.executeCommand(id, args);
    } catch (error) {
      if (error instanceof Error && /command .* not found/i.test(error.message)) {
        throw new AcgError({ kind: 'unavailable', message: `The number editor (${id}) is not available in this version of the extension.` });
      }
      throw error;
    }
  }

  /** The number as last read, when a held page has it (for the delete's confirmation wording). */
  private known(ref: { accountName: string; telephoneNumber: string }): NumberResource | undefined {
    const key = numberKey(ref);
    for (const index of this.window.heldIndexes()) {
      const found = this.window.peek(index)?.items.find((n) => numberKey(n) === key);
      if (found) return found;
    }
    return undefined;
  }

  private onNumbersChanged(change: NumbersChange): void {
    if (change.gatewayId.toLowerCase() !== this.target.gatewayId.toLowerCase()) return;
    const account = this.target.account;
    if (account !== undefined && change.account !== account) return;
    const window = this.window;
    const before = window.total;
    const upserted = window.upsert(change.upserted);
    const deletedKeys = new Set(change.deleted.map((telephoneNumber) => numberKey({ accountName: change.account, telephoneNumber })));
    const unheld = change.deleted.filter((telephoneNumber) => !window.has(numberKey({ accountName: change.account, telephoneNumber })) && mayMatch(telephoneNumber, change.account, account, this.filter));
    const removed = window.remove(deletedKeys, unheld.length);
    const current = window.peek(window.currentIndex);
    if (!current) return;
    if (upserted.includes(current.index) || removed.includes(current.index) || window.total !== before) {
      this.notify('rowsChanged', { page: this.result(window, current) });
    }
  }

  private offer(key: string): void {
    // Re-added at the end: the set forgets the rows shown longest ago first.
    this.offered.delete(key);
    this.offered.add(key);
    if (this.offered.size > OFFERED_AT_MOST) {
      const oldest = this.offered.values().next().value;
      if (oldest !== undefined) this.offered.delete(oldest);
    }
  }

  private refuse(message: string): RefusedRequest {
    this.deps.log.warn(`Numbers panel refused a request from the webview: ${message}`);
    return new RefusedRequest(message);
  }
}

/** The accounts whose numbers among these name a civic address or location. */
function accountsWithAddresses(numbers: readonly NumberResource[]): string[] {
  const accounts = new Set<string>();
  for (const number of numbers) {
    const row = numberGridRow(number);
    if (row.civicAddressId || row.locationId) accounts.add(number.accountName);
  }
  return [...accounts];
}

/** The page's filter as the core's NumberFilter, without unset fields. */
export function toFilter(filter: GridFilter): NumberFilter {
  return {
    ...(filter.prefix ? { prefix: filter.prefix } : {}),
    ...(filter.service && isServiceKey(filter.service) ? { service: filter.service } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

function sameFilter(a: NumberFilter, b: NumberFilter): boolean {
  return a.prefix === b.prefix && a.service === b.service && a.status === b.status;
}
