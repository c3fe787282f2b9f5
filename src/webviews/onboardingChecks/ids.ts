// Names package.json uses for the Onboarding Checks panel, in a module of their own so that activation can import them
// without loading the panel (or valibot, through its protocol).
export const ONBOARDING_CHECKS_VIEW_TYPE = 'acg.onboardingChecks';
