// A number CSV (today's portal format, or the 2023 one-column format with settings supplied) as a provisioning plan.
// Cells that a quick fix would repair are converted repaired; rows with an error nothing repairs, and repeated
// numbers, are left out and stay visible in the diagnostics.
import { TEAMS_SERVICE_KEYS, type ChoosableCapability, type NumberUsage, type TeamsServiceKey } from '../../models/provisioning';
import { csvRowsWithoutAccount } from '../../rules/csvRules';
import { canonicalNumber } from '../../rules/phoneNumber';
import type { CsvColumn } from '../csvColumns';
import { diagnosticAt } from '../diagnostic';
import type { PlanAccount, PlanDocument, PlanNumber } from '../model';
import type { ConfigDiagnostic } from '../types';
import { LIST_SEPARATOR, setPath, validateCsv } from './validateCsv';

type TeamsService = TeamsServiceKey;

export interface CsvToPlanOptions {
  /** Account for rows without an accountName (the 2023 format has no such column). */
  readonly accountName?: string;
  /** ISO 3166 alpha-2: national-format numbers are converted to E.164 with it. */
  readonly defaultCountry?: string;
  /** Settings for every number of a 2023-format file, which lists numbers only. Defaults: Operator Connect, calling users, inbound and outbound. */
  readonly legacy?: {
    readonly service?: TeamsService;
    readonly usage?: NumberUsage;
    readonly choosableCapabilities?: readonly ChoosableCapability[];
    readonly civicAddressId?: string;
    readonly locationId?: string;
    readonly allowTenantAddressUpdate?: boolean;
  };
}

export interface CsvToPlanResult {
  readonly plan: PlanDocument;
  /** The CSV's own diagnostics (ranges into the CSV text), plus one for rows that could not be placed. */
  readonly diagnostics: ConfigDiagnostic[];
  /** Data rows left out (unrepairable errors, repeated numbers, no account). */
  readonly skippedRows: number;
}

function cellValue(column: CsvColumn, text: string): unknown {
  const value = text.trim();
  if (value === '') return undefined;
  switch (column.kind) {
    case 'boolean':
      return value.toLowerCase() === 'true' ? true : value.toLowerCase() === 'false' ? false : value;
    case 'enumList':
      return value.split(LIST_SEPARATOR);
    case 'country':
      return value.toUpperCase();
    default:
      return value;
  }
}

function legacyNumber(telephoneNumber: string, options: CsvToPlanOptions): PlanNumber {
  const legacy = options.legacy ?? {};
  const service = legacy.service ?? 'teamsOperatorConnect';
  const capabilities = legacy.choosableCapabilities ?? (service === 'teamsPhoneMobile' ? ['InboundCalling', 'OutboundCalling', 'Mobile'] : ['InboundCalling', 'OutboundCalling']);
  return {
    telephoneNumber,
    serviceDetails: {
      [service]: {
        enabled: true,
        configuration: {
          usage: legacy.usage ?? 'CallingUserAssignment',
          choosableCapabilities: [...capabilities],
          ...(legacy.civicAddressId ? { civicAddressId: legacy.civicAddressId } : {}),
          ...(legacy.locationId ? { locationId: legacy.locationId } : {}),
          ...(legacy.allowTenantAddressUpdate === undefined ? {} : { allowTenantAddressUpdate: legacy.allowTenantAddressUpdate }),
        },
      },
    },
  };
}

/** Converts a number CSV into a plan: one account per accountName (first-seen order), each enabling the services its numbers use. */
export function csvToPlan(csvText: string, options: CsvToPlanOptions = {}): CsvToPlanResult {
  const analysis = validateCsv(csvText, options.defaultCountry ? { defaultCountry: options.defaultCountry } : {});
  const diagnostics = [...analysis.diagnostics];
  const accounts = new Map<string, { account: PlanAccount; numbers: PlanNumber[]; services: Set<TeamsService> }>();
  const seen = new Set<string>();
  let skipped = 0;
  const set = analysis.set;
  let unplaced = false;
  analysis.dataRows.forEach((row, index) => {
    if (!set || analysis.brokenRows.has(index)) {
      skipped++;
      return;
    }
    const fixed = analysis.fixedValues.get(index);
    const number: Record<string, unknown> = {};
    let accountName = options.accountName ?? '';
    row.cells.forEach((cell, i) => {
      const column = analysis.columns[i];
      if (!column) return;
      const value = cellValue(column, fixed?.get(i) ?? cell.value);
      if (value === undefined) return;
      if (column.kind === 'accountName') accountName = String(value);
      else if (column.planPath.length === 0) Object.assign(number, legacyNumber(String(value), options));
      else setPath(number, column.planPath, value);
    });
    const tel = typeof number['telephoneNumber'] === 'string' ? number['telephoneNumber'] : '';
    const key = canonicalNumber(tel);
    if (tel === '' || seen.has(key) || accountName === '') {
      unplaced ||= accountName === '';
      skipped++;
      return;
    }
    seen.add(key);
    let entry = accounts.get(accountName);
    if (!entry) accounts.set(accountName, (entry = { account: { name: accountName }, numbers: [], services: new Set() }));
    const details = number['serviceDetails'];
    for (const service of TEAMS_SERVICE_KEYS) {
      if (typeof details === 'object' && details !== null && service in details) entry.services.add(service);
    }
    entry.numbers.push(number as unknown as PlanNumber);
  });
  if (unplaced) {
    diagnostics.push(diagnosticAt(csvRowsWithoutAccount(), { start: 0, end: Math.min(csvText.length, Math.max(1, csvText.search(/[\r\n]|$/))) }));
  }
  const plan: PlanDocument = {
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    accounts: [...accounts.values()].map(({ account, numbers, services }) => ({
      ...account,
      // Sync is what makes the gateway provision Teams (flow-through); review it before applying.
      serviceDetails: Object.fromEntries([...services].map((s) => [s, { enabled: true, syncEnabled: true }])),
      numbers,
    })),
  };
  return { plan, diagnostics, skippedRows: skipped };
}
