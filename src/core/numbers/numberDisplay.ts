// What a telephone number shows in the Numbers view: the number as the label; services, usage and capabilities in
// the description; an icon whose shape is the Teams assignment status and whose colour is the provisioning status
// (failed: red error, pending: yellow); and a Markdown tooltip with every field and, when failed, the service's errors,
// built separately (numberTooltip) because the tree asks for it only on hover. Pure, so that the tree, the unit tests
// and the benchmark build exactly the same item model.
import { SERVICES, type ChoosableCapability, type NumberResource, type NumberUsage, type ServiceKey, type TeamsNumberDetails } from '../models';
import { code, escapeMarkdown, field, lines } from '../enterprises/markdown';
import { STATUS_ICONS, statusSection, type IconSpec } from '../enterprises/provisioningStatus';

export type NumberServiceKey = ServiceKey;

export const NUMBER_SERVICES = SERVICES;

export const USAGE_SHORT: Readonly<Record<NumberUsage, string>> = {
  CallingUserAssignment: 'user',
  FirstPartyAppAssignment: 'app',
  ConferenceAssignment: 'conference',
};

export const CAPABILITY_SHORT: Readonly<Record<ChoosableCapability, string>> = {
  InboundCalling: 'in',
  OutboundCalling: 'out',
  Mobile: 'mobile',
};

export function numberServiceKeys(number: NumberResource): NumberServiceKey[] {
  return NUMBER_SERVICES.filter((s) => number.serviceDetails?.[s.key]?.enabled === true).map((s) => s.key);
}

export function serviceShortName(key: NumberServiceKey): string {
  return NUMBER_SERVICES.find((s) => s.key === key)?.short ?? key;
}

/** The Teams part of a number (Operator Connect or Teams Phone Mobile), which carries usage and assignment. */
export function teamsDetailsOf(number: NumberResource): TeamsNumberDetails | undefined {
  const details = number.serviceDetails ?? {};
  if (details.teamsOperatorConnect?.enabled) return details.teamsOperatorConnect;
  if (details.teamsPhoneMobile?.enabled) return details.teamsPhoneMobile;
  return undefined;
}

export const ASSIGNMENT_ICONS = {
  assigned: 'person',
  unassigned: 'circle-large-outline',
  /** Numbers without Teams (Direct Routing, Zoom, Call Protection) have no assignment. */
  none: 'circle-small-filled',
} as const;

export interface NumberView {
  /** Stable across pages and refreshes: the tree keeps expansion and selection by it. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly icon: IconSpec;
  /** For screen readers: the description in words. */
  readonly ariaLabel: string;
}

export interface NumberViewOptions {
  /** Show the account too: the gateway-wide list mixes accounts. */
  showAccount?: boolean;
}

export function numberId(number: Pick<NumberResource, 'accountName' | 'telephoneNumber'>): string {
  return `number:${number.accountName}/${number.telephoneNumber}`;
}

export function numberView(number: NumberResource, options: NumberViewOptions = {}): NumberView {
  const services = numberServiceKeys(number).map(serviceShortName);
  const teams = teamsDetailsOf(number);
  const config = teams?.configuration;
  const usage = config ? USAGE_SHORT[config.usage] ?? config.usage : undefined;
  const capabilities = config?.choosableCapabilities?.length ? config.choosableCapabilities.map((c) => CAPABILITY_SHORT[c] ?? c).join('/') : undefined;
  const status = number.serviceProvisioningStatus;
  const description = [
    options.showAccount ? number.accountName : undefined,
    services.length ? services.join('+') : 'no services',
    usage,
    capabilities,
    teams?.assignmentStatus,
    status === 'synced' ? undefined : status,
  ]
    .filter(Boolean)
    .join(' · ');
  const shape = teams?.assignmentStatus ? ASSIGNMENT_ICONS[teams.assignmentStatus] : ASSIGNMENT_ICONS.none;
  const icon: IconSpec = status === 'failed' ? STATUS_ICONS.failed : status === 'pending' ? { id: shape, color: STATUS_ICONS.pending.color } : { id: shape };
  return {
    id: numberId(number),
    label: number.telephoneNumber,
    description,
    icon,
    ariaLabel: `${number.telephoneNumber}, ${description}${status === 'synced' ? ', synced' : ''}`,
  };
}

function teamsSection(name: string, details: TeamsNumberDetails | undefined): string[] {
  if (!details?.enabled) return [];
  const c = details.configuration;
  return [
    '',
    `**${name}**`,
    field('Assignment', details.assignmentStatus ?? 'unknown') ?? '',
    ...(c
      ? [
          field('Usage', c.usage),
          field('Additional usages', c.additionalUsages?.join(', ')),
          field('Capabilities', c.choosableCapabilities?.join(', ')),
          field('Acquired capabilities', c.acquiredCapabilities?.join(', ')),
          field('Available capabilities', c.availableCapabilities?.join(', ')),
          field('Civic address', c.civicAddressId ? code(c.civicAddressId) : undefined, true),
          field('Location', c.locationId ? code(c.locationId) : undefined, true),
          field('Tenant may update address', c.allowTenantAddressUpdate === undefined ? undefined : c.allowTenantAddressUpdate ? 'yes' : 'no'),
          field('Displayed country code', c.displayedCountryCode),
        ].filter((l): l is string => l !== undefined)
      : []),
  ];
}

export function numberTooltip(number: NumberResource): string {
  const services = numberServiceKeys(number).map((key) => NUMBER_SERVICES.find((s) => s.key === key)?.name ?? key);
  return lines([
    `**${escapeMarkdown(number.telephoneNumber)}** — number`,
    '',
    field('Account', code(number.accountName), true),
    field('Services', services.length ? services.join(', ') : 'none'),
    field('Custom SIP header', number.configuration?.customSipHeader),
    ...teamsSection('Operator Connect', number.serviceDetails?.teamsOperatorConnect),
    ...teamsSection('Teams Phone Mobile', number.serviceDetails?.teamsPhoneMobile),
    ...(number.serviceProvisioningStatus ? ['', ...statusSection(number)] : []),
  ]);
}
