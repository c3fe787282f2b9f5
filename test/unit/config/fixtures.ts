// Small documents for the rule table tests: a valid base per kind, and edits that break one rule each. An edit's
// replacement marks the exact range the diagnostic must have with « and ».
import { strict as assert } from 'node:assert';
import { planToText, type ConfigKind } from '../../../src/core/config';

export const NORTHWIND_TENANT = 'd03b82dc-4553-48a6-9dc6-6947743824e4';
export const FABRIKAM_TENANT = '9a2d802f-60c3-467f-b3ef-4ac53ec2fb0d';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const line = (tel: string) => ({ name: '', properties: { phoneNumber: tel, purpose: 'Automated' } });
const lines = (prefix: string, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ ...line(`+${first + i}`), name: `${prefix}${i + 1}` }));

export const LAB_GATEWAY = pretty({
  subscriptionId: '5b8e1a3c-2f4d-4b6a-8e9c-1d2f3a4b5c02',
  resourceGroup: 'rg-voice-lab',
  name: 'contoso-lab-gw',
  location: 'eastus',
  deployment: 'lab',
  tags: { environment: 'lab' },
  properties: {
    serviceLocations: [
      {
        name: 'eastus',
        primaryRegionProperties: { operatorAddresses: ['203.0.113.70'], allowedSignalingSourceAddressPrefixes: ['203.0.113.64/28'], allowedMediaSourceAddressPrefixes: ['203.0.113.80/28'] },
      },
    ],
    connectivity: 'PublicAddress',
    codecs: ['PCMA', 'G722'],
    e911Type: 'Standard',
    platforms: ['OperatorConnect'],
    apiBridge: { configureApiBridge: 'enabled', allowedAddressPrefixes: ['203.0.113.96/28'] },
    emergencyDialStrings: ['911', '933'],
    customSipHeaders: { headers: [{ name: 'x-contoso-account' }] },
  },
  testLines: lines('OC', 442079460201, 3),
  integrationTestNumbers: { OperatorConnect: ['+442079460300'] },
});

export const PROD_GATEWAY = pretty({
  subscriptionId: '5b8e1a3c-2f4d-4b6a-8e9c-1d2f3a4b5c01',
  resourceGroup: 'rg-voice-prod',
  name: 'contoso-prod-gw',
  location: 'eastus',
  deployment: 'production',
  properties: {
    serviceLocations: [
      { name: 'eastus', primaryRegionProperties: { operatorAddresses: ['198.51.100.10'] } },
      { name: 'westus2', primaryRegionProperties: { operatorAddresses: ['203.0.113.10'] } },
    ],
    connectivity: 'PublicAddress',
    codecs: ['PCMA'],
    e911Type: 'Standard',
    platforms: ['OperatorConnect', 'TeamsPhoneMobile'],
    teamsVoicemailPilotNumber: '+442079460999',
    integratedMcpEnabled: true,
  },
  testLines: [...lines('OC', 442079460001, 6), ...lines('TPM', 447700900001, 6)],
  integrationTestNumbers: { OperatorConnect: ['+442079460100'], TeamsPhoneMobile: ['+447700900100'] },
});

const app = { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] };
const oc = (tel: string, configuration: Record<string, unknown> = app) => ({ telephoneNumber: tel, serviceDetails: { teamsOperatorConnect: { enabled: true, configuration } } });

export const PLAN = planToText({
  defaultCountry: 'GB',
  accounts: [
    {
      name: 'Northwind',
      correlationId: 'CRM-1',
      serviceDetails: { teamsTenantId: NORTHWIND_TENANT, teamsOperatorConnect: { enabled: true, syncEnabled: true } },
      numbers: [
        oc('+442030000001'),
        oc('+442030000002', { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'], locationId: 'loc-1' }),
        oc('+442030000003'),
      ],
    },
    {
      name: 'Fabrikam',
      serviceDetails: {
        teamsTenantId: FABRIKAM_TENANT,
        teamsPhoneMobile: { enabled: true, syncEnabled: true },
        teamsDirectRouting: { enabled: true, syncEnabled: true, configuration: { callScreening: false, subdomain: 'fabrikam', subdomainTokens: { region1Token: 'ms=abc1', region2Token: 'ms=abc2' } } },
      },
      numbers: [{ telephoneNumber: '+14255550105', serviceDetails: { teamsPhoneMobile: { enabled: true, assignmentStatus: 'assigned', configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['Mobile'], allowTenantAddressUpdate: true } } } }],
    },
  ],
  relationships: [{ tenantId: NORTHWIND_TENANT, customerRelationship: { status: 'AgreementSigned', comment: 'OPS-1' } }],
});

export const MIGRATION = pretty({
  enterprise: { name: 'Northwind Traders', tenantId: NORTHWIND_TENANT, accountName: 'Northwind' },
  target: 'OperatorConnect',
  users: [
    { userPrincipalName: 'megan@northwind.example', telephoneNumber: '+442030000051', source: 'CallingPlan', waitMinutes: 45 },
    { userPrincipalName: 'alex@northwind.example', telephoneNumber: '+442030000052', source: 'DirectRoutingOnline', unassignNumber: true },
    { userPrincipalName: 'lee@northwind.example', telephoneNumber: '+442030000053', source: 'DirectRoutingOnPremises', removeOnPremLineUri: true },
    {
      userPrincipalName: 'adele@northwind.example',
      telephoneNumber: '+447700900601',
      source: 'OperatorConnect',
      target: 'TeamsPhoneMobile',
      teamsUpgradeMode: 'TeamsOnly',
      licences: { phoneSystem: true, teamsPhoneMobile: true },
      mobilityPolicy: { name: 'Mobile', mobileDialerPreference: 'Teams' },
    },
  ],
});

const OC_HEADINGS = [
  'telephoneNumber',
  'accountName',
  'serviceDetails_teamsOperatorConnect_enabled',
  'serviceDetails_teamsOperatorConnect_configuration_usage',
  'serviceDetails_teamsOperatorConnect_configuration_choosableCapabilities',
  'serviceDetails_teamsOperatorConnect_configuration_locationId',
  'serviceDetails_teamsOperatorConnect_configuration_displayedCountryCode',
  'configuration_customSipHeader',
];
export const CSV = [
  OC_HEADINGS.join(','),
  '+442030000100,Northwind,true,FirstPartyAppAssignment,InboundCalling,,,northwind',
  '+442030000101,Northwind,true,CallingUserAssignment,"InboundCalling,OutboundCalling",loc-1,,northwind',
  '+18005550100,Northwind,true,FirstPartyAppAssignment,InboundCalling,,US,',
  '',
].join('\n');

export interface Marked {
  readonly text: string;
  /** What `text.slice(range.start, range.end)` must be. */
  readonly expected: string;
}

/** Applies edits (each `from` must occur exactly once) and finds the «marked» range. */
export function edit(base: string, ...edits: readonly (readonly [string, string])[]): Marked {
  let text = base;
  for (const [from, to] of edits) {
    const first = text.indexOf(from);
    assert.ok(first >= 0, `fixture edit: ${JSON.stringify(from)} not found`);
    assert.equal(text.indexOf(from, first + 1), -1, `fixture edit: ${JSON.stringify(from)} occurs more than once`);
    text = text.slice(0, first) + to + text.slice(first + from.length);
  }
  const open = text.indexOf('«');
  const close = text.indexOf('»');
  assert.ok(open >= 0 && close > open, 'fixture has no «marked» range');
  return { text: text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1), expected: text.slice(open + 1, close) };
}

export interface RuleFixture {
  readonly ruleId: string;
  readonly kind: ConfigKind;
  /** Breaks the rule at the marked range. */
  readonly bad: Marked;
  /** A near miss that must not break it. */
  readonly good: string;
  readonly note?: string;
}

const manyNumbers = (count: number) =>
  planToText({
    accounts: [
      {
        name: 'Bulk',
        serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } },
        numbers: Array.from({ length: count }, (_, i) => oc(`+4420${30000000 + i}`)),
      },
    ],
  });

const csvRows = (count: number) => [OC_HEADINGS.join(','), ...Array.from({ length: count }, (_, i) => `+4420${30000000 + i},Bulk,true,FirstPartyAppAssignment,InboundCalling,,,`)].join('\n');

function bigCsv(): Marked {
  const text = `${csvRows(10_001)}\n`;
  const row = `+4420${30000000 + 10_000},Bulk,true,FirstPartyAppAssignment,InboundCalling,,,`;
  return { text, expected: row };
}

function bigPlan(): Marked {
  const text = manyNumbers(10_001);
  return { text, expected: '"numbers"' };
}

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'x']));

export const RULE_FIXTURES: readonly RuleFixture[] = [
  // Telephone numbers (plan)
  { ruleId: 'ACG-NUM-001', kind: 'plan', bad: edit(PLAN, ['"+442030000001"', '«"020 3000 0001"»']), good: PLAN },
  { ruleId: 'ACG-NUM-002', kind: 'plan', bad: edit(PLAN, ['"+442030000001"', '«"+44203000000112345"»']), good: PLAN },
  { ruleId: 'ACG-NUM-003', kind: 'plan', bad: edit(PLAN, ['"+442030000001"', '«"+4"»']), good: PLAN },
  { ruleId: 'ACG-NUM-004', kind: 'plan', bad: edit(PLAN, ['"+442030000001"', '«"442030000001"»']), good: PLAN },
  { ruleId: 'ACG-NUM-005', kind: 'plan', bad: edit(PLAN, ['"+442030000001"', '«"+9992030000001"»']), good: PLAN },
  { ruleId: 'ACG-NUM-006', kind: 'plan', bad: edit(PLAN, ['"usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling","OutboundCalling"]', '"usage":«"callingUserAssignment"»,"choosableCapabilities":["InboundCalling","OutboundCalling"]']), good: PLAN },
  { ruleId: 'ACG-NUM-007', kind: 'plan', bad: edit(PLAN, ['"InboundCalling","OutboundCalling"', '"InboundCalling",«"Outbound"»']), good: PLAN },
  { ruleId: 'ACG-NUM-008', kind: 'plan', bad: edit(PLAN, ['"InboundCalling","OutboundCalling"', '"InboundCalling",«"Mobile"»']), good: PLAN },
  {
    ruleId: 'ACG-NUM-009',
    kind: 'plan',
    bad: edit(PLAN, ['"assignmentStatus":"assigned"', '"assignmentStatus":«"Assigned"»']),
    good: PLAN,
  },
  {
    ruleId: 'ACG-NUM-010',
    kind: 'plan',
    bad: edit(PLAN, [
      '"configuration":{"usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling","OutboundCalling"],"locationId":"loc-1"}',
      '"configuration":«{"usage":"CallingUserAssignment","choosableCapabilities":["InboundCalling","OutboundCalling"]}»',
    ]),
    good: PLAN,
  },
  {
    ruleId: 'ACG-NUM-011',
    kind: 'plan',
    bad: edit(PLAN, ['{"telephoneNumber":"+442030000003","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration"', '{"telephoneNumber":"+18005550100","serviceDetails":{"teamsOperatorConnect":{"enabled":true,«"configuration"»']),
    good: edit(PLAN, ['"+442030000003","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{', '"+18005550100","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{«"displayedCountryCode":"US",»']).text,
  },
  {
    ruleId: 'ACG-NUM-012',
    kind: 'plan',
    bad: edit(PLAN, ['{"telephoneNumber":"+442030000003","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}}}', '{"telephoneNumber":"+442030000003","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}},"configuration":{"customSipHeader":«"north wind"»}}']),
    good: edit(PLAN, ['{"telephoneNumber":"+442030000003","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}}}', '{"telephoneNumber":"+442030000003","serviceDetails":{"teamsOperatorConnect":{"enabled":true,"configuration":{"usage":"FirstPartyAppAssignment","choosableCapabilities":["InboundCalling"]}}},"configuration":{"customSipHeader":«"north-wind"»}}']).text,
  },
  {
    ruleId: 'ACG-NUM-013',
    kind: 'plan',
    bad: edit(PLAN, ['"allowTenantAddressUpdate":true}}}}', '"allowTenantAddressUpdate":true}}},"configuration":{"customSipHeader":«"fabrikam"»}}']),
    good: PLAN,
  },
  { ruleId: 'ACG-NUM-014', kind: 'plan', bad: edit(PLAN, ['"+442030000003"', '«"+44 20 3000 0001"»']), good: PLAN, note: 'compared in E.164 form' },
  // Accounts, tenants, references
  { ruleId: 'ACG-ACC-001', kind: 'plan', bad: edit(PLAN, ['"name": "Fabrikam"', '"name": «"Fabrikam Inc"»']), good: PLAN },
  { ruleId: 'ACG-ACC-002', kind: 'plan', bad: edit(PLAN, ['"subdomain": "fabrikam"', '"subdomain": «"fabrikam-finance"»']), good: PLAN },
  { ruleId: 'ACG-ACC-003', kind: 'plan', bad: edit(PLAN, ['"region1Token": "ms=abc1"', '"region1Token": «"ms=abc!"»']), good: PLAN },
  { ruleId: 'ACG-TEN-001', kind: 'plan', bad: edit(PLAN, [`"teamsTenantId": "${FABRIKAM_TENANT}"`, '"teamsTenantId": «"fabrikam.onmicrosoft.com"»']), good: PLAN },
  { ruleId: 'ACG-REF-001', kind: 'plan', bad: edit(PLAN, ['"correlationId": "CRM-1"', `"correlationId": «"${'X'.repeat(65)}"»`]), good: edit(PLAN, ['"correlationId": "CRM-1"', `"correlationId": «"${'X'.repeat(64)}"»`]).text },
  // Relationship changes
  { ruleId: 'ACG-RFI-001', kind: 'plan', bad: edit(PLAN, ['"status": "AgreementSigned"', '"status": «"Signed"»']), good: PLAN },
  {
    ruleId: 'ACG-RFI-002',
    kind: 'plan',
    bad: edit(PLAN, ['"customerRelationship": {\n        "status": "AgreementSigned",\n        "comment": "OPS-1"\n      }', '«"customerRelationship"»: {\n        "status": "ConsentDeclined"\n      }']),
    good: edit(PLAN, ['"status": "AgreementSigned"', '"status": «"ConsentDeclined"»']).text,
  },
  { ruleId: 'ACG-RFI-004', kind: 'plan', bad: edit(PLAN, ['"comment": "OPS-1"', '"comment": «"TODO: reason"»']), good: PLAN },
  // Plans
  { ruleId: 'ACG-PLAN-001', kind: 'plan', bad: bigPlan(), good: manyNumbers(10_000) },
  { ruleId: 'ACG-PLAN-002', kind: 'plan', bad: edit(PLAN, ['{"telephoneNumber":"+442030000003","serviceDetails":{"teamsOperatorConnect"', '{"telephoneNumber":"+442030000003","serviceDetails":{«"teamsPhoneMobile"»']), good: PLAN },
  { ruleId: 'ACG-PLAN-003', kind: 'plan', bad: edit(PLAN, ['"name": "Fabrikam"', '"name": «"Northwind"»']), good: PLAN },
  { ruleId: 'ACG-PLAN-004', kind: 'plan', bad: edit(PLAN, [`{\n      "tenantId": "${NORTHWIND_TENANT}",`, `{\n      "tenantId": "${FABRIKAM_TENANT}",\n      "customerRelationship": {"status": "CustomerContacted"}\n    },\n    {\n      "tenantId": «"${FABRIKAM_TENANT.toUpperCase()}"»,`]), good: PLAN },
  { ruleId: 'ACG-PLAN-005', kind: 'plan', bad: edit(PLAN, ['{"telephoneNumber":"+442030000003",', '{"telephoneNumber":"+442030000003","accountName":«"Fabrikam"»,']), good: edit(PLAN, ['{"telephoneNumber":"+442030000003",', '{"telephoneNumber":"+442030000003","accountName":«"Northwind"»,']).text },
  // Shape
  { ruleId: 'ACG-SCHEMA-001', kind: 'gateway', bad: edit(LAB_GATEWAY, ['{\n  "subscriptionId"', '«{»\n  "subscriptionId"'], ['  "location": "eastus",\n', '']), good: LAB_GATEWAY, note: 'a missing top-level property points at the root object' },
  { ruleId: 'ACG-SCHEMA-002', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"platforms": [', '"onPremMcpEnabled": «"no"»,\n    "platforms": [']), good: edit(LAB_GATEWAY, ['"platforms": [', '"onPremMcpEnabled": «false»,\n    "platforms": [']).text },
  { ruleId: 'ACG-SCHEMA-003', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"connectivity": "PublicAddress"', '"connectivity": «"Private"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-SCHEMA-004', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"subscriptionId": "5b8e1a3c-2f4d-4b6a-8e9c-1d2f3a4b5c02"', '"subscriptionId": «"contoso-lab"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-SCHEMA-005', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"location": "eastus"', '«"locaton"»: "eastus",\n  "location": "eastus"']), good: LAB_GATEWAY },
  { ruleId: 'ACG-SCHEMA-006', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"deployment": "lab",\n  "tags"', '"deployment": "lab"\n  «"tags"»']), good: LAB_GATEWAY },
  // Gateways
  { ruleId: 'ACG-GW-001', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"name": "contoso-lab-gw"', '"name": «"contoso_lab"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-002', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"platforms": [\n      "OperatorConnect"\n    ]', '"platforms": «[]»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-003', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"platforms": [\n      "OperatorConnect"\n    ]', '"platforms": ["OperatorConnect", «"Zoom"»]']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-004', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"G722"', '«"OPUS"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-005', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"e911Type": "Standard"', '"e911Type": «"Enhanced"»']), good: LAB_GATEWAY },
  {
    ruleId: 'ACG-GW-006',
    kind: 'gateway',
    bad: edit(LAB_GATEWAY, ['"e911Type": "Standard"', '"e911Type": «"DirectToEsrp"»'], ['"platforms": [\n      "OperatorConnect"\n    ]', '"platforms": ["TeamsDirectRouting"]']),
    good: edit(LAB_GATEWAY, ['"e911Type": "Standard"', '"e911Type": «"DirectToEsrp"»']).text,
  },
  { ruleId: 'ACG-GW-007', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"e911Type": "Standard"', '"e911Type": "DirectToEsrp"'], ['"name": "eastus"', '"name": «"uksouth"»']), good: edit(LAB_GATEWAY, ['"e911Type": "Standard"', '"e911Type": «"DirectToEsrp"»']).text },
  { ruleId: 'ACG-GW-008', kind: 'gateway', bad: edit(PROD_GATEWAY, ['"name": "westus2"', '"name": «"EastUS"»']), good: PROD_GATEWAY, note: 'two locations in one region' },
  { ruleId: 'ACG-GW-009', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"operatorAddresses": [\n            "203.0.113.70"\n          ]', '"operatorAddresses": «[]»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-010', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"203.0.113.70"', '«"203.0.113.700"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-011', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"203.0.113.64/28"', '«"203.0.113.64"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-012', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"933"', '«"9-3-3"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-GW-013', kind: 'gateway', bad: edit(PROD_GATEWAY, ['"integratedMcpEnabled": true', '"onPremMcpEnabled": true,\n    "integratedMcpEnabled": «true»']), good: PROD_GATEWAY },
  { ruleId: 'ACG-GW-014', kind: 'gateway', bad: edit(PROD_GATEWAY, ['"teamsVoicemailPilotNumber": "+442079460999"', '"teamsVoicemailPilotNumber": «"2079460999"»']), good: PROD_GATEWAY },
  { ruleId: 'ACG-GW-015', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"203.0.113.70"', '«"192.168.10.5"»']), good: LAB_GATEWAY, note: 'documentation ranges (203.0.113.0/24) are allowed' },
  { ruleId: 'ACG-GW-016', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"203.0.113.96/28"', '"203.0.113.0/24", «"203.0.113.96/28"»']), good: edit(LAB_GATEWAY, ['"203.0.113.96/28"', '"203.0.113.0/28", «"203.0.113.96/28"»']).text },
  { ruleId: 'ACG-GW-017', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"x-contoso-account"', '«"x-contoso account"»']), good: LAB_GATEWAY },
  // Test lines
  { ruleId: 'ACG-TL-001', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"phoneNumber": "+442079460203",\n        "purpose": "Automated"', '"phoneNumber": "+442079460203",\n        "purpose": «"Automatic"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-TL-002', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"+442079460203"', '«"+44 20 7946 0203"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-TL-003', kind: 'gateway', bad: edit(PROD_GATEWAY, ['"testLines"', '«"testLines"»'], ['"name": "OC6"', '"name": "OC6", "service": "TeamsPhoneMobile"']), good: PROD_GATEWAY, note: 'OC has 5 automated lines, TPM 7' },
  { ruleId: 'ACG-TL-004', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"+442079460300"', '«"+442079460203"»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-TL-005', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"OperatorConnect": [\n      "+442079460300"\n    ]', '"OperatorConnect": «[]»']), good: LAB_GATEWAY },
  { ruleId: 'ACG-TL-006', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"name": "OC3"', '"name": «"verify-3"»']), good: edit(LAB_GATEWAY, ['"name": "OC3"', '"name": «"verify-3"», "service": "OperatorConnect"']).text },
  { ruleId: 'ACG-TL-007', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"name": "OC3"', '"name": «"oc1"»']), good: LAB_GATEWAY, note: 'ARM names are case-insensitive' },
  // Tags
  { ruleId: 'ACG-TAG-001', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"tags": {\n    "environment": "lab"\n  }', `"tags": «${JSON.stringify(tags(51))}»`]), good: edit(LAB_GATEWAY, ['"tags": {\n    "environment": "lab"\n  }', `"tags": «${JSON.stringify(tags(50))}»`]).text },
  { ruleId: 'ACG-TAG-002', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"environment": "lab"', `«"${'t'.repeat(513)}"»: "lab"`]), good: edit(LAB_GATEWAY, ['"environment": "lab"', `«"${'t'.repeat(512)}"»: "lab"`]).text },
  { ruleId: 'ACG-TAG-003', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"environment": "lab"', `"environment": «"${'v'.repeat(257)}"»`]), good: edit(LAB_GATEWAY, ['"environment": "lab"', `"environment": «"${'v'.repeat(256)}"»`]).text },
  { ruleId: 'ACG-TAG-004', kind: 'gateway', bad: edit(LAB_GATEWAY, ['"environment": "lab"', '«"cost/center"»: "lab"']), good: LAB_GATEWAY },
  // CSV
  { ruleId: 'ACG-CSV-001', kind: 'numbersCsv', bad: bigCsv(), good: `${csvRows(10_000)}\n` },
  { ruleId: 'ACG-CSV-002', kind: 'numbersCsv', bad: edit(CSV, ['telephoneNumber,accountName,', '«telephoneNumber,'], ['configuration_customSipHeader\n', 'configuration_customSipHeader»\n'], [',Northwind,true,FirstPartyAppAssignment,InboundCalling,,,northwind', ',true,FirstPartyAppAssignment,InboundCalling,,,northwind']), good: CSV },
  { ruleId: 'ACG-CSV-003', kind: 'numbersCsv', bad: edit(CSV, ['configuration_customSipHeader\n', 'configuration_customSipHeader,«Notes»\n']), good: CSV },
  { ruleId: 'ACG-CSV-004', kind: 'numbersCsv', bad: edit(CSV, ['configuration_customSipHeader\n', 'configuration_customSipHeader,«serviceDetails_teamsPhoneMobile_enabled»\n']), good: CSV },
  { ruleId: 'ACG-CSV-005', kind: 'numbersCsv', bad: edit(CSV, ['+18005550100,Northwind,true,FirstPartyAppAssignment,InboundCalling,,US,', '«+18005550100,Northwind,true,FirstPartyAppAssignment,InboundCalling,,US»']), good: CSV },
  { ruleId: 'ACG-CSV-006', kind: 'numbersCsv', bad: edit(CSV, ['configuration_customSipHeader\n', 'configuration_customSipHeader,«accountName»\n']), good: CSV },
  { ruleId: 'ACG-CSV-007', kind: 'numbersCsv', bad: { text: 'Numbers\n+441632960000\n', expected: 'Numbers' }, good: CSV },
  // Migration runbooks
  { ruleId: 'ACG-MIG-001', kind: 'migration', bad: edit(MIGRATION, ['"unassignNumber": true', '"unassignNumber": «false»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-002', kind: 'migration', bad: edit(MIGRATION, ['"waitMinutes": 45', '"waitMinutes": 45,\n      "removeCallingPlanLicence": «false»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-003', kind: 'migration', bad: edit(MIGRATION, ['"waitMinutes": 45', '"waitMinutes": «29»']), good: edit(MIGRATION, ['"waitMinutes": 45', '"waitMinutes": «30»']).text },
  { ruleId: 'ACG-MIG-004', kind: 'migration', bad: edit(MIGRATION, ['"removeOnPremLineUri": true', '"removeOnPremLineUri": «false»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-005', kind: 'migration', bad: edit(MIGRATION, ['"unassignNumber": true', '"unassignNumber": true,\n      "removeVoiceRoutingPolicy": «false»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-006', kind: 'migration', bad: edit(MIGRATION, ['"teamsUpgradeMode": "TeamsOnly"', '"teamsUpgradeMode": «"Islands"»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-007', kind: 'migration', bad: edit(MIGRATION, ['"licences": {\n        "phoneSystem": true,\n        "teamsPhoneMobile": true\n      }', '"licences": «{\n        "phoneSystem": true\n      }»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-008', kind: 'migration', bad: edit(MIGRATION, ['"mobileDialerPreference": "Teams"', '"mobileDialerPreference": «"Default"»']), good: MIGRATION },
  { ruleId: 'ACG-MIG-009', kind: 'migration', bad: edit(MIGRATION, ['"userPrincipalName": "lee@northwind.example"', '"userPrincipalName": «"Megan@northwind.example"»']), good: MIGRATION },
];

/** Rules no file can break: they guard API calls (batch size) or read-only service state (consent status). */
// ACG-LIVE-*: found by the live checks against a gateway (src/core/config/live.ts, test/unit/config/live.test.ts), not by validating a file.
export const NOT_FILE_RULES: readonly string[] = ['ACG-BATCH-001', 'ACG-RFI-003', 'ACG-LIVE-001', 'ACG-LIVE-002', 'ACG-LIVE-003', 'ACG-LIVE-004'];
