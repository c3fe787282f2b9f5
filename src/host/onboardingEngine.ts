// The onboarding code the host loads lazily (esbuild.mjs LAZY_BUNDLES `onboarding`): the check registry and runner,
// fix resolution and the Markdown report (src/core/onboarding), the reads and the fix executor (src/azure/onboarding).
// Only onboarding.ts reaches it, through import(), so none of it is parsed at activation.
import { applyOnboardingFix, createOnboardingReads } from '../azure/onboarding';
import { ONBOARDING_CHECKS, STAGES, resolveFixWrites, runOnboardingChecks, writeKey } from '../core/onboarding';
import { gatewayFileContext } from '../core/onboarding/gatewayFile';
import { renderMarkdown } from '../core/onboarding/report';
import type { OnboardingEngine } from './onboarding';

export { applyOnboardingFix, createOnboardingReads, ONBOARDING_CHECKS, STAGES, resolveFixWrites, runOnboardingChecks, writeKey, renderMarkdown, gatewayFileContext };

// The compiler checks that this module is what the host expects of it.
const engine: OnboardingEngine = { applyOnboardingFix, createOnboardingReads, ONBOARDING_CHECKS, STAGES, resolveFixWrites, runOnboardingChecks, writeKey, renderMarkdown, gatewayFileContext };
void engine;
