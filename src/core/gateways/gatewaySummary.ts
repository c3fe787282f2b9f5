// What a gateway row shows at a glance, derived from the ARM resource alone: platforms in short form, lab or
// production (one service location means lab: docs lab.md), status and provisioning state.
import type { CommunicationsGateway, CommunicationsPlatform } from '../models/arm';
import type { DeploymentKind } from '../config/model';

export const PLATFORM_SHORT_NAMES: Readonly<Record<CommunicationsPlatform, string>> = {
  OperatorConnect: 'OC',
  TeamsPhoneMobile: 'TPM',
  TeamsDirectRouting: 'DR',
};

export function platformShortNames(gateway: CommunicationsGateway): string[] {
  return (gateway.properties?.platforms ?? []).map((p) => PLATFORM_SHORT_NAMES[p] ?? p);
}

/** Lab when the gateway has exactly one service location; production otherwise (two, or unknown). */
export function deploymentKindOf(gateway: CommunicationsGateway): DeploymentKind {
  return gateway.properties?.serviceLocations?.length === 1 ? 'lab' : 'production';
}

export interface GatewaySummary {
  status: string;
  provisioningState: string;
  platforms: string[];
  deployment: DeploymentKind;
}

export function summarizeGateway(gateway: CommunicationsGateway): GatewaySummary {
  return {
    status: gateway.properties?.status ?? 'Unknown status',
    provisioningState: gateway.properties?.provisioningState ?? 'Unknown',
    platforms: platformShortNames(gateway),
    deployment: deploymentKindOf(gateway),
  };
}

/** One line for the tree row: "Complete · Succeeded · OC, TPM · production". */
export function gatewayDescription(summary: GatewaySummary): string {
  const platforms = summary.platforms.length > 0 ? summary.platforms.join(', ') : 'no platforms';
  return `${summary.status} · ${summary.provisioningState} · ${platforms} · ${summary.deployment}`;
}
