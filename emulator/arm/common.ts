// Pieces every ARM handler shares: api-version checks, ARM's not-found messages, ids, and nextLink paging.
import { parseGatewayId } from '../../src/core/ids';
import type { Subscription } from '../../src/core/models';
import type { RuleViolation } from '../../src/core/rules';
import type { ServiceContext } from '../context';
import { armError } from '../errors';
import { json, type EmulatorResponse, type Handler, type RequestContext } from '../http';
import type { EmulatorState, GatewayRecord } from '../state';
import { DEMO_GATEWAYS } from '../seed/ids';

export const PROVIDER = 'Microsoft.VoiceServices';
export const VOICE_SERVICES_API_VERSIONS: readonly string[] = ['2023-09-01'];
/** Microsoft.Resources versions that clients in use send for the subscriptions list (az, SDKs, older tools). */
export const SUBSCRIPTIONS_API_VERSIONS: readonly string[] = ['2022-12-01', '2021-01-01', '2020-01-01', '2016-06-01'];
/**
 * Microsoft.Resources versions for resource groups, generic resources and providers: @azure/arm-resources 8 sends
 * 2025-04-01; az and older SDKs send the others.
 */
export const RESOURCES_API_VERSIONS: readonly string[] = ['2025-04-01', '2024-11-01', '2024-07-01', '2024-03-01', '2023-07-01', '2022-09-01', '2021-04-01', '2021-01-01', '2020-06-01', '2019-10-01'];
export const DEFAULT_PAGE_SIZE = 50;
const NOT_FOUND_HINT = 'For more details please go to https://aka.ms/ARMResourceNotFoundFix';

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** ARM checks the api-version before the resource provider sees the request, with these exact codes. */
export function withApiVersion(supported: readonly string[], handler: Handler): Handler {
  return (req) => {
    const version = req.query.get('api-version');
    if (!version) {
      return armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!supported.includes(version)) {
      return armError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`);
    }
    return handler(req);
  };
}

/** ARM's error body with `details`, used for validation failures so that every broken rule is reported at once. */
export function armValidationError(code: string, violations: readonly RuleViolation[], pathPrefix = ''): EmulatorResponse {
  const target = (v: RuleViolation) => [pathPrefix, ...v.path.map(String)].filter(Boolean).join('.');
  const message = violations.map((v) => v.message).join(' ');
  const first = violations.length > 0 ? target(violations[0]) : '';
  const details = violations.map((v) => ({ code: v.ruleId, message: v.message, target: target(v) }));
  // armError gives the status and headers; the body is rebuilt to add `details`, which armError does not take.
  return { ...armError(400, code, message), body: { error: { code, message, ...(first ? { target: first } : {}), details } } };
}

/** ARM deserialises request bodies strictly; this is its wording for a member the type does not have. */
export function unknownMember(member: string, typeName: string): EmulatorResponse {
  return armError(
    400,
    'InvalidRequestContent',
    `The request content was invalid and could not be deserialized: 'Could not find member '${member}' on object of type '${typeName}'. Path '${member}'.'`,
  );
}

export function findSubscription(state: EmulatorState, subscriptionId: string): Subscription | undefined {
  return state.subscriptions.find((s) => sameId(s.subscriptionId, subscriptionId));
}

export function subscriptionNotFound(subscriptionId: string): EmulatorResponse {
  return armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

/**
 * The state keeps no list of resource groups, so a group exists when a gateway lives in it or it is one of the demo
 * tenant's groups; this is why a PUT into a made-up group fails as it would in Azure. Returns the group's stored
 * spelling (ARM keeps the casing a group was created with) or `undefined`.
 */
export function findResourceGroup(state: EmulatorState, subscriptionId: string, resourceGroup: string): string | undefined {
  for (const g of state.gateways) {
    const parts = parseGatewayId(g.resource.id ?? '');
    if (parts && sameId(parts.subscriptionId, subscriptionId) && sameId(parts.resourceGroupName, resourceGroup)) return parts.resourceGroupName;
  }
  return DEMO_GATEWAYS.find((g) => sameId(g.subscriptionId, subscriptionId) && sameId(g.resourceGroup, resourceGroup))?.resourceGroup;
}

export function resourceGroupNotFound(resourceGroup: string): EmulatorResponse {
  return armError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
}

export function resourceNotFound(resourceType: string, resourceName: string, resourceGroup: string): EmulatorResponse {
  return armError(404, 'ResourceNotFound', `The Resource '${resourceType}/${resourceName}' under resource group '${resourceGroup}' was not found. ${NOT_FOUND_HINT}`);
}

export function gatewayNotFound(req: RequestContext): EmulatorResponse {
  return resourceNotFound(`${PROVIDER}/communicationsGateways`, req.params.communicationsGatewayName, req.params.resourceGroupName);
}

export function findGateway(state: EmulatorState, subscriptionId: string, resourceGroup: string, name: string): GatewayRecord | undefined {
  return state.gateways.find((g) => {
    const parts = parseGatewayId(g.resource.id ?? '');
    return parts !== undefined && sameId(parts.subscriptionId, subscriptionId) && sameId(parts.resourceGroupName, resourceGroup) && sameId(parts.name, name);
  });
}

export function gatewaysInSubscription(state: EmulatorState, subscriptionId: string): GatewayRecord[] {
  return state.gateways.filter((g) => sameId(parseGatewayId(g.resource.id ?? '')?.subscriptionId, subscriptionId));
}

/** ARM location names are lower case without spaces ("East US" → "eastus"), which is how operation URLs spell them. */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** The name of the caller as ARM writes it in messages and systemData: the UPN for people, the client id for apps. */
export function callerName(req: RequestContext): { name: string; type: 'User' | 'Application' } {
  const claims = req.claims;
  if (claims?.idtyp === 'user') return { name: claims.preferred_username ?? claims.oid, type: 'User' };
  return { name: claims?.appid ?? 'unknown', type: 'Application' };
}

function configuredPageSize(ctx: ServiceContext): number {
  // `armPageSize` is optional runtime config: small pages make nextLink paging visible with the few demo gateways.
  const config = ctx.config;
  if ('armPageSize' in config && typeof config.armPageSize === 'number' && config.armPageSize > 0) return Math.floor(config.armPageSize);
  return DEFAULT_PAGE_SIZE;
}

export interface ListPage<T> {
  value: T[];
  nextLink?: string;
}

/**
 * One page of a list, with a `nextLink` that carries an opaque `$skiptoken` (and the caller's `$top`, so that every
 * page has the size the caller asked for).
 */
export function paginate<T>(ctx: ServiceContext, req: RequestContext, items: readonly T[], carry: readonly string[] = []): { page: ListPage<T> } | { error: EmulatorResponse } {
  const topRaw = req.query.get('$top');
  let size = configuredPageSize(ctx);
  if (topRaw !== null) {
    if (!/^\d+$/.test(topRaw) || Number(topRaw) < 1) {
      return { error: armError(400, 'InvalidQueryParameterValue', `The value '${topRaw}' of query parameter '$top' is invalid: use a positive whole number.`) };
    }
    size = Number(topRaw);
  }
  let offset = 0;
  const token = req.query.get('$skiptoken');
  if (token !== null) {
    const decoded = decodeSkipToken(token);
    if (decoded === undefined) return { error: armError(400, 'InvalidSkipToken', `The skip token '${token}' is invalid or has expired.`) };
    offset = decoded;
  }
  const page: ListPage<T> = { value: items.slice(offset, offset + size) };
  if (offset + size < items.length) {
    const next = new URL(req.url.pathname, req.origin);
    next.searchParams.set('api-version', req.query.get('api-version') ?? '');
    if (topRaw !== null) next.searchParams.set('$top', topRaw);
    // Query options that shape the list (a $filter, an $expand) hold on every page, so the next page repeats them.
    for (const name of carry) {
      const value = req.query.get(name);
      if (value !== null) next.searchParams.set(name, value);
    }
    next.searchParams.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset + size })).toString('base64url'));
    page.nextLink = next.toString();
  }
  return { page };
}

/** A 200 with one page of `items` (ARM's `{value, nextLink}`). */
export function pageOf<T>(ctx: ServiceContext, req: RequestContext, items: readonly T[], carry: readonly string[] = []): EmulatorResponse {
  const result = paginate(ctx, req, items, carry);
  return 'error' in result ? result.error : json(200, result.page);
}

function decodeSkipToken(token: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'o' in parsed && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o;
    }
  } catch {
    // Falls through: a token that is not ours is reported like an expired one.
  }
  return undefined;
}
