// Numbers: the per-account and gateway-wide lists, single-number get/put/delete and the two batch actions.
import type {
  ChoosableCapability,
  CoreError,
  NumberResource,
  NumberServiceDetails,
  NumberUsage,
  TeamsNumberConfig,
  TeamsNumberDetails,
} from '../../src/core/models';
import { validateNumber, validateNumberBatch, validateNumberDeleteBatch, validateTelephoneNumber } from '../../src/core/rules';
import { coreError, type CoreErrorDetail } from '../errors';
import { isRecord, json, noContent, type EmulatorResponse, type RequestContext } from '../http';
import { accountNotFound } from './accounts';
import { checkReadConditions, checkWriteConditions } from './conditional';
import type { ProvisioningEnv } from './env';
import { NUMBER_FILTER_FIELDS, numberQuery } from './lists';
import {
  accountSources,
  etagOf,
  gatewaySources,
  locateInAccount,
  locateNumber,
  materialise,
  removeNumber,
  storeNumber,
} from './numberStore';
import { pageResponse, parseListParams } from './paging';
import { unionLength, unionPage, type SortedSource } from './sortedSources';
import { getOwn, nextEtag, type StoredNumber } from './store';
import { countNumberWrite } from './writeCounter';
import { freshSync } from './sync';
import { badRequest, validationResponse } from './validation';

function numberNotFound(accountName: string, telephoneNumber: string): EmulatorResponse {
  return coreError(404, 'NotFound', `Number ${telephoneNumber} does not exist in account '${accountName}'.`, { target: 'telephoneNumber' });
}

function listFrom(req: RequestContext, sourcesFor: (query: NonNullable<ReturnType<typeof numberQuery>>) => SortedSource<NumberResource>[]): EmulatorResponse {
  const params = parseListParams(req, NUMBER_FILTER_FIELDS);
  if (!params.ok) return params.response;
  const query = numberQuery(params.value.filter);
  const sources = query ? sourcesFor(query) : [];
  return pageResponse(req, params.value, unionLength(sources), (offset, count) => unionPage(sources, offset, count));
}

export function listAccountNumbers(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const name = req.params.accountName;
  if (!getOwn(env.data.accounts, name)) return accountNotFound(name);
  return listFrom(req, (query) => accountSources(env.data, name, query, env.clock));
}

export function listGatewayNumbers(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  return listFrom(req, (query) => gatewaySources(env.data, query, env.clock));
}

export function getNumber(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const { accountName, telephoneNumber } = req.params;
  if (!getOwn(env.data.accounts, accountName)) return accountNotFound(accountName);
  const location = locateInAccount(env.data, accountName, telephoneNumber);
  if (!location) return numberNotFound(accountName, telephoneNumber);
  const etag = etagOf(location);
  return checkReadConditions(req, etag) ?? json(200, materialise(location, env.clock), { ETag: etag });
}

export function putNumber(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const { accountName, telephoneNumber } = req.params;
  if (!getOwn(env.data.accounts, accountName)) return accountNotFound(accountName);
  const body = req.body;
  if (!isRecord(body)) return badRequest('The body must be a JSON number object.');
  // telephoneNumber and accountName are required body properties in the spec, so they are not filled in from the URL.
  const invalid = validationResponse(validateNumber(body));
  if (invalid) return invalid;
  const mismatch = keyMismatch(body, accountName, telephoneNumber);
  if (mismatch) return mismatch;

  const elsewhere = locateNumber(env.data, telephoneNumber);
  if (elsewhere && elsewhere.account !== accountName) {
    return coreError(409, 'Conflict', `Number ${telephoneNumber} already belongs to account '${elsewhere.account}': a number belongs to one account only. Delete it there first.`, {
      target: 'telephoneNumber',
    });
  }
  const current = locateInAccount(env.data, accountName, telephoneNumber);
  const failed = checkWriteConditions(req, current ? etagOf(current) : undefined);
  if (failed) return failed;
  const stored = buildStored(env, body);
  const created = storeNumber(env.data, accountName, stored);
  countNumberWrite(env.data, telephoneNumber);
  env.ctx.persist();
  return json(created ? 201 : 200, materialise({ account: accountName, kind: 'explicit', stored }, env.clock), { ETag: stored.etag });
}

export function deleteNumber(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const { accountName, telephoneNumber } = req.params;
  if (!getOwn(env.data.accounts, accountName)) return accountNotFound(accountName);
  const current = locateInAccount(env.data, accountName, telephoneNumber);
  const failed = checkWriteConditions(req, current ? etagOf(current) : undefined);
  if (failed) return failed;
  // Azure.Core deletes are idempotent: a number that is already gone is a success.
  if (current && removeNumber(env.data, accountName, telephoneNumber)) {
    countNumberWrite(env.data, telephoneNumber);
    env.ctx.persist();
  }
  return noContent();
}

/** :createOrUpdateNumbers — validates every number first, then applies all of them or none. */
export function createOrUpdateNumbers(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const accountName = req.params.accountName;
  if (!getOwn(env.data.accounts, accountName)) return accountNotFound(accountName);
  const body = req.body;
  if (!isRecord(body) || !Array.isArray(body.numbers)) return validationResponse(validateNumberBatch(body)) ?? badRequest('The body must be {"numbers": [...]}.');
  const numbers: unknown[] = body.numbers;
  const invalid = validationResponse(validateNumberBatch(body));
  if (invalid) return invalid;
  const records = numbers.filter(isRecord);
  for (let i = 0; i < records.length; i++) {
    if (records[i].accountName !== accountName) {
      return badRequest(
        `numbers[${i}] names account '${String(records[i].accountName)}' but the URL names '${accountName}': they must match.`,
        `numbers[${i}].accountName`,
      );
    }
  }

  const conflicts: CoreErrorDetail[] = [];
  records.forEach((item, i) => {
    const telephoneNumber = String(item.telephoneNumber);
    const elsewhere = locateNumber(env.data, telephoneNumber);
    if (elsewhere && elsewhere.account !== accountName) {
      conflicts.push({ code: 'Conflict', message: `${telephoneNumber} already belongs to account '${elsewhere.account}'.`, target: `numbers[${i}].telephoneNumber` });
    }
  });
  if (conflicts.length > 0) {
    return coreError(409, 'Conflict', `${conflicts.length} of the numbers already belong to other accounts; nothing was changed.`, { details: conflicts });
  }
  const written = records.map((item) => {
    const stored = buildStored(env, item);
    storeNumber(env.data, accountName, stored);
    countNumberWrite(env.data, stored.resource.telephoneNumber);
    return materialise({ account: accountName, kind: 'explicit', stored }, env.clock);
  });
  env.ctx.persist();
  return json(200, { numbers: written });
}

/**
 * :deleteNumbers — numbers that are not in this account are skipped, not refused: the spec's text only says it
 * deletes "up to 100 Numbers", and Azure.Core deletes are idempotent (a single DELETE of a missing number is 204
 * too), so a retried batch succeeds. A number held by another account is left alone.
 */
export function deleteNumbers(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const accountName = req.params.accountName;
  if (!getOwn(env.data.accounts, accountName)) return accountNotFound(accountName);
  const invalid = validationResponse(validateNumberDeleteBatch(req.body));
  if (invalid) return invalid;
  const body = req.body;
  const numbers = isRecord(body) && Array.isArray(body.numbers) ? body.numbers : [];
  let changed = false;
  for (const item of numbers) {
    if (!isRecord(item) || typeof item.telephoneNumber !== 'string' || !removeNumber(env.data, accountName, item.telephoneNumber)) continue;
    countNumberWrite(env.data, item.telephoneNumber);
    changed = true;
  }
  if (changed) env.ctx.persist();
  return noContent();
}

function keyMismatch(body: Record<string, unknown>, accountName: string, telephoneNumber: string): EmulatorResponse | undefined {
  const invalidPath = validationResponse(validateTelephoneNumber(telephoneNumber, ['telephoneNumber']));
  if (invalidPath) return invalidPath;
  if (body.telephoneNumber !== telephoneNumber) {
    return badRequest(`The body has telephoneNumber ${String(body.telephoneNumber)} but the URL names ${telephoneNumber}: they must match.`, 'telephoneNumber');
  }
  if (body.accountName !== accountName) {
    return badRequest(`The body names account '${String(body.accountName)}' but the URL names '${accountName}': they must match.`, 'accountName');
  }
  return undefined;
}

function buildStored(env: ProvisioningEnv, body: Record<string, unknown>): StoredNumber {
  const resource = writableNumber(body);
  const errors = syncFailure(env, resource);
  return { resource, etag: nextEtag(env.data), sync: freshSync(env.clock.now, errors ? 'failed' : 'synced', errors) };
}

/**
 * The one deterministic sync failure the emulator simulates: Teams refuses Operator Connect / Teams Phone Mobile
 * numbers for an enterprise whose operator consent is suspended or removed.
 */
function syncFailure(env: ProvisioningEnv, resource: NumberResource): CoreError[] | undefined {
  const teams = resource.serviceDetails.teamsOperatorConnect?.enabled === true || resource.serviceDetails.teamsPhoneMobile?.enabled === true;
  if (!teams) return undefined;
  const tenantId = getOwn(env.data.accounts, resource.accountName)?.resource.serviceDetails?.teamsTenantId;
  if (!tenantId) return undefined;
  const consent = getOwn(env.data.requestsForInformation, tenantId.toLowerCase());
  const status = consent?.resource.status;
  if (!status || status === 'active') return undefined;
  return [
    {
      code: 'TeamsConsentNotActive',
      message: `Microsoft Teams rejected ${resource.telephoneNumber}: the enterprise's Operator Connect consent (tenant ${tenantId}) is ${status}. Ask the enterprise to renew its consent in the Teams admin center, then upload the number again.`,
    },
  ];
}

/** The writable configuration fields, in the spec's order; acquired/availableCapabilities are read-only. */
function teamsConfig(config: Record<string, unknown>): TeamsNumberConfig {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const out: TeamsNumberConfig = {
    usage: String(config.usage) as NumberUsage,
    choosableCapabilities: strings(config.choosableCapabilities) as ChoosableCapability[],
  };
  if (config.additionalUsages !== undefined) out.additionalUsages = strings(config.additionalUsages) as NumberUsage[];
  if (typeof config.civicAddressId === 'string') out.civicAddressId = config.civicAddressId;
  if (typeof config.locationId === 'string') out.locationId = config.locationId;
  if (typeof config.allowTenantAddressUpdate === 'boolean') out.allowTenantAddressUpdate = config.allowTenantAddressUpdate;
  if (typeof config.displayedCountryCode === 'string') out.displayedCountryCode = config.displayedCountryCode;
  return out;
}

/** The writable part of a validated number body; read-only capability lists are dropped. */
function writableNumber(body: Record<string, unknown>): NumberResource {
  const details = isRecord(body.serviceDetails) ? body.serviceDetails : {};
  const serviceDetails: NumberServiceDetails = {};
  const teams = (value: unknown): TeamsNumberDetails | undefined => {
    if (!isRecord(value)) return undefined;
    const out: TeamsNumberDetails = { enabled: value.enabled === true };
    if (value.assignmentStatus === 'assigned' || value.assignmentStatus === 'unassigned') out.assignmentStatus = value.assignmentStatus;
    if (isRecord(value.configuration)) out.configuration = teamsConfig(value.configuration);
    return out;
  };
  const enabledOnly = (value: unknown): { enabled: boolean } | undefined => (isRecord(value) ? { enabled: value.enabled === true } : undefined);
  const oc = teams(details.teamsOperatorConnect);
  if (oc) serviceDetails.teamsOperatorConnect = oc;
  const dr = enabledOnly(details.teamsDirectRouting);
  if (dr) serviceDetails.teamsDirectRouting = dr;
  const tpm = teams(details.teamsPhoneMobile);
  if (tpm) serviceDetails.teamsPhoneMobile = tpm;
  const zoom = enabledOnly(details.zoomPhoneCloudPeering);
  if (zoom) serviceDetails.zoomPhoneCloudPeering = zoom;
  const protection = enabledOnly(details.azureOperatorCallProtection);
  if (protection) serviceDetails.azureOperatorCallProtection = protection;
  const resource: NumberResource = { telephoneNumber: String(body.telephoneNumber), accountName: String(body.accountName), serviceDetails };
  if (isRecord(body.configuration) && typeof body.configuration.customSipHeader === 'string') {
    resource.configuration = { customSipHeader: body.configuration.customSipHeader };
  }
  return resource;
}
