// The pipeline and clients of one sign-in, for every face: the extension's host (src/host/buildServices.ts) and the
// CLI build them here, so both send tokens through the same host allowlist and the same pipeline.
import type { CloudEndpoints } from '../core/clouds';
import type { ScopedCredential } from './auth/scopedCredential';
import { listTenants, type TenantInfo } from './auth/tenants';
import { ArmClient, GraphClient, ProvisioningClient } from './clients';
import { allowedHostsForCloud, createPipeline, type DisposableHttpPipeline, type PipelineLogger, type PipelineOptions, type WriteAuditSink } from './http';

export interface AzureClients {
  readonly cloud: CloudEndpoints;
  readonly credential: ScopedCredential;
  readonly pipeline: DisposableHttpPipeline;
  readonly arm: ArmClient;
  readonly graph: GraphClient;
  /** The Provisioning API of one gateway (`<label>.commsgw.azure.com`), with the credential's provisioning scope. */
  provisioning(gatewayDomain: string): ProvisioningClient;
  /** The account's tenants from ARM, or undefined where the list is not offered (then ask for a tenant instead). */
  listTenants(abortSignal?: AbortSignal): Promise<TenantInfo[] | undefined>;
}

export interface AzureClientsInput {
  readonly cloud: CloudEndpoints;
  readonly scoped: ScopedCredential;
  /** Receives redacted lines only (the pipeline redacts). */
  readonly logger?: PipelineLogger;
  /** Receives one record per write (the extension's audit log; the CLI's with ACG_AUDIT_LOG). */
  readonly audit?: WriteAuditSink;
  /** Asked before every write: a reason refuses it before anything is sent (the extension's Restricted Mode). */
  readonly writeRefusal?: () => string | undefined;
  /** Pipeline options a face may tune (timeouts, retries); never the host allowlist or the credential. */
  readonly pipelineOptions?: Omit<PipelineOptions, 'credential' | 'isAllowedHost' | 'logger' | 'writeRefusal'>;
}

export function createAzureClients({ cloud, scoped, logger, audit, writeRefusal, pipelineOptions }: AzureClientsInput): AzureClients {
  // The pipeline asks for tokens per request with the scopes the client names; the host allowlist makes sure a token
  // for this cloud never leaves its hosts.
  const pipeline = createPipeline({ ...pipelineOptions, credential: scoped.credential, isAllowedHost: allowedHostsForCloud(cloud), logger, ...(audit ? { audit } : {}), ...(writeRefusal ? { writeRefusal } : {}) });
  const [provisioningScope] = scoped.scopesFor('provisioning');
  const provisioningClients = new Map<string, ProvisioningClient>();
  return {
    cloud,
    credential: scoped,
    pipeline,
    arm: new ArmClient(pipeline, cloud),
    graph: new GraphClient(pipeline, cloud),
    listTenants: (abortSignal) => listTenants(pipeline, cloud, abortSignal),
    provisioning(gatewayDomain: string): ProvisioningClient {
      const key = gatewayDomain.toLowerCase();
      let client = provisioningClients.get(key);
      if (!client) {
        client = new ProvisioningClient(pipeline, cloud, gatewayDomain, { scope: provisioningScope });
        provisioningClients.set(key, client);
      }
      return client;
    },
  };
}
