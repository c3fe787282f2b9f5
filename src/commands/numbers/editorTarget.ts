// What the Number editor commands open on, from wherever they were started: an account row (Enterprises, or the
// Numbers view's account scope), number rows (to edit), an argument object from another panel ({ gatewayId, account?,
// telephoneNumbers? }), or the palette (the selected gateway; an account picked from its list).
import { parseGatewayId } from '../../azure/clients/armIds';
import { AcgError } from '../../azure/errors';
import { selectionOf, type SelectedGateway } from '../../host/gatewaySelection';
import { AccountNode } from '../../views/enterprises/accountNodes';
import { NumberNode, NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { CommandContext, NumberEditorRequest } from '../context';
import { accountTarget } from '../enterprises/targets';
import { numberTargets } from './targets';

interface EditorArgs {
  readonly gatewayId: string;
  readonly account?: string;
  readonly telephoneNumbers?: readonly string[];
}

function isEditorArgs(value: unknown): value is EditorArgs {
  if (typeof value !== 'object' || value === null || value instanceof NumberNode || value instanceof AccountNode) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.gatewayId === 'string' &&
    (record.account === undefined || typeof record.account === 'string') &&
    (record.telephoneNumbers === undefined || (Array.isArray(record.telephoneNumbers) && record.telephoneNumbers.every((n) => typeof n === 'string')))
  );
}

/** The selection when it is this gateway, else the gateway read from ARM under the current sign-in. */
async function gatewayOf(ctx: CommandContext, gatewayId: string): Promise<SelectedGateway> {
  const selected = ctx.host.selection.forCurrentSignIn();
  if (selected && selected.id.toLowerCase() === gatewayId.toLowerCase()) return selected;
  const ref = parseGatewayId(gatewayId);
  if (!ref) throw new AcgError({ kind: 'badRequest', message: `${gatewayId} is not a communications gateway id.` });
  const gateway = await (await ctx.host.services.get()).arm.getGateway(ref);
  const selection = selectionOf(gateway, ctx.host.signIn);
  if (!selection) throw new AcgError({ kind: 'notFound', message: `${ref.name} has no resource id.` });
  return selection;
}

function request(mode: NumberEditorRequest['mode'], gateway: SelectedGateway, account: string, telephoneNumbers: readonly string[] = []): NumberEditorRequest {
  if (!gateway.domain) throw new AcgError({ kind: 'badRequest', message: `${gateway.name} has no Provisioning API domain yet: wait for its deployment to finish.` });
  return { mode, gatewayId: gateway.id, gatewayName: gateway.name, gatewayDomain: gateway.domain, account, telephoneNumbers: [...new Set(telephoneNumbers)] };
}

/** The numbers to edit, from the palette: typed, comma or line separated, in E.164. */
async function askNumbers(ctx: CommandContext, account: string): Promise<string[] | undefined> {
  const typed = await ctx.host.ui.showInputBox({
    title: `Edit Numbers in ${account}`,
    prompt: 'The numbers to edit, in E.164 (+442079460101), separated by commas or spaces',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\s*\+\d+([\s,;]+\+\d+)*\s*$/.test(value) ? undefined : 'Numbers in E.164: + then digits, separated by commas or spaces.'),
  });
  return typed?.split(/[\s,;]+/).filter((n) => n !== '');
}

export async function editorTarget(ctx: CommandContext, argument: unknown, mode: NumberEditorRequest['mode']): Promise<NumberEditorRequest | undefined> {
  if (isEditorArgs(argument)) {
    const gateway = await gatewayOf(ctx, argument.gatewayId);
    const numbers = argument.telephoneNumbers ?? [];
    let account = argument.account;
    if (account === undefined && numbers.length > 0) {
      // The whole-gateway grid passes numbers without their account: the service says whose the first one is.
      const client = await ctx.host.selection.provisioningClient(gateway);
      const first = await client.listAllNumbers({ filter: `telephoneNumber eq '${numbers[0].replace(/'/g, "''")}'`, top: 1 }).next();
      account = first.done ? undefined : first.value.items[0]?.accountName;
      if (!account) throw new AcgError({ kind: 'notFound', message: `${numbers[0]} is not on ${gateway.name}.` });
    }
    if (account === undefined) return undefined;
    return request(mode, gateway, account, numbers);
  }
  if (argument instanceof AccountNode) return request(mode, argument.scope.gateway, argument.account.name);
  const gateway = ctx.host.selection.forCurrentSignIn();
  if (mode === 'edit' && (argument instanceof NumberNode || (argument === undefined && ctx.numbers.selectedNumbers().length > 0))) {
    const nodes = numberTargets(ctx, argument);
    const accounts = [...new Set(nodes.map((n) => n.number.accountName))];
    if (accounts.length > 1) throw new AcgError({ kind: 'badRequest', message: `The selected numbers belong to ${accounts.length} accounts (${accounts.join(', ')}): edit one account’s numbers at a time.` });
    if (!gateway) throw new AcgError({ kind: 'badRequest', message: 'Select a gateway first (Communications Gateway: Select Gateway…).' });
    return request(mode, gateway, accounts[0], nodes.map((n) => n.number.telephoneNumber));
  }
  if (argument instanceof NumbersScopeNode && argument.accountName && gateway) return request(mode, gateway, argument.accountName);
  const picked = await accountTarget(ctx, undefined, mode === 'edit' ? 'Whose numbers do you want to edit?' : 'Which account gets the numbers?');
  if (!picked) return undefined;
  if (mode !== 'edit') return request(mode, picked.scope.gateway, picked.account.name);
  const numbers = await askNumbers(ctx, picked.account.name);
  return numbers && numbers.length > 0 ? request(mode, picked.scope.gateway, picked.account.name, numbers) : undefined;
}

/** Opens (or shows) the editor; resolves with its session. */
export async function openEditor(ctx: CommandContext, target: NumberEditorRequest | undefined): Promise<unknown> {
  return target ? ctx.panels.openNumberEditor(target) : undefined;
}
