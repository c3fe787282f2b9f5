// The ACG Provisioning API (2024-02-29-preview), one instance per gateway at /provapi/<gateway domain>/…
// Routes carry the spec's operationIds; the handlers live in emulator/provisioning/.
import { PROVISIONING_API_VERSION } from '../src/core/models';
import type { ServiceContext } from './context';
import { coreError } from './errors';
import { Router, header, type EmulatorResponse, type Handler, type RequestContext } from './http';
import { deleteAccount, getAccount, listAccounts, putAccount } from './provisioning/accounts';
import { refuseOutsideAllowlist } from './provisioning/allowlist';
import { accessFor, checkProvisioningRoles } from './provisioning/auth';
import type { ProvisioningEnv } from './provisioning/env';
import {
  createOrUpdateNumbers,
  deleteNumber,
  deleteNumbers,
  getNumber,
  listAccountNumbers,
  listGatewayNumbers,
  putNumber,
} from './provisioning/numbers';
import { withRepeatability } from './provisioning/repeatability';
import { getRequestForInformation, listRequestsForInformation, patchRequestForInformation } from './provisioning/requestsForInformation';
import { getOwn, type ProvisioningData } from './provisioning/store';
import { getCivicAddress, getTeamsAvailableCapabilities, getTeamsCapabilityPlans, listCivicAddresses } from './provisioning/teams';

export { checkProvisioningRoles, accessFor } from './provisioning/auth';
export type { ProvisioningData } from './provisioning/store';

/** The AzureCommunicationsGateway enterprise app; tokens for the API are issued to it (API.md §2). */
export const ACG_PROVISIONING_AUDIENCES = ['8502a0ec-c76d-412f-836c-398018e2312b', 'api://8502a0ec-c76d-412f-836c-398018e2312b'];

type ProvisioningHandler = (env: ProvisioningEnv, req: RequestContext) => EmulatorResponse;

export function registerProvisioning(ctx: ServiceContext): Router {
  const envOf = (req: RequestContext): ProvisioningEnv | undefined => {
    const domain = req.scope.domain ?? '';
    const data = dataFor(ctx, domain);
    return data ? { ctx, data, domain, clock: { now: ctx.now(), syncDelayMs: ctx.config.syncDelayMs } } : undefined;
  };
  const read =
    (handler: ProvisioningHandler): Handler =>
    (req) => {
      const env = envOf(req);
      return env ? handler(env, req) : unknownGateway(req.scope.domain ?? '');
    };
  // Writes (and the POST actions, whose contract lists the repeatability headers too) go through repeatability.
  const write =
    (handler: ProvisioningHandler): Handler =>
    (req) => {
      const env = envOf(req);
      return env ? withRepeatability(req, env.data, env.clock.now, () => handler(env, req)) : unknownGateway(req.scope.domain ?? '');
    };

  return new Router()
    .add('GET', '/accounts', 'Accounts_List', read(listAccounts))
    .add('GET', '/accounts/{accountName}', 'Accounts_Get', read(getAccount))
    .add('PUT', '/accounts/{accountName}', 'Accounts_CreateOrReplace', write(putAccount))
    .add('DELETE', '/accounts/{accountName}', 'Accounts_Delete', write(deleteAccount))
    .add('POST', '/accounts/{accountName}:createOrUpdateNumbers', 'Accounts_CreateOrUpdateNumbers', write(createOrUpdateNumbers))
    .add('POST', '/accounts/{accountName}:deleteNumbers', 'Accounts_DeleteNumbers', write(deleteNumbers))
    .add('POST', '/accounts/{accountName}:getTeamsCapabilityPlans', 'Accounts_GetTeamsCapabilityPlans', write(getTeamsCapabilityPlans))
    .add('POST', '/accounts/{accountName}:getTeamsAvailableCapabilities', 'Accounts_GetTeamsAvailableCapabilities', write(getTeamsAvailableCapabilities))
    .add('GET', '/accounts/{accountName}/numbers', 'Accounts_ListNumbers', read(listAccountNumbers))
    .add('GET', '/accounts/{accountName}/numbers/{telephoneNumber}', 'Accounts_GetNumber', read(getNumber))
    .add('PUT', '/accounts/{accountName}/numbers/{telephoneNumber}', 'Accounts_CreateOrReplaceNumber', write(putNumber))
    .add('DELETE', '/accounts/{accountName}/numbers/{telephoneNumber}', 'Accounts_DeleteNumber', write(deleteNumber))
    .add('GET', '/accounts/{accountName}/teamsCivicAddresses', 'Accounts_ListTeamsCivicAddresses', read(listCivicAddresses))
    .add('GET', '/accounts/{accountName}/teamsCivicAddresses/{civicAddressId}', 'Accounts_GetTeamsCivicAddress', read(getCivicAddress))
    .add('GET', '/numbers', 'ListNumbers', read(listGatewayNumbers))
    .add('GET', '/teamsRequestsForInformation', 'TeamsRequestsForInformation_List', read(listRequestsForInformation))
    .add('GET', '/teamsRequestsForInformation/{tenantId}', 'TeamsRequestsForInformation_GetRequestForInformation', read(getRequestForInformation))
    .add(
      'PATCH',
      '/teamsRequestsForInformation/{tenantId}',
      'TeamsRequestsForInformation_CreateOrUpdateRequestForInformation',
      write(patchRequestForInformation),
    );
}

function dataFor(ctx: ServiceContext, domain: string): ProvisioningData | undefined {
  return getOwn(ctx.state.provisioning, domain);
}

function unknownGateway(domain: string): EmulatorResponse {
  return coreError(404, 'NotFound', `No Communications Gateway with domain '${domain}' serves a Provisioning API here.`);
}

/**
 * Runs before every Provisioning API operation, in the order a caller meets the checks: the gateway exists, the
 * caller's address is in its allowlist, the api-version is supported, the bearer token is valid, the gateway's rate limit has room (a batch is one request),
 * and the token's roles allow the operation.
 */
export async function authenticateProvisioning(ctx: ServiceContext, req: RequestContext): Promise<EmulatorResponse | undefined> {
  const domain = req.scope.domain ?? '';
  if (!dataFor(ctx, domain)) return unknownGateway(domain);
  const outside = refuseOutsideAllowlist(ctx, req, domain);
  if (outside) return outside;

  const apiVersion = req.query.get('api-version');
  if (apiVersion === null || apiVersion === '') {
    return coreError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  if (apiVersion !== PROVISIONING_API_VERSION) {
    return coreError(400, 'UnsupportedApiVersionValue', `Unsupported api-version '${apiVersion}'. The supported api-versions are '${PROVISIONING_API_VERSION}'.`);
  }

  const verified = await ctx.tokens.verify(header(req, 'authorization'), ACG_PROVISIONING_AUDIENCES);
  if (!verified.ok) {
    const response = coreError(401, 'Unauthorized', verified.message);
    const challenge = verified.reason === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${verified.message.replace(/"/g, "'")}"`;
    return { ...response, headers: { ...response.headers, 'WWW-Authenticate': challenge } };
  }
  req.claims = verified.claims;

  const retryAfter = ctx.limiter.take(domain, ctx.now());
  if (retryAfter !== undefined) {
    const response = coreError(429, 'TooManyRequests', `The Provisioning API allows ${ctx.limiter.settings.requestsPerWindow} requests per ${Math.round(ctx.limiter.settings.windowMs / 1000)} s per gateway. Retry after ${retryAfter} s.`);
    return { ...response, headers: { ...response.headers, 'Retry-After': String(retryAfter) } };
  }

  const roles = checkProvisioningRoles(verified.claims, accessFor(req.method, req.path));
  if (!roles.ok) return coreError(403, 'Forbidden', roles.message);
  return undefined;
}
