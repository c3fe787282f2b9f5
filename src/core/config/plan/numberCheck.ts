// One number of a plan. This is the hot path of a 100,000-number plan, so it has two halves:
// - fastNumberOk: a tight, allocation-free check that returns true only when the full check would find nothing;
// - slowNumber: the full check, built on the shared rule validators (one source of truth for messages and fixes).
// The invariant fastNumberOk(n) ⇒ slowNumber(n) = [] is what test/unit/config/numberCheck.test.ts probes.
import { TELEPHONE_NUMBER_MAX_LENGTH } from '../../limits';
import { SERVICE_KEYS, type ServiceKey } from '../../models';
import { ASSIGNMENT_STATUSES, CHOOSABLE_CAPABILITIES, NUMBER_USAGES } from '../../models/provisioning';
import { validateAccountName } from '../../rules/accountRules';
import { validateNumber } from '../../rules/numberRules';
import { countryCallingCodeOf, isNorthAmericanTollFree } from '../../rules/phoneNumber';
import { accountNameDiffers, serviceNotOnAccount } from '../../rules/planRules';
import { isRecord } from '../../rules/violation';
import { fromViolation, type Finding } from '../json/findings';
import { unknownKeys, wrongTypeOf } from '../shape';

/** What a number needs to know about the account it is listed under. */
export interface AccountContext {
  readonly name: string;
  /** Services the account enables (`serviceDetails.<service>.enabled === true`). */
  readonly services: ReadonlySet<ServiceKey>;
  readonly defaultCountry?: string;
}

const NUMBER_KEYS: ReadonlySet<string> = new Set(['telephoneNumber', 'accountName', 'serviceDetails', 'configuration']);
const NUMBER_READ_ONLY: ReadonlySet<string> = new Set(['serviceProvisioningStatus', 'serviceProvisioningErrors']);
const KNOWN_SERVICES: ReadonlySet<string> = new Set(SERVICE_KEYS);
const TEAMS_DETAILS_KEYS: ReadonlySet<string> = new Set(['enabled', 'assignmentStatus', 'configuration']);
const TEAMS_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'usage',
  'choosableCapabilities',
  'additionalUsages',
  'civicAddressId',
  'locationId',
  'allowTenantAddressUpdate',
  'displayedCountryCode',
]);
const TEAMS_CONFIG_READ_ONLY: ReadonlySet<string> = new Set(['acquiredCapabilities', 'availableCapabilities']);
const ENABLED_KEYS: ReadonlySet<string> = new Set(['enabled']);
const NUMBER_CONFIG_KEYS: ReadonlySet<string> = new Set(['customSipHeader']);

const USAGES: ReadonlySet<unknown> = new Set(NUMBER_USAGES);
const CAPABILITIES: ReadonlySet<unknown> = new Set(CHOOSABLE_CAPABILITIES);
const STATUSES: ReadonlySet<unknown> = new Set(ASSIGNMENT_STATUSES);
const SIP_HEADER_VALUE = /^[A-Za-z0-9_-]{1,100}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const SERVICE_FORMAT = /^\+[1-9]\d+$/;

// Whether a number's first three digits start a country calling code in use, by those digits. libphonenumber is
// the slow part of a number check; there are at most 900 distinct keys.
const callingCodeKnown = new Map<string, boolean>();

function knownCallingCode(e164: string): boolean {
  const key = e164.slice(1, 4);
  let known = callingCodeKnown.get(key);
  if (known === undefined) {
    known = countryCallingCodeOf(`+${key}0000000`) !== undefined;
    callingCodeKnown.set(key, known);
  }
  return known;
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function enumList(value: unknown, allowed: ReadonlySet<unknown>, noMobile: boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!allowed.has(item) || (noMobile && item === 'Mobile')) return false;
  }
  return true;
}

function onlyKeys(value: Record<string, unknown>, known: ReadonlySet<string>, readOnly?: ReadonlySet<string>): boolean {
  for (const key in value) if (!known.has(key) && !readOnly?.has(key)) return false;
  return true;
}

function fastTeams(details: unknown, mobile: boolean, telephoneNumber: string): boolean {
  if (!isRecord(details) || !onlyKeys(details, TEAMS_DETAILS_KEYS)) return false;
  const enabled = details['enabled'];
  if (typeof enabled !== 'boolean') return false;
  const status = details['assignmentStatus'];
  if (status !== undefined && !STATUSES.has(status)) return false;
  const config = details['configuration'];
  if (config === undefined) return !enabled || !isNorthAmericanTollFree(telephoneNumber);
  if (!isRecord(config) || !onlyKeys(config, TEAMS_CONFIG_KEYS, TEAMS_CONFIG_READ_ONLY)) return false;
  const usage = config['usage'];
  if (!USAGES.has(usage)) return false;
  if (!enumList(config['choosableCapabilities'], CAPABILITIES, !mobile)) return false;
  const additional = config['additionalUsages'];
  if (additional !== undefined && !enumList(additional, USAGES, false)) return false;
  const civic = config['civicAddressId'];
  const location = config['locationId'];
  const displayed = config['displayedCountryCode'];
  const allow = config['allowTenantAddressUpdate'];
  if (civic !== undefined && typeof civic !== 'string') return false;
  if (location !== undefined && typeof location !== 'string') return false;
  if (displayed !== undefined && (typeof displayed !== 'string' || !COUNTRY_CODE.test(displayed))) return false;
  if (allow !== undefined && typeof allow !== 'boolean') return false;
  if (!enabled) return true;
  const callingUser = usage === 'CallingUserAssignment' || (Array.isArray(additional) && additional.includes('CallingUserAssignment'));
  if (callingUser && allow !== true && !hasText(civic) && !hasText(location)) return false;
  return !isNorthAmericanTollFree(telephoneNumber) || hasText(displayed);
}

function fastEnabledOnly(entry: unknown): boolean {
  return isRecord(entry) && onlyKeys(entry, ENABLED_KEYS) && typeof entry['enabled'] === 'boolean';
}

/** True only when {@link slowNumber} would find nothing. False means "look closer", not "broken". */
export function fastNumberOk(n: unknown, ctx: AccountContext): boolean {
  if (!isRecord(n) || !onlyKeys(n, NUMBER_KEYS, NUMBER_READ_ONLY)) return false;
  const tel = n['telephoneNumber'];
  if (typeof tel !== 'string' || tel.length < 4 || tel.length > TELEPHONE_NUMBER_MAX_LENGTH || !SERVICE_FORMAT.test(tel) || !knownCallingCode(tel)) return false;
  const accountName = n['accountName'];
  if (accountName !== undefined && accountName !== ctx.name) return false;
  const details = n['serviceDetails'];
  if (!isRecord(details)) return false;
  let mobileOrProtected = false;
  for (const service in details) {
    const entry = details[service];
    switch (service) {
      case 'teamsOperatorConnect':
        if (!fastTeams(entry, false, tel)) return false;
        break;
      case 'teamsPhoneMobile':
        if (!fastTeams(entry, true, tel)) return false;
        mobileOrProtected ||= isRecord(entry) && entry['enabled'] === true;
        break;
      case 'teamsDirectRouting':
      case 'zoomPhoneCloudPeering':
      case 'azureOperatorCallProtection':
        if (!fastEnabledOnly(entry)) return false;
        if (service === 'azureOperatorCallProtection') mobileOrProtected ||= isRecord(entry) && entry['enabled'] === true;
        break;
      default:
        return false;
    }
    if (isRecord(entry) && entry['enabled'] === true && !ctx.services.has(service)) return false;
  }
  const config = n['configuration'];
  if (config === undefined) return true;
  if (!isRecord(config) || !onlyKeys(config, NUMBER_CONFIG_KEYS)) return false;
  const header = config['customSipHeader'];
  if (header === undefined) return true;
  return typeof header === 'string' && SIP_HEADER_VALUE.test(header) && !mobileOrProtected;
}

/**
 * validateNumber needs an accountName; in a plan the enclosing account supplies it. An explicit one is checked as
 * written; an absent one must not be blamed on every number, so this valid stand-in takes its place.
 */
const IMPLIED_ACCOUNT = 'implied-by-enclosing-account';

function nestedUnknownKeys(n: Record<string, unknown>): Finding[] {
  const found = unknownKeys(n, [], NUMBER_KEYS, NUMBER_READ_ONLY);
  const details = n['serviceDetails'];
  if (isRecord(details)) {
    found.push(...unknownKeys(details, ['serviceDetails'], KNOWN_SERVICES));
    for (const service of SERVICE_KEYS) {
      const entry = details[service];
      if (!isRecord(entry)) continue;
      const path = ['serviceDetails', service];
      if (service === 'teamsOperatorConnect' || service === 'teamsPhoneMobile') {
        found.push(...unknownKeys(entry, path, TEAMS_DETAILS_KEYS));
        const config = entry['configuration'];
        if (isRecord(config)) found.push(...unknownKeys(config, [...path, 'configuration'], TEAMS_CONFIG_KEYS, TEAMS_CONFIG_READ_ONLY));
      } else {
        found.push(...unknownKeys(entry, path, ENABLED_KEYS));
      }
    }
  }
  const config = n['configuration'];
  if (isRecord(config)) found.push(...unknownKeys(config, ['configuration'], NUMBER_CONFIG_KEYS));
  return found;
}

/** The full check of one number; paths are relative to the number. */
export function slowNumber(n: unknown, ctx: AccountContext): Finding[] {
  if (!isRecord(n)) return [wrongTypeOf([], 'a number object', n)];
  const found = nestedUnknownKeys(n);
  const explicitName = n['accountName'];
  const probe = explicitName === undefined ? { ...n, accountName: IMPLIED_ACCOUNT } : n;
  for (const v of validateNumber(probe, [], ctx.defaultCountry === undefined ? {} : { defaultCountry: ctx.defaultCountry })) found.push(fromViolation(v));
  if (typeof explicitName === 'string' && explicitName !== ctx.name && validateAccountName(explicitName).length === 0) {
    // Not a preferred fix: moving the number to the account it names may be what was meant.
    const fix = { kind: 'replace' as const, title: `Change to ${JSON.stringify(ctx.name)}`, path: ['accountName'], value: ctx.name };
    found.push(fromViolation(accountNameDiffers(explicitName, ctx.name, ['accountName']), [], [fix]));
  }
  const details = n['serviceDetails'];
  if (isRecord(details)) {
    for (const service of SERVICE_KEYS) {
      const entry = details[service];
      if (!isRecord(entry) || entry['enabled'] !== true || ctx.services.has(service)) continue;
      found.push(fromViolation(serviceNotOnAccount(service, ctx.name, ['serviceDetails', service])));
    }
  }
  return found;
}

const NONE: readonly Finding[] = [];

/** The check of one plan number: fast when it is clean, full otherwise. Paths are relative to the number. */
export function checkPlanNumber(n: unknown, ctx: AccountContext): readonly Finding[] {
  return fastNumberOk(n, ctx) ? NONE : slowNumber(n, ctx);
}
