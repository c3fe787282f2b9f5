// What counts as a tenant when a person types one. The parsing lives in src/core/ids.ts (the emulator and the CLI
// use it too); these names stay here for the sign-in code that imports them from this module.
export { looksLikeGuid as isGuid, tenantShortName, validateClientId, validateTenant } from '../../core/ids';
