// Every onboarding check, in display order: the one list the runner, the panel, the walkthrough, the CLI and the
// report all read. Stages follow the guides: deploy, Entra set-up, Operator Connect, Teams Phone Mobile, going live.
import { domainVerifiedCheck } from './checks/domain';
import { platformsCheck, provisioningStateCheck, statusCheck } from './checks/gateway';
import { GO_LIVE_MANUAL_CHECKS, goLiveAccountsCheck, goLiveGatewayCheck, goLiveTestLinesCheck } from './checks/goLive';
import { legacyAppRegistrationsCheck } from './checks/legacy';
import { onboardingFormCheck, portalAppIdsCheck, portalSignInCheck } from './checks/operatorConnect';
import { provisioningApiAllowlistCheck, provisioningApiReachableCheck } from './checks/provisioningApi';
import { provisioningAppPresentCheck, provisioningUserRolesCheck } from './checks/provisioningApp';
import { identitySynergyRolesCheck, synergyAdminRoleCheck, synergyServicePrincipalCheck } from './checks/synergy';
import { voicemailMcpCheck } from './checks/teamsPhoneMobile';
import { integrationOverlapCheck, testLineCountCheck, testLineNamesCheck, testLineNumbersCheck } from './checks/testLines';
import type { CheckDefinition } from './types';

// The stages' order and titles live with the statuses' words in ./stages, which the webview bundle can import alone.
export { STAGES } from './stages';

export const ONBOARDING_CHECKS: readonly CheckDefinition[] = [
  provisioningStateCheck,
  statusCheck,
  platformsCheck,
  testLineCountCheck,
  testLineNumbersCheck,
  testLineNamesCheck,
  integrationOverlapCheck,
  provisioningApiReachableCheck,
  provisioningApiAllowlistCheck,
  synergyServicePrincipalCheck,
  synergyAdminRoleCheck,
  identitySynergyRolesCheck,
  provisioningAppPresentCheck,
  provisioningUserRolesCheck,
  domainVerifiedCheck,
  legacyAppRegistrationsCheck,
  portalAppIdsCheck,
  onboardingFormCheck,
  portalSignInCheck,
  voicemailMcpCheck,
  goLiveGatewayCheck,
  goLiveTestLinesCheck,
  goLiveAccountsCheck,
  ...GO_LIVE_MANUAL_CHECKS,
];

const BY_ID = new Map(ONBOARDING_CHECKS.map((check) => [check.id, check]));

export function findCheck(id: string): CheckDefinition | undefined {
  return BY_ID.get(id);
}
