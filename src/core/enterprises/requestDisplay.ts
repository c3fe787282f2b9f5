// What a request for information (a Teams consent) shows in the Enterprises view: the company as the label, the consent
// status and countries in the description, and everything else (tenant id, contacts, relationship, sync errors) in a
// Markdown tooltip. Pure text, so unit tests check the wording and the faces only wrap it.
import type { RequestForInformationResource, TeamsConsentStatus } from '../models';
import { code, day, escapeMarkdown, field, lines } from './markdown';
import { STATUS_ICONS, statusSection, type IconSpec } from './provisioningStatus';

export const CONSENT_ICONS: Readonly<Record<TeamsConsentStatus, IconSpec>> = {
  active: { id: 'pass-filled', color: 'testing.iconPassed' },
  suspended: { id: 'debug-pause', color: 'list.warningForeground' },
  removed: { id: 'circle-slash', color: 'disabledForeground' },
};

/** The company that consented: the first contact's company, else the tenant id (a consent always has one). */
export function companyOf(request: RequestForInformationResource): string {
  const company = request.contacts?.find((c) => c.companyName && c.companyName.trim() !== '')?.companyName;
  return company?.trim() ?? request.tenantId;
}

export interface RequestView {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: IconSpec;
}

export function requestView(request: RequestForInformationResource): RequestView {
  const consent = request.status ?? 'unknown';
  const countries = request.consentedCountries?.length ? request.consentedCountries.join(', ') : undefined;
  const description = [consent, countries, request.accountName ? `→ ${request.accountName}` : undefined].filter(Boolean).join(' · ');
  // A failed sync (e.g. Teams refused the last relationship update) matters more than the consent's own state.
  const icon = request.serviceProvisioningStatus === 'failed' ? STATUS_ICONS.failed : request.status ? CONSENT_ICONS[request.status] : { id: 'question' };
  return { label: companyOf(request), description, tooltip: requestTooltip(request), icon };
}

export function requestTooltip(request: RequestForInformationResource): string {
  const relationship = request.customerRelationship;
  const contacts = (request.contacts ?? []).map((c) => {
    const parts = [escapeMarkdown(c.fullName), c.email ? `· ${escapeMarkdown(c.email)}` : undefined, c.telephoneNumber ? `· ${code(c.telephoneNumber)}` : undefined];
    const extra = [c.companyName, c.companySize ? `size ${c.companySize}` : undefined].filter(Boolean).join(', ');
    return `  - ${parts.filter(Boolean).join(' ')}${extra ? ` (${escapeMarkdown(extra)})` : ''}`;
  });
  return lines([
    `**${escapeMarkdown(companyOf(request))}** — request for information`,
    '',
    field('Tenant ID', code(request.tenantId), true),
    field('Consent status', request.status ?? 'unknown'),
    field('Consented on', day(request.consentedOn)),
    field('Countries', request.consentedCountries?.join(', ')),
    field('Relationship', relationship?.status ?? 'no status yet'),
    field('Reason / reference', relationship?.comment),
    field('Relationship updated', day(relationship?.lastModifiedOn)),
    field('Account', request.accountName ? code(request.accountName) : 'none yet', request.accountName !== undefined),
    contacts.length ? `- **Contacts:**\n${contacts.join('\n')}` : field('Contacts', 'none'),
    ...(request.serviceProvisioningStatus ? ['', ...statusSection(request)] : []),
  ]);
}
