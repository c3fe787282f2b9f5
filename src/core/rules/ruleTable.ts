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
const CONNECT_OC_URL = `${DOCS}connect-operator-connect`;
// The enterprise side of a move lives in the Teams docs, not the ACG docs.
const TEAMS_OC_CONFIGURE = 'https://learn.microsoft.com/microsoftteams/operator-connect-configure';
const TEAMS_TPM_CONFIGURE = 'https://learn.microsoft.com/microsoftteams/operator-connect-mobile-configure';

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

  // Provisioning plans (*.acg-plan.json): rules across records that no single API call sees
  'ACG-PLAN-001': {
    id: 'ACG-PLAN-001',
    title: 'Plan over 10,000 numbers',
    message:
      'A plan holds more than 10,000 numbers: split it, so that each part can be reviewed on its own and exported to a portal CSV (10,000 rows at most).',
    severity: 'warning',
    source: `${MANAGE_OC} (CSV upload limit)`,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-PLAN-002': {
    id: 'ACG-PLAN-002',
    title: 'Service not enabled on the account',
    message: 'A number enables a service (Operator Connect, Teams Phone Mobile, ...) that its account does not enable.',
    severity: 'error',
    source: 'tsp AccountResource, NumberResource',
    sourceUrl: TSP,
  },
  'ACG-PLAN-003': {
    id: 'ACG-PLAN-003',
    title: 'Duplicate account',
    message: 'An account name appears once per plan (names are case-sensitive keys).',
    severity: 'error',
    source: 'tsp AccountResource (accounts are keyed by name)',
    sourceUrl: TSP,
  },
  'ACG-PLAN-004': {
    id: 'ACG-PLAN-004',
    title: 'Duplicate relationship change',
    message: 'A tenant gets at most one relationship-status change per plan.',
    severity: 'error',
    source: 'tsp RequestForInformationResource (keyed by tenantId)',
    sourceUrl: TSP,
  },
  'ACG-PLAN-005': {
    id: 'ACG-PLAN-005',
    title: 'Number under another account',
    message: "A number's accountName must match the account it is listed under (or be left out).",
    severity: 'error',
    source: 'tsp NumberResource.accountName',
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

  'ACG-RFI-004': {
    id: 'ACG-RFI-004',
    title: 'Placeholder reason',
    message: 'The reason is still a TODO placeholder: write the real reason before applying the plan.',
    severity: 'warning',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
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

  'ACG-CSV-002': {
    id: 'ACG-CSV-002',
    title: 'CSV column missing',
    message: 'A number CSV needs the telephoneNumber, accountName and serviceDetails_<service>_enabled columns.',
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-CSV-003': {
    id: 'ACG-CSV-003',
    title: 'Unknown CSV column',
    message: "The column heading is not one of the portal's headings (headings are case-sensitive).",
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  // A warning: the docs give one table per service; whether the portal takes both in one file is not documented.
  'ACG-CSV-004': {
    id: 'ACG-CSV-004',
    title: 'Operator Connect and Teams Phone Mobile columns mixed',
    message: 'The docs give one column set per service: upload Operator Connect and Teams Phone Mobile numbers in separate files.',
    severity: 'warning',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-CSV-005': {
    id: 'ACG-CSV-005',
    title: 'Malformed CSV row',
    message: 'Each row has as many cells as the heading row, and a quoted cell is closed by a quote.',
    severity: 'error',
    source: 'RFC 4180',
    sourceUrl: 'https://www.rfc-editor.org/rfc/rfc4180',
  },
  'ACG-CSV-006': {
    id: 'ACG-CSV-006',
    title: 'Duplicate CSV column',
    message: 'Each column heading appears once.',
    severity: 'error',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-CSV-007': {
    id: 'ACG-CSV-007',
    title: '2023 single-column CSV',
    message:
      "This is the 2023 portal's one-column file (heading Numbers). Today's portal takes one row per number with the telephoneNumber, accountName and serviceDetails_... columns.",
    severity: 'warning',
    source: `${MANAGE_OC} (2023 version)`,
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

  // A warning: ARM accepts any IPv4 address; ACG reaches operator SBCs over the public internet (connectivity
  // PublicAddress), so a private or reserved address can never answer. Documentation ranges (RFC 5737) are allowed:
  // examples and the emulator use them on purpose.
  'ACG-GW-015': {
    id: 'ACG-GW-015',
    title: 'Private or reserved operator address',
    message: 'An operator address is a public IPv4 address: private, loopback, link-local, shared (CGNAT), multicast and reserved ranges cannot be reached.',
    severity: 'warning',
    source: 'docs connectivity.md; RFC 6890 special-purpose ranges',
    sourceUrl: `${DOCS}connectivity`,
  },
  // A warning: overlapping prefixes are accepted, but one of them is redundant or a typo.
  'ACG-GW-016': {
    id: 'ACG-GW-016',
    title: 'Overlapping allowlist prefixes',
    message: 'Two prefixes in one allowlist overlap: one of them is redundant, or one is a typo.',
    severity: 'warning',
    source: 'docs prepare-to-deploy.md',
    sourceUrl: `${DOCS}prepare-to-deploy`,
  },
  'ACG-GW-017': {
    id: 'ACG-GW-017',
    title: 'Custom SIP header name',
    message: 'The gateway names one custom SIP header: letters, digits and - (a SIP token), for example x-contoso-account.',
    severity: 'error',
    source: 'arm customSipHeaders; docs provisioning-platform.md',
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

  // Warnings: ARM accepts any set of test lines; Microsoft's service verification needs these (connect-operator-connect.md).
  'ACG-TL-003': {
    id: 'ACG-TL-003',
    title: 'Automated test lines per service',
    message: 'Service verification needs 6 automated test lines per service (Operator Connect, Teams Phone Mobile) in production, 3 in a lab.',
    severity: 'warning',
    source: 'docs connect-operator-connect.md',
    sourceUrl: CONNECT_OC_URL,
  },
  'ACG-TL-004': {
    id: 'ACG-TL-004',
    title: 'Integration test number is a test line',
    message: 'An integration test number is never also configured as a test line.',
    severity: 'warning',
    source: 'docs connect-operator-connect.md',
    sourceUrl: CONNECT_OC_URL,
  },
  'ACG-TL-005': {
    id: 'ACG-TL-005',
    title: 'Integration test number missing',
    message: 'Each service (Operator Connect, Teams Phone Mobile) needs at least one integration test number.',
    severity: 'warning',
    source: 'docs connect-operator-connect.md',
    sourceUrl: CONNECT_OC_URL,
  },
  'ACG-TL-006': {
    id: 'ACG-TL-006',
    title: 'Test line service unknown',
    message: 'An automated test line belongs to a service: set service, or name it OC1... or TPM1....',
    severity: 'warning',
    source: 'docs connect-operator-connect.md',
    sourceUrl: CONNECT_OC_URL,
  },
  'ACG-TL-007': {
    id: 'ACG-TL-007',
    title: 'Duplicate test line',
    message: 'A test line name and a test line number each appear once per gateway.',
    severity: 'error',
    source: 'arm testLineName (test lines are keyed by name)',
    sourceUrl: ARM,
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
  'ACG-SCHEMA-004': {
    id: 'ACG-SCHEMA-004',
    title: 'Value format',
    message: 'The value does not have the format the schema asks for (for example a GUID or a resource group name).',
    severity: 'error',
    source: 'tsp and arm schemas',
    sourceUrl: SPECS,
  },
  // A warning: unknown properties are ignored when a plan is applied, which is exactly why a typo there is silent.
  'ACG-SCHEMA-005': {
    id: 'ACG-SCHEMA-005',
    title: 'Unknown property',
    message: 'The property is not part of this file format: check its spelling.',
    severity: 'warning',
    source: 'tsp and arm schemas',
    sourceUrl: SPECS,
  },
  'ACG-SCHEMA-006': {
    id: 'ACG-SCHEMA-006',
    title: 'JSON syntax',
    message: 'The file is not valid JSON here.',
    severity: 'error',
    source: 'RFC 8259 (JSON); comments and trailing commas are tolerated',
    sourceUrl: 'https://www.rfc-editor.org/rfc/rfc8259',
  },

  // Enterprise migration runbooks (*.acg-migration.json): the Teams admin's side of a move to OC or TPM
  'ACG-MIG-001': {
    id: 'ACG-MIG-001',
    title: 'Unassign the number first',
    message: 'Before the operator number is assigned, the number is unassigned from its current service (Calling Plan, Direct Routing online, or the old operator).',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect',
    sourceUrl: TEAMS_OC_CONFIGURE,
  },
  'ACG-MIG-002': {
    id: 'ACG-MIG-002',
    title: 'Remove the Calling Plan licence',
    message: 'Moving from Calling Plans: remove the Calling Plan licence before assigning the operator number.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect',
    sourceUrl: TEAMS_OC_CONFIGURE,
  },
  'ACG-MIG-003': {
    id: 'ACG-MIG-003',
    title: 'Wait after removing the Calling Plan licence',
    message: 'Moving from Calling Plans: wait at least 30 minutes after removing the licence before assigning the operator number.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect',
    sourceUrl: TEAMS_OC_CONFIGURE,
  },
  'ACG-MIG-004': {
    id: 'ACG-MIG-004',
    title: 'Remove OnPremLineURI',
    message: 'Moving from on-premises Direct Routing: remove the OnPremLineURI (Set-CsUser -OnPremLineURI $null) first.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect',
    sourceUrl: TEAMS_OC_CONFIGURE,
  },
  'ACG-MIG-005': {
    id: 'ACG-MIG-005',
    title: 'Remove the voice routing policy',
    message: 'Moving from Direct Routing: remove the online voice routing policy (Grant-CsOnlineVoiceRoutingPolicy -PolicyName $null).',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect',
    sourceUrl: TEAMS_OC_CONFIGURE,
  },
  'ACG-MIG-006': {
    id: 'ACG-MIG-006',
    title: 'Teams Phone Mobile needs TeamsOnly',
    message: 'A Teams Phone Mobile user is in TeamsOnly mode.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect Mobile',
    sourceUrl: TEAMS_TPM_CONFIGURE,
  },
  'ACG-MIG-007': {
    id: 'ACG-MIG-007',
    title: 'Teams Phone Mobile licences',
    message: 'A Teams Phone Mobile user holds a Phone System licence and the Teams Phone Mobile add-on licence.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect Mobile',
    sourceUrl: TEAMS_TPM_CONFIGURE,
  },
  'ACG-MIG-008': {
    id: 'ACG-MIG-008',
    title: 'Mobility policy',
    message: 'MobileDialerPreference is Teams or Native, and a mobility policy applies to Teams Phone Mobile users only.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect Mobile',
    sourceUrl: TEAMS_TPM_CONFIGURE,
  },
  'ACG-MIG-009': {
    id: 'ACG-MIG-009',
    title: 'Duplicate user',
    message: 'A user appears once per runbook.',
    severity: 'error',
    source: 'Teams admin: Configure Operator Connect',
    sourceUrl: TEAMS_OC_CONFIGURE,
  },
  // Live checks against the selected gateway (only when acg.config.liveChecks is on and the user is signed in)
  'ACG-LIVE-001': {
    id: 'ACG-LIVE-001',
    title: 'Unknown account',
    message: 'The account does not exist on the selected gateway.',
    severity: 'warning',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-LIVE-002': {
    id: 'ACG-LIVE-002',
    title: 'Unknown civic address or location',
    message: "The account's enterprise has no civic address or location with this id.",
    severity: 'warning',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-LIVE-003': {
    id: 'ACG-LIVE-003',
    title: 'Number owned by another account',
    message: 'The number already belongs to another account on the selected gateway.',
    severity: 'warning',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
  },
  'ACG-LIVE-004': {
    id: 'ACG-LIVE-004',
    title: 'Live checks limited',
    message: 'Live checks look up a bounded number of numbers per pass; the rest were not checked.',
    severity: 'info',
    source: MANAGE_OC,
    sourceUrl: MANAGE_OC_URL,
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
