// App role assignments from both ends: `appRoleAssignments` (held by a principal) and `appRoleAssignedTo` (granted on
// a resource), plus `/me/appRoleAssignments`. Creating one checks what Entra checks: both ends exist, the role is
// defined on the resource for that kind of principal, and the assignment is not already there.
import { randomBytes } from 'node:crypto';
import type { ServiceContext } from '../context';
import { isRecord, type EmulatorResponse, type RequestContext } from '../http';
import type { AppRoleAssignment, ServicePrincipal } from '../state';
import { applyFilter, badRequest, collection, entity, graphErrorFor, parseSelect, type Filterable } from './odata';
import { findServicePrincipal, invalidObjectId, notFound } from './servicePrincipals';
import { ASSIGNMENT_PROPERTIES, toAssignment } from './shapes';
import { findUser } from './users';

/** Which end of the assignment the URL's service principal is. */
export type AssignmentSide = 'principal' | 'resource';

/** The default role: "access without a specific role", assignable when an app defines no roles for users. */
const DEFAULT_ROLE_ID = '00000000-0000-0000-0000-000000000000';

// Graph filters appRoleAssignments by resourceId only (not appRoleId); appRoleAssignedTo also by principalId.
const BY_PRINCIPAL: Filterable<AppRoleAssignment> = { resourceId: (a) => a.resourceId };
const BY_RESOURCE: Filterable<AppRoleAssignment> = { resourceId: (a) => a.resourceId, principalId: (a) => a.principalId };

function segment(side: AssignmentSide): string {
  return side === 'principal' ? 'appRoleAssignments' : 'appRoleAssignedTo';
}

function active(ctx: ServiceContext): AppRoleAssignment[] {
  return ctx.state.directory.appRoleAssignments.filter((a) => !a.deletedDateTime);
}

function listWhere(req: RequestContext, items: AppRoleAssignment[], filterable: Filterable<AppRoleAssignment>, contextFragment: string): EmulatorResponse {
  const selected = parseSelect(req, ASSIGNMENT_PROPERTIES, 'appRoleAssignment');
  if ('error' in selected) return selected.error;
  const filtered = applyFilter(req, items, filterable, 'AppRoleAssignment');
  if ('error' in filtered) return filtered.error;
  return collection(req, contextFragment, replicated(filtered.items).map(toAssignment), selected.select);
}

/**
 * Replication lag: an assignment that is still "replicating" is left out of this listing, and one read of its lag is
 * used up. Counted in reads, so that tests of a re-check with backoff are deterministic.
 */
function replicated(items: readonly AppRoleAssignment[]): AppRoleAssignment[] {
  return items.filter((a) => {
    if (!a.hiddenFromReads) return true;
    a.hiddenFromReads -= 1;
    return false;
  });
}

export function listAssignments(ctx: ServiceContext, req: RequestContext, side: AssignmentSide): EmulatorResponse {
  const found = findServicePrincipal(ctx, req, req.params.id);
  if ('error' in found) return found.error;
  const id = found.sp.id;
  const items = active(ctx).filter((a) => (side === 'principal' ? a.principalId === id : a.resourceId === id));
  return listWhere(req, items, side === 'principal' ? BY_PRINCIPAL : BY_RESOURCE, `servicePrincipals('${id}')/${segment(side)}`);
}

/** `/me` is only for delegated tokens: Graph answers app tokens with this 400. */
export function delegatedOnly(req: RequestContext): EmulatorResponse | undefined {
  if (req.claims?.idtyp === 'user') return undefined;
  return badRequest(req, '/me request is only valid with delegated authentication flow.');
}

export function listMyAssignments(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const refused = delegatedOnly(req);
  if (refused) return refused;
  const oid = req.claims?.oid ?? '';
  const items = active(ctx).filter((a) => a.principalId === oid);
  return listWhere(req, items, BY_PRINCIPAL, `users('${oid}')/appRoleAssignments`);
}

interface AssignmentBody {
  principalId: string;
  resourceId: string;
  appRoleId: string;
}

function readBody(req: RequestContext): AssignmentBody | EmulatorResponse {
  const body = req.body;
  if (!isRecord(body)) return badRequest(req, 'Send an appRoleAssignment object: {"principalId", "resourceId", "appRoleId"}.', 'Request_BadRequest');
  for (const property of ['principalId', 'resourceId', 'appRoleId'] as const) {
    const value = body[property];
    if (typeof value !== 'string' || invalidObjectId(req, value)) {
      return badRequest(req, `Invalid value specified for property '${property}' of resource 'AppRoleAssignment'.`, 'Request_BadRequest');
    }
  }
  return { principalId: String(body['principalId']), resourceId: String(body['resourceId']), appRoleId: String(body['appRoleId']) };
}

/** Graph's assignment ids are opaque 43-character base64url strings. */
function assignmentId(): string {
  return randomBytes(32).toString('base64url').slice(0, 43);
}

type Principal = { kind: 'ServicePrincipal'; sp: ServicePrincipal } | { kind: 'User'; id: string; displayName: string };

function findPrincipal(ctx: ServiceContext, id: string): Principal | undefined {
  const lower = id.toLowerCase();
  const sp = ctx.state.directory.servicePrincipals.find((p) => p.id.toLowerCase() === lower);
  if (sp) return { kind: 'ServicePrincipal', sp };
  const user = ctx.state.directory.users.find((u) => u.id.toLowerCase() === lower);
  return user ? { kind: 'User', id: user.id, displayName: user.displayName } : undefined;
}

export function createAssignment(ctx: ServiceContext, req: RequestContext, side: AssignmentSide): EmulatorResponse {
  const found = findServicePrincipal(ctx, req, req.params.id);
  if ('error' in found) return found.error;
  const body = readBody(req);
  if (!('appRoleId' in body)) return body;
  const urlId = found.sp.id.toLowerCase();
  if (side === 'principal' && body.principalId.toLowerCase() !== urlId) {
    return badRequest(req, `The principalId in the request body must be the service principal in the URL ('${found.sp.id}').`, 'Request_BadRequest');
  }
  if (side === 'resource' && body.resourceId.toLowerCase() !== urlId) {
    return badRequest(req, `The resourceId in the request body must be the service principal in the URL ('${found.sp.id}').`, 'Request_BadRequest');
  }
  return assign(ctx, req, body, `servicePrincipals('${found.sp.id}')/${segment(side)}`);
}

/** `POST /users/{id}/appRoleAssignments`: a role for a user (the id may be the object id or the UPN). */
export function createUserAssignment(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const user = findUser(ctx, req.params.id);
  if (!user) return notFound(req, req.params.id);
  const body = readBody(req);
  if (!('appRoleId' in body)) return body;
  if (body.principalId.toLowerCase() !== user.id.toLowerCase()) {
    return badRequest(req, `The principalId in the request body must be the user in the URL ('${user.id}').`, 'Request_BadRequest');
  }
  return assign(ctx, req, body, `users('${user.id}')/appRoleAssignments`);
}

function assign(ctx: ServiceContext, req: RequestContext, body: AssignmentBody, contextFragment: string): EmulatorResponse {
  const principal = findPrincipal(ctx, body.principalId);
  if (!principal) return notFound(req, body.principalId);
  const resource = ctx.state.directory.servicePrincipals.find((p) => p.id.toLowerCase() === body.resourceId.toLowerCase());
  if (!resource) return notFound(req, body.resourceId);

  const memberType = principal.kind === 'User' ? 'User' : 'Application';
  const role = resource.appRoles.find((r) => r.id.toLowerCase() === body.appRoleId.toLowerCase() && r.isEnabled);
  const isDefaultForUser = body.appRoleId === DEFAULT_ROLE_ID && principal.kind === 'User';
  if (!isDefaultForUser && (!role || !role.allowedMemberTypes.includes(memberType))) {
    return badRequest(req, `Permission being assigned was not found on application '${resource.appId}'.`, 'Request_BadRequest');
  }
  const principalId = principal.kind === 'User' ? principal.id : principal.sp.id;
  const duplicate = active(ctx).some((a) => a.principalId === principalId && a.resourceId === resource.id && a.appRoleId.toLowerCase() === body.appRoleId.toLowerCase());
  if (duplicate) return badRequest(req, 'Permission being assigned already exists on the object', 'Request_BadRequest');

  const assignment: AppRoleAssignment = {
    id: assignmentId(),
    principalId,
    principalType: principal.kind,
    principalDisplayName: principal.kind === 'User' ? principal.displayName : principal.sp.displayName,
    resourceId: resource.id,
    resourceDisplayName: resource.displayName,
    appRoleId: role?.id ?? DEFAULT_ROLE_ID,
    createdDateTime: new Date(ctx.now()).toISOString(),
    deletedDateTime: null,
    ...(ctx.config.appRoleAssignmentLagReads > 0 ? { hiddenFromReads: ctx.config.appRoleAssignmentLagReads } : {}),
  };
  ctx.state.directory.appRoleAssignments.push(assignment);
  ctx.persist();
  return entity(req, contextFragment, toAssignment(assignment), undefined, 201);
}

export function deleteAssignment(ctx: ServiceContext, req: RequestContext, side: AssignmentSide): EmulatorResponse {
  const found = findServicePrincipal(ctx, req, req.params.id);
  if ('error' in found) return found.error;
  const id = found.sp.id;
  const assignments = ctx.state.directory.appRoleAssignments;
  const index = assignments.findIndex(
    (a) => a.id === req.params.assignmentId && !a.deletedDateTime && (side === 'principal' ? a.principalId === id : a.resourceId === id),
  );
  if (index < 0) return graphErrorFor(req, 404, 'Request_ResourceNotFound', `Resource '${req.params.assignmentId}' does not exist or one of its queried reference-property objects are not present.`);
  assignments.splice(index, 1);
  ctx.persist();
  return { status: 204 };
}
