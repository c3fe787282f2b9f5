// Core describes rows as plain view models (label, description, Markdown tooltip, codicon id + theme colour id), since
// it cannot import vscode; this turns them into TreeItems, with tooltips as MarkdownStrings that may show codicons but
// never run commands or HTML.
import * as vscode from 'vscode';
import type { IconSpec } from '../../core/enterprises';

export function themeIcon(spec: IconSpec): vscode.ThemeIcon {
  return spec.color ? new vscode.ThemeIcon(spec.id, new vscode.ThemeColor(spec.color)) : new vscode.ThemeIcon(spec.id);
}

export function markdown(text: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(text, true);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}

export interface RowModel {
  readonly label: string;
  readonly description: string;
  /** Markdown. */
  readonly tooltip?: string;
  readonly icon: IconSpec;
}

export function rowItem(row: RowModel, collapsible: vscode.TreeItemCollapsibleState, contextValue: string): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, collapsible);
  item.description = row.description;
  if (row.tooltip !== undefined) item.tooltip = markdown(row.tooltip);
  item.iconPath = themeIcon(row.icon);
  item.contextValue = contextValue;
  return item;
}
