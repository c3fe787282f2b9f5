// "View Properties": the gateway (or test line) as read-only JSON, read fresh from ARM.
import type * as vscode from 'vscode';
import { TestLineNode } from '../../views/gateways/testLinesNode';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export async function viewProperties(ctx: CommandContext, argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof TestLineNode && argument.testLine.id) {
    return (await ctx.host.documents.openResource(argument.testLine.id)).document.uri;
  }
  const target = await resolveGateway(argument, ctx, 'View Properties');
  if (!target) return undefined;
  if (!target.gateway.id) throw new Error(`${target.ref.name} has no resource id.`);
  return (await ctx.host.documents.openResource(target.gateway.id)).document.uri;
}
