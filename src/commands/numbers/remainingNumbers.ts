// After a delete, which numbers does the service still have? Asked with as few requests as possible, because the
// Provisioning API allows 100 requests a minute: a few numbers are read one by one (404 = gone); many numbers of one
// account are found with one filtered list of their common prefix (up to a few pages), and only when that range is
// too large does it fall back to one read each.
import type { ProvisioningClient } from '../../azure/clients';
import { isAcgError } from '../../azure/errors';
import { commonPrefix, type NumberRef } from '../../core/numbers';

const SINGLE_READS_UP_TO = 3;
const LIST_PAGE_SIZE = 1000;
const LIST_PAGES_AT_MOST = 3;

export async function remainingNumbers(client: ProvisioningClient, pending: readonly NumberRef[], signal?: AbortSignal): Promise<NumberRef[]> {
  const byAccount = new Map<string, NumberRef[]>();
  for (const ref of pending) byAccount.set(ref.accountName, [...(byAccount.get(ref.accountName) ?? []), ref]);
  const still: NumberRef[] = [];
  for (const [account, refs] of byAccount) still.push(...(await remainingInAccount(client, account, refs, signal)));
  return still;
}

async function remainingInAccount(client: ProvisioningClient, account: string, refs: readonly NumberRef[], signal?: AbortSignal): Promise<NumberRef[]> {
  if (refs.length > SINGLE_READS_UP_TO) {
    const listed = await listedWithin(client, account, refs, signal);
    if (listed) return refs.filter((r) => listed.has(r.telephoneNumber));
  }
  const still: NumberRef[] = [];
  for (const ref of refs) if (await exists(client, ref, signal)) still.push(ref);
  return still;
}

/** The numbers of the account under the refs' common prefix, or undefined when that range is more than a few pages. */
async function listedWithin(client: ProvisioningClient, account: string, refs: readonly NumberRef[], signal?: AbortSignal): Promise<Set<string> | undefined> {
  const prefix = commonPrefix(refs.map((r) => r.telephoneNumber));
  if (prefix.length < 2) return undefined;
  const found = new Set<string>();
  let pages = 0;
  for await (const page of client.listNumbers(account, { filter: `startswith(telephoneNumber,'${prefix}')`, maxpagesize: LIST_PAGE_SIZE, ...(signal ? { abortSignal: signal } : {}) })) {
    for (const n of page.items) found.add(n.telephoneNumber);
    pages += 1;
    if (page.nextLink !== undefined && pages >= LIST_PAGES_AT_MOST) return undefined;
  }
  return found;
}

async function exists(client: ProvisioningClient, ref: NumberRef, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.getNumber(ref.accountName, ref.telephoneNumber, signal ? { abortSignal: signal } : {});
    return true;
  } catch (error) {
    if (isAcgError(error, 'notFound')) return false;
    throw error;
  }
}
