// How Microsoft's own SDK clients reach the emulator, as an Azure developer would point them at it: the emulator's
// URL as the endpoint, a real TokenCredential (@azure/identity's ClientSecretCredential against the emulator's Entra
// authority, from startWorld), and trust in the emulator's CA.
//
// Trust: every Azure SDK client takes `tlsOptions` (PipelineOptions in @azure/core-rest-pipeline), which its Node
// HTTP client passes to the TLS connection as `ca`. That trusts the emulator's CA for this client's requests only, with
// certificate and host-name checks still on (verification is never switched off), and no process-wide extra-CA variable
// (which Node reads only at start-up, so a test process could not set it for an emulator it starts itself), no custom
// HTTP client standing in for the SDK's own.
import type { Exchange } from '../../../emulator/server';
import type { ClientWorld } from '../azure/clients.support';

/** Options every SDK client gets: the emulator's endpoint and CA, and fast retries (the SDK's own retry policy). */
export function sdkOptions(world: ClientWorld): { endpoint: string; tlsOptions: { ca: string }; retryOptions: { maxRetries: number; retryDelayInMs: number; maxRetryDelayInMs: number } } {
  return {
    endpoint: world.emulator.url,
    tlsOptions: { ca: world.emulator.caCertPem },
    retryOptions: { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 50 },
  };
}

/** What the SDKs sent since `from`, as `METHOD path` lines (the paths the emulator routed, after `//` became `/`). */
export function sent(world: ClientWorld, from: number, service: Exchange['service'] = 'arm'): string[] {
  return world.exchanges.slice(from).filter((e) => e.service === service).map((e) => `${e.method} ${new URL(e.url).pathname}`);
}

/** Every exchange since `from` that the emulator did not route to an operation (a 404/405 for an unknown path). */
export function unrouted(world: ClientWorld, from: number): string[] {
  return world.exchanges.slice(from).filter((e) => (e.service === 'arm' || e.service === 'provisioning' || e.service === 'graph') && !e.operationId).map((e) => `${e.method} ${e.url} → ${e.status}`);
}
