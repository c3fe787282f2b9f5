// One generic TreeDataProvider for every ACG view. Nodes do the work (see treeNode.ts); this class adds what every
// tree needs the same way: stable ids, a children cache so a node loads once per expansion and per refresh, errors
// as rows, refresh of one node or all (coalesced into one change event), and getParent for `reveal`.
import * as vscode from 'vscode';
import { isAcgError } from '../../azure/errors';
import { messageOf } from '../../host/presentError';
import { ErrorNode } from './errorNode';
import { signInNode } from './messageNode';
import { isWithin, type TreeNode } from './treeNode';

export interface AcgTreeOptions {
  /** The view id (for progress in the view and log lines). */
  viewId: string;
  log: vscode.LogOutputChannel;
  /** Top-level nodes. May throw like any getChildren. */
  rootChildren(): TreeNode[] | Thenable<TreeNode[]>;
}

const ROOT = '';

export class AcgTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Children per parent id, shared by VS Code and by callers (tests, reveal), so both see the same objects. */
  private readonly children = new Map<string, Promise<TreeNode[]>>();
  /** The latest object for each id: a refresh of an older object (held by a command) reaches the current one. */
  private readonly nodes = new Map<string, TreeNode>();
  private pending: Set<TreeNode> | 'all' | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AcgTreeOptions) {}

  get viewId(): string {
    return this.options.viewId;
  }

  async getTreeItem(node: TreeNode): Promise<vscode.TreeItem> {
    let item: vscode.TreeItem;
    try {
      item = await node.getTreeItem();
    } catch (error) {
      this.options.log.warn(`${this.options.viewId}: could not render ${node.id}: ${messageOf(error)}`);
      item = new vscode.TreeItem(node.id, node.getChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = 'could not be shown';
    }
    item.id = node.id;
    // VS Code reads a string tooltip to screen readers instead of the label; a row must be announced by its name.
    if (!item.accessibilityInformation) {
      const label = typeof item.label === 'string' ? item.label : item.label?.label;
      if (label) item.accessibilityInformation = { label: typeof item.description === 'string' && item.description ? `${label}, ${item.description}` : label };
    }
    return item;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const key = node?.id ?? ROOT;
    let cached = this.children.get(key);
    if (!cached) {
      cached = this.load(node);
      this.children.set(key, cached);
    }
    return cached;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.resolveTooltip) {
      try {
        const tooltip = await node.resolveTooltip(token);
        if (tooltip !== undefined) item.tooltip = tooltip;
      } catch (error) {
        this.options.log.warn(`${this.options.viewId}: tooltip of ${node.id}: ${messageOf(error)}`);
      }
    }
    return item;
  }

  /** The node currently shown with this id (after its parent's children were read), if any. */
  findNode(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  /**
   * Reloads `node` (its own data via `invalidate`, and everything below it) or, without an argument, the whole view.
   * Refreshes requested together become one change event.
   */
  refresh(node?: TreeNode | string): void {
    const target = typeof node === 'string' ? this.nodes.get(node) : node === undefined ? undefined : (this.nodes.get(node.id) ?? node);
    if (typeof node === 'string' && !target) return;
    if (!target) {
      for (const known of this.nodes.values()) known.invalidate?.();
      this.children.clear();
      this.nodes.clear();
      this.schedule('all');
      return;
    }
    target.invalidate?.();
    const below = [...this.nodes.values()].filter((known) => known.id !== target.id && isWithin(known, target));
    for (const known of below) {
      known.invalidate?.();
      this.nodes.delete(known.id);
      this.children.delete(known.id);
    }
    this.children.delete(target.id);
    this.schedule(target);
  }

  /** Re-renders `node` and re-reads its children list, keeping its data (e.g. after "Load more…" added a page). */
  rerender(node: TreeNode): void {
    const target = this.nodes.get(node.id) ?? node;
    this.children.delete(target.id);
    this.schedule(target);
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.changed.dispose();
  }

  private async load(node: TreeNode | undefined): Promise<TreeNode[]> {
    let children: TreeNode[];
    try {
      children = node ? await (node.getChildren?.() ?? []) : await this.options.rootChildren();
    } catch (error) {
      // Not cached: the next expansion or Retry asks again.
      this.children.delete(node?.id ?? ROOT);
      children = this.errorChildren(node, error);
    }
    for (const child of children) this.nodes.set(child.id, child);
    return children;
  }

  private errorChildren(node: TreeNode | undefined, error: unknown): TreeNode[] {
    const where = node?.id ?? 'top level';
    if (isAcgError(error, 'cancelled')) {
      this.options.log.info(`${this.options.viewId}: loading ${where} was cancelled`);
      return [];
    }
    if (isAcgError(error, 'notSignedIn')) {
      this.options.log.info(`${this.options.viewId}: ${where}: ${messageOf(error)}`);
      return [signInNode(node)];
    }
    this.options.log.warn(`${this.options.viewId}: loading ${where} failed: ${messageOf(error)}`);
    return [new ErrorNode(node, error, () => this.refresh(node))];
  }

  private schedule(target: TreeNode | 'all'): void {
    if (target === 'all' || this.pending === 'all') this.pending = 'all';
    else {
      const pending: Set<TreeNode> = this.pending ?? new Set();
      pending.add(target);
      this.pending = pending;
    }
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (pending === 'all') this.changed.fire(undefined);
    else if (pending) {
      // A node inside another refreshed node is re-read anyway: fire only for the outermost ones.
      const targets = [...pending];
      for (const target of targets) {
        if (!targets.some((other) => other !== target && other.id !== target.id && isWithin(target, other))) this.changed.fire(target);
      }
    }
  }
}
