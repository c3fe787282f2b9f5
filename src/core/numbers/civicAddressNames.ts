// The names people know a number's emergency address by: the civic address's description (or its postal line) and
// the location's description, looked up from the account's civic addresses. The grid and the write confirmation show
// these instead of GUIDs; the ids stay beside them, so a name that two addresses share is still told apart. Pure.
import { addressLine } from '../enterprises/civicAddressDisplay';
import type { TeamsCivicAddressResource } from '../models';

export interface CivicAddressNames {
  /** The address's description, or its postal line when it has none. */
  address(civicAddressId: string): string | undefined;
  /** The location's description (undefined when it has none, or is not one of the address's). */
  location(civicAddressId: string | undefined, locationId: string): string | undefined;
}

/** Knows no names: every id shows as itself. */
export const NO_ADDRESS_NAMES: CivicAddressNames = { address: () => undefined, location: () => undefined };

export function civicAddressNames(addresses: readonly TeamsCivicAddressResource[]): CivicAddressNames {
  const byId = new Map<string, { name: string; locations: Map<string, string> }>();
  for (const address of addresses) {
    const locations = new Map<string, string>();
    for (const location of address.locations ?? []) {
      const name = location.description?.trim();
      if (name) locations.set(location.id.toLowerCase(), name);
    }
    byId.set(address.id.toLowerCase(), { name: address.description?.trim() || addressLine(address), locations });
  }
  return {
    address: (id) => byId.get(id.toLowerCase())?.name,
    location: (addressId, locationId) => {
      const key = locationId.toLowerCase();
      if (addressId !== undefined) return byId.get(addressId.toLowerCase())?.locations.get(key);
      for (const entry of byId.values()) {
        const name = entry.locations.get(key);
        if (name) return name;
      }
      return undefined;
    },
  };
}

/** "Contoso Telecom head office (id 5f0c…)" for a confirmation: the name, then the whole id; the id alone when unnamed. */
export function nameWithId(name: string | undefined, id: string): string {
  return name ? `${name} (id ${id})` : id;
}
