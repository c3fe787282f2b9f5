// servicePrincipals: list with $filter/$select/$top, get by object id, get by appId (Graph's alternate key), and
// create from an appId (an app registered in the tenant, or a Microsoft first-party app the seed knows).
import { randomUUID } from 'node:crypto';
import { isGuid } from '../../src/core/ids';
import type { ServiceContext } from '../context';
import { isRecord, type EmulatorResponse, type RequestContext } from '../http';
import { firstPartyServicePrincipal } from '../seed/directory';
import type { ServicePrincipal } from '../state';
import { applyFilter, badRequest, collection, entity, graphErrorFor, parseSelect, type Filterable } from './odata';
import { SERVICE_PRINCIPAL_PROPERTIES, toServicePrincipal } from './shapes';

const FILTERABLE: Filterable<ServicePrincipal> = {
  id: (sp) => sp.id,
  appId: (sp) => sp.appId,
  displayName: (sp) => sp.displayName,
  servicePrincipalType: (sp) => sp.servicePrincipalType,
  accountEnabled: (sp) => sp.accountEnabled,
};

export function notFound(req: RequestContext, id: string): EmulatorResponse {
  return graphErrorFor(req, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** Directory object ids are GUIDs; Graph rejects anything else before looking. */
export function invalidObjectId(req: RequestContext, id: string): EmulatorResponse | undefined {
  return isGuid(id) ? undefined : badRequest(req, `Invalid object identifier '${id}'.`, 'Request_BadRequest');
}

export function findServicePrincipal(ctx: ServiceContext, req: RequestContext, id: string): { sp: ServicePrincipal } | { error: EmulatorResponse } {
  const invalid = invalidObjectId(req, id);
  if (invalid) return { error: invalid };
  const sp = ctx.state.directory.servicePrincipals.find((p) => p.id.toLowerCase() === id.toLowerCase());
  return sp ? { sp } : { error: notFound(req, id) };
}

export function listServicePrincipals(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, SERVICE_PRINCIPAL_PROPERTIES, 'servicePrincipal');
  if ('error' in selected) return selected.error;
  const filtered = applyFilter(req, ctx.state.directory.servicePrincipals, FILTERABLE, 'ServicePrincipal');
  if ('error' in filtered) return filtered.error;
  return collection(req, 'servicePrincipals', filtered.items.map(toServicePrincipal), selected.select);
}

export function getServicePrincipal(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, SERVICE_PRINCIPAL_PROPERTIES, 'servicePrincipal');
  if ('error' in selected) return selected.error;
  const found = findServicePrincipal(ctx, req, req.params.id);
  return 'error' in found ? found.error : entity(req, 'servicePrincipals', toServicePrincipal(found.sp), selected.select);
}

export function getServicePrincipalByAppId(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, SERVICE_PRINCIPAL_PROPERTIES, 'servicePrincipal');
  if ('error' in selected) return selected.error;
  const appId = req.params.appId;
  const sp = ctx.state.directory.servicePrincipals.find((p) => p.appId.toLowerCase() === appId.toLowerCase());
  return sp ? entity(req, 'servicePrincipals', toServicePrincipal(sp), selected.select) : notFound(req, appId);
}

/**
 * `POST /servicePrincipals {appId}`. Graph answers 201 with the new service principal; when the tenant already has
 * one for the app, 409 Request_MultipleObjectsWithSameKeyValue ("… is already in use").
 */
export function createServicePrincipal(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const appId = isRecord(req.body) ? req.body['appId'] : undefined;
  if (typeof appId !== 'string' || !isGuid(appId)) {
    return badRequest(req, "Invalid value specified for property 'appId' of resource 'ServicePrincipal'.", 'Request_BadRequest');
  }
  const directory = ctx.state.directory;
  if (directory.servicePrincipals.some((sp) => sp.appId.toLowerCase() === appId.toLowerCase())) {
    return graphErrorFor(
      req,
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`,
    );
  }
  const registered = directory.applications.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  const template: Omit<ServicePrincipal, 'id'> | undefined = registered
    ? {
        appId: registered.appId,
        displayName: registered.displayName,
        appRoles: structuredClone(registered.appRoles),
        servicePrincipalType: 'Application',
        accountEnabled: true,
        appOwnerOrganizationId: ctx.state.tenant.id,
        graphPermissions: [],
      }
    : firstPartyServicePrincipal(appId);
  if (!template) {
    return badRequest(req, `The appId '${appId}' of the service principal does not reference a valid application object.`, 'Request_BadRequest');
  }
  const sp: ServicePrincipal = { id: randomUUID(), ...template };
  directory.servicePrincipals.push(sp);
  ctx.persist();
  return entity(req, 'servicePrincipals', toServicePrincipal(sp), undefined, 201);
}
