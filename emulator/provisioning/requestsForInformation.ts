// Teams requests for information (operator consents). Teams creates them; the operator can only record its
// relationship with the enterprise (customerRelationship) through a JSON merge patch.
import type { CustomerRelationship, RequestForInformationResource } from '../../src/core/models';
import { validateCustomerRelationship, validateTenantId } from '../../src/core/rules';
import { coreError } from '../errors';
import { header, isRecord, json, type EmulatorResponse, type RequestContext } from '../http';
import { checkReadConditions, checkWriteConditions } from './conditional';
import type { ProvisioningEnv } from './env';
import { matchesFilter } from './filter';
import { RFI_FILTER_FIELDS } from './lists';
import { pageOfArray, parseListParams } from './paging';
import { getOwn, nextEtag, type StoredRfi } from './store';
import { freshSync, statusFields } from './sync';
import { badRequest, validationResponse } from './validation';

/** The account that serves this tenant: the first (by name) whose teamsTenantId matches, else what Teams recorded. */
function accountFor(env: ProvisioningEnv, tenantId: string, stored: StoredRfi): string | undefined {
  const names = Object.keys(env.data.accounts).sort();
  const match = names.find((name) => env.data.accounts[name].resource.serviceDetails?.teamsTenantId?.toLowerCase() === tenantId);
  return match ?? stored.accountName;
}

export function rfiView(env: ProvisioningEnv, stored: StoredRfi): RequestForInformationResource {
  const { id, tenantId, productContext, operatorId, status, consentedOn, lastModifiedOn, consentedCountries, contacts, customerRelationship } =
    structuredClone(stored.resource);
  const accountName = accountFor(env, tenantId.toLowerCase(), stored);
  // Field order follows the spec's examples.
  return {
    ...(id === undefined ? {} : { id }),
    tenantId,
    ...(accountName === undefined ? {} : { accountName }),
    ...(productContext === undefined ? {} : { productContext }),
    ...(operatorId === undefined ? {} : { operatorId }),
    ...(status === undefined ? {} : { status }),
    ...(consentedOn === undefined ? {} : { consentedOn }),
    ...(lastModifiedOn === undefined ? {} : { lastModifiedOn }),
    ...(consentedCountries === undefined ? {} : { consentedCountries }),
    ...(contacts === undefined ? {} : { contacts }),
    ...(customerRelationship === undefined ? {} : { customerRelationship }),
    ...statusFields(stored.sync, env.clock),
  };
}

export function listRequestsForInformation(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const params = parseListParams(req, RFI_FILTER_FIELDS);
  if (!params.ok) return params.response;
  const items = Object.keys(env.data.requestsForInformation)
    .sort()
    .map((key) => rfiView(env, env.data.requestsForInformation[key]))
    .filter((item) => matchesFilter(item, params.value.filter, RFI_FILTER_FIELDS));
  return pageOfArray(req, params.value, items);
}

function lookup(env: ProvisioningEnv, req: RequestContext): { stored: StoredRfi } | { response: EmulatorResponse } {
  const tenantId = req.params.tenantId;
  const invalid = validationResponse(validateTenantId(tenantId, ['tenantId']));
  if (invalid) return { response: invalid };
  const stored = getOwn(env.data.requestsForInformation, tenantId.toLowerCase());
  if (!stored) {
    return { response: coreError(404, 'NotFound', `No request for information from tenant ${tenantId}: the enterprise has not chosen this operator in the Teams admin center.`, { target: 'tenantId' }) };
  }
  return { stored };
}

export function getRequestForInformation(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const found = lookup(env, req);
  if ('response' in found) return found.response;
  return checkReadConditions(req, found.stored.etag) ?? json(200, rfiView(env, found.stored), { ETag: found.stored.etag });
}

const WRITABLE_RELATIONSHIP_FIELDS = ['status', 'comment'];

/**
 * PATCH with application/merge-patch+json (RFC 7396): a member set to null is removed, an object merges into the
 * existing one. Only customerRelationship.status and .comment are writable; anything else is refused rather than
 * silently ignored, so that a client never believes it changed a read-only field.
 */
export function patchRequestForInformation(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const contentType = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/merge-patch+json') {
    return coreError(415, 'UnsupportedMediaType', `This operation takes Content-Type application/merge-patch+json, not '${contentType || 'none'}'.`);
  }
  const found = lookup(env, req);
  if ('response' in found) return found.response;
  const { stored } = found;
  const body = req.body;
  if (!isRecord(body)) return badRequest('The body must be a JSON merge patch object.');
  const readOnly = Object.keys(body).filter((k) => k !== 'customerRelationship');
  if (readOnly.length > 0) {
    return badRequest(`Only customerRelationship can be changed; ${readOnly.map((k) => `'${k}'`).join(', ')} ${readOnly.length === 1 ? 'is' : 'are'} read-only.`, readOnly[0]);
  }
  const patch = body.customerRelationship;
  let next: CustomerRelationship | undefined;
  if (patch === null) {
    next = undefined;
  } else if (patch === undefined) {
    next = stored.resource.customerRelationship;
  } else if (isRecord(patch)) {
    const extra = Object.keys(patch).filter((k) => !WRITABLE_RELATIONSHIP_FIELDS.includes(k));
    if (extra.length > 0) {
      return badRequest(
        `Only customerRelationship.status and customerRelationship.comment can be changed; ${extra.map((k) => `'${k}'`).join(', ')} cannot.`,
        `customerRelationship.${extra[0]}`,
      );
    }
    // RFC 7396: null removes a member, anything else replaces it. Only status and comment get this far.
    const { lastModifiedOn: _previous, ...current } = stored.resource.customerRelationship ?? {};
    const merged: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) Reflect.deleteProperty(merged, k);
      else merged[k] = v;
    }
    const invalid = validationResponse(validateCustomerRelationship(merged, ['customerRelationship']));
    if (invalid) return invalid;
    next = { ...(merged as CustomerRelationship), lastModifiedOn: new Date(env.clock.now).toISOString() };
  } else {
    const invalid = validationResponse(validateCustomerRelationship(patch, ['customerRelationship']));
    return invalid ?? badRequest('customerRelationship must be an object or null.', 'customerRelationship');
  }

  const failed = checkWriteConditions(req, stored.etag);
  if (failed) return failed;
  const resource = { ...stored.resource };
  if (next === undefined) delete resource.customerRelationship;
  else resource.customerRelationship = orderRelationship(next);
  stored.resource = resource;
  stored.etag = nextEtag(env.data);
  stored.sync = freshSync(env.clock.now);
  env.ctx.persist();
  return json(200, rfiView(env, stored), { ETag: stored.etag });
}

/** status, lastModifiedOn, comment: the order of the spec's examples. */
function orderRelationship(value: CustomerRelationship): CustomerRelationship {
  return {
    ...(value.status === undefined ? {} : { status: value.status }),
    ...(value.lastModifiedOn === undefined ? {} : { lastModifiedOn: value.lastModifiedOn }),
    ...(value.comment === undefined ? {} : { comment: value.comment }),
  };
}
