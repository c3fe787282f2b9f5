// ARM's front door: the bearer token (audience, expiry, tenant of the subscription) and role-based access from
// `armRoleAssignments`, with ARM's own error codes, messages and WWW-Authenticate challenge.
import { isGuid } from '../../src/core/ids';
import type { ServiceContext } from '../context';
import { armError } from '../errors';
import { header, type EmulatorResponse, type RequestContext, type Router } from '../http';
import type { ArmRoleName } from '../state';
import type { TokenClaims } from '../tokens';
import { PROVIDER, findSubscription, sameId, subscriptionNotFound } from './common';

/** Both spellings of the ARM audience are accepted by Azure (trailing slash handled by the token service). */
export const ARM_AUDIENCES: readonly string[] = ['https://management.azure.com', 'https://management.core.windows.net'];

/**
 * What a route needs: `tenant` routes need only a valid token; `member` routes need any role anywhere in the
 * subscription (ARM shows a subscription to anyone with access inside it); `read` any role and `write` Owner or
 * Contributor, at or above the request's scope.
 */
type Access = 'tenant' | 'member' | 'read' | 'write';

interface ArmAction {
  readonly action: string;
  readonly access: Access;
}

const GW = `${PROVIDER}/communicationsGateways`;
const TL = `${GW}/testLines`;

export const ARM_ACTIONS: Readonly<Record<string, ArmAction>> = {
  Tenants_List: { action: 'Microsoft.Resources/tenants/read', access: 'tenant' },
  Subscriptions_List: { action: 'Microsoft.Resources/subscriptions/read', access: 'tenant' },
  Subscriptions_Get: { action: 'Microsoft.Resources/subscriptions/read', access: 'member' },
  Operations_List: { action: `${PROVIDER}/operations/read`, access: 'tenant' },
  // Lists show what the caller may read inside the subscription, so any role there lets the call through.
  ResourceGroups_List: { action: 'Microsoft.Resources/subscriptions/resourceGroups/read', access: 'member' },
  ResourceGroups_Get: { action: 'Microsoft.Resources/subscriptions/resourceGroups/read', access: 'read' },
  Resources_List: { action: 'Microsoft.Resources/subscriptions/resources/read', access: 'member' },
  Resources_ListByResourceGroup: { action: 'Microsoft.Resources/subscriptions/resourceGroups/resources/read', access: 'member' },
  Providers_Get: { action: 'Microsoft.Resources/subscriptions/providers/read', access: 'member' },
  Subscriptions_ListLocations: { action: 'Microsoft.Resources/subscriptions/locations/read', access: 'member' },
  CommunicationsGateways_ListBySubscription: { action: `${GW}/read`, access: 'read' },
  CommunicationsGateways_ListByResourceGroup: { action: `${GW}/read`, access: 'read' },
  CommunicationsGateways_Get: { action: `${GW}/read`, access: 'read' },
  CommunicationsGateways_CreateOrUpdate: { action: `${GW}/write`, access: 'write' },
  CommunicationsGateways_Update: { action: `${GW}/write`, access: 'write' },
  CommunicationsGateways_Delete: { action: `${GW}/delete`, access: 'write' },
  TestLines_ListByCommunicationsGateway: { action: `${TL}/read`, access: 'read' },
  TestLines_Get: { action: `${TL}/read`, access: 'read' },
  TestLines_CreateOrUpdate: { action: `${TL}/write`, access: 'write' },
  TestLines_Update: { action: `${TL}/write`, access: 'write' },
  TestLines_Delete: { action: `${TL}/delete`, access: 'write' },
  // A POST, but a read action: Reader may check names.
  NameAvailability_CheckLocal: { action: `${PROVIDER}/locations/checkNameAvailability/action`, access: 'read' },
  OperationStatuses_Get: { action: `${PROVIDER}/locations/operationStatuses/read`, access: 'read' },
  OperationResults_Get: { action: `${PROVIDER}/locations/operationResults/read`, access: 'read' },
};

const WRITE_ROLES: readonly ArmRoleName[] = ['Owner', 'Contributor'];

const routers = new WeakMap<ServiceContext, Router>();

/** registerArm records its router so that authentication can tell which operation (and so which action) a path is. */
export function rememberArmRouter(ctx: ServiceContext, router: Router): void {
  routers.set(ctx, router);
}

function actionFor(ctx: ServiceContext, req: RequestContext): ArmAction {
  // HEAD asks whether a GET would find the resource, so it needs exactly what that GET needs.
  const match = routers.get(ctx)?.match(req.method === 'HEAD' ? 'GET' : req.method, req.path);
  const operationId = match && 'route' in match ? match.route.operationId : undefined;
  // Unknown routes default to the strictest reading of the method, so that nothing is left open by accident.
  return (operationId && ARM_ACTIONS[operationId]) || { action: `${PROVIDER}/${req.method === 'GET' ? 'read' : 'write'}`, access: req.method === 'GET' ? 'read' : 'write' };
}

export async function authenticateArm(ctx: ServiceContext, req: RequestContext): Promise<EmulatorResponse | undefined> {
  const subscriptionId: string | undefined = req.params.subscriptionId;
  const subscription = subscriptionId ? findSubscription(ctx.state, subscriptionId) : undefined;
  const challengeTenant = subscription?.tenantId ?? ctx.state.tenant.id;

  const verified = await ctx.tokens.verify(header(req, 'authorization'), ARM_AUDIENCES);
  if (!verified.ok) {
    const [code, message] = tokenFailure(verified.reason, verified.message);
    return challenge(armError(401, code, message), req.origin, challengeTenant, message);
  }
  const claims = verified.claims;
  req.claims = claims;

  const { action, access } = actionFor(ctx, req);
  if (access === 'tenant') return undefined;
  if (!subscriptionId || !isGuid(subscriptionId)) {
    return armError(400, 'InvalidSubscriptionId', `The provided subscription identifier '${subscriptionId ?? ''}' is malformed or invalid.`);
  }
  if (!subscription) return subscriptionNotFound(subscriptionId);
  if (!sameId(claims.tid, subscription.tenantId)) {
    const message =
      `The access token is from the wrong issuer '${req.origin}/${claims.tid}/'. It must match the tenant '${req.origin}/${subscription.tenantId}/' ` +
      `associated with this subscription. Please use the authority (URL) '${req.origin}/${subscription.tenantId}' to get the token. Note, if the ` +
      'subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to ' +
      'propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.';
    return challenge(armError(401, 'InvalidAuthenticationTokenTenant', message), req.origin, subscription.tenantId, message);
  }

  const scope = req.path.replace(/\/+$/, '');
  if (isAllowed(ctx, claims, access, scope, subscription.subscriptionId)) return undefined;
  return authorizationFailed(claims, action, scope);
}

function isAllowed(ctx: ServiceContext, claims: TokenClaims, access: Access, scope: string, subscriptionId: string): boolean {
  const mine = ctx.state.armRoleAssignments.filter((a) => sameId(a.principalId, claims.oid));
  if (access === 'member') {
    const subscriptionScope = `/subscriptions/${subscriptionId}`;
    return mine.some((a) => covers(a.scope, subscriptionScope) || covers(subscriptionScope, a.scope));
  }
  return mine.some((a) => covers(a.scope, scope) && (access === 'read' || WRITE_ROLES.includes(a.role)));
}

/** Whether an assignment at `scope` applies to `target`: the same scope or one below it, compared case-insensitively. */
export function covers(scope: string, target: string): boolean {
  const s = scope.replace(/\/+$/, '').toLowerCase();
  const t = target.replace(/\/+$/, '').toLowerCase();
  return s === '' || s === t || t.startsWith(`${s}/`);
}

export function authorizationFailed(claims: TokenClaims, action: string, scope: string): EmulatorResponse {
  const who = claims.idtyp === 'user' ? (claims.preferred_username ?? claims.oid) : claims.appid;
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${who}' with object id '${claims.oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

function tokenFailure(reason: string, detail: string): [code: string, message: string] {
  switch (reason) {
    case 'missing':
      return ['AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."];
    case 'expired':
      return ['ExpiredAuthenticationToken', `The access token has expired. ${detail}`];
    case 'audience':
      return [
        'InvalidAuthenticationToken',
        `${detail} It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.`,
      ];
    default:
      return ['InvalidAuthenticationToken', `The access token is invalid. ${detail}`];
  }
}

function challenge(response: EmulatorResponse, origin: string, tenantId: string, description: string): EmulatorResponse {
  const escaped = description.replace(/"/g, "'");
  return {
    ...response,
    headers: {
      ...response.headers,
      'WWW-Authenticate': `Bearer authorization_uri="${origin}/${tenantId}", error="invalid_token", error_description="${escaped}"`,
    },
  };
}
