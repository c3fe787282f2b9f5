// "Show Details" on a number: the number as the service has it now (read fresh, with every field the tree leaves
// out), as read-only JSON in an editor.
import type * as vscode from 'vscode';
import { AcgError, isAcgError } from '../../azure/errors';
import { NumberNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';
import { numberTargets } from './targets';

export async function showNumberDetails(ctx: CommandContext, argument: unknown): Promise<vscode.TextEditor | undefined> {
  // The row it was run on, even when several are selected.
  const [node] = argument instanceof NumberNode ? [argument] : numberTargets(ctx, argument);
  const scope = ctx.host.enterprises.currentOrThrow();
  const client = await scope.client();
  const { accountName, telephoneNumber } = node.number;
  try {
    const { resource, etag } = await client.getNumber(accountName, telephoneNumber);
    return await ctx.host.documents.showJson([scope.gateway.name, accountName, telephoneNumber], { ...resource, ...(etag ? { '@etag': etag } : {}) });
  } catch (error) {
    if (!isAcgError(error, 'notFound')) throw error;
    ctx.numbers.forget(new Set([`${accountName}/${telephoneNumber}`]));
    throw new AcgError({ kind: 'notFound', message: `${telephoneNumber} is no longer in account ${accountName}; it was removed from the list.` });
  }
}
