// Numbers (Provisioning API NumberResource), number batches and the limits on bulk uploads.
import { BATCH_MAX_NUMBERS } from '../limits';
import { ASSIGNMENT_STATUSES, CHOOSABLE_CAPABILITIES, isTeamsServiceKey, NUMBER_USAGES, SERVICE_KEYS, SERVICES, type TeamsServiceKey } from '../models/provisioning';
import { validateAccountName } from './accountRules';
import { canonicalNumber, isNorthAmericanTollFree, validateTelephoneNumber } from './phoneNumber';
import { checkBoolean, checkEnum, checkEnumList, missing, validateCountryCode, wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { badCharacters, isRecord, show, violation } from './violation';

export { BATCH_MAX_NUMBERS };
export const CUSTOM_SIP_HEADER_MAX_LENGTH = 100;
const SIP_HEADER_CHARACTER = /[A-Za-z0-9_-]/;
/** Services whose numbers cannot carry a custom SIP header (ACG-NUM-013). */
const NO_CUSTOM_SIP_HEADER = SERVICES.filter((s) => s.key === 'teamsPhoneMobile' || s.key === 'azureOperatorCallProtection');

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function optionalString(owner: Record<string, unknown>, key: string, path: ValuePath): RuleViolation[] {
  const value = owner[key];
  return value === undefined || typeof value === 'string' ? [] : [wrongType([...path, key], 'a string', value)];
}

function validateCapabilities(value: unknown, path: ValuePath, service: TeamsServiceKey): RuleViolation[] {
  if (value === undefined) return [missing(path)];
  const found = checkEnumList('ACG-NUM-007', value, CHOOSABLE_CAPABILITIES, path, 'capability');
  if (service === 'teamsOperatorConnect' && Array.isArray(value)) {
    value.forEach((item, index) => {
      // "mobile" is a case slip (ACG-NUM-007) and, once respelt, this rule: both are reported, so neither surprises.
      if (typeof item === 'string' && item.toLowerCase() === 'mobile') {
        found.push(
          violation(
            'ACG-NUM-008',
            [...path, index],
            'Mobile is a Teams Phone Mobile capability: list this number under Teams Phone Mobile (serviceDetails.teamsPhoneMobile), or remove Mobile.',
          ),
        );
      }
    });
  }
  return found;
}

/** The emergency-address and displayed-country rules only matter when the service is in use. */
function validateAddressRules(config: Record<string, unknown>, path: ValuePath, telephoneNumber: unknown): RuleViolation[] {
  const found: RuleViolation[] = [];
  const additional = Array.isArray(config['additionalUsages']) ? config['additionalUsages'] : [];
  const callingUser = config['usage'] === 'CallingUserAssignment' || additional.includes('CallingUserAssignment');
  const tenantMayUpdate = config['allowTenantAddressUpdate'] === true;
  if (callingUser && !tenantMayUpdate && !hasText(config['civicAddressId']) && !hasText(config['locationId'])) {
    found.push(
      violation(
        'ACG-NUM-010',
        path,
        'A CallingUserAssignment number needs an emergency address: set civicAddressId or locationId (from the enterprise\'s Teams admin center), or set allowTenantAddressUpdate to true.',
      ),
    );
  }
  if (typeof telephoneNumber === 'string' && isNorthAmericanTollFree(telephoneNumber) && !hasText(config['displayedCountryCode'])) {
    found.push(tollFreeWithoutDisplayedCountry(telephoneNumber, [...path, 'displayedCountryCode']));
  }
  return found;
}

/** ACG-NUM-011, at displayedCountryCode or, when there is no configuration, where the configuration belongs. */
function tollFreeWithoutDisplayedCountry(telephoneNumber: string, path: ValuePath): RuleViolation {
  return violation(
    'ACG-NUM-011',
    path,
    `${telephoneNumber} is a North American toll-free number: set displayedCountryCode to the country to show (for example US or CA).`,
  );
}

function validateTeamsConfig(config: unknown, path: ValuePath, service: TeamsServiceKey, enabled: boolean, telephoneNumber: unknown): RuleViolation[] {
  if (config === undefined) return [];
  if (!isRecord(config)) return [wrongType(path, 'an object', config)];
  const usage = config['usage'];
  const additional = config['additionalUsages'];
  const found = [
    ...(usage === undefined ? [missing([...path, 'usage'])] : checkEnum('ACG-NUM-006', usage, NUMBER_USAGES, [...path, 'usage'], 'usage')),
    ...validateCapabilities(config['choosableCapabilities'], [...path, 'choosableCapabilities'], service),
    ...(additional === undefined ? [] : checkEnumList('ACG-NUM-006', additional, NUMBER_USAGES, [...path, 'additionalUsages'], 'usage')),
    ...optionalString(config, 'civicAddressId', path),
    ...optionalString(config, 'locationId', path),
    ...validateCountryCode(config['displayedCountryCode'], [...path, 'displayedCountryCode']),
    ...checkBoolean(config, 'allowTenantAddressUpdate', path, false),
  ];
  return enabled ? [...found, ...validateAddressRules(config, path, telephoneNumber)] : found;
}

function validateTeamsDetails(details: unknown, path: ValuePath, service: TeamsServiceKey, telephoneNumber: unknown): RuleViolation[] {
  if (!isRecord(details)) return [wrongType(path, 'an object', details)];
  const status = details['assignmentStatus'];
  const config = details['configuration'];
  const enabled = details['enabled'] === true;
  const found = [
    ...checkBoolean(details, 'enabled', path, true),
    ...(status === undefined ? [] : checkEnum('ACG-NUM-009', status, ASSIGNMENT_STATUSES, [...path, 'assignmentStatus'], 'assignment status')),
    ...validateTeamsConfig(config, [...path, 'configuration'], service, enabled, telephoneNumber),
  ];
  // Without a configuration there is nowhere to put the displayed country, so the finding points at where it belongs.
  if (enabled && config === undefined && typeof telephoneNumber === 'string' && isNorthAmericanTollFree(telephoneNumber)) {
    found.push(tollFreeWithoutDisplayedCountry(telephoneNumber, [...path, 'configuration']));
  }
  return found;
}

function validateServiceDetails(details: unknown, path: ValuePath, telephoneNumber: unknown): RuleViolation[] {
  if (details === undefined) return [missing(path, 'serviceDetails')];
  if (!isRecord(details)) return [wrongType(path, 'an object', details)];
  const found: RuleViolation[] = [];
  for (const service of SERVICE_KEYS) {
    const entry = details[service];
    if (entry === undefined) continue;
    if (isTeamsServiceKey(service)) found.push(...validateTeamsDetails(entry, [...path, service], service, telephoneNumber));
    else found.push(...(isRecord(entry) ? checkBoolean(entry, 'enabled', [...path, service], true) : [wrongType([...path, service], 'an object', entry)]));
  }
  return found;
}

export function validateCustomSipHeader(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (value.length === 0 || value.length > CUSTOM_SIP_HEADER_MAX_LENGTH) {
    return [violation('ACG-NUM-012', path, `The custom SIP header value has ${value.length} characters: use 1 to ${CUSTOM_SIP_HEADER_MAX_LENGTH}.`)];
  }
  const bad = badCharacters(value, SIP_HEADER_CHARACTER);
  if (bad === '') return [];
  return [violation('ACG-NUM-012', path, `Custom SIP header value ${show(value)} contains ${bad}: use only letters, digits, _ or -.`)];
}

function serviceEnabled(details: unknown, service: string): boolean {
  return isRecord(details) && isRecord(details[service]) && details[service]['enabled'] === true;
}

function validateNumberConfiguration(config: unknown, path: ValuePath, serviceDetails: unknown): RuleViolation[] {
  if (config === undefined) return [];
  if (!isRecord(config)) return [wrongType(path, 'an object', config)];
  const header = config['customSipHeader'];
  const headerPath = [...path, 'customSipHeader'];
  const found = validateCustomSipHeader(header, headerPath);
  if (header === undefined) return found;
  const blocked = NO_CUSTOM_SIP_HEADER.filter((s) => serviceEnabled(serviceDetails, s.key)).map((s) => s.name);
  if (blocked.length > 0) found.push(customSipHeaderNotAllowed(blocked, headerPath));
  return found;
}

/**
 * ACG-NUM-013 for numbers of the named services (display names, such as "Teams Phone Mobile"). Also for a whole
 * Teams Phone Mobile CSV that has a custom SIP header column.
 */
export function customSipHeaderNotAllowed(services: readonly string[], path: ValuePath = []): RuleViolation {
  return violation('ACG-NUM-013', path, `A custom SIP header cannot be set on a ${services.join(' or ')} number: remove customSipHeader.`);
}

export interface NumberValidationOptions {
  /** ISO 3166 alpha-2: the country a file declares for numbers written in national format (they get an E.164 fix). */
  readonly defaultCountry?: string;
}

/** Checks a NumberResource body. Paths are relative to `resource`, under `path`. */
export function validateNumber(resource: unknown, path: ValuePath = [], options: NumberValidationOptions = {}): RuleViolation[] {
  if (!isRecord(resource)) return [wrongType(path, 'a number object', resource)];
  const telephoneNumber = resource['telephoneNumber'];
  return [
    ...validateTelephoneNumber(telephoneNumber, [...path, 'telephoneNumber'], options.defaultCountry),
    ...validateAccountName(resource['accountName'], [...path, 'accountName']),
    ...validateServiceDetails(resource['serviceDetails'], [...path, 'serviceDetails'], telephoneNumber),
    ...validateNumberConfiguration(resource['configuration'], [...path, 'configuration'], resource['serviceDetails']),
  ];
}

/** `path` points at the list of numbers. */
export function validateBatchSize(count: number, path: ValuePath = []): RuleViolation[] {
  if (count <= BATCH_MAX_NUMBERS) return [];
  const batches = Math.ceil(count / BATCH_MAX_NUMBERS);
  return [violation('ACG-BATCH-001', path, `${count} numbers in one request: at most ${BATCH_MAX_NUMBERS}, so split them into ${batches} requests.`)];
}

/**
 * Flags every repeat of a number within one list, at the repeat's index. Numbers are compared in E.164 form, so
 * "+44 20 7946 0000" repeats "+442079460000". With `key`, the items are objects holding the number under that key.
 */
export function validateNoDuplicateNumbers(numbers: readonly unknown[], path: ValuePath = [], key?: string): RuleViolation[] {
  const firstSeen = new Map<string, number>();
  const found: RuleViolation[] = [];
  numbers.forEach((item, index) => {
    const value = key === undefined ? item : isRecord(item) ? item[key] : undefined;
    if (typeof value !== 'string') return;
    const canonical = canonicalNumber(value);
    const first = firstSeen.get(canonical);
    if (first === undefined) {
      firstSeen.set(canonical, index);
      return;
    }
    const at = (i: number): ValuePath => (key === undefined ? [...path, i] : [...path, i, key]);
    const earlier = numbers[first];
    const firstValue = key === undefined ? earlier : isRecord(earlier) ? earlier[key] : undefined;
    found.push(repeatedNumber(value, at(index), { path: at(first), value: String(firstValue) }));
  });
  return found;
}

/**
 * ACG-NUM-014 at a repeat of a number, with its first occurrence as the related place. Plans, CSVs, runbooks and
 * batch requests find repeats in their own way (across accounts, rows, users, or one list) and word them here.
 */
export function repeatedNumber(value: string, path: ValuePath, first: { readonly path: ValuePath; readonly value: string }): RuleViolation {
  return violation('ACG-NUM-014', path, `${show(value)} is listed more than once: list each number once.`, undefined, {
    related: [{ path: first.path, message: `${first.value} is first listed here.` }],
  });
}

function validateBatchBody(body: unknown, path: ValuePath, validateItem: (item: unknown, itemPath: ValuePath) => RuleViolation[]): RuleViolation[] {
  if (!isRecord(body)) return [wrongType(path, 'an object with a numbers list', body)];
  const numbers = body['numbers'];
  const numbersPath = [...path, 'numbers'];
  if (numbers === undefined) return [missing(numbersPath)];
  if (!Array.isArray(numbers)) return [wrongType(numbersPath, 'an array', numbers)];
  return [
    ...validateBatchSize(numbers.length, numbersPath),
    ...numbers.flatMap((item, index) => validateItem(item, [...numbersPath, index])),
    ...validateNoDuplicateNumbers(numbers, numbersPath, 'telephoneNumber'),
  ];
}

/** Checks a `:createOrUpdateNumbers` body (BatchNumbers). */
export function validateNumberBatch(body: unknown, path: ValuePath = []): RuleViolation[] {
  return validateBatchBody(body, path, validateNumber);
}

/** Checks a `:deleteNumbers` body (BatchNumbersDelete). */
export function validateNumberDeleteBatch(body: unknown, path: ValuePath = []): RuleViolation[] {
  return validateBatchBody(body, path, (item, itemPath) =>
    isRecord(item) ? validateTelephoneNumber(item['telephoneNumber'], [...itemPath, 'telephoneNumber']) : [wrongType(itemPath, 'an object', item)],
  );
}
