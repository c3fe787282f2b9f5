// A gateway's system-assigned identity is a service principal in the directory: Graph must see it appear when the
// gateway is created (the onboarding check then assigns it the Project Synergy roles) and go when it is removed.
import { randomUUID } from 'node:crypto';
import type { ManagedServiceIdentity } from '../../src/core/models';
import type { EmulatorState } from '../state';

export function syncManagedIdentity(
  state: EmulatorState,
  gatewayName: string,
  before: ManagedServiceIdentity | undefined,
  after: ManagedServiceIdentity | undefined,
): void {
  const removed = before?.principalId && before.principalId !== after?.principalId ? before.principalId : undefined;
  if (removed) removeManagedIdentity(state, removed);
  const added = after?.principalId;
  if (added && !state.directory.servicePrincipals.some((sp) => sp.id === added)) {
    state.directory.servicePrincipals.push({
      id: added,
      appId: randomUUID(),
      displayName: gatewayName,
      appRoles: [],
      servicePrincipalType: 'ManagedIdentity',
      accountEnabled: true,
      appOwnerOrganizationId: null,
      graphPermissions: [],
    });
  }
}

/** Entra deletes a managed identity's service principal, and with it the app roles it held. */
export function removeManagedIdentity(state: EmulatorState, principalId: string): void {
  const directory = state.directory;
  const index = directory.servicePrincipals.findIndex((sp) => sp.id === principalId && sp.servicePrincipalType === 'ManagedIdentity');
  if (index < 0) return;
  directory.servicePrincipals.splice(index, 1);
  directory.appRoleAssignments = directory.appRoleAssignments.filter((a) => a.principalId !== principalId);
}
