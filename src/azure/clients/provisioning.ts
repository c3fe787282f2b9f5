// The ACG Provisioning API (2024-02-29-preview, API.md §2) of one gateway: accounts, numbers (single and batch),
// civic addresses, capability plans and requests for information. Writes carry Repeatability-* headers (built once
// per write, so the pipeline's retries resend the same ones) and If-Match when the caller holds an ETag; reads return
// the ETag with the resource. Values are checked against the rule table before anything is sent, and every write
// first checks the caller's ProvisioningAPI roles (src/core/provisioningAccess.ts): one who lacks the role is told
// which one before anything is sent. Writes name their target for the audit log.
import { provisioningApiBaseUrl, type CloudEndpoints } from '../../core/clouds';
import {
  PROVISIONING_API_VERSION,
  type AccountResource,
  type CustomerRelationship,
  type NumberResource,
  type RequestForInformationResource,
  type TeamsAvailableCapabilities,
  type TeamsCapabilityPlans,
  type TeamsCivicAddressResource,
} from '../../core/models';
import {
  validateAccount,
  validateAccountName,
  validateBatchSize,
  validateCustomerRelationship,
  validateNumber,
  validateTelephoneNumber,
  validateTenantId,
} from '../../core/rules';
import type { ProvisioningWrite } from '../../core/provisioningAccess';
import { AcgError } from '../errors';
import { ifMatchHeaders, repeatabilityHeaders, type RepeatabilityHeaders } from '../http/headers';
import type { HttpMethod, HttpPipeline, PipelineRequest, PipelineResponse } from '../http/types';
import { listPages, type ListPages } from './paging';
import { runBatches, sendBatch, type BatchRunOptions } from './provisioningBatches';
import { DEFAULT_RESEND, type ResendPolicy } from './resend';
import type { CallOptions } from './options';
import { check, checkNumberIds, checkNumbersFor } from './provisioningChecks';
import { provisioningRoleCheck } from './provisioningRoleCheck';
import {
  DEFAULT_PROVISIONING_SCOPE,
  type ConditionalOptions,
  type CreateOptions,
  type DeleteAccountOptions,
  type ProvisioningClientOptions,
  type ProvisioningListOptions,
  type RelationshipUpdate,
  type WithEtag,
  type WriteOptions,
} from './provisioningTypes';

const part = encodeURIComponent;
/** A listing that only counts: the total in x-ms-record-count, and one record at most in the body. */
const COUNT_ONLY = { countRecords: true, top: 1, maxpagesize: 1 } as const;

export class ProvisioningClient {
  /** `https://provapi.<domain>` (or the emulator's path for it). */
  readonly baseUrl: string;
  private readonly scopes: string[];
  private readonly resend: ResendPolicy;
  private readonly rolePreflight: boolean;

  constructor(
    private readonly pipeline: HttpPipeline,
    cloud: CloudEndpoints,
    /** The gateway's base domain, `<label>.commsgw.azure.com`; also the limiter key. */
    readonly gatewayDomain: string,
    options: ProvisioningClientOptions = {},
  ) {
    this.baseUrl = provisioningApiBaseUrl(gatewayDomain, cloud);
    this.scopes = [options.scope ?? DEFAULT_PROVISIONING_SCOPE];
    this.resend = { ...DEFAULT_RESEND, ...options.resend };
    this.rolePreflight = options.rolePreflight ?? true;
  }

  // ---- Accounts --------------------------------------------------------------------------------------------------

  listAccounts(options: ProvisioningListOptions = {}): ListPages<AccountResource> {
    return this.list('/accounts', 'list accounts', options);
  }

  /** How many accounts the gateway has (x-ms-record-count), reading at most one. */
  async countAccounts(options: Pick<ProvisioningListOptions, 'filter' | 'abortSignal'> = {}): Promise<number> {
    return this.count(this.listAccounts({ ...options, ...COUNT_ONLY }), 'count accounts');
  }

  async getAccount(name: string, options: CallOptions = {}): Promise<WithEtag<AccountResource>> {
    const operation = `get account ${name}`;
    check(validateAccountName(name), operation, `account name ${name}`);
    return this.read(`/accounts/${part(name)}`, operation, options);
  }

  async createOrReplaceAccount(account: AccountResource, options: CreateOptions = {}): Promise<WithEtag<AccountResource>> {
    const operation = `save account ${account.name}`;
    check(validateAccount(account), operation, `account ${account.name}`);
    const write: ProvisioningWrite = options.onlyIfNew ? 'createAccount' : 'updateAccount';
    return this.write('PUT', `/accounts/${part(account.name)}`, operation, options, { write, target: { account: account.name }, body: account });
  }

  /** Without `deleteNumbers`, the service refuses (AcgError `conflict`) while the account still has numbers. */
  async deleteAccount(name: string, options: DeleteAccountOptions = {}): Promise<void> {
    const operation = `delete account ${name}`;
    check(validateAccountName(name), operation, `account name ${name}`);
    const query: Record<string, string> = options.deleteNumbers ? { deleteNumbers: 'true' } : {};
    await this.write('DELETE', `/accounts/${part(name)}`, operation, options, { write: 'deleteAccount', target: { account: name }, query });
  }

  // ---- Numbers ---------------------------------------------------------------------------------------------------

  listNumbers(account: string, options: ProvisioningListOptions = {}): ListPages<NumberResource> {
    check(validateAccountName(account), `list numbers of ${account}`, `account name ${account}`);
    return this.list(`/accounts/${part(account)}/numbers`, `list numbers of ${account}`, options);
  }

  /** Every number of the gateway, across accounts (`GET /numbers`); use `filter` to narrow it. */
  listAllNumbers(options: ProvisioningListOptions = {}): ListPages<NumberResource> {
    return this.list('/numbers', 'list numbers', options);
  }

  /** How many numbers match (x-ms-record-count), reading at most one. `account` undefined: the whole gateway. */
  async countNumbers(account?: string, options: Pick<ProvisioningListOptions, 'filter' | 'abortSignal'> = {}): Promise<number> {
    const pages = account === undefined ? this.listAllNumbers({ ...options, ...COUNT_ONLY }) : this.listNumbers(account, { ...options, ...COUNT_ONLY });
    return this.count(pages, 'count numbers');
  }

  async getNumber(account: string, telephoneNumber: string, options: CallOptions = {}): Promise<WithEtag<NumberResource>> {
    const operation = `get number ${telephoneNumber}`;
    check([...validateAccountName(account, ['accountName']), ...validateTelephoneNumber(telephoneNumber, ['telephoneNumber'])], operation, `number ${telephoneNumber}`);
    return this.read(this.numberPath(account, telephoneNumber), operation, options);
  }

  /** PUTs one number into `number.accountName`. */
  async createOrReplaceNumber(number: NumberResource, options: CreateOptions = {}): Promise<WithEtag<NumberResource>> {
    const operation = `save number ${number.telephoneNumber}`;
    check(validateNumber(number), operation, `number ${number.telephoneNumber}`);
    return this.write('PUT', this.numberPath(number.accountName, number.telephoneNumber), operation, options, {
      write: 'saveNumbers',
      target: { account: number.accountName, numbers: [number.telephoneNumber] },
      body: number,
    });
  }

  async deleteNumber(account: string, telephoneNumber: string, options: ConditionalOptions = {}): Promise<void> {
    const operation = `delete number ${telephoneNumber}`;
    check([...validateAccountName(account, ['accountName']), ...validateTelephoneNumber(telephoneNumber, ['telephoneNumber'])], operation, `number ${telephoneNumber}`);
    await this.write('DELETE', this.numberPath(account, telephoneNumber), operation, options, { write: 'deleteNumbers', target: { account, numbers: [telephoneNumber] } });
  }

  /** One `:createOrUpdateNumbers` request: at most 100 numbers, all in `account` (checked before sending). */
  async createOrUpdateNumbers(account: string, numbers: readonly NumberResource[], options: WriteOptions = {}): Promise<NumberResource[]> {
    const operation = `save ${numbers.length} numbers in ${account}`;
    check(validateBatchSize(numbers.length, ['numbers']), operation, 'the batch');
    checkNumbersFor(account, numbers, operation);
    return this.postCreateOrUpdate(account, numbers, options.repeatability ?? repeatabilityHeaders(), operation, options);
  }

  /** One `:deleteNumbers` request: at most 100 numbers (checked before sending). */
  async deleteNumbers(account: string, telephoneNumbers: readonly string[], options: WriteOptions = {}): Promise<void> {
    const operation = `delete ${telephoneNumbers.length} numbers from ${account}`;
    check(validateBatchSize(telephoneNumbers.length, ['numbers']), operation, 'the batch');
    checkNumberIds(account, telephoneNumbers, operation);
    await this.postDelete(account, telephoneNumbers, options.repeatability ?? repeatabilityHeaders(), operation, options);
  }

  /**
   * Any number of numbers, in batches of ≤100 sent one after another (the pipeline's limiter paces them). Every
   * number is checked before the first batch leaves, so a bad row sends nothing.
   */
  async createOrUpdateNumbersInBatches(account: string, numbers: readonly NumberResource[], options: BatchRunOptions = {}): Promise<NumberResource[]> {
    const operation = `save ${numbers.length} numbers in ${account}`;
    checkNumbersFor(account, numbers, operation);
    return runBatches(numbers, operation, options, (batch, index) =>
      sendBatch((headers) => this.postCreateOrUpdate(account, batch, headers, `${operation} (batch ${index + 1})`, options), this.resend, operation, options.abortSignal),
    );
  }

  /** Deletes any number of numbers in batches of ≤100, like createOrUpdateNumbersInBatches. */
  async deleteNumbersInBatches(account: string, telephoneNumbers: readonly string[], options: BatchRunOptions = {}): Promise<void> {
    const operation = `delete ${telephoneNumbers.length} numbers from ${account}`;
    checkNumberIds(account, telephoneNumbers, operation);
    await runBatches(telephoneNumbers, operation, options, async (batch, index) => {
      await sendBatch((headers) => this.postDelete(account, batch, headers, `${operation} (batch ${index + 1})`, options), this.resend, operation, options.abortSignal);
      return batch;
    }, 'deleted');
  }

  // ---- Teams views -----------------------------------------------------------------------------------------------

  async getTeamsCapabilityPlans(account: string, options: CallOptions = {}): Promise<TeamsCapabilityPlans> {
    const operation = `get Teams capability plans of ${account}`;
    check(validateAccountName(account), operation, `account name ${account}`);
    const response = await this.send<TeamsCapabilityPlans>('POST', `/accounts/${part(account)}:getTeamsCapabilityPlans`, operation, options, {
      headers: { ...repeatabilityHeaders() },
      readOnly: true,
    });
    return response.body;
  }

  async getTeamsAvailableCapabilities(account: string, telephoneNumbers: readonly string[], options: CallOptions = {}): Promise<TeamsAvailableCapabilities> {
    const operation = `get available Teams capabilities in ${account}`;
    checkNumberIds(account, telephoneNumbers, operation);
    const response = await this.send<TeamsAvailableCapabilities>('POST', `/accounts/${part(account)}:getTeamsAvailableCapabilities`, operation, options, {
      headers: { ...repeatabilityHeaders() },
      readOnly: true,
      body: { numbers: telephoneNumbers.map((telephoneNumber) => ({ telephoneNumber })) },
    });
    return response.body;
  }

  listCivicAddresses(account: string, options: ProvisioningListOptions = {}): ListPages<TeamsCivicAddressResource> {
    check(validateAccountName(account), `list civic addresses of ${account}`, `account name ${account}`);
    return this.list(`/accounts/${part(account)}/teamsCivicAddresses`, `list civic addresses of ${account}`, options);
  }

  async getCivicAddress(account: string, civicAddressId: string, options: CallOptions = {}): Promise<WithEtag<TeamsCivicAddressResource>> {
    const operation = `get civic address ${civicAddressId}`;
    check(validateAccountName(account), operation, `account name ${account}`);
    return this.read(`/accounts/${part(account)}/teamsCivicAddresses/${part(civicAddressId)}`, operation, options);
  }

  // ---- Requests for information (consents) ----------------------------------------------------------------------

  listRequestsForInformation(options: ProvisioningListOptions = {}): ListPages<RequestForInformationResource> {
    return this.list('/teamsRequestsForInformation', 'list requests for information', options);
  }

  async getRequestForInformation(tenantId: string, options: CallOptions = {}): Promise<WithEtag<RequestForInformationResource>> {
    const operation = `get request for information of ${tenantId}`;
    check(validateTenantId(tenantId, ['tenantId']), operation, `tenant id ${tenantId}`);
    return this.read(`/teamsRequestsForInformation/${part(tenantId)}`, operation, options);
  }

  /**
   * Records the operator's relationship with the enterprise: a JSON merge patch of `customerRelationship` (the only
   * writable part). ConsentDeclined and ContractTerminated need a reason (rule ACG-RFI-002, at most 64 characters).
   */
  async updateCustomerRelationship(tenantId: string, update: RelationshipUpdate, options: ConditionalOptions = {}): Promise<WithEtag<RequestForInformationResource>> {
    const operation = `update relationship with ${tenantId}`;
    const customerRelationship: CustomerRelationship = { status: update.status, ...(update.comment === undefined ? {} : { comment: update.comment }) };
    check(
      [...validateTenantId(tenantId, ['tenantId']), ...validateCustomerRelationship(customerRelationship, ['customerRelationship'])],
      operation,
      `the relationship with ${tenantId}`,
    );
    const response = await this.send<RequestForInformationResource>('PATCH', `/teamsRequestsForInformation/${part(tenantId)}`, operation, options, {
      headers: { ...(options.repeatability ?? repeatabilityHeaders()), ...ifMatchHeaders(options.ifMatch), 'Content-Type': 'application/merge-patch+json' },
      // A string body, so that the pipeline sends it as it is under the merge-patch content type.
      body: JSON.stringify({ customerRelationship }),
      write: 'updateRelationship',
      target: { tenantId },
    });
    return withEtag(response);
  }

  /**
   * The role pre-flight of `write` on its own, for a flow that reads before it writes (an edit of many numbers): it
   * throws the refusal the write would meet, naming the role, and sends nothing either way (the token comes from the
   * credential's cache; the request it is checked on is dropped before the first attempt).
   */
  async checkWriteAccess(write: ProvisioningWrite, options: CallOptions = {}): Promise<void> {
    if (!this.rolePreflight) return;
    const operation = `check the role for ${write}`;
    const allowed = new Error(operation);
    const check = provisioningRoleCheck(write, operation, this.gatewayDomain);
    const request: PipelineRequest = {
      ...this.request('GET', '/accounts', operation, options, {}),
      checkAccess: (access) => {
        check(access);
        throw allowed;
      },
    };
    try {
      await this.pipeline.send(request);
    } catch (error) {
      if (error !== allowed) throw error;
    }
  }

  // ---- Internals -------------------------------------------------------------------------------------------------

  /** The total of a listing asked with COUNT_ONLY: the first page's x-ms-record-count. */
  private async count(pages: ListPages<unknown>, operation: string): Promise<number> {
    try {
      const first = await pages.next();
      const total = first.done ? undefined : first.value.totalCount;
      if (total === undefined) {
        throw new AcgError({ kind: 'unexpected', message: 'The Provisioning API did not return x-ms-record-count.', service: 'provisioning', operation });
      }
      return total;
    } finally {
      // One page is all a count needs; never follow nextLink.
      await pages.return?.();
    }
  }

  private numberPath(account: string, telephoneNumber: string): string {
    return `/accounts/${part(account)}/numbers/${part(telephoneNumber)}`;
  }

  private async postCreateOrUpdate(
    account: string,
    numbers: readonly NumberResource[],
    headers: RepeatabilityHeaders,
    operation: string,
    options: CallOptions,
  ): Promise<NumberResource[]> {
    const response = await this.send<{ numbers?: NumberResource[] }>('POST', `/accounts/${part(account)}:createOrUpdateNumbers`, operation, options, {
      headers: { ...headers },
      body: { numbers },
      write: 'saveNumbers',
      target: { account, numbers: numbers.map((n) => n.telephoneNumber) },
    });
    return response.body?.numbers ?? [];
  }

  private async postDelete(account: string, telephoneNumbers: readonly string[], headers: RepeatabilityHeaders, operation: string, options: CallOptions): Promise<void> {
    await this.send('POST', `/accounts/${part(account)}:deleteNumbers`, operation, options, {
      headers: { ...headers },
      body: { numbers: telephoneNumbers.map((telephoneNumber) => ({ telephoneNumber })) },
      write: 'deleteNumbers',
      target: { account, numbers: [...telephoneNumbers] },
    });
  }

  private list<T>(path: string, operation: string, options: ProvisioningListOptions): ListPages<T> {
    const query: Record<string, string> = {};
    if (options.filter !== undefined) query.filter = options.filter;
    if (options.top !== undefined) query.top = String(options.top);
    if (options.skip !== undefined) query.skip = String(options.skip);
    if (options.maxpagesize !== undefined) query.maxpagesize = String(options.maxpagesize);
    if (options.countRecords) query.countRecords = 'true';
    const first = this.request('GET', path, operation, options, { query });
    return listPages<T>(this.pipeline, options.continuation === undefined ? first : { ...first, url: this.continuationUrl(options.continuation, operation) });
  }

  /** A continuation must point back at this gateway's API: a stored link is never a way to send a token elsewhere. */
  private continuationUrl(link: string, operation: string): string {
    if (!link.startsWith(`${this.baseUrl}/`)) {
      throw new AcgError({ kind: 'badRequest', message: `Not sent: the continuation link is not on ${this.baseUrl}.`, service: 'provisioning', operation });
    }
    return link;
  }

  private async read<T>(path: string, operation: string, options: CallOptions): Promise<WithEtag<T>> {
    return withEtag(await this.send<T>('GET', path, operation, options));
  }

  private async write<T>(method: 'PUT' | 'DELETE', path: string, operation: string, options: CreateOptions, extra: RequestExtras & { write: ProvisioningWrite }): Promise<WithEtag<T>> {
    const headers = {
      ...(options.repeatability ?? repeatabilityHeaders()),
      ...ifMatchHeaders(options.ifMatch),
      ...(options.onlyIfNew ? { 'If-None-Match': '*' } : {}),
    };
    return withEtag(await this.send<T>(method, path, operation, options, { ...extra, headers }));
  }

  private send<T>(method: HttpMethod, path: string, operation: string, options: CallOptions, extra: RequestExtras = {}): Promise<PipelineResponse<T>> {
    return this.pipeline.send<T>(this.request(method, path, operation, options, extra));
  }

  private request(method: HttpMethod, path: string, operation: string, options: CallOptions, extra: RequestExtras): PipelineRequest {
    const url = new URL(`${this.baseUrl}${path}`);
    url.searchParams.set('api-version', PROVISIONING_API_VERSION);
    for (const [key, value] of Object.entries(extra.query ?? {})) url.searchParams.set(key, value);
    return {
      method,
      url: url.toString(),
      service: 'provisioning',
      operation,
      scopes: this.scopes,
      gateway: this.gatewayDomain,
      ...(extra.headers && Object.keys(extra.headers).length > 0 ? { headers: extra.headers } : {}),
      ...(extra.body === undefined ? {} : { body: extra.body }),
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
      ...(extra.readOnly ? { readOnly: true } : {}),
      ...(extra.target ? { auditTarget: extra.target } : {}),
      ...(extra.write && this.rolePreflight ? { checkAccess: provisioningRoleCheck(extra.write, operation, this.gatewayDomain) } : {}),
    };
  }
}

interface RequestExtras {
  headers?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /** A POST that only reads (left out of the audit log). */
  readOnly?: boolean;
  /** The write this request makes: its role is checked before sending. */
  write?: ProvisioningWrite;
  target?: Readonly<Record<string, string | readonly string[]>>;
}

function withEtag<T>(response: PipelineResponse<T>): WithEtag<T> {
  const etag = response.headers['etag'];
  return { resource: response.body, ...(etag ? { etag } : {}) };
}
