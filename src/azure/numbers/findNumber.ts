// "Find Number…": one number looked for on every gateway of the chosen subscriptions. Gateways are listed through ARM
// (listGateways reads the subscriptions side by side), then each gateway's Provisioning API is asked once, a few
// gateways at a time: the rate limit is per gateway (API.md §2), so one filtered request per gateway costs each of
// them one request of its budget. A gateway that cannot be asked (no domain yet, its allowlist refuses this machine,
// unreachable, no role) is an outcome of its own and stops none of the others.
//
// No fallback when a gateway refuses the filter: the exact GET needs the account (GET /accounts/{a}/numbers/{n}),
// so it would cost one request per account of that gateway against its 100-a-minute budget, and the filter sent is
// the very clause the Numbers view's prefix filter depends on. A refusal is reported as "could not search", with the
// service's words, which is what needs fixing in the one place the filter is built (numberFilter.ts).
import type { CommunicationsGateway, NumberResource } from '../../core/models';
import { gatewayDomainOf, gatewayRefOf } from '../../core/ids';
import {
  exactMatches,
  numberSearchFilter,
  summarizeSearch,
  type GatewaySearchOutcome,
  type NumberSearchSummary,
  type SearchedGateway,
  type SubscriptionFailure,
} from '../../core/numbers/numberSearch';
import type { ArmClient } from '../clients/arm';
import { mapBounded } from '../clients/concurrency';
import type { ListPages } from '../clients/paging';
import type { ProvisioningListOptions } from '../clients/provisioningTypes';
import { isAcgError } from '../errors';

// The wording the faces show with the answer.
export { numberState, searchProgress } from '../../core/numbers/numberSearch';

/** What the search asks of a gateway's Provisioning API client. */
export interface NumberSearcher {
  listAllNumbers(options?: ProvisioningListOptions): ListPages<NumberResource>;
}

export interface SearchTarget {
  readonly gateway: SearchedGateway;
  /** `<label>.commsgw.azure.com`; undefined while ARM has not assigned one. */
  readonly domain?: string;
  /** The ARM resource, for the faces (selecting the gateway that holds the number). */
  readonly resource: CommunicationsGateway;
}

export interface SearchTargets {
  readonly targets: readonly SearchTarget[];
  /** Subscriptions the search covers (including those whose gateways could not be listed). */
  readonly subscriptions: number;
  readonly subscriptionFailures: readonly SubscriptionFailure[];
}

export interface SearchOptions {
  /** Gateways asked at the same time. Default 8. */
  readonly concurrency?: number;
  readonly abortSignal?: AbortSignal;
  /** Called as each gateway's outcome is known, with how many are known so far. */
  readonly onSettled?: (outcome: GatewaySearchOutcome, done: number, total: number) => void;
  /** Numbers per page of the filtered list. Default 100. */
  readonly pageSize?: number;
  /** Pages read per gateway before giving up on a prefix that matches too many longer numbers. Default 5. */
  readonly maxPages?: number;
}

export const DEFAULT_SEARCH_CONCURRENCY = 8;
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 5;

/** Every gateway in `subscriptionFilter` (undefined: every subscription the caller sees). */
export async function listSearchTargets(
  arm: Pick<ArmClient, 'listSubscriptions' | 'listGateways'>,
  subscriptionFilter: readonly string[] | undefined,
  abortSignal?: AbortSignal,
): Promise<SearchTargets> {
  const options = abortSignal ? { abortSignal } : {};
  const subscriptions = (await arm.listSubscriptions(options)).filter((s) => !subscriptionFilter || subscriptionFilter.includes(s.subscriptionId));
  const names = new Map(subscriptions.map((s) => [s.subscriptionId, s.displayName]));
  const listed = await arm.listGateways([...names.keys()], options);
  const targets: SearchTarget[] = [];
  const subscriptionFailures: SubscriptionFailure[] = [];
  for (const entry of listed) {
    const subscriptionName = names.get(entry.subscriptionId);
    const named = subscriptionName ? { subscriptionName } : {};
    if (entry.error) {
      subscriptionFailures.push({ subscriptionId: entry.subscriptionId, ...named, reason: entry.error.message });
      continue;
    }
    for (const resource of entry.gateways) {
      const ref = gatewayRefOf(resource);
      if (!ref || !resource.id) continue;
      const domain = gatewayDomainOf(resource);
      targets.push({ gateway: { id: resource.id, name: ref.name, subscriptionId: ref.subscriptionId, ...named }, ...(domain ? { domain } : {}), resource });
    }
  }
  return { targets, subscriptions: subscriptions.length, subscriptionFailures };
}

/** Why a gateway could not be searched, in a few words (the full error goes to the log). */
export function searchFailureReason(error: unknown): string {
  if (isAcgError(error, 'ipNotAllowed')) return "this machine's IP address is not in its Provisioning API allowlist (apiBridge.allowedAddressPrefixes)";
  if (isAcgError(error, 'forbidden')) return `no permission to read its numbers (${error.message})`;
  if (isAcgError(error, 'network') || isAcgError(error, 'timeout') || isAcgError(error, 'unavailable')) return `unreachable (${error.message})`;
  if (isAcgError(error, 'badRequest')) return `it refused the number filter (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}

function aborted(signal: AbortSignal | undefined, error?: unknown): boolean {
  return signal?.aborted === true || isAcgError(error, 'cancelled');
}

/** Asks one gateway; never rejects. */
export async function searchGateway(e164: string, target: SearchTarget, open: (domain: string) => NumberSearcher, options: SearchOptions = {}): Promise<GatewaySearchOutcome> {
  const { gateway, domain } = target;
  const signal = options.abortSignal;
  if (aborted(signal)) return { kind: 'cancelled', gateway };
  if (!domain) return { kind: 'failed', gateway, reason: 'it has no domain yet, so its Provisioning API cannot be reached (deployment may still be running)' };
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let pages: ListPages<NumberResource> | undefined;
  try {
    pages = open(domain).listAllNumbers({ filter: numberSearchFilter(e164), maxpagesize: options.pageSize ?? DEFAULT_PAGE_SIZE, ...(signal ? { abortSignal: signal } : {}) });
    let read = 0;
    for (;;) {
      const page = await pages.next();
      if (page.done) return { kind: 'absent', gateway };
      const found = exactMatches(e164, page.value.items);
      if (found.length > 0) return { kind: 'found', gateway, numbers: found };
      read += 1;
      if (page.value.nextLink === undefined) return { kind: 'absent', gateway };
      if (read >= maxPages) {
        return { kind: 'failed', gateway, reason: `more than ${read * (options.pageSize ?? DEFAULT_PAGE_SIZE)} longer numbers start with ${e164}, and it was not among them` };
      }
    }
  } catch (error) {
    if (aborted(signal, error)) return { kind: 'cancelled', gateway };
    return { kind: 'failed', gateway, reason: searchFailureReason(error) };
  } finally {
    await pages?.return?.(undefined);
  }
}

/** Asks every gateway, `concurrency` at a time; outcomes keep the order of `targets`. Never rejects: a cancel turns
 * the gateways not yet answered into `cancelled` outcomes, so what was found before it is kept. */
export async function searchGateways(e164: string, targets: readonly SearchTarget[], open: (domain: string) => NumberSearcher, options: SearchOptions = {}): Promise<GatewaySearchOutcome[]> {
  let done = 0;
  return mapBounded(targets, options.concurrency ?? DEFAULT_SEARCH_CONCURRENCY, async (target) => {
    const outcome = await searchGateway(e164, target, open, options);
    done += 1;
    options.onSettled?.(outcome, done, targets.length);
    return outcome;
  });
}

export interface FoundNumber {
  readonly summary: NumberSearchSummary;
  readonly outcomes: readonly GatewaySearchOutcome[];
  readonly targets: readonly SearchTarget[];
}

export interface FindNumberClients {
  readonly arm: Pick<ArmClient, 'listSubscriptions' | 'listGateways'>;
  provisioning(domain: string): NumberSearcher;
}

/** Lists the gateways, asks each, and merges the answers. `onListed` says how many gateways will be asked. */
export async function findNumber(
  e164: string,
  clients: FindNumberClients,
  subscriptionFilter: readonly string[] | undefined,
  options: SearchOptions & { readonly onListed?: (targets: readonly SearchTarget[]) => void } = {},
): Promise<FoundNumber> {
  const listed = await listSearchTargets(clients.arm, subscriptionFilter, options.abortSignal);
  options.onListed?.(listed.targets);
  const outcomes = await searchGateways(e164, listed.targets, (domain) => clients.provisioning(domain), options);
  const summary = summarizeSearch(e164, outcomes, { subscriptions: listed.subscriptions, subscriptionFailures: listed.subscriptionFailures });
  return { summary, outcomes, targets: listed.targets };
}
