// Graph's access checks: a token for Graph from the directory's tenant, then the permission the operation needs, read
// from `roles` in app tokens and from `scp` in user tokens (Graph never mixes the two).
import type { ServiceContext } from '../context';
import { header, type EmulatorResponse, type RequestContext, type Router } from '../http';
import { hasScope, type TokenClaims } from '../tokens';
import { graphErrorFor } from './odata';

export const GRAPH_AUDIENCES: readonly string[] = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];

/** Any one of the inner lists, all of whose permissions are held, grants the operation. */
export type Requirement = readonly (readonly string[])[];

const anyOf = (...permissions: string[]): Requirement => permissions.map((p) => [p]);

const SP_READ = anyOf('Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All');
const ASSIGNMENT_READ = anyOf(
  'Application.Read.All', 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All',
);
// Graph documents AppRoleAssignment.ReadWrite.All together with a permission that reads the resource app.
const ASSIGNMENT_WRITE: Requirement = [
  ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'],
  ['AppRoleAssignment.ReadWrite.All', 'Application.ReadWrite.All'],
  ['AppRoleAssignment.ReadWrite.All', 'Directory.Read.All'],
  ['Application.ReadWrite.All'],
  ['Directory.ReadWrite.All'],
  ['Directory.AccessAsUser.All'],
];
const ME_READ = anyOf('User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All');
const USER_ASSIGNMENT_READ = anyOf(
  'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All',
);
const DOMAIN_READ = anyOf('Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All');
const DOMAIN_WRITE = anyOf('Domain.ReadWrite.All', 'Directory.AccessAsUser.All');
const APP_READ = anyOf('Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All');
const APP_CREDENTIAL_WRITE = anyOf('Application.ReadWrite.All', 'Directory.AccessAsUser.All');
const SP_CREATE = anyOf('Application.ReadWrite.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All');
const USER_READ = anyOf('User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All');

/** The permission each operation needs. `null`: none of its own (`$batch` checks each inner request instead). */
export const GRAPH_PERMISSIONS: Readonly<Record<string, Requirement | null>> = {
  'graph.servicePrincipals.list': SP_READ,
  'graph.servicePrincipals.get': SP_READ,
  'graph.servicePrincipals.create': SP_CREATE,
  'graph.servicePrincipals.getByAppId': SP_READ,
  'graph.servicePrincipals.appRoleAssignments.list': ASSIGNMENT_READ,
  'graph.servicePrincipals.appRoleAssignments.create': ASSIGNMENT_WRITE,
  'graph.servicePrincipals.appRoleAssignments.delete': ASSIGNMENT_WRITE,
  'graph.servicePrincipals.appRoleAssignedTo.list': ASSIGNMENT_READ,
  'graph.servicePrincipals.appRoleAssignedTo.create': ASSIGNMENT_WRITE,
  'graph.servicePrincipals.appRoleAssignedTo.delete': ASSIGNMENT_WRITE,
  'graph.me.get': ME_READ,
  'graph.me.appRoleAssignments.list': USER_ASSIGNMENT_READ,
  'graph.users.get': USER_READ,
  'graph.users.appRoleAssignments.create': ASSIGNMENT_WRITE,
  'graph.domains.list': DOMAIN_READ,
  'graph.domains.get': DOMAIN_READ,
  'graph.domains.create': DOMAIN_WRITE,
  'graph.domains.verify': DOMAIN_WRITE,
  'graph.domains.verificationDnsRecords.list': DOMAIN_READ,
  'graph.applications.list': APP_READ,
  'graph.applications.get': APP_READ,
  'graph.applications.getByAppId': APP_READ,
  'graph.applications.addPassword': APP_CREDENTIAL_WRITE,
  'graph.batch': null,
};

const routers = new WeakMap<ServiceContext, Router>();

export function rememberGraphRouter(ctx: ServiceContext, router: Router): void {
  routers.set(ctx, router);
}

export function holds(claims: TokenClaims, requirement: Requirement): boolean {
  const has = (permission: string) => (claims.idtyp === 'app' ? (claims.roles ?? []).includes(permission) : hasScope(claims, permission));
  return requirement.some((all) => all.every(has));
}

export async function authenticateGraph(ctx: ServiceContext, req: RequestContext): Promise<EmulatorResponse | undefined> {
  const verified = await ctx.tokens.verify(header(req, 'authorization'), GRAPH_AUDIENCES);
  if (!verified.ok) return unauthenticated(req, tokenMessage(verified.reason));
  const claims = verified.claims;
  if (claims.tid !== ctx.state.tenant.id) return unauthenticated(req, 'Access token validation failure. Invalid issuer.');
  req.claims = claims;

  const match = routers.get(ctx)?.match(req.method, req.path);
  const operationId = match && 'route' in match ? match.route.operationId : undefined;
  // An operation missing from the table needs Directory.ReadWrite.All: unknown routes are never left open.
  const requirement = operationId !== undefined && operationId in GRAPH_PERMISSIONS ? GRAPH_PERMISSIONS[operationId] : anyOf('Directory.ReadWrite.All');
  // /me with an app token is a 400 in Graph, before any permission check; the handler answers it.
  if (requirement === null || (operationId?.startsWith('graph.me.') && claims.idtyp === 'app')) return undefined;
  if (holds(claims, requirement)) return undefined;
  return graphErrorFor(req, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

function tokenMessage(reason: string): string {
  switch (reason) {
    case 'missing':
      return 'Access token is empty.';
    case 'expired':
      return 'Lifetime validation failed, the token is expired.';
    case 'audience':
      return 'Access token validation failure. Invalid audience.';
    default:
      return 'Access token validation failure.';
  }
}

function unauthenticated(req: RequestContext, message: string): EmulatorResponse {
  const response = graphErrorFor(req, 401, 'InvalidAuthenticationToken', message);
  return {
    ...response,
    headers: {
      ...response.headers,
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${req.origin}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    },
  };
}
