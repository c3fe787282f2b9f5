// The selected gateway's enterprises: its requests for information and accounts, read once per gateway and shared by
// the Enterprises view (group nodes, account nodes, the two-way links), the commands that pick from them and the
// panels, so each list costs one request. A failed read is not kept, so Retry reads again. A new sign-in or gateway
// starts a new scope.
import type * as vscode from 'vscode';
import type { ProvisioningClient } from '../azure/clients';
import { collectPages } from '../azure/clients/paging';
import { AcgError, notSignedInError } from '../azure/errors';
import type { AccountResource, RequestForInformationResource } from '../core/models';
import type { GatewaySelection, SelectedGateway } from './gatewaySelection';
import type { SignIn } from './signIn';

/** One gateway's shared lists and its Provisioning API client. */
export interface EnterpriseScope {
  readonly gateway: SelectedGateway;
  readonly data: EnterpriseData;
  client(): Promise<ProvisioningClient>;
}

export interface Enterprises {
  /** The scope of the gateway selected under the current sign-in; undefined when there is none. */
  current(): EnterpriseScope | undefined;
  /** The same, or an error that says what to do (sign in, select a gateway). */
  currentOrThrow(): EnterpriseScope;
}

export class SelectedEnterprises implements Enterprises, vscode.Disposable {
  private scope: EnterpriseScope | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly signIn: Pick<SignIn, 'signedIn' | 'onDidChange'>,
    private readonly selection: GatewaySelection,
  ) {
    const reset = (): void => {
      this.scope = undefined;
    };
    this.subscriptions = [signIn.onDidChange(reset), selection.onDidChange(reset)];
  }

  current(): EnterpriseScope | undefined {
    const gateway = this.selection.forCurrentSignIn();
    if (!gateway) return undefined;
    if (!this.scope || this.scope.gateway.id !== gateway.id || this.scope.gateway.domain !== gateway.domain) {
      const client = (): Promise<ProvisioningClient> => this.selection.provisioningClient(gateway);
      this.scope = { gateway, data: new EnterpriseData(client), client };
    }
    return this.scope;
  }

  currentOrThrow(): EnterpriseScope {
    if (!this.signIn.signedIn) throw notSignedInError();
    const scope = this.current();
    if (!scope) throw new AcgError({ kind: 'badRequest', message: 'Select a gateway first (Communications Gateway: Select Gateway…).' });
    return scope;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export class EnterpriseData {
  private requestsPromise: Promise<RequestForInformationResource[]> | undefined;
  private accountsPromise: Promise<AccountResource[]> | undefined;

  constructor(private readonly client: () => Promise<ProvisioningClient>) {}

  requests(): Promise<RequestForInformationResource[]> {
    this.requestsPromise ??= this.keep(this.client().then((c) => collectPages(c.listRequestsForInformation())), () => (this.requestsPromise = undefined));
    return this.requestsPromise;
  }

  accounts(): Promise<AccountResource[]> {
    this.accountsPromise ??= this.keep(this.client().then((c) => collectPages(c.listAccounts())), () => (this.accountsPromise = undefined));
    return this.accountsPromise;
  }

  invalidateRequests(): void {
    this.requestsPromise = undefined;
  }

  invalidateAccounts(): void {
    this.accountsPromise = undefined;
  }

  private keep<T>(promise: Promise<T>, forget: () => void): Promise<T> {
    promise.catch(forget);
    return promise;
  }
}
