// "Go to Account" from a request for information (its context menu, or its "Go to Account" row): reveals the account
// the service links to the consent (`accountName`) under Accounts.
import { AcgError } from '../../azure/errors';
import { RequestNode } from '../../views/enterprises/requestNodes';
import type { AccountNode } from '../../views/enterprises/accountNodes';
import type { CommandContext } from '../context';

export async function goToAccount(ctx: CommandContext, argument: unknown): Promise<AccountNode | undefined> {
  const node = argument instanceof RequestNode ? argument : undefined;
  if (!node) throw new AcgError({ kind: 'badRequest', message: 'Go to Account works on a request for information in the Enterprises view.' });
  const name = node.request.accountName;
  if (!name) throw new AcgError({ kind: 'notFound', message: 'This enterprise has no account yet: use Create Account from Request.' });
  const account = await ctx.enterprises.findAccount(name);
  if (!account) throw new AcgError({ kind: 'notFound', message: `Account ${name} is not on this gateway any more. Refresh the Enterprises view.` });
  await ctx.enterprises.reveal(account, true);
  return account;
}
