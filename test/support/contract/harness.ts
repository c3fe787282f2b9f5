// Drives the in-process emulator for contract tests: gets real tokens from its Entra endpoints, sends requests to
// ARM, the Provisioning API and Graph, records every exchange the emulator reports, and checks them against the specs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Exchange, type RunningEmulator } from '../../../emulator/server';
import { DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, PUBLIC_CLIENT_IDS, demoGatewayDomain } from '../../../emulator/seed/ids';
import { request, type TestResponse } from '../https';
import { EXTRA_OPERATIONS, type Contract, type ContractIssue, type ContractService, type ExtraOperation } from './specs';
import { isObject, preview } from './swagger';

export const ARM_SCOPE = 'https://management.azure.com/.default';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const PROVISIONING_SCOPE = '8502a0ec-c76d-412f-836c-398018e2312b/.default';
export const ARM_API_VERSION = '2023-09-01';
export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
export const PROVISIONING_API_VERSION = '2024-02-29-preview';

/** Header a test adds to a request it knows breaks the spec (an error-path test). The emulator ignores it. */
export const INTENT_HEADER = 'x-contract-test-intent';
export const INVALID_REQUEST = 'invalid-request';

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** A bearer token; default: the operator's token for the service. `false`: none. */
  token?: string | false;
  /** The request deliberately breaks the spec. */
  invalid?: boolean;
  /** Statuses the scenario expects; a different one is recorded as a scenario failure. */
  expect?: number | number[];
}

export type TargetService = 'arm' | 'provisioning' | 'graph';

export class ContractHarness {
  readonly exchanges: Exchange[] = [];
  /** Calls that did not get the status the scenario expected (the scenario goes on; a test asserts this is empty). */
  readonly unexpected: string[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly emulator: RunningEmulator,
    readonly provisioningDomain: string,
  ) {
    this.unsubscribe = emulator.onExchange((exchange) => this.exchanges.push(exchange));
  }

  dispose(): void {
    this.unsubscribe();
  }

  base(service: TargetService): string {
    switch (service) {
      case 'arm':
        return this.emulator.url;
      case 'provisioning':
        return `${this.emulator.url}/provapi/${this.provisioningDomain}`;
      case 'graph':
        return `${this.emulator.url}/graph/v1.0`;
    }
  }

  /** A client-credentials token for the sandbox operator, through the emulator's real token endpoint. */
  async appToken(scope: string): Promise<string> {
    const cached = this.tokens.get(`app ${scope}`);
    if (cached) return cached;
    const res = await request(`${this.emulator.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: OPERATOR_CLIENT_ID, client_secret: OPERATOR_CLIENT_SECRET, scope }).toString(),
      ca: this.emulator.caCertPem,
    });
    const token = isObject(res.body) && typeof res.body.access_token === 'string' ? res.body.access_token : undefined;
    if (!token) throw new Error(`token for ${scope}: ${res.status} ${res.text}`);
    this.tokens.set(`app ${scope}`, token);
    return token;
  }

  /** A user token (the demo admin) through the device-code flow; the emulator approves codes at once in tests. */
  async userToken(scope: string): Promise<string> {
    const cached = this.tokens.get(`user ${scope}`);
    if (cached) return cached;
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      ca: this.emulator.caCertPem,
    });
    const clientId = PUBLIC_CLIENT_IDS[0];
    const code = await request(`${this.emulator.url}/${DEMO_TENANT_ID}/oauth2/v2.0/devicecode`, form({ client_id: clientId, scope: `${scope} offline_access` }));
    const deviceCode = isObject(code.body) && typeof code.body.device_code === 'string' ? code.body.device_code : undefined;
    if (!deviceCode) throw new Error(`device code for ${scope}: ${code.status} ${code.text}`);
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await request(`${this.emulator.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`, form({ grant_type: 'device_code', client_id: clientId, device_code: deviceCode }));
      if (isObject(res.body) && typeof res.body.access_token === 'string') {
        this.tokens.set(`user ${scope}`, res.body.access_token);
        return res.body.access_token;
      }
      await delay(50);
    }
    throw new Error(`device code for ${scope} was never approved`);
  }

  private scopeOf(service: TargetService): string {
    return service === 'arm' ? ARM_SCOPE : service === 'graph' ? GRAPH_SCOPE : PROVISIONING_SCOPE;
  }

  /** Sends one request. `pathAndQuery` is relative to the service's base URL. */
  async call(service: TargetService, method: string, pathAndQuery: string, options: CallOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== false) headers.authorization = `Bearer ${options.token ?? (await this.appToken(this.scopeOf(service)))}`;
    if (options.invalid) headers[INTENT_HEADER] = INVALID_REQUEST;
    const url = pathAndQuery.startsWith('https://') ? pathAndQuery : `${this.base(service)}${pathAndQuery}`;
    const res = await request(url, { method, headers, body: options.body, ca: this.emulator.caCertPem });
    const expected = options.expect === undefined ? undefined : Array.isArray(options.expect) ? options.expect : [options.expect];
    if (expected && !expected.includes(res.status)) {
      this.unexpected.push(`${method} ${url.replace(this.emulator.url, '')}: expected ${expected.join(' or ')}, got ${res.status} ${preview(res.body, 300)}`);
    }
    return res;
  }

  /** Polls a long-running ARM operation's Azure-AsyncOperation or Location URL until it is done. */
  async waitForArmOperation(res: TestResponse): Promise<void> {
    const statusUrl = res.headers['azure-asyncoperation'];
    const locationUrl = res.headers.location;
    for (let attempt = 0; attempt < 100; attempt++) {
      if (statusUrl) {
        const poll = await this.call('arm', 'GET', statusUrl, { expect: 200 });
        const status = isObject(poll.body) ? poll.body.status : undefined;
        if (poll.status !== 200 || (status !== 'InProgress' && status !== 'Accepted' && status !== 'Running')) return;
      } else if (locationUrl) {
        const poll = await this.call('arm', 'GET', locationUrl, { expect: [200, 202, 204] });
        if (poll.status !== 202) return;
      } else {
        return;
      }
      await delay(25);
    }
    this.unexpected.push(`long-running operation never finished: ${statusUrl ?? locationUrl ?? ''}`);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The result of checking recorded exchanges. */
export interface ExchangeReport {
  issues: ContractIssue[];
  /** service → operationId → statuses seen. */
  coverage: Map<string, Map<string, number[]>>;
  /** Exchanges of a checked service that no route claimed (the emulator's 404/405 for unknown paths). */
  unrouted: string[];
}

export function isCheckedService(service: string): service is ContractService {
  return service === 'arm' || service === 'provisioning' || service === 'graph';
}

/** Checks every ARM, Provisioning and Graph exchange against the contract; entra and admin are not checked here. */
export function checkExchanges(contract: Contract, exchanges: readonly Exchange[]): ExchangeReport {
  const issues: ContractIssue[] = [];
  const coverage = new Map<string, Map<string, number[]>>();
  const unrouted: string[] = [];
  for (const ex of exchanges) {
    if (!isCheckedService(ex.service)) continue;
    if (!ex.operationId) {
      unrouted.push(`${ex.service} ${ex.method} ${ex.path} → ${ex.status}`);
      continue;
    }
    const perService = coverage.get(ex.service) ?? new Map<string, number[]>();
    coverage.set(ex.service, perService);
    perService.set(ex.operationId, [...(perService.get(ex.operationId) ?? []), ex.status]);
    const url = new URL(ex.url);
    const http = {
      method: ex.method,
      path: ex.path,
      query: url.searchParams,
      requestHeaders: ex.requestHeaders,
      requestBody: ex.requestBody,
      status: ex.status,
      responseHeaders: ex.responseHeaders,
      responseBody: ex.responseBody,
    };
    const invalid = (ex.requestHeaders[INTENT_HEADER] ?? '') === INVALID_REQUEST;
    const extra: ExtraOperation | undefined = EXTRA_OPERATIONS.find((e) => e.service === ex.service && e.operationId === ex.operationId);
    const found = extra ? contract.checkExtra(extra, http) : contract.check(ex.service, ex.operationId, http, { requestMayBeInvalid: invalid });
    const context = `${ex.method} ${url.pathname}${url.search} → ${ex.status}`;
    issues.push(...found.map((i) => ({ ...i, context })));
  }
  return { issues, coverage, unrouted };
}

/** An in-process emulator for the contract tests, with a ContractHarness on the demo production gateway. */
export interface ContractEmulator {
  readonly emulator: RunningEmulator;
  readonly harness: ContractHarness;
  /** Disposes the harness, stops the emulator and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts the emulator in a fresh temporary folder named `tmpPrefix`…, fast and never rate-limited. */
export async function startContractEmulator(tmpPrefix: string): Promise<ContractEmulator> {
  const dataDir = mkdtempSync(join(tmpdir(), tmpPrefix));
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: 0,
      dataDir,
      config: { syncDelayMs: 20, armOperationDelayMs: 20, deviceCodeAutoApproveMs: 0 },
      rateLimit: { requestsPerWindow: 100_000 },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const harness = new ContractHarness(emulator, demoGatewayDomain(GATEWAY_PRODUCTION));
  return {
    emulator,
    harness,
    async stop() {
      harness.dispose();
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
