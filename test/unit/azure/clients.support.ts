// Shared by the client tests: the real emulator over HTTPS, the real pipeline, and the real @azure/identity
// credentials talking to the emulator's Entra (client secret for the two service principals, device code for the
// demo user). Every exchange the emulator reports is recorded, so each test file can check the requests the clients
// sent against the specs (test/support/contract).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { ClientSecretCredential, DeviceCodeCredential } from '@azure/identity';
import { startEmulator, type EmulatorOptions, type Exchange, type RunningEmulator } from '../../../emulator/server';
import type { ServiceFaults } from '../../../emulator/faults';
import {
  DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, PUBLIC_CLIENT_IDS, READER_CLIENT_ID, READER_CLIENT_SECRET,
  demoGatewayDomain,
} from '../../../emulator/seed/ids';
import { AcgError } from '../../../src/azure/errors';
import { allowedHostsForCloud, createPipeline, type DisposableHttpPipeline, type PipelineOptions } from '../../../src/azure/http';
import { emulatorCloud, type CloudEndpoints } from '../../../src/core/clouds';
import type { AccountResource, GatewayRef, NumberResource } from '../../../src/core/models';
import { checkExchanges } from '../../support/contract/harness';
import { formatIssue, loadContract, locateSpecs, printSkipOnce, type ContractIssue } from '../../support/contract/specs';
import { request } from '../../support/https';

export const PRODUCTION_REF: GatewayRef = {
  subscriptionId: GATEWAY_PRODUCTION.subscriptionId,
  resourceGroupName: GATEWAY_PRODUCTION.resourceGroup,
  name: GATEWAY_PRODUCTION.name,
};
export const PRODUCTION_DOMAIN = demoGatewayDomain(GATEWAY_PRODUCTION);

export type Principal = 'operator' | 'reader' | 'user';

export interface ClientWorld {
  readonly emulator: RunningEmulator;
  readonly cloud: CloudEndpoints;
  /** Every exchange since the world started. */
  readonly exchanges: Exchange[];
  /** The emulator's log lines (injected connection resets show here: they leave no exchange). */
  readonly log: string[];
  /** A fresh credential each call: MSAL blocks a request client-side after repeated failures (API.md §6). */
  credential(principal?: Principal): TokenCredential;
  /** The production pipeline against the emulator, with fast retries; `overrides` replace any option. */
  pipeline(principal?: Principal, overrides?: Partial<PipelineOptions>): DisposableHttpPipeline;
  faults(settings: Partial<Record<'arm' | 'provisioning' | 'graph', Partial<ServiceFaults>>>, seed?: number): void;
  noFaults(): void;
  /** Calls the emulator's admin endpoint (loopback, no token), as the sandbox does. */
  admin(method: 'POST' | 'PATCH', path: string, body?: unknown): Promise<void>;
  stop(): Promise<void>;
}

/** Retries fast enough for tests; the pipeline's own tests cover the real delays. */
export const FAST_RETRY = { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 50 };

const NO_FAULTS: ServiceFaults = { latencyMs: 0, errorRate: 0, throttleRate: 0, resetRate: 0, retryAfterSeconds: 1, lostAnswerRate: 0 };

export async function startWorld(options: EmulatorOptions = {}): Promise<ClientWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'acg-clients-'));
  const log: string[] = [];
  const emulator = await startEmulator({
    log: (line) => log.push(line),
    port: 0,
    dataDir,
    config: { syncDelayMs: 20, armOperationDelayMs: 20, deviceCodeAutoApproveMs: 0, ...options.config },
    rateLimit: { requestsPerWindow: 0, ...options.rateLimit },
    ...(options.faults ? { faults: options.faults } : {}),
    faultSeed: options.faultSeed ?? 7,
  });
  const cloud = emulatorCloud(emulator.url);
  const exchanges: Exchange[] = [];
  const unsubscribe = emulator.onExchange((exchange) => exchanges.push(exchange));
  const pipelines: DisposableHttpPipeline[] = [];
  const tls = { authorityHost: emulator.url, disableInstanceDiscovery: true, tlsOptions: { ca: emulator.caCertPem } };

  const credential = (principal: Principal = 'operator'): TokenCredential => {
    switch (principal) {
      case 'operator':
        return new ClientSecretCredential(DEMO_TENANT_ID, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, tls);
      case 'reader':
        return new ClientSecretCredential(DEMO_TENANT_ID, READER_CLIENT_ID, READER_CLIENT_SECRET, tls);
      case 'user':
        // The emulator approves device codes at once (deviceCodeAutoApproveMs: 0) for the demo user.
        return new DeviceCodeCredential({ ...tls, tenantId: DEMO_TENANT_ID, clientId: PUBLIC_CLIENT_IDS[0], userPromptCallback: () => undefined });
    }
  };

  return {
    emulator,
    cloud,
    exchanges,
    log,
    credential,
    pipeline(principal = 'operator', overrides = {}) {
      const pipeline = createPipeline({
        credential: credential(principal),
        isAllowedHost: allowedHostsForCloud(cloud),
        ca: [emulator.caCertPem],
        retry: FAST_RETRY,
        timeoutMs: 15_000,
        provisioningFailoverDelayMs: 10,
        provisioningRequestsPerMinute: 100_000,
        ...overrides,
      });
      pipelines.push(pipeline);
      return pipeline;
    },
    faults(settings, seed = 11) {
      emulator.context.faults.update(settings, seed);
    },
    noFaults() {
      emulator.context.faults.update({ arm: NO_FAULTS, provisioning: NO_FAULTS, graph: NO_FAULTS, entra: NO_FAULTS });
      emulator.context.limiter.reset();
    },
    async admin(method, path, body) {
      const res = await request(`${emulator.url}/_admin${path}`, { method, ...(body === undefined ? {} : { body }), ca: emulator.caCertPem });
      if (res.status >= 300) throw new Error(`admin ${method} ${path}: ${res.status} ${res.text}`);
    },
    async stop() {
      unsubscribe();
      for (const p of pipelines) p.dispose();
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Request-side contract findings for every exchange (ARM, Provisioning, Graph) the clients caused: what the clients
 * sent that the specs do not allow. `undefined` when the specs are not on this machine (the check is then skipped
 * with one line, like the contract tests).
 */
export async function requestViolations(exchanges: readonly Exchange[]): Promise<{ errors: string[]; warnings: string[]; checked: number } | undefined> {
  const location = locateSpecs();
  if (!location.found) {
    printSkipOnce(location);
    return undefined;
  }
  const loaded = await loadContract();
  if (!loaded.contract) return undefined;
  const report = checkExchanges(loaded.contract, withFaultsRouted(exchanges));
  const requestSide = (issue: ContractIssue) => issue.where === 'request';
  const format = (issues: ContractIssue[]) => [...new Set(issues.map(formatIssue))];
  return {
    errors: [...format(report.issues.filter((i) => requestSide(i) && i.severity === 'error')), ...report.unrouted.map((u) => `unrouted: ${u}`)],
    warnings: format(report.issues.filter((i) => requestSide(i) && i.severity === 'warning')),
    checked: [...report.coverage.values()].reduce((sum, perOperation) => sum + [...perOperation.values()].reduce((n, statuses) => n + statuses.length, 0), 0),
  };
}

/**
 * An injected fault is answered before routing, so its exchange names no operation. The request is still the
 * client's, and a retry of it (same method and path) was routed: borrow that operation so the request is checked too.
 */
function withFaultsRouted(exchanges: readonly Exchange[]): Exchange[] {
  const key = (e: Exchange) => `${e.service} ${e.method} ${e.path}`;
  const routed = new Map<string, string>();
  for (const e of exchanges) if (e.operationId) routed.set(key(e), e.operationId);
  return exchanges.map((e) => {
    if (e.operationId || !/injected fault/.test(JSON.stringify(e.responseBody ?? ''))) return e;
    const operationId = routed.get(key(e));
    return operationId ? { ...e, operationId } : e;
  });
}

/** Exchanges of one service whose path matches, e.g. all `:createOrUpdateNumbers` calls. */
export function exchangesOf(world: ClientWorld, service: Exchange['service'], pathIncludes: string, from = 0): Exchange[] {
  return world.exchanges.slice(from).filter((e) => e.service === service && e.path.includes(pathIncludes));
}

/** Runs `body` and returns the AcgError it must throw. */
export async function rejects(body: () => Promise<unknown>): Promise<AcgError> {
  try {
    await body();
  } catch (error) {
    if (error instanceof AcgError) return error;
    throw error;
  }
  throw new Error('expected an AcgError, but the call succeeded');
}

/**
 * Asserts that every ARM, Provisioning and Graph request in `exchanges` was checked against its contract and broke
 * none of it (errors or warnings). Skips, with one line, when the specs are not on this machine.
 */
export async function assertRequestsConform(exchanges: readonly Exchange[]): Promise<void> {
  const found = await requestViolations(exchanges);
  if (!found) return;
  assert.deepEqual(found.errors, [], `${found.errors.length} request violations:\n${found.errors.join('\n')}`);
  assert.deepEqual(found.warnings, [], found.warnings.join('\n'));
  const checkable = exchanges.filter((e) => e.service === 'arm' || e.service === 'provisioning' || e.service === 'graph').length;
  assert.ok(checkable > 0, 'the run sent requests');
  assert.equal(found.checked, checkable, 'every request was checked');
}

// ---- Provisioning test data ----

export function ocNumber(accountName: string, telephoneNumber: string): NumberResource {
  return {
    telephoneNumber,
    accountName,
    serviceDetails: {
      teamsOperatorConnect: {
        enabled: true,
        assignmentStatus: 'unassigned',
        configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling'] },
      },
    },
  };
}

export function ocAccount(name: string): AccountResource {
  return { name, correlationId: 'CLIENT-TEST-1', serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } } };
}

/** `count` numbers from `first` up, as E.164 strings (+49 30 …: no demo data lives there). */
export function numberRange(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+${first + i}`);
}
