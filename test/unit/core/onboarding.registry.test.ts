// The registry: stable, unique ids; every check says why and links to its Microsoft Learn source; stages in order;
// and the roles table is the onboarding guide's.
import * as assert from 'node:assert/strict';
import { prefixContains } from '../../../src/core/onboarding/addresses';
import { findCheck, ONBOARDING_CHECKS, STAGES } from '../../../src/core/onboarding/registry';
import { PROVISIONING_USER_ROLES, SYNERGY_REQUIRED_ROLES } from '../../../src/core/onboarding/roles';
import * as graphQueries from '../../../src/azure/clients/graphQueries';
import * as onboarding from '../../../src/core/onboarding';

describe('core/onboarding: registry', () => {
  it('ids are unique and made of lower-case letters, digits, dots and dashes', () => {
    const ids = ONBOARDING_CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids.filter((id) => !/^[a-z0-9.-]+$/.test(id)), []);
  });

  it('holds the stable ids everyone names', () => {
    const stable = [
      'gateway.provisioning-state', 'gateway.status', 'gateway.platforms', 'test-lines.count', 'test-lines.numbers', 'test-lines.names',
      'test-lines.integration-overlap', 'provisioning-api.reachable', 'provisioning-api.allowlist', 'synergy.service-principal', 'synergy.admin-role',
      'identity.synergy-roles', 'acg-app.present', 'acg-app.user-roles', 'domain.verified', 'legacy.app-registrations', 'oc.portal-app-ids',
      'oc.onboarding-form', 'oc.portal-sign-in', 'tpm.voicemail-mcp',
    ];
    assert.deepEqual(stable.filter((id) => !findCheck(id)), []);
    assert.ok(ONBOARDING_CHECKS.filter((c) => c.stage === 'goLive').every((c) => c.id.startsWith('golive.')));
    assert.equal(findCheck('nope'), undefined);
  });

  it('every check says why and links to a learn.microsoft.com article', () => {
    for (const check of ONBOARDING_CHECKS) {
      assert.ok(check.title.trim().length > 0, check.id);
      assert.ok(check.why.trim().length > 20, `${check.id}: why`);
      assert.ok(check.source.title.trim().length > 0, `${check.id}: source title`);
      assert.match(check.source.url, /^https:\/\/learn\.microsoft\.com\/azure\/communications-gateway\/[a-z-]+$/, check.id);
      assert.ok(check.reads.length > 0, `${check.id}: reads`);
    }
  });

  it('checks appear grouped by stage, in the order of STAGES', () => {
    const order = STAGES.map((s) => s.id);
    const stageIndexes = ONBOARDING_CHECKS.map((c) => order.indexOf(c.stage));
    assert.ok(stageIndexes.every((s) => s >= 0));
    assert.deepEqual(stageIndexes, [...stageIndexes].sort((a, b) => a - b));
    assert.deepEqual(order, ['deployment', 'entra', 'operatorConnect', 'teamsPhoneMobile', 'goLive']);
  });

  it('manual checks are the Operator Connect steps and the go-live steps nobody can read', () => {
    const manual = ONBOARDING_CHECKS.filter((c) => c.manual).map((c) => c.id);
    assert.deepEqual(manual.filter((id) => !id.startsWith('golive.')), ['oc.portal-app-ids', 'oc.onboarding-form', 'oc.portal-sign-in']);
    assert.ok(manual.filter((id) => id.startsWith('golive.')).length >= 5);
    assert.ok(ONBOARDING_CHECKS.filter((c) => c.manual).every((c) => (c.reads as readonly string[]).includes('marks')));
  });

  it('the Project Synergy roles are the guide\'s table, in its order', () => {
    assert.deepEqual(SYNERGY_REQUIRED_ROLES.map((r) => `${r.name} ${r.id}`), [
      'TrunkManagement.Read 72129ccd-8886-42db-a63c-2647b61635c1',
      'TrunkManagement.Write e907ba07-8ad0-40be-8d72-c18a0b3c156b',
      'PartnerSettings.Read d6b0de4a-aab5-4261-be1b-0e1800746fb2',
      'NumberManagement.Read 130ecbe2-d1e6-4bbd-9a8d-9a7a909b876e',
      'NumberManagement.Write 752b4e79-4b85-4e33-a6ef-5949f0d7d553',
      'Data.Read eb63d611-525e-4a31-abd7-0cb33f679599',
      'Data.Write 98d32f93-eaa7-4657-b443-090c23e69f27',
    ]);
    assert.deepEqual(PROVISIONING_USER_ROLES, ['ProvisioningAPI.ReadUser', 'ProvisioningAPI.WriteUser', 'ProvisioningAPI.DeleteUser', 'ProvisioningAPI.AdminUser']);
  });

  it('the Graph client and the index use the one definition of the app ids', () => {
    assert.equal(graphQueries.PROJECT_SYNERGY_APP_ID, onboarding.PROJECT_SYNERGY_APP_ID);
    assert.equal(graphQueries.PROVISIONING_APP_ID, onboarding.PROVISIONING_APP_ID);
    assert.equal(onboarding.ONBOARDING_CHECKS, ONBOARDING_CHECKS);
  });
});

describe('core/onboarding: address prefixes', () => {
  const cases: [string, string, boolean][] = [
    ['203.0.113.0/24', '203.0.113.255', true],
    ['203.0.113.0/24', '203.0.114.0', false],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.7/32', '203.0.113.8', false],
    ['0.0.0.0/0', '198.51.100.1', true],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::1/128', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
    ['::/0', '::1', true],
    ['fe80::/10', 'fe80::1%eth0', true],
    ['203.0.113.0/24', '2001:db8::1', false],
    ['2001:db8::/32', '203.0.113.1', false],
    ['203.0.113.0/33', '203.0.113.1', false],
    ['203.0.113.0/x', '203.0.113.1', false],
    ['not a prefix', '203.0.113.1', false],
    ['203.0.113.0/24', '203.0.113.256', false],
    ['2001:db8::/32', '2001:db8::1::2', false],
    ['2001:db8::/32', '2001:db8:1:2:3:4:5:6:7', false],
  ];
  for (const [prefix, address, expected] of cases) {
    it(`${address} ${expected ? 'is' : 'is not'} in ${prefix}`, () => assert.equal(prefixContains(prefix, address), expected));
  }
});
