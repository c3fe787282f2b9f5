// Which numbers use each civic address. The Provisioning API cannot filter numbers by civic address (its filter
// fields are the number, the account and the provisioning status: emulator/provisioning/lists.ts), so the panel pages
// through the account's numbers, up to a bound, and tallies them here: per address and location a count and a few
// numbers as a sample, the numbers with no address, and per service how many numbers have it enabled (the counts an
// account reports itself when the service gives no numberCount). Plus the read-only address views the panel shows.
import { SERVICES, type NumberResource, type ServiceKey, type TeamsCivicAddressResource } from '../models';
import { addressLine, sortedLocations } from './civicAddressDisplay';

/** Numbers listed per address as a sample. */
export const USAGE_SAMPLE_SIZE = 5;

export interface AddressUsage {
  /** The civic address id as the numbers name it (GUIDs: compare without case). */
  readonly addressId: string;
  count: number;
  readonly sample: string[];
  /** Location id (lower case) → numbers using it. */
  readonly locations: Record<string, number>;
}

export interface CivicUsageTally {
  scanned: number;
  withoutAddress: number;
  /** Lower-cased address id → usage. */
  readonly byAddress: Record<string, AddressUsage>;
  readonly perService: Record<ServiceKey, number>;
}

export function emptyUsage(): CivicUsageTally {
  return { scanned: 0, withoutAddress: 0, byAddress: {}, perService: Object.fromEntries(SERVICES.map((s) => [s.key, 0])) as Record<ServiceKey, number> };
}

/** The (address, location) pairs a number's Teams configurations name, once each. */
function placesOf(number: NumberResource): { addressId: string; locationId?: string }[] {
  const places = new Map<string, { addressId: string; locationId?: string }>();
  for (const key of ['teamsOperatorConnect', 'teamsPhoneMobile'] as const) {
    const config = number.serviceDetails?.[key]?.configuration;
    if (!config?.civicAddressId) continue;
    const id = config.civicAddressId.toLowerCase();
    const existing = places.get(id);
    places.set(id, { addressId: config.civicAddressId, ...(existing?.locationId ? { locationId: existing.locationId } : config.locationId ? { locationId: config.locationId } : {}) });
  }
  return [...places.values()];
}

/** Adds one page of numbers to the tally (in place: a scan of thousands of numbers keeps one tally). */
export function tallyNumbers(tally: CivicUsageTally, numbers: readonly NumberResource[]): void {
  for (const number of numbers) {
    tally.scanned++;
    for (const service of SERVICES) if (number.serviceDetails?.[service.key]?.enabled === true) tally.perService[service.key]++;
    const places = placesOf(number);
    if (places.length === 0) tally.withoutAddress++;
    for (const place of places) {
      const key = place.addressId.toLowerCase();
      const usage = (tally.byAddress[key] ??= { addressId: place.addressId, count: 0, sample: [], locations: {} });
      usage.count++;
      if (usage.sample.length < USAGE_SAMPLE_SIZE) usage.sample.push(number.telephoneNumber);
      if (place.locationId) {
        const location = place.locationId.toLowerCase();
        usage.locations[location] = (usage.locations[location] ?? 0) + 1;
      }
    }
  }
}

export interface LocationRow {
  readonly id: string;
  readonly description: string;
  readonly elin?: string;
  readonly isDefault: boolean;
  readonly additionalInfo?: string;
}

export interface CivicAddressRow {
  readonly id: string;
  /** The description, else the address line. */
  readonly label: string;
  readonly addressLine: string;
  readonly companyName?: string;
  readonly validated: boolean;
  readonly locations: readonly LocationRow[];
}

/** The account's addresses as the panel lists them: by label, each with its locations (default first). */
export function civicAddressRows(addresses: readonly TeamsCivicAddressResource[]): CivicAddressRow[] {
  return addresses
    .map((address) => ({
      id: address.id,
      label: address.description?.trim() || addressLine(address),
      addressLine: addressLine(address),
      ...(address.companyName ? { companyName: address.companyName } : {}),
      validated: address.validationStatus === 'validated',
      locations: sortedLocations(address).map((location) => ({
        id: location.id,
        description: location.description?.trim() || location.id,
        ...(location.elin ? { elin: location.elin } : {}),
        isDefault: location.isDefault === true,
        ...(location.additionalInfo ? { additionalInfo: location.additionalInfo } : {}),
      })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
