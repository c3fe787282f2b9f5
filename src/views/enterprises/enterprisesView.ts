// The Enterprises view (acg.enterprises): the selected gateway, its requests for information grouped by relationship
// status, and its accounts with their civic addresses. Nothing is read until the view is shown; a new sign-in or a
// new gateway refreshes it once; reveal() finds an account or a request by walking the same cached children VS Code
// sees, so "Go to …" works even for rows that were never expanded.
import * as vscode from 'vscode';
import { tenantKey } from '../../core/enterprises';
import { AcgError } from '../../azure/errors';
import type { EnterpriseScope } from '../../host/enterpriseData';
import type { Host } from '../../host/host';
import { COMMANDS, VIEWS } from '../../host/ids';
import { AcgTreeDataProvider, childId, MessageNode, type TreeNode } from '../tree';
import { revealWhenReady } from '../tree/reveal';
import { AccountNode, AccountsFolderNode } from './accountNodes';
import { RelationshipGroupNode, RequestNode, RequestsFolderNode } from './requestNodes';

export class GatewayNode implements TreeNode {
  readonly id: string;
  readonly requests: RequestsFolderNode;
  readonly accounts: AccountsFolderNode;

  constructor(readonly scope: EnterpriseScope) {
    this.id = childId(undefined, `gateway:${scope.gateway.id.toLowerCase()}`);
    this.requests = new RequestsFolderNode(this, scope);
    this.accounts = new AccountsFolderNode(this, scope);
  }

  getTreeItem(): vscode.TreeItem {
    const gateway = this.scope.gateway;
    const item = new vscode.TreeItem(gateway.name, vscode.TreeItemCollapsibleState.Expanded);
    item.description = gateway.domain ? `provapi.${gateway.domain}` : 'no domain yet';
    item.tooltip = `Gateway ${gateway.name} (resource group ${gateway.resourceGroupName}). Use "Select Gateway…" to work on another one.`;
    item.iconPath = new vscode.ThemeIcon('server-environment');
    item.contextValue = 'acgSelectedGateway';
    return item;
  }

  getChildren(): TreeNode[] {
    return [this.requests, this.accounts];
  }

  invalidate(): void {
    this.scope.data.invalidateAccounts();
    this.scope.data.invalidateRequests();
  }
}

export type EnterprisesViewHost = Pick<Host, 'signIn' | 'selection' | 'enterprises' | 'events' | 'log'>;

export class EnterprisesView implements vscode.Disposable {
  readonly provider: AcgTreeDataProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: EnterprisesViewHost) {
    this.provider = new AcgTreeDataProvider({ viewId: VIEWS.enterprises, log: host.log, rootChildren: () => this.rootChildren() });
    this.view = vscode.window.createTreeView(VIEWS.enterprises, { treeDataProvider: this.provider, showCollapseAll: true });
    const reset = (): void => this.provider.refresh();
    this.disposables.push(this.provider, this.view, host.events.onDidChangeSignIn(reset), host.events.onDidChangeGatewaySelection(reset));
  }

  /** One refresh of the whole view (data read again; expansion kept, since ids are stable). */
  refresh(): void {
    this.provider.refresh();
  }

  /** Re-reads the requests (after a relationship change) or the accounts (after an account was created). */
  refreshPart(part: 'requests' | 'accounts' | 'both'): void {
    const root = this.rootNode();
    if (!root) return this.refresh();
    if (part !== 'accounts') this.provider.refresh(root.requests.id);
    if (part !== 'requests') this.provider.refresh(root.accounts.id);
    // Not shown yet: the ids are unknown to the provider, so drop the cached lists directly.
    if (part !== 'accounts') root.scope.data.invalidateRequests();
    if (part !== 'requests') root.scope.data.invalidateAccounts();
  }

  async findAccount(name: string): Promise<AccountNode | undefined> {
    const root = await this.loadedRoot();
    if (!root) return undefined;
    const accounts = await this.provider.getChildren(root.accounts);
    return accounts.find((node): node is AccountNode => node instanceof AccountNode && node.account.name === name);
  }

  async findRequest(tenantId: string): Promise<RequestNode | undefined> {
    const root = await this.loadedRoot();
    if (!root) return undefined;
    const groups = await this.provider.getChildren(root.requests);
    const group = groups.find((node): node is RelationshipGroupNode => node instanceof RelationshipGroupNode && node.findRequest(tenantId));
    if (!group) return undefined;
    const requests = await this.provider.getChildren(group);
    return requests.find((node): node is RequestNode => node instanceof RequestNode && tenantKey(node.request.tenantId) === tenantKey(tenantId));
  }

  /** Shows the selected gateway's Accounts or Requests for information folder, expanded. */
  async revealPart(part: 'accounts' | 'requests'): Promise<void> {
    const root = await this.loadedRoot();
    if (!root) throw new AcgError({ kind: 'badRequest', message: 'The Enterprises view shows no gateway: select one first.' });
    await this.reveal(part === 'accounts' ? root.accounts : root.requests, true);
  }

  /** Shows the view and selects `node`, expanding its ancestors. */
  async reveal(node: TreeNode, expand = false): Promise<void> {
    await revealWhenReady(this.view, node, { select: true, focus: true, expand });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private rootNode(): GatewayNode | undefined {
    const scope = this.host.enterprises.current();
    if (!scope) return undefined;
    const node = this.provider.findNode(childId(undefined, `gateway:${scope.gateway.id.toLowerCase()}`));
    return node instanceof GatewayNode ? node : undefined;
  }

  private async loadedRoot(): Promise<GatewayNode | undefined> {
    const top = await this.provider.getChildren();
    return top.find((node): node is GatewayNode => node instanceof GatewayNode);
  }

  private rootChildren(): TreeNode[] {
    // Signed out, or no gateway: an empty view shows the welcome content (package.json viewsWelcome) instead.
    if (!this.host.signIn.signedIn) return [];
    const scope = this.host.enterprises.current();
    if (!scope) {
      if (!this.host.selection.current) return [];
      // A gateway chosen under another cloud or tenant: say so rather than show nothing.
      return [
        new MessageNode(undefined, {
          segment: 'otherSignIn',
          label: `${this.host.selection.current.name} was selected under another sign-in. Select Gateway…`,
          icon: 'server-environment',
          command: { command: COMMANDS.selectGateway, title: 'Select Gateway…' },
        }),
      ];
    }
    return [new GatewayNode(scope)];
  }
}
