// The role pre-flight's decision table: which ProvisioningAPI role each write needs, for applications and for people,
// and that an unreadable claim never blocks (the service decides then).
import { strict as assert } from 'node:assert';
import { preflightProvisioningWrite, provisioningAccessOf, type ProvisioningWrite } from '../../../src/core/provisioningAccess';

const WRITES: readonly ProvisioningWrite[] = ['createAccount', 'updateAccount', 'deleteAccount', 'saveNumbers', 'deleteNumbers', 'updateRelationship'];

describe('core: provisioning role pre-flight', () => {
  it('maps every write to Write or Delete', () => {
    assert.deepEqual(
      WRITES.map((w) => [w, provisioningAccessOf(w)]),
      [['createAccount', 'Write'], ['updateAccount', 'Write'], ['deleteAccount', 'Delete'], ['saveNumbers', 'Write'], ['deleteNumbers', 'Delete'], ['updateRelationship', 'Write']],
    );
  });

  // [roles, kind, write, allowed]
  const TABLE: readonly [readonly string[], 'app' | 'user' | undefined, ProvisioningWrite, boolean][] = [
    [['ProvisioningAPI.Read'], 'app', 'deleteNumbers', false],
    [['ProvisioningAPI.Read'], 'app', 'saveNumbers', false],
    [['ProvisioningAPI.Write'], 'app', 'saveNumbers', true],
    [['ProvisioningAPI.Write'], 'app', 'deleteNumbers', false],
    [['ProvisioningAPI.Delete'], 'app', 'deleteNumbers', true],
    [['ProvisioningAPI.Delete'], 'app', 'createAccount', false],
    [['ProvisioningAPI.Admin'], 'app', 'deleteAccount', true],
    [['ProvisioningAPI.Admin'], 'app', 'updateRelationship', true],
    // People need the User variants; the application role does not count for them, nor the reverse.
    [['ProvisioningAPI.WriteUser'], 'user', 'saveNumbers', true],
    [['ProvisioningAPI.Write'], 'user', 'saveNumbers', false],
    [['ProvisioningAPI.WriteUser'], 'app', 'saveNumbers', false],
    [['ProvisioningAPI.DeleteUser'], 'user', 'deleteNumbers', true],
    [['ProvisioningAPI.AdminUser'], 'user', 'createAccount', true],
    [['ProvisioningAPI.ReadUser'], 'user', 'updateRelationship', false],
    // A token that does not say what it is: either variant counts.
    [['ProvisioningAPI.DeleteUser'], undefined, 'deleteNumbers', true],
    [['ProvisioningAPI.Delete'], undefined, 'deleteNumbers', true],
    [['ProvisioningAPI.Read'], undefined, 'deleteNumbers', false],
    [[], 'app', 'saveNumbers', false],
  ];
  for (const [roles, kind, write, allowed] of TABLE) {
    it(`${allowed ? 'allows' : 'refuses'} ${write} for ${kind ?? 'an unknown caller'} holding [${roles.join(', ')}]`, () => {
      assert.equal(preflightProvisioningWrite(write, { roles, ...(kind ? { kind } : {}) }).allowed, allowed);
    });
  }

  it('never blocks when the roles claim is absent or unreadable', () => {
    for (const write of WRITES) {
      assert.equal(preflightProvisioningWrite(write, {}).allowed, true);
      assert.equal(preflightProvisioningWrite(write, { kind: 'user', who: 'someone' }).allowed, true);
    }
  });

  it('names the exact role, the caller and what it holds', () => {
    const decision = preflightProvisioningWrite('deleteNumbers', { roles: ['ProvisioningAPI.Read'], kind: 'app', who: 'acg-sandbox-reader' });
    assert.ok(!decision.allowed);
    assert.equal(decision.requiredRole, 'ProvisioningAPI.Delete');
    assert.match(decision.message, /^Deleting numbers needs ProvisioningAPI\.Delete \(or ProvisioningAPI\.Admin\); acg-sandbox-reader holds ProvisioningAPI\.Read\. Nothing was sent\./);
  });

  it('names the User role for people, and says so when they hold only the application role', () => {
    const decision = preflightProvisioningWrite('saveNumbers', { roles: ['ProvisioningAPI.Write'], kind: 'user', who: 'ops@contoso' });
    assert.ok(!decision.allowed);
    assert.equal(decision.requiredRole, 'ProvisioningAPI.WriteUser');
    assert.match(decision.message, /needs ProvisioningAPI\.WriteUser \(or ProvisioningAPI\.AdminUser\); ops@contoso holds ProvisioningAPI\.Write\./);
    assert.match(decision.message, /People need the …User roles/);
  });

  it('names both variants for an unknown caller, and says when it holds no ProvisioningAPI role', () => {
    const decision = preflightProvisioningWrite('createAccount', { roles: ['Something.Else'] });
    assert.ok(!decision.allowed);
    assert.equal(decision.requiredRole, 'ProvisioningAPI.Write or ProvisioningAPI.WriteUser');
    assert.match(decision.message, /^Creating accounts needs .*; The signed-in identity holds no ProvisioningAPI role\./);
  });
});
