// Operator Connect steps only a person can take (connect-operator-connect.md steps 5 to 7): the onboarding form, signing
// in to the Operator Connect portal, and adding the application ids there.
import { PROVISIONING_APP_ID } from '../roles';
import { SOURCES } from '../sources';
import { manualCheck } from './define';

export const portalAppIdsCheck = manualCheck({
  id: 'oc.portal-app-ids',
  title: 'Application IDs added in the Operator Connect portal',
  stage: 'operatorConnect',
  why: "The roles of the gateway's managed identity only take effect once its Application ID is added to your Operator Connect configuration, with the AzureCommunicationsGateway app's.",
  source: SOURCES.connectOperatorConnect,
  todo: 'In the Operator Connect portal (operatorconnect.microsoft.com, operator configuration), add both Application IDs, then mark this step done.',
  reads: ['identity'],
  evidence: ({ identity }) => [
    { label: "The gateway's managed identity (Application ID)", value: identity.appId ?? null, copy: identity.appId !== undefined },
    { label: 'AzureCommunicationsGateway (Application ID)', value: PROVISIONING_APP_ID, copy: true },
  ],
});

export const onboardingFormCheck = manualCheck({
  id: 'oc.onboarding-form',
  title: 'Onboarding form completed',
  stage: 'operatorConnect',
  why: 'Your onboarding team needs the information in their form before they can finish onboarding you to Operator Connect and Teams Phone Mobile.',
  source: SOURCES.connectOperatorConnect,
  todo: 'Complete the form your onboarding team sends, return it, and mark this step done once they confirm onboarding is complete.',
});

export const portalSignInCheck = manualCheck({
  id: 'oc.portal-sign-in',
  title: 'Signed in to the Operator Connect portal',
  stage: 'operatorConnect',
  why: 'Signing in to the Operator Connect portal proves the onboarding team finished setting you up as an operator.',
  source: SOURCES.connectOperatorConnect,
  todo: 'Once your onboarding team confirms onboarding is complete, sign in at operatorconnect.microsoft.com and mark this step done.',
});
