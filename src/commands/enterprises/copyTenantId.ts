// "Copy Tenant ID": the enterprise's Microsoft Entra tenant id, from a request for information or an account.
import { AcgError } from '../../azure/errors';
import { companyOf } from '../../core/enterprises';
import { AccountNode } from '../../views/enterprises/accountNodes';
import type { CommandContext } from '../context';
import { requestTarget } from './targets';

export async function copyTenantId(ctx: CommandContext, argument: unknown): Promise<string | undefined> {
  let tenantId: string | undefined;
  let owner: string;
  if (argument instanceof AccountNode) {
    tenantId = argument.account.serviceDetails?.teamsTenantId;
    owner = `account ${argument.account.name}`;
    if (!tenantId) throw new AcgError({ kind: 'notFound', message: `Account ${argument.account.name} has no Teams tenant (it uses no Teams service).` });
  } else {
    const target = await requestTarget(ctx, argument, 'Whose tenant ID do you want to copy?');
    if (!target) return undefined;
    tenantId = target.request.tenantId;
    owner = companyOf(target.request);
  }
  await ctx.host.ui.writeClipboard(tenantId);
  void ctx.host.ui.showInformationMessage(`Copied the tenant ID of ${owner}: ${tenantId}`);
  return tenantId;
}
