// The Numbers view (acg.numbers): the numbers of one account, or of the whole gateway, one page at a time, with a
// filter in the view title. It holds what is shown (scope and filter) and rebuilds the list model when either
// changes; everything about pages lives in NumbersModel, which has no vscode in it.
import * as vscode from 'vscode';
import { describeFilter, GATEWAY_SCOPE, isFilterEmpty, NO_FILTER, type NumberFilter, type NumbersScope } from '../../core/numbers';
import type { SelectedGateway } from '../../host/gatewaySelection';
import type { Host } from '../../host/host';
import type { NumbersChange } from '../../host/numberChanges';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../../host/ids';
import { NUMBERS_PAGE_SIZE_SETTING, numbersPageSize } from '../../host/settings';
import { AcgTreeDataProvider, MessageNode, type TreeNode } from '../tree';
import { revealWhenReady } from '../tree/reveal';
import { NumberNode, NumbersScopeNode } from './numberNodes';
import { clampPageSize, NumbersModel, type NumberLister } from './numbersModel';

export type NumbersViewHost = Pick<Host, 'signIn' | 'selection' | 'events' | 'log'> & Partial<Pick<Host, 'numberChanges'>>;

/** A client that is fetched on the first page request, so building the root row costs nothing. */
function lazyLister(client: () => Promise<NumberLister>): NumberLister {
  const deferred = <T>(open: (c: NumberLister) => AsyncIterableIterator<T>): AsyncIterableIterator<T> => {
    let inner: AsyncIterableIterator<T> | undefined;
    const get = async (): Promise<AsyncIterableIterator<T>> => (inner ??= open(await client()));
    const iterator: AsyncIterableIterator<T> = {
      next: async () => (await get()).next(),
      return: async (value?: unknown) => (inner?.return ? inner.return(value) : { done: true, value: undefined }),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };
  return {
    listNumbers: (account, options) => deferred((c) => c.listNumbers(account, options)),
    listAllNumbers: (options) => deferred((c) => c.listAllNumbers(options)),
  };
}

export class NumbersView implements vscode.Disposable {
  readonly provider: AcgTreeDataProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private scopeChoice: NumbersScope = GATEWAY_SCOPE;
  private filterChoice: NumberFilter = NO_FILTER;
  private root: NumbersScopeNode | undefined;

  constructor(private readonly host: NumbersViewHost) {
    this.provider = new AcgTreeDataProvider({ viewId: VIEWS.numbers, log: host.log, rootChildren: () => this.rootChildren() });
    // Made here rather than with createAcgTreeView: multi-select delete needs canSelectMany.
    this.view = vscode.window.createTreeView(VIEWS.numbers, { treeDataProvider: this.provider, canSelectMany: true, showCollapseAll: false });
    this.disposables.push(
      this.provider,
      this.view,
      host.events.onDidChangeSignIn(() => this.reset()),
      host.events.onDidChangeGatewaySelection(() => this.reset()),
      ...(host.numberChanges ? [host.numberChanges.onDidChange((change) => this.follow(change))] : []),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(NUMBERS_PAGE_SIZE_SETTING)) this.reload();
      }),
    );
    this.updateTitle();
  }

  get scope(): NumbersScope {
    return this.scopeChoice;
  }

  get filter(): NumberFilter {
    return this.filterChoice;
  }

  /** The scope row currently shown (after the view has read its top level). */
  get scopeNode(): NumbersScopeNode | undefined {
    return this.root;
  }

  /** Shows `scope` (one account, or the whole gateway), keeping the filter unless one is given. */
  async show(scope: NumbersScope, filter?: NumberFilter): Promise<NumbersScopeNode | undefined> {
    this.scopeChoice = scope;
    if (filter) this.filterChoice = filter;
    this.reload();
    return this.rootNode();
  }

  async setFilter(filter: NumberFilter): Promise<NumbersScopeNode | undefined> {
    this.filterChoice = filter;
    this.reload();
    return this.rootNode();
  }

  /** Reads everything again from the first page (Refresh, a new filter or page size). */
  reload(): void {
    this.root = undefined;
    this.updateTitle();
    this.provider.refresh();
  }

  /** Drops deleted numbers from the list in place, so the person keeps their position in a long list. */
  forget(keys: ReadonlySet<string>): void {
    const root = this.root;
    if (!root) return;
    root.forget(keys);
    this.provider.rerender(root);
  }

  /** What was written, settled or deleted elsewhere (the Number editor, the grid): shown without a Refresh. */
  private follow(change: NumbersChange): void {
    const root = this.root;
    const gateway = this.host.selection.forCurrentSignIn();
    if (!root || !gateway || gateway.id.toLowerCase() !== change.gatewayId.toLowerCase()) return;
    const changed = root.upsert(change.upserted);
    if (change.deleted.length > 0) root.forget(new Set(change.deleted.map((n) => `${change.account}/${n}`)));
    if (changed || change.deleted.length > 0) this.provider.rerender(root);
  }

  /** The top row, reading the top level first if VS Code has not yet (the view may be collapsed). */
  async rootNode(): Promise<NumbersScopeNode | undefined> {
    const top = await this.provider.getChildren();
    return top.find((node): node is NumbersScopeNode => node instanceof NumbersScopeNode);
  }

  /** Nodes selected in the view (for multi-select actions started from the keyboard). */
  selectedNumbers(): NumberNode[] {
    return this.view.selection.filter((node): node is NumberNode => node instanceof NumberNode);
  }

  async reveal(node: TreeNode): Promise<void> {
    await revealWhenReady(this.view, node, { select: true, focus: true, expand: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private reset(): void {
    // Another sign-in or gateway: its accounts differ, so the account scope and filter start over.
    this.scopeChoice = GATEWAY_SCOPE;
    this.filterChoice = NO_FILTER;
    this.reload();
  }

  private rootChildren(): TreeNode[] {
    if (!this.host.signIn.signedIn) return [];
    const gateway = this.host.selection.forCurrentSignIn();
    if (!gateway) {
      return this.host.selection.current
        ? [new MessageNode(undefined, { segment: 'otherSignIn', label: 'Select Gateway…', icon: 'server-environment', command: { command: COMMANDS.selectGateway, title: 'Select Gateway…' } })]
        : [];
    }
    this.root ??= this.makeRoot(gateway);
    return [this.root];
  }

  private makeRoot(gateway: SelectedGateway): NumbersScopeNode {
    const pageSize = clampPageSize(numbersPageSize());
    const model = new NumbersModel({ client: lazyLister(() => this.host.selection.provisioningClient(gateway)), scope: this.scopeChoice, filter: this.filterChoice, pageSize });
    return new NumbersScopeNode(gateway.name, model, { rerender: (node) => this.provider.rerender(node) });
  }

  private updateTitle(): void {
    const filter = describeFilter(this.filterChoice);
    const scope = this.scopeChoice.kind === 'account' ? this.scopeChoice.accountName : undefined;
    this.view.description = [scope, filter ? `filter: ${filter}` : undefined].filter(Boolean).join(' · ') || undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.numbersFiltered, !isFilterEmpty(this.filterChoice));
  }
}
