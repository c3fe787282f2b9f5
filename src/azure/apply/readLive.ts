// The live side of a provisioning plan: only what the desired file names. Accounts one GET each (with their ETags),
// the numbers of each named account as cheaply as liveNumbers.ts can (every number of the account when the plan
// prunes, since a delete is only planned within an account read in full), and the requests for information of the
// relationships by tenant id. Reads only: safe to cancel at any point.
import type { LiveProvisioningState, Versioned } from '../../core/apply/types';
import type { PlanDocument } from '../../core/config/model';
import type { AccountResource, NumberResource, RequestForInformationResource } from '../../core/models';
import { canonicalNumber } from '../../core/rules';
import type { ProvisioningClient } from '../clients/provisioning';
import { isAcgError } from '../errors';
import { readLiveNumbers } from './liveNumbers';

export type LiveStateReader = Pick<ProvisioningClient, 'gatewayDomain' | 'getAccount' | 'getNumber' | 'listNumbers' | 'getRequestForInformation'>;

export async function readLiveProvisioningState(
  client: LiveStateReader,
  desired: PlanDocument,
  options: { prune: boolean; signal?: AbortSignal; onProgress?: (message: string) => void },
): Promise<LiveProvisioningState> {
  const readAt = new Date().toISOString();
  const call = options.signal ? { abortSignal: options.signal } : {};
  const accounts = new Map<string, Versioned<AccountResource>>();
  const numbers = new Map<string, Versioned<NumberResource>>();
  const completeAccounts = new Set<string>();
  const requests = new Map<string, Versioned<RequestForInformationResource>>();
  const planned = desired.accounts ?? [];

  options.onProgress?.(`Reading ${planned.length} account${planned.length === 1 ? '' : 's'}…`);
  const read = await Promise.all(planned.map((account) => absentIfNotFound(() => client.getAccount(account.name, call))));
  planned.forEach((account, i) => {
    const found = read[i];
    if (found) accounts.set(account.name.toLowerCase(), found);
  });

  for (const account of planned) {
    const key = account.name.toLowerCase();
    if (!accounts.has(key)) {
      // An account that does not exist has no numbers: nothing to compare, nothing to prune.
      completeAccounts.add(key);
      continue;
    }
    const wanted = (account.numbers ?? []).map((n) => canonicalNumber(n.telephoneNumber));
    options.onProgress?.(options.prune ? `Reading every number of ${account.name}…` : `Reading ${wanted.length} numbers of ${account.name}…`);
    const live = await readLiveNumbers(client, account.name, wanted, { all: options.prune, ...(options.signal ? { signal: options.signal } : {}) });
    for (const [telephoneNumber, number] of live.numbers) numbers.set(telephoneNumber, number);
    if (live.complete) completeAccounts.add(key);
  }

  const tenants = (desired.relationships ?? []).map((r) => r.tenantId);
  if (tenants.length > 0) options.onProgress?.(`Reading ${tenants.length} request${tenants.length === 1 ? '' : 's'} for information…`);
  const consents = await Promise.all(tenants.map((tenantId) => absentIfNotFound(() => client.getRequestForInformation(tenantId, call))));
  tenants.forEach((tenantId, i) => {
    const found = consents[i];
    if (found) requests.set(tenantId.toLowerCase(), found);
  });

  return { gateway: client.gatewayDomain, readAt, accounts, numbers, completeAccounts, requests };
}

async function absentIfNotFound<T>(read: () => Promise<{ resource: T; etag?: string }>): Promise<Versioned<T> | undefined> {
  try {
    const found = await read();
    return found.etag === undefined ? { resource: found.resource } : { resource: found.resource, etag: found.etag };
  } catch (error) {
    if (isAcgError(error, 'notFound')) return undefined;
    throw error;
  }
}
