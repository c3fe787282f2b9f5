// What the onboarding checks read from Microsoft Graph, in at most two `$batch` rounds (API.md §4). Round 1 needs
// nothing: the Project Synergy and AzureCommunicationsGateway service principals, the signed-in user and their app
// role assignments, and the app registrations from before May 2023. Round 2 needs the gateway (its identity and
// domain) and round 1's service principal ids. Every inner answer keeps its own error, so a 403 on one request
// fails only the keys that need it, with the permission it lacked (`requiredRole`, from the error mapper).
import { isGuid } from '../../core/ids';
import { PROJECT_SYNERGY_APP_ID, PROVISIONING_APP_ID, batchAnswerError, type GraphBatchRequest, type GraphBatchResponse, type GraphClient } from '../clients';
import { AcgError, isAcgError } from '../errors';

/** A value, or why it could not be read. */
export type Answer<T> = { readonly value: T; readonly error?: undefined } | { readonly value?: undefined; readonly error: AcgError };

/** Before this date, legacy deployments registered their own Billing and Call Duration Uploader apps. */
export const LEGACY_CUTOFF = '2023-05-01T00:00:00Z';
const SP_SELECT = 'id,appId,displayName,appRoles';
const APP_SELECT = 'id,appId,displayName,createdDateTime,passwordCredentials,requiredResourceAccess';
const OPERATION = 'read the onboarding state of the directory';

const q = encodeURIComponent;

export function servicePrincipalByAppId(appId: string, select = SP_SELECT): string {
  return `/servicePrincipals?$filter=${q(`appId eq '${appId}'`)}&$select=${select}`;
}

export interface RoundOneInput {
  /** App ids named by the caller (context.legacyAppIds), read whatever their creation date. */
  readonly legacyAppIds: readonly string[];
}

export function roundOneRequests(input: RoundOneInput): GraphBatchRequest[] {
  return [
    { id: 'synergy', method: 'GET', url: servicePrincipalByAppId(PROJECT_SYNERGY_APP_ID) },
    { id: 'acg', method: 'GET', url: servicePrincipalByAppId(PROVISIONING_APP_ID) },
    { id: 'me', method: 'GET', url: '/me?$select=id,displayName,userPrincipalName' },
    { id: 'myAssignments', method: 'GET', url: '/me/appRoleAssignments' },
    { id: 'legacy', method: 'GET', url: `/applications?$filter=${q(`createdDateTime le ${LEGACY_CUTOFF}`)}&$select=${APP_SELECT}` },
    ...input.legacyAppIds.filter(isGuid).map((appId, i): GraphBatchRequest => ({ id: `legacyApp-${i}`, method: 'GET', url: `/applications(appId='${appId}')?$select=${APP_SELECT}` })),
  ];
}

export interface RoundTwoInput {
  readonly identityPrincipalId?: string;
  readonly domainName?: string;
  readonly synergyId?: string;
  readonly acgId?: string;
  /** App ids of the legacy registrations, whose service principals hold (or lack) the Synergy roles. */
  readonly legacyAppIds: readonly string[];
}

export function roundTwoRequests(input: RoundTwoInput): GraphBatchRequest[] {
  const requests: GraphBatchRequest[] = [];
  const add = (id: string, url: string) => requests.push({ id, method: 'GET', url });
  const principal = input.identityPrincipalId;
  if (principal !== undefined && isGuid(principal)) {
    add('identitySp', `/servicePrincipals/${principal}?$select=id,appId`);
    // Graph filters appRoleAssignments by resourceId only (API.md §4).
    if (input.synergyId !== undefined) add('identityAssignments', `/servicePrincipals/${principal}/appRoleAssignments?$filter=${q(`resourceId eq ${input.synergyId}`)}`);
  }
  if (input.domainName !== undefined) {
    add('domain', `/domains/${q(input.domainName)}`);
    add('domainRecords', `/domains/${q(input.domainName)}/verificationDnsRecords`);
  }
  if (input.acgId !== undefined) add('acgAssignedTo', `/servicePrincipals/${input.acgId}/appRoleAssignedTo`);
  if (input.synergyId !== undefined) {
    add('synergyAssignedTo', `/servicePrincipals/${input.synergyId}/appRoleAssignedTo`);
    input.legacyAppIds.filter(isGuid).forEach((appId, i) => add(`legacySp-${i}`, servicePrincipalByAppId(appId, 'id,appId')));
  }
  return requests;
}

/** The answers of one round, by request id, with collections' later pages already followed. */
export class RoundAnswers {
  private constructor(private readonly answers: ReadonlyMap<string, Answer<unknown>>) {}

  /** `graphBase`: the cloud's Graph root, for the error mapper's URLs. */
  static async run(graph: GraphClient, graphBase: string, requests: readonly GraphBatchRequest[], signal?: AbortSignal): Promise<RoundAnswers> {
    if (requests.length === 0) return new RoundAnswers(new Map());
    const responses = await graph.batch(requests, signal ? { abortSignal: signal } : {});
    const entries = await Promise.all(
      requests.map(async (request, i): Promise<[string, Answer<unknown>]> => [request.id, await answerOf(graph, graphBase, request, responses[i], signal)]),
    );
    return new RoundAnswers(new Map(entries));
  }

  /** The answer to request `id`; an error when the request was not sent (its input was missing). */
  get(id: string): Answer<unknown> {
    return this.answers.get(id) ?? { error: new AcgError({ kind: 'unexpected', message: `Microsoft Graph was not asked '${id}' while trying to ${OPERATION}.`, service: 'graph', operation: OPERATION }) };
  }

  has(id: string): boolean {
    return this.answers.has(id);
  }
}

async function answerOf(graph: GraphClient, graphBase: string, request: GraphBatchRequest, response: GraphBatchResponse, signal?: AbortSignal): Promise<Answer<unknown>> {
  const error = batchAnswerError(request, response, graphBase, OPERATION);
  if (error) return { error };
  const body = response.body;
  if (!isRecord(body)) return { value: body };
  const next = body['@odata.nextLink'];
  const first = body.value;
  if (typeof next !== 'string' || !Array.isArray(first)) return { value: body };
  try {
    const rest = await graph.nextPages<unknown>(next, OPERATION, signal ? { abortSignal: signal } : {});
    return { value: { ...body, value: [...(first as unknown[]), ...rest] } };
  } catch (failure) {
    if (isAcgError(failure) && failure.kind !== 'cancelled') return { error: failure };
    throw failure;
  }
}

/** The `value` array of a collection answer. */
export function items<T>(answer: Answer<unknown>): Answer<T[]> {
  if (answer.error) return answer;
  const body = answer.value;
  return { value: isRecord(body) && Array.isArray(body.value) ? (body.value as T[]) : [] };
}

/** An entity answer, with 404 (Graph's Request_ResourceNotFound) as undefined. */
export function entityOrAbsent<T>(answer: Answer<unknown>): Answer<T | undefined> {
  if (answer.error) return isAcgError(answer.error, 'notFound') ? { value: undefined } : answer;
  return { value: isRecord(answer.value) ? (answer.value as T) : undefined };
}

/** Graph's answer to `/me` with an application token: a 400, not a failure (there is no signed-in user). */
export function isAppOnlyAnswer(answer: Answer<unknown>): boolean {
  return answer.error !== undefined && answer.error.kind === 'badRequest' && /delegated authentication flow/i.test(answer.error.message);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
