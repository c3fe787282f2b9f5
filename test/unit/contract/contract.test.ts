// Contract tests: the emulator runs in process, a scenario calls every ARM, Provisioning API and Graph operation it
// registers (success paths plus 400, 404 and 412 error paths), and every exchange it reports is checked against the
// spec files in ../shared/specs (ARM 2023-09-01, Provisioning 2024-02-29-preview, Graph field lists of API.md §4).
import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../../../emulator/server';
import {
  ACG_PROVISIONING_APP_ID, ACG_PROVISIONING_SP_ID, DEMO_TENANT_DOMAIN, DEMO_TENANT_ID, DEMO_USER_UPN, GATEWAY_GAPS, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID,
  PROJECT_SYNERGY_APP_ID, PROJECT_SYNERGY_SP_ID, SYNERGY_REQUIRED_ROLE_IDS, demoGatewayDomain,
} from '../../../emulator/seed/ids';
import { GRAPH_OPERATIONS } from '../../support/contract/graph';
import {
  ARM_API_VERSION, ContractHarness, GRAPH_SCOPE, PROVISIONING_API_VERSION, SUBSCRIPTIONS_API_VERSION, checkExchanges, startContractEmulator, type ContractEmulator,
  type ExchangeReport,
} from '../../support/contract/harness';
import { EXTRA_OPERATIONS, formatIssue, loadContract, locateSpecs, printSkipOnce, type Contract } from '../../support/contract/specs';
import { isObject } from '../../support/contract/swagger';

const location = locateSpecs();
const CHECKED = ['arm', 'provisioning', 'graph'] as const;

describe('contract: the emulator against the specs', function () {
  if (!location.found) {
    printSkipOnce(location);
    return;
  }
  this.timeout(180_000);
  let emulator: RunningEmulator;
  let running: ContractEmulator | undefined;
  let contract: Contract;
  let harness: ContractHarness;
  let report: ExchangeReport;

  before(async () => {
    const loaded = await loadContract();
    assert.ok(loaded.contract, 'specs were found a moment ago');
    contract = loaded.contract;
    running = await startContractEmulator('acg-contract-');
    ({ emulator, harness } = running);
    await armScenario(harness);
    await provisioningScenario(harness);
    await graphScenario(harness);
    report = checkExchanges(contract, harness.exchanges);
  });

  after(async () => {
    await running?.stop();
  });

  it('the scenario got the statuses it expected', () => {
    assert.deepEqual(harness.unexpected, []);
  });

  it('(a) every exchange satisfies the contract (zero violations)', () => {
    const warnings = report.issues.filter((i) => i.severity === 'warning');
    if (warnings.length > 0) {
      const distinct = [...new Set(warnings.map((w) => formatIssue({ ...w, context: undefined })))];
      console.log(`      ${distinct.length} distinct warnings (allowed by the spec, listed for the emulator's owners):\n${distinct.map((w) => `        ${w}`).join('\n')}`);
    }
    const errors = report.issues.filter((i) => i.severity === 'error').map(formatIssue);
    assert.deepEqual(errors, [], `${errors.length} contract violations:\n${errors.join('\n')}`);
  });

  it('(b) every ARM, Provisioning and Graph operation the emulator registers was exercised', () => {
    const routes = emulator.routes().filter((r) => (CHECKED as readonly string[]).includes(r.service));
    const lines: string[] = [];
    const missing: string[] = [];
    for (const route of routes) {
      const statuses = report.coverage.get(route.service)?.get(route.operationId) ?? [];
      const counts = new Map<number, number>();
      for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
      const seen = [...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => (n > 1 ? `${s}×${n}` : String(s))).join(' ');
      lines.push(`        ${route.service.padEnd(12)} ${route.operationId.padEnd(66)} ${seen || '—'}`);
      if (statuses.length === 0) missing.push(`${route.service} ${route.operationId} (${route.method} ${route.pattern})`);
    }
    console.log(`      coverage (operation, statuses seen):\n${lines.join('\n')}`);
    assert.deepEqual(missing, [], `never exercised:\n${missing.join('\n')}`);
  });

  it('(c) every ARM and Provisioning operation is in its swagger (or a documented extra); every Graph one has a contract', () => {
    const problems: string[] = [];
    for (const route of emulator.routes()) {
      if (route.service === 'arm' || route.service === 'provisioning') {
        const inSpec = contract.swagger(route.service).operations.get(route.operationId);
        const extra = EXTRA_OPERATIONS.find((e) => e.service === route.service && e.operationId === route.operationId);
        if (!inSpec && !extra) problems.push(`${route.service} ${route.operationId} (${route.method} ${route.pattern}) is not in the spec`);
        if (inSpec && inSpec.method !== route.method) problems.push(`${route.service} ${route.operationId}: emulator ${route.method}, spec ${inSpec.method}`);
        if (inSpec && (route.service === 'provisioning' ? inSpec.pathTemplate : inSpec.pathTemplate.toLowerCase()) !== (route.service === 'provisioning' ? route.pattern : route.pattern.toLowerCase())) {
          problems.push(`${route.service} ${route.operationId}: emulator path ${route.pattern}, spec ${inSpec.pathTemplate}`);
        }
      } else if (route.service === 'graph' && !GRAPH_OPERATIONS.some((g) => g.operationId === route.operationId)) {
        problems.push(`graph ${route.operationId} (${route.method} ${route.pattern}) has no contract in test/support/contract/graph.ts`);
      }
    }
    console.log(`      documented extras: ${EXTRA_OPERATIONS.map((e) => `${e.operationId} (${e.why})`).join('; ')}`);
    assert.deepEqual(problems, []);
  });

  it('every request the emulator received was routed (no 404/405 for an unknown path)', () => {
    assert.deepEqual(report.unrouted, []);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

const SUB = GATEWAY_PRODUCTION.subscriptionId;
const RG = GATEWAY_PRODUCTION.resourceGroup;
const GATEWAYS = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.VoiceServices/communicationsGateways`;
const V = `api-version=${ARM_API_VERSION}`;

function gatewayBody(): Record<string, unknown> {
  return {
    location: 'eastus',
    tags: { purpose: 'contract-test' },
    identity: { type: 'SystemAssigned' },
    sku: { name: 'standard' },
    properties: {
      serviceLocations: [
        { name: 'eastus', primaryRegionProperties: { operatorAddresses: ['198.51.100.1'], allowedSignalingSourceAddressPrefixes: ['10.1.1.0/24'], allowedMediaSourceAddressPrefixes: ['10.1.2.0/24'] } },
        { name: 'westus', primaryRegionProperties: { operatorAddresses: ['198.51.100.2'], allowedSignalingSourceAddressPrefixes: ['10.2.1.0/24'], allowedMediaSourceAddressPrefixes: ['10.2.2.0/24'] } },
      ],
      connectivity: 'PublicAddress',
      codecs: ['PCMA'],
      e911Type: 'Standard',
      platforms: ['OperatorConnect', 'TeamsPhoneMobile'],
      autoGeneratedDomainNameLabelScope: 'NoReuse',
      teamsVoicemailPilotNumber: '+12065550100',
      apiBridge: { configureApiBridge: 'enabled', allowedAddressPrefixes: ['198.51.100.192/26'] },
    },
  };
}

async function armScenario(h: ContractHarness): Promise<void> {
  await h.call('arm', 'GET', `/tenants?api-version=${SUBSCRIPTIONS_API_VERSION}`, { expect: 200 });
  await h.call('arm', 'GET', `/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`, { expect: 200 });
  await h.call('arm', 'GET', `/subscriptions/${SUB}?api-version=${SUBSCRIPTIONS_API_VERSION}`, { expect: 200 });
  await h.call('arm', 'GET', `/providers/Microsoft.VoiceServices/operations?${V}`, { expect: 200 });
  await h.call('arm', 'GET', `/subscriptions/${SUB}/providers/Microsoft.VoiceServices/communicationsGateways?${V}`, { expect: 200 });
  await h.call('arm', 'GET', `${GATEWAYS}?${V}`, { expect: 200 });
  await h.call('arm', 'GET', `${GATEWAYS}/${GATEWAY_PRODUCTION.name}?${V}`, { expect: 200 });
  const check = `/subscriptions/${SUB}/providers/Microsoft.VoiceServices/locations/eastus/checkNameAvailability?${V}`;
  await h.call('arm', 'POST', check, { body: { name: GATEWAY_PRODUCTION.name, type: 'Microsoft.VoiceServices/communicationsGateways' }, expect: 200 });
  await h.call('arm', 'POST', check, { body: { name: 'contract-free-name', type: 'Microsoft.VoiceServices/communicationsGateways' }, expect: 200 });

  // Microsoft.Resources around the gateways (what the SDKs and az call): groups, generic lists, provider, locations, HEAD.
  const R = 'api-version=2025-04-01';
  const S = `/subscriptions/${SUB}`;
  await h.call('arm', 'GET', `${S}/resourcegroups?${R}`, { expect: 200 });
  await h.call('arm', 'GET', `${S}/resourceGroups/${RG}?${R}`, { expect: 200 });
  await h.call('arm', 'GET', `${S}/resourceGroups/rg-contract-missing?${R}`, { expect: 404 });
  await h.call('arm', 'HEAD', `${S}/resourceGroups/${RG}?${R}`, { expect: 204 });
  await h.call('arm', 'HEAD', `${S}/resourceGroups/rg-contract-missing?${R}`, { expect: 404 });
  await h.call('arm', 'GET', `${S}/resourceGroups/${RG}/resources?${R}&$top=3`, { expect: 200 });
  await h.call('arm', 'GET', `${S}/resources?${R}&$expand=createdTime,changedTime,provisioningState&$filter=${encodeURIComponent("resourceType eq 'Microsoft.VoiceServices/communicationsGateways'")}`, { expect: 200 });
  await h.call('arm', 'GET', `${S}/resources?${R}&$filter=${encodeURIComponent("tagName eq 'env'")}`, { expect: 400 });
  await h.call('arm', 'GET', `${S}/providers/Microsoft.VoiceServices?${R}`, { expect: 200 });
  await h.call('arm', 'GET', `${S}/locations?api-version=${SUBSCRIPTIONS_API_VERSION}`, { expect: 200 });
  await h.call('arm', 'HEAD', `${GATEWAYS}/${GATEWAY_PRODUCTION.name}?${V}`, { expect: 204 });
  await h.call('arm', 'HEAD', `${GATEWAYS}/contract-missing-gw?${V}`, { expect: 404 });
  await h.call('arm', 'HEAD', `${GATEWAYS}/${GATEWAY_PRODUCTION.name}/testLines/OC1?${V}`, { expect: 204 });

  // Create, poll, update and delete a gateway and a test line.
  const gw = `${GATEWAYS}/contract-gw-1`;
  const created = await h.call('arm', 'PUT', `${gw}?${V}`, { body: gatewayBody(), expect: 201 });
  await h.waitForArmOperation(created);
  await h.call('arm', 'GET', `${gw}?${V}`, { expect: 200 });
  const replaced = await h.call('arm', 'PUT', `${gw}?${V}`, { body: gatewayBody(), expect: 200 });
  await h.waitForArmOperation(replaced);
  await h.call('arm', 'PATCH', `${gw}?${V}`, { body: { tags: { purpose: 'contract-test', stage: 'patched' } }, expect: 200 });
  const line = `${gw}/testLines/contract-line-1`;
  const lineCreated = await h.call('arm', 'PUT', `${line}?${V}`, { body: { location: 'eastus', properties: { phoneNumber: '+12065550101', purpose: 'Automated' } }, expect: 201 });
  await h.waitForArmOperation(lineCreated);
  await h.call('arm', 'GET', `${line}?${V}`, { expect: 200 });
  await h.call('arm', 'GET', `${gw}/testLines?${V}`, { expect: 200 });
  await h.call('arm', 'PATCH', `${line}?${V}`, { body: { tags: { kind: 'automated' } }, expect: 200 });
  const lineDeleted = await h.call('arm', 'DELETE', `${line}?${V}`, { expect: [200, 202, 204] });
  await h.waitForArmOperation(lineDeleted);
  await h.call('arm', 'GET', `${line}?${V}`, { expect: 404 });
  const gwDeleted = await h.call('arm', 'DELETE', `${gw}?${V}`, { expect: [200, 202, 204] });
  await h.waitForArmOperation(gwDeleted);
  await h.call('arm', 'GET', `${gw}?${V}`, { expect: 404 });
  await h.call('arm', 'DELETE', `${gw}?${V}`, { expect: 204 });

  // Error paths: validation (400), missing resources (404), a missing api-version.
  await h.call('arm', 'PUT', `${GATEWAYS}/contract-gw-2?${V}`, { body: { location: 'eastus', properties: { codecs: ['PCMA'] } }, invalid: true, expect: 400 });
  await h.call('arm', 'PUT', `${GATEWAYS}/x?${V}`, { body: gatewayBody(), invalid: true, expect: 400 });
  await h.call('arm', 'PUT', `${GATEWAYS}/${GATEWAY_PRODUCTION.name}/testLines/contract-line-2?${V}`, { body: { location: 'eastus', properties: { purpose: 'Automated' } }, invalid: true, expect: 400 });
  await h.call('arm', 'GET', `${GATEWAYS}/does-not-exist?${V}`, { expect: 404 });
  await h.call('arm', 'GET', `${GATEWAYS}/${GATEWAY_PRODUCTION.name}`, { invalid: true, expect: 400 });
  await h.call('arm', 'GET', `${GATEWAYS}/${GATEWAY_PRODUCTION.name}/testLines/nope?${V}`, { expect: 404 });
  await h.call('arm', 'PATCH', `${GATEWAYS}/does-not-exist?${V}`, { body: { tags: {} }, expect: 404 });
  await h.call('arm', 'GET', `/subscriptions/${SUB}/providers/Microsoft.VoiceServices/locations/eastus/operationStatuses/00000000-0000-4000-8000-000000000000?${V}`, { expect: 404 });
}

const P = `api-version=${PROVISIONING_API_VERSION}`;

function numberBody(account: string, telephoneNumber: string): Record<string, unknown> {
  return {
    telephoneNumber,
    accountName: account,
    serviceDetails: {
      teamsOperatorConnect: { enabled: true, assignmentStatus: 'unassigned', configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'] } },
    },
  };
}

async function provisioningScenario(h: ContractHarness): Promise<void> {
  // Reads of the seeded gateway, with paging and record counts.
  const accounts = await h.call('provisioning', 'GET', `/accounts?${P}&countRecords=true&maxpagesize=2`, { expect: 200 });
  const next = isObject(accounts.body) && typeof accounts.body.nextLink === 'string' ? accounts.body.nextLink : undefined;
  if (next) await h.call('provisioning', 'GET', next, { expect: 200 });
  await h.call('provisioning', 'GET', `/numbers?${P}&top=5&countRecords=true`, { expect: 200 });
  const rfis = await h.call('provisioning', 'GET', `/teamsRequestsForInformation?${P}`, { expect: 200 });
  const rfiList = isObject(rfis.body) && Array.isArray(rfis.body.value) ? rfis.body.value.filter(isObject) : [];
  const tenantId = typeof rfiList[0]?.tenantId === 'string' ? rfiList[0].tenantId : DEMO_TENANT_ID;
  const rfi = await h.call('provisioning', 'GET', `/teamsRequestsForInformation/${tenantId}?${P}`, { expect: 200 });
  await h.call('provisioning', 'PATCH', `/teamsRequestsForInformation/${tenantId}?${P}`, {
    headers: { 'content-type': 'application/merge-patch+json', ...(rfi.headers.etag ? { 'if-match': rfi.headers.etag } : {}) },
    body: JSON.stringify({ customerRelationship: { status: 'CustomerContacted', comment: 'contract test' } }),
    expect: [200, 201],
  });

  // Civic addresses live on accounts whose Teams tenant has some: find one.
  const accountNames = (isObject(accounts.body) && Array.isArray(accounts.body.value) ? accounts.body.value : []).filter(isObject).map((a) => String(a.name));
  const all = await h.call('provisioning', 'GET', `/accounts?${P}`, { expect: 200 });
  for (const a of isObject(all.body) && Array.isArray(all.body.value) ? all.body.value.filter(isObject) : []) if (!accountNames.includes(String(a.name))) accountNames.push(String(a.name));
  let civicDone = false;
  for (const name of accountNames) {
    const list = await h.call('provisioning', 'GET', `/accounts/${encodeURIComponent(name)}/teamsCivicAddresses?${P}&countRecords=true`, { expect: 200 });
    const first = isObject(list.body) && Array.isArray(list.body.value) ? list.body.value.find(isObject) : undefined;
    if (first && typeof first.id === 'string') {
      await h.call('provisioning', 'GET', `/accounts/${encodeURIComponent(name)}/teamsCivicAddresses/${encodeURIComponent(first.id)}?${P}`, { expect: 200 });
      civicDone = true;
      break;
    }
  }
  if (!civicDone) h.unexpected.push('no seeded account has a civic address to read');

  // Account lifecycle with ETags (412 on a stale If-Match), numbers single and batched, capability queries.
  const account = 'contract-acct';
  const acct = `/accounts/${account}`;
  const accountBody = { name: account, correlationId: 'contract-1', serviceDetails: { teamsTenantId: tenantId, teamsOperatorConnect: { enabled: true, syncEnabled: true } } };
  await h.call('provisioning', 'PUT', `${acct}?${P}`, { body: accountBody, headers: { 'repeatability-request-id': cryptoId(), 'repeatability-first-sent': new Date().toUTCString() }, expect: 201 });
  const got = await h.call('provisioning', 'GET', `${acct}?${P}`, { headers: { 'x-ms-client-request-id': cryptoId() }, expect: 200 });
  const etag = got.headers.etag ?? '"none"';
  await h.call('provisioning', 'GET', `${acct}?${P}`, { headers: { 'if-none-match': etag }, expect: 304 });
  await h.call('provisioning', 'PUT', `${acct}?${P}`, { body: { ...accountBody, correlationId: 'stale' }, headers: { 'if-match': '"stale-etag"' }, expect: 412 });
  await h.call('provisioning', 'PUT', `${acct}?${P}`, { body: { ...accountBody, correlationId: 'contract-2' }, headers: { 'if-match': etag }, expect: 200 });
  await h.call('provisioning', 'POST', `${acct}:createOrUpdateNumbers?${P}`, { body: { numbers: [numberBody(account, '+12065550111'), numberBody(account, '+12065550112')] }, headers: { 'repeatability-request-id': cryptoId(), 'repeatability-first-sent': new Date().toUTCString(), 'x-ms-client-request-id': cryptoId() }, expect: 200 });
  await h.call('provisioning', 'PUT', `${acct}/numbers/${encodeURIComponent('+12065550113')}?${P}`, { body: numberBody(account, '+12065550113'), expect: 201 });
  await h.call('provisioning', 'GET', `${acct}/numbers/${encodeURIComponent('+12065550113')}?${P}`, { expect: 200 });
  await h.call('provisioning', 'GET', `${acct}/numbers?${P}&countRecords=true&maxpagesize=2`, { expect: 200 });
  await h.call('provisioning', 'POST', `${acct}:getTeamsCapabilityPlans?${P}`, { expect: 200 });
  await h.call('provisioning', 'POST', `${acct}:getTeamsAvailableCapabilities?${P}`, { body: { numbers: [{ telephoneNumber: '+12065550111' }] }, expect: 200 });
  await h.call('provisioning', 'POST', `${acct}:deleteNumbers?${P}`, { body: { numbers: [{ telephoneNumber: '+12065550111' }] }, expect: 204 });
  await h.call('provisioning', 'DELETE', `${acct}/numbers/${encodeURIComponent('+12065550113')}?${P}`, { expect: 204 });
  await h.call('provisioning', 'DELETE', `${acct}?${P}&deleteNumbers=true`, { expect: 204 });

  // Error paths.
  await h.call('provisioning', 'GET', `/accounts/no-such-account?${P}`, { expect: 404 });
  await h.call('provisioning', 'GET', `/accounts/${encodeURIComponent(accountNames[0] ?? 'x')}/numbers/${encodeURIComponent('+19999999999')}?${P}`, { expect: 404 });
  await h.call('provisioning', 'GET', `/teamsRequestsForInformation/00000000-0000-4000-8000-000000000000?${P}`, { expect: 404 });
  await h.call('provisioning', 'PUT', `/accounts/contract-bad?${P}`, { body: { correlationId: 'no name' }, invalid: true, expect: 400 });
  const seeded = accountNames[0] ?? 'x';
  await h.call('provisioning', 'PUT', `/accounts/${encodeURIComponent(seeded)}/numbers/12345?${P}`, { body: numberBody(seeded, '12345'), invalid: true, expect: 400 });
  const tooMany = Array.from({ length: 101 }, (_, i) => numberBody(accountNames[0] ?? 'x', `+1206555${String(1000 + i)}`));
  await h.call('provisioning', 'POST', `/accounts/${encodeURIComponent(accountNames[0] ?? 'x')}:createOrUpdateNumbers?${P}`, { body: { numbers: tooMany }, invalid: true, expect: 400 });
  await h.call('provisioning', 'GET', `/accounts`, { invalid: true, expect: 400 });
  await h.call('provisioning', 'PATCH', `/teamsRequestsForInformation/${tenantId}?${P}`, {
    headers: { 'content-type': 'application/merge-patch+json', 'if-match': '"stale-etag"' },
    body: JSON.stringify({ customerRelationship: { status: 'AgreementSigned' } }),
    expect: 412,
  });
}

async function graphScenario(h: ContractHarness): Promise<void> {
  const sp = (appId: string) => `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}&$select=id,appId,displayName,appRoles`;
  await h.call('graph', 'GET', sp(PROJECT_SYNERGY_APP_ID), { expect: 200 });
  await h.call('graph', 'GET', `/servicePrincipals/${PROJECT_SYNERGY_SP_ID}`, { expect: 200 });
  await h.call('graph', 'GET', `/servicePrincipals(appId='${ACG_PROVISIONING_APP_ID}')`, { expect: 200 });
  await h.call('graph', 'GET', `/servicePrincipals/${GATEWAY_GAPS.identityPrincipalId}/appRoleAssignments`, { expect: 200 });
  const assigned = await h.call('graph', 'POST', `/servicePrincipals/${GATEWAY_GAPS.identityPrincipalId}/appRoleAssignments`, {
    body: { principalId: GATEWAY_GAPS.identityPrincipalId, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: SYNERGY_REQUIRED_ROLE_IDS[6] },
    expect: 201,
  });
  const assignmentId = isObject(assigned.body) && typeof assigned.body.id === 'string' ? assigned.body.id : 'missing';
  await h.call('graph', 'DELETE', `/servicePrincipals/${GATEWAY_GAPS.identityPrincipalId}/appRoleAssignments/${assignmentId}`, { expect: 204 });
  await h.call('graph', 'GET', `/servicePrincipals/${ACG_PROVISIONING_SP_ID}/appRoleAssignedTo`, { expect: 200 });
  const assignedTo = await h.call('graph', 'POST', `/servicePrincipals/${PROJECT_SYNERGY_SP_ID}/appRoleAssignedTo`, {
    body: { principalId: GATEWAY_GAPS.identityPrincipalId, resourceId: PROJECT_SYNERGY_SP_ID, appRoleId: SYNERGY_REQUIRED_ROLE_IDS[5] },
    expect: 201,
  });
  const assignedToId = isObject(assignedTo.body) && typeof assignedTo.body.id === 'string' ? assignedTo.body.id : 'missing';
  await h.call('graph', 'DELETE', `/servicePrincipals/${PROJECT_SYNERGY_SP_ID}/appRoleAssignedTo/${assignedToId}`, { expect: 204 });

  // Delegated calls as the demo admin (device code).
  const user = await h.userToken(GRAPH_SCOPE);
  await h.call('graph', 'GET', '/me', { token: user, expect: 200 });
  await h.call('graph', 'GET', `/me/appRoleAssignments?$filter=${encodeURIComponent(`resourceId eq ${PROJECT_SYNERGY_SP_ID}`)}`, { token: user, expect: 200 });

  // Domains: read, add, show the TXT record, fail to verify, publish (admin), verify.
  await h.call('graph', 'GET', '/domains', { expect: 200 });
  await h.call('graph', 'GET', `/domains/${demoGatewayDomain(GATEWAY_PRODUCTION)}`, { expect: 200 });
  const newDomain = 'contract-test.commsgw.example';
  await h.call('graph', 'POST', '/domains', { body: { id: newDomain }, expect: 201 });
  await h.call('graph', 'GET', `/domains/${newDomain}/verificationDnsRecords`, { expect: 200 });
  await h.call('graph', 'POST', `/domains/${newDomain}/verify`, { expect: 400 });
  await h.call('arm', 'POST', `${h.emulator.url}/_admin/domains/${newDomain}/publish-txt`, { token: false, expect: 200 });
  await h.call('graph', 'POST', `/domains/${newDomain}/verify`, { expect: 200 });

  // Applications (legacy secrets check) and a new secret.
  const apps = await h.call('graph', 'GET', '/applications?$select=id,appId,displayName,passwordCredentials', { expect: 200 });
  const appObjectId = isObject(apps.body) && Array.isArray(apps.body.value) && isObject(apps.body.value[0]) ? String(apps.body.value[0].id) : 'missing';
  await h.call('graph', 'GET', `/applications/${appObjectId}?$select=passwordCredentials`, { expect: 200 });
  await h.call('graph', 'GET', `/applications(appId='${OPERATOR_CLIENT_ID}')`, { expect: 200 });
  await h.call('graph', 'POST', `/applications/${appObjectId}/addPassword`, { body: { passwordCredential: { displayName: 'contract test' } }, expect: 200 });

  // Onboarding fixes: a user by UPN, a role for that user, and a service principal for an app that has none
  // (the seeded legacy registration's, removed here first), then Graph's 409 for a second one.
  const demoUser = await h.call('graph', 'GET', `/users/${DEMO_USER_UPN}`, { expect: 200 });
  const demoUserId = isObject(demoUser.body) && typeof demoUser.body.id === 'string' ? demoUser.body.id : 'missing';
  await h.call('graph', 'POST', `/users/${demoUserId}/appRoleAssignments`, {
    body: { principalId: demoUserId, resourceId: ACG_PROVISIONING_SP_ID, appRoleId: 'b1000000-0000-4000-8000-000000000012' },
    expect: 201,
  });
  const legacyAppId = 'c0ffee00-0000-4000-8000-000000000003';
  const directory = h.emulator.context.state.directory;
  directory.servicePrincipals = directory.servicePrincipals.filter((sp) => sp.appId !== legacyAppId);
  await h.call('graph', 'POST', '/servicePrincipals', { body: { appId: legacyAppId }, expect: 201 });
  await h.call('graph', 'POST', '/servicePrincipals', { body: { appId: legacyAppId }, expect: 409 });

  // $batch (≤20 requests): inner answers are checked against the operation each addresses.
  await h.call('graph', 'POST', '/$batch', {
    body: {
      requests: [
        { id: '1', method: 'GET', url: `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${ACG_PROVISIONING_APP_ID}'`)}` },
        { id: '2', method: 'GET', url: `/domains/${DEMO_TENANT_DOMAIN}` },
        { id: '3', method: 'GET', url: `/servicePrincipals/${GATEWAY_PRODUCTION.identityPrincipalId}/appRoleAssignments` },
        { id: '4', method: 'GET', url: '/servicePrincipals/00000000-0000-4000-8000-00000000dead' },
      ],
    },
    expect: 200,
  });

  // Error paths.
  await h.call('graph', 'GET', '/servicePrincipals/00000000-0000-4000-8000-00000000dead', { expect: 404 });
  await h.call('graph', 'GET', '/domains/not-a-domain.example', { expect: 404 });
  await h.call('graph', 'POST', `/servicePrincipals/${GATEWAY_GAPS.identityPrincipalId}/appRoleAssignments`, { body: { principalId: GATEWAY_GAPS.identityPrincipalId }, invalid: true, expect: 400 });
  await h.call('graph', 'POST', '/$batch', { body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/domains' })) }, invalid: true, expect: 400 });
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
