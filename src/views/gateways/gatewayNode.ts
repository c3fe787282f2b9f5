// One communications gateway: name, status (description text + icon color), provisioning state, platforms and lab or
// production at a glance; a warning decoration when its verification test lines fall short. Its test lines are read
// in the background for that warning, so the row itself never waits for them.
import * as vscode from 'vscode';
import { gatewayDomainOf, parseGatewayId } from '../../azure/clients/armIds';
import { gatewayDescription, summarizeGateway } from '../../core/gateways/gatewaySummary';
import { hasCoverageWarnings, type TestLineCoverage } from '../../core/gateways/coverage';
import type { CommunicationsGateway, GatewayRef } from '../../core/models';
import { messageOf } from '../../host/presentError';
import type { TreeNode } from '../tree';
import { PropertiesNode } from './propertiesNode';
import { treeUri } from './resourceUris';
import { onboardingFailuresTooltip, TEST_LINES_WARNING } from './decorations';
import { failureCount } from '../../host/onboardingState';
import { ServiceLocationsNode } from './serviceLocationsNode';
import { subscriptionNodeId, type SubscriptionNode } from './subscriptionNode';
import { TestLinesNode } from './testLinesNode';
import type { GatewaysTreeContext } from './treeContext';

export class GatewayNode implements TreeNode {
  readonly id: string;
  readonly ref: GatewayRef;
  /** Set by invalidate(): the next render reads the gateway again (a refresh of this row). */
  private stale = false;
  private readFailed: string | undefined;

  constructor(
    readonly parent: SubscriptionNode,
    public gateway: CommunicationsGateway,
    readonly ctx: GatewaysTreeContext,
  ) {
    const ref = gateway.id === undefined ? undefined : parseGatewayId(gateway.id);
    this.ref = ref ?? { subscriptionId: parent.subscription.subscriptionId, resourceGroupName: '', name: gateway.name ?? '' };
    this.id = gatewayNodeId(this.ref);
  }

  get gatewayNode(): GatewayNode {
    return this;
  }

  get name(): string {
    return this.ref.name;
  }

  get armId(): string {
    return this.gateway.id ?? '';
  }

  invalidate(): void {
    this.stale = true;
    this.ctx.store.invalidate(this.gateway);
  }

  async getTreeItem(): Promise<vscode.TreeItem> {
    if (this.stale) await this.reread();
    const summary = summarizeGateway(this.gateway);
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = gatewayDescription(summary) + (this.readFailed ? ' · refresh failed' : '');
    item.iconPath = new vscode.ThemeIcon('radio-tower', new vscode.ThemeColor(statusColor(this.gateway)));
    item.resourceUri = treeUri('gateway', this.armId);
    item.contextValue = 'acgGateway';
    // No tooltip here: VS Code then asks resolveTooltip on hover, which includes the test line coverage.
    this.checkTestLines();
    return item;
  }

  async resolveTooltip(): Promise<vscode.MarkdownString> {
    try {
      const { coverage } = await this.ctx.store.get(this.gateway, this.ref);
      return this.tooltip(coverage);
    } catch (error) {
      return this.tooltip(undefined, `Test lines could not be read: ${messageOf(error)}`);
    }
  }

  getChildren(): TreeNode[] {
    return [new ServiceLocationsNode(this), new TestLinesNode(this), new PropertiesNode(this)];
  }

  /** Reads the test lines (shared cache) and sets or clears the warning on this row and its "Test lines" group. */
  private checkTestLines(): void {
    this.ctx.store.get(this.gateway, this.ref).then(
      ({ coverage }) => {
        const warning = hasCoverageWarnings(coverage) ? TEST_LINES_WARNING : undefined;
        this.ctx.decorations.setWarning(treeUri('gateway', this.armId), warning);
        this.ctx.decorations.setWarning(treeUri('testLines', this.armId), warning);
      },
      (error: unknown) => this.ctx.host.log.info(`Test lines of ${this.name} not read for the warning: ${messageOf(error)}`),
    );
  }

  private async reread(): Promise<void> {
    this.stale = false;
    try {
      this.gateway = await (await this.ctx.host.services.get()).arm.getGateway(this.ref);
      this.readFailed = undefined;
    } catch (error) {
      // Keep showing what we had, marked, rather than losing the row: its children still show their own errors.
      this.readFailed = messageOf(error);
      this.ctx.host.log.warn(`Refreshing gateway ${this.name} failed: ${this.readFailed}`);
    }
  }

  private tooltip(coverage: TestLineCoverage | undefined, note?: string): vscode.MarkdownString {
    const g = this.gateway;
    const summary = summarizeGateway(g);
    const selected = this.ctx.host.selection.current?.id.toLowerCase() === this.armId.toLowerCase();
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(this.name)}**${selected ? ' — selected for Enterprises and Numbers' : ''}\n\n`);
    const rows: [string, string | undefined][] = [
      ['Status', summary.status],
      ['Provisioning state', summary.provisioningState],
      ['Platforms', summary.platforms.join(', ') || 'none'],
      ['Deployment', `${summary.deployment} (${g.properties?.serviceLocations?.length ?? 0} service location${g.properties?.serviceLocations?.length === 1 ? '' : 's'})`],
      ['Domain', gatewayDomainOf(g)],
      ['Resource group', this.ref.resourceGroupName],
      ['Region', g.location],
    ];
    for (const [key, value] of rows) if (value) md.appendMarkdown(`${key}: ${escape(value)}  \n`);
    if (this.readFailed) md.appendMarkdown(`\n$(warning) Refresh failed: ${escape(this.readFailed)}\n`);
    if (note) md.appendMarkdown(`\n${escape(note)}\n`);
    if (coverage && hasCoverageWarnings(coverage)) {
      md.appendMarkdown('\n$(warning) **Test lines**\n');
      for (const warning of coverage.warnings) md.appendMarkdown(`- ${escape(warning)}\n`);
    }
    const run = this.ctx.host.onboarding.lastRun(this.armId);
    const failed = run ? failureCount(run.results) : 0;
    if (run && failed > 0) md.appendMarkdown(`\n$(error) **${escape(onboardingFailuresTooltip(failed))}** (last run ${escape(new Date(run.finishedAt).toLocaleString())})\n`);
    md.supportThemeIcons = true;
    return md;
  }
}

/** The row id of a gateway: under its subscription, by resource group and name (ARM compares ids case-insensitively). */
export function gatewayNodeId(ref: GatewayRef): string {
  return `${subscriptionNodeId(ref.subscriptionId)}/gw:${ref.resourceGroupName.toLowerCase()}/${ref.name.toLowerCase()}`;
}

function statusColor(gateway: CommunicationsGateway): string {
  if (gateway.properties?.provisioningState === 'Failed') return 'errorForeground';
  return gateway.properties?.status === 'Complete' ? 'testing.iconPassed' : 'charts.yellow';
}

export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
