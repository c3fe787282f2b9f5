// Directory objects as Graph v1.0 returns them. The emulator's bookkeeping fields (granted Graph permissions,
// verification codes, whether a TXT record is "published") never leave through these functions.
import { createHash } from 'node:crypto';
import type { AppRoleAssignment, DirectoryApplication, DirectoryDomain, DirectoryUser, ServicePrincipal } from '../state';

export const SERVICE_PRINCIPAL_PROPERTIES = [
  'id', 'deletedDateTime', 'accountEnabled', 'appDisplayName', 'appId', 'appOwnerOrganizationId', 'appRoleAssignmentRequired',
  'displayName', 'servicePrincipalNames', 'servicePrincipalType', 'signInAudience', 'tags', 'appRoles', 'oauth2PermissionScopes',
  'alternativeNames',
] as const;

export function toServicePrincipal(sp: ServicePrincipal): Record<string, unknown> {
  const managed = sp.servicePrincipalType === 'ManagedIdentity';
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    appDisplayName: managed ? null : sp.displayName,
    appId: sp.appId,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    displayName: sp.displayName,
    servicePrincipalNames: [sp.appId],
    servicePrincipalType: sp.servicePrincipalType,
    signInAudience: managed ? null : 'AzureADMultipleOrgs',
    tags: [],
    appRoles: sp.appRoles.map((r) => ({ ...r, origin: 'Application' })),
    oauth2PermissionScopes: [],
    alternativeNames: [],
  };
}

export const ASSIGNMENT_PROPERTIES = [
  'id', 'deletedDateTime', 'appRoleId', 'createdDateTime', 'principalDisplayName', 'principalId', 'principalType', 'resourceDisplayName', 'resourceId',
] as const;

export function toAssignment(a: AppRoleAssignment): Record<string, unknown> {
  return {
    id: a.id,
    deletedDateTime: a.deletedDateTime,
    appRoleId: a.appRoleId,
    createdDateTime: a.createdDateTime,
    principalDisplayName: a.principalDisplayName,
    principalId: a.principalId,
    principalType: a.principalType,
    resourceDisplayName: a.resourceDisplayName,
    resourceId: a.resourceId,
  };
}

export const USER_PROPERTIES = [
  'id', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName',
] as const;

export function toUser(u: DirectoryUser): Record<string, unknown> {
  return {
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
  };
}

export const DOMAIN_PROPERTIES = [
  'id', 'authenticationType', 'availabilityStatus', 'isAdminManaged', 'isDefault', 'isInitial', 'isRoot', 'isVerified', 'supportedServices',
  'passwordNotificationWindowInDays', 'passwordValidityPeriodInDays', 'state',
] as const;

export function toDomain(d: DirectoryDomain): Record<string, unknown> {
  return {
    id: d.id,
    authenticationType: d.authenticationType,
    availabilityStatus: null,
    isAdminManaged: d.isAdminManaged,
    isDefault: d.isDefault,
    isInitial: d.isInitial,
    isRoot: d.isRoot,
    isVerified: d.isVerified,
    supportedServices: d.supportedServices,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    state: null,
  };
}

/** The TXT value Entra asks for. Stored codes may or may not carry the `ms` prefix; the record always does. */
export function verificationToken(d: DirectoryDomain): string {
  return d.verificationCode.toLowerCase().startsWith('ms') ? d.verificationCode : `ms${d.verificationCode}`;
}

/** Stable ids per domain and record kind, so that repeated reads return the same records. */
function recordId(domain: string, kind: string): string {
  const hex = createHash('sha256').update(`${domain.toLowerCase()}|${kind}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Graph's domainDnsRecord subtypes: the TXT record proves ownership; the MX record is the alternative. */
export function verificationDnsRecords(d: DirectoryDomain): Record<string, unknown>[] {
  const token = verificationToken(d);
  return [
    {
      '@odata.type': '#microsoft.graph.domainDnsTxtRecord',
      id: recordId(d.id, 'txt'),
      isOptional: false,
      label: d.id,
      recordType: 'Txt',
      supportedService: 'Email',
      ttl: 3600,
      text: `MS=${token}`,
    },
    {
      '@odata.type': '#microsoft.graph.domainDnsMxRecord',
      id: recordId(d.id, 'mx'),
      isOptional: false,
      label: d.id,
      recordType: 'Mx',
      supportedService: 'Email',
      ttl: 3600,
      mailExchange: `${token}.msv1.invalid`,
      preference: 32767,
    },
  ];
}

export const APPLICATION_PROPERTIES = [
  'id', 'deletedDateTime', 'appId', 'createdDateTime', 'displayName', 'identifierUris', 'signInAudience', 'appRoles', 'keyCredentials', 'passwordCredentials',
  'requiredResourceAccess',
] as const;

export function toApplication(a: DirectoryApplication): Record<string, unknown> {
  return {
    id: a.id,
    deletedDateTime: null,
    appId: a.appId,
    createdDateTime: a.createdDateTime,
    displayName: a.displayName,
    identifierUris: a.identifierUris,
    signInAudience: 'AzureADMyOrg',
    appRoles: a.appRoles.map((r) => ({ ...r, origin: 'Application' })),
    keyCredentials: [],
    passwordCredentials: a.passwordCredentials.map((p) => ({ ...p, secretText: null })),
    requiredResourceAccess: (a.requiredResourceAccess ?? []).map((r) => ({ resourceAppId: r.resourceAppId, resourceAccess: r.resourceAccess.map((x) => ({ ...x })) })),
  };
}
