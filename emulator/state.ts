// Everything the emulator knows, as plain JSON-serialisable data, so that `--state <file>` can keep it across restarts.
import type { CommunicationsGateway, Subscription, TestLine } from '../src/core/models';
import type { ProvisioningData } from './provisioning/store';

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: ('User' | 'Application')[];
  isEnabled: boolean;
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string | null;
  startDateTime: string;
  endDateTime: string;
  secretText: null;
  customKeyIdentifier: null;
}

export interface DirectoryApplication {
  /** Object id of the application object. */
  id: string;
  appId: string;
  displayName: string;
  identifierUris: string[];
  appRoles: AppRole[];
  passwordCredentials: PasswordCredential[];
  createdDateTime: string;
  /** The API permissions the registration requests (Graph's requiredResourceAccess); absent in older state files. */
  requiredResourceAccess?: RequiredResourceAccess[];
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: { id: string; type: 'Role' | 'Scope' }[];
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoles: AppRole[];
  servicePrincipalType: 'Application' | 'ManagedIdentity';
  accountEnabled: boolean;
  appOwnerOrganizationId: string | null;
  /** Graph application permissions granted to this principal (as `roles` in its Graph tokens). */
  graphPermissions: string[];
}

export interface AppRoleAssignment {
  id: string;
  principalId: string;
  principalType: 'User' | 'ServicePrincipal' | 'Group';
  principalDisplayName: string;
  resourceId: string;
  resourceDisplayName: string;
  appRoleId: string;
  createdDateTime: string;
  deletedDateTime: string | null;
  /** Replication lag: listings that would include this assignment leave it out this many more times (admin knob). */
  hiddenFromReads?: number;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  /** Delegated Graph scopes this user has consented to (as `scp` in the user's Graph tokens). */
  graphScopes: string[];
}

export interface DirectoryDomain {
  id: string;
  authenticationType: 'Managed' | 'Federated';
  isAdminManaged: boolean;
  isDefault: boolean;
  isInitial: boolean;
  isRoot: boolean;
  isVerified: boolean;
  supportedServices: string[];
  /** The TXT value that proves ownership; verification succeeds once it is "published" (see admin). */
  verificationCode: string;
  /** Whether the emulator treats the TXT record as published in DNS. */
  txtRecordPublished: boolean;
}

export interface ClientSecret {
  /** Application (client) id. */
  clientId: string;
  secret: string;
}

export type ArmRoleName = 'Owner' | 'Contributor' | 'Reader';

export interface ArmRoleAssignment {
  principalId: string;
  /** `/subscriptions/<id>` or a narrower scope. */
  scope: string;
  role: ArmRoleName;
}

export interface GatewayRecord {
  resource: CommunicationsGateway;
  testLines: TestLine[];
}

export interface EmulatorState {
  version: 1;
  tenant: { id: string; displayName: string; defaultDomain: string };
  directory: {
    applications: DirectoryApplication[];
    servicePrincipals: ServicePrincipal[];
    appRoleAssignments: AppRoleAssignment[];
    users: DirectoryUser[];
    domains: DirectoryDomain[];
    clientSecrets: ClientSecret[];
  };
  subscriptions: Subscription[];
  armRoleAssignments: ArmRoleAssignment[];
  gateways: GatewayRecord[];
  /** Provisioning API data per gateway domain (`<label>.commsgw.azure.com`). */
  provisioning: Record<string, ProvisioningData>;
}
