// Which gateway (or test line) a command acts on: the tree node it was run on, or, from the command palette, one the
// person picks (DESIGN.md: "a command started from the palette with no tree node asks for one with a quick pick").
import * as vscode from 'vscode';
import { gatewayRefOf } from '../../azure/clients/armIds';
import type { CommunicationsGateway, GatewayRef, Subscription, TestLine } from '../../core/models';
import { notSignedInError } from '../../azure/errors';
import { runWithProgress } from '../../host/progress';
import { GatewayNode } from '../../views/gateways/gatewayNode';
import { TestLineNode } from '../../views/gateways/testLinesNode';
import type { CommandContext } from '../context';

export interface GatewayTarget {
  readonly gateway: CommunicationsGateway;
  readonly ref: GatewayRef;
  /** The row, when the command ran on one (or the row currently shown for the picked gateway). */
  readonly node?: GatewayNode;
}

export interface TestLineTarget {
  readonly gateway: GatewayTarget;
  readonly testLine: TestLine;
  readonly name: string;
}

/** Nodes under a gateway expose it as `gatewayNode`. */
function gatewayNodeOf(argument: unknown): GatewayNode | undefined {
  if (argument instanceof GatewayNode) return argument;
  const candidate = typeof argument === 'object' && argument !== null ? (argument as { gatewayNode?: unknown }).gatewayNode : undefined;
  return candidate instanceof GatewayNode ? candidate : undefined;
}

/** The gateway of the node the command ran on, or a picked one; undefined when the person cancels the pick. */
export async function resolveGateway(argument: unknown, ctx: CommandContext, purpose: string): Promise<GatewayTarget | undefined> {
  const node = gatewayNodeOf(argument);
  if (node) return { gateway: node.gateway, ref: node.ref, node };
  if (argument !== undefined && !isEmptyInvocation(argument)) {
    throw new Error(`${purpose}: run it on a gateway in the Gateways view, or from the command palette.`);
  }
  return pickGateway(ctx, purpose);
}

export async function resolveTestLine(argument: unknown, ctx: CommandContext, purpose: string): Promise<TestLineTarget | undefined> {
  if (argument instanceof TestLineNode) {
    const node = argument.gatewayNode;
    return { gateway: { gateway: node.gateway, ref: node.ref, node }, testLine: argument.testLine, name: argument.name };
  }
  const gateway = await resolveGateway(argument, ctx, purpose);
  if (!gateway) return undefined;
  const { lines } = await runWithProgress(ctx.host.ui, `Reading test lines of ${gateway.ref.name}…`, ({ signal }) => ctx.host.testLines.get(gateway.gateway, gateway.ref, signal));
  if (lines.length === 0) throw new Error(`${gateway.ref.name} has no test lines.`);
  const picked = await ctx.host.ui.showQuickPick(
    lines.map((line) => ({ label: line.name ?? '', description: `${line.properties?.phoneNumber ?? ''} · ${line.properties?.purpose ?? ''}`, line })),
    { title: `${purpose}: which test line of ${gateway.ref.name}?`, matchOnDescription: true },
  );
  return picked ? { gateway, testLine: picked.line, name: picked.label } : undefined;
}

/** Menus on the view title pass nothing; keybindings may pass an empty array. */
function isEmptyInvocation(argument: unknown): boolean {
  return argument === null || (Array.isArray(argument) && argument.length === 0);
}

interface GatewayPick extends vscode.QuickPickItem {
  gateway: CommunicationsGateway;
  ref: GatewayRef;
}

export async function pickGateway(ctx: CommandContext, purpose: string): Promise<GatewayTarget | undefined> {
  if (!ctx.host.signIn.signedIn) throw notSignedInError();
  const items = runWithProgress(ctx.host.ui, 'Listing gateways…', ({ signal }) => gatewayPicks(ctx, signal), { location: vscode.ProgressLocation.Window });
  const picked = await ctx.host.ui.showQuickPick(items, { title: purpose, placeHolder: 'Pick a communications gateway', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  return { gateway: picked.gateway, ref: picked.ref, node: ctx.gateways.findGatewayNode(picked.ref) };
}

async function gatewayPicks(ctx: CommandContext, signal: AbortSignal): Promise<GatewayPick[]> {
  const arm = (await ctx.host.services.get()).arm;
  const filter = ctx.host.subscriptions.current();
  const subscriptions = (await arm.listSubscriptions({ abortSignal: signal })).filter((s) => !filter || filter.includes(s.subscriptionId));
  const byId = new Map<string, Subscription>(subscriptions.map((s) => [s.subscriptionId, s]));
  const results = await arm.listGateways([...byId.keys()], { abortSignal: signal });
  const picks: GatewayPick[] = [];
  const failures: string[] = [];
  const selected = ctx.host.selection.current?.id.toLowerCase();
  for (const result of results) {
    const subscription = byId.get(result.subscriptionId);
    if (result.error) {
      failures.push(`${subscription?.displayName ?? result.subscriptionId}: ${result.error.message}`);
      continue;
    }
    for (const gateway of result.gateways) {
      const ref = gatewayRefOf(gateway);
      if (!ref) continue;
      picks.push({
        label: `${gateway.id?.toLowerCase() === selected ? '$(check) ' : ''}${ref.name}`,
        description: `${ref.resourceGroupName} · ${subscription?.displayName ?? ref.subscriptionId}`,
        detail: `${gateway.properties?.status ?? ''} · ${gateway.location}`,
        gateway,
        ref,
      });
    }
  }
  if (failures.length > 0) ctx.host.log.warn(`Some subscriptions could not be read: ${failures.join('; ')}`);
  if (picks.length === 0) {
    throw new Error(failures.length > 0 ? `No gateways could be read. ${failures.join(' ')}` : 'No communications gateways in the selected subscriptions.');
  }
  return picks;
}

/** After a change to a gateway's test lines: drop the cache and refresh its row (or the view, if it is not shown). */
export function refreshGateway(ctx: CommandContext, target: GatewayTarget): void {
  ctx.host.testLines.invalidate(target.gateway);
  const node = target.node ?? ctx.gateways.findGatewayNode(target.ref);
  ctx.gateways.refresh(node);
}
