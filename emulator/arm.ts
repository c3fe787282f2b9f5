// Azure Resource Manager: Microsoft.Resources subscriptions and the Microsoft.VoiceServices provider (2023-09-01),
// registered under the spec's operationIds. ARM matches paths case-insensitively, so the router does too.
import type { ServiceContext } from './context';
import { Router, noContent, type HttpMethod, type RequestContext, type EmulatorResponse } from './http';
import { rememberArmRouter } from './arm/auth';
import { RESOURCES_API_VERSIONS, SUBSCRIPTIONS_API_VERSIONS, VOICE_SERVICES_API_VERSIONS, withApiVersion } from './arm/common';
import { getResourceGroup, listResourceGroups, listResourcesByResourceGroup, listResourcesBySubscription } from './arm/genericResources';
import { getVoiceServicesProvider, listLocations } from './arm/providerAndLocations';
import { deleteGateway, getGateway, listByResourceGroup, listBySubscription, patchGateway, putGateway } from './arm/gateways';
import { checkNameAvailability } from './arm/nameAvailability';
import { getOperationResult, getOperationStatus, operationsOf } from './arm/operations';
import { getSubscription, listProviderOperations, listSubscriptions, listTenants } from './arm/subscriptions';
import { deleteTestLine, getTestLine, listTestLines, patchTestLine, putTestLine } from './arm/testLines';

export { authenticateArm, ARM_ACTIONS } from './arm/auth';

const SUB = '/subscriptions/{subscriptionId}';
const PROVIDER_PATH = `${SUB}/providers/Microsoft.VoiceServices`;
const LOCATION = `${PROVIDER_PATH}/locations/{location}`;
const GATEWAYS_IN_RG = `${SUB}/resourceGroups/{resourceGroupName}/providers/Microsoft.VoiceServices/communicationsGateways`;
const GATEWAY = `${GATEWAYS_IN_RG}/{communicationsGatewayName}`;
const TEST_LINE = `${GATEWAY}/testLines/{testLineName}`;
const RESOURCE_GROUP = `${SUB}/resourcegroups/{resourceGroupName}`;

type ArmHandler = (ctx: ServiceContext, req: RequestContext) => EmulatorResponse;

export function registerArm(ctx: ServiceContext): Router {
  const router = new Router(true);
  const add = (method: HttpMethod, pattern: string, operationId: string, versions: readonly string[], handler: ArmHandler) =>
    router.add(
      method,
      pattern,
      operationId,
      withApiVersion(versions, (req) => {
        // Finishing due operations first means every answer reflects the time of the request, timer or not.
        operationsOf(ctx).settle();
        return handler(ctx, req);
      }),
    );
  const vs = VOICE_SERVICES_API_VERSIONS;

  add('GET', '/tenants', 'Tenants_List', SUBSCRIPTIONS_API_VERSIONS, listTenants);
  add('GET', '/subscriptions', 'Subscriptions_List', SUBSCRIPTIONS_API_VERSIONS, listSubscriptions);
  add('GET', SUB, 'Subscriptions_Get', SUBSCRIPTIONS_API_VERSIONS, getSubscription);
  add('GET', '/providers/Microsoft.VoiceServices/operations', 'Operations_List', vs, listProviderOperations);

  add('GET', `${PROVIDER_PATH}/communicationsGateways`, 'CommunicationsGateways_ListBySubscription', vs, listBySubscription);
  add('POST', `${LOCATION}/checkNameAvailability`, 'NameAvailability_CheckLocal', vs, checkNameAvailability);
  add('GET', `${LOCATION}/operationStatuses/{operationId}`, 'OperationStatuses_Get', vs, getOperationStatus);
  add('GET', `${LOCATION}/operationResults/{operationId}`, 'OperationResults_Get', vs, getOperationResult);

  add('GET', GATEWAYS_IN_RG, 'CommunicationsGateways_ListByResourceGroup', vs, listByResourceGroup);
  add('GET', GATEWAY, 'CommunicationsGateways_Get', vs, getGateway);
  add('PUT', GATEWAY, 'CommunicationsGateways_CreateOrUpdate', vs, putGateway);
  add('PATCH', GATEWAY, 'CommunicationsGateways_Update', vs, patchGateway);
  add('DELETE', GATEWAY, 'CommunicationsGateways_Delete', vs, deleteGateway);

  // Microsoft.Resources around the gateways, as az and the SDKs call them (the router ignores case, as ARM does).
  const rs = RESOURCES_API_VERSIONS;
  add('GET', `${SUB}/resourcegroups`, 'ResourceGroups_List', rs, listResourceGroups);
  add('GET', RESOURCE_GROUP, 'ResourceGroups_Get', rs, getResourceGroup);
  add('HEAD', RESOURCE_GROUP, 'ResourceGroups_CheckExistence', rs, existence(getResourceGroup));
  add('GET', `${RESOURCE_GROUP}/resources`, 'Resources_ListByResourceGroup', rs, listResourcesByResourceGroup);
  add('GET', `${SUB}/resources`, 'Resources_List', rs, listResourcesBySubscription);
  add('GET', PROVIDER_PATH, 'Providers_Get', rs, getVoiceServicesProvider);
  add('GET', `${SUB}/locations`, 'Subscriptions_ListLocations', SUBSCRIPTIONS_API_VERSIONS, listLocations);
  // HEAD on a resource (resources.checkExistenceById): ARM answers 204 when a GET would find it, 404 when not.
  add('HEAD', GATEWAY, 'Resources_CheckExistenceById', vs, existence(getGateway));
  add('HEAD', TEST_LINE, 'Resources_CheckExistenceById', vs, existence(getTestLine));

  add('GET', `${GATEWAY}/testLines`, 'TestLines_ListByCommunicationsGateway', vs, listTestLines);
  add('GET', TEST_LINE, 'TestLines_Get', vs, getTestLine);
  add('PUT', TEST_LINE, 'TestLines_CreateOrUpdate', vs, putTestLine);
  add('PATCH', TEST_LINE, 'TestLines_Update', vs, patchTestLine);
  add('DELETE', TEST_LINE, 'TestLines_Delete', vs, deleteTestLine);

  rememberArmRouter(ctx, router);
  return router;
}

/** HEAD from the GET handler: 204 for what exists; any other answer keeps its status (the server drops the body). */
function existence(get: ArmHandler): ArmHandler {
  return (ctx, req) => {
    const found = get(ctx, req);
    return found.status === 200 ? noContent(204) : found;
  };
}
