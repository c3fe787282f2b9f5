// Microsoft Graph v1.0 for the onboarding checks and fixes (API.md §4), through the official SDK with OUR pipeline as
// its transport (graphMiddleware.ts). The SDK is loaded on first use with a dynamic import, never at module load, so
// that it stays out of the extension's activation path.
import type { Client, GraphRequest } from '@microsoft/microsoft-graph-client';
import type { CloudEndpoints } from '../../core/clouds';
import { AcgError, isAcgError } from '../errors';
import type { HttpPipeline } from '../http/types';
import type { CallOptions } from './options';
import { DEFAULT_RESEND, resendOnTransient, type ResendPolicy } from './resend';
import { batchAnswerError, runBatch } from './graphBatch';
import { checkOnboardingWrite, type GraphWriteRequest } from './graphWrites';
import { GraphCall, PipelineMiddleware } from './graphMiddleware';
import { PROJECT_SYNERGY_APP_ID, PROVISIONING_APP_ID, assignmentsQuery, guid, servicePrincipalQuery, SP_SELECT } from './graphQueries';
import type {
  ApplicationRef,
  GraphApplicationCredentials,
  GraphAppRoleAssignment,
  GraphBatchRequest,
  GraphBatchResponse,
  GraphDomain,
  GraphDomainDnsRecord,
  GraphServicePrincipal,
  GraphUser,
  NewAppRoleAssignment,
} from './graphTypes';

export interface GraphClientOptions {
  /** Resending a $batch of GETs (a POST the pipeline does not retry) after a transient failure. */
  resend?: Partial<ResendPolicy>;
}

export interface GraphListOptions extends CallOptions {
  /** Items per page (`$top`, 1–999); Graph's default otherwise. */
  pageSize?: number;
}

/** A value, or why it could not be read: onboarding checks report each gap on its own. */
export type Outcome<T> = { value: T; error?: undefined } | { value?: undefined; error: AcgError };

export interface OnboardingDirectoryQuery extends CallOptions {
  /** Object ids of gateways' managed identities (ARM `identity.principalId`), whose Synergy roles are checked. */
  identityPrincipalIds?: readonly string[];
  /** Defaults: Project Synergy and AzureCommunicationsGateway (API.md §4). */
  synergyAppId?: string;
  provisioningAppId?: string;
}

export interface IdentityAssignments {
  principalId: string;
  /** The identity's app role assignments on Project Synergy (all of them when the Synergy SP was not found). */
  assignments: Outcome<GraphAppRoleAssignment[]>;
}

export interface OnboardingDirectoryState {
  /** The Project Synergy service principal; `value` undefined when it is not in the tenant. */
  synergy: Outcome<GraphServicePrincipal | undefined>;
  /** The AzureCommunicationsGateway service principal; `value` undefined when it is not in the tenant. */
  provisioningApp: Outcome<GraphServicePrincipal | undefined>;
  identities: IdentityAssignments[];
}

type Api = (path: string) => GraphRequest;

interface Collection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export class GraphClient {
  private sdk: Promise<Client> | undefined;
  private readonly scopes: string[];
  private readonly resend: ResendPolicy;

  constructor(
    private readonly pipeline: HttpPipeline,
    private readonly cloud: CloudEndpoints,
    options: GraphClientOptions = {},
  ) {
    this.scopes = [cloud.graphScope];
    this.resend = { ...DEFAULT_RESEND, ...options.resend };
  }

  // ---- Service principals and app roles --------------------------------------------------------------------------

  /** The tenant's service principal of an app (id, appId, displayName, appRoles), or undefined when absent. */
  async servicePrincipalByAppId(appId: string, options: CallOptions = {}): Promise<GraphServicePrincipal | undefined> {
    const operation = `find the service principal of app ${appId}`;
    guid(appId, 'app id', operation);
    const page = await this.run<Collection<GraphServicePrincipal>>(operation, options, (api) =>
      api('/servicePrincipals').filter(`appId eq '${appId}'`).select(SP_SELECT).get(), 'Application.Read.All');
    return page.value?.[0];
  }

  /** App role assignments a principal holds; with `resourceId`, only those on that resource (Graph filters by it). */
  async appRoleAssignments(principalId: string, options: GraphListOptions & { resourceId?: string } = {}): Promise<GraphAppRoleAssignment[]> {
    const operation = `read the app roles of ${principalId}`;
    guid(principalId, 'principal id', operation);
    if (options.resourceId !== undefined) guid(options.resourceId, 'resource id', operation);
    return this.collect<GraphAppRoleAssignment>(operation, options, (api) => {
      const request = api(`/servicePrincipals/${principalId}/appRoleAssignments`);
      return options.resourceId === undefined ? request : request.filter(`resourceId eq ${options.resourceId}`);
    });
  }

  /** Grants an app role (e.g. a missing Project Synergy role of a gateway's identity). Graph answers 201. */
  async assignAppRole(assignment: NewAppRoleAssignment, options: CallOptions = {}): Promise<GraphAppRoleAssignment> {
    const operation = `assign app role ${assignment.appRoleId} to ${assignment.principalId}`;
    for (const [what, value] of Object.entries(assignment)) guid(value, what, operation);
    return this.run(operation, options, (api) => api(`/servicePrincipals/${assignment.principalId}/appRoleAssignments`).post(assignment),
      'AppRoleAssignment.ReadWrite.All and Application.Read.All');
  }

  /** Who holds roles on a resource app (e.g. users' ProvisioningAPI.* roles on AzureCommunicationsGateway). */
  async appRoleAssignedTo(resourceId: string, options: GraphListOptions = {}): Promise<GraphAppRoleAssignment[]> {
    const operation = `read who holds roles on ${resourceId}`;
    guid(resourceId, 'resource id', operation);
    return this.collect<GraphAppRoleAssignment>(operation, options, (api) => api(`/servicePrincipals/${resourceId}/appRoleAssignedTo`));
  }

  // ---- The signed-in user (delegated tokens only) --------------------------------------------------------------

  async me(options: CallOptions = {}): Promise<GraphUser> {
    return this.run('read the signed-in user', options, (api) => api('/me').select(['id', 'displayName', 'userPrincipalName', 'mail']).get());
  }

  async myAppRoleAssignments(resourceId: string, options: GraphListOptions = {}): Promise<GraphAppRoleAssignment[]> {
    const operation = `read your app roles on ${resourceId}`;
    guid(resourceId, 'resource id', operation);
    return this.collect<GraphAppRoleAssignment>(operation, options, (api) => api('/me/appRoleAssignments').filter(`resourceId eq ${resourceId}`));
  }

  // ---- Domains -----------------------------------------------------------------------------------------------------

  /** The domain, or undefined when the tenant does not have it. */
  async getDomain(domain: string, options: CallOptions = {}): Promise<GraphDomain | undefined> {
    try {
      return await this.run<GraphDomain>(`read domain ${domain}`, options, (api) => api(`/domains/${encodeURIComponent(domain)}`).get(), 'Domain.Read.All');
    } catch (error) {
      if (isAcgError(error, 'notFound')) return undefined;
      throw error;
    }
  }

  async addDomain(domain: string, options: CallOptions = {}): Promise<GraphDomain> {
    return this.run(`add domain ${domain}`, options, (api) => api('/domains').post({ id: domain }), 'Domain.ReadWrite.All');
  }

  /** Asks Entra to check the TXT record; fails with `badRequest` (Graph's reason) until it is published. */
  async verifyDomain(domain: string, options: CallOptions = {}): Promise<GraphDomain> {
    return this.run(`verify domain ${domain}`, options, (api) => api(`/domains/${encodeURIComponent(domain)}/verify`).post(undefined), 'Domain.ReadWrite.All');
  }

  async domainVerificationRecords(domain: string, options: CallOptions = {}): Promise<GraphDomainDnsRecord[]> {
    return this.collect<GraphDomainDnsRecord>(`read the verification records of ${domain}`, options, (api) =>
      api(`/domains/${encodeURIComponent(domain)}/verificationDnsRecords`));
  }

  // ---- Applications ------------------------------------------------------------------------------------------------

  /** An app registration's password credentials (legacy Number Management Portal secrets expire). */
  async applicationPasswordCredentials(app: ApplicationRef, options: CallOptions = {}): Promise<GraphApplicationCredentials> {
    const operation = `read the secrets of app ${'appId' in app ? app.appId : app.objectId}`;
    const path = 'appId' in app ? `/applications(appId='${guid(app.appId, 'app id', operation)}')` : `/applications/${guid(app.objectId, 'object id', operation)}`;
    const found = await this.run<GraphApplicationCredentials>(operation, options, (api) =>
      api(path).select(['id', 'appId', 'displayName', 'passwordCredentials']).get(), 'Application.Read.All');
    return { ...found, passwordCredentials: found.passwordCredentials ?? [] };
  }

  // ---- Users and onboarding fixes ----------------------------------------------------------------------------------

  /** A user by object id or user principal name; undefined when the directory has no such user. */
  async user(idOrUpn: string, options: CallOptions = {}): Promise<GraphUser | undefined> {
    const operation = `find the user ${idOrUpn}`;
    if (!/^[^/?#\\]+$/.test(idOrUpn)) throw new AcgError({ kind: 'badRequest', message: `Not sent: '${idOrUpn}' is not a user id or user principal name.`, service: 'graph', operation });
    try {
      return await this.run<GraphUser>(operation, options, (api) =>
        api(`/users/${encodeURIComponent(idOrUpn)}`).select(['id', 'displayName', 'userPrincipalName', 'mail']).get(), 'User.Read.All');
    } catch (error) {
      if (isAcgError(error, 'notFound')) return undefined;
      throw error;
    }
  }

  /**
   * Sends one onboarding fix write (checkOnboardingWrite: only the fixes' paths, POST only; anything else is refused
   * before it is sent). Returns Graph's answer body.
   */
  async onboardingWrite(write: GraphWriteRequest & { body?: unknown; description?: string }, options: CallOptions = {}): Promise<unknown> {
    const operation = write.description ?? `${write.method} ${write.path}`;
    const { path, permission } = checkOnboardingWrite(write, operation);
    return this.run<unknown>(operation, options, (api) => api(`/${path}`).post(write.body), permission);
  }

  /** Every item of the pages after `link` (an inner `$batch` answer's @odata.nextLink). */
  async nextPages<T>(link: string, operation: string, options: CallOptions = {}): Promise<T[]> {
    return this.collectFrom<T>(link, operation, options);
  }

  // ---- Batching ------------------------------------------------------------------------------------------------------

  /** Any number of requests through `$batch`, ≤20 per call; answers in request order, failures as inner statuses. */
  async batch(requests: readonly GraphBatchRequest[], options: CallOptions = {}): Promise<GraphBatchResponse[]> {
    const operation = `run ${requests.length} Graph requests in a batch`;
    const send = async (chunk: GraphBatchRequest[]): Promise<GraphBatchResponse[]> => {
      // A batch of reads is safe to send again; one with a write is not (it might have been applied).
      const readOnly = chunk.every((r) => r.method === 'GET');
      const post = () => this.run<{ responses?: GraphBatchResponse[] }>(operation, options, (api) => api('/$batch').post({ requests: chunk }), undefined, readOnly);
      const answer = readOnly ? await resendOnTransient(post, { ...this.resend, operation, abortSignal: options.abortSignal }) : await post();
      return answer.responses ?? [];
    };
    return runBatch(requests, send, operation, options.abortSignal);
  }

  /**
   * What the onboarding checks read from the directory, in one `$batch`: the Project Synergy and
   * AzureCommunicationsGateway service principals and each gateway identity's app role assignments. Each part
   * carries its own error, so one denied read does not hide the others.
   */
  async getOnboardingDirectoryState(query: OnboardingDirectoryQuery = {}): Promise<OnboardingDirectoryState> {
    const operation = 'read the onboarding state of the directory';
    const synergyAppId = guid(query.synergyAppId ?? PROJECT_SYNERGY_APP_ID, 'app id', operation);
    const provisioningAppId = guid(query.provisioningAppId ?? PROVISIONING_APP_ID, 'app id', operation);
    const principals = (query.identityPrincipalIds ?? []).map((id) => guid(id, 'principal id', operation));
    const requests: GraphBatchRequest[] = [
      { id: 'synergy', method: 'GET', url: servicePrincipalQuery(synergyAppId) },
      { id: 'provisioning', method: 'GET', url: servicePrincipalQuery(provisioningAppId) },
      ...principals.map((id, i): GraphBatchRequest => ({ id: `identity-${i}`, method: 'GET', url: assignmentsQuery(id) })),
    ];
    const answers = await this.batch(requests, query);
    const read = async <T>(index: number): Promise<Outcome<T[]>> => {
      const error = batchAnswerError(requests[index], answers[index], this.cloud.graph, operation);
      if (error) return { error };
      const body = (answers[index].body ?? {}) as Collection<T>;
      const next = body['@odata.nextLink'];
      try {
        return { value: [...(body.value ?? []), ...(next ? await this.collectFrom<T>(next, operation, query) : [])] };
      } catch (failure) {
        if (isAcgError(failure) && failure.kind !== 'cancelled') return { error: failure };
        throw failure;
      }
    };
    const first = <T>(outcome: Outcome<T[]>): Outcome<T | undefined> => (outcome.error ? { error: outcome.error } : { value: outcome.value[0] });
    const synergy = first(await read<GraphServicePrincipal>(0));
    const provisioningApp = first(await read<GraphServicePrincipal>(1));
    const identities: IdentityAssignments[] = [];
    for (let i = 0; i < principals.length; i++) {
      const outcome = await read<GraphAppRoleAssignment>(i + 2);
      const synergyId = synergy.value?.id;
      // Graph's $filter on appRoleAssignments takes resourceId only; filtering here keeps the batch to plain GETs.
      const assignments = outcome.error || synergyId === undefined ? outcome : { value: outcome.value.filter((a) => a.resourceId === synergyId) };
      identities.push({ principalId: principals[i], assignments });
    }
    return { synergy, provisioningApp, identities };
  }

  // ---- Internals -----------------------------------------------------------------------------------------------------

  private client(): Promise<Client> {
    this.sdk ??= import('@microsoft/microsoft-graph-client')
      .then((sdk) =>
        sdk.Client.initWithMiddleware({
          middleware: new PipelineMiddleware(this.pipeline, this.scopes),
          baseUrl: `${this.cloud.graph}/`,
          defaultVersion: 'v1.0',
        }),
      )
      .catch((error: unknown) => {
        // A failed load is not cached: the next call tries again.
        this.sdk = undefined;
        throw new AcgError({ kind: 'unexpected', message: `The Microsoft Graph library could not be loaded: ${String(error)}`, service: 'graph', cause: error });
      });
    return this.sdk;
  }

  /** Runs one SDK request, turning the SDK's GraphError back into the AcgError the pipeline raised. */
  private async run<T>(operation: string, options: CallOptions, build: (api: Api) => Promise<T>, requiredPermission?: string, readOnly = false): Promise<T> {
    const call = new GraphCall(operation, options.abortSignal, requiredPermission, readOnly);
    const client = await this.client();
    // Every request carries `call`, so the middleware knows the operation and can park the pipeline's error.
    const api: Api = (path) => client.api(path).middlewareOptions([call]);
    try {
      return await build(api);
    } catch (error) {
      if (call.error) throw call.error;
      if (isAcgError(error)) throw error;
      throw new AcgError({ kind: 'unexpected', message: `Could not ${operation}: ${error instanceof Error ? error.message : String(error)}`, service: 'graph', operation, cause: error });
    }
  }

  /** Every page of a collection (Graph's server-driven paging through @odata.nextLink). */
  private async collect<T>(operation: string, options: GraphListOptions, first: (api: Api) => GraphRequest): Promise<T[]> {
    const page = await this.run<Collection<T>>(operation, options, (api) => {
      const request = first(api);
      return (options.pageSize === undefined ? request : request.top(options.pageSize)).get();
    });
    const next = page['@odata.nextLink'];
    return [...(page.value ?? []), ...(next ? await this.collectFrom<T>(next, operation, options) : [])];
  }

  private async collectFrom<T>(link: string, operation: string, options: CallOptions): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    for (let next: string | undefined = link; next !== undefined && !seen.has(next); ) {
      seen.add(next);
      const url = next;
      const page: Collection<T> = await this.run<Collection<T>>(operation, options, (api) => api(url).get());
      items.push(...(page.value ?? []));
      next = page['@odata.nextLink'];
    }
    return items;
  }
}
