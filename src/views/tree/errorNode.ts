// A failed load shows where it happened, as a row with the reason and its actions as children (Retry, and Sign In
// Differently… when a role is missing): one failing subscription never hides the others, and a tree never raises a
// notification (a refresh of ten failing nodes would be ten pop-ups). The wording comes from presentError, as it does
// for commands, panels and the CLI.
import * as vscode from 'vscode';
import { COMMANDS } from '../../host/ids';
import { presentError, type PresentedError } from '../../host/presentError';
import { childId, type TreeNode } from './treeNode';

const MAX_LABEL = 120;

/** Anything the Retry command can be run on. */
export interface Retryable {
  retry(): void;
}

export function isRetryable(value: unknown): value is Retryable {
  return typeof value === 'object' && value !== null && typeof (value as { retry?: unknown }).retry === 'function';
}

export class ErrorNode implements TreeNode, Retryable {
  readonly id: string;
  readonly presented: PresentedError;

  /** `retry` refreshes the node whose children failed (the whole view when `parent` is undefined). */
  constructor(
    readonly parent: TreeNode | undefined,
    error: unknown,
    private readonly onRetry: () => void,
    segment = 'error',
  ) {
    this.id = childId(parent, segment);
    this.presented = presentError(error);
  }

  retry(): void {
    this.onRetry();
  }

  getTreeItem(): vscode.TreeItem {
    const { message, detail, kind } = this.presented;
    const item = new vscode.TreeItem(message.length > MAX_LABEL ? `${message.slice(0, MAX_LABEL - 1)}…` : message, vscode.TreeItemCollapsibleState.Expanded);
    // The first detail line says where (service · HTTP status · code); the full detail is in the tooltip.
    item.description = detail?.split('\n')[0];
    const tooltip = new vscode.MarkdownString();
    for (const line of [message, ...(detail?.split('\n') ?? [])]) tooltip.appendText(line).appendMarkdown('  \n');
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(kind === 'forbidden' ? 'lock' : 'error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'acgError';
    return item;
  }

  getChildren(): TreeNode[] {
    const actions = this.presented.actions.filter((a) => a.id !== 'retry' && a.id !== 'showLog' && a.command);
    return [new RetryNode(this), ...actions.map((action) => new ErrorActionNode(this, action.title, action.command!))];
  }
}

/** The "Retry" row under an ErrorNode: a click refreshes the ErrorNode's parent. */
export class RetryNode implements TreeNode, Retryable {
  readonly id: string;

  constructor(readonly parent: ErrorNode) {
    this.id = childId(parent, 'retry');
  }

  retry(): void {
    this.parent.retry();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Retry', vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('refresh');
    item.command = { command: COMMANDS.retry, title: 'Retry', arguments: [this] };
    item.contextValue = 'acgRetry';
    return item;
  }
}

/** Another action presentError offers for this failure (e.g. Sign In Differently… for a missing role). */
class ErrorActionNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: ErrorNode,
    private readonly title: string,
    private readonly command: string,
  ) {
    this.id = childId(parent, `action:${command}`);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('arrow-right');
    item.command = { command: this.command, title: this.title };
    item.contextValue = 'acgErrorAction';
    return item;
  }
}
