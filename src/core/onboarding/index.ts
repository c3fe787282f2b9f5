// The onboarding checks: the contract (./types), the registry of checks, the runner, fix resolution and the roles.
export type * from './types';
export { ONBOARDING_CHECKS, findCheck } from './registry';
export { STAGES, STATUS_LABELS, STATUS_ORDER, stageTitle } from './stages';
export * from './report';
export { runOnboardingChecks, isCancellation, type RunOptions } from './run';
export { resolveFixWrites, writeKey } from './fixes';
export { PROJECT_SYNERGY_APP_ID, PROVISIONING_APP_ID, PROVISIONING_USER_ROLES, SYNERGY_REQUIRED_ROLES, SYNERGY_ADMIN_ROLE_VALUE, synergyRoleName, type SynergyRole } from './roles';
export { prefixContains, parseAddress } from './addresses';
