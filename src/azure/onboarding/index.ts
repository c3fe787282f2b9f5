// The onboarding checks against the real services: the reads (ARM, the Provisioning API, Graph `$batch`) and the fix
// executor. No vscode: the host, the CLI and the tests use it alike.
export { createOnboardingReads, type OnboardingClients, type OnboardingContext } from './reads';
export { applyOnboardingFix, DEFAULT_RECHECK, type FixRequest, type FixRunResult, type FixWriteFailure, type RecheckPolicy } from './applyFix';
