// Which request or account a command works on: the tree node it was started from, or, from the command palette, one
// picked from the selected gateway's list (DESIGN.md: "a command started from the palette with no tree node asks for
// one with a quick pick").
import type * as vscode from 'vscode';
import { AcgError } from '../../azure/errors';
import { accountView, companyOf, groupLabel, relationshipGroupOf, sortRequests } from '../../core/enterprises';
import type { AccountResource, RequestForInformationResource } from '../../core/models';
import { AccountNode } from '../../views/enterprises/accountNodes';
import type { EnterpriseScope } from '../../host/enterpriseData';
import { RequestNode } from '../../views/enterprises/requestNodes';
import type { CommandContext } from '../context';

export interface RequestTarget {
  readonly scope: EnterpriseScope;
  readonly request: RequestForInformationResource;
}

export interface AccountTarget {
  readonly scope: EnterpriseScope;
  readonly account: AccountResource;
  readonly request?: RequestForInformationResource;
}

interface Picked<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** The request of a RequestNode, or one picked from the gateway's requests; undefined when the person cancels. */
export async function requestTarget(ctx: CommandContext, argument: unknown, placeHolder: string): Promise<RequestTarget | undefined> {
  if (argument instanceof RequestNode) return { scope: argument.scope, request: argument.request };
  const scope = ctx.host.enterprises.currentOrThrow();
  const requests = sortRequests(await scope.data.requests());
  if (requests.length === 0) throw new AcgError({ kind: 'notFound', message: `No enterprise has sent ${scope.gateway.name} a request for information yet.` });
  const items: Picked<RequestForInformationResource>[] = requests.map((request) => ({
    label: companyOf(request),
    description: `${groupLabel(relationshipGroupOf(request))} · ${request.status ?? 'unknown'}`,
    detail: request.tenantId,
    value: request,
  }));
  const picked = await ctx.host.ui.showQuickPick(items, { title: `Requests for information on ${scope.gateway.name}`, placeHolder, matchOnDetail: true, matchOnDescription: true });
  return picked && { scope, request: picked.value };
}

/** The account of an AccountNode, or one picked from the gateway's accounts. */
export async function accountTarget(ctx: CommandContext, argument: unknown, placeHolder: string): Promise<AccountTarget | undefined> {
  if (argument instanceof AccountNode) return { scope: argument.scope, account: argument.account, ...(argument.request ? { request: argument.request } : {}) };
  const scope = ctx.host.enterprises.currentOrThrow();
  const accounts = [...(await scope.data.accounts())].sort((a, b) => a.name.localeCompare(b.name));
  if (accounts.length === 0) throw new AcgError({ kind: 'notFound', message: `${scope.gateway.name} has no accounts yet.` });
  const items: Picked<AccountResource>[] = accounts.map((account) => ({ label: account.name, description: accountView(account).description, value: account }));
  const picked = await ctx.host.ui.showQuickPick(items, { title: `Accounts on ${scope.gateway.name}`, placeHolder, matchOnDescription: true });
  return picked && { scope, account: picked.value };
}
