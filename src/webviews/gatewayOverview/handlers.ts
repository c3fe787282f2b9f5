// The Gateway Overview's host-side request handlers: read what the page asks for through the injected deps and shape
// it with the pure view model (src/core/gateways/overview). Free of `vscode`, so mocha tests drive them against the
// emulator, and the fuzz test drives them with every malformed message it can think of.
import { parseGatewayId } from '../../azure/clients/armIds';
import { collectPages } from '../../azure/clients/paging';
import { cancelledError } from '../../azure/http/abort';
import { AcgError } from '../../azure/errors';
import { gatewayOverview, requestCountsOverview, testLinesOverview } from '../../core/gateways/overview';
import type { CloudEndpoints } from '../../core/clouds';
import type { CommunicationsGateway, GatewayRef } from '../../core/models';
import { ErrorActions } from '../shared/errorActions';
import type { RequestHandlers } from '../shared/rpcHost';
import type { GatewayOverviewDeps } from './deps';
import type { CopyField, GatewayOverviewIdentity, GatewayOverviewProtocol } from './protocol';

export interface GatewayOverviewTarget {
  /** The gateway's ARM resource id. */
  readonly gatewayId: string;
  readonly gatewayName: string;
  /** The resource as the picker or tree had it: the first paint uses it instead of reading ARM again. */
  readonly gateway?: CommunicationsGateway;
}

interface GatewayRead {
  readonly promise: Promise<CommunicationsGateway>;
  readonly controller: AbortController;
}

export class GatewayOverviewHandlers {
  readonly ref: GatewayRef;
  /** The presenter the panel's RpcHost uses: it records each error action offered, which runAction then allows. */
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<GatewayOverviewProtocol>;
  /** The gateway read the current load shares (one ARM read per refresh, however many sections need it). */
  private read: GatewayRead | undefined;

  constructor(
    private readonly deps: GatewayOverviewDeps,
    private readonly target: GatewayOverviewTarget,
  ) {
    const ref = parseGatewayId(target.gatewayId);
    if (!ref) throw new Error(`${target.gatewayId} is not a communications gateway id.`);
    this.ref = ref;
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    if (target.gateway) this.read = { promise: Promise.resolve(target.gateway), controller: new AbortController() };
    this.handlers = {
      identity: (): GatewayOverviewIdentity => ({ gatewayId: target.gatewayId, gatewayName: target.gatewayName }),
      gateway: async ({ reload }, { signal }) => gatewayOverview(await this.gateway(signal, reload), await this.cloud()),
      testLines: async (_params, { signal }) => {
        const gateway = await this.gateway(signal);
        const lines = await (await this.deps.services()).arm.listTestLines(this.ref, { abortSignal: signal });
        // The E.164 checks need libphonenumber-js: loaded with the first test lines, never at activation.
        const { testLineCoverage } = await import('../../core/gateways/testLineCoverage');
        return testLinesOverview(lines, testLineCoverage(gateway, lines));
      },
      provisioningCounts: async (_params, { signal }) => {
        const client = await this.provisioning(signal);
        const [accounts, numbers] = await Promise.all([client.countAccounts({ abortSignal: signal }), client.countNumbers(undefined, { abortSignal: signal })]);
        return { accounts, numbers };
      },
      requestCounts: async (_params, { signal }) => {
        const client = await this.provisioning(signal);
        return requestCountsOverview(await collectPages(client.listRequestsForInformation({ abortSignal: signal })));
      },
      reveal: async ({ target: kind }, { signal }) => this.deps.reveal({ kind, gateway: await this.gateway(signal) }),
      copy: async ({ field }, { signal }) => this.deps.copy(await this.copyValue(field, signal)),
      runOnboardingChecks: () => this.deps.runOnboardingChecks({ id: target.gatewayId, name: target.gatewayName }),
      runAction: ({ id }) => this.actions.run(id),
    };
  }

  /** Drops the shared read: the next request reads the gateway again (after a sign-in change). */
  forget(): void {
    this.read?.controller.abort();
    this.read = undefined;
  }

  dispose(): void {
    this.forget();
  }

  /** The gateway of the current load; `reload` starts a new read that later requests share. */
  private gateway(signal: AbortSignal, reload = false): Promise<CommunicationsGateway> {
    if (reload || !this.read) {
      this.read?.controller.abort();
      const controller = new AbortController();
      const promise = this.readGateway(controller.signal);
      const read = { promise, controller };
      // A failed read is not kept: the next request (Retry) reads again.
      promise.catch(() => {
        if (this.read === read) this.read = undefined;
      });
      this.read = read;
    }
    return untilAborted(this.read.promise, signal, `read ${this.target.gatewayName}`);
  }

  private async readGateway(signal: AbortSignal): Promise<CommunicationsGateway> {
    return (await this.deps.services()).arm.getGateway(this.ref, { abortSignal: signal });
  }

  /**
   * The cloud of the services the page reads with, not the settings' cloud of the moment: the URL shown is then the
   * one the client calls, even while a settings change is being applied.
   */
  private async cloud(): Promise<CloudEndpoints> {
    return (await this.deps.services()).cloud;
  }

  private async provisioning(signal: AbortSignal) {
    const gateway = await this.gateway(signal);
    const domain = await this.domainOf(gateway);
    return (await this.deps.services()).provisioning(domain);
  }

  private async domainOf(gateway: CommunicationsGateway): Promise<string> {
    const overview = gatewayOverview(gateway, await this.cloud());
    if (!overview.domain) {
      throw new AcgError({ kind: 'notFound', message: `${this.target.gatewayName} has no domain yet: ARM assigns it while the gateway is created. Refresh later.` });
    }
    return overview.domain;
  }

  private async copyValue(field: CopyField, signal: AbortSignal): Promise<string> {
    const overview = gatewayOverview(await this.gateway(signal), await this.cloud());
    const value = field === 'domain' ? overview.domain : field === 'provisioningApiUrl' ? overview.provisioningApiUrl : overview.id;
    if (!value) throw new AcgError({ kind: 'notFound', message: `${this.target.gatewayName} has no ${field === 'resourceId' ? 'resource id' : 'domain'} yet.` });
    return value;
  }
}

/** `promise`, or a cancelled AcgError as soon as `signal` aborts (the shared read itself goes on for the others). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, operation: string): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelledError(operation));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError(operation));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
