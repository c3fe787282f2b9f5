// Everything in a plan except the contents of the numbers lists: the root, accounts, relationship changes, and the
// plan-size rule. Cheap whatever the plan's size, so the incremental session can redo it after every edit.
import { isSupportedCountry } from 'libphonenumber-js';
import { isGuid, isResourceGroupName } from '../../ids';
import { SERVICE_KEYS, type ServiceKey } from '../../models';
import { validateAccount, validateTenantId } from '../../rules/accountRules';
import { validateResourceName } from '../../rules/gatewayRules';
import { accountDefinedTwice, PLAN_SPLIT_MAX_NUMBERS, relationshipChangedTwice, validatePlanSize } from '../../rules/planRules';
import { REASON_PLACEHOLDER, validateCustomerRelationship, validateReasonWritten } from '../../rules/relationshipRules';
import { checkBoolean, validateCountryCode } from '../../rules/schemaRules';
import type { ValuePath } from '../../rules/types';
import { isRecord } from '../../rules/violation';
import { fromViolation, type Finding, type FixSpec } from '../json/findings';
import { checkFormat, missingValue, optionalArray, unknownKeys, wrongTypeOf } from '../shape';
import type { AccountContext } from './numberCheck';

export { PLAN_SPLIT_MAX_NUMBERS };

const ROOT_KEYS: ReadonlySet<string> = new Set(['$schema', 'gateway', 'defaultCountry', 'accounts', 'relationships', 'prune']);
const GATEWAY_KEYS: ReadonlySet<string> = new Set(['subscriptionId', 'resourceGroup', 'name']);
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(['name', 'correlationId', 'defaultCountry', 'serviceDetails', 'numbers']);
const READ_ONLY_STATUS: ReadonlySet<string> = new Set(['serviceProvisioningStatus', 'serviceProvisioningErrors']);
const ACCOUNT_SERVICE_KEYS: ReadonlySet<string> = new Set(['teamsTenantId', ...SERVICE_KEYS]);
const SYNCED_KEYS: ReadonlySet<string> = new Set(['enabled', 'syncEnabled']);
const DIRECT_ROUTING_KEYS: ReadonlySet<string> = new Set(['enabled', 'syncEnabled', 'configuration']);
const DIRECT_ROUTING_CONFIG_KEYS: ReadonlySet<string> = new Set(['callScreening', 'subdomain', 'subdomainTokens']);
const TOKEN_KEYS: ReadonlySet<string> = new Set(['region1Token', 'region2Token']);
const COUNT_READ_ONLY: ReadonlySet<string> = new Set(['numberCount', 'subdomainStatus']);
const ENABLED_KEYS: ReadonlySet<string> = new Set(['enabled']);
const RELATIONSHIP_KEYS: ReadonlySet<string> = new Set(['tenantId', 'customerRelationship']);
const CUSTOMER_RELATIONSHIP_KEYS: ReadonlySet<string> = new Set(['status', 'comment']);
const CUSTOMER_RELATIONSHIP_READ_ONLY: ReadonlySet<string> = new Set(['lastModifiedOn']);

/** An account as the numbers under it see it, and its numbers list (when it is a list). */
export interface AccountSlot {
  readonly ctx: AccountContext;
  readonly numbers: readonly unknown[] | undefined;
}

export interface PlanGlobal {
  readonly findings: Finding[];
  /** One per entry of `accounts`, in order; undefined where the entry is not an object. */
  readonly slots: readonly (AccountSlot | undefined)[];
}

/** ISO 3166 alpha-2, and known to libphonenumber (so it can actually parse national numbers). */
function checkCountry(owner: Record<string, unknown>, key: string, path: ValuePath): { found: Finding[]; country?: string } {
  const value = owner[key];
  const found = validateCountryCode(value, [...path, key], isSupportedCountry).map((v) => fromViolation(v));
  return found.length === 0 && typeof value === 'string' ? { found, country: value } : { found };
}

function accountServiceKeys(details: Record<string, unknown>, path: ValuePath): Finding[] {
  const found = unknownKeys(details, path, ACCOUNT_SERVICE_KEYS);
  for (const service of SERVICE_KEYS) {
    const entry = details[service];
    if (!isRecord(entry)) continue;
    const at = [...path, service];
    if (service === 'azureOperatorCallProtection') {
      found.push(...unknownKeys(entry, at, ENABLED_KEYS, COUNT_READ_ONLY));
    } else if (service === 'teamsDirectRouting') {
      found.push(...unknownKeys(entry, at, DIRECT_ROUTING_KEYS, COUNT_READ_ONLY));
      const config = entry['configuration'];
      if (isRecord(config)) {
        found.push(...unknownKeys(config, [...at, 'configuration'], DIRECT_ROUTING_CONFIG_KEYS));
        const tokens = config['subdomainTokens'];
        if (isRecord(tokens)) found.push(...unknownKeys(tokens, [...at, 'configuration', 'subdomainTokens'], TOKEN_KEYS));
      }
    } else {
      found.push(...unknownKeys(entry, at, SYNCED_KEYS, COUNT_READ_ONLY));
    }
  }
  return found;
}

function enabledServices(details: unknown): Set<ServiceKey> {
  const services = new Set<ServiceKey>();
  if (!isRecord(details)) return services;
  for (const service of SERVICE_KEYS) {
    const entry = details[service];
    if (isRecord(entry) && entry['enabled'] === true) services.add(service);
  }
  return services;
}

function checkAccount(account: Record<string, unknown>, path: ValuePath, planCountry: string | undefined, found: Finding[]): AccountSlot {
  found.push(...unknownKeys(account, path, ACCOUNT_KEYS, READ_ONLY_STATUS));
  found.push(...validateAccount(account).map((v) => fromViolation(v, path)));
  const details = account['serviceDetails'];
  if (isRecord(details)) found.push(...accountServiceKeys(details, [...path, 'serviceDetails']));
  const country = checkCountry(account, 'defaultCountry', path);
  found.push(...country.found);
  const numbers = optionalArray(account, 'numbers', path, found);
  const name = typeof account['name'] === 'string' ? account['name'] : '';
  const defaultCountry = country.country ?? planCountry;
  return { ctx: { name, services: enabledServices(details), ...(defaultCountry ? { defaultCountry } : {}) }, numbers };
}

function checkGatewayRef(root: Record<string, unknown>, found: Finding[]): void {
  const gateway = root['gateway'];
  if (gateway === undefined) return;
  if (!isRecord(gateway)) {
    found.push(wrongTypeOf(['gateway'], 'an object', gateway));
    return;
  }
  found.push(
    ...unknownKeys(gateway, ['gateway'], GATEWAY_KEYS),
    ...checkFormat(gateway, 'subscriptionId', ['gateway'], isGuid, 'a subscription id (a GUID)', true),
    ...checkFormat(gateway, 'resourceGroup', ['gateway'], isResourceGroupName, 'a resource group name (1 to 90 letters, digits, _ - . ( ), not ending in .)', true),
    ...validateResourceName(gateway['name'], ['gateway', 'name']).map((v) => fromViolation(v)),
  );
}

function checkAccounts(root: Record<string, unknown>, planCountry: string | undefined, found: Finding[]): (AccountSlot | undefined)[] {
  const accounts = optionalArray(root, 'accounts', [], found);
  if (!accounts) return [];
  const firstByName = new Map<string, number>();
  const slots = accounts.map((account, index) => {
    const path = ['accounts', index];
    if (!isRecord(account)) {
      found.push(wrongTypeOf(path, 'an account object', account));
      return undefined;
    }
    const slot = checkAccount(account, path, planCountry, found);
    const name = account['name'];
    if (typeof name === 'string') {
      const first = firstByName.get(name);
      if (first === undefined) {
        firstByName.set(name, index);
      } else {
        found.push(fromViolation(accountDefinedTwice(name, first, [...path, 'name'], ['accounts', first, 'name'])));
      }
    }
    return slot;
  });
  checkPlanSize(slots, found);
  return slots;
}

function checkPlanSize(slots: readonly (AccountSlot | undefined)[], found: Finding[]): void {
  const split: FixSpec = { kind: 'command', title: `Split the plan into files of at most ${PLAN_SPLIT_MAX_NUMBERS.toLocaleString('en-US')} numbers`, command: 'splitPlan' };
  const perAccount = slots.flatMap((slot, index) => validatePlanSize(slot?.numbers?.length ?? 0, ['accounts', index, 'numbers'], slot?.ctx.name ?? ''));
  const total = slots.reduce((sum, slot) => sum + (slot?.numbers?.length ?? 0), 0);
  // One account over the limit already says it all; the whole plan is flagged only when no single account is.
  const problems = perAccount.length > 0 ? perAccount : validatePlanSize(total, ['accounts']);
  found.push(...problems.map((v) => fromViolation(v, [], [split])));
}

function checkRelationship(entry: Record<string, unknown>, path: ValuePath, found: Finding[]): void {
  found.push(...unknownKeys(entry, path, RELATIONSHIP_KEYS));
  found.push(...validateTenantId(entry['tenantId'], [...path, 'tenantId']).map((v) => fromViolation(v)));
  const relationship = entry['customerRelationship'];
  const relPath = [...path, 'customerRelationship'];
  if (relationship === undefined) {
    found.push(missingValue(relPath));
    return;
  }
  if (!isRecord(relationship)) {
    found.push(wrongTypeOf(relPath, 'an object', relationship));
    return;
  }
  found.push(...unknownKeys(relationship, relPath, CUSTOMER_RELATIONSHIP_KEYS, CUSTOMER_RELATIONSHIP_READ_ONLY));
  // A plan entry exists to change the status, so the status is required here (the PATCH itself allows omitting it).
  if (relationship['status'] === undefined) found.push(missingValue([...relPath, 'status']));
  for (const v of validateCustomerRelationship(relationship)) {
    // A missing or blank reason (ACG-RFI-002) gets a placeholder, which ACG-RFI-004 then keeps visible until replaced.
    const reasonMissing = v.ruleId === 'ACG-RFI-002';
    found.push(fromViolation(v, relPath, reasonMissing ? [reasonFix(relationship, relPath)] : []));
  }
  found.push(...validateReasonWritten(relationship['comment'], [...relPath, 'comment']).map((v) => fromViolation(v)));
}

function reasonFix(relationship: Record<string, unknown>, relPath: ValuePath): FixSpec {
  return relationship['comment'] === undefined
    ? { kind: 'insertMember', title: 'Add a reason placeholder', path: relPath, key: 'comment', value: REASON_PLACEHOLDER, preferred: true }
    : { kind: 'replace', title: 'Fill in a reason placeholder', path: [...relPath, 'comment'], value: REASON_PLACEHOLDER, preferred: true };
}

function checkRelationships(root: Record<string, unknown>, found: Finding[]): void {
  const relationships = optionalArray(root, 'relationships', [], found);
  if (!relationships) return;
  const firstByTenant = new Map<string, number>();
  relationships.forEach((entry, index) => {
    const path = ['relationships', index];
    if (!isRecord(entry)) {
      found.push(wrongTypeOf(path, 'an object', entry));
      return;
    }
    checkRelationship(entry, path, found);
    const tenant = entry['tenantId'];
    if (typeof tenant !== 'string') return;
    const key = tenant.trim().toLowerCase();
    const first = firstByTenant.get(key);
    if (first === undefined) {
      firstByTenant.set(key, index);
      return;
    }
    const repeat = relationshipChangedTwice(tenant, first, [...path, 'tenantId'], ['relationships', first, 'tenantId']);
    found.push(fromViolation(repeat, [], [{ kind: 'removeElement', title: 'Remove this duplicate change', path }]));
  });
}

/** `fallbackCountry` (from the caller's options) applies when the plan declares no defaultCountry of its own. */
export function planGlobalFindings(root: unknown, fallbackCountry?: string): PlanGlobal {
  const found: Finding[] = [];
  if (!isRecord(root)) return { findings: [wrongTypeOf([], 'an object with accounts and relationships', root)], slots: [] };
  found.push(...unknownKeys(root, [], ROOT_KEYS));
  checkGatewayRef(root, found);
  found.push(...checkBoolean(root, 'prune', [], false).map((v) => fromViolation(v)));
  const country = checkCountry(root, 'defaultCountry', []);
  found.push(...country.found);
  const slots = checkAccounts(root, country.country ?? fallbackCountry, found);
  checkRelationships(root, found);
  return { findings: found, slots };
}
