// Who may do what on the Provisioning API. The AzureCommunicationsGateway app defines app roles for clients
// (ProvisioningAPI.Read/Write/Delete/Admin) and user roles for people (the same names with a `User` suffix); an app
// token must carry the application role and a user token the user role (API.md §2).
import type { HttpMethod } from '../http';
import type { TokenClaims } from '../tokens';

export type ProvisioningAccess = 'read' | 'write' | 'delete';

/** Actions that only read, even though they are POSTs. */
const READ_ACTIONS = [':getTeamsCapabilityPlans', ':getTeamsAvailableCapabilities'];

/** What an operation needs, from its method and path (no route lookup needed). */
export function accessFor(method: HttpMethod | string, path: string): ProvisioningAccess {
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method === 'DELETE' || path.endsWith(':deleteNumbers')) return 'delete';
  if (method === 'POST' && READ_ACTIONS.some((action) => path.endsWith(action))) return 'read';
  return 'write';
}

/** Role names, without the `ProvisioningAPI.` prefix, that grant each kind of access. */
const GRANTING_ROLES: Record<ProvisioningAccess, readonly string[]> = {
  read: ['Read', 'Write', 'Delete', 'Admin'],
  write: ['Write', 'Admin'],
  delete: ['Delete', 'Admin'],
};

const NAMED_ROLE: Record<ProvisioningAccess, string> = { read: 'Read', write: 'Write', delete: 'Delete' };

export type RoleCheck = { ok: true } | { ok: false; message: string };

export function checkProvisioningRoles(claims: Pick<TokenClaims, 'roles' | 'idtyp'>, access: ProvisioningAccess): RoleCheck {
  const held = new Set(claims.roles ?? []);
  const granted = GRANTING_ROLES[access].some((role) => {
    const app = held.has(`ProvisioningAPI.${role}`);
    const user = held.has(`ProvisioningAPI.${role}User`);
    if (claims.idtyp === 'app') return app;
    if (claims.idtyp === 'user') return user;
    return app || user;
  });
  if (granted) return { ok: true };
  const role = NAMED_ROLE[access];
  return {
    ok: false,
    message:
      `The caller needs the ProvisioningAPI.${role} (application) or ProvisioningAPI.${role}User (user) role on the ` +
      `AzureCommunicationsGateway app (ProvisioningAPI.Admin or ProvisioningAPI.AdminUser also grants it).` +
      (claims.idtyp === 'app' ? ' Application tokens need the application role.' : claims.idtyp === 'user' ? ' User tokens need the user role.' : ''),
  };
}
