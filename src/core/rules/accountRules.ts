// Accounts (Provisioning API AccountResource), tenant ids and ticket references.
import { isGuid } from '../ids';
import { SERVICE_KEYS } from '../models/provisioning';
import { checkBoolean, missing, wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { badCharacters, isRecord, show, violation } from './violation';

export const ACCOUNT_NAME_MAX_LENGTH = 100;
export const TICKET_MAX_LENGTH = 64;
const NAME_CHARACTER = /[A-Za-z0-9_-]/;
const SUBDOMAIN_MAX_LENGTH = 10;
const TOKEN_MAX_LENGTH = 100;
const TOKEN_CHARACTER = /[A-Za-z0-9=_-]/;

export function validateAccountName(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (value === undefined || value === null) return [missing(path, 'The account name')];
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (value === '') return [violation('ACG-ACC-001', path, 'The account name is empty: use 1 to 100 letters, digits, _ or -.')];
  if (value.length > ACCOUNT_NAME_MAX_LENGTH) {
    return [violation('ACG-ACC-001', path, `The account name has ${value.length} characters: at most ${ACCOUNT_NAME_MAX_LENGTH}.`)];
  }
  const bad = badCharacters(value, NAME_CHARACTER);
  if (bad !== '') {
    return [violation('ACG-ACC-001', path, `Account name ${show(value)} contains ${bad}: use only letters, digits, _ or -.`)];
  }
  return [];
}

/**
 * ACG-ACC-001 for a name typed into a prompt: undefined when `value` is a valid account name, otherwise the message
 * the plan, the CSV and the emulator would give for it. For input boxes that must not keep their own copy of the rule.
 */
export function accountNameProblem(value: string): string | undefined {
  return validateAccountName(value)[0]?.message;
}

export function validateTenantId(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (value === undefined || value === null) return [missing(path, 'The tenant id')];
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (isGuid(value)) return [];
  // Copied from PowerShell or the registry, a GUID often arrives in braces or with spaces around it.
  const bare = value.trim().replace(/^\{(.*)\}$/, '$1');
  const replacement = isGuid(bare) ? bare : undefined;
  const text =
    replacement === undefined
      ? `${show(value)} is not a tenant id: a tenant id is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.`
      : `${show(value)} is not a bare GUID: write ${replacement}.`;
  return [violation('ACG-TEN-001', path, text, replacement)];
}

/** A ticket or request id (correlationId, customerRelationship.comment): optional, at most 64 characters. */
export function validateTicketReference(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (value.length <= TICKET_MAX_LENGTH) return [];
  return [violation('ACG-REF-001', path, `This reference has ${value.length} characters: at most ${TICKET_MAX_LENGTH}.`)];
}

function validateLimitedToken(
  ruleId: 'ACG-ACC-002' | 'ACG-ACC-003',
  value: unknown,
  path: ValuePath,
  label: string,
  max: number,
  character: RegExp,
  allowedText: string,
): RuleViolation[] {
  if (value === undefined || value === null) return [missing(path)];
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (value.length === 0 || value.length > max) {
    return [violation(ruleId, path, `The ${label} has ${value.length} characters: use 1 to ${max}.`)];
  }
  const bad = badCharacters(value, character);
  if (bad !== '') return [violation(ruleId, path, `The ${label} ${show(value)} contains ${bad}: use only ${allowedText}.`)];
  return [];
}

function validateDirectRoutingConfig(config: unknown, path: ValuePath): RuleViolation[] {
  if (config === undefined) return [];
  if (!isRecord(config)) return [wrongType(path, 'an object', config)];
  const found = [
    ...checkBoolean(config, 'callScreening', path, true),
    ...validateLimitedToken('ACG-ACC-002', config['subdomain'], [...path, 'subdomain'], 'subdomain', SUBDOMAIN_MAX_LENGTH, NAME_CHARACTER, 'letters, digits, _ or -'),
  ];
  const tokens = config['subdomainTokens'];
  const tokensPath = [...path, 'subdomainTokens'];
  if (tokens === undefined) return [...found, missing(tokensPath)];
  if (!isRecord(tokens)) return [...found, wrongType(tokensPath, 'an object', tokens)];
  for (const key of ['region1Token', 'region2Token']) {
    found.push(
      ...validateLimitedToken('ACG-ACC-003', tokens[key], [...tokensPath, key], key, TOKEN_MAX_LENGTH, TOKEN_CHARACTER, 'letters, digits, =, _ or -'),
    );
  }
  return found;
}

// Call Protection has no sync: an account enables it, and that is all.
const SYNCED_SERVICES = SERVICE_KEYS.filter((service) => service !== 'azureOperatorCallProtection');

function validateAccountServices(details: unknown, path: ValuePath): RuleViolation[] {
  if (details === undefined) return [];
  if (!isRecord(details)) return [wrongType(path, 'an object', details)];
  const found: RuleViolation[] = [];
  if (details['teamsTenantId'] !== undefined) found.push(...validateTenantId(details['teamsTenantId'], [...path, 'teamsTenantId']));
  for (const service of SYNCED_SERVICES) {
    const entry = details[service];
    const entryPath = [...path, service];
    if (entry === undefined) continue;
    if (!isRecord(entry)) {
      found.push(wrongType(entryPath, 'an object', entry));
      continue;
    }
    found.push(...checkBoolean(entry, 'enabled', entryPath, true), ...checkBoolean(entry, 'syncEnabled', entryPath, true));
    if (service === 'teamsDirectRouting') found.push(...validateDirectRoutingConfig(entry['configuration'], [...entryPath, 'configuration']));
  }
  const protection = details['azureOperatorCallProtection'];
  const protectionPath = [...path, 'azureOperatorCallProtection'];
  if (protection !== undefined) {
    found.push(...(isRecord(protection) ? checkBoolean(protection, 'enabled', protectionPath, true) : [wrongType(protectionPath, 'an object', protection)]));
  }
  return found;
}

/** Checks an AccountResource body. Paths are relative to `resource`, under `path`. */
export function validateAccount(resource: unknown, path: ValuePath = []): RuleViolation[] {
  if (!isRecord(resource)) return [wrongType(path, 'an account object', resource)];
  return [
    ...validateAccountName(resource['name'], [...path, 'name']),
    ...validateTicketReference(resource['correlationId'], [...path, 'correlationId']),
    ...validateAccountServices(resource['serviceDetails'], [...path, 'serviceDetails']),
  ];
}
