// What Add Test Line accepts and what Delete Test Line says it will change.
import * as assert from 'node:assert/strict';
import type { CommunicationsGateway, TestLine, TestLinePurpose } from '../../../src/core/models';
import { newTestLineNumberProblem, testLineDeletionImpact, testLineNameProblem } from '../../../src/core/gateways/testLineInput';

const gateway: CommunicationsGateway = {
  name: 'fabrikam-new-gw',
  location: 'uksouth',
  properties: {
    serviceLocations: [
      { name: 'uksouth', primaryRegionProperties: { operatorAddresses: ['198.51.100.140'] } },
      { name: 'ukwest', primaryRegionProperties: { operatorAddresses: ['203.0.113.140'] } },
    ],
    connectivity: 'PublicAddress',
    codecs: ['PCMA'],
    e911Type: 'Standard',
    platforms: ['OperatorConnect'],
  },
};

function line(name: string, phoneNumber: string, purpose: TestLinePurpose = 'Automated'): TestLine {
  return { name, location: 'uksouth', properties: { phoneNumber, purpose } };
}

const lines = [line('OC1', '+442079460301'), line('OC2', '+442079460302'), line('desk', '+442079460399', 'Manual')];

describe('core/gateways: test line input', () => {
  it('accepts a valid new name and refuses bad or taken ones (case-insensitively)', () => {
    assert.equal(testLineNameProblem('OC3', lines), undefined);
    assert.equal(testLineNameProblem('  OC3 ', lines), undefined, 'surrounding spaces are trimmed');
    assert.match(testLineNameProblem('bad name!', lines) ?? '', /contains/);
    assert.match(testLineNameProblem('ab', lines) ?? '', /3 to 24/);
    assert.match(testLineNameProblem('a'.repeat(25), lines) ?? '', /3 to 24/);
    assert.match(testLineNameProblem('oc1', lines) ?? '', /already exists/);
  });

  it('accepts an unused E.164 number and refuses malformed or duplicate ones', () => {
    assert.equal(newTestLineNumberProblem('+442079460303', lines), undefined);
    assert.ok(newTestLineNumberProblem('442079460303', lines), 'no +');
    assert.ok(newTestLineNumberProblem('+44 20 7946 0303', lines), 'spaces');
    assert.ok(newTestLineNumberProblem('+0442079460303', lines), 'country code cannot start with 0');
    assert.ok(newTestLineNumberProblem('+12345678901234567', lines), 'longer than 16 characters');
    assert.match(newTestLineNumberProblem('+442079460302', lines) ?? '', /already test line OC2/);
  });

  it('describes a delete: the line, and the automated count before and after', () => {
    assert.deepEqual(testLineDeletionImpact(gateway, lines, 'OC2'), [
      'Test line OC2 (+442079460302, Automated) will be deleted from fabrikam-new-gw.',
      'OC automated test lines go from 2 to 1 of 6 required: service verification will be short.',
      'This cannot be undone; you can add the line again later.',
    ]);
    assert.equal(testLineDeletionImpact(gateway, lines, 'desk').length, 2, 'a manual line changes no count');
  });
});
