// The token-claims reader behind the role pre-flight and the audit log: roles, user or app, and a name, from the
// payload alone (no signature check: the service checks its own tokens); anything odd yields "unknown", never a throw.
import { strict as assert } from 'node:assert';
import { accessFromToken } from '../../../src/azure/auth/tokenClaims';

function jwt(claims: unknown): string {
  return `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
}

describe('auth: access claims of a token', () => {
  it('reads the roles, kind, name and ids of an application token', () => {
    const access = accessFromToken(jwt({ roles: ['ProvisioningAPI.Read'], idtyp: 'app', appid: 'c0ffee00-0000-4000-8000-000000000002', oid: 'o-1', tid: 't-1' }));
    assert.deepEqual(access, { roles: ['ProvisioningAPI.Read'], kind: 'app', who: 'service principal c0ffee00-0000-4000-8000-000000000002', objectId: 'o-1', tenantId: 't-1' });
  });

  it('reads a user token by its user name, and a user from `scp` when `idtyp` is missing', () => {
    assert.deepEqual(accessFromToken(jwt({ roles: ['ProvisioningAPI.WriteUser'], idtyp: 'user', preferred_username: 'ops@contoso', name: 'Ops' })), {
      roles: ['ProvisioningAPI.WriteUser'],
      kind: 'user',
      who: 'ops@contoso',
    });
    assert.equal(accessFromToken(jwt({ scp: 'user_impersonation', upn: 'a@b' })).kind, 'user');
    assert.equal(accessFromToken(jwt({ app_displayname: 'acg-sandbox-reader', roles: [] })).who, 'acg-sandbox-reader');
  });

  it('leaves out what the token does not say: no roles claim is "unknown", not "no roles"', () => {
    const access = accessFromToken(jwt({ appid: 'x' }));
    assert.equal(access.roles, undefined);
    assert.equal(access.kind, undefined);
  });

  it('yields nothing for an opaque token, a bad payload, or roles that are not a list of strings', () => {
    for (const token of ['opaque-token-value', 'a.b.c', 'a.!!!.c', `a.${Buffer.from('[1,2]').toString('base64url')}.c`, '']) {
      assert.deepEqual(accessFromToken(token), {}, token);
    }
    assert.equal(accessFromToken(jwt({ roles: 'ProvisioningAPI.Admin' })).roles, undefined);
    assert.equal(accessFromToken(jwt({ roles: ['ProvisioningAPI.Admin', 3] })).roles, undefined);
  });
});
