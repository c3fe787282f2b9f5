// "Find Number…" across gateways, the pure part: the filter each gateway is asked with, which of its answers is the
// number, and how the per-gateway outcomes (found, absent, could not search, cancelled) become one answer to "where
// is this number, and what state is it in?".
import type { CoreError, NumberResource } from '../models';
import { NUMBER_SERVICES, numberServiceKeys, teamsDetailsOf } from './numberDisplay';
import { serverFilter } from './numberFilter';

/** A gateway as the search names it. */
export interface SearchedGateway {
  /** ARM resource id. */
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly subscriptionName?: string;
}

export type GatewaySearchOutcome =
  | { readonly kind: 'found'; readonly gateway: SearchedGateway; readonly numbers: readonly NumberResource[] }
  | { readonly kind: 'absent'; readonly gateway: SearchedGateway }
  | { readonly kind: 'failed'; readonly gateway: SearchedGateway; readonly reason: string }
  | { readonly kind: 'cancelled'; readonly gateway: SearchedGateway };

/** A subscription whose gateways could not be listed, so none of them was searched. */
export interface SubscriptionFailure {
  readonly subscriptionId: string;
  readonly subscriptionName?: string;
  readonly reason: string;
}

export interface NumberMatch {
  readonly gateway: SearchedGateway;
  readonly number: NumberResource;
}

export interface Unsearched {
  /** A gateway name, or "subscription <name>" when its gateways could not even be listed. */
  readonly where: string;
  readonly reason: string;
}

export interface NumberSearchSummary {
  readonly telephoneNumber: string;
  readonly matches: readonly NumberMatch[];
  /** Gateways that answered (found or not). */
  readonly searched: number;
  /** Every gateway the search set out to ask. */
  readonly gateways: number;
  readonly subscriptions: number;
  readonly unsearched: readonly Unsearched[];
  /** Gateways not asked because the person cancelled. */
  readonly cancelled: number;
  /** One sentence for a notification. */
  readonly headline: string;
}

/**
 * The filter each gateway's `GET /numbers` gets. It is the Numbers view's own prefix clause, with the whole number as
 * the prefix: the grammar of `filter` is not published (API.md §2), and this is the one clause the extension already
 * depends on, so Find works wherever the view's prefix filter works. A prefix also matches longer numbers, so the
 * answer is narrowed to the exact number with `exactMatches`.
 */
export function numberSearchFilter(e164: string): string {
  return serverFilter({ prefix: e164 }) ?? '';
}

export function exactMatches(e164: string, numbers: readonly NumberResource[]): NumberResource[] {
  return numbers.filter((n) => n.telephoneNumber === e164);
}

/** The service's errors in one line: "Code: message; Code: message" (nested details after the first). */
function errorText(errors: readonly CoreError[] | undefined): string | undefined {
  const flat: string[] = [];
  const walk = (list: readonly CoreError[]): void => {
    for (const e of list) {
      flat.push(`${e.code}: ${e.message}`);
      if (e.details?.length) walk(e.details);
    }
  };
  walk(errors ?? []);
  return flat.length ? flat.join('; ') : undefined;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** "account Northwind-Bulk · Operator Connect (assigned) · synced", or "… · failed: <the service's errors>". */
export function numberState(number: NumberResource): string {
  const services = numberServiceKeys(number).map((key) => NUMBER_SERVICES.find((s) => s.key === key)?.name ?? key);
  const assignment = teamsDetailsOf(number)?.assignmentStatus;
  const serviceText = services.length ? `${services.join(' + ')}${assignment ? ` (${assignment})` : ''}` : 'no services';
  const status = number.serviceProvisioningStatus;
  const errors = status === 'failed' ? errorText(number.serviceProvisioningErrors) : undefined;
  const statusText = status === undefined ? 'provisioning status unknown' : status === 'failed' ? `failed${errors ? `: ${errors}` : ' (no error details)'}` : status;
  return [`account ${number.accountName}`, serviceText, statusText].join(' · ');
}

/** For the progress notification. */
export function searchProgress(done: number, total: number): string {
  return `${done.toLocaleString('en-US')} of ${plural(total, 'gateway')} searched`;
}

function whereSearched(summary: Pick<NumberSearchSummary, 'searched' | 'subscriptions'>): string {
  return `${plural(summary.searched, 'gateway')} in ${plural(summary.subscriptions, 'subscription')}`;
}

function unsearchedText(unsearched: readonly Unsearched[]): string {
  return unsearched.map((u) => `${u.where}: ${u.reason}`).join('; ');
}

/** Merges the per-gateway outcomes (in the order the gateways were listed) into the answer. */
export function summarizeSearch(
  telephoneNumber: string,
  outcomes: readonly GatewaySearchOutcome[],
  context: { readonly subscriptions: number; readonly subscriptionFailures?: readonly SubscriptionFailure[] },
): NumberSearchSummary {
  const matches: NumberMatch[] = [];
  const unsearched: Unsearched[] = (context.subscriptionFailures ?? []).map((f) => ({ where: `subscription ${f.subscriptionName ?? f.subscriptionId}`, reason: f.reason }));
  let searched = 0;
  let cancelled = 0;
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'found':
        searched += 1;
        for (const number of exactMatches(telephoneNumber, outcome.numbers)) matches.push({ gateway: outcome.gateway, number });
        break;
      case 'absent':
        searched += 1;
        break;
      case 'failed':
        unsearched.push({ where: outcome.gateway.name, reason: outcome.reason });
        break;
      case 'cancelled':
        cancelled += 1;
        break;
    }
  }
  const base = { telephoneNumber, matches, searched, gateways: outcomes.length, subscriptions: context.subscriptions, unsearched, cancelled };
  return { ...base, headline: headline(base) };
}

function headline(s: Omit<NumberSearchSummary, 'headline'>): string {
  const caveats = [
    s.cancelled > 0 ? `${plural(s.cancelled, 'gateway was', 'gateways were')} not searched (cancelled)` : undefined,
    s.unsearched.length > 0 ? `could not search ${unsearchedText(s.unsearched)}` : undefined,
  ].filter((c): c is string => c !== undefined);
  const also = caveats.length ? ` Note: ${caveats.join('; ')}.` : '';
  if (s.matches.length === 1) {
    const [m] = s.matches;
    return `${s.telephoneNumber} is on ${m.gateway.name}, ${numberState(m.number)}.${also}`;
  }
  if (s.matches.length > 1) {
    const gateways = new Set(s.matches.map((m) => m.gateway.id.toLowerCase())).size;
    return `${s.telephoneNumber} is on ${plural(gateways, 'gateway')} (${plural(s.matches.length, 'match', 'matches')}).${also}`;
  }
  if (s.gateways === 0 && s.unsearched.length === 0) return `There are no communications gateways in the ${plural(s.subscriptions, 'selected subscription')}, so ${s.telephoneNumber} was not searched for.`;
  return `${s.telephoneNumber} was not found on ${whereSearched(s)}.${also}`;
}
