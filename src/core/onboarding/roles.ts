// The first-party apps and app roles that onboarding assigns, with the ids the onboarding guide gives
// (connect-operator-connect.md, "Set up application roles"). One table: the checks, the fixes, the Graph client's
// queries and the emulator's Project Synergy app all name roles from here, so a name can never drift from its id.

/** Project Synergy (the Operator Connect and Teams Phone Mobile environments' app). */
export const PROJECT_SYNERGY_APP_ID = 'eb63d611-525e-4a31-abd7-0cb33f679599';
/** AzureCommunicationsGateway, the Provisioning API's app. */
export const PROVISIONING_APP_ID = '8502a0ec-c76d-412f-836c-398018e2312b';

export interface SynergyRole {
  readonly name: string;
  readonly id: string;
}

/** The seven Project Synergy roles a gateway's managed identity needs, in the guide's order. */
export const SYNERGY_REQUIRED_ROLES: readonly SynergyRole[] = [
  { name: 'TrunkManagement.Read', id: '72129ccd-8886-42db-a63c-2647b61635c1' },
  { name: 'TrunkManagement.Write', id: 'e907ba07-8ad0-40be-8d72-c18a0b3c156b' },
  { name: 'PartnerSettings.Read', id: 'd6b0de4a-aab5-4261-be1b-0e1800746fb2' },
  { name: 'NumberManagement.Read', id: '130ecbe2-d1e6-4bbd-9a8d-9a7a909b876e' },
  { name: 'NumberManagement.Write', id: '752b4e79-4b85-4e33-a6ef-5949f0d7d553' },
  { name: 'Data.Read', id: 'eb63d611-525e-4a31-abd7-0cb33f679599' },
  { name: 'Data.Write', id: '98d32f93-eaa7-4657-b443-090c23e69f27' },
];

/** The Project Synergy role the person who sets up the gateway holds; its id is read from `appRoles` at run time. */
export const SYNERGY_ADMIN_ROLE_VALUE = 'Admin';

/** Roles on AzureCommunicationsGateway for people who manage numbers (the Number Management Portal). */
export const PROVISIONING_USER_ROLES: readonly string[] = ['ProvisioningAPI.ReadUser', 'ProvisioningAPI.WriteUser', 'ProvisioningAPI.DeleteUser', 'ProvisioningAPI.AdminUser'];

/** The name of a Project Synergy role id from the table, or the id itself when the table does not know it. */
export function synergyRoleName(id: string): string {
  return SYNERGY_REQUIRED_ROLES.find((role) => role.id === id)?.name ?? id;
}
