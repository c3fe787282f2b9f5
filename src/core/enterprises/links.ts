// The two-way link between a request for information and its account: the service fills in `accountName` on the
// request, and an account names its Teams tenant. Tenant ids are GUIDs, compared without case.
import type { AccountResource, RequestForInformationResource } from '../models';

export function tenantKey(tenantId: string): string {
  return tenantId.trim().toLowerCase();
}

/** The request whose tenant the account serves, if the gateway has one. */
export function requestForAccount(account: AccountResource, requests: readonly RequestForInformationResource[]): RequestForInformationResource | undefined {
  const tenant = account.serviceDetails?.teamsTenantId;
  if (!tenant) return undefined;
  const key = tenantKey(tenant);
  return requests.find((r) => tenantKey(r.tenantId) === key);
}

/** The account a request points at (`accountName`), if that account exists on the gateway. */
export function accountForRequest(request: RequestForInformationResource, accounts: readonly AccountResource[]): AccountResource | undefined {
  return request.accountName === undefined ? undefined : accounts.find((a) => a.name === request.accountName);
}
