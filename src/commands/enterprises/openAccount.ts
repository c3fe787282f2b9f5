// "Open Account": the Account panel of an account, from its row in the Enterprises view (the natural action on it),
// from another panel ({ gatewayId, account }), or from the palette, which picks an account of the selected gateway.
import { AcgError } from '../../azure/errors';
import type { CommandContext } from '../context';
import { accountTarget } from './targets';

/** What another panel passes (the shared argument object of the number-management panels). */
function panelArgument(value: unknown): { gatewayId: string; account?: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { gatewayId, account } = value as Record<string, unknown>;
  if (typeof gatewayId !== 'string') return undefined;
  return { gatewayId, ...(typeof account === 'string' ? { account } : {}) };
}

export async function openAccount(ctx: CommandContext, argument: unknown): Promise<void> {
  const passed = panelArgument(argument);
  if (passed?.account) {
    // The domain only when the gateway is the selected one; otherwise the panel reads it from ARM.
    const selected = ctx.host.selection.forCurrentSignIn();
    const same = selected?.id.toLowerCase() === passed.gatewayId.toLowerCase() ? selected : undefined;
    const gatewayName = same?.name ?? passed.gatewayId.split('/').pop() ?? passed.gatewayId;
    await ctx.panels.openAccount({ gatewayId: passed.gatewayId, gatewayName, account: passed.account, ...(same?.domain ? { domain: same.domain } : {}) });
    return;
  }
  if (passed && passed.gatewayId.toLowerCase() !== ctx.host.selection.forCurrentSignIn()?.id.toLowerCase()) {
    throw new AcgError({ kind: 'badRequest', message: 'Open Account without an account picks from the selected gateway: select that gateway first.' });
  }
  const target = await accountTarget(ctx, passed ? undefined : argument, 'Which account do you want to open?');
  if (!target) return;
  const gateway = target.scope.gateway;
  await ctx.panels.openAccount({ gatewayId: gateway.id, gatewayName: gateway.name, account: target.account.name, ...(gateway.domain ? { domain: gateway.domain } : {}) });
}
