// The onboarding checks' contract: what a check reads, what it reports, and what its fix would write. Plain data
// only, with no imports that carry code, so that the webview's browser bundle, the CLI and the host can all name
// these shapes. Every step of the onboarding guides (API.md §4, DESIGN.md "Onboarding checks") becomes one
// CheckDefinition in ./registry; ./run runs them against injected reads.
import type { CommunicationsGateway, CommunicationsPlatform, TestLine } from '../models/arm';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'manual' | 'skipped' | 'error';

/** The order of the onboarding guides: deploy, Entra set-up, Operator Connect, Teams Phone Mobile, going live. */
export type CheckStage = 'deployment' | 'entra' | 'operatorConnect' | 'teamsPhoneMobile' | 'goLive';

/** A JSON value: evidence and fix bodies travel to the webview, the CLI's JSON and SARIF, and the Markdown report. */
export type EvidenceValue = string | number | boolean | null | readonly EvidenceValue[] | { readonly [key: string]: EvidenceValue };

/** One value a check read, shown as "label: value". `copy` puts a copy button beside it (app ids, TXT records). */
export interface Evidence {
  readonly label: string;
  readonly value: EvidenceValue;
  readonly copy?: boolean;
}

export interface CheckSource {
  readonly title: string;
  readonly url: string;
}

/**
 * One request a fix sends. `path` is relative to the service's root (Graph: after `/v1.0`; ARM: from
 * `/subscriptions`). Strings in `path` and `body` may hold `{{input:<id>}}` placeholders that ./fixes fills from
 * the fix's inputs once the user has chosen them.
 */
export interface FixWrite {
  readonly service: 'graph' | 'arm';
  readonly method: 'POST' | 'PUT' | 'PATCH';
  readonly path: string;
  readonly body?: EvidenceValue;
  /** What it changes, in words: "Assign Data.Read (eb63d611-…) to fabrikam-new-gw's managed identity". */
  readonly description: string;
}

/** A value the user chooses before a fix can run (the role and the user of a Provisioning API role assignment). */
export type FixInput =
  | { readonly id: string; readonly label: string; readonly kind: 'choice'; readonly options: readonly { readonly value: string; readonly label: string }[] }
  /** A user or group: an object id, or a user principal name that the host resolves to one. */
  | { readonly id: string; readonly label: string; readonly kind: 'principal' };

export interface CheckFix {
  readonly title: string;
  /** One sentence: what the fix does and why it is safe. */
  readonly description: string;
  readonly writes: readonly FixWrite[];
  readonly inputs?: readonly FixInput[];
  /** Writes that replicate with a delay (role assignments): re-check with a short backoff until the check passes. */
  readonly recheckWithBackoff?: boolean;
}

/** What `evaluate` decides from the values it read. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  /** One line a person reads first: "2 of 7 Project Synergy roles are missing: Data.Read, Data.Write." */
  readonly summary: string;
  readonly evidence: readonly Evidence[];
  readonly fix?: CheckFix;
}

export interface CheckResult extends CheckOutcome {
  readonly id: string;
  readonly title: string;
  readonly stage: CheckStage;
  readonly why: string;
  readonly source: CheckSource;
  /** Manual checks are recorded as done by a person; the panel shows a checkbox for them. */
  readonly manual: boolean;
}

// ---- What the checks read ------------------------------------------------------------------------------------------

export interface AppRoleInfo {
  readonly id: string;
  readonly value: string | null;
  readonly displayName?: string | null;
  readonly allowedMemberTypes?: readonly string[];
}

export interface ServicePrincipalInfo {
  readonly id: string;
  readonly appId: string;
  readonly displayName?: string | null;
  readonly appRoles?: readonly AppRoleInfo[];
}

export interface RoleAssignmentInfo {
  readonly id?: string;
  readonly principalId: string;
  readonly principalType?: string | null;
  readonly principalDisplayName?: string | null;
  readonly resourceId: string;
  readonly appRoleId: string;
}

export interface DirectoryUserInfo {
  readonly id: string;
  readonly displayName?: string | null;
  readonly userPrincipalName?: string | null;
}

export interface DnsRecordInfo {
  readonly recordType: string;
  readonly label: string;
  /** TXT records: the value to publish (`MS=ms…`). */
  readonly text?: string;
  readonly ttl?: number;
}

/** The gateway's base domain in Entra (`<label>.commsgw.azure.com`). */
export interface DomainState {
  /** Undefined while ARM has not assigned the gateway a domain label. */
  readonly name?: string;
  /** Entra's entry for the domain; undefined when the tenant does not have it. */
  readonly entry?: { readonly id: string; readonly isVerified: boolean };
  /** The records to publish for verification; empty when the domain is absent or already verified. */
  readonly verificationRecords: readonly DnsRecordInfo[];
}

/** The gateway's system-assigned managed identity and its app role assignments on Project Synergy. */
export interface IdentityState {
  /** ARM `identity.principalId`; undefined when the gateway has no system-assigned identity. */
  readonly principalId?: string;
  /** The identity's application id, which the Operator Connect portal asks for; undefined until read. */
  readonly appId?: string;
  readonly synergyAssignments: readonly RoleAssignmentInfo[];
}

/** One call to the gateway's Provisioning API from here. */
export interface ProvisioningApiProbe {
  readonly url: string;
  readonly reachable: boolean;
  /** The HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** The caller's address, when the answer shows it (a refusal names the address it refused). */
  readonly callerAddress?: string;
  /** Why it was not reachable, in words. */
  readonly problem?: string;
  readonly elapsedMs?: number;
}

/** A pre-May-2023 app registration (Billing, Call Duration Uploader) that requests Project Synergy permissions. */
export interface LegacyApplicationInfo {
  readonly appId: string;
  readonly displayName?: string | null;
  readonly createdDateTime?: string | null;
  /** Project Synergy roles the app's service principal holds: the admin consent the guide asks for. */
  readonly grantedSynergyRoleIds: readonly string[];
  /** Roles the registration requests (requiredResourceAccess) on Project Synergy. */
  readonly requestedSynergyRoleIds: readonly string[];
  readonly secrets: readonly { readonly displayName?: string | null; readonly keyId?: string; readonly endDateTime?: string | null }[];
}

/** The Provisioning API's accounts, for go-live readiness (numbers uploaded and synced). */
export interface AccountStateInfo {
  readonly name: string;
  readonly serviceProvisioningStatus?: string;
  readonly numberCount: number;
}

/** Numbers an `*.acg-gateway.json` in the workspace reserves for integration testing. */
export interface IntegrationNumbers {
  /** Where they came from, for the evidence: a workspace-relative path. */
  readonly file: string;
  readonly numbers: readonly string[];
}

/** A manual step a person marked done, kept per gateway. */
export interface ManualMark {
  readonly done: boolean;
  /** ISO 8601. */
  readonly at: string;
  readonly by?: string;
}

/**
 * Everything any check reads. A check names the keys it needs; ./run asks the injected reader for each key once and
 * shares the answer between checks. A read that fails (a 403, a timeout) fails only the checks that need it.
 */
export interface OnboardingData {
  readonly gateway: CommunicationsGateway;
  readonly testLines: readonly TestLine[];
  /** The services the operator is setting up: from the workspace's gateway file, the CLI, or the gateway itself. */
  readonly intendedPlatforms: { readonly platforms: readonly CommunicationsPlatform[]; readonly source: string };
  readonly integrationNumbers: readonly IntegrationNumbers[];
  /** The signed-in user; undefined when signed in as an application (no /me). */
  readonly me: DirectoryUserInfo | undefined;
  /** Project Synergy's service principal; undefined when the tenant does not have it. */
  readonly synergy: ServicePrincipalInfo | undefined;
  /** The signed-in user's app role assignments on Project Synergy. */
  readonly myAssignments: readonly RoleAssignmentInfo[];
  readonly identity: IdentityState;
  /** The AzureCommunicationsGateway service principal; undefined when the tenant does not have it. */
  readonly provisioningApp: ServicePrincipalInfo | undefined;
  /** Who holds roles on AzureCommunicationsGateway. */
  readonly provisioningAssignedTo: readonly RoleAssignmentInfo[];
  readonly domain: DomainState;
  readonly provisioningApi: ProvisioningApiProbe;
  readonly legacyApplications: readonly LegacyApplicationInfo[];
  readonly accounts: readonly AccountStateInfo[];
  /** Manual steps marked done for this gateway, by check id. */
  readonly marks: Readonly<Record<string, ManualMark>>;
  /** The clock, injected so that expiry checks are testable. */
  readonly now: Date;
}

export type ReadKey = keyof OnboardingData;

/**
 * Reads one key. It throws when the read fails; the error's `message` is shown, and a `requiredRole` property (as
 * src/azure's AcgError carries) names the permission or role that was missing.
 */
export interface OnboardingReads {
  read<K extends ReadKey>(key: K, signal?: AbortSignal): Promise<OnboardingData[K]>;
}

export interface CheckDefinition<K extends ReadKey = ReadKey> {
  /** Stable: reports, marks, SARIF rule ids and `acg check --fix <id>` name checks by it. */
  readonly id: string;
  readonly title: string;
  readonly stage: CheckStage;
  readonly why: string;
  readonly source: CheckSource;
  readonly manual?: boolean;
  readonly reads: readonly K[];
  evaluate(data: Pick<OnboardingData, K>): CheckOutcome;
}
