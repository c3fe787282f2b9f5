// Civic addresses (read-only: enterprises manage them in the Teams admin center) and their locations, as the
// Enterprises view shows them under an account: the address on one line, its validation status, each location with
// its ELIN. An unvalidated address is flagged because Teams refuses numbers that use it.
import type { Location, TeamsCivicAddressResource } from '../models';
import { code, escapeMarkdown, field, lines } from './markdown';
import type { IconSpec } from './provisioningStatus';

/** "20 Bank Street, London E14 5NR, GB": the parts that are present, in postal order. */
export function addressLine(address: TeamsCivicAddressResource): string {
  const street = [address.houseNumber, address.houseNumberSuffix, address.preDirectional, address.streetName, address.streetSuffix, address.postDirectional]
    .filter((p) => p && p.trim() !== '')
    .join(' ');
  const city = [address.cityOrTown, address.stateOrProvince, address.postalOrZipCode].filter((p) => p && p.trim() !== '').join(' ');
  return [street, city, address.country].filter((p) => p && p.trim() !== '').join(', ') || address.id;
}

export interface CivicAddressView {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: IconSpec;
}

export function civicAddressView(address: TeamsCivicAddressResource): CivicAddressView {
  const validated = address.validationStatus === 'validated';
  const count = address.locations?.length ?? 0;
  return {
    label: address.description?.trim() || addressLine(address),
    description: [address.description ? addressLine(address) : undefined, validated ? 'validated' : 'not validated', `${count} location${count === 1 ? '' : 's'}`]
      .filter(Boolean)
      .join(' · '),
    tooltip: civicAddressTooltip(address),
    icon: validated ? { id: 'location' } : { id: 'warning', color: 'list.warningForeground' },
  };
}

export function civicAddressTooltip(address: TeamsCivicAddressResource): string {
  const validated = address.validationStatus === 'validated';
  return lines([
    `**${escapeMarkdown(address.description ?? 'Civic address')}** — civic address (read-only)`,
    '',
    field('Address', addressLine(address)),
    field('Company', address.companyName),
    field('Validation', validated ? 'validated' : 'not validated: Teams refuses numbers that use this address until the enterprise validates it'),
    field('ID', code(address.id), true),
    field('Coordinates', address.latitude && address.longitude ? `${address.latitude}, ${address.longitude}` : undefined),
    field('Locations', String(address.locations?.length ?? 0)),
  ]);
}

export function sortedLocations(address: TeamsCivicAddressResource): Location[] {
  // The default location first, then by description: the order the Teams admin center uses.
  return [...(address.locations ?? [])].sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true) || (a.description ?? '').localeCompare(b.description ?? ''));
}

export interface LocationView {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
}

export function locationView(location: Location): LocationView {
  return {
    label: location.description?.trim() || location.id,
    description: [location.elin ? `ELIN ${location.elin}` : 'no ELIN', location.isDefault ? 'default' : undefined, location.additionalInfo].filter(Boolean).join(' · '),
    tooltip: lines([
      `**${escapeMarkdown(location.description ?? 'Location')}** — location`,
      '',
      field('ELIN', location.elin ? code(location.elin) : 'none', location.elin !== undefined),
      field('Default', location.isDefault ? 'yes' : 'no'),
      field('Additional info', location.additionalInfo),
      field('ID', code(location.id), true),
    ]),
  };
}
