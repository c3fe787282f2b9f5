// What the Gateway Overview page shows, as plain data: the shapes the panel's protocol sends to the webview. Types
// only, with no imports that carry code, so that the webview's browser bundle can name them without pulling in the
// rules behind them (./overview builds these from ARM and Provisioning API resources).

/** The ARM part: everything that comes from the gateway resource alone. */
export interface GatewayOverview {
  readonly name: string;
  /** The ARM resource id. */
  readonly id: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly location: string;
  /** "Complete" or "ChangePending" (the portal's Provisioning Status); undefined when ARM did not say. */
  readonly status?: string;
  /** "Succeeded", "Failed" or "Canceled"; undefined when ARM did not say. */
  readonly provisioningState?: string;
  /** One service location is a lab deployment (docs lab.md); two or more is production. */
  readonly deployment: 'production' | 'lab';
  /** `<label>.commsgw.azure.com`; undefined until ARM assigns the label. */
  readonly domain?: string;
  /** The Provisioning API's base URL for this cloud; undefined with the domain. */
  readonly provisioningApiUrl?: string;
  /** Callers the Provisioning API accepts (apiBridge.allowedAddressPrefixes); the first thing to check on a refusal. */
  readonly provisioningApiAllowlist: readonly string[];
  readonly serviceLocations: readonly ServiceLocationOverview[];
  readonly platforms: readonly PlatformOverview[];
  readonly emergency: EmergencyOverview;
  readonly codecs: readonly string[];
  readonly voicemailPilotNumber?: string;
  /** Teams Phone Mobile's Mobile Control Point: integratedMcpEnabled / onPremMcpEnabled. */
  readonly mcp: McpChoice;
  /** customSipHeaders.headers[].name: the header ACG adds towards the operator network. */
  readonly customSipHeaderNames: readonly string[];
}

export type McpChoice = 'integrated' | 'on-premises' | 'none';

export interface PlatformOverview {
  /** The ARM value, e.g. OperatorConnect. */
  readonly name: string;
  /** What an operator calls it: Operator Connect, Teams Phone Mobile, Direct Routing. */
  readonly label: string;
  /** OC, TPM, DR. */
  readonly short: string;
}

export interface EmergencyOverview {
  /** Standard or DirectToEsrp. */
  readonly e911Type?: string;
  readonly dialStrings: readonly string[];
}

export interface ServiceLocationOverview {
  readonly name: string;
  readonly operatorAddresses: readonly string[];
  readonly allowedSignalingSourceAddressPrefixes: readonly string[];
  readonly allowedMediaSourceAddressPrefixes: readonly string[];
  readonly esrpAddresses: readonly string[];
}

/** Service verification test lines against the 6 (production) / 3 (lab) automated lines per service rule. */
export interface TestLinesOverview {
  readonly deployment: 'production' | 'lab';
  /** Automated lines needed per service. */
  readonly required: number;
  readonly services: readonly ServiceCoverageOverview[];
  readonly lines: readonly TestLineRowOverview[];
  /** Human sentences, one per problem; empty when all is well. */
  readonly warnings: readonly string[];
}

export interface ServiceCoverageOverview {
  /** OperatorConnect or TeamsPhoneMobile. */
  readonly service: string;
  readonly label: string;
  /** OC or TPM: the test line name prefix. */
  readonly prefix: string;
  readonly automated: number;
  readonly required: number;
  readonly missing: number;
}

export interface TestLineRowOverview {
  readonly name: string;
  readonly phoneNumber: string;
  /** Automated or Manual. */
  readonly purpose: string;
  /** Why the number is not valid E.164, when it is not. */
  readonly problem?: string;
}

/** Record counts from the Provisioning API (x-ms-record-count). */
export interface ProvisioningCountsOverview {
  readonly accounts: number;
  readonly numbers: number;
}

/** Requests for information (Teams consents) by the operator's relationship status. */
export interface RequestCountsOverview {
  readonly total: number;
  /** Every group in a fixed order, with 0 for empty ones ("other" only when a status this version does not know came). */
  readonly groups: readonly RequestGroupCount[];
}

export interface RequestGroupCount {
  /** A relationship status, "none" (not answered yet) or "other". */
  readonly key: string;
  readonly label: string;
  readonly count: number;
}
