// The number editor's form, without a page: which services, usages and capabilities may be offered (from the
// account and the service's capability plans, never a list of our own), which civic addresses and locations (the
// account's real ones), and the NumberResources the filled form stands for. Every finding is the core rules' own
// (validateNumber, validateCustomSipHeader, customSipHeaderNotAllowed), placed on the field it is about, so the form
// says exactly what an upload or the service would say.
import { addressLine } from '../enterprises/civicAddressDisplay';
import {
  CHOOSABLE_CAPABILITIES,
  isTeamsServiceKey,
  NUMBER_USAGES,
  SERVICES,
  type AccountResource,
  type ChoosableCapability,
  type NumberResource,
  type NumberServiceDetails,
  type NumberUsage,
  type ServiceKey,
  type TeamsCapabilityPlans,
  type TeamsCivicAddressResource,
  type TeamsServiceKey,
} from '../models/provisioning';
import { customSipHeaderNotAllowed, validateCustomSipHeader, validateNumber } from '../rules/numberRules';
import { getRule } from '../rules/ruleTable';
import type { RuleViolation, Severity } from '../rules/types';

/** Services whose numbers cannot carry a custom SIP header: the form hides the field for them (rule ACG-NUM-013). */
const NO_SIP_HEADER: readonly ServiceKey[] = ['teamsPhoneMobile', 'azureOperatorCallProtection'];

export interface ServiceChoice {
  readonly key: ServiceKey;
  readonly name: string;
  /** Operator Connect and Teams Phone Mobile numbers carry usage, capabilities and an emergency address. */
  readonly teams: boolean;
  readonly customSipHeader: boolean;
}

export interface UsageChoice {
  readonly usage: NumberUsage;
  /** The choosable capabilities the service's plans offer with this usage. */
  readonly capabilities: readonly ChoosableCapability[];
  /** Capabilities every number of the plan gets (shown, not chosen). */
  readonly mandatory: readonly string[];
  readonly supportsTollFree: boolean;
}

export interface LocationChoice {
  readonly id: string;
  readonly label: string;
  readonly isDefault: boolean;
  readonly elin?: string;
}

export interface AddressChoice {
  readonly id: string;
  readonly label: string;
  readonly validated: boolean;
  readonly locations: readonly LocationChoice[];
}

/** What the form holds. Fields a service does not use are ignored for it. */
export interface NumberDraft {
  readonly service: ServiceKey;
  readonly usage?: NumberUsage;
  readonly capabilities: readonly ChoosableCapability[];
  readonly civicAddressId?: string;
  readonly locationId?: string;
  readonly allowTenantAddressUpdate: boolean;
  readonly displayedCountryCode?: string;
  /** Empty or undefined: no header. */
  readonly customSipHeader?: string;
}

export const DRAFT_FIELDS = ['numbers', 'service', 'usage', 'capabilities', 'civicAddress', 'location', 'allowTenantAddressUpdate', 'displayedCountryCode', 'customSipHeader'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export interface DraftFinding {
  readonly field: DraftField;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** The services the account is enabled for, in the order every view lists them. */
export function serviceChoices(account: AccountResource): ServiceChoice[] {
  const details = account.serviceDetails ?? {};
  return SERVICES.filter((s) => details[s.key]?.enabled === true).map((s) => ({
    key: s.key,
    name: s.name,
    teams: isTeamsServiceKey(s.key),
    customSipHeader: !NO_SIP_HEADER.includes(s.key),
  }));
}

/** Whether a plan is the Teams Phone Mobile one: it is offered as Mobile, or Mobile is mandatory with it. */
function isMobilePlan(plan: TeamsCapabilityPlans['capabilityPlans'][number]): boolean {
  return (plan.offerTypes ?? []).includes('Mobile') || (plan.mandatoryCapabilities ?? []).includes('Mobile');
}

/** The usages (each with its capabilities) the service's capability plans offer; nothing else is offered. */
export function usageChoices(service: ServiceKey, plans: TeamsCapabilityPlans | undefined): UsageChoice[] {
  if (!isTeamsServiceKey(service) || !plans) return [];
  const byUsage = new Map<NumberUsage, { capabilities: Set<ChoosableCapability>; mandatory: Set<string>; tollFree: boolean }>();
  for (const plan of plans.capabilityPlans) {
    if (isMobilePlan(plan) !== (service === 'teamsPhoneMobile')) continue;
    const usage = NUMBER_USAGES.find((u) => u === plan.usage);
    if (!usage) continue;
    const entry = byUsage.get(usage) ?? { capabilities: new Set(), mandatory: new Set(), tollFree: false };
    for (const c of plan.choosableCapabilities ?? []) {
      const known = CHOOSABLE_CAPABILITIES.find((k) => k === c);
      if (known) entry.capabilities.add(known);
    }
    for (const m of plan.mandatoryCapabilities ?? []) entry.mandatory.add(m);
    entry.tollFree ||= plan.supportsTollFree;
    byUsage.set(usage, entry);
  }
  return NUMBER_USAGES.flatMap((usage) => {
    const entry = byUsage.get(usage);
    if (!entry) return [];
    return [{ usage, capabilities: CHOOSABLE_CAPABILITIES.filter((c) => entry.capabilities.has(c)), mandatory: [...entry.mandatory], supportsTollFree: entry.tollFree }];
  });
}

/** The account's civic addresses (from the enterprise's Teams admin center) with their locations, default first. */
export function addressChoices(addresses: readonly TeamsCivicAddressResource[]): AddressChoice[] {
  return addresses.map((address) => ({
    id: address.id,
    label: address.description?.trim() ? `${address.description.trim()} — ${addressLine(address)}` : addressLine(address),
    validated: address.validationStatus === 'validated',
    locations: [...(address.locations ?? [])]
      .sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true))
      .map((l) => ({ id: l.id, label: l.description?.trim() || l.id, isDefault: l.isDefault === true, ...(l.elin ? { elin: l.elin } : {}) })),
  }));
}

/** The "allow tenant update" rule as the rule table states it, shown beside the address fields. */
export function emergencyAddressRule(): string {
  return getRule('ACG-NUM-010').message;
}

function teamsDetails(draft: NumberDraft, service: TeamsServiceKey): NumberServiceDetails {
  const configuration = {
    usage: draft.usage ?? 'CallingUserAssignment',
    choosableCapabilities: [...draft.capabilities],
    ...(draft.civicAddressId ? { civicAddressId: draft.civicAddressId } : {}),
    ...(draft.locationId ? { locationId: draft.locationId } : {}),
    allowTenantAddressUpdate: draft.allowTenantAddressUpdate,
    ...(draft.displayedCountryCode ? { displayedCountryCode: draft.displayedCountryCode } : {}),
  };
  return { [service]: { enabled: true, configuration } };
}

/** The number the form describes for one telephone number. */
export function numberFromDraft(accountName: string, telephoneNumber: string, draft: NumberDraft): NumberResource {
  const serviceDetails: NumberServiceDetails = isTeamsServiceKey(draft.service) ? teamsDetails(draft, draft.service) : { [draft.service]: { enabled: true } };
  const header = draft.customSipHeader ?? '';
  return { telephoneNumber, accountName, serviceDetails, ...(header !== '' ? { configuration: { customSipHeader: header } } : {}) };
}

export function numbersFromDraft(accountName: string, telephoneNumbers: readonly string[], draft: NumberDraft): NumberResource[] {
  return telephoneNumbers.map((telephoneNumber) => numberFromDraft(accountName, telephoneNumber, draft));
}

/** Which form field a finding at `path` (relative to a NumberResource) is about. */
export function fieldOfPath(path: readonly (string | number)[]): DraftField {
  const last = path.filter((p): p is string => typeof p === 'string');
  const has = (key: string): boolean => last.includes(key);
  if (has('customSipHeader')) return 'customSipHeader';
  if (has('telephoneNumber')) return 'numbers';
  if (has('usage') || has('additionalUsages')) return 'usage';
  if (has('choosableCapabilities')) return 'capabilities';
  if (has('displayedCountryCode')) return 'displayedCountryCode';
  if (has('locationId')) return 'location';
  if (has('allowTenantAddressUpdate')) return 'allowTenantAddressUpdate';
  if (has('civicAddressId')) return 'civicAddress';
  // ACG-NUM-010 sits on the configuration itself: it is about the emergency address.
  if (has('configuration') && last[last.length - 1] === 'configuration') return 'civicAddress';
  return 'service';
}

function finding(v: RuleViolation, field: DraftField = fieldOfPath(v.path)): DraftFinding {
  return { field, ruleId: v.ruleId, severity: v.severity, message: v.message };
}

/** The custom SIP header field's live check, as the rule states it, for the chosen service. */
export function customSipHeaderFindings(value: string, service: ServiceKey): DraftFinding[] {
  if (value === '') return [];
  const choice = SERVICES.find((s) => s.key === service);
  if (NO_SIP_HEADER.includes(service)) return [finding(customSipHeaderNotAllowed([choice?.name ?? service]), 'customSipHeader')];
  return validateCustomSipHeader(value).map((v) => finding(v, 'customSipHeader'));
}

/**
 * Every finding of the numbers the form describes, one per field and message (a rule broken by all 300 numbers is
 * said once). Findings that name a number (a toll-free one without a displayed country) stay one per number.
 */
export function checkNumbers(numbers: readonly NumberResource[]): DraftFinding[] {
  const seen = new Set<string>();
  const out: DraftFinding[] = [];
  for (const number of numbers) {
    for (const v of validateNumber(number)) {
      const f = finding(v);
      const key = `${f.field}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** The form's findings for these numbers: an empty list of numbers is itself a finding, worded by the rule. */
export function checkDraft(accountName: string, telephoneNumbers: readonly string[], draft: NumberDraft): DraftFinding[] {
  const header = customSipHeaderFindings(draft.customSipHeader ?? '', draft.service);
  const numbers = checkNumbers(numbersFromDraft(accountName, telephoneNumbers, draft)).filter((f) => f.field !== 'customSipHeader');
  return [...header, ...numbers];
}

/** True when nothing in `findings` stops a write (warnings, such as ACG-NUM-010, are the person's call). */
export function blocksWrite(findings: readonly DraftFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
