// `/me`: the signed-in user, for delegated tokens only.
import type { ServiceContext } from '../context';
import type { EmulatorResponse, RequestContext } from '../http';
import { delegatedOnly } from './appRoleAssignments';
import { entity, parseSelect } from './odata';
import { notFound } from './servicePrincipals';
import { USER_PROPERTIES, toUser } from './shapes';

export function getMe(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const refused = delegatedOnly(req);
  if (refused) return refused;
  const selected = parseSelect(req, USER_PROPERTIES, 'user');
  if ('error' in selected) return selected.error;
  const oid = req.claims?.oid ?? '';
  const user = ctx.state.directory.users.find((u) => u.id === oid);
  return user ? entity(req, 'users', toUser(user), selected.select) : notFound(req, oid);
}
