// Read-only views of the enterprise's Teams side: civic addresses (from its Teams admin center), capability plans and
// the capabilities available to a set of numbers.
import { createHash } from 'node:crypto';
import type { NumberResource, TeamsCapabilityPlan, TeamsCivicAddressResource, TeamsNumberDetails } from '../../src/core/models';
import { validateTelephoneNumber } from '../../src/core/rules';
import { coreError } from '../errors';
import { isRecord, json, type EmulatorResponse, type RequestContext } from '../http';
import { accountNotFound } from './accounts';
import { checkReadConditions } from './conditional';
import type { ProvisioningEnv } from './env';
import { matchesFilter } from './filter';
import { CIVIC_ADDRESS_FILTER_FIELDS } from './lists';
import { locateInAccount, materialise } from './numberStore';
import { pageOfArray, parseListParams } from './paging';
import { getOwn, type StoredAccount } from './store';
import { badRequest, validationResponse } from './validation';

function addressesOf(env: ProvisioningEnv, account: StoredAccount): TeamsCivicAddressResource[] {
  const tenantId = account.resource.serviceDetails?.teamsTenantId?.toLowerCase();
  return tenantId ? (getOwn(env.data.civicAddresses, tenantId) ?? []) : [];
}

/** Civic addresses are never written through this API, so a hash of the content is a stable strong ETag. */
const addressEtags = new WeakMap<TeamsCivicAddressResource, string>();
function addressEtag(address: TeamsCivicAddressResource): string {
  let etag = addressEtags.get(address);
  if (!etag) {
    etag = `"${createHash('sha256').update(JSON.stringify(address)).digest('hex').slice(0, 16)}"`;
    addressEtags.set(address, etag);
  }
  return etag;
}

export function listCivicAddresses(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const account = getOwn(env.data.accounts, req.params.accountName);
  if (!account) return accountNotFound(req.params.accountName);
  const params = parseListParams(req, CIVIC_ADDRESS_FILTER_FIELDS);
  if (!params.ok) return params.response;
  const items = addressesOf(env, account)
    .map((a) => structuredClone(a))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((item) => matchesFilter(item, params.value.filter, CIVIC_ADDRESS_FILTER_FIELDS));
  return pageOfArray(req, params.value, items);
}

export function getCivicAddress(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const account = getOwn(env.data.accounts, req.params.accountName);
  if (!account) return accountNotFound(req.params.accountName);
  const id = req.params.civicAddressId.toLowerCase();
  const address = addressesOf(env, account).find((a) => a.id.toLowerCase() === id);
  if (!address) {
    return coreError(404, 'NotFound', `Civic address ${req.params.civicAddressId} is not in the Teams admin center of account '${account.resource.name}'.`, {
      target: 'civicAddressId',
    });
  }
  const etag = addressEtag(address);
  return checkReadConditions(req, etag) ?? json(200, structuredClone(address), { ETag: etag });
}

/**
 * Capability plans follow the shape of the spec's example (usage, mandatory and choosable capabilities, toll-free
 * support): one plan per usage for Operator Connect and one for Teams Phone Mobile, as far as the account has them.
 */
export function capabilityPlansFor(account: StoredAccount): TeamsCapabilityPlan[] {
  const details = account.resource.serviceDetails;
  const plans: TeamsCapabilityPlan[] = [];
  if (details?.teamsOperatorConnect?.enabled) {
    plans.push(
      {
        name: 'operator-connect-calling-user',
        offerTypes: ['Calling'],
        usage: 'CallingUserAssignment',
        mandatoryCapabilities: ['UserAssignment'],
        choosableCapabilities: ['InboundCalling', 'OutboundCalling'],
        supportsTollFree: false,
      },
      {
        name: 'operator-connect-first-party-app',
        offerTypes: ['Calling'],
        usage: 'FirstPartyAppAssignment',
        mandatoryCapabilities: ['FirstPartyAppAssignment'],
        choosableCapabilities: ['InboundCalling', 'OutboundCalling'],
        supportsTollFree: true,
      },
      {
        name: 'operator-connect-conference',
        offerTypes: ['Calling'],
        usage: 'ConferenceAssignment',
        mandatoryCapabilities: ['ConferenceAssignment'],
        choosableCapabilities: ['InboundCalling'],
        supportsTollFree: true,
      },
    );
  }
  if (details?.teamsPhoneMobile?.enabled) {
    plans.push({
      name: 'teams-phone-mobile',
      offerTypes: ['Mobile'],
      usage: 'CallingUserAssignment',
      mandatoryCapabilities: ['UserAssignment', 'Mobile'],
      choosableCapabilities: ['InboundCalling', 'OutboundCalling'],
      supportsTollFree: false,
    });
  }
  return plans;
}

export function getTeamsCapabilityPlans(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const account = getOwn(env.data.accounts, req.params.accountName);
  if (!account) return accountNotFound(req.params.accountName);
  return json(200, { capabilityPlans: capabilityPlansFor(account) });
}

const USAGE_CAPABILITY: Record<string, string> = {
  CallingUserAssignment: 'UserAssignment',
  FirstPartyAppAssignment: 'FirstPartyAppAssignment',
  ConferenceAssignment: 'ConferenceAssignment',
};

/** What Teams would let this number be used for: its usages (as capabilities), plus Mobile for a TPM number. */
export function availableCapabilitiesOf(number: NumberResource): string[] {
  const out = new Set<string>();
  const add = (details: TeamsNumberDetails | undefined, mobile: boolean): void => {
    if (!details?.enabled || !details.configuration) return;
    for (const usage of [details.configuration.usage, ...(details.configuration.additionalUsages ?? [])]) {
      const capability = USAGE_CAPABILITY[usage];
      if (capability) out.add(capability);
    }
    if (mobile) out.add('Mobile');
  };
  add(number.serviceDetails.teamsOperatorConnect, false);
  add(number.serviceDetails.teamsPhoneMobile, true);
  return [...out];
}

/** The capabilities available to every listed number (their intersection, so the answer holds for all of them). */
export function getTeamsAvailableCapabilities(env: ProvisioningEnv, req: RequestContext): EmulatorResponse {
  const accountName = req.params.accountName;
  if (!getOwn(env.data.accounts, accountName)) return accountNotFound(accountName);
  const body = req.body;
  if (!isRecord(body) || !Array.isArray(body.numbers) || body.numbers.length === 0) {
    return badRequest('The body must be {"numbers": [{"telephoneNumber": "+…"}, …]} with at least one number.', 'numbers');
  }
  const numbers: unknown[] = body.numbers;
  const invalid = validationResponse(
    numbers.flatMap((item, i) => validateTelephoneNumber(isRecord(item) ? item.telephoneNumber : item, ['numbers', i, 'telephoneNumber'])),
  );
  if (invalid) return invalid;
  let common: string[] | undefined;
  for (let i = 0; i < numbers.length; i++) {
    const item = numbers[i];
    const telephoneNumber = isRecord(item) ? String(item.telephoneNumber) : '';
    const location = locateInAccount(env.data, accountName, telephoneNumber);
    if (!location) {
      return coreError(404, 'NotFound', `Number ${telephoneNumber} does not exist in account '${accountName}'.`, { target: `numbers[${i}].telephoneNumber` });
    }
    const capabilities = availableCapabilitiesOf(materialise(location, env.clock));
    common = common === undefined ? capabilities : common.filter((c) => capabilities.includes(c));
  }
  return json(200, { availableCapabilities: common ?? [] });
}
