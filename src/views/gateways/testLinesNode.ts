// "Test lines": the gateway's test lines, each with its number and purpose. The group shows the verification count
// (OC 4/6) and carries the same warning as the gateway when lines are missing or a number is not E.164; a single line
// with a bad number carries its own.
import * as vscode from 'vscode';
import { hasCoverageWarnings } from '../../core/gateways/coverage';
import type { TestLine } from '../../core/models';
import { messageOf } from '../../host/presentError';
import { childId, emptyNode, type TreeNode } from '../tree';
import type { GatewayNode } from './gatewayNode';
import { treeUri } from './resourceUris';
import { NUMBER_WARNING, TEST_LINES_WARNING } from './decorations';

export class TestLinesNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: GatewayNode) {
    this.id = childId(parent, 'testLines');
  }

  get gatewayNode(): GatewayNode {
    return this.parent;
  }

  async getTreeItem(): Promise<vscode.TreeItem> {
    const gateway = this.parent;
    const item = new vscode.TreeItem('Test lines', vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('call-outgoing');
    item.resourceUri = treeUri('testLines', gateway.armId);
    item.contextValue = 'acgTestLines';
    try {
      // Usually cached already (the gateway row read it for its own warning).
      const { lines, coverage } = await gateway.ctx.store.get(gateway.gateway, gateway.ref);
      const counts = coverage.services.map((s) => `${s.prefix} ${s.automated}/${s.required}`);
      item.description = [String(lines.length), ...counts].join(' · ');
      const warnings = hasCoverageWarnings(coverage) ? coverage.warnings : [];
      const summary = `${lines.length} test lines. Automated lines per service: ${counts.join(', ') || 'no verified services'} (a ${coverage.deployment} deployment needs ${coverage.required}).`;
      item.tooltip = [summary, ...warnings.map((w) => `• ${w}`)].join('\n');
      gateway.ctx.decorations.setWarning(item.resourceUri, warnings.length > 0 ? TEST_LINES_WARNING : undefined);
    } catch (error) {
      item.description = 'could not be read';
      item.tooltip = messageOf(error);
    }
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const gateway = this.parent;
    const { lines } = await gateway.ctx.store.get(gateway.gateway, gateway.ref);
    if (lines.length === 0) return [emptyNode(this, 'No test lines')];
    // The E.164 check (libphonenumber-js) loads on first expansion, not at activation; the store has loaded it already.
    const { testLineNumberProblem } = await import('../../core/gateways/testLineCoverage');
    return lines.map((line) => new TestLineNode(this, line, testLineNumberProblem(line.properties?.phoneNumber)));
  }
}

export class TestLineNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TestLinesNode,
    readonly testLine: TestLine,
    /** Why the line's number is not valid E.164, or undefined when it is. */
    private readonly numberProblem: string | undefined,
  ) {
    this.id = childId(parent, `tl:${this.name.toLowerCase()}`);
  }

  get gatewayNode(): GatewayNode {
    return this.parent.gatewayNode;
  }

  get name(): string {
    return this.testLine.name ?? this.testLine.id?.split('/').pop() ?? '';
  }

  getTreeItem(): vscode.TreeItem {
    const props = this.testLine.properties;
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.None);
    item.description = `${props?.phoneNumber ?? '(no number)'} · ${props?.purpose ?? 'unknown purpose'}`;
    const problem = this.numberProblem;
    item.resourceUri = treeUri('testLine', this.testLine.id ?? `${this.gatewayNode.armId}/testLines/${this.name}`);
    item.tooltip = [
      `Test line ${this.name}`,
      `Number: ${props?.phoneNumber ?? 'none'}`,
      `Purpose: ${props?.purpose ?? 'unknown'}`,
      `Provisioning state: ${props?.provisioningState ?? 'unknown'}`,
      problem ? `Warning: not a valid E.164 number. ${problem}` : undefined,
    ]
      .filter((line) => line !== undefined)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon(props?.purpose === 'Automated' ? 'robot' : 'person');
    item.contextValue = 'acgTestLine';
    this.gatewayNode.ctx.decorations.setWarning(item.resourceUri, problem ? NUMBER_WARNING : undefined);
    return item;
  }
}
