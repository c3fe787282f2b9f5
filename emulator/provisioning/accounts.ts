// Accounts: list, get, create or replace, delete. An account's numberCount per service and the Direct Routing
// subdomainStatus are computed on every read.
import type { AccountResource, AccountServiceDetails, SyncedServiceDetails, TeamsDirectRoutingAccountDetails } from '../../src/core/models';
import { validateAccount } from '../../src/core/rules';
import { coreError } from '../errors';
import { isRecord, json, noContent, type EmulatorResponse, type RequestContext } from '../http';
import { checkReadConditions, checkWriteConditions } from './conditional';
import type { ProvisioningEnv } from './env';
import { matchesFilter } from './filter';
import { ACCOUNT_FILTER_FIELDS } from './lists';
import { removeAllNumbers, serviceCounts, totalNumbers } from './numberStore';
import { booleanParam, pageOfArray, parseListParams } from './paging';
import { deleteOwn, getOwn, nextEtag, setOwn, type StoredAccount } from './store';
import { freshSync, statusFields, statusOf } from './sync';
import { badRequest, validationResponse } from './validation';

export function accountNotFound(name: string): EmulatorResponse {
  return coreError(404, 'NotFound', `Account '${name}' does not exist on this Communications Gateway.`, { target: 'accountName' });
}

export function accountView(env: ProvisioningEnv, stored: StoredAccount): AccountResource {
  const resource = structuredClone(stored.resource);
  const details = resource.serviceDetails;
  if (details) {
    const counts = serviceCounts(env.data, resource.name);
    const withCount = <T extends object>(d: T, numberCount: number): T => ({ ...d, numberCount });
    if (details.teamsOperatorConnect) details.teamsOperatorConnect = withCount(details.teamsOperatorConnect, counts.teamsOperatorConnect);
    if (details.teamsPhoneMobile) details.teamsPhoneMobile = withCount(details.teamsPhoneMobile, counts.teamsPhoneMobile);
    if (details.zoomPhoneCloudPeering) details.zoomPhoneCloudPeering = withCount(details.zoomPhoneCloudPeering, counts.zoomPhoneCloudPeering);
    if (details.azureOperatorCallProtection) {
      details.azureOperatorCallProtection = withCount(details.azureOperatorCallProtection, counts.azureOperatorCallProtection);
    }
    if (details.teamsDirectRouting) {
      // The gateway provisions the Direct Routing DNS records once the account has synced.
      const provisioned = details.teamsDirectRouting.configuration !== undefined && statusOf(stored.sync, env.clock) === 'synced';
      details.teamsDirectRouting = {
        ...withCount(details.teamsDirectRouting, counts.teamsDirectRouting),
        subdomainStatus: provisioned ? 'provisioned' : 'notProvisioned',
      };
    }
  }
  return { ...resource, ...statusFields(stored.sync, env.clock) };
}

export function listAccounts(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const params = parseListParams(req, ACCOUNT_FILTER_FIELDS);
  if (!params.ok) return params.response;
  const items = Object.keys(env.data.accounts)
    .sort()
    .map((name) => accountView(env, env.data.accounts[name]))
    .filter((item) => matchesFilter(item, params.value.filter, ACCOUNT_FILTER_FIELDS));
  return pageOfArray(req, params.value, items);
}

export function getAccount(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const stored = getOwn(env.data.accounts, req.params.accountName);
  if (!stored) return accountNotFound(req.params.accountName);
  return checkReadConditions(req, stored.etag) ?? json(200, accountView(env, stored), { ETag: stored.etag });
}

export function putAccount(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const name = req.params.accountName;
  const body = req.body;
  if (!isRecord(body)) return badRequest('The body must be a JSON account object.');
  // The spec makes name a required body property, so it is not filled in from the URL.
  const invalid = validationResponse(validateAccount(body));
  if (invalid) return invalid;
  if (body.name !== name) {
    return badRequest(`The body names account '${String(body.name)}' but the URL names '${name}': they must match.`, 'name');
  }

  const existing = getOwn(env.data.accounts, name);
  const failed = checkWriteConditions(req, existing?.etag);
  if (failed) return failed;
  const resource = writableAccount(body);
  if (existing) {
    const conflict = tenantChangeConflict(env, existing, resource);
    if (conflict) return conflict;
  }
  const stored: StoredAccount = { resource, etag: nextEtag(env.data), sync: freshSync(env.clock.now) };
  setOwn(env.data.accounts, name, stored);
  env.ctx.persist();
  return json(existing ? 200 : 201, accountView(env, stored), { ETag: stored.etag });
}

/** teamsTenantId is fixed while the account has Operator Connect or Teams Phone Mobile numbers (tsp). */
function tenantChangeConflict(env: ProvisioningEnv, existing: StoredAccount, next: AccountResource): EmulatorResponse | undefined {
  const before = existing.resource.serviceDetails?.teamsTenantId;
  const after = next.serviceDetails?.teamsTenantId;
  if ((before ?? '').toLowerCase() === (after ?? '').toLowerCase()) return undefined;
  const counts = serviceCounts(env.data, next.name);
  const teamsNumbers = counts.teamsOperatorConnect + counts.teamsPhoneMobile;
  if (teamsNumbers === 0) return undefined;
  return coreError(
    409,
    'Conflict',
    `teamsTenantId can only change while the account has no Operator Connect or Teams Phone Mobile numbers; ` +
      `account '${next.name}' has ${teamsNumbers} (it is ${before ?? 'unset'}, the request sets ${after ?? 'nothing'}). Delete or move those numbers first.`,
    { target: 'serviceDetails.teamsTenantId' },
  );
}

/** The writable part of a validated account body; read-only fields (numberCount, subdomainStatus, …) are dropped. */
function writableAccount(body: Record<string, unknown>): AccountResource {
  const resource: AccountResource = { name: String(body.name) };
  if (typeof body.correlationId === 'string') resource.correlationId = body.correlationId;
  const details = body.serviceDetails;
  if (isRecord(details)) {
    const out: AccountServiceDetails = {};
    if (typeof details.teamsTenantId === 'string') out.teamsTenantId = details.teamsTenantId;
    const synced = (value: unknown): SyncedServiceDetails | undefined =>
      isRecord(value) ? { enabled: value.enabled === true, syncEnabled: value.syncEnabled === true } : undefined;
    const oc = synced(details.teamsOperatorConnect);
    if (oc) out.teamsOperatorConnect = oc;
    const dr = details.teamsDirectRouting;
    if (isRecord(dr)) {
      const routing: TeamsDirectRoutingAccountDetails = { enabled: dr.enabled === true, syncEnabled: dr.syncEnabled === true, subdomainStatus: 'notProvisioned' };
      const config = dr.configuration;
      if (isRecord(config) && isRecord(config.subdomainTokens)) {
        routing.configuration = {
          callScreening: config.callScreening === true,
          subdomain: String(config.subdomain),
          subdomainTokens: { region1Token: String(config.subdomainTokens.region1Token), region2Token: String(config.subdomainTokens.region2Token) },
        };
      }
      out.teamsDirectRouting = routing;
    }
    const tpm = synced(details.teamsPhoneMobile);
    if (tpm) out.teamsPhoneMobile = tpm;
    const zoom = synced(details.zoomPhoneCloudPeering);
    if (zoom) out.zoomPhoneCloudPeering = zoom;
    const protection = details.azureOperatorCallProtection;
    if (isRecord(protection)) out.azureOperatorCallProtection = { enabled: protection.enabled === true };
    resource.serviceDetails = out;
  }
  return resource;
}

export function deleteAccount(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const name = req.params.accountName;
  const deleteNumbers = booleanParam(req, 'deleteNumbers');
  if (!deleteNumbers.ok) return deleteNumbers.response;
  const existing = getOwn(env.data.accounts, name);
  const failed = checkWriteConditions(req, existing?.etag);
  if (failed) return failed;
  // Azure.Core deletes are idempotent: deleting what is already gone succeeds.
  if (!existing) return noContent();
  const count = totalNumbers(env.data, name);
  if (count > 0 && deleteNumbers.value !== true) {
    return coreError(
      409,
      'Conflict',
      `Account '${name}' still has ${count} number${count === 1 ? '' : 's'}. Delete them first, or pass deleteNumbers=true to delete them with the account.`,
      { target: 'accountName' },
    );
  }
  removeAllNumbers(env.data, name);
  deleteOwn(env.data.accounts, name);
  env.ctx.persist();
  return noContent();
}
