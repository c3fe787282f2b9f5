// Civic addresses by name instead of GUID: the lookup from an account's addresses, the create confirmation (name, then
// the whole id) and the grid's row (names beside the ids; the ids alone when the addresses are unknown).
import { strict as assert } from 'node:assert';
import type { NumberResource, TeamsCivicAddressResource } from '../../../src/core/models';
import { civicAddressNames, NO_ADDRESS_NAMES } from '../../../src/core/numbers/civicAddressNames';
import { numberGridRow } from '../../../src/core/numbers/numberGridRow';
import { createConfirmation } from '../../../src/core/numbers/numberWriteSummary';

const ADDRESS_ID = '5f0c1d2e-0000-4000-8000-000000000001';
const LOCATION_ID = '5f0c1d2e-0000-4000-8000-0000000000aa';
const ADDRESSES: TeamsCivicAddressResource[] = [
  {
    id: ADDRESS_ID, description: 'Contoso Telecom head office', houseNumber: '1', streetName: 'Kingsway', cityOrTown: 'London', country: 'GB', defaultLocationId: LOCATION_ID,
    locations: [{ id: LOCATION_ID, civicAddressId: ADDRESS_ID, description: 'Network operations centre, floor 4' }, { id: 'loc-unnamed', civicAddressId: ADDRESS_ID }],
  },
  { id: 'addr-2', houseNumber: '20', streetName: 'Bank', streetSuffix: 'Street', cityOrTown: 'London', postalOrZipCode: 'E14 5NR', country: 'GB', defaultLocationId: 'x' },
];

function number(civicAddressId?: string, locationId?: string): NumberResource {
  return {
    telephoneNumber: '+442079460401',
    accountName: 'Contoso-Telecom-Verification',
    serviceDetails: { teamsOperatorConnect: { enabled: true, configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling'], ...(civicAddressId ? { civicAddressId } : {}), ...(locationId ? { locationId } : {}) } } },
  };
}

describe('civic address names', () => {
  it('names an address by its description, or its postal line; a location by its description', () => {
    const names = civicAddressNames(ADDRESSES);
    assert.equal(names.address(ADDRESS_ID), 'Contoso Telecom head office');
    assert.equal(names.address(ADDRESS_ID.toUpperCase()), 'Contoso Telecom head office', 'GUIDs compare without case');
    assert.equal(names.address('addr-2'), '20 Bank Street, London E14 5NR, GB');
    assert.equal(names.location(ADDRESS_ID, LOCATION_ID), 'Network operations centre, floor 4');
    assert.equal(names.location(undefined, LOCATION_ID), 'Network operations centre, floor 4', 'found without its address too');
    assert.equal(names.location(ADDRESS_ID, 'loc-unnamed'), undefined);
    assert.equal(names.location('addr-2', LOCATION_ID), undefined, 'a location of another address is not this one’s');
    assert.equal(names.address('unknown'), undefined);
  });

  it('the create confirmation names the address and location, with their ids after the names', () => {
    const { detail } = createConfirmation('Contoso-Telecom-Verification', [number(ADDRESS_ID, LOCATION_ID)], civicAddressNames(ADDRESSES));
    assert.match(detail, new RegExp(`^Civic address: Contoso Telecom head office \\(id ${ADDRESS_ID}\\)$`, 'm'));
    assert.match(detail, new RegExp(`^Location: Network operations centre, floor 4 \\(id ${LOCATION_ID}\\)$`, 'm'));
    const unnamed = createConfirmation('Contoso-Telecom-Verification', [number('addr-unknown', 'loc-unknown')], civicAddressNames(ADDRESSES)).detail;
    assert.match(unnamed, /^Civic address: addr-unknown$/m, 'an address not among the account’s shows its id');
    assert.match(unnamed, /^Location: loc-unknown$/m);
  });

  it('the grid row carries the names beside the ids, and empty names when the addresses are unknown', () => {
    const row = numberGridRow(number(ADDRESS_ID, LOCATION_ID), civicAddressNames(ADDRESSES));
    assert.deepEqual([row.civicAddressId, row.civicAddressName, row.locationId, row.locationName], [ADDRESS_ID, 'Contoso Telecom head office', LOCATION_ID, 'Network operations centre, floor 4']);
    const fallback = numberGridRow(number(ADDRESS_ID, LOCATION_ID), NO_ADDRESS_NAMES);
    assert.deepEqual([fallback.civicAddressId, fallback.civicAddressName, fallback.locationId, fallback.locationName], [ADDRESS_ID, '', LOCATION_ID, '']);
    assert.deepEqual([numberGridRow(number()).civicAddressName, numberGridRow(number()).locationName], ['', '']);
  });
});
