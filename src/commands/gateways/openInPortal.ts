// "Open in Azure Portal": the resource in the portal of the signed-in cloud and tenant (the #@tenant part makes the
// portal switch directory, so the link works for guests and multi-tenant operators too).
import * as vscode from 'vscode';
import type { CommandContext } from '../context';
import { resolveGateway } from './targets';

export function portalUrl(portal: string, tenant: string | undefined, armId: string): string {
  return `${portal}/#@${tenant ?? ''}/resource${armId}`;
}

export async function openInPortal(ctx: CommandContext, argument: unknown): Promise<string | undefined> {
  const target = await resolveGateway(argument, ctx, 'Open in Azure Portal');
  if (!target) return undefined;
  const armId = target.gateway.id;
  if (!armId) throw new Error(`${target.ref.name} has no resource id.`);
  const state = ctx.host.signIn.state;
  const url = portalUrl(ctx.host.signIn.cloud.portal, state?.tenantId ?? state?.tenantLabel, armId);
  await ctx.host.ui.openExternal(vscode.Uri.parse(url, true));
  return url;
}
