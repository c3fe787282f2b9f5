// Shared by the pipeline tests: a real emulator over HTTPS, a TokenCredential that mints emulator tokens and counts
// its calls, a log sink that keeps every line, and URL builders for the three services.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/server';
import { ACG_PROVISIONING_APP_ID, DEMO_TENANT_ID, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_OBJECT_ID, READER_CLIENT_ID, READER_OBJECT_ID, demoGatewayDomain } from '../../../emulator/seed/ids';
import { isAcgError, type AcgError } from '../../../src/azure/errors';
import { allowedHostsForCloud, createPipeline, type DisposableHttpPipeline, type PipelineLogger, type PipelineOptions } from '../../../src/azure/http';
import { emulatorCloud, provisioningApiBaseUrl, type CloudEndpoints } from '../../../src/core/clouds';
import { ARM_API_VERSION, PROVISIONING_API_VERSION } from '../../../src/core/models';

export const PROVISIONING_SCOPE = `api://${ACG_PROVISIONING_APP_ID}/.default`;
export const GATEWAY_DOMAIN = demoGatewayDomain(GATEWAY_PRODUCTION);

export interface Principal {
  oid: string;
  appid: string;
  /** App roles per audience kind. */
  provisioningRoles: string[];
  graphRoles: string[];
}

export const OPERATOR: Principal = {
  oid: OPERATOR_OBJECT_ID,
  appid: OPERATOR_CLIENT_ID,
  provisioningRoles: ['ProvisioningAPI.Admin'],
  graphRoles: ['Application.Read.All', 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Directory.Read.All', 'Domain.ReadWrite.All'],
};

export const READER: Principal = { oid: READER_OBJECT_ID, appid: READER_CLIENT_ID, provisioningRoles: ['ProvisioningAPI.Read'], graphRoles: [] };

/** Mints emulator-signed app tokens for a principal, recording every call (the refused-host test counts them). */
export class EmulatorCredential implements TokenCredential {
  readonly calls: string[][] = [];
  readonly issued: string[] = [];

  constructor(
    private readonly emulator: RunningEmulator,
    private readonly principal: Principal = OPERATOR,
  ) {}

  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    const list = Array.isArray(scopes) ? scopes : [scopes];
    this.calls.push(list);
    const aud = list[0].replace(/\/\.default$/, '');
    const roles = aud.includes(ACG_PROVISIONING_APP_ID) ? this.principal.provisioningRoles : aud.includes('graph') ? this.principal.graphRoles : [];
    const token = await this.emulator.context.tokens.issue(
      { aud, tid: DEMO_TENANT_ID, oid: this.principal.oid, appid: this.principal.appid, idtyp: 'app', roles },
      `${this.emulator.url}/${DEMO_TENANT_ID}/v2.0`,
    );
    this.issued.push(token);
    return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** A credential whose tokens no service accepts (signed by nobody), for 401 paths. */
export class ForgedCredential implements TokenCredential {
  readonly token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJmb3JnZWQifQ.c2lnbmF0dXJl';
  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

export class CapturingLogger implements PipelineLogger {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

export interface Harness {
  readonly emulator: RunningEmulator;
  /** Where the emulator keeps its CA and server certificate (tests reuse them for helper servers). */
  readonly dataDir: string;
  readonly cloud: CloudEndpoints;
  readonly credential: EmulatorCredential;
  readonly logger: CapturingLogger;
  /** A pipeline against the emulator; `overrides` replace the defaults (fast retries, no limiter waits). */
  pipeline(overrides?: Partial<PipelineOptions>): DisposableHttpPipeline;
  armUrl(path: string, apiVersion?: string): string;
  provUrl(path: string, domain?: string): string;
  graphUrl(path: string): string;
  /** Fault settings back to none, the emulator's limiter emptied. */
  resetFaults(): void;
  stop(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'acg-pipeline-'));
  const emulator = await startEmulator({ port: 0, dataDir, config: { syncDelayMs: 50, armOperationDelayMs: 50 }, rateLimit: { requestsPerWindow: 0 }, ...options });
  const cloud = emulatorCloud(emulator.url);
  const credential = new EmulatorCredential(emulator);
  const logger = new CapturingLogger();
  const pipelines: DisposableHttpPipeline[] = [];
  const zero = { latencyMs: 0, errorRate: 0, throttleRate: 0, resetRate: 0, retryAfterSeconds: 1 };
  return {
    emulator,
    dataDir,
    cloud,
    credential,
    logger,
    pipeline(overrides = {}) {
      const pipeline = createPipeline({
        credential,
        isAllowedHost: allowedHostsForCloud(cloud),
        ca: [emulator.caCertPem],
        logger,
        retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 50 },
        timeoutMs: 10_000,
        provisioningFailoverDelayMs: 0,
        ...overrides,
      });
      pipelines.push(pipeline);
      return pipeline;
    },
    armUrl: (path, apiVersion = ARM_API_VERSION) => `${emulator.url}${path}${path.includes('?') ? '&' : '?'}api-version=${apiVersion}`,
    provUrl: (path, domain = GATEWAY_DOMAIN) => `${provisioningApiBaseUrl(domain, cloud)}${path}${path.includes('?') ? '&' : '?'}api-version=${PROVISIONING_API_VERSION}`,
    graphUrl: (path) => `${cloud.graph}/v1.0${path}`,
    resetFaults() {
      emulator.context.faults.update({ arm: zero, provisioning: zero, graph: zero, entra: zero }, 1);
      emulator.context.limiter.reset();
    },
    async stop() {
      for (const p of pipelines) p.dispose();
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PATCH to the emulator's admin endpoint, as a test script or the sandbox would send it. */
export async function patchAdmin(harness: Harness, path: string, body: unknown): Promise<void> {
  const { request } = await import('../../support/https');
  const res = await request(`${harness.emulator.url}/_admin${path}`, { method: 'PATCH', body, ca: harness.emulator.caCertPem });
  if (res.status !== 200) throw new Error(`admin ${path}: ${res.status} ${res.text}`);
}

/** The AcgError `promise` rejects with; fails the test if it resolves (and rethrows any other error). */
export async function rejection(promise: Promise<unknown>): Promise<AcgError> {
  try {
    await promise;
  } catch (error) {
    if (isAcgError(error)) return error;
    throw error;
  }
  assert.fail('expected the request to fail');
}
