// A failed load shows where it happened, as a row with the reason and a Retry child: one failing subscription never
// hides the others, and a tree never raises a notification (a refresh of ten failing nodes would be ten pop-ups).
import * as vscode from 'vscode';
import type { AcgError } from '../../azure/errors';
import { isAcgError } from '../../azure/errors';
import { childId, type TreeNode } from './treeNode';

export const RETRY_COMMAND = 'acg.tree.retry';
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

  /** `retry` refreshes the node whose children failed (the whole view when `parent` is undefined). */
  constructor(
    readonly parent: TreeNode | undefined,
    readonly error: unknown,
    private readonly onRetry: () => void,
    segment = 'error',
  ) {
    this.id = childId(parent, segment);
  }

  retry(): void {
    this.onRetry();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(errorLabel(this.error), vscode.TreeItemCollapsibleState.Expanded);
    const acg = isAcgError(this.error) ? this.error : undefined;
    item.description = acg ? errorDescription(acg) : undefined;
    item.tooltip = errorTooltip(this.error);
    item.iconPath = acg?.kind === 'forbidden' ? new vscode.ThemeIcon('lock', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'acgError';
    return item;
  }

  getChildren(): TreeNode[] {
    return [new RetryNode(this)];
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
    item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this] };
    item.contextValue = 'acgRetry';
    return item;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorLabel(error: unknown): string {
  const message = errorMessage(error).replace(/\s+/g, ' ').trim();
  return message.length > MAX_LABEL ? `${message.slice(0, MAX_LABEL - 1)}…` : message;
}

function errorDescription(error: AcgError): string | undefined {
  if (error.kind === 'forbidden') return error.requiredRole ? `needs ${error.requiredRole}` : 'access denied';
  if (error.status !== undefined) return `HTTP ${error.status}`;
  return undefined;
}

function errorTooltip(error: unknown): vscode.MarkdownString {
  const lines = [errorMessage(error)];
  if (isAcgError(error)) {
    if (error.requiredRole) lines.push(`Required role: ${error.requiredRole}`);
    if (error.code) lines.push(`Code: ${error.code}`);
    if (error.requestId) lines.push(`Request id: ${error.requestId}`);
    if (error.clientRequestId) lines.push(`Client request id: ${error.clientRequestId}`);
  }
  const tooltip = new vscode.MarkdownString();
  for (const line of lines) tooltip.appendText(line).appendMarkdown('  \n');
  return tooltip;
}
