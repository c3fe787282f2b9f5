// What an account shows in the Enterprises view: its enabled services with their number counts and sync setting in
// the description, the provisioning status as the icon (failed: error icon, errors in the tooltip), and a tooltip with
// every service row. Pure text for the faces to wrap.
import { SERVICES, type AccountResource, type AccountServiceDetails, type ServiceKey } from '../models';
import { code, escapeMarkdown, field, lines } from './markdown';
import { STATUS_ICONS, statusSection, type IconSpec } from './provisioningStatus';

export type AccountServiceKey = ServiceKey;

export const ACCOUNT_SERVICES = SERVICES;

export interface AccountServiceRow {
  readonly key: AccountServiceKey;
  readonly short: string;
  readonly name: string;
  /** Undefined for Call Protection, which has no sync. */
  readonly syncEnabled?: boolean;
  readonly numberCount?: number;
}

/** The enabled services of an account, in a fixed order. */
export function enabledServices(details: AccountServiceDetails | undefined): AccountServiceRow[] {
  const rows: AccountServiceRow[] = [];
  for (const service of ACCOUNT_SERVICES) {
    const entry = details?.[service.key];
    if (!entry?.enabled) continue;
    rows.push({
      key: service.key,
      short: service.short,
      name: service.name,
      ...('syncEnabled' in entry ? { syncEnabled: entry.syncEnabled } : {}),
      ...(entry.numberCount === undefined ? {} : { numberCount: entry.numberCount }),
    });
  }
  return rows;
}

/** "on", "off" or "mixed" over the services that sync; undefined when none does. */
export function syncSummary(rows: readonly AccountServiceRow[]): 'on' | 'off' | 'mixed' | undefined {
  const values = rows.filter((r) => r.syncEnabled !== undefined).map((r) => r.syncEnabled);
  if (values.length === 0) return undefined;
  if (values.every(Boolean)) return 'on';
  return values.some(Boolean) ? 'mixed' : 'off';
}

/** The sum of the services' counts: a number carrying two services counts once per service, as the service reports. */
export function totalNumberCount(rows: readonly AccountServiceRow[]): number | undefined {
  const counts = rows.map((r) => r.numberCount).filter((n): n is number => n !== undefined);
  return counts.length ? counts.reduce((a, b) => a + b, 0) : undefined;
}

export interface AccountView {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: IconSpec;
}

export function accountView(account: AccountResource): AccountView {
  const rows = enabledServices(account.serviceDetails);
  const services = rows.length ? rows.map((r) => (r.numberCount === undefined ? r.short : `${r.short} ${r.numberCount.toLocaleString('en-US')}`)).join(', ') : 'no services';
  const sync = syncSummary(rows);
  const status = account.serviceProvisioningStatus;
  const description = [services, sync ? `sync ${sync}` : undefined, status && status !== 'synced' ? status : undefined].filter(Boolean).join(' · ');
  return { label: account.name, description, tooltip: accountTooltip(account, rows), icon: status ? STATUS_ICONS[status] : { id: 'account' } };
}

export function accountTooltip(account: AccountResource, rows = enabledServices(account.serviceDetails)): string {
  const table = rows.length
    ? ['', '| Service | Sync | Numbers |', '|---|---|---:|', ...rows.map((r) => `| ${r.name} (${r.short}) | ${r.syncEnabled === undefined ? '—' : r.syncEnabled ? 'on' : 'off'} | ${r.numberCount ?? '—'} |`), '']
    : ['', 'No services enabled.', ''];
  const dr = account.serviceDetails?.teamsDirectRouting;
  return lines([
    `**${escapeMarkdown(account.name)}** — account`,
    '',
    field('Teams tenant ID', account.serviceDetails?.teamsTenantId ? code(account.serviceDetails.teamsTenantId) : 'none', account.serviceDetails?.teamsTenantId !== undefined),
    field('Correlation ID', account.correlationId),
    dr?.enabled ? field('Direct Routing subdomain', [dr.configuration?.subdomain, dr.subdomainStatus].filter(Boolean).join(', ')) : undefined,
    ...table,
    ...statusSection(account),
  ]);
}
