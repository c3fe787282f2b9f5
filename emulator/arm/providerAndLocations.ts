// `GET /subscriptions/{s}/providers/Microsoft.VoiceServices` (resources.json: Provider, ProviderResourceType) and
// `GET /subscriptions/{s}/locations` (subscriptions.json 2022-12-01: Location, LocationMetadata, PairedRegion): what
// az and the SDKs read to pick an api-version and a region before they touch a gateway.
import type { ServiceContext } from '../context';
import { json, type EmulatorResponse, type RequestContext } from '../http';
import { PROVIDER, VOICE_SERVICES_API_VERSIONS } from './common';

interface Region {
  name: string;
  displayName: string;
  geographyGroup: string;
  geography: string;
  physicalLocation: string;
  latitude: string;
  longitude: string;
  pairedRegion: string;
  /** Whether Azure Communications Gateway is offered there. */
  voiceServices: boolean;
}

/** Public Azure regions (ARM's own metadata); the ones ACG is offered in carry `voiceServices`. */
export const REGIONS: readonly Region[] = [
  { name: 'eastus', displayName: 'East US', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Virginia', latitude: '37.3719', longitude: '-79.8164', pairedRegion: 'westus', voiceServices: true },
  { name: 'eastus2', displayName: 'East US 2', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Virginia', latitude: '36.6681', longitude: '-78.3889', pairedRegion: 'centralus', voiceServices: true },
  { name: 'centralus', displayName: 'Central US', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Iowa', latitude: '41.5908', longitude: '-93.6208', pairedRegion: 'eastus2', voiceServices: true },
  { name: 'southcentralus', displayName: 'South Central US', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Texas', latitude: '29.4167', longitude: '-98.5', pairedRegion: 'northcentralus', voiceServices: true },
  { name: 'northcentralus', displayName: 'North Central US', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Illinois', latitude: '41.8819', longitude: '-87.6278', pairedRegion: 'southcentralus', voiceServices: true },
  { name: 'westus', displayName: 'West US', geographyGroup: 'US', geography: 'United States', physicalLocation: 'California', latitude: '37.783', longitude: '-122.417', pairedRegion: 'eastus', voiceServices: true },
  { name: 'westus2', displayName: 'West US 2', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Washington', latitude: '47.233', longitude: '-119.852', pairedRegion: 'westcentralus', voiceServices: true },
  { name: 'westcentralus', displayName: 'West Central US', geographyGroup: 'US', geography: 'United States', physicalLocation: 'Wyoming', latitude: '40.89', longitude: '-110.234', pairedRegion: 'westus2', voiceServices: true },
  { name: 'canadacentral', displayName: 'Canada Central', geographyGroup: 'Canada', geography: 'Canada', physicalLocation: 'Toronto', latitude: '43.653', longitude: '-79.383', pairedRegion: 'canadaeast', voiceServices: true },
  { name: 'canadaeast', displayName: 'Canada East', geographyGroup: 'Canada', geography: 'Canada', physicalLocation: 'Quebec', latitude: '46.817', longitude: '-71.217', pairedRegion: 'canadacentral', voiceServices: true },
  { name: 'northeurope', displayName: 'North Europe', geographyGroup: 'Europe', geography: 'Europe', physicalLocation: 'Ireland', latitude: '53.3478', longitude: '-6.2597', pairedRegion: 'westeurope', voiceServices: true },
  { name: 'westeurope', displayName: 'West Europe', geographyGroup: 'Europe', geography: 'Europe', physicalLocation: 'Netherlands', latitude: '52.3667', longitude: '4.9', pairedRegion: 'northeurope', voiceServices: true },
  { name: 'uksouth', displayName: 'UK South', geographyGroup: 'UK', geography: 'United Kingdom', physicalLocation: 'London', latitude: '50.941', longitude: '-0.799', pairedRegion: 'ukwest', voiceServices: true },
  { name: 'ukwest', displayName: 'UK West', geographyGroup: 'UK', geography: 'United Kingdom', physicalLocation: 'Cardiff', latitude: '53.427', longitude: '-3.084', pairedRegion: 'uksouth', voiceServices: true },
  { name: 'germanywestcentral', displayName: 'Germany West Central', geographyGroup: 'Europe', geography: 'Germany', physicalLocation: 'Frankfurt', latitude: '50.110924', longitude: '8.682127', pairedRegion: 'germanynorth', voiceServices: false },
  { name: 'australiaeast', displayName: 'Australia East', geographyGroup: 'Asia Pacific', geography: 'Australia', physicalLocation: 'New South Wales', latitude: '-33.86', longitude: '151.2094', pairedRegion: 'australiasoutheast', voiceServices: true },
  { name: 'australiasoutheast', displayName: 'Australia Southeast', geographyGroup: 'Asia Pacific', geography: 'Australia', physicalLocation: 'Victoria', latitude: '-37.8136', longitude: '144.9631', pairedRegion: 'australiaeast', voiceServices: true },
];

const SUPPORTED_BY_GATEWAYS = REGIONS.filter((r) => r.voiceServices).map((r) => r.displayName);

/**
 * The provider's resource types: the ones this emulator serves. Their api-versions are the versions it serves, which
 * are the Microsoft.VoiceServices spec versions in ../shared/specs (test/unit/emulator/arm-generic.test.ts checks
 * that); the older versions SOURCES.md mentions are not served, so they are not advertised either.
 */
function resourceTypes(): Record<string, unknown>[] {
  const type = (resourceType: string, locations: readonly string[], capabilities?: string) => ({
    resourceType,
    locations: [...locations],
    apiVersions: [...VOICE_SERVICES_API_VERSIONS],
    defaultApiVersion: VOICE_SERVICES_API_VERSIONS[0],
    ...(capabilities ? { capabilities } : {}),
  });
  return [
    type('communicationsGateways', SUPPORTED_BY_GATEWAYS, 'SystemAssignedResourceIdentity, SupportsTags, SupportsLocation'),
    type('communicationsGateways/testLines', SUPPORTED_BY_GATEWAYS, 'SupportsTags, SupportsLocation'),
    type('locations', []),
    type('locations/checkNameAvailability', SUPPORTED_BY_GATEWAYS),
    type('locations/operationStatuses', SUPPORTED_BY_GATEWAYS),
    type('locations/operationResults', SUPPORTED_BY_GATEWAYS),
    type('operations', []),
  ];
}

export function getVoiceServicesProvider(_ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  return json(200, {
    id: `/subscriptions/${req.params.subscriptionId}/providers/${PROVIDER}`,
    namespace: PROVIDER,
    registrationState: 'Registered',
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: resourceTypes(),
  });
}

export function listLocations(_ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const subscriptionId = req.params.subscriptionId;
  const value = REGIONS.map((r) => ({
    id: `/subscriptions/${subscriptionId}/locations/${r.name}`,
    name: r.name,
    type: 'Region',
    displayName: r.displayName,
    regionalDisplayName: `(${r.geographyGroup}) ${r.displayName}`,
    metadata: {
      regionType: 'Physical',
      regionCategory: 'Recommended',
      geography: r.geography,
      geographyGroup: r.geographyGroup,
      longitude: r.longitude,
      latitude: r.latitude,
      physicalLocation: r.physicalLocation,
      pairedRegion: [{ name: r.pairedRegion, id: `/subscriptions/${subscriptionId}/locations/${r.pairedRegion}` }],
    },
  }));
  // subscriptions.json 2022-12-01 does not page this list (LocationListResult has no nextLink).
  return json(200, { value });
}
