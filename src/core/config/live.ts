// The pure half of the live checks for provisioning plans (issue 6 §3): which values of a plan to look up on the
// selected gateway, with their exact ranges, and how lookup results become diagnostics. The service calls, caching and
// cancellation live in src/diagnostics/provisioningLiveChecker.ts.
import { TEAMS_SERVICE_KEYS } from '../models/provisioning';
import { liveChecksLimited, numberOwnedElsewhere, unknownAccount, unknownCivicReference } from '../rules/liveRules';
import { diagnosticAt } from './diagnostic';
import { parseJsonDocument } from './json/document';
import type { ConfigDiagnostic, TextRange } from './types';

/** A value of the plan to check, and where its JSON value (quotes included) sits in the text. */
export interface LiveValue {
  readonly value: string;
  readonly range: TextRange;
}

export interface LiveAccountRefs {
  readonly name: LiveValue;
  readonly civicAddressIds: readonly LiveValue[];
  readonly locationIds: readonly LiveValue[];
  readonly numbers: readonly LiveValue[];
}

export interface PlanReferences {
  readonly accounts: readonly LiveAccountRefs[];
}

/** At most this many numbers are looked up per validation pass. */
export const MAX_LIVE_NUMBERS = 200;


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The account names, civic address and location ids, and numbers of a plan, with ranges. Never throws. */
export function extractPlanReferences(text: string): PlanReferences {
  const document = parseJsonDocument(text);
  const root = document.value;
  if (!isRecord(root) || !Array.isArray(root['accounts'])) return { accounts: [] };
  const at = (path: (string | number)[], value: unknown): LiveValue | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    const location = document.locate(path);
    return location.found ? { value, range: { start: location.value.start, end: location.value.end } } : undefined;
  };
  const accounts: LiveAccountRefs[] = [];
  root['accounts'].forEach((account: unknown, a) => {
    if (!isRecord(account)) return;
    const name = at(['accounts', a, 'name'], account['name']);
    if (!name) return;
    const civicAddressIds: LiveValue[] = [];
    const locationIds: LiveValue[] = [];
    const numbers: LiveValue[] = [];
    const list = Array.isArray(account['numbers']) ? (account['numbers'] as unknown[]) : [];
    list.forEach((number, n) => {
      if (!isRecord(number)) return;
      const tel = at(['accounts', a, 'numbers', n, 'telephoneNumber'], number['telephoneNumber']);
      if (tel) numbers.push(tel);
      const details = number['serviceDetails'];
      if (!isRecord(details)) return;
      for (const service of TEAMS_SERVICE_KEYS) {
        const detail = details[service];
        const configuration = isRecord(detail) ? detail['configuration'] : undefined;
        if (!isRecord(configuration)) continue;
        const base = ['accounts', a, 'numbers', n, 'serviceDetails', service, 'configuration'];
        const civic = at([...base, 'civicAddressId'], configuration['civicAddressId']);
        if (civic) civicAddressIds.push(civic);
        const location = at([...base, 'locationId'], configuration['locationId']);
        if (location) locationIds.push(location);
      }
    });
    accounts.push({ name, civicAddressIds, locationIds, numbers });
  });
  return { accounts };
}

/** The numbers to look up this pass (first `max`, deduplicated), and the first one left out, if any. */
export function numbersToCheck(references: PlanReferences, max = MAX_LIVE_NUMBERS): { numbers: string[]; truncatedAt?: LiveValue; total: number } {
  const seen = new Set<string>();
  let truncatedAt: LiveValue | undefined;
  for (const account of references.accounts) {
    for (const number of account.numbers) {
      if (seen.has(number.value)) continue;
      if (seen.size >= max) {
        truncatedAt ??= number;
        continue;
      }
      seen.add(number.value);
    }
  }
  const total = new Set(references.accounts.flatMap((a) => a.numbers.map((n) => n.value))).size;
  return { numbers: [...seen], truncatedAt, total };
}

/** What the gateway said. A missing entry means "not looked up" (or the lookup failed): no finding for it. */
export interface LiveResults {
  /** Account name → whether it exists on the gateway. */
  readonly accounts: ReadonlyMap<string, boolean>;
  /** Account name → the ids (lower case) of its enterprise's civic addresses and their locations. */
  readonly civic: ReadonlyMap<string, { readonly addresses: ReadonlySet<string>; readonly locations: ReadonlySet<string> }>;
  /** Telephone number → the account that has it on the gateway, or null when none does. */
  readonly owners: ReadonlyMap<string, string | null>;
}

/** Diagnostics for the references, given the lookup results. */
export function liveFindings(references: PlanReferences, results: LiveResults, gatewayName: string, max = MAX_LIVE_NUMBERS): ConfigDiagnostic[] {
  const findings: ConfigDiagnostic[] = [];
  const checked = new Set(numbersToCheck(references, max).numbers);
  for (const account of references.accounts) {
    const name = account.name.value;
    if (results.accounts.get(name) === false) {
      findings.push(diagnosticAt(unknownAccount(name, gatewayName), account.name.range));
    }
    const civic = results.civic.get(name);
    if (civic) {
      for (const id of account.civicAddressIds) {
        if (!civic.addresses.has(id.value.toLowerCase())) {
          findings.push(diagnosticAt(unknownCivicReference('civic address', id.value, name), id.range));
        }
      }
      for (const id of account.locationIds) {
        if (!civic.locations.has(id.value.toLowerCase())) {
          findings.push(diagnosticAt(unknownCivicReference('location', id.value, name), id.range));
        }
      }
    }
    for (const number of account.numbers) {
      if (!checked.has(number.value)) continue;
      const owner = results.owners.get(number.value);
      if (typeof owner === 'string' && owner !== name) {
        findings.push(diagnosticAt(numberOwnedElsewhere(number.value, owner, gatewayName), number.range));
      }
    }
  }
  const { truncatedAt, total } = numbersToCheck(references, max);
  if (truncatedAt) {
    findings.push(diagnosticAt(liveChecksLimited(max, total), truncatedAt.range));
  }
  return findings;
}
