// "Show Details" on a number: the number as the service has it now (read fresh, with every field the tree leaves
// out), as read-only JSON in an editor.
import type * as vscode from 'vscode';
import { AcgError, isAcgError } from '../../azure/errors';
import type { EnterpriseCommandDeps } from '../enterprises/deps';
import { currentScopeOrThrow } from '../enterprises/targets';
import { numberTargets } from './targets';

export async function showNumberDetails(deps: EnterpriseCommandDeps, argument: unknown): Promise<vscode.TextEditor | undefined> {
  const [node] = numberTargets(deps, argument, undefined);
  const scope = currentScopeOrThrow(deps);
  const client = await scope.client();
  const { accountName, telephoneNumber } = node.number;
  try {
    const { resource, etag } = await client.getNumber(accountName, telephoneNumber);
    return await deps.documents.show(deps.documents.uriFor(scope.gateway.name, accountName, telephoneNumber), { ...resource, ...(etag ? { '@etag': etag } : {}) });
  } catch (error) {
    if (!isAcgError(error, 'notFound')) throw error;
    deps.numbers.forget(new Set([`${accountName}/${telephoneNumber}`]));
    throw new AcgError({ kind: 'notFound', message: `${telephoneNumber} is no longer in account ${accountName}; it was removed from the list.` });
  }
}
