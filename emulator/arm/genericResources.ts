// Microsoft.Resources around the emulator's gateways: resource groups (get, list, HEAD) and the generic resource lists
// (per subscription and per group, with $filter and $expand), in ARM's shapes (resources.json: ResourceGroup,
// GenericResourceExpanded). Nothing here is stored: groups and resources come from the gateways and test lines the
// state holds, including ones created at runtime.
import { parseGatewayId } from '../../src/core/ids';
import { GATEWAY_RESOURCE_TYPE, TEST_LINE_RESOURCE_TYPE, type CommunicationsGateway, type TestLine } from '../../src/core/models';
import type { ServiceContext } from '../context';
import { json, type EmulatorResponse, type RequestContext } from '../http';
import { DEMO_GATEWAYS } from '../seed/ids';
import { covers } from './auth';
import { findResourceGroup, gatewaysInSubscription, pageOf, resourceGroupNotFound, sameId } from './common';
import { parseResourceFilter, type FilterableResource } from './resourceFilter';

/** Where a group whose gateways are all gone says it lives: the demo tenant's groups were made in East US. */
const DEFAULT_GROUP_LOCATION = 'eastus';

interface GroupInfo {
  name: string;
  location: string;
}

/** The groups of a subscription: every group a gateway lives in, and the demo tenant's groups, in that order. */
function groupsIn(ctx: ServiceContext, subscriptionId: string): GroupInfo[] {
  const groups: GroupInfo[] = [];
  const add = (name: string, location: string | undefined) => {
    if (!groups.some((g) => sameId(g.name, name))) groups.push({ name, location: location ?? DEFAULT_GROUP_LOCATION });
  };
  for (const g of gatewaysInSubscription(ctx.state, subscriptionId)) {
    const parts = parseGatewayId(g.resource.id ?? '');
    if (parts) add(parts.resourceGroupName, g.resource.location);
  }
  for (const demo of DEMO_GATEWAYS) if (sameId(demo.subscriptionId, subscriptionId)) add(demo.resourceGroup, undefined);
  return groups;
}

function groupId(subscriptionId: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
}

function renderGroup(subscriptionId: string, group: GroupInfo): Record<string, unknown> {
  return {
    id: groupId(subscriptionId, group.name),
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
    properties: { provisioningState: 'Succeeded' },
  };
}

/** Whether one of the caller's ARM role assignments reaches `scope` (lists show only what the caller may read). */
function readable(ctx: ServiceContext, req: RequestContext, scope: string): boolean {
  const oid = req.claims?.oid;
  return ctx.state.armRoleAssignments.some((a) => sameId(a.principalId, oid) && covers(a.scope, scope));
}

function subscriptionIdOf(ctx: ServiceContext, req: RequestContext): string {
  // The stored spelling, so ids in answers are the ones ARM would give whatever casing the caller used.
  return ctx.state.subscriptions.find((s) => sameId(s.subscriptionId, req.params.subscriptionId))?.subscriptionId ?? req.params.subscriptionId;
}

export function getResourceGroup(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const subscriptionId = subscriptionIdOf(ctx, req);
  const group = groupsIn(ctx, subscriptionId).find((g) => sameId(g.name, req.params.resourceGroupName));
  return group ? json(200, renderGroup(subscriptionId, group)) : resourceGroupNotFound(req.params.resourceGroupName);
}

export function listResourceGroups(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const subscriptionId = subscriptionIdOf(ctx, req);
  const groups = groupsIn(ctx, subscriptionId).filter((g) => readable(ctx, req, groupId(subscriptionId, g.name)));
  return pageOf(ctx, req, groups.map((g) => renderGroup(subscriptionId, g)));
}

type Expansion = 'createdTime' | 'changedTime' | 'provisioningState';

function expansions(req: RequestContext): Set<Expansion> {
  const asked = (req.query.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  const known: Expansion[] = ['createdTime', 'changedTime', 'provisioningState'];
  return new Set(known.filter((k) => asked.includes(k.toLowerCase())));
}

/** GenericResourceExpanded: the envelope of a resource without its properties, plus what $expand asked for. */
function renderGeneric(resource: CommunicationsGateway | TestLine, expand: Set<Expansion>): Record<string, unknown> {
  const gateway = resource as CommunicationsGateway;
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type,
    location: resource.location,
    ...(resource.tags && Object.keys(resource.tags).length > 0 ? { tags: resource.tags } : {}),
    ...(gateway.sku ? { sku: gateway.sku } : {}),
    ...(gateway.identity ? { identity: gateway.identity } : {}),
    ...(expand.has('createdTime') && resource.systemData?.createdAt ? { createdTime: resource.systemData.createdAt } : {}),
    ...(expand.has('changedTime') && resource.systemData?.lastModifiedAt ? { changedTime: resource.systemData.lastModifiedAt } : {}),
    ...(expand.has('provisioningState') && resource.properties?.provisioningState ? { provisioningState: resource.properties.provisioningState } : {}),
  };
}

/** Every gateway of the subscription (of one group when given) followed by its test lines. */
function resourcesIn(ctx: ServiceContext, subscriptionId: string, resourceGroup: string | undefined): (FilterableResource & { resource: CommunicationsGateway | TestLine })[] {
  const out: (FilterableResource & { resource: CommunicationsGateway | TestLine })[] = [];
  for (const g of gatewaysInSubscription(ctx.state, subscriptionId)) {
    const group = parseGatewayId(g.resource.id ?? '')?.resourceGroupName ?? '';
    if (resourceGroup !== undefined && !sameId(group, resourceGroup)) continue;
    const entry = (resource: CommunicationsGateway | TestLine, resourceType: string) => ({ resource, resourceType, resourceGroup: group, name: resource.name ?? '', location: resource.location });
    out.push(entry(g.resource, GATEWAY_RESOURCE_TYPE));
    for (const line of g.testLines) out.push(entry(line, TEST_LINE_RESOURCE_TYPE));
  }
  return out;
}

function listResources(ctx: ServiceContext, req: RequestContext, resourceGroup: string | undefined): EmulatorResponse {
  const filter = parseResourceFilter(req.query.get('$filter'));
  if ('error' in filter) return filter.error;
  const expand = expansions(req);
  const items = resourcesIn(ctx, subscriptionIdOf(ctx, req), resourceGroup)
    .filter((r) => filter.matches(r) && readable(ctx, req, r.resource.id ?? ''))
    .map((r) => renderGeneric(r.resource, expand));
  return pageOf(ctx, req, items, ['$filter', '$expand']);
}

export function listResourcesBySubscription(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  return listResources(ctx, req, undefined);
}

export function listResourcesByResourceGroup(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const group = findResourceGroup(ctx.state, req.params.subscriptionId, req.params.resourceGroupName);
  return group ? listResources(ctx, req, group) : resourceGroupNotFound(req.params.resourceGroupName);
}
