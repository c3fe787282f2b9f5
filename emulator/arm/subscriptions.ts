// Microsoft.Resources subscriptions (the two calls a client needs to find its gateways) and the provider's operations
// list. Subscriptions carry the fields `az account list` shows, with fixed policies.
import type { Subscription } from '../../src/core/models';
import type { ServiceContext } from '../context';
import { json, type EmulatorResponse, type RequestContext } from '../http';
import { covers } from './auth';
import { PROVIDER, findSubscription, pageOf, paginate, sameId, subscriptionNotFound } from './common';

function render(subscription: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: subscription.authorizationSource ?? 'RoleBased',
    managedByTenants: [],
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    displayName: subscription.displayName,
    state: subscription.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

/** ARM lists the subscriptions of the token's tenant in which the caller holds a role at any scope. */
function visibleTo(ctx: ServiceContext, req: RequestContext): Subscription[] {
  const claims = req.claims;
  if (!claims) return [];
  const mine = ctx.state.armRoleAssignments.filter((a) => sameId(a.principalId, claims.oid));
  return ctx.state.subscriptions.filter((s) => {
    if (!sameId(s.tenantId, claims.tid)) return false;
    const scope = `/subscriptions/${s.subscriptionId}`;
    return mine.some((a) => covers(a.scope, scope) || covers(scope, a.scope));
  });
}

export function listSubscriptions(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const subscriptions = visibleTo(ctx, req);
  const result = paginate(ctx, req, subscriptions.map(render));
  if ('error' in result) return result.error;
  return json(200, { ...result.page, count: { type: 'Total', value: subscriptions.length } });
}

export function getSubscription(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const subscription = findSubscription(ctx.state, req.params.subscriptionId);
  return subscription ? json(200, render(subscription)) : subscriptionNotFound(req.params.subscriptionId);
}

const OPERATIONS: readonly [resource: string, operation: string, verb: string][] = [
  ['Communications Gateways', 'read', 'Read communications gateways'],
  ['Communications Gateways', 'write', 'Create or update communications gateways'],
  ['Communications Gateways', 'delete', 'Delete communications gateways'],
  ['Test Lines', 'read', 'Read test lines'],
  ['Test Lines', 'write', 'Create or update test lines'],
  ['Test Lines', 'delete', 'Delete test lines'],
];

/** `GET /providers/Microsoft.VoiceServices/operations`: what the provider can do, for RBAC role authoring. */
export function listProviderOperations(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const items = [
    ...OPERATIONS.map(([resource, operation, description]) => ({
      name: `${PROVIDER}/${resource === 'Test Lines' ? 'communicationsGateways/testLines' : 'communicationsGateways'}/${operation}`,
      isDataAction: false,
      display: { provider: 'Microsoft Voice Services', resource, operation: description, description: `${description}.` },
      origin: 'user,system',
    })),
    {
      name: `${PROVIDER}/locations/checkNameAvailability/action`,
      isDataAction: false,
      display: { provider: 'Microsoft Voice Services', resource: 'Locations', operation: 'Check name availability', description: 'Checks whether a communications gateway name is available.' },
      origin: 'user,system',
    },
  ];
  return pageOf(ctx, req, items);
}

/** `GET /tenants`: the directories the caller's token can see (here, the demo tenant). */
export function listTenants(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const { tenant, directory } = ctx.state;
  if (!req.claims || !sameId(req.claims.tid, tenant.id)) return json(200, { value: [] });
  return json(200, {
    value: [
      {
        id: `/tenants/${tenant.id}`,
        tenantId: tenant.id,
        tenantCategory: 'Home',
        displayName: tenant.displayName,
        defaultDomain: tenant.defaultDomain,
        domains: directory.domains.filter((d) => d.isVerified).map((d) => d.id),
        tenantType: 'AAD',
      },
    ],
  });
}
