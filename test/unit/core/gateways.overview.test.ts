// The Gateway Overview's view model: what the page shows for the demo tenant's gateways (the emulator's seed, so the
// data is the data the e2e screenshots show) and for the odd resources a service can return.
import * as assert from 'node:assert/strict';
import { emulatorCloud, getCloud } from '../../../src/core/clouds';
import { gatewayOverview, mcpChoice, requestCountsOverview, testLinesOverview } from '../../../src/core/gateways/overview';
import { testLineCoverage } from '../../../src/core/gateways/testLineCoverage';
import type { CommunicationsGateway, RequestForInformationResource, TestLine } from '../../../src/core/models';
import { seedArm } from '../../../emulator/seed/gateways';

const PUBLIC = getCloud('AzureCloud');

function demo(name: string): { gateway: CommunicationsGateway; testLines: TestLine[] } {
  const seed = seedArm();
  const record = seed.gateways.find((g) => g.resource.name === name);
  if (!record) throw new Error(`no demo gateway ${name}`);
  return { gateway: record.resource, testLines: record.testLines };
}

describe('core/gateways: overview model', () => {
  it('contoso-prod-gw: status, endpoints, two service locations with their allowlists, and the voice settings', () => {
    const o = gatewayOverview(demo('contoso-prod-gw').gateway, PUBLIC);
    assert.equal(o.name, 'contoso-prod-gw');
    assert.equal(o.resourceGroup, 'rg-voice-prod');
    assert.equal(o.subscriptionId, '5b8e1a3c-2f4d-4b6a-8e9c-1d2f3a4b5c01');
    assert.equal(o.status, 'Complete');
    assert.equal(o.provisioningState, 'Succeeded');
    assert.equal(o.deployment, 'production');
    assert.equal(o.domain, 'cprod7a1b2c3.commsgw.azure.com');
    assert.equal(o.provisioningApiUrl, 'https://provapi.cprod7a1b2c3.commsgw.azure.com');
    assert.deepEqual(o.provisioningApiAllowlist, ['127.0.0.1/32', '198.51.100.192/26']);
    assert.deepEqual(
      o.serviceLocations.map((l) => [l.name, l.operatorAddresses, l.allowedSignalingSourceAddressPrefixes, l.allowedMediaSourceAddressPrefixes, l.esrpAddresses]),
      [
        ['eastus', ['198.51.100.10'], ['198.51.100.0/27'], ['198.51.100.32/27'], []],
        ['westus2', ['203.0.113.10'], ['203.0.113.0/27'], ['203.0.113.32/27'], []],
      ],
    );
    assert.deepEqual(o.platforms.map((p) => [p.label, p.short]), [['Operator Connect', 'OC'], ['Teams Phone Mobile', 'TPM']]);
    assert.deepEqual(o.emergency, { e911Type: 'Standard', dialStrings: ['911', '933'] });
    assert.deepEqual(o.codecs, ['PCMA', 'PCMU', 'G722']);
    assert.equal(o.voicemailPilotNumber, '+442079460999');
    assert.equal(o.mcp, 'integrated');
    assert.deepEqual(o.customSipHeaderNames, ['x-contoso-commsgw-identifier']);
  });

  it('uses the cloud’s Provisioning API rule (the emulator serves it under a path)', () => {
    const o = gatewayOverview(demo('fabrikam-new-gw').gateway, emulatorCloud('https://127.0.0.1:10443'));
    assert.equal(o.provisioningApiUrl, 'https://127.0.0.1:10443/provapi/fnew8g9h0i1.commsgw.azure.com');
    assert.equal(o.mcp, 'none');
    assert.equal(o.voicemailPilotNumber, undefined);
    assert.deepEqual(o.customSipHeaderNames, []);
  });

  it('a lab has one service location', () => {
    assert.equal(gatewayOverview(demo('contoso-lab-gw').gateway, PUBLIC).deployment, 'lab');
  });

  it('MCP: integrated, on-premises or none (integrated wins if ARM ever reports both)', () => {
    assert.equal(mcpChoice(true, false), 'integrated');
    assert.equal(mcpChoice(false, true), 'on-premises');
    assert.equal(mcpChoice(undefined, undefined), 'none');
    assert.equal(mcpChoice(true, true), 'integrated');
  });

  it('a gateway still being created (no properties, no label) shows what there is and no URL', () => {
    const o = gatewayOverview({ id: '/subscriptions/s1/resourceGroups/rg%20one/providers/Microsoft.VoiceServices/communicationsGateways/new-gw', location: 'uksouth' }, PUBLIC);
    assert.equal(o.name, 'new-gw');
    assert.equal(o.resourceGroup, 'rg one');
    assert.equal(o.status, undefined);
    assert.equal(o.domain, undefined);
    assert.equal(o.provisioningApiUrl, undefined);
    assert.deepEqual([o.serviceLocations, o.platforms, o.codecs, o.provisioningApiAllowlist], [[], [], [], []]);
  });

  it('a service location without primaryRegionProperties (a malformed answer) does not break the page', () => {
    const gateway = demo('contoso-lab-gw').gateway;
    const broken = { ...gateway, properties: { ...gateway.properties!, serviceLocations: [JSON.parse('{"name":"eastus"}') as never] } };
    assert.deepEqual(gatewayOverview(broken, PUBLIC).serviceLocations, [
      { name: 'eastus', operatorAddresses: [], allowedSignalingSourceAddressPrefixes: [], allowedMediaSourceAddressPrefixes: [], esrpAddresses: [] },
    ]);
  });
});

describe('core/gateways: overview test lines', () => {
  it('fabrikam-new-gw: 4 of 6 automated OC lines, with the warning the Gateways view shows', () => {
    const { gateway, testLines } = demo('fabrikam-new-gw');
    const o = testLinesOverview(testLines, testLineCoverage(gateway, testLines));
    assert.deepEqual(o.services.map((s) => [s.prefix, s.label, s.automated, s.required, s.missing]), [['OC', 'Operator Connect', 4, 6, 2]]);
    assert.deepEqual(o.warnings, ['OC: 4 of 6 automated test lines (a production deployment needs 6); add 2 more.']);
    assert.equal(o.lines.length, 4);
  });

  it('lists automated lines first in numeric order, then manual ones, and marks numbers that are not E.164', () => {
    const { gateway } = demo('contoso-lab-gw');
    const line = (name: string, phoneNumber: string, purpose: 'Automated' | 'Manual'): TestLine => ({ name, location: 'eastus', properties: { phoneNumber, purpose } });
    const lines = [line('desk', '+442079460101', 'Manual'), line('OC10', '+442079460210', 'Automated'), line('OC2', '0207946', 'Automated'), line('OC1', '+442079460201', 'Automated')];
    const o = testLinesOverview(lines, testLineCoverage(gateway, lines));
    assert.deepEqual(o.lines.map((l) => l.name), ['OC1', 'OC2', 'OC10', 'desk']);
    assert.ok(o.lines[1].problem, 'OC2 has a problem');
    assert.equal(o.lines[0].problem, undefined);
    assert.ok(o.warnings.some((w) => w.startsWith('Test line OC2: 0207946 is not a valid E.164 number')));
  });
});

describe('core/gateways: overview requests for information', () => {
  const rfi = (tenantId: string, status?: string): RequestForInformationResource =>
    JSON.parse(JSON.stringify({ tenantId, ...(status === undefined ? {} : { customerRelationship: { status } }) })) as RequestForInformationResource;

  it('counts per relationship status, "No status yet" first, zero groups kept, unknown statuses under "other"', () => {
    const o = requestCountsOverview([rfi('t1'), rfi('t2', 'AgreementSigned'), rfi('t3', 'AgreementSigned'), rfi('t4', 'SomethingNew'), rfi('t5', 'ConsentDeclined')]);
    assert.equal(o.total, 5);
    assert.deepEqual(
      o.groups.map((g) => [g.key, g.count]),
      [['none', 1], ['ConsentAcknowledged', 0], ['CustomerContacted', 0], ['AgreementSigned', 2], ['ConsentDeclined', 1], ['ContractTerminated', 0], ['other', 1]],
    );
    assert.equal(o.groups[0].label, 'No status yet');
  });

  it('no requests: every group at 0 and no "other"', () => {
    const o = requestCountsOverview([]);
    assert.equal(o.total, 0);
    assert.equal(o.groups.length, 6);
    assert.ok(o.groups.every((g) => g.count === 0));
  });
});
