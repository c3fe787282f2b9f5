// The demo tenant's directory: the apps, service principals, role assignments, users and domains that the onboarding
// checks read. The gaps gateway's identity deliberately lacks two Synergy roles and its domain is unverified.
import { SYNERGY_REQUIRED_ROLES } from '../../src/core/onboarding/roles';
import type { AppRole, AppRoleAssignment, ArmRoleAssignment, EmulatorState, ServicePrincipal } from '../state';
import {
  ACG_PROVISIONING_APP_ID, ACG_PROVISIONING_SP_ID, DEMO_TENANT_DOMAIN, DEMO_TENANT_ID, DEMO_TENANT_NAME, DEMO_USER_ID,
  DEMO_USER_UPN, GATEWAY_GAPS, GATEWAY_LAB, GATEWAY_PRODUCTION, MICROSOFT_GRAPH_APP_ID, MICROSOFT_GRAPH_SP_ID,
  OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, OPERATOR_OBJECT_ID, PROJECT_SYNERGY_APP_ID, PROJECT_SYNERGY_SP_ID,
  READER_CLIENT_ID, READER_CLIENT_SECRET, READER_OBJECT_ID, SUBSCRIPTION_LAB, SUBSCRIPTION_PRODUCTION,
  SYNERGY_ADMIN_ROLE_ID, SYNERGY_REQUIRED_ROLE_IDS, demoGatewayDomain, type DemoGateway,
} from './ids';

const CREATED = '2025-03-01T09:00:00Z';
const LEGACY_APP_ID = 'c0ffee00-0000-4000-8000-000000000003';

function role(id: string, value: string, memberTypes: AppRole['allowedMemberTypes'], description: string): AppRole {
  return { id, value, displayName: value, description, allowedMemberTypes: memberTypes, isEnabled: true };
}

const PROVISIONING_ROLES: AppRole[] = [
  role('b1000000-0000-4000-8000-000000000001', 'ProvisioningAPI.Admin', ['Application'], 'Full access to the Provisioning API.'),
  role('b1000000-0000-4000-8000-000000000002', 'ProvisioningAPI.Read', ['Application'], 'Read accounts, numbers and requests for information.'),
  role('b1000000-0000-4000-8000-000000000003', 'ProvisioningAPI.Write', ['Application'], 'Create and update accounts and numbers.'),
  role('b1000000-0000-4000-8000-000000000004', 'ProvisioningAPI.Delete', ['Application'], 'Delete accounts and numbers.'),
  role('b1000000-0000-4000-8000-000000000011', 'ProvisioningAPI.AdminUser', ['User'], 'Full access to the Provisioning API and the Number Management Portal.'),
  role('b1000000-0000-4000-8000-000000000012', 'ProvisioningAPI.ReadUser', ['User'], 'Read through the Number Management Portal.'),
  role('b1000000-0000-4000-8000-000000000013', 'ProvisioningAPI.WriteUser', ['User'], 'Write through the Number Management Portal.'),
  role('b1000000-0000-4000-8000-000000000014', 'ProvisioningAPI.DeleteUser', ['User'], 'Delete through the Number Management Portal.'),
];

// Names and ids from core's table (the onboarding guide's), so the emulator can never label an id with another role.
const SYNERGY_ROLES: AppRole[] = [
  ...SYNERGY_REQUIRED_ROLES.map(({ id, name }) => role(id, name, ['Application'], `Operator Connect: ${name}.`)),
  role(SYNERGY_ADMIN_ROLE_ID, 'Admin', ['User'], 'Operator Connect administrator.'),
];

const OPERATOR_GRAPH_PERMISSIONS = ['Application.Read.All', 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Directory.Read.All', 'Domain.ReadWrite.All'];

function servicePrincipal(id: string, appId: string, displayName: string, extra: Partial<ServicePrincipal> = {}): ServicePrincipal {
  return { id, appId, displayName, appRoles: [], servicePrincipalType: 'Application', accountEnabled: true, appOwnerOrganizationId: DEMO_TENANT_ID, graphPermissions: [], ...extra };
}

function managedIdentity(gateway: DemoGateway): ServicePrincipal {
  return servicePrincipal(gateway.identityPrincipalId, `a0a0a0a0-0000-4000-8000-${gateway.identityPrincipalId.slice(-12)}`, gateway.name, {
    servicePrincipalType: 'ManagedIdentity',
    appOwnerOrganizationId: null,
  });
}

let assignmentCounter = 0;
function assignment(principalId: string, principalType: AppRoleAssignment['principalType'], principalDisplayName: string, resource: ServicePrincipal, appRoleId: string): AppRoleAssignment {
  assignmentCounter += 1;
  return {
    id: `ra${String(assignmentCounter).padStart(6, '0')}-assignment-${principalId.slice(0, 8)}`,
    principalId,
    principalType,
    principalDisplayName,
    resourceId: resource.id,
    resourceDisplayName: resource.displayName,
    appRoleId,
    createdDateTime: CREATED,
    deletedDateTime: null,
  };
}

/** The Project Synergy roles the legacy app registration requests, and its service principal holds (admin consent). */
const LEGACY_SYNERGY_ROLE_IDS = [SYNERGY_REQUIRED_ROLE_IDS[0], SYNERGY_REQUIRED_ROLE_IDS[3]];
/** The legacy app's secret expires this long after the seed, so the seeded tenant passes the 14-day check. */
const LEGACY_SECRET_LIFETIME_MS = 40 * 24 * 60 * 60 * 1000;
const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

/**
 * Microsoft's first-party apps as the seed defines them (AzureCommunicationsGateway, Project Synergy, Microsoft
 * Graph): what `POST /servicePrincipals {appId}` creates when a tenant lacks one. Undefined for any other appId.
 */
export function firstPartyServicePrincipal(appId: string): Omit<ServicePrincipal, 'id'> | undefined {
  const found = seedDirectory().directory.servicePrincipals.find((sp) => sp.appId.toLowerCase() === appId.toLowerCase() && sp.appOwnerOrganizationId === MICROSOFT_TENANT_ID);
  if (!found) return undefined;
  const { id: _id, ...template } = found;
  return template;
}

export function seedDirectory(now: number = Date.now()): Pick<EmulatorState, 'tenant' | 'directory' | 'armRoleAssignments'> {
  assignmentCounter = 0;
  const acg = servicePrincipal(ACG_PROVISIONING_SP_ID, ACG_PROVISIONING_APP_ID, 'AzureCommunicationsGateway', { appRoles: PROVISIONING_ROLES, appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' });
  const synergy = servicePrincipal(PROJECT_SYNERGY_SP_ID, PROJECT_SYNERGY_APP_ID, 'Project Synergy', { appRoles: SYNERGY_ROLES, appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' });
  const graph = servicePrincipal(MICROSOFT_GRAPH_SP_ID, MICROSOFT_GRAPH_APP_ID, 'Microsoft Graph', { appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' });
  const operator = servicePrincipal(OPERATOR_OBJECT_ID, OPERATOR_CLIENT_ID, 'acg-sandbox-operator', { graphPermissions: OPERATOR_GRAPH_PERMISSIONS });
  const reader = servicePrincipal(READER_OBJECT_ID, READER_CLIENT_ID, 'acg-sandbox-reader');
  const legacy = servicePrincipal('c0ffee00-0000-4000-8000-0000000000a3', LEGACY_APP_ID, 'acg-legacy-nmp-client');
  const identities = [GATEWAY_PRODUCTION, GATEWAY_LAB, GATEWAY_GAPS].map(managedIdentity);
  const roleId = (sp: ServicePrincipal, value: string) => sp.appRoles.find((r) => r.value === value)!.id;

  const assignments: AppRoleAssignment[] = [
    assignment(operator.id, 'ServicePrincipal', operator.displayName, acg, roleId(acg, 'ProvisioningAPI.Admin')),
    assignment(reader.id, 'ServicePrincipal', reader.displayName, acg, roleId(acg, 'ProvisioningAPI.Read')),
    assignment(DEMO_USER_ID, 'User', 'Operations Admin', acg, roleId(acg, 'ProvisioningAPI.AdminUser')),
    assignment(DEMO_USER_ID, 'User', 'Operations Admin', synergy, SYNERGY_ADMIN_ROLE_ID),
    ...identities.flatMap((mi) => {
      // The gaps gateway's identity is missing the last two of the seven roles: Data.Read and Data.Write.
      const roles = mi.id === GATEWAY_GAPS.identityPrincipalId ? SYNERGY_REQUIRED_ROLE_IDS.slice(0, 5) : SYNERGY_REQUIRED_ROLE_IDS;
      return roles.map((id) => assignment(mi.id, 'ServicePrincipal', mi.displayName, synergy, id));
    }),
    ...LEGACY_SYNERGY_ROLE_IDS.map((id) => assignment(legacy.id, 'ServicePrincipal', legacy.displayName, synergy, id)),
  ];

  const armRoleAssignments: ArmRoleAssignment[] = [SUBSCRIPTION_PRODUCTION, SUBSCRIPTION_LAB].flatMap((sub) => [
    { principalId: operator.id, scope: `/subscriptions/${sub}`, role: 'Owner' as const },
    { principalId: reader.id, scope: `/subscriptions/${sub}`, role: 'Reader' as const },
    { principalId: DEMO_USER_ID, scope: `/subscriptions/${sub}`, role: 'Owner' as const },
  ]);

  const domain = (id: string, isVerified: boolean, isInitial = false) => ({
    id,
    authenticationType: 'Managed' as const,
    isAdminManaged: true,
    isDefault: isInitial,
    isInitial,
    isRoot: true,
    isVerified,
    supportedServices: isVerified ? ['Email', 'OfficeCommunicationsOnline'] : [],
    verificationCode: `ms${id.length}${id.replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()}`,
    txtRecordPublished: isVerified,
  });

  return {
    tenant: { id: DEMO_TENANT_ID, displayName: DEMO_TENANT_NAME, defaultDomain: DEMO_TENANT_DOMAIN },
    directory: {
      applications: [
        { id: 'c0ffee00-0000-4000-8000-0000000000c1', appId: OPERATOR_CLIENT_ID, displayName: operator.displayName, identifierUris: [], appRoles: [], passwordCredentials: [credential('c1', 'sandbox', '2025-03-01T09:00:00Z', '2027-03-01T09:00:00Z')], createdDateTime: CREATED },
        { id: 'c0ffee00-0000-4000-8000-0000000000c2', appId: READER_CLIENT_ID, displayName: reader.displayName, identifierUris: [], appRoles: [], passwordCredentials: [credential('c2', 'sandbox', '2025-03-01T09:00:00Z', '2027-03-01T09:00:00Z')], createdDateTime: CREATED },
        // A pre-May-2023 app registration that requests Project Synergy roles (the legacy check looks for it). Its
        // secret outlives the 14-day warning from the seed on; core's unit tests cover expiry.
        {
          id: 'c0ffee00-0000-4000-8000-0000000000c3',
          appId: LEGACY_APP_ID,
          displayName: legacy.displayName,
          identifierUris: [],
          appRoles: [],
          passwordCredentials: [credential('c3', 'nmp-2023', '2023-02-10T09:00:00Z', new Date(now + LEGACY_SECRET_LIFETIME_MS).toISOString())],
          createdDateTime: '2023-02-10T09:00:00Z',
          requiredResourceAccess: [{ resourceAppId: PROJECT_SYNERGY_APP_ID, resourceAccess: LEGACY_SYNERGY_ROLE_IDS.map((id) => ({ id, type: 'Role' as const })) }],
        },
      ],
      servicePrincipals: [acg, synergy, graph, operator, reader, legacy, ...identities],
      appRoleAssignments: assignments,
      users: [
        {
          id: DEMO_USER_ID,
          displayName: 'Operations Admin',
          userPrincipalName: DEMO_USER_UPN,
          mail: DEMO_USER_UPN,
          givenName: 'Operations',
          surname: 'Admin',
          jobTitle: 'Voice platform administrator',
          graphScopes: ['User.Read', 'Application.Read.All', 'Directory.Read.All', 'AppRoleAssignment.ReadWrite.All', 'Domain.ReadWrite.All'],
        },
      ],
      domains: [
        domain(DEMO_TENANT_DOMAIN, true, true),
        domain(demoGatewayDomain(GATEWAY_PRODUCTION), true),
        domain(demoGatewayDomain(GATEWAY_LAB), true),
        domain(demoGatewayDomain(GATEWAY_GAPS), false),
      ],
      clientSecrets: [
        { clientId: OPERATOR_CLIENT_ID, secret: OPERATOR_CLIENT_SECRET },
        { clientId: READER_CLIENT_ID, secret: READER_CLIENT_SECRET },
      ],
    },
    armRoleAssignments,
  };
}

function credential(suffix: string, hint: string, start: string, end: string) {
  return {
    keyId: `c0ffee00-0000-4000-8000-0000000000${suffix}`.slice(0, 36),
    displayName: `${hint} secret`,
    hint: hint.slice(0, 3),
    startDateTime: start,
    endDateTime: end,
    secretText: null,
    customKeyIdentifier: null,
  };
}
