// The role pre-flight of one Provisioning API write (src/core/provisioningAccess.ts decides): a caller whose token lacks
// the ProvisioningAPI role is refused, naming the role, before anything is sent.
import { preflightProvisioningWrite, type ProvisioningWrite } from '../../core/provisioningAccess';
import type { TokenAccess } from '../auth/tokenClaims';
import { AcgError } from '../errors';

/** The error code of a write refused by the role pre-flight (never sent, so the service gave none). */
export const MISSING_PROVISIONING_ROLE = 'MissingProvisioningRole';

export function provisioningRoleCheck(write: ProvisioningWrite, operation: string, gatewayDomain: string): (access: TokenAccess) => void {
  return (access) => {
    const decision = preflightProvisioningWrite(write, access);
    if (decision.allowed) return;
    throw new AcgError({
      kind: 'forbidden',
      code: MISSING_PROVISIONING_ROLE,
      message: decision.message,
      requiredRole: decision.requiredRole,
      service: 'provisioning',
      operation,
      gateway: gatewayDomain,
    });
  };
}
