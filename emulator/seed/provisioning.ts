// Provisioning API data of the three demo gateways, built by code on every start. The production gateway's bulk
// account holds 100,000 numbers as one generator descriptor (a few hundred bytes of state), not as a fixture.
// Everything is deterministic: fixed dates, and GUIDs derived from labels by hashing.
import { createHash } from 'node:crypto';
import type {
  AccountServiceDetails,
  ChoosableCapability,
  ContactDetails,
  CoreError,
  CustomerRelationship,
  Location,
  NumberResource,
  NumberUsage,
  RelationshipStatus,
  TeamsCivicAddressResource,
  TeamsConsentStatus,
  TeamsNumberDetails,
} from '../../src/core/models';
import {
  createEmptyProvisioningData,
  nextEtag,
  setOwn,
  type NumberCollection,
  type ProvisioningData,
  type StoredNumber,
  type SyncRecord,
} from '../provisioning/store';
import {
  BULK_ACCOUNT_NAME,
  BULK_ACCOUNT_NUMBER_COUNT,
  DEMO_TENANT_ID,
  GATEWAY_GAPS,
  GATEWAY_LAB,
  GATEWAY_PRODUCTION,
  demoGatewayDomain,
} from './ids';

/** Every seeded object was last written at or before this instant, so it reads as settled (synced or failed). */
export const PROVISIONING_SEED_DATE = Date.UTC(2025, 0, 15, 9, 30, 0);
const DAY = 86_400_000;

/** Contoso Telecom's operator id in Teams, as it appears on every request for information. */
export const SEED_OPERATOR_ID = seedGuid('operator:contoso-telecom');

/** A GUID-shaped id derived from a label: stable across runs, distinct per label. */
export function seedGuid(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isoDaysBefore(days: number, hours = 0): string {
  return new Date(PROVISIONING_SEED_DATE - days * DAY - hours * 3_600_000).toISOString();
}

// ---------------------------------------------------------------------------------------------------------------
// Enterprises (Teams tenants) and their civic addresses

interface Enterprise {
  key: string;
  company: string;
  domain: string;
  tenantId: string;
}

function enterprise(key: string, company: string, domain: string): Enterprise {
  return { key, company, domain, tenantId: seedGuid(`tenant:${key}`) };
}

const E = {
  contoso: { key: 'contoso', company: 'Contoso Telecom', domain: 'contosotelecom.example', tenantId: DEMO_TENANT_ID },
  northwind: enterprise('northwind', 'Northwind Traders', 'northwindtraders.example'),
  fabrikam: enterprise('fabrikam', 'Fabrikam, Inc.', 'fabrikam.example'),
  woodgrove: enterprise('woodgrove', 'Woodgrove Bank', 'woodgrovebank.example'),
  adatum: enterprise('adatum', 'Adatum Corporation', 'adatum.example'),
  tailspin: enterprise('tailspin', 'Tailspin Toys', 'tailspintoys.example'),
  wingtip: enterprise('wingtip', 'Wingtip Toys', 'wingtiptoys.example'),
  litware: enterprise('litware', 'Litware, Inc.', 'litwareinc.example'),
  proseware: enterprise('proseware', 'Proseware, Inc.', 'proseware.example'),
  alpine: enterprise('alpine', 'Alpine Ski House', 'alpineskihouse.example'),
  coho: enterprise('coho', 'Coho Winery', 'cohowinery.example'),
  fourthcoffee: enterprise('fourthcoffee', 'Fourth Coffee', 'fourthcoffee.example'),
  lamna: enterprise('lamna', 'Lamna Healthcare Company', 'lamnahealthcare.example'),
  margies: enterprise('margies', "Margie's Travel", 'margiestravel.example'),
  relecloud: enterprise('relecloud', 'Relecloud', 'relecloud.example'),
  vanarsdel: enterprise('vanarsdel', 'VanArsdel, Ltd.', 'vanarsdel.example'),
  wideworld: enterprise('wideworld', 'Wide World Importers', 'wideworldimporters.example'),
  blueyonder: enterprise('blueyonder', 'Blue Yonder Airlines', 'blueyonderairlines.example'),
  humongous: enterprise('humongous', 'Humongous Insurance', 'humongousinsurance.example'),
  graphicdesign: enterprise('graphicdesign', 'Graphic Design Institute', 'graphicdesigninstitute.example'),
  lucerne: enterprise('lucerne', 'Lucerne Publishing', 'lucernepublishing.example'),
  fineart: enterprise('fineart', 'School of Fine Art', 'fineartschool.example'),
  trey: enterprise('trey', 'Trey Research', 'treyresearch.example'),
  munson: enterprise('munson', "Munson's Pickles and Preserves Farm", 'munsonspicklesandpreservesfarm.example'),
  bellows: enterprise('bellows', 'Bellows College', 'bellowscollege.example'),
} satisfies Record<string, Enterprise>;

/** Teams tenant ids of the seeded enterprises, for tests and docs. */
export const SEED_TENANT_IDS: Readonly<Record<keyof typeof E, string>> = Object.fromEntries(
  Object.entries(E).map(([k, v]) => [k, v.tenantId]),
) as Record<keyof typeof E, string>;

interface LocationSeed {
  label: string;
  description: string;
  additionalInfo?: string;
  elin?: string;
}

interface AddressSeed {
  label: string;
  country: string;
  houseNumber: string;
  streetName: string;
  streetSuffix?: string;
  cityOrTown: string;
  stateOrProvince?: string;
  postalOrZipCode: string;
  description: string;
  validated: boolean;
  latitude: string;
  longitude: string;
  /** The first location is the default one. */
  locations: LocationSeed[];
}

/** A reference to a seeded address and one of its locations, for numbers. */
interface AddressRef {
  civicAddressId: string;
  locationId?: string;
}

function addressId(e: Enterprise, label: string): string {
  return seedGuid(`civic:${e.key}:${label}`);
}

function locationId(e: Enterprise, address: string, location: string): string {
  return seedGuid(`location:${e.key}:${address}:${location}`);
}

function at(e: Enterprise, address: string, location?: string): AddressRef {
  return { civicAddressId: addressId(e, address), ...(location ? { locationId: locationId(e, address, location) } : {}) };
}

function civicAddress(e: Enterprise, a: AddressSeed): TeamsCivicAddressResource {
  const id = addressId(e, a.label);
  const locations: Location[] = a.locations.map((l, i) => ({
    id: locationId(e, a.label, l.label),
    civicAddressId: id,
    description: l.description,
    ...(l.additionalInfo ? { additionalInfo: l.additionalInfo } : {}),
    isDefault: i === 0,
    ...(l.elin ? { elin: l.elin } : {}),
  }));
  return {
    id,
    country: a.country,
    houseNumber: a.houseNumber,
    streetName: a.streetName,
    ...(a.streetSuffix ? { streetSuffix: a.streetSuffix } : {}),
    ...(a.stateOrProvince ? { stateOrProvince: a.stateOrProvince } : {}),
    cityOrTown: a.cityOrTown,
    postalOrZipCode: a.postalOrZipCode,
    description: a.description,
    companyName: e.company,
    defaultLocationId: locations[0].id,
    validationStatus: a.validated ? 'validated' : 'notValidated',
    tenantId: e.tenantId,
    locations,
    latitude: a.latitude,
    longitude: a.longitude,
  };
}

const ADDRESSES: [Enterprise, AddressSeed[]][] = [
  [E.contoso, [{ label: 'hq', country: 'GB', houseNumber: '1', streetName: 'Kingsway', cityOrTown: 'London', postalOrZipCode: 'WC2B 6AN', description: 'Contoso Telecom head office', validated: true, latitude: '51.5152', longitude: '-0.1195', locations: [{ label: 'noc', description: 'Network operations centre, floor 4' }] }]],
  [
    E.northwind,
    [
      {
        label: 'london', country: 'GB', houseNumber: '20', streetName: 'Bank', streetSuffix: 'Street', cityOrTown: 'London', postalOrZipCode: 'E14 5NR', description: 'Canary Wharf office', validated: true, latitude: '51.5049', longitude: '-0.0197',
        locations: [{ label: 'floor3', description: 'Floor 3', additionalInfo: 'East wing' }, { label: 'floor5', description: 'Floor 5', additionalInfo: 'Trading floor' }],
      },
    ],
  ],
  [
    E.fabrikam,
    [
      {
        label: 'redmond', country: 'US', houseNumber: '15010', streetName: 'NE 36th', streetSuffix: 'St', cityOrTown: 'Redmond', stateOrProvince: 'WA', postalOrZipCode: '98052', description: 'Fabrikam campus, building 4', validated: true, latitude: '47.6418', longitude: '-122.1391',
        locations: [{ label: 'lobby', description: 'Main lobby', elin: '4255550199' }, { label: 'b4-2', description: 'Building 4, floor 2', elin: '4255550198' }],
      },
      {
        label: 'seattle', country: 'US', houseNumber: '400', streetName: 'Broad', streetSuffix: 'St', cityOrTown: 'Seattle', stateOrProvince: 'WA', postalOrZipCode: '98109', description: 'Fabrikam Seattle sales office', validated: false, latitude: '47.6205', longitude: '-122.3493',
        locations: [{ label: 'suite', description: 'Suite 1200' }],
      },
    ],
  ],
  [E.woodgrove, [{ label: 'leeds', country: 'GB', houseNumber: '1', streetName: 'Park Row', cityOrTown: 'Leeds', postalOrZipCode: 'LS1 5AB', description: 'Woodgrove Bank operations centre', validated: true, latitude: '53.7986', longitude: '-1.5468', locations: [{ label: 'ground', description: 'Ground floor branch' }, { label: 'contact', description: 'Contact centre, floor 2' }] }]],
  [E.adatum, [{ label: 'seattle', country: 'US', houseNumber: '1001', streetName: '4th', streetSuffix: 'Ave', cityOrTown: 'Seattle', stateOrProvince: 'WA', postalOrZipCode: '98154', description: 'Adatum headquarters', validated: true, latitude: '47.6062', longitude: '-122.3321', locations: [{ label: 'hq', description: 'Headquarters, floor 31', elin: '2065550129' }] }]],
  [E.tailspin, [{ label: 'manchester', country: 'GB', houseNumber: '3', streetName: 'Hardman', streetSuffix: 'Street', cityOrTown: 'Manchester', postalOrZipCode: 'M3 3HF', description: 'Tailspin Toys studio', validated: true, latitude: '53.4808', longitude: '-2.2518', locations: [{ label: 'studio', description: 'Design studio' }] }]],
  [E.wingtip, [{ label: 'chicago', country: 'US', houseNumber: '233', streetName: 'S Wacker', streetSuffix: 'Dr', cityOrTown: 'Chicago', stateOrProvince: 'IL', postalOrZipCode: '60606', description: 'Wingtip Toys Chicago', validated: true, latitude: '41.8789', longitude: '-87.6359', locations: [{ label: 'office', description: 'Floor 52', elin: '3125550149' }] }]],
  [E.litware, [{ label: 'boston', country: 'US', houseNumber: '100', streetName: 'Federal', streetSuffix: 'St', cityOrTown: 'Boston', stateOrProvince: 'MA', postalOrZipCode: '02110', description: 'Litware Boston', validated: true, latitude: '42.3551', longitude: '-71.0565', locations: [{ label: 'office', description: 'Floor 20', elin: '6175550159' }] }]],
  [E.proseware, [{ label: 'austin', country: 'US', houseNumber: '500', streetName: 'W 2nd', streetSuffix: 'St', cityOrTown: 'Austin', stateOrProvince: 'TX', postalOrZipCode: '78701', description: 'Proseware HQ', validated: true, latitude: '30.2650', longitude: '-97.7497', locations: [{ label: 'hq', description: 'Floor 19', elin: '5125550169' }] }]],
  [
    E.alpine,
    [
      { label: 'zurich', country: 'CH', houseNumber: '10', streetName: 'Bahnhofstrasse', cityOrTown: 'Zürich', postalOrZipCode: '8001', description: 'Alpine Ski House Zürich', validated: true, latitude: '47.3686', longitude: '8.5392', locations: [{ label: 'shop', description: 'Shop floor' }] },
      { label: 'paris', country: 'FR', houseNumber: '12', streetName: 'Rue de Rivoli', cityOrTown: 'Paris', postalOrZipCode: '75004', description: 'Alpine Ski House Paris', validated: true, latitude: '48.8556', longitude: '2.3571', locations: [{ label: 'shop', description: 'Boutique' }] },
    ],
  ],
  [E.coho, [{ label: 'sydney', country: 'AU', houseNumber: '1', streetName: 'Macquarie', streetSuffix: 'St', cityOrTown: 'Sydney', stateOrProvince: 'NSW', postalOrZipCode: '2000', description: 'Coho Winery cellar door office', validated: false, latitude: '-33.8587', longitude: '151.2140', locations: [{ label: 'office', description: 'Level 2' }] }]],
  [E.fourthcoffee, [{ label: 'seattle', country: 'US', houseNumber: '2401', streetName: 'Utah', streetSuffix: 'Ave S', cityOrTown: 'Seattle', stateOrProvince: 'WA', postalOrZipCode: '98134', description: 'Fourth Coffee roastery', validated: true, latitude: '47.5803', longitude: '-122.3358', locations: [{ label: 'roastery', description: 'Roastery office', elin: '2065550187' }] }]],
  [E.lamna, [{ label: 'denver', country: 'US', houseNumber: '1700', streetName: 'Lincoln', streetSuffix: 'St', cityOrTown: 'Denver', stateOrProvince: 'CO', postalOrZipCode: '80203', description: 'Lamna Healthcare clinic', validated: true, latitude: '39.7445', longitude: '-104.9857', locations: [{ label: 'reception', description: 'Reception', elin: '3035550209' }, { label: 'ward-b', description: 'Ward B nurses station', elin: '3035550208' }] }]],
  [E.relecloud, [{ label: 'sf', country: 'US', houseNumber: '415', streetName: 'Mission', streetSuffix: 'St', cityOrTown: 'San Francisco', stateOrProvince: 'CA', postalOrZipCode: '94105', description: 'Relecloud HQ', validated: true, latitude: '37.7897', longitude: '-122.3972', locations: [{ label: 'hq', description: 'Floor 40', elin: '4155550219' }] }]],
  [E.vanarsdel, [{ label: 'amsterdam', country: 'NL', houseNumber: '1', streetName: 'Gustav Mahlerplein', cityOrTown: 'Amsterdam', postalOrZipCode: '1082 MS', description: 'VanArsdel Amsterdam', validated: true, latitude: '52.3383', longitude: '4.8730', locations: [{ label: 'office', description: 'Floor 9' }] }]],
  [E.wideworld, [{ label: 'nyc', country: 'US', houseNumber: '1', streetName: 'Vanderbilt', streetSuffix: 'Ave', cityOrTown: 'New York', stateOrProvince: 'NY', postalOrZipCode: '10017', description: 'Wide World Importers NYC', validated: true, latitude: '40.7530', longitude: '-73.9786', locations: [{ label: 'office', description: 'Floor 38', elin: '2125550239' }] }]],
  [E.blueyonder, [{ label: 'seatac', country: 'US', houseNumber: '17801', streetName: 'International', streetSuffix: 'Blvd', cityOrTown: 'SeaTac', stateOrProvince: 'WA', postalOrZipCode: '98158', description: 'Blue Yonder Airlines operations', validated: true, latitude: '47.4436', longitude: '-122.2961', locations: [{ label: 'ops', description: 'Operations control', elin: '2065550249' }] }]],
  [E.humongous, [{ label: 'dublin', country: 'IE', houseNumber: '1', streetName: 'Grand Canal', streetSuffix: 'Square', cityOrTown: 'Dublin', postalOrZipCode: 'D02 P820', description: 'Humongous Insurance Dublin', validated: true, latitude: '53.3398', longitude: '-6.2375', locations: [{ label: 'office', description: 'Floor 6' }] }]],
  [E.graphicdesign, [{ label: 'manchester', country: 'GB', houseNumber: '70', streetName: 'Oxford', streetSuffix: 'Street', cityOrTown: 'Manchester', postalOrZipCode: 'M1 5NH', description: 'Graphic Design Institute campus', validated: true, latitude: '53.4740', longitude: '-2.2410', locations: [{ label: 'campus', description: 'Main building' }] }]],
  [E.fineart, [{ label: 'nyc', country: 'US', houseNumber: '209', streetName: 'E 23rd', streetSuffix: 'St', cityOrTown: 'New York', stateOrProvince: 'NY', postalOrZipCode: '10010', description: 'School of Fine Art', validated: true, latitude: '40.7390', longitude: '-73.9822', locations: [{ label: 'campus', description: 'Admissions office', elin: '6465550299' }] }]],
];

// ---------------------------------------------------------------------------------------------------------------
// Objects

/** How a seeded object reads: settled as synced, stuck in pending (Teams never answered) or failed. */
type SeedState = 'synced' | 'pending' | CoreError[];

function seedSync(state: SeedState = 'synced'): SyncRecord {
  if (state === 'synced') return { writtenAt: PROVISIONING_SEED_DATE, settlesTo: 'synced' };
  if (state === 'pending') return { writtenAt: PROVISIONING_SEED_DATE, settlesTo: 'pending' };
  return { writtenAt: PROVISIONING_SEED_DATE, settlesTo: 'failed', errors: state };
}

const FAILURES = {
  civicNotValidated: (address: string): CoreError[] => [
    {
      code: 'CivicAddressNotValidated',
      message: `Microsoft Teams rejected the number: civic address ${address} has not been validated. Ask the enterprise to validate it in the Teams admin center, then upload the number again.`,
    },
  ],
  alreadyAcquired: (tel: string): CoreError[] => [
    {
      code: 'NumberAlreadyAcquired',
      message: `Microsoft Teams rejected ${tel}: the number is already in use in this tenant (a Calling Plan or another operator). Release it there first.`,
    },
  ],
  syncTimeout: (): CoreError[] => [
    {
      code: 'TeamsSyncTimeout',
      message: 'Provisioning to Microsoft Teams timed out after 3 attempts. Upload the number again; if it keeps failing, open a support request.',
      innererror: { code: 'GatewayTimeout' },
    },
  ],
  consent: (tenantId: string, status: TeamsConsentStatus): CoreError[] => [
    {
      code: 'TeamsConsentNotActive',
      message: `Microsoft Teams rejected the request: the enterprise's Operator Connect consent (tenant ${tenantId}) is ${status}. Ask the enterprise to renew its consent in the Teams admin center.`,
    },
  ],
};

interface Services {
  oc?: boolean | 'noSync';
  tpm?: boolean;
  zoom?: boolean;
  aocp?: boolean;
  dr?: { subdomain: string; callScreening: boolean };
}

interface AccountSeed {
  name: string;
  enterprise?: Enterprise;
  services: Services;
  correlationId?: string;
  state?: SeedState;
  numbers: NumberResource[];
  /** Numbers whose sync state is not "synced", by telephone number. */
  states?: Record<string, SeedState>;
}

function accountDetails(e: Enterprise | undefined, s: Services): AccountServiceDetails {
  const details: AccountServiceDetails = {};
  if (e) details.teamsTenantId = e.tenantId;
  if (s.oc) details.teamsOperatorConnect = { enabled: true, syncEnabled: s.oc !== 'noSync' };
  if (s.dr) {
    details.teamsDirectRouting = {
      enabled: true,
      syncEnabled: true,
      configuration: {
        callScreening: s.dr.callScreening,
        subdomain: s.dr.subdomain,
        subdomainTokens: { region1Token: `ms=${seedGuid(`dr1:${s.dr.subdomain}`).replace(/-/g, '')}`, region2Token: `ms=${seedGuid(`dr2:${s.dr.subdomain}`).replace(/-/g, '')}` },
      },
      subdomainStatus: 'notProvisioned',
    };
  }
  if (s.tpm) details.teamsPhoneMobile = { enabled: true, syncEnabled: true };
  if (s.zoom) details.zoomPhoneCloudPeering = { enabled: true, syncEnabled: true };
  if (s.aocp) details.azureOperatorCallProtection = { enabled: true };
  return details;
}

interface TeamsOptions {
  usage?: NumberUsage;
  capabilities?: ChoosableCapability[];
  unassigned?: boolean;
  address?: AddressRef;
  allowTenantAddressUpdate?: boolean;
  displayedCountryCode?: string;
  additionalUsages?: NumberUsage[];
}

function teamsDetails(o: TeamsOptions, mobile: boolean): TeamsNumberDetails {
  return {
    enabled: true,
    assignmentStatus: o.unassigned ? 'unassigned' : 'assigned',
    configuration: {
      usage: o.usage ?? 'CallingUserAssignment',
      choosableCapabilities: o.capabilities ?? (mobile ? ['InboundCalling', 'OutboundCalling', 'Mobile'] : ['InboundCalling', 'OutboundCalling']),
      ...(o.additionalUsages ? { additionalUsages: o.additionalUsages } : {}),
      ...(o.address ?? {}),
      ...(o.allowTenantAddressUpdate === undefined ? {} : { allowTenantAddressUpdate: o.allowTenantAddressUpdate }),
      ...(o.displayedCountryCode ? { displayedCountryCode: o.displayedCountryCode } : {}),
    },
  };
}

/** Numbers are written without accountName; the account fills it in. */
type NumberDraft = Omit<NumberResource, 'accountName'>;

function oc(telephoneNumber: string, o: TeamsOptions & { sip?: string; aocp?: boolean; zoom?: boolean } = {}): NumberDraft {
  return {
    telephoneNumber,
    serviceDetails: {
      teamsOperatorConnect: teamsDetails(o, false),
      ...(o.zoom ? { zoomPhoneCloudPeering: { enabled: true } } : {}),
      ...(o.aocp ? { azureOperatorCallProtection: { enabled: true } } : {}),
    },
    ...(o.sip ? { configuration: { customSipHeader: o.sip } } : {}),
  };
}

function tpm(telephoneNumber: string, o: TeamsOptions = {}): NumberDraft {
  return { telephoneNumber, serviceDetails: { teamsPhoneMobile: teamsDetails(o, true) } };
}

function enabledOnly(telephoneNumber: string, service: 'teamsDirectRouting' | 'zoomPhoneCloudPeering' | 'azureOperatorCallProtection', sip?: string): NumberDraft {
  return { telephoneNumber, serviceDetails: { [service]: { enabled: true } }, ...(sip ? { configuration: { customSipHeader: sip } } : {}) };
}

function range(first: number, count: number, make: (tel: string, i: number) => NumberDraft): NumberDraft[] {
  return Array.from({ length: count }, (_, i) => make(`+${first + i}`, i));
}

function account(name: string, e: Enterprise | undefined, services: Services, numbers: NumberDraft[], extra: Partial<AccountSeed> = {}): AccountSeed {
  return { name, enterprise: e, services, numbers: numbers.map((n) => ({ ...n, accountName: name }) as NumberResource), ...extra };
}

interface RfiSeed {
  enterprise: Enterprise;
  status: TeamsConsentStatus;
  consentedDaysAgo: number;
  countries: string[];
  relationship?: { status: RelationshipStatus; comment?: string; daysAgo: number };
  contacts: ContactDetails[];
  state?: SeedState;
}

function contact(e: Enterprise, fullName: string, telephoneNumber: string, companySize: string): ContactDetails {
  const email = `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@${e.domain}`;
  return { fullName, email, telephoneNumber, companyName: e.company, companySize };
}

// ---------------------------------------------------------------------------------------------------------------
// Production gateway

const NORTHWIND_HEADER = 'northwind-traders';

function productionAccounts(): AccountSeed[] {
  const nw = at(E.northwind, 'london', 'floor3');
  const fab = at(E.fabrikam, 'redmond', 'b4-2');
  return [
    account(
      'Contoso-Telecom-Verification',
      E.contoso,
      { oc: true, tpm: true },
      [
        // The service verification test lines' numbers (see seed/gateways.ts), plus one integration test number per
        // service that is never a test line.
        ...range(442079460001, 6, (tel) => oc(tel, { address: at(E.contoso, 'hq', 'noc') })),
        oc('+442079460100', { address: at(E.contoso, 'hq', 'noc') }),
        ...range(447700900001, 6, (tel) => tpm(tel, { address: at(E.contoso, 'hq', 'noc') })),
        tpm('+447700900100', { address: at(E.contoso, 'hq', 'noc') }),
      ],
      { correlationId: 'OPS-0001' },
    ),
    account(
      BULK_ACCOUNT_NAME,
      E.northwind,
      { oc: true },
      [
        // Re-uploaded numbers inside the generated block: they replace their generated twins (see bulkGenerator), so
        // the account still has exactly BULK_ACCOUNT_NUMBER_COUNT numbers.
        oc('+442030000000', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'], sip: NORTHWIND_HEADER }),
        oc('+442030000001', { usage: 'ConferenceAssignment', capabilities: ['InboundCalling'], sip: NORTHWIND_HEADER }),
        oc('+442030000050', { address: nw, sip: NORTHWIND_HEADER }),
        oc('+442030000099', { address: at(E.northwind, 'london', 'floor5'), unassigned: true, sip: NORTHWIND_HEADER }),
      ],
      {
        correlationId: 'CRM-NW-000117',
        states: { '+442030000050': FAILURES.alreadyAcquired('+442030000050'), '+442030000099': 'pending' },
      },
    ),
    account(
      'Fabrikam-Finance',
      E.fabrikam,
      { oc: true, tpm: true },
      [
        oc('+14255550101', { address: fab }),
        oc('+14255550102', { address: fab, unassigned: true }),
        oc('+14255550103', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling', 'OutboundCalling'] }),
        oc('+14255550104', { usage: 'ConferenceAssignment', capabilities: ['InboundCalling'] }),
        tpm('+14255550105', { address: at(E.fabrikam, 'redmond', 'lobby') }),
        tpm('+14255550106', { address: at(E.fabrikam, 'redmond', 'lobby'), unassigned: true }),
        // North American toll-free: Teams needs the displayed country.
        oc('+18005550100', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'], displayedCountryCode: 'US' }),
        oc('+14255550107', { address: at(E.fabrikam, 'seattle', 'suite') }),
      ],
      { correlationId: 'SF-00042817', states: { '+14255550107': FAILURES.civicNotValidated(addressId(E.fabrikam, 'seattle')) } },
    ),
    account(
      'Woodgrove-Bank',
      E.woodgrove,
      { oc: true },
      [
        ...range(441134960000, 3, (tel) => oc(tel, { address: at(E.woodgrove, 'leeds', 'contact') })),
        oc('+441134960003', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'], additionalUsages: ['ConferenceAssignment'] }),
        oc('+441134960004', { address: at(E.woodgrove, 'leeds', 'ground') }),
      ],
      { correlationId: 'WB-CHG-88213', states: { '+441134960004': FAILURES.syncTimeout() } },
    ),
    account('Adatum-Corp', E.adatum, { oc: true }, [
      oc('+12065550120', { address: at(E.adatum, 'seattle', 'hq') }),
      // Remote workers set their own emergency address in Teams.
      oc('+12065550121', { allowTenantAddressUpdate: true }),
      oc('+12065550122', { usage: 'ConferenceAssignment', capabilities: ['InboundCalling'] }),
      oc('+18885550123', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'], displayedCountryCode: 'US' }),
    ]),
    account(
      'Tailspin-Toys',
      E.tailspin,
      { tpm: true },
      range(447700900501, 5, (tel, i) => tpm(tel, { address: at(E.tailspin, 'manchester', 'studio'), unassigned: i === 3 })),
      { states: { '+447700900505': 'pending' } },
    ),
    account('Wingtip-Toys', E.wingtip, { oc: 'noSync' }, range(13125550140, 4, (tel, i) => oc(tel, { address: at(E.wingtip, 'chicago', 'office'), unassigned: i > 1 }))),
    account(
      'Litware-Inc',
      E.litware,
      { oc: true },
      range(16175550150, 2, (tel) => oc(tel, { address: at(E.litware, 'boston', 'office') })),
      {
        state: FAILURES.consent(E.litware.tenantId, 'suspended'),
        states: {
          '+16175550150': FAILURES.consent(E.litware.tenantId, 'suspended'),
          '+16175550151': FAILURES.consent(E.litware.tenantId, 'suspended'),
        },
      },
    ),
    account(
      'Proseware',
      E.proseware,
      { oc: true, dr: { subdomain: 'proseware', callScreening: true } },
      [
        enabledOnly('+15125550160', 'teamsDirectRouting'),
        enabledOnly('+15125550161', 'teamsDirectRouting'),
        oc('+15125550162', { address: at(E.proseware, 'austin', 'hq') }),
        oc('+15125550163', { address: at(E.proseware, 'austin', 'hq'), unassigned: true }),
      ],
    ),
    account('Alpine-Ski-House', E.alpine, { oc: true }, [
      oc('+41445550170', { address: at(E.alpine, 'zurich', 'shop') }),
      oc('+41445550171', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'] }),
      oc('+33155550172', { address: at(E.alpine, 'paris', 'shop') }),
    ]),
    account(
      'Coho-Winery',
      E.coho,
      { oc: true },
      [oc('+61255501234', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'] }), oc('+61255501235', { address: at(E.coho, 'sydney', 'office') })],
      { states: { '+61255501235': FAILURES.civicNotValidated(addressId(E.coho, 'sydney')) } },
    ),
    account(
      'Fourth-Coffee',
      E.fourthcoffee,
      { oc: true },
      range(12065550188, 3, (tel) => oc(tel, { address: at(E.fourthcoffee, 'seattle', 'roastery') })),
      { states: { '+12065550190': 'pending' } },
    ),
    account('Lamna-Healthcare', E.lamna, { oc: true, aocp: true }, [
      oc('+13035550200', { address: at(E.lamna, 'denver', 'reception'), aocp: true }),
      oc('+13035550201', { address: at(E.lamna, 'denver', 'ward-b'), aocp: true }),
      oc('+13035550202', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling'] }),
    ]),
    // The contract ended and the numbers were released; the account stays for the records.
    account('Margies-Travel', E.margies, { oc: true, tpm: true }, [], { correlationId: 'MT-2019-0031' }),
    account('Relecloud', E.relecloud, { oc: true, zoom: true }, [
      oc('+14155550210', { address: at(E.relecloud, 'sf', 'hq'), zoom: true }),
      oc('+14155550211', { address: at(E.relecloud, 'sf', 'hq') }),
      enabledOnly('+14155550212', 'zoomPhoneCloudPeering', 'relecloud-zoom'),
    ]),
    account('VanArsdel', E.vanarsdel, { oc: true }, range(31205550220, 2, (tel) => oc(tel, { address: at(E.vanarsdel, 'amsterdam', 'office') }))),
    account(
      'Wide-World-Importers',
      E.wideworld,
      { oc: true, tpm: true },
      [
        ...range(12125550230, 4, (tel) => oc(tel, { address: at(E.wideworld, 'nyc', 'office') })),
        tpm('+12125550234', { address: at(E.wideworld, 'nyc', 'office') }),
      ],
      { states: { '+12125550233': FAILURES.alreadyAcquired('+12125550233') } },
    ),
    account('Blue-Yonder-Airlines', E.blueyonder, { oc: true }, [
      oc('+12065550240', { address: at(E.blueyonder, 'seatac', 'ops'), sip: 'BYA-OPS-01' }),
      oc('+12065550241', { address: at(E.blueyonder, 'seatac', 'ops'), sip: 'BYA-OPS-02', additionalUsages: ['ConferenceAssignment'] }),
      oc('+12065550242', { usage: 'FirstPartyAppAssignment', capabilities: ['InboundCalling', 'OutboundCalling'], sip: 'BYA-IVR' }),
    ]),
    account('Humongous-Insurance', E.humongous, { oc: true }, range(35315550250, 2, (tel) => oc(tel, { address: at(E.humongous, 'dublin', 'office') }))),
    account('Graphic-Design-Institute', E.graphicdesign, { oc: true }, range(441614960260, 2, (tel) => oc(tel, { address: at(E.graphicdesign, 'manchester', 'campus') }))),
    // Direct Routing only: no Teams tenant on the account.
    account('Southridge-Video', undefined, { dr: { subdomain: 'southridge', callScreening: false } }, range(13105550270, 3, (tel) => enabledOnly(tel, 'teamsDirectRouting'))),
    account('Consolidated-Messenger', undefined, { aocp: true }, range(14045550280, 2, (tel) => enabledOnly(tel, 'azureOperatorCallProtection'))),
    // Just created; Teams has not confirmed it yet.
    account('Lucerne-Publishing', E.lucerne, { oc: true }, [], { state: 'pending', correlationId: 'LP-ONB-2025-004' }),
    account(
      'School-of-Fine-Art',
      E.fineart,
      { oc: true },
      [oc('+16465550290', { address: at(E.fineart, 'nyc', 'campus') })],
      { states: { '+16465550290': FAILURES.consent(E.fineart.tenantId, 'suspended') } },
    ),
  ];
}

/** 100,000 London numbers, +44 20 3000 0000 to +44 20 3009 9999, every seventh unassigned. */
function bulkGenerator(data: ProvisioningData): NonNullable<NumberCollection['generator']> {
  return {
    prefix: '+44203',
    start: 0,
    count: BULK_ACCOUNT_NUMBER_COUNT,
    width: 7,
    template: {
      serviceDetails: {
        teamsOperatorConnect: teamsDetails({ address: at(E.northwind, 'london', 'floor3') }, false),
      },
      configuration: { customSipHeader: NORTHWIND_HEADER },
    },
    unassignedEvery: 7,
    // Re-uploaded as explicit numbers (see productionAccounts).
    removed: [0, 1, 50, 99],
    etagBase: `gen${nextEtag(data).replace(/"/g, '')}`,
    sync: seedSync(),
  };
}

function productionRfis(): RfiSeed[] {
  const signed = (daysAgo: number, comment: string): RfiSeed['relationship'] => ({ status: 'AgreementSigned', comment, daysAgo });
  return [
    { enterprise: E.contoso, status: 'active', consentedDaysAgo: 400, countries: ['GB'], relationship: signed(399, 'Operator test tenant'), contacts: [contact(E.contoso, 'Priya Raman', '+442079460900', 'L3_U3')] },
    { enterprise: E.northwind, status: 'active', consentedDaysAgo: 210, countries: ['GB'], relationship: signed(180, 'Contract NW-2024-117 signed'), contacts: [contact(E.northwind, 'Oliver Grant', '+442079460910', 'L3_U3'), contact(E.northwind, 'Amelia Hughes', '+442079460911', 'L3_U3')] },
    { enterprise: E.fabrikam, status: 'active', consentedDaysAgo: 150, countries: ['US', 'CA'], relationship: signed(120, 'MSA 2024-0815 countersigned'), contacts: [contact(E.fabrikam, 'Dana Whitfield', '+14255550190', 'L3_U3')] },
    { enterprise: E.woodgrove, status: 'active', consentedDaysAgo: 300, countries: ['GB'], relationship: signed(260, 'PO 4500118823'), contacts: [contact(E.woodgrove, 'Hannah Clarke', '+441134960900', 'L3_U3')] },
    { enterprise: E.adatum, status: 'active', consentedDaysAgo: 90, countries: ['US'], relationship: signed(75, 'Order ADT-7731'), contacts: [contact(E.adatum, 'Marcus Lee', '+12065550190', 'L2_U2')] },
    { enterprise: E.tailspin, status: 'active', consentedDaysAgo: 20, countries: ['GB'], relationship: { status: 'CustomerContacted', comment: 'Call booked with IT lead', daysAgo: 18 }, contacts: [contact(E.tailspin, 'Sophie Turner', '+447700900990', 'L1_U1')] },
    { enterprise: E.wingtip, status: 'active', consentedDaysAgo: 35, countries: ['US'], relationship: { status: 'CustomerContacted', comment: 'Quote Q-2291 sent', daysAgo: 30 }, contacts: [contact(E.wingtip, 'Carlos Mendes', '+13125550190', 'L2_U2')] },
    { enterprise: E.litware, status: 'suspended', consentedDaysAgo: 500, countries: ['US'], relationship: signed(480, 'Contract LW-2023-009'), contacts: [contact(E.litware, 'Grace Kim', '+16175550190', 'L2_U2')] },
    { enterprise: E.proseware, status: 'active', consentedDaysAgo: 12, countries: ['US'], relationship: { status: 'ConsentAcknowledged', comment: 'Acknowledged', daysAgo: 11 }, contacts: [contact(E.proseware, 'Ethan Brooks', '+15125550190', 'L2_U2')] },
    { enterprise: E.alpine, status: 'active', consentedDaysAgo: 240, countries: ['CH', 'FR'], relationship: signed(200, 'Vertrag ASH-2024-03'), contacts: [contact(E.alpine, 'Lena Meier', '+41445550190', 'L1_U1')] },
    { enterprise: E.coho, status: 'active', consentedDaysAgo: 160, countries: ['AU'], relationship: signed(140, 'Contract CW-0042'), contacts: [contact(E.coho, 'Jack Wilson', '+61255501290', 'L1_U1')] },
    { enterprise: E.fourthcoffee, status: 'active', consentedDaysAgo: 60, countries: ['US'], relationship: signed(45, 'Order FC-1187'), contacts: [contact(E.fourthcoffee, 'Maya Patel', '+12065550191', 'L1_U1')] },
    { enterprise: E.lamna, status: 'active', consentedDaysAgo: 330, countries: ['US'], relationship: signed(300, 'BAA and MSA signed'), contacts: [contact(E.lamna, 'Dr. Rachel Adams', '+13035550290', 'L3_U3')] },
    { enterprise: E.margies, status: 'removed', consentedDaysAgo: 900, countries: ['GB'], relationship: { status: 'ContractTerminated', comment: 'Contract ended 2024-12-31; numbers ported out (CT-20481)', daysAgo: 14 }, contacts: [contact(E.margies, 'Margaret Shaw', '+442079460920', 'L1_U1')] },
    { enterprise: E.relecloud, status: 'active', consentedDaysAgo: 110, countries: ['US'], relationship: signed(100, 'Order RC-5520'), contacts: [contact(E.relecloud, 'Noah Kim', '+14155550290', 'L2_U2')] },
    { enterprise: E.vanarsdel, status: 'active', consentedDaysAgo: 200, countries: ['NL'], relationship: signed(170, 'Contract VA-NL-0007'), contacts: [contact(E.vanarsdel, 'Sanne de Vries', '+31205550290', 'L2_U2')] },
    { enterprise: E.wideworld, status: 'active', consentedDaysAgo: 130, countries: ['US'], relationship: signed(115, 'MSA WWI-2024'), contacts: [contact(E.wideworld, 'Isabella Rossi', '+12125550290', 'L3_U3')] },
    { enterprise: E.blueyonder, status: 'active', consentedDaysAgo: 260, countries: ['US'], relationship: signed(240, 'Contract BYA-OC-01'), contacts: [contact(E.blueyonder, 'Liam Carter', '+12065550292', 'L3_U3')] },
    { enterprise: E.humongous, status: 'active', consentedDaysAgo: 190, countries: ['IE'], relationship: signed(175, 'Order HI-2024-88'), contacts: [contact(E.humongous, 'Aoife Byrne', '+35315550290', 'L2_U2')] },
    { enterprise: E.graphicdesign, status: 'active', consentedDaysAgo: 70, countries: ['GB'], relationship: signed(60, 'Framework GDI-2024'), contacts: [contact(E.graphicdesign, 'Tom Fletcher', '+441614960290', 'L1_U1')] },
    { enterprise: E.lucerne, status: 'active', consentedDaysAgo: 6, countries: ['US'], relationship: { status: 'CustomerContacted', comment: 'Discovery call 2025-01-10', daysAgo: 5 }, contacts: [contact(E.lucerne, 'Olivia Bennett', '+12125550291', 'L2_U2')] },
    {
      enterprise: E.fineart,
      status: 'suspended',
      consentedDaysAgo: 420,
      countries: ['US'],
      relationship: signed(400, 'Contract SFA-2023'),
      contacts: [contact(E.fineart, 'Henry Walker', '+16465550291', 'L1_U1')],
      state: [{ code: 'TeamsOperatorConnectApiError', message: 'Microsoft Teams returned 409 Conflict while updating the relationship status. The gateway will not retry; update it again.' }],
    },
    { enterprise: E.trey, status: 'removed', consentedDaysAgo: 45, countries: ['JP'], relationship: { status: 'ConsentDeclined', comment: 'Japan is outside our Operator Connect coverage', daysAgo: 40 }, contacts: [contact(E.trey, 'Yuki Tanaka', '+81355550190', 'L2_U2')] },
    // A consent that has only just arrived: nobody has looked at it yet.
    { enterprise: E.munson, status: 'active', consentedDaysAgo: 1, countries: ['US'], contacts: [contact(E.munson, 'Pat Munson', '+15415550190', 'L1_U1')] },
    { enterprise: E.bellows, status: 'active', consentedDaysAgo: 3, countries: ['US'], relationship: { status: 'ConsentAcknowledged', daysAgo: 2 }, contacts: [contact(E.bellows, 'Dr. Alan Reyes', '+16175550291', 'L3_U3')] },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Lab and onboarding-gaps gateways

function labAccounts(): AccountSeed[] {
  return [
    account('Contoso-Telecom-Lab', E.contoso, { oc: true }, [
      ...range(442079460201, 3, (tel) => oc(tel, { address: at(E.contoso, 'hq', 'noc') })),
      oc('+442079460200', { address: at(E.contoso, 'hq', 'noc') }),
    ]),
    account('Fabrikam-Pilot', E.fabrikam, { oc: true }, [oc('+14255550301', { address: at(E.fabrikam, 'redmond', 'lobby') }), oc('+14255550302', { allowTenantAddressUpdate: true })], {
      states: { '+14255550302': 'pending' },
    }),
    account('Northwind-Trial', E.northwind, { oc: true }, [oc('+442079460601', { address: at(E.northwind, 'london', 'floor5'), unassigned: true })]),
  ];
}

function labRfis(): RfiSeed[] {
  return [
    { enterprise: E.contoso, status: 'active', consentedDaysAgo: 420, countries: ['GB'], relationship: { status: 'AgreementSigned', comment: 'Operator lab tenant', daysAgo: 419 }, contacts: [contact(E.contoso, 'Priya Raman', '+442079460900', 'L3_U3')] },
    { enterprise: E.fabrikam, status: 'active', consentedDaysAgo: 40, countries: ['US'], relationship: { status: 'CustomerContacted', comment: 'Pilot scoping', daysAgo: 38 }, contacts: [contact(E.fabrikam, 'Dana Whitfield', '+14255550190', 'L3_U3')] },
    { enterprise: E.northwind, status: 'active', consentedDaysAgo: 250, countries: ['GB'], relationship: { status: 'AgreementSigned', comment: 'Trial agreement NW-T-01', daysAgo: 245 }, contacts: [contact(E.northwind, 'Oliver Grant', '+442079460910', 'L3_U3')] },
  ];
}

function gapsAccounts(): AccountSeed[] {
  return [
    // Only four numbers, matching the four (of six) service verification test lines this gateway has.
    account('Fabrikam-Telecom-Verification', E.contoso, { oc: true }, range(442079460301, 4, (tel) => oc(tel, { address: at(E.contoso, 'hq', 'noc') }))),
    account('Tailspin-Onboarding', E.tailspin, { oc: true }, [], { state: 'pending' }),
  ];
}

function gapsRfis(): RfiSeed[] {
  return [
    { enterprise: E.tailspin, status: 'active', consentedDaysAgo: 4, countries: ['GB'], relationship: { status: 'ConsentAcknowledged', daysAgo: 3 }, contacts: [contact(E.tailspin, 'Sophie Turner', '+447700900990', 'L1_U1')] },
    { enterprise: E.wingtip, status: 'active', consentedDaysAgo: 2, countries: ['GB', 'US'], contacts: [contact(E.wingtip, 'Carlos Mendes', '+13125550190', 'L2_U2')] },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Assembly

function build(accounts: AccountSeed[], rfis: RfiSeed[], options: { bulk?: boolean } = {}): ProvisioningData {
  const data = createEmptyProvisioningData();
  const tenants = new Set<string>();
  for (const seed of accounts) {
    const resource = { name: seed.name, ...(seed.correlationId ? { correlationId: seed.correlationId } : {}), serviceDetails: accountDetails(seed.enterprise, seed.services) };
    setOwn(data.accounts, seed.name, { resource, etag: nextEtag(data), sync: seedSync(seed.state) });
    if (seed.enterprise) tenants.add(seed.enterprise.tenantId);
    const explicit: Record<string, StoredNumber> = {};
    for (const number of seed.numbers) {
      setOwn(explicit, number.telephoneNumber, { resource: number, etag: nextEtag(data), sync: seedSync(seed.states?.[number.telephoneNumber]) });
    }
    const collection: NumberCollection = { explicit };
    if (options.bulk && seed.name === BULK_ACCOUNT_NAME) collection.generator = bulkGenerator(data);
    if (seed.numbers.length > 0 || collection.generator) setOwn(data.numbers, seed.name, collection);
  }
  for (const seed of rfis) {
    const e = seed.enterprise;
    const relationship: CustomerRelationship | undefined = seed.relationship && {
      status: seed.relationship.status,
      lastModifiedOn: isoDaysBefore(seed.relationship.daysAgo),
      ...(seed.relationship.comment ? { comment: seed.relationship.comment } : {}),
    };
    setOwn(data.requestsForInformation, e.tenantId.toLowerCase(), {
      resource: {
        id: seedGuid(`rfi:${e.key}:${seed.consentedDaysAgo}`),
        tenantId: e.tenantId,
        productContext: 'teams',
        operatorId: SEED_OPERATOR_ID,
        status: seed.status,
        consentedOn: isoDaysBefore(seed.consentedDaysAgo),
        // A suspended or removed consent was changed after it was given.
        lastModifiedOn: isoDaysBefore(seed.status === 'active' ? seed.consentedDaysAgo : Math.min(seed.consentedDaysAgo, 10)),
        consentedCountries: seed.countries,
        contacts: seed.contacts,
        ...(relationship ? { customerRelationship: relationship } : {}),
      },
      etag: nextEtag(data),
      sync: seedSync(seed.state),
    });
    tenants.add(e.tenantId);
  }
  for (const [e, addresses] of ADDRESSES) {
    if (tenants.has(e.tenantId)) setOwn(data.civicAddresses, e.tenantId.toLowerCase(), addresses.map((a) => civicAddress(e, a)));
  }
  return data;
}

export function seedProvisioning(): Record<string, ProvisioningData> {
  return {
    [demoGatewayDomain(GATEWAY_PRODUCTION)]: build(productionAccounts(), productionRfis(), { bulk: true }),
    [demoGatewayDomain(GATEWAY_LAB)]: build(labAccounts(), labRfis()),
    [demoGatewayDomain(GATEWAY_GAPS)]: build(gapsAccounts(), gapsRfis()),
  };
}
