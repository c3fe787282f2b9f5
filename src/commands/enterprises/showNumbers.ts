// "Show Numbers" on an account: the Numbers view switches to that account (first page only) and takes the focus.
import * as vscode from 'vscode';
import { VIEWS } from '../../host/ids';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';
import { accountTarget } from './targets';

export async function showNumbers(ctx: CommandContext, argument: unknown): Promise<NumbersScopeNode | undefined> {
  // The account's context menu and its "Show Numbers" row both pass the AccountNode.
  const target = await accountTarget(ctx, argument, 'Whose numbers do you want to see?');
  if (!target) return undefined;
  const root = await ctx.numbers.show({ kind: 'account', accountName: target.account.name });
  await vscode.commands.executeCommand(`${VIEWS.numbers}.focus`);
  if (root) await ctx.numbers.reveal(root);
  return root;
}

