// Project Synergy (connect-operator-connect.md steps 1, 2 and 4): its service principal in the tenant, the Admin role
// for the person setting up, and the seven roles for the gateway's managed identity.
import { PROJECT_SYNERGY_APP_ID, SYNERGY_ADMIN_ROLE_VALUE, SYNERGY_REQUIRED_ROLES } from '../roles';
import { SOURCES } from '../sources';
import type { ServicePrincipalInfo } from '../types';
import { defineCheck, dependsOn, plural } from './define';

const SP_CHECK = 'synergy.service-principal';

function spEvidence(sp: ServicePrincipalInfo) {
  return [
    { label: 'Service principal', value: { id: sp.id, appId: sp.appId, displayName: sp.displayName ?? null } },
    { label: 'App roles', value: (sp.appRoles ?? []).map((r) => r.value ?? r.id) },
  ];
}

export const synergyServicePrincipalCheck = defineCheck({
  id: SP_CHECK,
  title: 'Project Synergy is in the tenant',
  stage: 'entra',
  why: 'Operator Connect and Teams Phone Mobile take their permissions and identities from your tenant through the Project Synergy enterprise application.',
  source: SOURCES.connectOperatorConnect,
  reads: ['synergy'],
  evaluate({ synergy }) {
    if (synergy) return { status: 'pass', summary: `Project Synergy's service principal is present (${synergy.id}).`, evidence: spEvidence(synergy) };
    return {
      status: 'fail',
      summary: `The tenant has no service principal for Project Synergy (appId ${PROJECT_SYNERGY_APP_ID}).`,
      evidence: [{ label: 'appId', value: PROJECT_SYNERGY_APP_ID, copy: true }],
      fix: {
        title: 'Add Project Synergy',
        description: "Creates the service principal of Microsoft's Project Synergy app in this tenant, as the guide's New-AzureADServicePrincipal does; it changes nothing else.",
        writes: [{ service: 'graph', method: 'POST', path: '/servicePrincipals', body: { appId: PROJECT_SYNERGY_APP_ID }, description: `Create the service principal of Project Synergy (appId ${PROJECT_SYNERGY_APP_ID})` }],
      },
    };
  },
});

export const synergyAdminRoleCheck = defineCheck({
  id: 'synergy.admin-role',
  title: 'You hold the Project Synergy Admin role',
  stage: 'entra',
  why: 'The person who sets up Azure Communications Gateway needs the Admin role on Project Synergy to configure Operator Connect and Teams Phone Mobile.',
  source: SOURCES.connectOperatorConnect,
  reads: ['me', 'synergy', 'myAssignments'],
  evaluate({ me, synergy, myAssignments }) {
    if (me === undefined) return { status: 'skipped', summary: 'Signed in as an application: the Admin role is for the person who sets up the gateway.', evidence: [] };
    const who = me.userPrincipalName ?? me.displayName ?? me.id;
    if (!synergy) return dependsOn('fail', SP_CHECK, 'Project Synergy is not in the tenant, so nobody can hold its Admin role.');
    const admin = (synergy.appRoles ?? []).find((r) => r.value === SYNERGY_ADMIN_ROLE_VALUE);
    const evidence = [{ label: 'Signed in as', value: who }];
    if (!admin) return { status: 'fail', summary: "Project Synergy's app roles have no Admin role.", evidence: [...evidence, ...spEvidence(synergy)] };
    const held = myAssignments.some((a) => a.appRoleId === admin.id && a.resourceId === synergy.id);
    const roleEvidence = [...evidence, { label: 'Admin role id', value: admin.id }];
    if (held) return { status: 'pass', summary: `${who} holds the Admin role on Project Synergy.`, evidence: roleEvidence };
    return {
      status: 'fail',
      summary: `${who} does not hold the Admin role on Project Synergy.`,
      evidence: roleEvidence,
      fix: {
        title: 'Assign me the Admin role',
        description: 'Assigns the Project Synergy Admin role to the signed-in user, as the guide does in the Enterprise applications blade.',
        writes: [
          {
            service: 'graph',
            method: 'POST',
            path: `/users/${me.id}/appRoleAssignments`,
            body: { principalId: me.id, resourceId: synergy.id, appRoleId: admin.id },
            description: `Assign Project Synergy's Admin role (${admin.id}) to ${who}`,
          },
        ],
        recheckWithBackoff: true,
      },
    };
  },
});

export const identitySynergyRolesCheck = defineCheck({
  id: 'identity.synergy-roles',
  title: "The gateway's managed identity holds the seven Project Synergy roles",
  stage: 'entra',
  why: "Azure Communications Gateway calls the Operator Connect API as its system-assigned managed identity, which needs all seven of Project Synergy's roles.",
  source: SOURCES.connectOperatorConnect,
  reads: ['gateway', 'identity', 'synergy'],
  evaluate({ gateway, identity, synergy }) {
    const principalId = identity.principalId;
    if (principalId === undefined) {
      return { status: 'fail', summary: 'The gateway has no system-assigned managed identity: turn on the system-assigned managed identity of the gateway.', evidence: [] };
    }
    if (!synergy) return dependsOn('fail', SP_CHECK, 'Project Synergy is not in the tenant, so its roles cannot be assigned.');
    const heldIds = new Set(identity.synergyAssignments.filter((a) => a.resourceId === synergy.id && a.principalId === principalId).map((a) => a.appRoleId));
    const missing = SYNERGY_REQUIRED_ROLES.filter((r) => !heldIds.has(r.id));
    const held = SYNERGY_REQUIRED_ROLES.filter((r) => heldIds.has(r.id));
    const evidence = [
      { label: 'Managed identity (object id)', value: principalId },
      { label: 'Missing roles', value: missing.map((r) => ({ name: r.name, id: r.id })) },
      { label: 'Held roles', value: held.map((r) => ({ name: r.name, id: r.id })) },
    ];
    const total = SYNERGY_REQUIRED_ROLES.length;
    if (missing.length === 0) return { status: 'pass', summary: `The managed identity holds all ${total} Project Synergy roles.`, evidence };
    const gatewayName = gateway.name ?? 'the gateway';
    return {
      status: 'fail',
      summary: `${missing.length} of ${total} Project Synergy roles are missing: ${missing.map((r) => r.name).join(', ')}.`,
      evidence,
      fix: {
        title: `Assign the ${plural(missing.length, 'missing role')}`,
        description: `Assigns exactly the missing Project Synergy roles to ${gatewayName}'s managed identity, as the guide's PowerShell loop does; roles it already holds are left alone.`,
        writes: missing.map((role) => ({
          service: 'graph' as const,
          method: 'POST' as const,
          path: `/servicePrincipals/${principalId}/appRoleAssignments`,
          body: { principalId, resourceId: synergy.id, appRoleId: role.id },
          description: `Assign ${role.name} (${role.id}) to ${gatewayName}'s managed identity`,
        })),
        recheckWithBackoff: true,
      },
    };
  },
});
