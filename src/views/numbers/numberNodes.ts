// The Numbers view's rows: one scope row (the account, or the whole gateway) that holds the loaded pages of numbers
// and a "Load more…" row, and one row per number. A failed page shows as an error row with Retry at the end of the
// list, keeping the pages already shown.
import * as vscode from 'vscode';
import type { NumberResource } from '../../core/models';
import { describeFilter, isFilterEmpty, numberTooltip } from '../../core/numbers';
import { VIEWS } from '../../host/ids';
import { childId, ErrorNode, LoadMoreNode, type TreeNode } from '../tree';
import { markdown, rowItem } from '../enterprises/icons';
import type { NumberEntry, NumbersModel } from './numbersModel';

export interface ScopeHost {
  /** Re-reads the scope row's children after a page arrived (keeps everything else). */
  rerender(node: TreeNode): void;
}

export class NumbersScopeNode implements TreeNode {
  readonly id: string;
  /** Nodes made once per number, so a new page does not re-create (and deselect) earlier rows. */
  private readonly nodes = new Map<string, NumberNode>();
  private loadError: unknown;

  constructor(
    readonly gatewayName: string,
    readonly model: NumbersModel,
    private readonly host: ScopeHost,
  ) {
    const scope = model.options.scope;
    this.id = childId(undefined, `numbers:${gatewayName}/${scope.kind === 'account' ? `account:${scope.accountName}` : 'all'}`);
  }

  get accountName(): string | undefined {
    const scope = this.model.options.scope;
    return scope.kind === 'account' ? scope.accountName : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const account = this.accountName;
    const item = new vscode.TreeItem(account ?? `${this.gatewayName} (all accounts)`, vscode.TreeItemCollapsibleState.Expanded);
    item.iconPath = new vscode.ThemeIcon(account ? 'organization' : 'server-environment');
    item.description = this.summary();
    const filter = describeFilter(this.model.options.filter);
    item.tooltip = [
      account ? `Numbers of account ${account} on ${this.gatewayName}.` : `Numbers of every account on ${this.gatewayName}.`,
      filter ? `Filter: ${filter}.` : undefined,
      `${this.model.items.length.toLocaleString('en-US')} shown; pages of ${this.model.options.pageSize} (setting acg.numbers.pageSize).`,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = account ? 'acgNumbersScope.account' : 'acgNumbersScope.gateway';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // The first page loads on expand (the row is shown expanded). A failure of the first page throws, so the provider
    // shows its own error row with Retry; a failure of a later page stays here, below the pages already loaded.
    if (!this.model.isStarted) {
      await this.model.loadMore();
      // VS Code rendered this row before its first page arrived: render it again for the count in its description.
      setTimeout(() => this.host.rerender(this), 0);
    }
    const rows: TreeNode[] = this.model.items.map((entry) => this.nodeFor(entry));
    if (this.loadError !== undefined) {
      rows.push(new ErrorNode(this, this.loadError, () => void this.loadNextPage(), 'pageError'));
    } else if (this.model.hasMore) {
      rows.push(new LoadMoreNode(this, () => this.loadNextPage(), VIEWS.numbers, this.loadMoreLabel()));
    }
    if (rows.length === 0) rows.push(new EmptyNumbersNode(this, isFilterEmpty(this.model.options.filter) ? 'No numbers' : 'No numbers match the filter'));
    return rows;
  }

  /** The next page; errors become a row (never a notification), so a flaky network cannot raise a storm of pop-ups. */
  async loadNextPage(): Promise<void> {
    this.loadError = undefined;
    try {
      await this.model.loadMore();
    } catch (error) {
      this.loadError = error;
    } finally {
      this.host.rerender(this);
    }
  }

  findNumber(accountName: string, telephoneNumber: string): NumberNode | undefined {
    return [...this.nodes.values()].find((n) => n.number.accountName === accountName && n.number.telephoneNumber === telephoneNumber);
  }

  /** Numbers written or settled: statuses change in place, new ones of this scope appear. */
  upsert(numbers: readonly NumberResource[]): boolean {
    return this.model.upsert(numbers);
  }

  forget(keys: ReadonlySet<string>): void {
    this.model.remove(keys);
    for (const [id, node] of this.nodes) if (keys.has(`${node.number.accountName}/${node.number.telephoneNumber}`)) this.nodes.delete(id);
  }

  private nodeFor(entry: NumberEntry): NumberNode {
    let node = this.nodes.get(entry.view.id);
    if (!node || node.entry !== entry) {
      node = new NumberNode(this, entry);
      this.nodes.set(entry.view.id, node);
    }
    return node;
  }

  private summary(): string | undefined {
    const total = this.model.totalCount;
    const shown = this.model.items.length;
    const filter = describeFilter(this.model.options.filter);
    const count = total === undefined ? undefined : this.model.filtersPerPage ? `${shown.toLocaleString('en-US')} shown` : `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
    return [count, filter ? `filter: ${filter}` : undefined].filter(Boolean).join(' · ') || undefined;
  }

  private loadMoreLabel(): string {
    const total = this.model.totalCount;
    if (total === undefined || this.model.filtersPerPage) return 'Load more…';
    const left = total - this.model.items.length;
    return `Load more… (${Math.min(left, this.model.options.pageSize).toLocaleString('en-US')} of ${left.toLocaleString('en-US')} remaining)`;
  }
}

export class NumberNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: NumbersScopeNode,
    readonly entry: NumberEntry,
  ) {
    this.id = childId(parent, entry.view.id);
  }

  get number(): NumberResource {
    return this.entry.number;
  }

  getTreeItem(): vscode.TreeItem {
    // No tooltip here: resolveTooltip builds it on hover.
    const item = rowItem(this.entry.view, vscode.TreeItemCollapsibleState.None, 'acgNumber');
    item.accessibilityInformation = { label: this.entry.view.ariaLabel };
    return item;
  }

  /** Built on hover only: a page of a thousand rows should not build a thousand tooltips up front. */
  resolveTooltip(): vscode.MarkdownString {
    return markdown(numberTooltip(this.entry.number));
  }
}

class EmptyNumbersNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: NumbersScopeNode,
    private readonly label: string,
  ) {
    this.id = childId(parent, 'empty');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'acgMessage';
    return item;
  }
}
