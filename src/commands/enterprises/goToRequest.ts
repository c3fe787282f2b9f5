// "Go to Request for Information" from an account: reveals the consent of the account's Teams tenant.
import { AcgError } from '../../azure/errors';
import { AccountNode } from '../../views/enterprises/accountNodes';
import type { RequestNode } from '../../views/enterprises/requestNodes';
import type { CommandContext } from '../context';

export async function goToRequest(ctx: CommandContext, argument: unknown): Promise<RequestNode | undefined> {
  const node = argument instanceof AccountNode ? argument : undefined;
  if (!node) throw new AcgError({ kind: 'badRequest', message: 'Go to Request for Information works on an account in the Enterprises view.' });
  const tenantId = node.request?.tenantId ?? node.account.serviceDetails?.teamsTenantId;
  if (!tenantId) throw new AcgError({ kind: 'notFound', message: `Account ${node.account.name} has no Teams tenant, so no request for information.` });
  const request = await ctx.enterprises.findRequest(tenantId);
  if (!request) throw new AcgError({ kind: 'notFound', message: `No request for information from tenant ${tenantId} on this gateway. Refresh the Enterprises view.` });
  await ctx.enterprises.reveal(request);
  return request;
}
