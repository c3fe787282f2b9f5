// The onboarding checks' reads against the real services: ARM for the gateway and its test lines, the gateway's
// Provisioning API, and Microsoft Graph through at most two `$batch` rounds (./directory). Everything is read at most
// once per reads instance and shared between the checks. ARM, the Provisioning API and Graph's first round start
// together, so a full run costs about two round trips: the gateway (with Graph round 1), then Graph round 2 (with the
// Provisioning API). A key fails on its own: the error of the read it needed, with `requiredRole` when one is missing.
import { gatewayDomain, type CloudEndpoints } from '../../core/clouds';
import { isGuid, parseGatewayId } from '../../core/ids';
import type { CommunicationsGateway } from '../../core/models';
import type {
  AppRoleInfo,
  DirectoryUserInfo,
  DnsRecordInfo,
  DomainState,
  IdentityState,
  LegacyApplicationInfo,
  OnboardingData,
  OnboardingReads,
  ReadKey,
  RoleAssignmentInfo,
  ServicePrincipalInfo,
} from '../../core/onboarding/types';
import { PROJECT_SYNERGY_APP_ID } from '../../core/onboarding/roles';
import {
  type ArmClient,
  type GraphAppRoleAssignment,
  type GraphClient,
  type GraphDomain,
  type GraphDomainDnsRecord,
  type GraphServicePrincipal,
  type GraphUser,
  type ProvisioningClient,
} from '../clients';
import { AcgError } from '../errors';
import { entityOrAbsent, isAppOnlyAnswer, items, RoundAnswers, roundOneRequests, roundTwoRequests, type Answer } from './directory';
import { probeProvisioningApi, readAccounts } from './provisioningReads';

/** The service clients the reads need; the host's AcgServices satisfies it structurally. */
export interface OnboardingClients {
  cloud: CloudEndpoints;
  arm: ArmClient;
  graph: GraphClient;
  provisioning(gatewayDomain: string): ProvisioningClient;
}

/** What the caller knows beyond the services: the workspace's intentions and the marks people made. */
export interface OnboardingContext {
  intendedPlatforms?: OnboardingData['intendedPlatforms'];
  integrationNumbers?: readonly OnboardingData['integrationNumbers'][number][];
  marks?: OnboardingData['marks'];
  /** Legacy app registrations to check whatever their creation date (Billing, Call Duration Uploader). */
  legacyAppIds?: readonly string[];
  now?: () => Date;
}

interface LegacyApplicationEntity {
  id: string;
  appId: string;
  displayName?: string | null;
  createdDateTime?: string | null;
  passwordCredentials?: { keyId?: string | null; displayName?: string | null; endDateTime?: string | null }[];
  requiredResourceAccess?: { resourceAppId?: string; resourceAccess?: { id?: string; type?: string }[] }[];
}

interface RoundOne {
  answers: RoundAnswers;
  synergy: Answer<GraphServicePrincipal | undefined>;
  acg: Answer<GraphServicePrincipal | undefined>;
  legacyApps: Answer<LegacyApplicationEntity[]>;
}

interface RoundTwo {
  answers: RoundAnswers;
  /** The gateway read's error, for the keys that needed the gateway. */
  gatewayError?: AcgError;
  identityPrincipalId?: string;
  domainName?: string;
}

export function createOnboardingReads(clients: OnboardingClients, gatewayId: string, context: OnboardingContext = {}): OnboardingReads {
  return new OnboardingReader(clients, gatewayId, context);
}

class OnboardingReader implements OnboardingReads {
  private readonly memo = new Map<ReadKey, Promise<unknown>>();
  private gatewayRead: Promise<CommunicationsGateway> | undefined;
  private roundOne: Promise<RoundOne> | undefined;
  private roundTwo: Promise<RoundTwo> | undefined;

  constructor(
    private readonly clients: OnboardingClients,
    private readonly gatewayId: string,
    private readonly context: OnboardingContext,
  ) {}

  /** Memoised per key; the first caller's signal cancels the shared read. */
  read<K extends ReadKey>(key: K, signal?: AbortSignal): Promise<OnboardingData[K]> {
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.load(key, signal);
      // A rejection is reported to whoever awaits it; the memo itself must not count as unhandled.
      pending.catch(() => undefined);
      this.memo.set(key, pending);
    }
    return pending as Promise<OnboardingData[K]>;
  }

  private async load(key: ReadKey, signal?: AbortSignal): Promise<unknown> {
    switch (key) {
      case 'gateway':
        return this.gateway(signal);
      case 'testLines':
        return this.clients.arm.listTestLines(this.ref(), options(signal));
      case 'intendedPlatforms':
        return this.context.intendedPlatforms ?? { platforms: (await this.gateway(signal)).properties?.platforms ?? [], source: 'the gateway' };
      case 'integrationNumbers':
        return this.context.integrationNumbers ?? [];
      case 'marks':
        return this.context.marks ?? {};
      case 'now':
        return this.context.now?.() ?? new Date();
      case 'provisioningApi':
        return probeProvisioningApi(await this.provisioningClient(signal), signal);
      case 'accounts':
        return readAccounts(await this.provisioningClient(signal), signal);
      case 'me':
        return this.me(signal);
      case 'synergy':
        return servicePrincipalInfo(valueOf((await this.first(signal)).synergy));
      case 'provisioningApp':
        return servicePrincipalInfo(valueOf((await this.first(signal)).acg));
      case 'myAssignments':
        return this.myAssignments(signal);
      case 'identity':
        return this.identity(signal);
      case 'provisioningAssignedTo':
        return this.provisioningAssignedTo(signal);
      case 'domain':
        return this.domain(signal);
      case 'legacyApplications':
        return this.legacyApplications(signal);
    }
  }

  // ---- ARM and the Provisioning API ----------------------------------------------------------------------------------

  private ref() {
    const ref = parseGatewayId(this.gatewayId);
    if (!ref) throw new AcgError({ kind: 'badRequest', message: `Not sent: '${this.gatewayId}' is not a Communications Gateway resource id.`, service: 'arm', operation: 'read the gateway' });
    return ref;
  }

  private gateway(signal?: AbortSignal): Promise<CommunicationsGateway> {
    if (!this.gatewayRead) {
      this.gatewayRead = Promise.resolve().then(() => this.clients.arm.getGateway(this.ref(), options(signal)));
      this.gatewayRead.catch(() => undefined);
    }
    return this.gatewayRead;
  }

  private async provisioningClient(signal?: AbortSignal): Promise<ProvisioningClient> {
    const domain = domainNameOf(await this.gateway(signal));
    if (domain === undefined) {
      throw new AcgError({ kind: 'notFound', message: 'The gateway has no domain yet (autoGeneratedDomainNameLabel is empty), so it has no Provisioning API to call.', service: 'provisioning', operation: 'find the Provisioning API' });
    }
    return this.clients.provisioning(domain);
  }

  // ---- Graph rounds ------------------------------------------------------------------------------------------------

  private first(signal?: AbortSignal): Promise<RoundOne> {
    this.roundOne ??= (async () => {
      const answers = await RoundAnswers.run(this.clients.graph, this.clients.cloud.graph, roundOneRequests({ legacyAppIds: this.context.legacyAppIds ?? [] }), signal);
      const firstOf = (id: string): Answer<GraphServicePrincipal | undefined> => {
        const list = items<GraphServicePrincipal>(answers.get(id));
        return list.error ? list : { value: list.value[0] };
      };
      return { answers, synergy: firstOf('synergy'), acg: firstOf('acg'), legacyApps: this.legacyApps(answers) };
    })();
    return this.roundOne;
  }

  /** Registrations from before the cutoff that request Project Synergy permissions, plus the ones the caller named. */
  private legacyApps(answers: RoundAnswers): Answer<LegacyApplicationEntity[]> {
    const listed = items<LegacyApplicationEntity>(answers.get('legacy'));
    if (listed.error) return listed;
    const found = listed.value.filter((app) => requestedSynergyRoles(app).length > 0);
    const named = (this.context.legacyAppIds ?? []).filter(isGuid);
    for (let i = 0; i < named.length; i++) {
      const one = entityOrAbsent<LegacyApplicationEntity>(answers.get(`legacyApp-${i}`));
      if (one.error) return one;
      const app = one.value;
      if (app && !found.some((other) => other.appId.toLowerCase() === app.appId.toLowerCase())) found.push(app);
    }
    return { value: found };
  }

  private second(signal?: AbortSignal): Promise<RoundTwo> {
    this.roundTwo ??= (async () => {
      const [gateway, first] = await Promise.all([settle(this.gateway(signal)), this.first(signal)]);
      const principal = gateway.value?.identity?.principalId;
      const identityPrincipalId = principal !== undefined && isGuid(principal) ? principal : undefined;
      const domainName = gateway.value ? domainNameOf(gateway.value) : undefined;
      const requests = roundTwoRequests({
        identityPrincipalId,
        domainName,
        synergyId: first.synergy.value?.id,
        acgId: first.acg.value?.id,
        legacyAppIds: (first.legacyApps.value ?? []).map((app) => app.appId),
      });
      const answers = await RoundAnswers.run(this.clients.graph, this.clients.cloud.graph, requests, signal);
      return { answers, ...(gateway.error ? { gatewayError: gateway.error } : {}), identityPrincipalId, domainName };
    })();
    return this.roundTwo;
  }

  // ---- Keys ----------------------------------------------------------------------------------------------------------

  private async me(signal?: AbortSignal): Promise<DirectoryUserInfo | undefined> {
    const answer = (await this.first(signal)).answers.get('me');
    if (isAppOnlyAnswer(answer)) return undefined;
    const user = valueOf(entityOrAbsent<GraphUser>(answer));
    return user ? { id: user.id, displayName: user.displayName ?? null, userPrincipalName: user.userPrincipalName ?? null } : undefined;
  }

  private async myAssignments(signal?: AbortSignal): Promise<RoleAssignmentInfo[]> {
    const first = await this.first(signal);
    const answer = first.answers.get('myAssignments');
    // Signed in as an application: there is no user, so no user's roles.
    if (isAppOnlyAnswer(answer)) return [];
    const mine = valueOf(items<GraphAppRoleAssignment>(answer));
    const synergy = valueOf(first.synergy);
    return synergy ? mine.filter((a) => a.resourceId === synergy.id).map(assignmentInfo) : [];
  }

  private async identity(signal?: AbortSignal): Promise<IdentityState> {
    const [first, second] = await Promise.all([this.first(signal), this.second(signal)]);
    if (second.gatewayError) throw second.gatewayError;
    const principalId = second.identityPrincipalId;
    if (principalId === undefined) return { synergyAssignments: [] };
    const sp = valueOf(entityOrAbsent<GraphServicePrincipal>(second.answers.get('identitySp')));
    const synergy = valueOf(first.synergy);
    const assignments = synergy ? valueOf(items<GraphAppRoleAssignment>(second.answers.get('identityAssignments'))) : [];
    return {
      principalId,
      ...(sp?.appId ? { appId: sp.appId } : {}),
      synergyAssignments: assignments.filter((a) => synergy !== undefined && a.resourceId === synergy.id).map(assignmentInfo),
    };
  }

  private async provisioningAssignedTo(signal?: AbortSignal): Promise<RoleAssignmentInfo[]> {
    const [first, second] = await Promise.all([this.first(signal), this.second(signal)]);
    if (!valueOf(first.acg)) return [];
    return valueOf(items<GraphAppRoleAssignment>(second.answers.get('acgAssignedTo'))).map(assignmentInfo);
  }

  private async domain(signal?: AbortSignal): Promise<DomainState> {
    const second = await this.second(signal);
    if (second.gatewayError) throw second.gatewayError;
    const name = second.domainName;
    if (name === undefined) return { verificationRecords: [] };
    const entry = valueOf(entityOrAbsent<GraphDomain>(second.answers.get('domain')));
    if (!entry) return { name, verificationRecords: [] };
    const records = entry.isVerified ? [] : valueOf(items<GraphDomainDnsRecord>(second.answers.get('domainRecords'))).map(dnsRecordInfo);
    return { name, entry: { id: entry.id, isVerified: entry.isVerified }, verificationRecords: records };
  }

  private async legacyApplications(signal?: AbortSignal): Promise<LegacyApplicationInfo[]> {
    const [first, second] = await Promise.all([this.first(signal), this.second(signal)]);
    const apps = valueOf(first.legacyApps);
    if (apps.length === 0) return [];
    const synergy = valueOf(first.synergy);
    const grants = synergy ? valueOf(items<GraphAppRoleAssignment>(second.answers.get('synergyAssignedTo'))) : [];
    return apps.map((app, i): LegacyApplicationInfo => {
      const sp = synergy ? valueOf(items<GraphServicePrincipal>(second.answers.get(`legacySp-${i}`)))[0] : undefined;
      return {
        appId: app.appId,
        displayName: app.displayName ?? null,
        createdDateTime: app.createdDateTime ?? null,
        grantedSynergyRoleIds: sp ? grants.filter((g) => g.principalId === sp.id).map((g) => g.appRoleId) : [],
        requestedSynergyRoleIds: requestedSynergyRoles(app),
        secrets: (app.passwordCredentials ?? []).map((p) => ({
          displayName: p.displayName ?? null,
          ...(p.keyId ? { keyId: p.keyId } : {}),
          endDateTime: p.endDateTime ?? null,
        })),
      };
    });
  }
}

// ---- Helpers ---------------------------------------------------------------------------------------------------------

function options(signal?: AbortSignal): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

/** The value, or the read's error thrown (with its `requiredRole`). */
function valueOf<T>(answer: Answer<T>): T {
  if (answer.error) throw answer.error;
  return answer.value as T;
}

async function settle<T>(promise: Promise<T>): Promise<Answer<T>> {
  try {
    return { value: await promise };
  } catch (error) {
    if (error instanceof AcgError) return { error };
    throw error;
  }
}

function domainNameOf(gateway: CommunicationsGateway): string | undefined {
  const label = gateway.properties?.autoGeneratedDomainNameLabel;
  return label ? gatewayDomain(label) : undefined;
}

function requestedSynergyRoles(app: LegacyApplicationEntity): string[] {
  return (app.requiredResourceAccess ?? [])
    .filter((r) => r.resourceAppId?.toLowerCase() === PROJECT_SYNERGY_APP_ID)
    .flatMap((r) => r.resourceAccess ?? [])
    .filter((a) => a.type === 'Role' && typeof a.id === 'string')
    .map((a) => a.id as string);
}

function servicePrincipalInfo(sp: GraphServicePrincipal | undefined): ServicePrincipalInfo | undefined {
  if (!sp) return undefined;
  return {
    id: sp.id,
    appId: sp.appId,
    displayName: sp.displayName ?? null,
    appRoles: (sp.appRoles ?? []).map((r): AppRoleInfo => ({ id: r.id, value: r.value, displayName: r.displayName ?? null, allowedMemberTypes: r.allowedMemberTypes })),
  };
}

function assignmentInfo(a: GraphAppRoleAssignment): RoleAssignmentInfo {
  return {
    id: a.id,
    principalId: a.principalId,
    principalType: a.principalType ?? null,
    principalDisplayName: a.principalDisplayName ?? null,
    resourceId: a.resourceId,
    appRoleId: a.appRoleId,
  };
}

function dnsRecordInfo(r: GraphDomainDnsRecord): DnsRecordInfo {
  return { recordType: r.recordType, label: r.label, ...(r.text !== undefined ? { text: r.text } : {}), ttl: r.ttl };
}
