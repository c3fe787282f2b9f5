// The Account panel's view model, as plain data: every service of an account (enabled or not) with its sync and number
// count, Direct Routing's configuration and subdomain status, the provisioning status with its errors; the edit of
// services and sync as a body to PUT (checked by the rule table, never by a copy of its texts) with the exact change
// it makes, line by line; and what deleting the account will do, said before anything is sent.
import { SERVICES, type AccountResource, type AccountServiceDetails, type CoreError, type ServiceKey, type ServiceProvisioningStatus, type TeamsDirectRoutingAccountDetails, type TeamsDirectRoutingSubdomainProvisioningStatus } from '../models';
import { validateAccount } from '../rules/accountRules';

export interface AccountServiceView {
  readonly key: ServiceKey;
  readonly name: string;
  readonly short: string;
  readonly enabled: boolean;
  /** Undefined for Azure Operator Call Protection, which has no sync. */
  readonly syncEnabled?: boolean;
  /** The service's own read-only numberCount; undefined when it reported none. */
  readonly numberCount?: number;
}

export interface DirectRoutingView {
  readonly subdomain?: string;
  readonly callScreening?: boolean;
  readonly region1Token?: string;
  readonly region2Token?: string;
  readonly subdomainStatus?: TeamsDirectRoutingSubdomainProvisioningStatus;
}

/** One error of a failed provisioning, flattened; `depth` > 0 for the details of the error above it. */
export interface ProvisioningErrorLine {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly depth: number;
}

export interface AccountOverview {
  readonly name: string;
  readonly correlationId?: string;
  readonly teamsTenantId?: string;
  readonly services: readonly AccountServiceView[];
  readonly directRouting?: DirectRoutingView;
  readonly status?: ServiceProvisioningStatus;
  readonly errors: readonly ProvisioningErrorLine[];
}

const SYNCLESS: ServiceKey = 'azureOperatorCallProtection';

export function accountOverview(account: AccountResource): AccountOverview {
  const details = account.serviceDetails;
  const services = SERVICES.map((service): AccountServiceView => {
    const entry = details?.[service.key];
    return {
      key: service.key,
      name: service.name,
      short: service.short,
      enabled: entry?.enabled === true,
      ...(service.key === SYNCLESS ? {} : { syncEnabled: entry !== undefined && 'syncEnabled' in entry && entry.syncEnabled === true }),
      ...(typeof entry?.numberCount === 'number' ? { numberCount: entry.numberCount } : {}),
    };
  });
  const dr = details?.teamsDirectRouting;
  const config = dr?.configuration;
  return {
    name: account.name,
    ...(account.correlationId ? { correlationId: account.correlationId } : {}),
    ...(details?.teamsTenantId ? { teamsTenantId: details.teamsTenantId } : {}),
    services,
    ...(dr
      ? {
          directRouting: {
            ...(config ? { subdomain: config.subdomain, callScreening: config.callScreening, region1Token: config.subdomainTokens?.region1Token, region2Token: config.subdomainTokens?.region2Token } : {}),
            ...(dr.subdomainStatus ? { subdomainStatus: dr.subdomainStatus } : {}),
          },
        }
      : {}),
    ...(account.serviceProvisioningStatus ? { status: account.serviceProvisioningStatus } : {}),
    errors: flattenErrors(account.serviceProvisioningErrors),
  };
}

export function flattenErrors(errors: readonly CoreError[] | undefined): ProvisioningErrorLine[] {
  const out: ProvisioningErrorLine[] = [];
  const walk = (list: readonly CoreError[], depth: number): void => {
    for (const error of list) {
      out.push({ code: error.code, message: error.message, ...(error.target ? { target: error.target } : {}), depth });
      if (error.details?.length) walk(error.details, depth + 1);
    }
  };
  walk(errors ?? [], 0);
  return out;
}

// ---- Editing services and sync -------------------------------------------------------------------------------------

export interface ServiceSetting {
  readonly enabled: boolean;
  /** Ignored for Call Protection. */
  readonly syncEnabled: boolean;
}

export interface DirectRoutingSetting {
  readonly subdomain: string;
  readonly callScreening: boolean;
  readonly region1Token: string;
  readonly region2Token: string;
}

/** What the form sends: every service's switches, and Direct Routing's configuration when it is enabled. */
export interface ServicesEdit {
  readonly services: Readonly<Record<ServiceKey, ServiceSetting>>;
  readonly directRouting?: DirectRoutingSetting;
}

/** A message of the rule table for one field of the form (`services.teamsDirectRouting.subdomain`, …). */
export interface EditProblem {
  readonly field: string;
  readonly message: string;
}

/** The writable part of an account: what a PUT may carry (numberCount, subdomainStatus and the status are read-only). */
export function writableAccount(account: AccountResource): AccountResource {
  const details = account.serviceDetails;
  const out: AccountResource = { name: account.name, ...(account.correlationId === undefined ? {} : { correlationId: account.correlationId }) };
  if (!details) return out;
  const written: AccountServiceDetails = {};
  if (details.teamsTenantId !== undefined) written.teamsTenantId = details.teamsTenantId;
  for (const key of ['teamsOperatorConnect', 'teamsPhoneMobile', 'zoomPhoneCloudPeering'] as const) {
    const entry = details[key];
    if (entry) written[key] = { enabled: entry.enabled, syncEnabled: entry.syncEnabled };
  }
  const dr = details.teamsDirectRouting;
  if (dr) {
    written.teamsDirectRouting = directRoutingBody({ enabled: dr.enabled, syncEnabled: dr.syncEnabled, ...(dr.configuration ? { configuration: structuredClone(dr.configuration) } : {}) });
  }
  if (details.azureOperatorCallProtection) written.azureOperatorCallProtection = { enabled: details.azureOperatorCallProtection.enabled };
  out.serviceDetails = written;
  return out;
}

type DirectRoutingBody = Omit<TeamsDirectRoutingAccountDetails, 'subdomainStatus' | 'numberCount'>;

/** subdomainStatus is read-only and the service sets it: a body to PUT leaves it out, though the model type has it. */
function directRoutingBody(body: DirectRoutingBody): TeamsDirectRoutingAccountDetails {
  return body as TeamsDirectRoutingAccountDetails;
}

/** The form's starting values: what the account has now. */
export function currentEdit(account: AccountResource): ServicesEdit {
  const overview = accountOverview(account);
  const services = Object.fromEntries(overview.services.map((s) => [s.key, { enabled: s.enabled, syncEnabled: s.syncEnabled === true }])) as Record<ServiceKey, ServiceSetting>;
  const dr = overview.directRouting;
  return {
    services,
    ...(dr?.subdomain !== undefined
      ? { directRouting: { subdomain: dr.subdomain, callScreening: dr.callScreening === true, region1Token: dr.region1Token ?? '', region2Token: dr.region2Token ?? '' } }
      : {}),
  };
}

/**
 * The account to PUT: `account` (as read) with the form's services and sync. A service the account never had and the
 * form leaves off stays absent, so an unchanged form gives back the same body. Checked with the rule table: a broken
 * rule comes back as the problem of the form field it concerns, and nothing is sent.
 */
export function applyServicesEdit(account: AccountResource, edit: ServicesEdit): { readonly account: AccountResource } | { readonly problems: readonly EditProblem[] } {
  const next = writableAccount(account);
  const details: AccountServiceDetails = { ...next.serviceDetails };
  for (const service of SERVICES) {
    const setting = edit.services[service.key];
    const had = details[service.key] !== undefined;
    if (!had && !setting.enabled) continue;
    if (service.key === 'azureOperatorCallProtection') details.azureOperatorCallProtection = { enabled: setting.enabled };
    else if (service.key === 'teamsDirectRouting') {
      const before = details.teamsDirectRouting;
      const routing: DirectRoutingBody = { enabled: setting.enabled, syncEnabled: setting.syncEnabled };
      const dr = edit.directRouting;
      if (setting.enabled && dr) {
        routing.configuration = { subdomain: dr.subdomain.trim(), callScreening: dr.callScreening, subdomainTokens: { region1Token: dr.region1Token.trim(), region2Token: dr.region2Token.trim() } };
      } else if (before?.configuration) routing.configuration = before.configuration;
      details.teamsDirectRouting = directRoutingBody(routing);
    } else details[service.key] = { enabled: setting.enabled, syncEnabled: setting.syncEnabled };
  }
  next.serviceDetails = details;
  const found = validateAccount(next);
  if (found.length > 0) return { problems: found.map((v) => ({ field: formField(v.path), message: v.message })) };
  return { account: next };
}

/** `['serviceDetails', 'teamsDirectRouting', 'configuration', 'subdomainTokens', 'region1Token']` → `directRouting.region1Token`. */
function formField(path: readonly (string | number)[]): string {
  const [, service, part, sub, leaf] = path;
  if (service === 'teamsDirectRouting' && part === 'configuration') return `directRouting.${String(sub === 'subdomainTokens' ? leaf : sub)}`;
  if (typeof service === 'string') return `services.${service}`;
  return path.join('.');
}

const onOff = (value: boolean | undefined): string => (value ? 'on' : 'off');

/** Every difference between two accounts' services, as "Operator Connect sync: on → off" lines; empty when none. */
export function describeServiceChanges(before: AccountResource, after: AccountResource): string[] {
  const a = accountOverview(before);
  const b = accountOverview(after);
  const lines: string[] = [];
  for (const service of b.services) {
    const old = a.services.find((s) => s.key === service.key);
    if (old?.enabled !== service.enabled) lines.push(`${service.name}: ${old?.enabled ? 'enabled' : 'disabled'} → ${service.enabled ? 'enabled' : 'disabled'}`);
    if (service.syncEnabled !== undefined && (service.enabled || old?.enabled) && old?.syncEnabled !== service.syncEnabled) {
      lines.push(`${service.name} sync: ${onOff(old?.syncEnabled)} → ${onOff(service.syncEnabled)}`);
    }
  }
  const drA = a.directRouting;
  const drB = b.directRouting;
  const show = (value: string | undefined): string => (value === undefined || value === '' ? '(none)' : value);
  if (drA?.subdomain !== drB?.subdomain) lines.push(`Direct Routing subdomain: ${show(drA?.subdomain)} → ${show(drB?.subdomain)}`);
  if ((drA?.callScreening ?? false) !== (drB?.callScreening ?? false) && drB?.subdomain !== undefined) lines.push(`Direct Routing call screening: ${onOff(drA?.callScreening)} → ${onOff(drB?.callScreening)}`);
  if (drA?.region1Token !== drB?.region1Token) lines.push(`Direct Routing region 1 token: ${show(drA?.region1Token)} → ${show(drB?.region1Token)}`);
  if (drA?.region2Token !== drB?.region2Token) lines.push(`Direct Routing region 2 token: ${show(drA?.region2Token)} → ${show(drB?.region2Token)}`);
  return lines;
}

// ---- Deleting the account ------------------------------------------------------------------------------------------

export type AccountDeletion =
  | { readonly allowed: true; readonly message: string; readonly detail: string }
  | { readonly allowed: false; readonly message: string };

const numbersText = (count: number): string => `${count.toLocaleString('en-US')} number${count === 1 ? '' : 's'}`;

/**
 * What deleting `name` with `numberCount` numbers will do, or why the service would refuse it: without
 * `deleteNumbers` an account that still has numbers cannot be deleted (API.md §2), so that is said before sending.
 */
export function accountDeletion(name: string, numberCount: number, deleteNumbers: boolean): AccountDeletion {
  if (numberCount > 0 && !deleteNumbers) {
    return {
      allowed: false,
      message: `Account ${name} still has ${numbersText(numberCount)}: the service refuses to delete it without "Also delete its numbers" (deleteNumbers). Tick it, or delete the numbers first.`,
    };
  }
  if (numberCount === 0) {
    return { allowed: true, message: `Delete account ${name}?`, detail: `${name} has no numbers. The account is deleted from the gateway; this cannot be undone.` };
  }
  return {
    allowed: true,
    message: `Delete account ${name} and its ${numbersText(numberCount)}?`,
    detail: `The account and all ${numbersText(numberCount)} are deleted from the gateway (deleteNumbers=true), and released in Microsoft Teams and the other services. This cannot be undone.`,
  };
}
