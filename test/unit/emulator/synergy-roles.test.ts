// The emulator's Project Synergy app names its roles as the onboarding guide does (core's table), so the sandbox's
// gaps gateway lacks exactly the last two roles of the table: Data.Read and Data.Write.
import * as assert from 'node:assert/strict';
import { seedDirectory } from '../../../emulator/seed/directory';
import { GATEWAY_GAPS, GATEWAY_PRODUCTION, PROJECT_SYNERGY_SP_ID } from '../../../emulator/seed/ids';
import { SYNERGY_REQUIRED_ROLES } from '../../../src/core/onboarding/roles';

describe('emulator: Project Synergy roles', () => {
  const { directory } = seedDirectory();
  const synergy = directory.servicePrincipals.find((sp) => sp.id === PROJECT_SYNERGY_SP_ID)!;
  const heldBy = (principalId: string) =>
    directory.appRoleAssignments.filter((a) => a.principalId === principalId && a.resourceId === PROJECT_SYNERGY_SP_ID).map((a) => a.appRoleId);

  it('labels every required role id with the name the table gives it', () => {
    for (const { name, id } of SYNERGY_REQUIRED_ROLES) {
      assert.equal(synergy.appRoles.find((r) => r.id === id)?.value, name, id);
    }
    assert.equal(synergy.appRoles.find((r) => r.id === '72129ccd-8886-42db-a63c-2647b61635c1')?.value, 'TrunkManagement.Read');
  });

  it('the gaps gateway misses exactly Data.Read and Data.Write; production holds all seven', () => {
    const missing = (principalId: string) => SYNERGY_REQUIRED_ROLES.filter((r) => !heldBy(principalId).includes(r.id)).map((r) => r.name);
    assert.deepEqual(missing(GATEWAY_GAPS.identityPrincipalId), ['Data.Read', 'Data.Write']);
    assert.deepEqual(missing(GATEWAY_PRODUCTION.identityPrincipalId), []);
  });
});
