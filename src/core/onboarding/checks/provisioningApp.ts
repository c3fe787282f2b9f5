// The AzureCommunicationsGateway enterprise app (provision-user-roles.md): present in the tenant, and the people who
// manage numbers hold one of its ProvisioningAPI.*User roles.
import { PROVISIONING_APP_ID, PROVISIONING_USER_ROLES } from '../roles';
import { SOURCES } from '../sources';
import { defineCheck, dependsOn } from './define';

const PRESENT_CHECK = 'acg-app.present';

export const provisioningAppPresentCheck = defineCheck({
  id: PRESENT_CHECK,
  title: 'The AzureCommunicationsGateway app is in the tenant',
  stage: 'entra',
  why: "The Provisioning API and the Number Management Portal accept people and clients through the roles of the AzureCommunicationsGateway enterprise application.",
  source: SOURCES.userRoles,
  reads: ['provisioningApp'],
  evaluate({ provisioningApp }) {
    if (provisioningApp) {
      return {
        status: 'pass',
        summary: `AzureCommunicationsGateway's service principal is present (${provisioningApp.id}).`,
        evidence: [{ label: 'Service principal', value: { id: provisioningApp.id, appId: provisioningApp.appId, displayName: provisioningApp.displayName ?? null } }],
      };
    }
    return {
      status: 'fail',
      summary: `The tenant has no service principal for AzureCommunicationsGateway (appId ${PROVISIONING_APP_ID}).`,
      evidence: [{ label: 'appId', value: PROVISIONING_APP_ID, copy: true }],
      fix: {
        title: 'Add AzureCommunicationsGateway',
        description: "Creates the service principal of Microsoft's AzureCommunicationsGateway app in this tenant; it changes nothing else.",
        writes: [{ service: 'graph', method: 'POST', path: '/servicePrincipals', body: { appId: PROVISIONING_APP_ID }, description: `Create the service principal of AzureCommunicationsGateway (appId ${PROVISIONING_APP_ID})` }],
      },
    };
  },
});

export const provisioningUserRolesCheck = defineCheck({
  id: 'acg-app.user-roles',
  title: 'People who manage numbers hold a ProvisioningAPI user role',
  stage: 'entra',
  why: 'Using the Number Management Portal needs ProvisioningAPI.ReadUser, .WriteUser, .DeleteUser or .AdminUser on the AzureCommunicationsGateway app.',
  source: SOURCES.userRoles,
  reads: ['provisioningApp', 'provisioningAssignedTo'],
  evaluate({ provisioningApp, provisioningAssignedTo }) {
    if (!provisioningApp) return dependsOn('fail', PRESENT_CHECK, 'AzureCommunicationsGateway is not in the tenant, so nobody holds its roles.');
    const userRoles = PROVISIONING_USER_ROLES.flatMap((value) => {
      const role = (provisioningApp.appRoles ?? []).find((r) => r.value === value);
      return role ? [{ value, id: role.id }] : [];
    });
    if (userRoles.length === 0) {
      return { status: 'fail', summary: `AzureCommunicationsGateway's app roles include none of ${PROVISIONING_USER_ROLES.join(', ')}.`, evidence: [{ label: 'App roles', value: (provisioningApp.appRoles ?? []).map((r) => r.value ?? r.id) }] };
    }
    const roleName = new Map(userRoles.map((r) => [r.id, r.value]));
    const holders = provisioningAssignedTo
      .filter((a) => (a.principalType === 'User' || a.principalType === 'Group') && roleName.has(a.appRoleId))
      .map((a) => ({ principal: a.principalDisplayName ?? a.principalId, principalId: a.principalId, type: a.principalType ?? null, role: roleName.get(a.appRoleId) ?? a.appRoleId }));
    const evidence = [{ label: 'Holders', value: holders }];
    if (holders.length > 0) {
      const names = [...new Set(holders.map((h) => h.principal))];
      return { status: 'pass', summary: `${names.join(', ')} ${names.length === 1 ? 'holds' : 'hold'} a ProvisioningAPI user role.`, evidence };
    }
    return {
      status: 'fail',
      summary: 'No user or group holds a ProvisioningAPI user role, so nobody can manage numbers in the Number Management Portal.',
      evidence,
      fix: {
        title: 'Assign a role',
        description: 'Assigns the chosen ProvisioningAPI user role on AzureCommunicationsGateway to the chosen user or group; nothing else changes.',
        inputs: [
          { id: 'role', kind: 'choice', label: 'Role', options: userRoles.map((r) => ({ value: r.id, label: r.value })) },
          { id: 'principal', kind: 'principal', label: 'User or group (object id or user principal name)' },
        ],
        writes: [
          {
            service: 'graph',
            method: 'POST',
            path: `/servicePrincipals/${provisioningApp.id}/appRoleAssignedTo`,
            body: { principalId: '{{input:principal}}', resourceId: provisioningApp.id, appRoleId: '{{input:role}}' },
            description: 'Assign the chosen ProvisioningAPI user role on AzureCommunicationsGateway to the chosen user or group',
          },
        ],
        recheckWithBackoff: true,
      },
    };
  },
});
