// servicePrincipals: list with $filter/$select/$top, get by object id, and get by appId (Graph's alternate key).
import { isGuid } from '../../src/core/ids';
import type { ServiceContext } from '../context';
import type { EmulatorResponse, RequestContext } from '../http';
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
