// CommunicationsGateways_*: list (pageable), get, PUT (long-running), PATCH (tags, identity, sku only) and DELETE
// (long-running, final state via Location).
import type { CommunicationsGateway, SystemData } from '../../src/core/models';
import { GATEWAY_RESOURCE_TYPE } from '../../src/core/models';
import { gatewayResourceId, parseGatewayId } from '../../src/core/ids';
import { validateResourceName, validateTags } from '../../src/core/rules';
import type { ServiceContext } from '../context';
import { armError } from '../errors';
import { isRecord, json, noContent, type EmulatorResponse, type RequestContext } from '../http';
import type { GatewayRecord } from '../state';
import {
  armValidationError,
  callerName,
  findGateway,
  findResourceGroup,
  findSubscription,
  gatewayNotFound,
  gatewaysInSubscription,
  normalizeLocation,
  pageOf,
  resourceGroupNotFound,
  sameId,
  subscriptionNotFound,
  unknownMember,
} from './common';
import { buildProperties, createOnlyChange, errorsOnly, generateDomainLabel, parseGatewayBody, readIdentity, readSku, readTags, resolveIdentity } from './gatewayBody';
import { removeManagedIdentity, syncManagedIdentity } from './identity';
import { gatewayDomain } from '../../src/core/clouds';
import { createEmptyProvisioningData } from '../provisioning/store';
import { asyncOperationHeaders, locationHeaders, operationsOf } from './operations';

const UPDATE_MEMBERS = new Set(['tags', 'identity', 'sku']);

export function render<T>(resource: T): T {
  return structuredClone(resource);
}

export function anotherOperationInProgress(resourceId: string): EmulatorResponse {
  return armError(409, 'AnotherOperationInProgress', `Another operation is in progress on the resource '${resourceId}'. Retry once it has finished.`);
}

export function invalidResourceName(req: RequestContext, name: string, kind: string): EmulatorResponse | undefined {
  const findings = validateResourceName(name, ['name']);
  if (findings.length === 0) return undefined;
  return armError(400, 'InvalidResourceName', `The ${kind} name '${name}' is invalid. ${findings.map((f) => f.message).join(' ')}`, req.url.pathname);
}

/** systemData as ARM maintains it: creation fields kept from the first write, modification fields from this one. */
export function nextSystemData(req: RequestContext, previous: SystemData | undefined, now: number): SystemData {
  const who = callerName(req);
  const at = new Date(now).toISOString();
  return {
    createdBy: previous?.createdBy ?? who.name,
    createdByType: previous?.createdByType ?? who.type,
    createdAt: previous?.createdAt ?? at,
    lastModifiedBy: who.name,
    lastModifiedByType: who.type,
    lastModifiedAt: at,
  };
}

export function listBySubscription(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  return pageOf(ctx, req, gatewaysInSubscription(ctx.state, req.params.subscriptionId).map((g) => render(g.resource)));
}

export function listByResourceGroup(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const { subscriptionId, resourceGroupName } = req.params;
  if (!findResourceGroup(ctx.state, subscriptionId, resourceGroupName)) return resourceGroupNotFound(resourceGroupName);
  const inGroup = gatewaysInSubscription(ctx.state, subscriptionId).filter((g) => sameId(parseGatewayId(g.resource.id ?? '')?.resourceGroupName, resourceGroupName));
  return pageOf(ctx, req, inGroup.map((g) => render(g.resource)));
}

/** The gateway a request names, or ARM's 404 for the missing resource group or resource. */
export function lookupGateway(ctx: ServiceContext, req: RequestContext): { record: GatewayRecord } | { error: EmulatorResponse } {
  const { subscriptionId, resourceGroupName, communicationsGatewayName } = req.params;
  if (!findResourceGroup(ctx.state, subscriptionId, resourceGroupName)) return { error: resourceGroupNotFound(resourceGroupName) };
  const record = findGateway(ctx.state, subscriptionId, resourceGroupName, communicationsGatewayName);
  return record ? { record } : { error: gatewayNotFound(req) };
}

export function getGateway(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const found = lookupGateway(ctx, req);
  return 'error' in found ? found.error : json(200, render(found.record.resource));
}

export function putGateway(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const { subscriptionId, resourceGroupName, communicationsGatewayName: name } = req.params;
  const subscription = findSubscription(ctx.state, subscriptionId);
  if (!subscription) return subscriptionNotFound(subscriptionId);
  const resourceGroup = findResourceGroup(ctx.state, subscriptionId, resourceGroupName);
  if (!resourceGroup) return resourceGroupNotFound(resourceGroupName);
  const badName = invalidResourceName(req, name, 'communications gateway');
  if (badName) return badName;
  const parsed = parseGatewayBody(req.body);
  if ('error' in parsed) return parsed.error;
  const input = parsed.input;

  const existing = findGateway(ctx.state, subscriptionId, resourceGroupName, name);
  const resourceId = existing?.resource.id ?? gatewayResourceId({ subscriptionId: subscription.subscriptionId, resourceGroupName: resourceGroup, name });
  const operations = operationsOf(ctx);
  if (operations.inProgressOn(resourceId)) return anotherOperationInProgress(resourceId);
  const previous = existing?.resource;
  if (previous && normalizeLocation(previous.location) !== normalizeLocation(input.location)) {
    return armError(
      400,
      'InvalidResourceLocation',
      `The resource '${previous.name ?? name}' already exists in location '${previous.location}' in resource group '${resourceGroup}'. A resource with the same name cannot be created in location '${input.location}'. Please select a new resource name.`,
    );
  }
  if (previous?.properties) {
    const immutable = createOnlyChange(previous.properties, input.properties);
    if (immutable) return immutable;
  }

  const label =
    previous?.properties?.autoGeneratedDomainNameLabel ??
    generateDomainLabel(ctx.state, input.properties.autoGeneratedDomainNameLabelScope ?? 'TenantReuse', {
      tenantId: subscription.tenantId,
      subscriptionId: subscription.subscriptionId,
      resourceGroup,
      name,
    });
  const identity = resolveIdentity(input.identityType, previous?.identity, subscription.tenantId);
  const sku = input.sku ?? previous?.sku;
  const resource: CommunicationsGateway = {
    id: resourceId,
    name: previous?.name ?? name,
    type: GATEWAY_RESOURCE_TYPE,
    location: previous?.location ?? input.location,
    tags: input.tags,
    systemData: nextSystemData(req, previous?.systemData, ctx.now()),
    ...(identity ? { identity } : {}),
    ...(sku ? { sku } : {}),
    properties: buildProperties(input.properties, existing, label),
  };
  syncManagedIdentity(ctx.state, resource.name ?? name, previous?.identity, identity);
  if (existing) existing.resource = resource;
  else ctx.state.gateways.push({ resource, testLines: [] });
  // Every gateway has a Provisioning API at provapi.<domain>; a new one starts empty.
  ctx.state.provisioning[gatewayDomain(label)] ??= createEmptyProvisioningData();

  const operation = operations.start({
    subscriptionId: subscription.subscriptionId,
    location: resource.location,
    resourceId,
    kind: 'write',
    finish: () => {
      const record = ctx.state.gateways.find((g) => g.resource.id === resourceId);
      // provisioningState is read-only in the model, so the properties object is replaced rather than mutated.
      if (record?.resource.properties) record.resource.properties = { ...record.resource.properties, provisioningState: 'Succeeded' };
    },
  });
  ctx.persist();
  return json(existing ? 200 : 201, render(resource), asyncOperationHeaders(req, operation));
}

export function patchGateway(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const body = req.body ?? {};
  if (!isRecord(body)) return armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: the body must be a JSON object.');
  // PATCH changes only tags, identity and sku: a property change is GET, edit, then PUT.
  const unknown = Object.keys(body).find((key) => !UPDATE_MEMBERS.has(key));
  if (unknown) return unknownMember(unknown, 'CommunicationsGatewayUpdate');
  const found = lookupGateway(ctx, req);
  if ('error' in found) return found.error;
  const resource = found.record.resource;

  const tagFindings = errorsOnly(validateTags(body['tags'], ['tags']));
  if (tagFindings.length > 0) return armValidationError('InvalidRequestContent', tagFindings);
  const identity = readIdentity(body['identity']);
  if ('error' in identity) return identity.error;
  const sku = body['sku'];
  if (sku !== undefined && (!isRecord(sku) || typeof sku['name'] !== 'string')) {
    return armError(400, 'InvalidRequestContent', "The request content was invalid: 'sku' must be an object with a string 'name'.", 'sku');
  }

  if (body['tags'] !== undefined) resource.tags = readTags(body['tags']);
  if (isRecord(sku)) resource.sku = readSku(sku);
  if (identity.type !== undefined) {
    const tenantId = findSubscription(ctx.state, req.params.subscriptionId)?.tenantId ?? ctx.state.tenant.id;
    const next = resolveIdentity(identity.type, resource.identity, tenantId);
    syncManagedIdentity(ctx.state, resource.name ?? req.params.communicationsGatewayName, resource.identity, next);
    if (next) resource.identity = next;
    else delete resource.identity;
  }
  resource.systemData = nextSystemData(req, resource.systemData, ctx.now());
  ctx.persist();
  return json(200, render(resource));
}

export function deleteGateway(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const { subscriptionId, resourceGroupName, communicationsGatewayName } = req.params;
  if (!findResourceGroup(ctx.state, subscriptionId, resourceGroupName)) return resourceGroupNotFound(resourceGroupName);
  const record = findGateway(ctx.state, subscriptionId, resourceGroupName, communicationsGatewayName);
  // Deleting what is already gone succeeds: ARM's delete is idempotent.
  if (!record) return noContent(204);
  const resource = record.resource;
  const resourceId = resource.id ?? '';
  const operations = operationsOf(ctx);
  if (operations.inProgressOn(resourceId, true)) return anotherOperationInProgress(resourceId);
  const operation = operations.start({
    subscriptionId: parseGatewayId(resourceId)?.subscriptionId ?? subscriptionId,
    kind: 'delete',
    location: resource.location,
    resourceId,
    finish: () => {
      const index = ctx.state.gateways.findIndex((g) => g.resource.id === resourceId);
      if (index < 0) return;
      const [removed] = ctx.state.gateways.splice(index, 1);
      if (removed.resource.identity?.principalId) removeManagedIdentity(ctx.state, removed.resource.identity.principalId);
      const label = removed.resource.properties?.autoGeneratedDomainNameLabel;
      if (label) Reflect.deleteProperty(ctx.state.provisioning, gatewayDomain(label));
    },
  });
  return noContent(202, locationHeaders(req, operation));
}
