// Users: `/me` (delegated tokens only) and `/users/{id | userPrincipalName}`, which Graph addresses either way.
import type { ServiceContext } from '../context';
import type { EmulatorResponse, RequestContext } from '../http';
import type { DirectoryUser } from '../state';
import { delegatedOnly } from './appRoleAssignments';
import { entity, parseSelect } from './odata';
import { notFound } from './servicePrincipals';
import { USER_PROPERTIES, toUser } from './shapes';

export function findUser(ctx: ServiceContext, idOrUpn: string): DirectoryUser | undefined {
  const key = idOrUpn.toLowerCase();
  return ctx.state.directory.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key);
}

export function getMe(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const refused = delegatedOnly(req);
  if (refused) return refused;
  const selected = parseSelect(req, USER_PROPERTIES, 'user');
  if ('error' in selected) return selected.error;
  const oid = req.claims?.oid ?? '';
  const user = ctx.state.directory.users.find((u) => u.id === oid);
  return user ? entity(req, 'users', toUser(user), selected.select) : notFound(req, oid);
}

export function getUser(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const selected = parseSelect(req, USER_PROPERTIES, 'user');
  if ('error' in selected) return selected.error;
  const user = findUser(ctx, req.params.id);
  return user ? entity(req, 'users', toUser(user), selected.select) : notFound(req, req.params.id);
}
