// ACG Provisioning API 2024-02-29-preview shapes. Field names follow the compiled swagger.json exactly.

export const PROVISIONING_API_VERSION = '2024-02-29-preview';

export type ServiceProvisioningStatus = 'pending' | 'synced' | 'failed';
export type TelephoneNumberAssignmentStatus = 'assigned' | 'unassigned';
export type TeamsConsentStatus = 'active' | 'suspended' | 'removed';
export type ValidationStatus = 'notValidated' | 'validated';
export type TeamsDirectRoutingSubdomainProvisioningStatus = 'provisioned' | 'notProvisioned' | 'inconsistent';
export type NumberUsage = 'CallingUserAssignment' | 'FirstPartyAppAssignment' | 'ConferenceAssignment';
export type ChoosableCapability = 'InboundCalling' | 'OutboundCalling' | 'Mobile';
export type RelationshipStatus =
  | 'ConsentAcknowledged'
  | 'CustomerContacted'
  | 'AgreementSigned'
  | 'ConsentDeclined'
  | 'ContractTerminated';

export const SERVICE_PROVISIONING_STATUSES: readonly ServiceProvisioningStatus[] = ['pending', 'synced', 'failed'];
export const NUMBER_USAGES: readonly NumberUsage[] = ['CallingUserAssignment', 'FirstPartyAppAssignment', 'ConferenceAssignment'];
export const CHOOSABLE_CAPABILITIES: readonly ChoosableCapability[] = ['InboundCalling', 'OutboundCalling', 'Mobile'];
export const ASSIGNMENT_STATUSES: readonly TelephoneNumberAssignmentStatus[] = ['assigned', 'unassigned'];
export const CONSENT_STATUSES: readonly TeamsConsentStatus[] = ['active', 'suspended', 'removed'];
export const RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = [
  'ConsentAcknowledged',
  'CustomerContacted',
  'AgreementSigned',
  'ConsentDeclined',
  'ContractTerminated',
];
/** Statuses that the docs say need a reason (`customerRelationship.comment`). */
export const RELATIONSHIP_STATUSES_NEEDING_REASON: readonly RelationshipStatus[] = ['ConsentDeclined', 'ContractTerminated'];

/** Azure.Core.Foundations.Error */
export interface CoreError {
  code: string;
  message: string;
  target?: string;
  details?: CoreError[];
  innererror?: { code?: string; innererror?: CoreError['innererror'] };
}

interface ProvisionedResource {
  readonly serviceProvisioningStatus?: ServiceProvisioningStatus;
  readonly serviceProvisioningErrors?: CoreError[];
}

export interface ServiceEnablement {
  enabled: boolean;
}

export interface SyncedServiceDetails extends ServiceEnablement {
  syncEnabled: boolean;
  readonly numberCount?: number;
}

export interface TeamsDirectRoutingAccountConfig {
  callScreening: boolean;
  subdomain: string;
  subdomainTokens: { region1Token: string; region2Token: string };
}

export interface TeamsDirectRoutingAccountDetails extends SyncedServiceDetails {
  configuration?: TeamsDirectRoutingAccountConfig;
  /** Read-only: the service reports it; a new account's body has none. */
  readonly subdomainStatus?: TeamsDirectRoutingSubdomainProvisioningStatus;
}

export interface AccountServiceDetails {
  teamsTenantId?: string;
  teamsOperatorConnect?: SyncedServiceDetails;
  teamsDirectRouting?: TeamsDirectRoutingAccountDetails;
  teamsPhoneMobile?: SyncedServiceDetails;
  zoomPhoneCloudPeering?: SyncedServiceDetails;
  azureOperatorCallProtection?: ServiceEnablement & { readonly numberCount?: number };
}

export interface AccountResource extends ProvisionedResource {
  name: string;
  correlationId?: string;
  serviceDetails?: AccountServiceDetails;
}

/** TeamsCommonNumberConfig (and its Operator Connect / Phone Mobile variants, which are identical). */
export interface TeamsNumberConfig {
  usage: NumberUsage;
  choosableCapabilities: ChoosableCapability[];
  readonly acquiredCapabilities?: string[];
  readonly availableCapabilities?: string[];
  additionalUsages?: NumberUsage[];
  civicAddressId?: string;
  locationId?: string;
  allowTenantAddressUpdate?: boolean;
  displayedCountryCode?: string;
}

export interface TeamsNumberDetails extends ServiceEnablement {
  assignmentStatus?: TelephoneNumberAssignmentStatus;
  configuration?: TeamsNumberConfig;
}

export interface NumberServiceDetails {
  teamsOperatorConnect?: TeamsNumberDetails;
  teamsDirectRouting?: ServiceEnablement;
  teamsPhoneMobile?: TeamsNumberDetails;
  zoomPhoneCloudPeering?: ServiceEnablement;
  azureOperatorCallProtection?: ServiceEnablement;
}

export interface NumberResource extends ProvisionedResource {
  telephoneNumber: string;
  accountName: string;
  serviceDetails: NumberServiceDetails;
  configuration?: { customSipHeader?: string };
}

export interface BatchNumbers {
  numbers: NumberResource[];
}

export interface NumberIdentifier {
  telephoneNumber: string;
}

export interface BatchNumbersDelete {
  numbers: NumberIdentifier[];
}

export interface ContactDetails {
  readonly fullName: string;
  readonly email: string;
  readonly telephoneNumber?: string;
  readonly companyName?: string;
  readonly companySize?: string;
}

export interface CustomerRelationship {
  status?: RelationshipStatus;
  readonly lastModifiedOn?: string;
  comment?: string;
}

export interface RequestForInformationResource extends ProvisionedResource {
  readonly id?: string;
  readonly tenantId: string;
  readonly accountName?: string;
  readonly productContext?: string;
  readonly operatorId?: string;
  readonly status?: TeamsConsentStatus;
  readonly consentedOn?: string;
  readonly lastModifiedOn?: string;
  readonly consentedCountries?: string[];
  readonly contacts?: ContactDetails[];
  customerRelationship?: CustomerRelationship;
}

export interface Location {
  readonly id: string;
  readonly civicAddressId: string;
  readonly description?: string;
  readonly additionalInfo?: string;
  readonly isDefault?: boolean;
  readonly elin?: string;
}

export interface TeamsCivicAddressResource {
  readonly id: string;
  readonly country?: string;
  readonly houseNumber?: string;
  readonly houseNumberSuffix?: string;
  readonly preDirectional?: string;
  readonly streetName?: string;
  readonly streetSuffix?: string;
  readonly postDirectional?: string;
  readonly stateOrProvince?: string;
  readonly countyOrDistrict?: string;
  readonly cityOrTown?: string;
  readonly cityOrTownAlias?: string;
  readonly postalOrZipCode?: string;
  readonly description?: string;
  readonly companyName?: string;
  readonly companyId?: string;
  readonly defaultLocationId: string;
  readonly validationStatus?: ValidationStatus;
  readonly tenantId?: string;
  readonly partnerId?: string;
  readonly locations?: Location[];
  readonly latitude?: string;
  readonly longitude?: string;
}

export interface TeamsCapabilityPlan {
  readonly name: string;
  readonly offerTypes?: string[];
  readonly usage: string;
  readonly mandatoryCapabilities?: string[];
  readonly choosableCapabilities?: string[];
  readonly supportsTollFree: boolean;
}

export interface TeamsCapabilityPlans {
  readonly capabilityPlans: TeamsCapabilityPlan[];
}

export interface TeamsAvailableCapabilities {
  readonly availableCapabilities: string[];
}

export interface PagedList<T> {
  value: T[];
  nextLink?: string;
}

/** Query options shared by every list operation. */
export interface ListOptions {
  top?: number;
  skip?: number;
  maxpagesize?: number;
  filter?: string;
  countRecords?: boolean;
}

/** The services an account or a number can be enabled for, in the order every view and check lists them. */
export type ServiceKey = keyof NumberServiceDetails;

export const SERVICES: readonly { key: ServiceKey; short: string; name: string }[] = [
  { key: 'teamsOperatorConnect', short: 'OC', name: 'Operator Connect' },
  { key: 'teamsPhoneMobile', short: 'TPM', name: 'Teams Phone Mobile' },
  { key: 'teamsDirectRouting', short: 'DR', name: 'Direct Routing' },
  { key: 'zoomPhoneCloudPeering', short: 'Zoom', name: 'Zoom Phone Cloud Peering' },
  { key: 'azureOperatorCallProtection', short: 'AOCP', name: 'Azure Operator Call Protection' },
];

export const SERVICE_KEYS: readonly ServiceKey[] = SERVICES.map((s) => s.key);

/** The services whose number details carry a Teams configuration (usage, capabilities, assignment status). */
export const TEAMS_SERVICE_KEYS = ['teamsOperatorConnect', 'teamsPhoneMobile'] as const satisfies readonly ServiceKey[];
export type TeamsServiceKey = (typeof TEAMS_SERVICE_KEYS)[number];

export function isTeamsServiceKey(key: string): key is TeamsServiceKey {
  return (TEAMS_SERVICE_KEYS as readonly string[]).includes(key);
}
