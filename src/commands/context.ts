// What every command handler gets. The host layer (sign-in, services, selection, Ui…) plus the few things commands
// ask of the views and diagnostics, declared here as small interfaces that those faces implement: commands never import
// a view or the diagnostics (only tree node types, to recognise the row they were run on), and extension.ts passes
// the real objects in.
import type * as vscode from 'vscode';
import type { PlanSummaryView } from '../core/apply/planSummary';
import type { ConfigKind } from '../core/config';
import type { CommunicationsGateway, GatewayRef } from '../core/models';
import type { NumberFilter, NumbersScope } from '../core/numbers';
import type { Host } from '../host/host';
import type { OnboardingTarget } from '../host/onboarding';
import type { AccountNode } from '../views/enterprises/accountNodes';
import type { RequestNode } from '../views/enterprises/requestNodes';
import type { GatewayNode } from '../views/gateways/gatewayNode';
import type { NumberNode, NumbersScopeNode } from '../views/numbers/numberNodes';
import type { TreeNode } from '../views/tree/treeNode';

export interface GatewaysTree {
  /** One row and below, or (no argument) the whole view. */
  refresh(node?: TreeNode): void;
  /** The row currently shown for a gateway, if the view has loaded it. */
  findGatewayNode(ref: GatewayRef): GatewayNode | undefined;
  reveal(node: TreeNode, expand?: boolean): Promise<void>;
}

export interface EnterprisesTree {
  refresh(): void;
  /** Re-reads the requests (after a relationship change) or the accounts (after an account was created). */
  refreshPart(part: 'requests' | 'accounts' | 'both'): void;
  findAccount(name: string): Promise<AccountNode | undefined>;
  findRequest(tenantId: string): Promise<RequestNode | undefined>;
  reveal(node: TreeNode, expand?: boolean): Promise<void>;
}

export interface NumbersList {
  readonly filter: NumberFilter;
  /** Shows one account's numbers or the whole gateway's, keeping the filter unless one is given. */
  show(scope: NumbersScope, filter?: NumberFilter): Promise<NumbersScopeNode | undefined>;
  setFilter(filter: NumberFilter): Promise<NumbersScopeNode | undefined>;
  /** From the first page again. */
  reload(): void;
  /** Drops deleted numbers in place, so the person keeps their position. */
  forget(keys: ReadonlySet<string>): void;
  selectedNumbers(): NumberNode[];
  reveal(node: TreeNode): Promise<void>;
}

export interface ConfigProblems {
  /** Validates a file read from disk and shows its findings in Problems; returns how many. */
  publishFromDisk(uri: vscode.Uri, text: string, kind: ConfigKind): Promise<number>;
}

/** What Manage Numbers… opens (the Numbers panel's target, in the commands' own words: faces do not import panels). */
export interface NumbersPanelTarget {
  readonly gatewayId: string;
  readonly gatewayName: string;
  /** The Provisioning API domain when known (else the panel reads it from ARM). */
  readonly gatewayDomain?: string;
  /** Undefined: every account of the gateway. */
  readonly account?: string;
  /** Show this number: filtered to it and selected (Find Number…). */
  readonly reveal?: { readonly telephoneNumber: string; readonly filter: { readonly prefix?: string } };
}

export interface Panels {
  /** Opens (or shows) the overview panel of `gateway`. */
  openGatewayOverview(gateway: CommunicationsGateway): Promise<void>;
  /** Opens (or shows) the onboarding checks panel of a gateway (it shows the results of runs as they stream in). */
  openOnboardingChecks(target: OnboardingTarget): Promise<void>;
  /** Opens (or shows) the Requests for Information panel of a gateway (its ARM id and name). */
  openRequests(target: { readonly gatewayId: string; readonly gatewayName: string }): Promise<void>;
  /** Opens (or shows) the Account panel of one account of a gateway; `domain` only when the selection knows it. */
  openAccount(target: { readonly gatewayId: string; readonly gatewayName: string; readonly account: string; readonly domain?: string }): Promise<void>;
  /** Opens (or shows) the Numbers panel of an account or of a whole gateway. */
  openNumbers(target: NumbersPanelTarget): Promise<unknown>;
  /** Opens (or shows) the Number editor; resolves with the open panel's session (integration tests drive it). */
  openNumberEditor(target: NumberEditorRequest): Promise<unknown>;
  /** Opens (or updates) the summary panel of a provisioning plan, one per desired file. */
  openPlanSummary(view: PlanSummaryView): Promise<void>;
}

/** What the Number editor opens on: a mode, the gateway (ARM id, name, Provisioning API domain), an account, numbers. */
export interface NumberEditorRequest {
  readonly mode: 'create' | 'edit' | 'importCsv';
  readonly gatewayId: string;
  readonly gatewayName: string;
  readonly gatewayDomain: string;
  readonly account: string;
  readonly telephoneNumbers: readonly string[];
}

/** Built once in extension.ts. */
export interface CommandServices {
  readonly host: Host;
  readonly gateways: GatewaysTree;
  readonly enterprises: EnterprisesTree;
  readonly numbers: NumbersList;
  readonly configProblems: ConfigProblems;
  readonly panels: Panels;
  /** The extension's global storage: plan-and-apply journals live there (one per run). */
  readonly globalStorageUri: vscode.Uri;
}

/** One per invocation. */
export interface CommandContext extends CommandServices {
  /** The command's id, for messages and logs. */
  readonly id: string;
  /** Everything VS Code passed: (node, selected nodes) from a tree menu, (uri, selected uris) from the explorer, or an
   * argument object from automation. `node` is the first of them. */
  readonly args: readonly unknown[];
}

export type CommandHandler = (ctx: CommandContext, node?: unknown) => unknown;
