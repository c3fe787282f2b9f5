// "Show Numbers" on an account: the Numbers view switches to that account (first page only) and takes the focus.
import * as vscode from 'vscode';
import { NUMBERS_VIEW_ID } from '../numbers/ids';
import type { NumbersScopeNode } from '../../views/numbers/numberNodes';
import type { EnterpriseCommandDeps } from './deps';
import { accountTarget } from './targets';

export async function showNumbers(deps: EnterpriseCommandDeps, argument: unknown): Promise<NumbersScopeNode | undefined> {
  // The account's context menu and its "Show Numbers" row both pass the AccountNode.
  const target = await accountTarget(deps, argument, 'Whose numbers do you want to see?');
  if (!target) return undefined;
  const root = await deps.numbers.show({ kind: 'account', accountName: target.account.name });
  await vscode.commands.executeCommand(`${NUMBERS_VIEW_ID}.focus`);
  if (root) await deps.numbers.reveal(root);
  return root;
}

