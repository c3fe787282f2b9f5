// The onboarding guides each check comes from (MicrosoftDocs azure-docs, articles/communications-gateway). A check
// links to its guide so a person can read the step in Microsoft's words.
import type { CheckSource } from './types';

const LEARN = 'https://learn.microsoft.com/azure/communications-gateway';

export const SOURCES = {
  deploy: { title: 'Deploy Azure Communications Gateway', url: `${LEARN}/deploy` },
  connectOperatorConnect: { title: 'Connect Azure Communications Gateway to Operator Connect or Teams Phone Mobile', url: `${LEARN}/connect-operator-connect` },
  prepareForLiveTraffic: {
    title: 'Prepare for live traffic with Operator Connect, Teams Phone Mobile and Azure Communications Gateway',
    url: `${LEARN}/prepare-for-live-traffic-operator-connect`,
  },
  provisioningApi: { title: "Integrate with Azure Communications Gateway's Provisioning API", url: `${LEARN}/integrate-with-provisioning-api` },
  userRoles: { title: 'Set up user roles for Azure Communications Gateway', url: `${LEARN}/provision-user-roles` },
  rotateSecrets: { title: 'Rotate your Azure Communications Gateway secrets', url: `${LEARN}/rotate-secrets` },
  mobileControlPoint: { title: 'Mobile Control Point in Azure Communications Gateway for Teams Phone Mobile', url: `${LEARN}/mobile-control-point` },
} as const satisfies Record<string, CheckSource>;
