// The Requests for Information panel's grid, as plain data: one row per request (everything the grid, its filters and
// the detail pane show), the filters (relationship status, consent status, consented country, company, free text),
// and the exact wording of a relationship change for the confirmation and the page's preview. Pure and free of the
// rule table, so the page's bundle can carry the filter as it is, and unit tests check it with plain data.
import type { ContactDetails, CoreError, RelationshipStatus, RequestForInformationResource, ServiceProvisioningStatus, TeamsConsentStatus } from '../models';
import { CONSENT_STATUSES } from '../models';
import { day } from './markdown';
import { groupLabel, relationshipGroupOf, sortRequests, type RelationshipGroupKey, RELATIONSHIP_GROUP_ORDER, RELATIONSHIP_LABELS } from './relationshipGroups';
import { companyOf } from './requestDisplay';

export type ConsentKey = TeamsConsentStatus | 'unknown';

/** One line of a failed request's provisioning errors; `depth` > 0 for nested details. */
export interface ErrorLine {
  readonly depth: number;
  readonly code: string;
  readonly target?: string;
  readonly message: string;
}

export interface RequestRow {
  readonly tenantId: string;
  readonly company: string;
  readonly consent: ConsentKey;
  readonly consentedOn?: string;
  /** When the consent itself last changed (suspended, removed…). */
  readonly lastModifiedOn?: string;
  readonly countries: readonly string[];
  readonly relationship: RelationshipGroupKey;
  readonly relationshipLabel: string;
  /** The status as the service wrote it, when it is one this version does not know ("other"). */
  readonly relationshipRaw?: string;
  readonly comment?: string;
  readonly relationshipModifiedOn?: string;
  readonly accountName?: string;
  readonly provisioning?: ServiceProvisioningStatus;
  readonly errors: readonly ErrorLine[];
  readonly contacts: readonly ContactDetails[];
  readonly productContext?: string;
  readonly operatorId?: string;
}

export function requestRow(request: RequestForInformationResource): RequestRow {
  const relationship = relationshipGroupOf(request);
  const raw: unknown = request.customerRelationship?.status;
  const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]?: V }));
  return {
    tenantId: request.tenantId,
    company: companyOf(request),
    consent: request.status && CONSENT_STATUSES.includes(request.status) ? request.status : 'unknown',
    ...optional('consentedOn', day(request.consentedOn)),
    ...optional('lastModifiedOn', day(request.lastModifiedOn)),
    countries: [...(request.consentedCountries ?? [])],
    relationship,
    relationshipLabel: groupLabel(relationship),
    ...optional('relationshipRaw', relationship === 'other' ? String(raw) : undefined),
    ...optional('comment', request.customerRelationship?.comment),
    ...optional('relationshipModifiedOn', day(request.customerRelationship?.lastModifiedOn)),
    ...optional('accountName', request.accountName),
    ...optional('provisioning', request.serviceProvisioningStatus),
    errors: errorLines(request.serviceProvisioningErrors),
    contacts: [...(request.contacts ?? [])],
    ...optional('productContext', request.productContext),
    ...optional('operatorId', request.operatorId),
  };
}

/** Rows in the Enterprises view's order (company, then tenant id), so the grid and the tree agree. */
export function requestRows(requests: readonly RequestForInformationResource[]): RequestRow[] {
  return sortRequests(requests).map(requestRow);
}

function errorLines(errors: readonly CoreError[] | undefined): ErrorLine[] {
  const out: ErrorLine[] = [];
  const walk = (list: readonly CoreError[], depth: number): void => {
    for (const error of list) {
      out.push({ depth, code: error.code, ...(error.target ? { target: error.target } : {}), message: error.message });
      if (error.details?.length) walk(error.details, depth + 1);
    }
  };
  walk(errors ?? [], 0);
  return out;
}

// ---- Filters ---------------------------------------------------------------------------------------------------------

export const ALL = 'all';

export interface RequestFilter {
  readonly relationship: RelationshipGroupKey | typeof ALL;
  readonly consent: ConsentKey | typeof ALL;
  /** An ISO country code from the consented countries, or '' for any. */
  readonly country: string;
  /** A company exactly as the grid shows it, or '' for any. */
  readonly company: string;
  /** Free text: company, tenant id, account, contacts, comment, countries; every word must match. */
  readonly text: string;
}

export const NO_FILTER: RequestFilter = { relationship: ALL, consent: ALL, country: '', company: '', text: '' };

export const RELATIONSHIP_FILTER_KEYS: readonly RelationshipGroupKey[] = [...RELATIONSHIP_GROUP_ORDER, 'other'];
export const CONSENT_FILTER_KEYS: readonly ConsentKey[] = [...CONSENT_STATUSES, 'unknown'];

export function isFiltered(filter: RequestFilter): boolean {
  return filter.relationship !== ALL || filter.consent !== ALL || filter.country !== '' || filter.company !== '' || filter.text.trim() !== '';
}

export function filterRequestRows(rows: readonly RequestRow[], filter: RequestFilter): RequestRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word !== '');
  return rows.filter(
    (row) =>
      (filter.relationship === ALL || row.relationship === filter.relationship) &&
      (filter.consent === ALL || row.consent === filter.consent) &&
      (filter.country === '' || row.countries.some((country) => country.toUpperCase() === filter.country.toUpperCase())) &&
      (filter.company === '' || row.company === filter.company) &&
      (words.length === 0 || matchesWords(row, words)),
  );
}

function matchesWords(row: RequestRow, words: readonly string[]): boolean {
  const haystack = [
    row.company,
    row.tenantId,
    row.accountName,
    row.comment,
    row.relationshipLabel,
    row.consent,
    ...row.countries,
    ...row.contacts.flatMap((c) => [c.fullName, c.email, c.telephoneNumber, c.companyName]),
  ]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** What the country and company filters offer: the values the rows have, sorted, each once. */
export function filterChoices(rows: readonly RequestRow[]): { countries: string[]; companies: string[] } {
  const countries = new Set<string>();
  const companies = new Set<string>();
  for (const row of rows) {
    for (const country of row.countries) countries.add(country.toUpperCase());
    companies.add(row.company);
  }
  return { countries: [...countries].sort(), companies: [...companies].sort((a, b) => a.localeCompare(b)) };
}

export function consentLabel(key: ConsentKey): string {
  return key === 'unknown' ? 'Unknown' : `${key[0].toUpperCase()}${key.slice(1)}`;
}

// ---- The change, in words ------------------------------------------------------------------------------------------

export interface RelationshipChangeText {
  readonly status: RelationshipStatus;
  /** Undefined: the service keeps the current comment (the write is a merge patch that leaves it out). */
  readonly comment?: string;
}

/**
 * "Contoso Telecom: Agreement signed → Consent declined; reason “Out of coverage”": the exact change one request gets,
 * for the confirmation and the page's preview. Without a new comment the service keeps the old one, and this says so.
 */
export function describeRelationshipChange(row: Pick<RequestRow, 'company' | 'relationshipLabel' | 'comment' | 'relationship'>, change: RelationshipChangeText): string {
  const to = RELATIONSHIP_LABELS[change.status];
  const same = row.relationship === change.status;
  const status = same ? `${to} (unchanged)` : `${row.relationshipLabel} → ${to}`;
  const comment =
    change.comment !== undefined
      ? row.comment === change.comment
        ? `comment “${change.comment}” (unchanged)`
        : `comment “${change.comment}”${row.comment ? ` (was “${row.comment}”)` : ''}`
      : row.comment
        ? `comment kept: “${row.comment}”`
        : 'no comment';
  return `${row.company}: ${status}; ${comment}`;
}
