// Test line coverage of a live gateway: counting per service, lab vs production, E.164 warnings and name suggestions.
import * as assert from 'node:assert/strict';
import type { CommunicationsGateway, CommunicationsPlatform, TestLine, TestLinePurpose } from '../../../src/core/models';
import { deploymentKindOf, gatewayDescription, platformShortNames, summarizeGateway } from '../../../src/core/gateways/gatewaySummary';
import { hasCoverageWarnings, suggestTestLineNames, testLineCoverage, testLineNumberProblem } from '../../../src/core/gateways/testLineCoverage';

function gateway(locations: number, platforms: CommunicationsPlatform[], status: 'Complete' | 'ChangePending' = 'Complete'): CommunicationsGateway {
  return {
    location: 'eastus',
    name: 'gw',
    properties: {
      provisioningState: 'Succeeded',
      status,
      serviceLocations: Array.from({ length: locations }, (_, i) => ({ name: `r${i}`, primaryRegionProperties: { operatorAddresses: [`198.51.100.${i + 1}`] } })),
      connectivity: 'PublicAddress',
      codecs: ['PCMA'],
      e911Type: 'Standard',
      platforms,
    },
  };
}

function line(name: string, phoneNumber: string, purpose: TestLinePurpose = 'Automated'): TestLine {
  return { name, location: 'eastus', properties: { phoneNumber, purpose } };
}

function lines(prefix: string, count: number, first = 442079460001): TestLine[] {
  return Array.from({ length: count }, (_, i) => line(`${prefix}${i + 1}`, `+${first + i}`));
}

describe('core/gateways: summary', () => {
  it('one service location is a lab, two are production', () => {
    assert.equal(deploymentKindOf(gateway(1, ['OperatorConnect'])), 'lab');
    assert.equal(deploymentKindOf(gateway(2, ['OperatorConnect'])), 'production');
  });

  it('shortens platforms and builds the row description', () => {
    const gw = gateway(2, ['OperatorConnect', 'TeamsPhoneMobile', 'TeamsDirectRouting'], 'ChangePending');
    assert.deepEqual(platformShortNames(gw), ['OC', 'TPM', 'DR']);
    assert.equal(gatewayDescription(summarizeGateway(gw)), 'ChangePending · Succeeded · OC, TPM, DR · production');
  });
});

describe('core/gateways: test line coverage', () => {
  it('production needs 6 automated lines per service: 6 OC + 6 TPM is complete', () => {
    const coverage = testLineCoverage(gateway(2, ['OperatorConnect', 'TeamsPhoneMobile']), [...lines('OC', 6), ...lines('TPM', 6, 447700900001)]);
    assert.equal(coverage.deployment, 'production');
    assert.deepEqual(coverage.services.map((s) => [s.prefix, s.automated, s.missing]), [['OC', 6, 0], ['TPM', 6, 0]]);
    assert.equal(hasCoverageWarnings(coverage), false);
  });

  it('production with 4 of 6 OC lines warns and says how many are missing', () => {
    const coverage = testLineCoverage(gateway(2, ['OperatorConnect']), lines('OC', 4));
    assert.deepEqual(coverage.services.map((s) => [s.prefix, s.automated, s.required, s.missing]), [['OC', 4, 6, 2]]);
    assert.deepEqual(coverage.warnings, ['OC: 4 of 6 automated test lines (a production deployment needs 6); add 2 more.']);
  });

  it('a lab needs 3 per service', () => {
    assert.equal(hasCoverageWarnings(testLineCoverage(gateway(1, ['OperatorConnect']), lines('OC', 3))), false);
    const short = testLineCoverage(gateway(1, ['OperatorConnect', 'TeamsPhoneMobile']), [...lines('OC', 3), ...lines('TPM', 1)]);
    assert.deepEqual(short.services.map((s) => [s.prefix, s.missing]), [['OC', 0], ['TPM', 2]]);
    assert.match(short.warnings[0], /^TPM: 1 of 3 .* lab deployment/);
  });

  it('counts only Automated lines, by name prefix, and only for the gateway’s verified platforms', () => {
    const coverage = testLineCoverage(gateway(1, ['OperatorConnect', 'TeamsDirectRouting']), [
      ...lines('OC', 2),
      line('OC3', '+442079460003', 'Manual'),
      line('desk-1', '+442079460010'),
      ...lines('TPM', 3, 447700900001),
    ]);
    assert.deepEqual(coverage.services.map((s) => [s.prefix, s.automated]), [['OC', 2]], 'DR needs no lines; TPM is not a platform here');
  });

  it('TPM lines are not counted as OC and vice versa (case-insensitive prefixes)', () => {
    const coverage = testLineCoverage(gateway(1, ['OperatorConnect', 'TeamsPhoneMobile']), [line('tpm1', '+447700900001'), line('oc1', '+442079460001')]);
    assert.deepEqual(coverage.services.map((s) => s.automated), [1, 1]);
  });

  it('warns about a number that is not valid E.164, even when the counts are fine', () => {
    const coverage = testLineCoverage(gateway(1, ['OperatorConnect']), [...lines('OC', 2), line('OC3', '442079460003'), line('manual-1', '+44 20 7946 0000', 'Manual')]);
    assert.deepEqual(coverage.invalidNumbers.map((n) => n.name), ['OC3', 'manual-1']);
    assert.equal(coverage.warnings.length, 2);
    assert.match(coverage.warnings[0], /^Test line OC3: 442079460003 is not a valid E\.164 number/);
    assert.equal(testLineNumberProblem('+442079460003'), undefined);
    assert.ok(testLineNumberProblem('+0123'));
    assert.ok(testLineNumberProblem(undefined));
  });

  it('suggests the names that close the gap, skipping names in use', () => {
    const coverage = testLineCoverage(gateway(2, ['OperatorConnect']), lines('OC', 4));
    assert.deepEqual(suggestTestLineNames(coverage, ['OC1', 'OC2', 'OC3', 'OC4']), ['OC5', 'OC6']);
    const holes = testLineCoverage(gateway(1, ['OperatorConnect', 'TeamsPhoneMobile']), [line('OC1', '+442079460001'), line('OC3', '+442079460003'), ...lines('TPM', 3, 447700900001)]);
    assert.deepEqual(suggestTestLineNames(holes, ['OC1', 'oc3', 'TPM1', 'TPM2', 'TPM3']), ['OC2']);
  });

  it('suggests the next free name of each service when nothing is missing', () => {
    const coverage = testLineCoverage(gateway(1, ['OperatorConnect', 'TeamsPhoneMobile']), [...lines('OC', 3), ...lines('TPM', 3, 447700900001)]);
    assert.deepEqual(suggestTestLineNames(coverage, ['OC1', 'OC2', 'OC3', 'TPM1', 'TPM2', 'TPM3']), ['OC4', 'TPM4']);
  });
});
