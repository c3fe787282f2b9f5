// "Manage Numbers…": the Numbers panel (a paged grid) of an account or of a whole gateway. From an account row, that
// account; from a gateway row, every account of the gateway; from the Numbers view's scope row, what it shows; from
// another panel or Find Number…, { gatewayId, account?, telephoneNumbers? } (one number: filtered to it and selected);
// from the palette, the selected gateway, then a pick of one account or all of them.
import { gatewayDomainOf, parseGatewayId } from '../../azure/clients/armIds';
import { AcgError } from '../../azure/errors';
import { AccountNode } from '../../views/enterprises/accountNodes';
import { GatewayNode } from '../../views/gateways/gatewayNode';
import { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { CommandContext, NumbersPanelTarget } from '../context';

const E164 = /^\+[1-9]\d{1,14}$/;
const ACCOUNT = /^[A-Za-z0-9_-]{1,100}$/;

export async function manageNumbers(ctx: CommandContext, argument: unknown): Promise<unknown> {
  const target = await targetOf(ctx, argument);
  return target && ctx.panels.openNumbers(target);
}

async function targetOf(ctx: CommandContext, argument: unknown): Promise<NumbersPanelTarget | undefined> {
  if (argument instanceof AccountNode) {
    const gateway = argument.scope.gateway;
    return { gatewayId: gateway.id, gatewayName: gateway.name, gatewayDomain: gateway.domain, account: argument.account.name };
  }
  if (argument instanceof GatewayNode) return { gatewayId: argument.armId, gatewayName: argument.name, gatewayDomain: gatewayDomainOf(argument.gateway) };
  const current = ctx.host.enterprises.current()?.gateway;
  const known = current && { gatewayId: current.id, gatewayName: current.name, gatewayDomain: current.domain };
  if (typeof argument === 'object' && argument !== null && typeof (argument as { gatewayId?: unknown }).gatewayId === 'string') return fromArguments(argument as Record<string, unknown>, known);
  const selected = ctx.host.enterprises.currentOrThrow().gateway;
  const ofSelection = { gatewayId: selected.id, gatewayName: selected.name, gatewayDomain: selected.domain };
  if (argument instanceof NumbersScopeNode) return { ...ofSelection, account: argument.accountName };
  const accounts = [...(await ctx.host.enterprises.currentOrThrow().data.accounts())].map((a) => a.name).sort((a, b) => a.localeCompare(b));
  const picked = await ctx.host.ui.showQuickPick([{ label: `$(server-environment) All accounts of ${selected.name}`, account: undefined }, ...accounts.map((account) => ({ label: account, account }))], {
    title: 'Manage Numbers',
    placeHolder: 'One account’s numbers, or every account’s?',
  });
  return picked && { ...ofSelection, account: picked.account };
}

/** Another panel's or Find Number's argument, checked: it may come from a webview. */
function fromArguments(args: Record<string, unknown>, selection: NumbersPanelTarget | undefined): NumbersPanelTarget {
  const gatewayId = String(args.gatewayId);
  const ref = parseGatewayId(gatewayId);
  if (!ref) throw new AcgError({ kind: 'badRequest', message: `Manage Numbers: ${gatewayId} is not a communications gateway id.` });
  const account = args.account === undefined ? undefined : String(args.account);
  if (account !== undefined && !ACCOUNT.test(account)) throw new AcgError({ kind: 'badRequest', message: `Manage Numbers: '${account}' is not an account name.` });
  const numbers = Array.isArray(args.telephoneNumbers) ? args.telephoneNumbers.filter((n): n is string => typeof n === 'string' && E164.test(n)) : [];
  const isSelected = selection?.gatewayId.toLowerCase() === gatewayId.toLowerCase();
  return {
    gatewayId,
    gatewayName: isSelected && selection ? selection.gatewayName : ref.name,
    // Another gateway's domain is read from ARM by the panel.
    gatewayDomain: isSelected ? selection?.gatewayDomain : undefined,
    account,
    ...(numbers.length === 1 ? { reveal: { telephoneNumber: numbers[0], filter: { prefix: numbers[0] } } } : {}),
  };
}
