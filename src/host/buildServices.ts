// The pipeline and clients of one sign-in. Loaded through `import()` by Services (services.ts), so nothing here (and
// nothing the clients pull in) is on the activation path.
import type * as vscode from 'vscode';
import type { CloudEndpoints } from '../core/clouds';
import type { ScopedCredential } from '../azure/auth/scopedCredential';
import { listTenants } from '../azure/auth/tenants';
import { ArmClient, GraphClient, ProvisioningClient } from '../azure/clients';
import { allowedHostsForCloud, createPipeline } from '../azure/http';
import type { AcgServices } from './services';

export interface ServicesInput {
  cloud: CloudEndpoints;
  scoped: ScopedCredential;
  log: vscode.LogOutputChannel;
}

export function buildServices({ cloud, scoped, log }: ServicesInput): AcgServices {
  // The pipeline asks for tokens per request with the scopes the client names; the host allowlist makes sure a token
  // for this cloud never leaves its hosts. The log channel receives redacted lines only (the pipeline redacts).
  const pipeline = createPipeline({ credential: scoped.credential, isAllowedHost: allowedHostsForCloud(cloud), logger: log });
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
