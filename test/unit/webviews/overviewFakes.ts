// The Gateway Overview's deps for tests: real services against the emulator (the clients and pipeline the extension
// uses), or none at all (the fuzz test, where no handler may run), with every call the panel makes recorded.
import type { AcgServices } from '../../../src/host/services';
import { audienceScopes, ScopedCredential } from '../../../src/azure/auth/scopedCredential';
import { listTenants } from '../../../src/azure/auth/tenants';
import { ArmClient, GraphClient, ProvisioningClient } from '../../../src/azure/clients';
import { AcgError } from '../../../src/azure/errors';
import type { GatewayOverviewDeps, OverviewRevealTarget } from '../../../src/webviews/gatewayOverview/deps';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import type { ClientWorld, Principal } from '../azure/clients.support';
import { RecordingLog } from './rpcHarness';

export interface RecordedDeps {
  readonly deps: GatewayOverviewDeps;
  readonly log: RecordingLog;
  /** Every dependency call by name, in order ("services", "reveal", "copy", "executeCommand", …). */
  readonly calls: string[];
  readonly reveals: OverviewRevealTarget[];
  readonly copies: string[];
  readonly commands: string[];
  /** Gateways whose onboarding checks the page asked to run. */
  readonly onboardingRuns: { id: string; name: string }[];
  /** Fires the sign-in change event. */
  signInChanged(): void;
}

export function recordedDeps(services: () => Promise<AcgServices>): RecordedDeps {
  const log = new RecordingLog();
  const calls: string[] = [];
  const reveals: OverviewRevealTarget[] = [];
  const copies: string[] = [];
  const commands: string[] = [];
  const onboardingRuns: { id: string; name: string }[] = [];
  const listeners = new Set<() => void>();
  const deps: GatewayOverviewDeps = {
    services: () => {
      calls.push('services');
      return services();
    },
    log,
    present: presentErrorForWebview,
    reveal: async (target) => {
      calls.push('reveal');
      reveals.push(target);
    },
    copy: async (text) => {
      calls.push('copy');
      copies.push(text);
    },
    runOnboardingChecks: async (gateway) => {
      calls.push('runOnboardingChecks');
      onboardingRuns.push({ ...gateway });
    },
    onDidChangeSignIn: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    executeCommand: async (id) => {
      calls.push('executeCommand');
      commands.push(id);
      return undefined;
    },
  };
  return { deps, log, calls, reveals, copies, commands, onboardingRuns, signInChanged: () => listeners.forEach((l) => l()) };
}

/** A dependency set whose services must never be reached. */
export function unreachableServices(): Promise<AcgServices> {
  return Promise.reject(new AcgError({ kind: 'notSignedIn', message: 'Not signed in (test).' }));
}

/** The extension's services (clients over the production pipeline) for one principal of the emulator world. */
export function worldServices(world: ClientWorld, principal: Principal = 'operator'): AcgServices {
  const pipeline = world.pipeline(principal);
  const cloud = world.cloud;
  return {
    cloud,
    credential: new ScopedCredential(world.credential(principal), audienceScopes(cloud)),
    pipeline,
    arm: new ArmClient(pipeline, cloud),
    graph: new GraphClient(pipeline, cloud),
    provisioning: (domain) => new ProvisioningClient(pipeline, cloud, domain),
    listTenants: (abortSignal) => listTenants(pipeline, cloud, abortSignal),
  };
}
