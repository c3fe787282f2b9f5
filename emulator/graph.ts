// Microsoft Graph v1.0, the slice the onboarding checks and fixes use: service principals and app role assignments,
// the signed-in user, domains, applications and JSON batching. Served under `/graph`; paths here start at `/v1.0`.
// Graph matches path segments case-insensitively, so the router does too.
import type { ServiceContext } from './context';
import { Router, type EmulatorResponse, type HttpMethod, type RequestContext } from './http';
import { addPassword, getApplication, getApplicationByAppId, listApplications } from './graph/applications';
import { createAssignment, createUserAssignment, deleteAssignment, listAssignments, listMyAssignments } from './graph/appRoleAssignments';
import { rememberGraphRouter } from './graph/auth';
import { runBatch } from './graph/batch';
import { createDomain, getDomain, listDomains, listVerificationDnsRecords, verifyDomain } from './graph/domains';
import { createServicePrincipal, getServicePrincipal, getServicePrincipalByAppId, listServicePrincipals } from './graph/servicePrincipals';
import { getMe, getUser } from './graph/users';

export { authenticateGraph, GRAPH_PERMISSIONS } from './graph/auth';

const V1 = '/v1.0';
const SP = `${V1}/servicePrincipals/{id}`;

type GraphHandler = (ctx: ServiceContext, req: RequestContext) => EmulatorResponse | Promise<EmulatorResponse>;

export function registerGraph(ctx: ServiceContext): Router {
  const router = new Router(true);
  const add = (method: HttpMethod, pattern: string, operationId: string, handler: GraphHandler) =>
    router.add(method, pattern, operationId, (req) => handler(ctx, req));

  add('GET', `${V1}/servicePrincipals`, 'graph.servicePrincipals.list', listServicePrincipals);
  add('POST', `${V1}/servicePrincipals`, 'graph.servicePrincipals.create', createServicePrincipal);
  add('GET', `${V1}/servicePrincipals(appId='{appId}')`, 'graph.servicePrincipals.getByAppId', getServicePrincipalByAppId);
  add('GET', SP, 'graph.servicePrincipals.get', getServicePrincipal);
  add('GET', `${SP}/appRoleAssignments`, 'graph.servicePrincipals.appRoleAssignments.list', (c, r) => listAssignments(c, r, 'principal'));
  add('POST', `${SP}/appRoleAssignments`, 'graph.servicePrincipals.appRoleAssignments.create', (c, r) => createAssignment(c, r, 'principal'));
  add('DELETE', `${SP}/appRoleAssignments/{assignmentId}`, 'graph.servicePrincipals.appRoleAssignments.delete', (c, r) => deleteAssignment(c, r, 'principal'));
  add('GET', `${SP}/appRoleAssignedTo`, 'graph.servicePrincipals.appRoleAssignedTo.list', (c, r) => listAssignments(c, r, 'resource'));
  add('POST', `${SP}/appRoleAssignedTo`, 'graph.servicePrincipals.appRoleAssignedTo.create', (c, r) => createAssignment(c, r, 'resource'));
  add('DELETE', `${SP}/appRoleAssignedTo/{assignmentId}`, 'graph.servicePrincipals.appRoleAssignedTo.delete', (c, r) => deleteAssignment(c, r, 'resource'));

  add('GET', `${V1}/me`, 'graph.me.get', getMe);
  add('GET', `${V1}/me/appRoleAssignments`, 'graph.me.appRoleAssignments.list', listMyAssignments);
  add('GET', `${V1}/users/{id}`, 'graph.users.get', getUser);
  add('POST', `${V1}/users/{id}/appRoleAssignments`, 'graph.users.appRoleAssignments.create', createUserAssignment);

  add('GET', `${V1}/domains`, 'graph.domains.list', listDomains);
  add('POST', `${V1}/domains`, 'graph.domains.create', createDomain);
  add('GET', `${V1}/domains/{domainId}`, 'graph.domains.get', getDomain);
  add('POST', `${V1}/domains/{domainId}/verify`, 'graph.domains.verify', verifyDomain);
  add('GET', `${V1}/domains/{domainId}/verificationDnsRecords`, 'graph.domains.verificationDnsRecords.list', listVerificationDnsRecords);

  add('GET', `${V1}/applications`, 'graph.applications.list', listApplications);
  add('GET', `${V1}/applications(appId='{appId}')`, 'graph.applications.getByAppId', getApplicationByAppId);
  add('GET', `${V1}/applications/{id}`, 'graph.applications.get', getApplication);
  add('POST', `${V1}/applications/{id}/addPassword`, 'graph.applications.addPassword', addPassword);

  add('POST', `${V1}/$batch`, 'graph.batch', (c, r) => runBatch(c, router, r));

  rememberGraphRouter(ctx, router);
  return router;
}
