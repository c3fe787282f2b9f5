// The gateway's Provisioning API as the onboarding checks see it: one probe (is it reachable from here, and when it
// refuses, which address did it refuse) and the accounts with their number counts, for go-live readiness.
import type { AccountResource } from '../../core/models';
import type { AccountStateInfo, ProvisioningApiProbe } from '../../core/onboarding/types';
import { collectPages, type ProvisioningClient } from '../clients';
import { isAcgError } from '../errors';

const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b(?!\/)/;

/** The caller's address, when a refusal names it (real ACG does not promise to; the emulator does). */
export function refusedAddress(text: string): string | undefined {
  return IPV4.exec(text)?.[0];
}

/** One `GET /accounts?top=1`: reachable when the API answered at all, whatever the status. */
export async function probeProvisioningApi(client: ProvisioningClient, signal?: AbortSignal, clock: () => number = () => performance.now()): Promise<ProvisioningApiProbe> {
  const url = `${client.baseUrl}/accounts`;
  const started = clock();
  const pages = client.listAccounts({ top: 1, maxpagesize: 1, ...(signal ? { abortSignal: signal } : {}) });
  try {
    await pages.next();
    return { url, reachable: true, status: 200, elapsedMs: Math.round(clock() - started) };
  } catch (error) {
    if (!isAcgError(error) || error.kind === 'cancelled') throw error;
    const elapsedMs = Math.round(clock() - started);
    const address = error.kind === 'ipNotAllowed' || error.status === 403 ? refusedAddress([error.message, ...error.details.map((d) => d.message)].join(' ')) : undefined;
    return {
      url,
      reachable: error.status !== undefined,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(address !== undefined ? { callerAddress: address } : {}),
      problem: error.message,
      elapsedMs,
    };
  } finally {
    await pages.return?.();
  }
}

/** Every account, each with its numbers summed over the services it is enabled for. */
export async function readAccounts(client: ProvisioningClient, signal?: AbortSignal): Promise<AccountStateInfo[]> {
  const accounts = await collectPages(client.listAccounts(signal ? { abortSignal: signal } : {}));
  return accounts.map(accountState);
}

export function accountState(account: AccountResource): AccountStateInfo {
  const details: Record<string, unknown> = { ...account.serviceDetails };
  let numberCount = 0;
  for (const service of Object.values(details)) {
    const count = typeof service === 'object' && service !== null ? (service as { numberCount?: unknown }).numberCount : undefined;
    if (typeof count === 'number' && Number.isFinite(count)) numberCount += count;
  }
  return { name: account.name, ...(account.serviceProvisioningStatus ? { serviceProvisioningStatus: account.serviceProvisioningStatus } : {}), numberCount };
}
