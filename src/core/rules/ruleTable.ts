// The one rule table. Diagnostics, the CLI's SARIF output, the emulator's 400s and the docs all link to these ids,
// so an id is never renumbered or reused: retire a rule by leaving its row in place.
//
// Severity convention: 'error' when the service (or its portal) rejects the value; 'warning' when the service
// accepts it but it goes wrong later, or when the rule goes beyond the published contract.
import type { RuleDefinition } from './types';

// azure-rest-api-specs moved to its v2 folder layout in 2025; these are the paths on main after that move.
const TSP = 'https://github.com/Azure/azure-rest-api-specs/blob/main/specification/voiceservices/data-plane/VoiceServices/main.tsp';
const ARM =
  'https://github.com/Azure/azure-rest-api-specs/blob/main/specification/voiceservices/resource-manager/Microsoft.VoiceServices/VoiceServices/stable/2023-09-01/voiceservices.json';
const SPECS = 'https://github.com/Azure/azure-rest-api-specs/tree/main/specification/voiceservices';
const DOCS = 'https://learn.microsoft.com/azure/communications-gateway/';
const TAG_LIMITS = 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations';
const LIBPHONENUMBER = 'https://gitlab.com/catamphetamine/libphonenumber-js';

const MANAGE_OC = 'docs manage-enterprise-operator-connect.md';
const MANAGE_OC_URL = `${DOCS}manage-enterprise-operator-connect`;

export const RULES = {
  // Telephone numbers
  'ACG-NUM-001': {
    id: 'ACG-NUM-001',
    title: 'Telephone number format',
    message: 'A telephone number is + then the country code and digits only (^\\+[1-9]\\d+$), for example +14255550100.',
    severity: 'error',
    source: 'tsp NumberResource',
    sourceUrl: TSP,
  },
  'ACG-NUM-002': {
    id: 'ACG-NUM-002',
    title: 'Telephone number too long',
    message: 'A telephone number has at most 16 characters, counting the leading +.',
    severity: 'error',
    source: 'tsp NumberResource',
    sourceUrl: TSP,
  },
  'ACG-NUM-003': {
    id: 'ACG-NUM-003',
    title: 'Telephone number too short',
    message: 'A telephone number has at least 3 characters, counting the leading +.',
    severity: 'error',
    source: 'tsp NumberIdentifier',
    sourceUrl: TSP,
  },
  'ACG-NUM-004': {
    id: 'ACG-NUM-004',
    title: 'Legacy 2023 number format',
    message:
      'This number follows the 2023 portal format (digits with an optional +, up to 19 characters). Today a number needs a leading + and at most 16 characters.',
    severity: 'error',
    source: `${MANAGE_OC} (2023 version)`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-NUM-005': {
    id: 'ACG-NUM-005',
    title: 'Unknown country calling code',
    message: 'The number does not start with a country calling code in use: check for a typo.',
    severity: 'warning',
    source: 'libphonenumber-js metadata (ITU-T E.164 country codes)',
    sourceUrl: LIBPHONENUMBER,
  },
  'ACG-NUM-006': {
    id: 'ACG-NUM-006',
    title: 'Number usage',
    message: 'usage and additionalUsages take CallingUserAssignment, FirstPartyAppAssignment or ConferenceAssignment.',
    severity: 'error',
    source: `${MANAGE_OC}; tsp TeamsCommonNumberConfig`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-NUM-007': {
    id: 'ACG-NUM-007',
    title: 'Choosable capabilities',
    message: 'choosableCapabilities takes InboundCalling, OutboundCalling or Mobile.',
    severity: 'error',
    source: `${MANAGE_OC}; tsp TeamsCommonNumberConfig`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-NUM-008': {
    id: 'ACG-NUM-008',
    title: 'Mobile capability needs Teams Phone Mobile',
    message: 'The Mobile capability is only for Teams Phone Mobile numbers: set it under serviceDetails.teamsPhoneMobile.',
    severity: 'error',
    source: `${MANAGE_OC}; tsp examples`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-NUM-009': {
    id: 'ACG-NUM-009',
    title: 'Assignment status',
    message: 'assignmentStatus is assigned or unassigned.',
    severity: 'error',
    source: 'tsp TelephoneNumberAssignmentStatus',
    sourceUrl: TSP,
  },
  // A warning: the spec's own PutAccountNumber example omits the address, so the API accepts it; Teams needs it.
  'ACG-NUM-010': {
    id: 'ACG-NUM-010',
    title: 'Emergency address required',
    message:
      'A CallingUserAssignment number needs civicAddressId or locationId unless allowTenantAddressUpdate is true (it defaults to false).',
    severity: 'warning',
    source: `${MANAGE_OC}; tsp TeamsCommonNumberConfig`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-NUM-011': {
    id: 'ACG-NUM-011',
    title: 'Displayed country for North American toll-free',
    message: 'A North American toll-free number (+1 800/833/844/855/866/877/888) needs displayedCountryCode.',
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-NUM-012': {
    id: 'ACG-NUM-012',
    title: 'Custom SIP header value',
    message: 'customSipHeader is 1 to 100 letters, digits, underscores or dashes.',
    severity: 'error',
    source: 'tsp NumberConfiguration',
    sourceUrl: TSP,
  },
  'ACG-NUM-013': {
    id: 'ACG-NUM-013',
    title: 'Custom SIP header not for Teams Phone Mobile or Call Protection',
    message: 'A custom SIP header cannot be set on a Teams Phone Mobile or Azure Operator Call Protection number.',
    severity: 'error',
    source: 'docs provisioning-platform.md',
    sourceUrl: `${DOCS}provisioning-platform`,
  },
  'ACG-NUM-014': {
    id: 'ACG-NUM-014',
    title: 'Duplicate telephone number',
    message: 'A number appears once per plan and belongs to one account only.',
    severity: 'error',
    source: 'Provisioning API semantics (numbers are keyed by telephoneNumber)',
    sourceUrl: TSP,
  },

  // Accounts
  'ACG-ACC-001': {
    id: 'ACG-ACC-001',
    title: 'Account name',
    message: 'An account name is 1 to 100 letters, digits, underscores or dashes (case-sensitive).',
    severity: 'error',
    source: 'tsp AccountResource',
    sourceUrl: TSP,
  },
  'ACG-ACC-002': {
    id: 'ACG-ACC-002',
    title: 'Direct Routing subdomain',
    message: 'The Direct Routing subdomain is 1 to 10 letters, digits, underscores or dashes.',
    severity: 'error',
    source: 'tsp TeamsDirectRoutingAccountConfig',
    sourceUrl: TSP,
  },
  'ACG-ACC-003': {
    id: 'ACG-ACC-003',
    title: 'Direct Routing DNS TXT token',
    message: 'A subdomain token is 1 to 100 letters, digits, =, underscores or dashes, as shown in the Microsoft 365 admin center.',
    severity: 'error',
    source: 'tsp TeamsDirectRoutingSubdomainTokens',
    sourceUrl: TSP,
  },
  'ACG-TEN-001': {
    id: 'ACG-TEN-001',
    title: 'Tenant id',
    message: 'A Microsoft Entra tenant id is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.',
    severity: 'error',
    source: 'tsp RequestForInformationResource',
    sourceUrl: TSP,
  },
  'ACG-REF-001': {
    id: 'ACG-REF-001',
    title: 'Ticket or reference length',
    message: 'A ticket or request id (correlationId, customerRelationship.comment) has at most 64 characters.',
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },

  // Requests for information (consents) and the relationship with the enterprise
  'ACG-RFI-001': {
    id: 'ACG-RFI-001',
    title: 'Relationship status',
    message: 'customerRelationship.status is ConsentAcknowledged, CustomerContacted, AgreementSigned, ConsentDeclined or ContractTerminated.',
    severity: 'error',
    source: `${MANAGE_OC}; tsp examples`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-RFI-002': {
    id: 'ACG-RFI-002',
    title: 'Reason required',
    message: 'ConsentDeclined and ContractTerminated need a reason in customerRelationship.comment.',
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-RFI-003': {
    id: 'ACG-RFI-003',
    title: 'Consent status',
    message: 'A consent status is active, suspended or removed.',
    severity: 'error',
    source: 'tsp TeamsConsentStatus',
    sourceUrl: TSP,
  },

  // Limits on bulk operations
  'ACG-BATCH-001': {
    id: 'ACG-BATCH-001',
    title: 'Batch size',
    message: ':createOrUpdateNumbers and :deleteNumbers take at most 100 numbers per request.',
    severity: 'error',
    source: 'tsp BatchNumbers, BatchNumbersDelete',
    sourceUrl: TSP,
  },
  'ACG-CSV-001': {
    id: 'ACG-CSV-001',
    title: 'CSV row limit',
    message: 'A number CSV file has at most 10,000 rows.',
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },

  // Gateways
  'ACG-GW-001': {
    id: 'ACG-GW-001',
    title: 'Gateway or test line name',
    message: 'Gateway and test line names are 3 to 24 letters, digits or dashes (^[a-zA-Z0-9-]{3,24}$).',
    severity: 'error',
    source: 'arm communicationsGatewayName, testLineName',
    sourceUrl: ARM,
  },
  'ACG-GW-002': {
    id: 'ACG-GW-002',
    title: 'Platforms required',
    message: 'platforms lists at least one platform.',
    severity: 'error',
    source: 'arm CommunicationsGatewayProperties.platforms',
    sourceUrl: ARM,
  },
  'ACG-GW-003': {
    id: 'ACG-GW-003',
    title: 'Platform',
    message: 'A platform is OperatorConnect, TeamsPhoneMobile or TeamsDirectRouting.',
    severity: 'error',
    source: 'arm CommunicationsPlatform',
    sourceUrl: ARM,
  },
  'ACG-GW-004': {
    id: 'ACG-GW-004',
    title: 'Codec',
    message: 'A codec is PCMA, PCMU, G722, G722_2, SILK_8 or SILK_16.',
    severity: 'error',
    source: 'arm TeamsCodecs',
    sourceUrl: ARM,
  },
  'ACG-GW-005': {
    id: 'ACG-GW-005',
    title: 'Emergency call handling',
    message: 'e911Type is Standard or DirectToEsrp.',
    severity: 'error',
    source: 'arm E911Type',
    sourceUrl: ARM,
  },
  'ACG-GW-006': {
    id: 'ACG-GW-006',
    title: 'DirectToEsrp needs Operator Connect or Teams Phone Mobile',
    message: 'e911Type DirectToEsrp applies to Operator Connect and Teams Phone Mobile: add one of those platforms or use Standard.',
    severity: 'error',
    source: 'docs emergency-calls-operator-connect.md',
    sourceUrl: `${DOCS}emergency-calls-operator-connect`,
  },
  // A warning: region names are free text in the ARM contract, so this is a best-effort match on US region names.
  'ACG-GW-007': {
    id: 'ACG-GW-007',
    title: 'DirectToEsrp is US only',
    message: 'Routing emergency calls directly to an ESRP is available in the US only.',
    severity: 'warning',
    source: 'docs emergency-calls-operator-connect.md',
    sourceUrl: `${DOCS}emergency-calls-operator-connect`,
  },
  'ACG-GW-008': {
    id: 'ACG-GW-008',
    title: 'Service locations',
    message: 'A production deployment has 2 service locations in different regions; a lab deployment has 1.',
    severity: 'error',
    source: 'docs prepare-to-deploy.md, lab.md',
    sourceUrl: `${DOCS}prepare-to-deploy`,
  },
  'ACG-GW-009': {
    id: 'ACG-GW-009',
    title: 'Operator address required',
    message: 'Each service location lists at least one operator IPv4 address (primaryRegionProperties.operatorAddresses).',
    severity: 'error',
    source: 'docs prepare-to-deploy.md; arm PrimaryRegionProperties',
    sourceUrl: `${DOCS}prepare-to-deploy`,
  },
  'ACG-GW-010': {
    id: 'ACG-GW-010',
    title: 'IPv4 address',
    message: 'An address is a dotted IPv4 address such as 198.51.100.1.',
    severity: 'error',
    source: 'docs prepare-to-deploy.md',
    sourceUrl: `${DOCS}prepare-to-deploy`,
  },
  'ACG-GW-011': {
    id: 'ACG-GW-011',
    title: 'CIDR allowlist entry',
    message: 'An allowlist entry is an IPv4 prefix in CIDR notation such as 10.1.1.0/24 (use /32 for one address).',
    severity: 'error',
    source: 'docs prepare-to-deploy.md',
    sourceUrl: `${DOCS}prepare-to-deploy`,
  },
  'ACG-GW-012': {
    id: 'ACG-GW-012',
    title: 'Emergency dial string',
    message: 'An emergency dial string is 1 to 15 digits, listed once (the default list is 911 and 933).',
    severity: 'error',
    source: 'arm emergencyDialStrings; docs emergency-calls-operator-connect.md',
    sourceUrl: ARM,
  },
  'ACG-GW-013': {
    id: 'ACG-GW-013',
    title: 'Mobile Control Point',
    message: 'A Mobile Control Point is integrated, on-premises or none: set at most one of integratedMcpEnabled and onPremMcpEnabled.',
    severity: 'error',
    source: 'docs mobile-control-point.md; arm',
    sourceUrl: `${DOCS}mobile-control-point`,
  },
  // A warning: ARM accepts any string here (its own example uses 1234567890); Teams Phone Mobile needs a real number.
  'ACG-GW-014': {
    id: 'ACG-GW-014',
    title: 'Teams voicemail pilot number',
    message: 'Teams Phone Mobile needs teamsVoicemailPilotNumber, in E.164 format such as +14255550199.',
    severity: 'warning',
    source: 'arm teamsVoicemailPilotNumber; docs prepare-to-deploy.md',
    sourceUrl: ARM,
  },

  // Test lines
  'ACG-TL-001': {
    id: 'ACG-TL-001',
    title: 'Test line purpose',
    message: 'A test line purpose is Manual or Automated.',
    severity: 'error',
    source: 'arm TestLinePurpose',
    sourceUrl: ARM,
  },
  // A warning: ARM accepts any string (its own example uses +1-555-1234); Teams needs E.164 for verification calls.
  'ACG-TL-002': {
    id: 'ACG-TL-002',
    title: 'Test line number format',
    message: 'A test line phone number is in E.164 format: + then the country code and digits only.',
    severity: 'warning',
    source: 'docs connect-operator-connect.md',
    sourceUrl: `${DOCS}connect-operator-connect`,
  },

  // Tags (Azure Resource Manager limits)
  'ACG-TAG-001': {
    id: 'ACG-TAG-001',
    title: 'Tag count',
    message: 'A resource has at most 50 tags.',
    severity: 'error',
    source: 'docs azure-resource-manager tag-resources.md',
    sourceUrl: TAG_LIMITS,
  },
  'ACG-TAG-002': {
    id: 'ACG-TAG-002',
    title: 'Tag name length',
    message: 'A tag name has 1 to 512 characters.',
    severity: 'error',
    source: 'docs azure-resource-manager tag-resources.md',
    sourceUrl: TAG_LIMITS,
  },
  'ACG-TAG-003': {
    id: 'ACG-TAG-003',
    title: 'Tag value length',
    message: 'A tag value has at most 256 characters.',
    severity: 'error',
    source: 'docs azure-resource-manager tag-resources.md',
    sourceUrl: TAG_LIMITS,
  },
  'ACG-TAG-004': {
    id: 'ACG-TAG-004',
    title: 'Tag name characters',
    message: 'A tag name cannot contain < > % & \\ ? or /.',
    severity: 'error',
    source: 'docs azure-resource-manager tag-resources.md',
    sourceUrl: TAG_LIMITS,
  },

  // Shape checks that both specs express but a hand-written file can still get wrong
  'ACG-SCHEMA-001': {
    id: 'ACG-SCHEMA-001',
    title: 'Required value missing',
    message: 'A required value is missing.',
    severity: 'error',
    source: 'tsp and arm schemas',
    sourceUrl: SPECS,
  },
  'ACG-SCHEMA-002': {
    id: 'ACG-SCHEMA-002',
    title: 'Wrong value type',
    message: 'The value has the wrong type.',
    severity: 'error',
    source: 'tsp and arm schemas',
    sourceUrl: SPECS,
  },
  'ACG-SCHEMA-003': {
    id: 'ACG-SCHEMA-003',
    title: 'Value not allowed',
    message: 'The value is not one of the values the schema allows.',
    severity: 'error',
    source: 'tsp and arm schemas',
    sourceUrl: SPECS,
  },
} as const satisfies Readonly<Record<string, RuleDefinition>>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** The rule for an id; `undefined` only for a string that is not a rule id (for example a stale diagnostic code). */
export function getRule(id: RuleId): RuleDefinition;
export function getRule(id: string): RuleDefinition | undefined;
export function getRule(id: string): RuleDefinition | undefined {
  return isRuleId(id) ? RULES[id] : undefined;
}
