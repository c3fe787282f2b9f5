// Graph ids and query strings the onboarding checks use (API.md §4). Values put into a path or `$filter` must be
// GUIDs: checking that first is what keeps a quote in a pasted id from changing the meaning of an OData expression.
import { isGuid } from '../../core/ids';
import { AcgError } from '../errors';

/** Project Synergy (Operator Connect) and AzureCommunicationsGateway, first-party apps with fixed ids (API.md §2, §4). */
export { PROJECT_SYNERGY_APP_ID, PROVISIONING_APP_ID } from '../../core/onboarding/roles';

export const SP_SELECT = ['id', 'appId', 'displayName', 'appRoles'];

/** Returns `value` when it is a GUID; otherwise throws AcgError `badRequest` and nothing is sent. */
export function guid(value: string, what: string, operation: string): string {
  if (isGuid(value)) return value;
  throw new AcgError({ kind: 'badRequest', message: `Not sent: the ${what} '${value}' is not a GUID.`, service: 'graph', operation });
}

/** `$batch` URLs are written by hand (the SDK does not build inner requests), so values are encoded here. */
export function servicePrincipalQuery(appId: string): string {
  return `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}&$select=${SP_SELECT.join(',')}`;
}

export function assignmentsQuery(principalId: string): string {
  return `/servicePrincipals/${principalId}/appRoleAssignments`;
}
