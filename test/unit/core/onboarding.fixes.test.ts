// Fix resolution: inputs fill the `{{input:id}}` placeholders of path and body after they are checked, and writeKey
// names a write by what it does, so that a confirmed write matches the same write proposed again.
import * as assert from 'node:assert/strict';
import { resolveFixWrites, writeKey } from '../../../src/core/onboarding/fixes';
import type { CheckFix, FixWrite } from '../../../src/core/onboarding/types';

const ROLE_ID = 'b1000000-0000-4000-8000-000000000012';

const fix: CheckFix = {
  title: 'Assign a role',
  description: 'd',
  inputs: [
    { id: 'role', kind: 'choice', label: 'Role', options: [{ value: ROLE_ID, label: 'ProvisioningAPI.ReadUser' }] },
    { id: 'principal', kind: 'principal', label: 'User or group (object id or user principal name)' },
  ],
  writes: [
    {
      service: 'graph',
      method: 'POST',
      path: '/principals/{{input:principal}}/x',
      body: { principalId: '{{input:principal}}', appRoleId: '{{input:role}}', nested: ['{{input:role}}', 3, null, { keep: true }] },
      description: 'Assign',
    },
  ],
};

describe('core/onboarding: fixes', () => {
  it('fills placeholders in the path (as one encoded segment) and in every string of the body', () => {
    const [write] = resolveFixWrites(fix, { role: ROLE_ID, principal: 'ops.admin@contoso.example' });
    assert.equal(write?.path, '/principals/ops.admin%40contoso.example/x');
    assert.deepEqual(write?.body, { principalId: 'ops.admin@contoso.example', appRoleId: ROLE_ID, nested: [ROLE_ID, 3, null, { keep: true }] });
    assert.equal(write?.description, 'Assign');
  });

  it('leaves a fix without inputs as it is', () => {
    const plain: CheckFix = { title: 't', description: 'd', writes: [{ service: 'graph', method: 'POST', path: '/domains/x/verify', description: 'Verify' }] };
    assert.deepEqual(resolveFixWrites(plain), plain.writes);
  });

  it('refuses a missing input, naming its label', () => {
    assert.throws(() => resolveFixWrites(fix, { role: ROLE_ID }), /Choose User or group \(object id or user principal name\) first/);
    assert.throws(() => resolveFixWrites(fix, { role: ROLE_ID, principal: '   ' }), /Choose User or group/);
    assert.throws(() => resolveFixWrites(fix), /Choose Role first/);
  });

  it('refuses a choice that is not one of the options', () => {
    assert.throws(() => resolveFixWrites(fix, { role: 'Admin', principal: 'x' }), /Role: 'Admin' is not one of ProvisioningAPI\.ReadUser/);
  });

  it('refuses a principal with whitespace inside', () => {
    assert.throws(() => resolveFixWrites(fix, { role: ROLE_ID, principal: 'ops admin' }), /'ops admin' has spaces in it/);
  });

  it('does not take inputs from the prototype chain', () => {
    const inputs = Object.create({ principal: 'inherited' }) as Record<string, string>;
    inputs['role'] = ROLE_ID;
    assert.throws(() => resolveFixWrites(fix, inputs), /Choose User or group/);
  });

  it('refuses a placeholder the fix does not declare', () => {
    const bad: CheckFix = { title: 't', description: 'd', writes: [{ service: 'graph', method: 'POST', path: '/x/{{input:who}}', description: 'x' }] };
    assert.throws(() => resolveFixWrites(bad), /input 'who' it does not declare/);
  });

  it('writeKey: same write in another key order or wording is the same key; any real difference is not', () => {
    const a: FixWrite = { service: 'graph', method: 'POST', path: '/p', body: { b: 1, a: { y: 2, x: [1, 'two'] } }, description: 'one' };
    const sameReordered: FixWrite = { service: 'graph', method: 'POST', path: '/p', body: { a: { x: [1, 'two'], y: 2 }, b: 1 }, description: 'other words' };
    assert.equal(writeKey(a), writeKey(sameReordered));
    for (const other of [
      { ...a, path: '/q' },
      { ...a, method: 'PUT' as const },
      { ...a, service: 'arm' as const },
      { ...a, body: { b: 1, a: { y: 2, x: ['two', 1] } } },
      { ...a, body: { b: '1', a: { y: 2, x: [1, 'two'] } } },
      { ...a, body: undefined },
    ]) {
      assert.notEqual(writeKey(other), writeKey(a), JSON.stringify(other));
    }
  });
});
