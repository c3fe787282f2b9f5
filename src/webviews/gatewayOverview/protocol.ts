// What the Gateway Overview page may ask its host, and what the host may tell it. Each section of the page is one
// request, so each shows its own result or its own error: the Provisioning API refusing the caller's IP leaves the
// ARM sections standing.
import * as v from 'valibot';
import type { GatewayOverview, ProvisioningCountsOverview, RequestCountsOverview, TestLinesOverview } from '../../core/gateways/overviewModel';

// The page names the view model's types through this module only: browser code imports its protocol, not src/core.
export type * from '../../core/gateways/overviewModel';
import { defineProtocol, notification, params, request, runActionRequest } from '../shared/protocol';

/** Tree views a link on the page can reveal for the gateway: its Test lines node, or Enterprises' accounts/requests. */
export const REVEAL_TARGETS = ['testLines', 'accounts', 'requests'] as const;
export type RevealTargetKind = (typeof REVEAL_TARGETS)[number];

/** Values the page can copy. The host copies its own copy of them: the webview never chooses what lands on the clipboard. */
export const COPY_FIELDS = ['domain', 'provisioningApiUrl', 'resourceId'] as const;
export type CopyField = (typeof COPY_FIELDS)[number];

export interface GatewayOverviewIdentity {
  readonly gatewayId: string;
  readonly gatewayName: string;
}

export const gatewayOverviewProtocol = defineProtocol({
  name: 'Gateway Overview',
  requests: {
    /** Which gateway this panel shows (the page keeps it with setState, for the serializer). */
    identity: request(params({})).returns<GatewayOverviewIdentity>(),
    /**
     * The ARM part. `reload: true` reads the gateway again; the section requests sent after it use that read (the
     * host runs handlers in message order), so one refresh costs one ARM read.
     */
    gateway: request(params({ reload: v.boolean() })).returns<GatewayOverview>(),
    testLines: request(params({})).returns<TestLinesOverview>(),
    provisioningCounts: request(params({})).returns<ProvisioningCountsOverview>(),
    requestCounts: request(params({})).returns<RequestCountsOverview>(),
    reveal: request(params({ target: v.picklist(REVEAL_TARGETS) })).returnsNothing(),
    copy: request(params({ field: v.picklist(COPY_FIELDS) })).returnsNothing(),
    /** Opens the gateway's Onboarding Checks panel and runs its checks there. */
    runOnboardingChecks: request(params({})).returnsNothing(),
    runAction: runActionRequest,
  },
  notifications: {
    /** What the page shows has changed under it (a sign-in, sign-out, tenant or cloud change): read it all again. */
    refresh: notification<{ readonly reason: 'signIn' }>(),
  },
});

export type GatewayOverviewProtocol = typeof gatewayOverviewProtocol;

const GATEWAY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.VoiceServices\/communicationsGateways\/[^/]+$/i;

/**
 * What the page keeps with setState and the serializer restores the panel from. Checked on restore, since it comes
 * back from the webview. Not strict: a state saved by a later version with more fields still restores.
 */
export const GatewayOverviewStateSchema = v.object({
  gatewayId: v.pipe(v.string(), v.maxLength(1024), v.regex(GATEWAY_ID, 'not a communications gateway id')),
  gatewayName: v.pipe(v.string(), v.maxLength(128)),
});

export type GatewayOverviewState = v.InferOutput<typeof GatewayOverviewStateSchema>;
