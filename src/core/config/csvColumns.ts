// The Number Management Portal's CSV upload, as documented in MicrosoftDocs/azure-docs
// articles/communications-gateway/manage-enterprise-operator-connect.md (version of 2024-02-16, "Upload a CSV"):
// one row per number, at most 10,000 rows, headings that flatten the Provisioning API's NumberResource with `_`.
// There is one table for Operator Connect and one for Teams Phone Mobile (which has no custom SIP header column).
// The 2023 version of the page took a single `Numbers` column instead (legacy2023 below).
//
// Not documented, so assumed here: how a cell lists several values (choosableCapabilities, additionalUsages). The
// engine accepts values separated by `,` (quote the cell), `;` or `|`, and writes `;`-free comma lists when it
// converts. Headings are matched exactly (case-sensitive), as the docs print them.
import { ASSIGNMENT_STATUSES, CHOOSABLE_CAPABILITIES, NUMBER_USAGES } from '../models/provisioning';

export type CsvColumnSetId = 'operatorConnect' | 'teamsPhoneMobile' | 'legacy2023';
export type CsvCellKind = 'telephoneNumber' | 'accountName' | 'boolean' | 'enum' | 'enumList' | 'text' | 'country' | 'sipHeader';

export interface CsvColumn {
  readonly heading: string;
  readonly description: string;
  readonly kind: CsvCellKind;
  /** For enum and enumList cells. */
  readonly values?: readonly string[];
  /** The column must be present in the heading row. */
  readonly required: boolean;
  /** Where the cell's value goes in a plan number (the heading split at `_`). Empty for the legacy column. */
  readonly planPath: readonly string[];
}

export interface CsvColumnSet {
  readonly id: CsvColumnSetId;
  readonly title: string;
  readonly service?: 'teamsOperatorConnect' | 'teamsPhoneMobile';
  readonly columns: readonly CsvColumn[];
}

function serviceColumns(service: 'teamsOperatorConnect' | 'teamsPhoneMobile'): CsvColumn[] {
  const prefix = `serviceDetails_${service}`;
  const column = (suffix: string, description: string, kind: CsvCellKind, required = false, values?: readonly string[]): CsvColumn => {
    const heading = `${prefix}_${suffix}`;
    return { heading, description, kind, required, planPath: heading.split('_'), ...(values ? { values } : {}) };
  };
  return [
    { heading: 'telephoneNumber', description: 'The number to upload: E.164, with + and the country code.', kind: 'telephoneNumber', required: true, planPath: ['telephoneNumber'] },
    { heading: 'accountName', description: 'The name of an existing account to upload the number to.', kind: 'accountName', required: true, planPath: ['accountName'] },
    column('enabled', `Whether ${service === 'teamsOperatorConnect' ? 'Operator Connect' : 'Teams Phone Mobile'} is enabled: true or false.`, 'boolean', true),
    column('assignmentStatus', 'Whether the number is assigned to a user: assigned or unassigned.', 'enum', false, ASSIGNMENT_STATUSES),
    column('configuration_usage', 'The usage of the number: CallingUserAssignment, FirstPartyAppAssignment or ConferenceAssignment.', 'enum', false, NUMBER_USAGES),
    column('configuration_choosableCapabilities', 'The capabilities of the number: InboundCalling, OutboundCalling, Mobile.', 'enumList', false, CHOOSABLE_CAPABILITIES),
    column('configuration_additionalUsages', 'Additional usages: CallingUserAssignment, FirstPartyAppAssignment, ConferenceAssignment.', 'enumList', false, NUMBER_USAGES),
    column('configuration_civicAddressId', 'The id of the civic address used as the emergency address (an existing id).', 'text'),
    column('configuration_locationId', 'The id of a location of that civic address (an existing id).', 'text'),
    column('configuration_allowTenantAddressUpdate', 'Whether the enterprise can update the civic address: true or false.', 'boolean'),
    column('configuration_displayedCountryCode', 'The country to display for the number; required for North American toll-free numbers.', 'country'),
  ];
}

const SIP_HEADER_COLUMN: CsvColumn = {
  heading: 'configuration_customSipHeader',
  description: 'Optional custom SIP header value: letters, digits, _ and -, up to 100 characters.',
  kind: 'sipHeader',
  required: false,
  planPath: ['configuration', 'customSipHeader'],
};

export const CSV_COLUMN_SETS: Readonly<Record<CsvColumnSetId, CsvColumnSet>> = {
  operatorConnect: { id: 'operatorConnect', title: 'Operator Connect', service: 'teamsOperatorConnect', columns: [...serviceColumns('teamsOperatorConnect'), SIP_HEADER_COLUMN] },
  teamsPhoneMobile: { id: 'teamsPhoneMobile', title: 'Teams Phone Mobile', service: 'teamsPhoneMobile', columns: serviceColumns('teamsPhoneMobile') },
  legacy2023: {
    id: 'legacy2023',
    title: '2023 portal (one Numbers column)',
    columns: [{ heading: 'Numbers', description: 'One number per line (2023 portal; up to 19 characters, + optional).', kind: 'telephoneNumber', required: true, planPath: [] }],
  },
};

/** Every heading today's portal knows, with its column (the SIP header column belongs to Operator Connect only). */
export const KNOWN_HEADINGS: ReadonlyMap<string, CsvColumn> = new Map(
  [...CSV_COLUMN_SETS.operatorConnect.columns, ...CSV_COLUMN_SETS.teamsPhoneMobile.columns].map((c) => [c.heading, c]),
);
