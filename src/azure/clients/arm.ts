// Azure Resource Manager for Microsoft.VoiceServices 2023-09-01 (API.md §1): subscriptions, gateways, test lines and
// name checks. Every request goes through the one HttpPipeline (retries, host allowlist, logging, error mapping);
// this class only knows URLs, shapes and the long-running-operation protocol.
import type { CloudEndpoints } from '../../core/clouds';
import {
  ARM_API_VERSION,
  GATEWAY_RESOURCE_TYPE,
  SUBSCRIPTIONS_API_VERSION,
  type CheckNameAvailabilityResponse,
  type CommunicationsGateway,
  type GatewayRef,
  type Subscription,
  type TestLine,
  type TestLinePurpose,
} from '../../core/models';
import { validateGatewayProperties, validateResourceName, validateTags, validateTestLine } from '../../core/rules';
import { AcgError, isAcgError } from '../errors';
import { collectAll, pageByNextLink } from '../http/paging';
import type { HttpMethod, HttpPipeline, PipelineRequest, PipelineResponse } from '../http/types';
import { gatewayResourceId } from './armIds';
import { DEFAULT_ARM_POLLING, pollAsyncOperation, pollLocation, report, startPolling, type ArmPollingOptions, type LroCallOptions } from './armLro';
import { writableGateway } from './armBodies';
import { mapBounded } from './concurrency';
import { DEFAULT_RESEND, resendOnTransient, type ResendPolicy } from './resend';
import type { CallOptions } from './options';
import { rejectInvalid } from './validation';

export interface ArmClientOptions {
  polling?: ArmPollingOptions;
  /** Resending checkNameAvailability, a POST that only reads (the pipeline does not retry POSTs). */
  resend?: Partial<ResendPolicy>;
}

export interface ListGatewaysOptions extends CallOptions {
  /** Subscriptions read at the same time. Default 4. */
  concurrency?: number;
}

/** One subscription's share of `listGateways`: its gateways, or why they could not be read. */
export type SubscriptionGateways =
  | { subscriptionId: string; gateways: CommunicationsGateway[]; error?: undefined }
  | { subscriptionId: string; gateways?: undefined; error: AcgError };

export interface NewTestLine {
  phoneNumber: string;
  purpose: TestLinePurpose;
}

export interface CreateTestLineOptions extends LroCallOptions {
  /** Azure region of the test line; default: the gateway's own location (read from ARM). */
  location?: string;
  tags?: Record<string, string>;
}

export interface UpdateGatewayOptions extends LroCallOptions {
  /** The ETag the change was planned against: sent as If-Match instead of the one just read, so ARM refuses (412) a
   * PUT over an edit made since the plan (a gateway plan's drift check). */
  ifMatch?: string;
}

/** A gateway edit: gets a deep copy of the current resource and returns the desired one. */
export type GatewayEdit = (gateway: CommunicationsGateway) => CommunicationsGateway;

const DEFAULT_CONCURRENCY = 4;
const part = encodeURIComponent;

export class ArmClient {
  private readonly scopes: string[];
  private readonly polling: Required<ArmPollingOptions>;
  private readonly resend: ResendPolicy;

  constructor(
    private readonly pipeline: HttpPipeline,
    private readonly cloud: CloudEndpoints,
    options: ArmClientOptions = {},
  ) {
    this.scopes = [cloud.resourceManagerScope];
    this.polling = { ...DEFAULT_ARM_POLLING, ...options.polling };
    this.resend = { ...DEFAULT_RESEND, ...options.resend };
  }

  // ---- Subscriptions -------------------------------------------------------------------------------------------

  /** Every subscription the caller can see, across all pages. */
  async listSubscriptions(options: CallOptions = {}): Promise<Subscription[]> {
    const url = `${this.cloud.resourceManager}/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`;
    return collectAll(pageByNextLink<Subscription>(this.pipeline, this.request('GET', url, 'list subscriptions', options)));
  }

  // ---- Gateways --------------------------------------------------------------------------------------------------

  /**
   * Gateways of many subscriptions, at most `concurrency` subscriptions at a time. A subscription that fails (no
   * access, throttled past the retries, not registered) gets its error in its own entry and hides none of the others.
   * Entries keep the order of `subscriptionIds`. Cancelling rejects the whole call.
   */
  async listGateways(subscriptionIds: readonly string[], options: ListGatewaysOptions = {}): Promise<SubscriptionGateways[]> {
    return mapBounded(subscriptionIds, options.concurrency ?? DEFAULT_CONCURRENCY, async (subscriptionId): Promise<SubscriptionGateways> => {
      try {
        return { subscriptionId, gateways: await this.listGatewaysInSubscription(subscriptionId, options) };
      } catch (error) {
        if (isAcgError(error, 'cancelled') || options.abortSignal?.aborted) throw error;
        return { subscriptionId, error: asAcgError(error, `list gateways in subscription ${subscriptionId}`) };
      }
    });
  }

  async listGatewaysInSubscription(subscriptionId: string, options: CallOptions = {}): Promise<CommunicationsGateway[]> {
    const url = `${this.subscriptionUrl(subscriptionId)}/providers/Microsoft.VoiceServices/communicationsGateways?api-version=${ARM_API_VERSION}`;
    return collectAll(pageByNextLink<CommunicationsGateway>(this.pipeline, this.request('GET', url, `list gateways in subscription ${subscriptionId}`, options)));
  }

  async listGatewaysByResourceGroup(subscriptionId: string, resourceGroupName: string, options: CallOptions = {}): Promise<CommunicationsGateway[]> {
    const url =
      `${this.subscriptionUrl(subscriptionId)}/resourceGroups/${part(resourceGroupName)}` +
      `/providers/Microsoft.VoiceServices/communicationsGateways?api-version=${ARM_API_VERSION}`;
    return collectAll(pageByNextLink<CommunicationsGateway>(this.pipeline, this.request('GET', url, `list gateways in resource group ${resourceGroupName}`, options)));
  }

  async getGateway(ref: GatewayRef, options: CallOptions = {}): Promise<CommunicationsGateway> {
    return (await this.readGateway(ref, options)).gateway;
  }

  /** The gateway with the ETag ARM gave it (header or body), if any: what a gateway plan records. */
  async getGatewayVersioned(ref: GatewayRef, options: CallOptions = {}): Promise<{ gateway: CommunicationsGateway; etag?: string }> {
    return this.readGateway(ref, options);
  }

  /**
   * Changes gateway properties the only way ARM allows (PATCH takes tags, identity and sku only): GET, apply `edit`
   * to a copy, PUT the writable part (with If-Match when ARM gave an ETag), poll the Azure-AsyncOperation URL until
   * it is terminal, then GET the final resource. The edited gateway is checked against the rule table first.
   */
  async updateGateway(ref: GatewayRef, edit: GatewayEdit, options: UpdateGatewayOptions = {}): Promise<CommunicationsGateway> {
    const operation = `update gateway ${ref.name}`;
    const ctx = startPolling(this.pipeline, this.scopes, operation, this.polling, options);
    report(ctx, `Reading gateway ${ref.name}`);
    const read = await this.readGateway(ref, options);
    const { gateway } = read;
    const etag = options.ifMatch ?? read.etag;
    const edited = edit(structuredClone(gateway));
    rejectInvalid(
      [...validateGatewayProperties(edited.properties, { path: ['properties'] }), ...validateTags(edited.tags, ['tags'])],
      { service: 'arm', operation, subject: `gateway ${ref.name}` },
    );
    report(ctx, `Saving gateway ${ref.name}`);
    const put = await this.pipeline.send(
      this.request('PUT', this.gatewayUrl(ref), operation, options, writableGateway(edited), etag === undefined ? {} : { 'If-Match': etag }),
    );
    await this.finishWrite(ctx, put);
    report(ctx, `Reading the updated gateway ${ref.name}`);
    return this.getGateway(ref, options);
  }

  /**
   * Creates a gateway that does not exist yet: PUT the writable part (a system-assigned identity unless the body names
   * one: the gateway's identity is what gets the Synergy roles) and poll Azure-AsyncOperation to the end, then GET it.
   * No If-None-Match: the 2023-09-01 spec declares neither conditional headers nor an ETag for this resource, so a
   * caller that must not replace a gateway reads first (as a gateway plan's apply does) rather than trust a header ARM
   * may ignore.
   */
  async createGateway(ref: GatewayRef, gateway: CommunicationsGateway, options: LroCallOptions = {}): Promise<CommunicationsGateway> {
    const operation = `create gateway ${ref.name}`;
    rejectInvalid(
      [...validateResourceName(ref.name, ['name']), ...validateGatewayProperties(gateway.properties, { path: ['properties'] }), ...validateTags(gateway.tags, ['tags'])],
      { service: 'arm', operation, subject: `gateway ${ref.name}` },
    );
    const ctx = startPolling(this.pipeline, this.scopes, operation, this.polling, options);
    report(ctx, `Creating gateway ${ref.name}`);
    const body = { ...writableGateway(gateway), identity: { type: gateway.identity?.type ?? 'SystemAssigned' } };
    const put = await this.pipeline.send(this.request('PUT', this.gatewayUrl(ref), operation, options, body));
    await this.finishWrite(ctx, put);
    report(ctx, `Reading the new gateway ${ref.name}`);
    return this.getGateway(ref, options);
  }

  /** Replaces the gateway's tags (PATCH: no long-running operation, no property change). */
  async updateTags(ref: GatewayRef, tags: Record<string, string>, options: CallOptions = {}): Promise<CommunicationsGateway> {
    const operation = `update tags of gateway ${ref.name}`;
    rejectInvalid(validateTags(tags, ['tags']), { service: 'arm', operation, subject: `the tags of gateway ${ref.name}` });
    const response = await this.pipeline.send<CommunicationsGateway>(this.request('PATCH', this.gatewayUrl(ref), operation, options, { tags }));
    return response.body;
  }

  /**
   * Whether a gateway name is free in a region. A name the rule table rejects is answered here as ARM would
   * (`Invalid`), without a request: the caller asked a question, so it gets an answer rather than an error.
   */
  async checkNameAvailability(subscriptionId: string, location: string, name: string, options: CallOptions = {}): Promise<CheckNameAvailabilityResponse> {
    const invalid = validateResourceName(name).filter((v) => v.severity === 'error');
    if (invalid.length > 0) return { nameAvailable: false, reason: 'Invalid', message: `${invalid[0].ruleId}: ${invalid[0].message}` };
    const url =
      `${this.subscriptionUrl(subscriptionId)}/providers/Microsoft.VoiceServices/locations/${part(location)}` +
      `/checkNameAvailability?api-version=${ARM_API_VERSION}`;
    const operation = `check whether the name ${name} is available`;
    // A question, not a change: the audit log leaves it out.
    const request = { ...this.request('POST', url, operation, options, { name, type: GATEWAY_RESOURCE_TYPE }), readOnly: true };
    const response = await resendOnTransient(() => this.pipeline.send<CheckNameAvailabilityResponse>(request), {
      ...this.resend,
      operation,
      abortSignal: options.abortSignal,
    });
    return response.body;
  }

  // ---- Test lines ------------------------------------------------------------------------------------------------

  async listTestLines(ref: GatewayRef, options: CallOptions = {}): Promise<TestLine[]> {
    const url = `${this.gatewayUrl(ref, '/testLines')}`;
    return collectAll(pageByNextLink<TestLine>(this.pipeline, this.request('GET', url, `list test lines of ${ref.name}`, options)));
  }

  async getTestLine(ref: GatewayRef, name: string, options: CallOptions = {}): Promise<TestLine> {
    const response = await this.pipeline.send<TestLine>(this.request('GET', this.testLineUrl(ref, name), `get test line ${name}`, options));
    return response.body;
  }

  /** Creates (or replaces) a test line: PUT, poll Azure-AsyncOperation, then GET the final test line. */
  async createTestLine(ref: GatewayRef, name: string, line: NewTestLine, options: CreateTestLineOptions = {}): Promise<TestLine> {
    const operation = `create test line ${name}`;
    const ctx = startPolling(this.pipeline, this.scopes, operation, this.polling, options);
    const draft = { name, ...(options.tags ? { tags: options.tags } : {}), properties: { phoneNumber: line.phoneNumber, purpose: line.purpose } };
    rejectInvalid(validateTestLine(draft), { service: 'arm', operation, subject: `test line ${name}` });
    const location = options.location ?? (await this.getGateway(ref, options)).location;
    const body = { location, ...(options.tags ? { tags: options.tags } : {}), properties: draft.properties };
    report(ctx, `Creating test line ${name}`);
    const put = await this.pipeline.send(this.request('PUT', this.testLineUrl(ref, name), operation, options, body));
    await this.finishWrite(ctx, put);
    return this.getTestLine(ref, name, options);
  }

  /** Deletes a test line and waits (Location polling) until it is gone. Deleting a missing line succeeds. */
  async deleteTestLine(ref: GatewayRef, name: string, options: LroCallOptions = {}): Promise<void> {
    const operation = `delete test line ${name}`;
    rejectInvalid(validateResourceName(name, ['name']), { service: 'arm', operation, subject: `test line ${name}` });
    const ctx = startPolling(this.pipeline, this.scopes, operation, this.polling, options);
    report(ctx, `Deleting test line ${name}`);
    const response = await this.pipeline.send(this.request('DELETE', this.testLineUrl(ref, name), operation, options));
    const location = response.headers['location'];
    if (response.status === 202 && location) await pollLocation(ctx, location, response);
  }

  // ---- Internals -------------------------------------------------------------------------------------------------

  private async readGateway(ref: GatewayRef, options: CallOptions): Promise<{ gateway: CommunicationsGateway; etag?: string }> {
    const response = await this.pipeline.send<CommunicationsGateway & { etag?: string }>(
      this.request('GET', this.gatewayUrl(ref), `get gateway ${ref.name}`, options),
    );
    // The 2023-09-01 resource declares no etag; honour one if ARM sends it (header or body) so a concurrent edit
    // made in the portal is not silently overwritten.
    const etag = response.headers['etag'] ?? (typeof response.body.etag === 'string' ? response.body.etag : undefined);
    return { gateway: response.body, ...(etag === undefined ? {} : { etag }) };
  }

  /** After a PUT: poll Azure-AsyncOperation when ARM started an operation; a synchronous answer is already final. */
  private async finishWrite(ctx: ReturnType<typeof startPolling>, put: PipelineResponse): Promise<void> {
    const asyncUrl = put.headers['azure-asyncoperation'];
    const location = put.headers['location'];
    if (asyncUrl) await pollAsyncOperation(ctx, asyncUrl, put);
    else if (put.status === 202 && location) await pollLocation(ctx, location, put);
  }

  private request(
    method: HttpMethod,
    url: string,
    operation: string,
    options: CallOptions,
    body?: unknown,
    headers?: Record<string, string>,
  ): PipelineRequest {
    return {
      method,
      url,
      service: 'arm',
      operation,
      scopes: this.scopes,
      ...(body === undefined ? {} : { body }),
      ...(headers && Object.keys(headers).length > 0 ? { headers } : {}),
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
    };
  }

  private subscriptionUrl(subscriptionId: string): string {
    return `${this.cloud.resourceManager}/subscriptions/${part(subscriptionId)}`;
  }

  private gatewayUrl(ref: GatewayRef, suffix = ''): string {
    return `${this.cloud.resourceManager}${gatewayResourceId(ref)}${suffix}?api-version=${ARM_API_VERSION}`;
  }

  private testLineUrl(ref: GatewayRef, name: string): string {
    return this.gatewayUrl(ref, `/testLines/${part(name)}`);
  }
}

function asAcgError(error: unknown, operation: string): AcgError {
  if (isAcgError(error)) return error;
  return new AcgError({ kind: 'unexpected', message: `${operation}: ${error instanceof Error ? error.message : String(error)}`, service: 'arm', operation, cause: error });
}
