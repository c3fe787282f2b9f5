// The signed-in state of the extension: one sign-in at a time, for the cloud in the settings. It owns the current
// credential, persists who/where/how (SessionStore), keeps secrets in SecretStorage only, and builds the pipeline and
// clients lazily on first use, so that activation never loads an SDK.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../core/clouds';
import { createCredential, shortId, type AcgCredential, type CredentialRequest, type DeviceCodePrompt } from '../azure/auth/credentialFactory';
import { audienceScopes, ScopedCredential } from '../azure/auth/scopedCredential';
import { identityFromToken } from '../azure/auth/tokenClaims';
import { isGuid } from '../azure/auth/tenant';
import { AcgError } from '../azure/errors';
import { sandboxPrincipal } from './sandbox';
import type { AcgServices } from './services';
import { SessionStore, type SessionState } from './sessionStore';
import { affectsCloud, affectsScopes, configuredClientId, currentCloud, provisioningScope } from './settings';
import type { SignInRequest } from './signInRequest';
import { createVscodeSessionCredential, signInWithVscode } from './vscodeSessionCredential';

export type { SessionState } from './sessionStore';

/** What the session needs from the UI, injected so that the session itself shows nothing. */
export interface SessionUi {
  /** Device code: show the code and the page to enter it. Called from inside a token request. */
  showDeviceCode(prompt: DeviceCodePrompt): void;
}

export interface SignInOptions {
  token?: vscode.CancellationToken;
}

export class AuthSession implements vscode.Disposable {
  private readonly store: SessionStore;
  private readonly changed = new vscode.EventEmitter<SessionState | undefined>();
  /** Fires after every sign-in, sign-out, tenant or cloud change, with the new state. */
  readonly onDidChange = this.changed.event;
  private current: SessionState | undefined;
  private credentialPromise: Promise<AcgCredential> | undefined;
  private servicesPromise: Promise<AcgServices> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Serialises sign-in, sign-out and cloud changes, so that a late sign-in can never land on a new cloud. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    context: { globalState: vscode.Memento; secrets: vscode.SecretStorage },
    private readonly log: vscode.LogOutputChannel,
    private readonly ui: SessionUi,
  ) {
    this.store = new SessionStore(context.globalState, context.secrets);
    const saved = this.store.load();
    const cloud = currentCloud();
    // A state saved for another cloud (the setting changed while VS Code was closed) must not survive: its tokens are
    // for the old cloud's hosts.
    if (saved && saved.cloud === cloud.name && saved.authorityHost === cloud.authorityHost) {
      this.current = saved;
    } else if (saved) {
      void this.serialise(() => this.store.clear());
      log.info(`Signed out: the saved sign-in was for ${saved.cloud} (${saved.authorityHost}), the cloud is now ${cloud.name}.`);
    }
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsCloud(event)) void this.onCloudChanged();
        else if (affectsScopes(event)) this.resetCredential();
      }),
    );
  }

  get state(): SessionState | undefined {
    return this.current;
  }

  get signedIn(): boolean {
    return this.current !== undefined;
  }

  get cloud(): CloudEndpoints {
    return currentCloud();
  }

  /** The credential of the current sign-in, as the pipeline uses it: it throws `notSignedIn` once signed out. Built on
   * first use, so restoring a sign-in at activation loads no SDK. */
  readonly credential: TokenCredential = {
    getToken: async (scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> => {
      const credential = await this.currentCredential();
      return credential.getToken(scopes, options);
    },
  };

  /** The credential with each audience's scopes (ARM, Graph, Provisioning API). */
  scoped(): ScopedCredential {
    return new ScopedCredential(this.credential, audienceScopes(this.cloud, provisioningScope()));
  }

  /** Pipeline and clients for the current sign-in, built once per sign-in (and per cloud). */
  services(): Promise<AcgServices> {
    if (!this.current) return Promise.reject(notSignedIn());
    if (!this.servicesPromise) {
      const cloud = this.cloud;
      const scoped = this.scoped();
      const building = import('./services').then((m) => m.buildServices({ cloud, scoped, log: this.log }));
      // A failed build is not cached: the next call tries again.
      building.catch(() => {
        if (this.servicesPromise === building) this.servicesPromise = undefined;
      });
      this.servicesPromise = building;
    }
    return this.servicesPromise;
  }

  /** Signs in, checks the sign-in by asking for an ARM token, then (only then) stores state and secret. A failure
   * changes nothing: the previous sign-in, if any, stays. */
  signIn(request: SignInRequest, options: SignInOptions = {}): Promise<SessionState> {
    return this.serialise(async () => {
      const cloud = this.cloud;
      const attempt = await this.attempt(request, cloud, options);
      await this.store.clear();
      if (attempt.secret) await this.store.storeSecret(attempt.secret.name, attempt.secret.value);
      await this.store.save(attempt.state);
      this.credentialPromise = Promise.resolve(attempt.credential);
      this.dropServices();
      this.current = attempt.state;
      this.log.info(`Signed in to ${cloud.name} as ${attempt.state.account} (${attempt.state.method}, tenant ${attempt.state.tenantId ?? 'home'}).`);
      this.changed.fire(this.current);
      return attempt.state;
    });
  }

  signOut(reason = 'Signed out'): Promise<void> {
    return this.serialise(() => this.signOutNow(reason));
  }

  private async signOutNow(reason: string): Promise<void> {
    const was = this.current;
    await this.store.clear();
    this.resetCredential();
    this.current = undefined;
    // VS Code's own account stays signed in (other extensions share it); we only forget that we use it.
    if (was) this.log.info(`${reason} (${was.account}, ${was.cloud}).`);
    this.changed.fire(undefined);
  }

  /** Moves the sign-in to another tenant with the same method, checking it with a token first. */
  selectTenant(tenant: string, label?: string, options: SignInOptions = {}): Promise<SessionState> {
    return this.serialise(async () => {
      const state = this.current;
      if (!state) throw notSignedIn();
      const request = await this.requestFor(state, tenant);
      const attempt = await this.attempt(request, this.cloud, options, state);
      const next: SessionState = { ...attempt.state, tenantLabel: label ?? (isGuid(tenant) ? attempt.state.tenantLabel : tenant) };
      await this.store.save(next);
      this.credentialPromise = Promise.resolve(attempt.credential);
      this.dropServices();
      this.current = next;
      this.log.info(`Tenant set to ${next.tenantLabel ?? next.tenantId}.`);
      this.changed.fire(next);
      return next;
    });
  }

  /** Subscription filter of the current cloud and tenant (undefined: show all). */
  subscriptionFilter(): string[] | undefined {
    return this.current ? this.store.subscriptionFilter(filterScope(this.current)) : undefined;
  }

  async setSubscriptionFilter(ids: string[] | undefined): Promise<void> {
    if (!this.current) throw notSignedIn();
    await this.store.setSubscriptionFilter(filterScope(this.current), ids);
    this.changed.fire(this.current);
  }

  /** For tests and diagnostics: whether any secret of ours is in SecretStorage (never returns the secret). */
  async hasStoredSecret(): Promise<boolean> {
    return (await this.store.getSecret('clientSecret')) !== undefined || (await this.store.getSecret('certificatePem')) !== undefined;
  }

  dispose(): void {
    this.dropServices();
    for (const d of this.disposables) d.dispose();
  }

  /** Queued behind any sign-in in flight, so a sign-in that finishes after the change is signed out too. */
  private onCloudChanged(): Promise<void> {
    return this.serialise(async () => {
      this.dropServices();
      const cloud = this.cloud;
      const state = this.current;
      if (state && (state.cloud !== cloud.name || state.authorityHost !== cloud.authorityHost)) {
        await this.signOutNow(`Signed out of ${state.cloud}: the cloud is now ${cloud.name}`);
      } else {
        this.changed.fire(this.current);
      }
    });
  }

  private resetCredential(): void {
    this.credentialPromise = undefined;
    this.dropServices();
  }

  /** Forgets the pipeline and clients (closing pooled connections), so the next use builds them for the new state. */
  private dropServices(): void {
    const old = this.servicesPromise;
    this.servicesPromise = undefined;
    old?.then((services) => services.pipeline.dispose(), () => undefined);
  }

  private currentCredential(): Promise<AcgCredential> {
    const state = this.current;
    if (!state) return Promise.reject(notSignedIn());
    if (!this.credentialPromise) {
      const building = this.requestFor(state, state.requestedTenant).then((request) => this.build(request, this.cloud, state));
      building.catch(() => {
        if (this.credentialPromise === building) this.credentialPromise = undefined;
      });
      this.credentialPromise = building;
    }
    return this.credentialPromise;
  }

  /** Rebuilds a sign-in request from saved state (after a reload, or for a tenant change), secrets from SecretStorage. */
  private async requestFor(state: SessionState, tenantId: string | undefined): Promise<SignInRequest> {
    switch (state.method) {
      case 'vscode':
      case 'azureCli':
        return { method: state.method, tenantId };
      case 'deviceCode':
        return { method: 'deviceCode', tenantId, clientId: state.clientId };
      case 'servicePrincipalSecret':
      case 'servicePrincipalCertificate': {
        const secretName = state.method === 'servicePrincipalSecret' ? 'clientSecret' : 'certificatePem';
        const secret = await this.store.getSecret(secretName);
        // A service principal always names its tenant; states saved before `requestedTenant` existed have the id.
        tenantId ??= state.tenantId;
        if (!secret || !state.clientId || !tenantId) {
          throw new AcgError({ kind: 'notSignedIn', service: 'entra', message: 'The stored service principal credential is gone. Run "Communications Gateway: Sign In…" again.' });
        }
        return state.method === 'servicePrincipalSecret'
          ? { method: state.method, tenantId, clientId: state.clientId, clientSecret: secret }
          : { method: state.method, tenantId, clientId: state.clientId, certificatePem: secret };
      }
    }
  }

  private async build(request: SignInRequest, cloud: CloudEndpoints, state?: SessionState): Promise<AcgCredential> {
    // A retry of an authority that did not answer goes to the log, so a slow sign-in says why it is slow.
    const factory = { onRetry: (message: string) => this.log.warn(message) };
    switch (request.method) {
      case 'vscode':
        return createVscodeSessionCredential({ cloud, tenantId: request.tenantId, clientId: configuredClientId(), account: state?.vscodeAccount });
      case 'sandbox':
        return createCredential({ kind: 'servicePrincipalSecret', ...requireSandbox(cloud) }, cloud, factory);
      case 'deviceCode':
        return createCredential({ kind: 'deviceCode', tenantId: request.tenantId, clientId: request.clientId ?? configuredClientId(), onPrompt: (p) => this.ui.showDeviceCode(p) }, cloud, factory);
      default:
        return createCredential(toCredentialRequest(request), cloud, factory);
    }
  }

  /** Builds and checks a credential; returns what to store if it works. Stores nothing itself. */
  private async attempt(
    request: SignInRequest,
    cloud: CloudEndpoints,
    options: SignInOptions,
    previous?: SessionState,
  ): Promise<{ credential: AcgCredential; state: SessionState; secret?: { name: 'clientSecret' | 'certificatePem'; value: string } }> {
    const abort = new AbortController();
    const subscription = options.token?.onCancellationRequested(() => abort.abort());
    try {
      let vscodeAccount = previous?.vscodeAccount;
      if (request.method === 'vscode') {
        // The interactive step happens here, once, because the person asked for it.
        const session = await signInWithVscode({ cloud, tenantId: request.tenantId, clientId: configuredClientId() });
        vscodeAccount = { id: session.account.id, label: session.account.label };
      }
      const credential = await this.build(request, cloud, { ...(previous ?? blankState(cloud)), vscodeAccount });
      const token = await credential.getToken(cloud.resourceManagerScope, { abortSignal: abort.signal });
      if (options.token?.isCancellationRequested) throw new vscode.CancellationError();
      if (!token) throw new AcgError({ kind: 'notSignedIn', service: 'entra', message: `Sign-in with ${credential.label} returned no token.` });
      const who = identityFromToken(token.token);
      const sandbox = request.method === 'sandbox' ? requireSandbox(cloud) : undefined;
      const clientId = sandbox?.clientId ?? ('clientId' in request ? request.clientId : undefined);
      const tenantId = who.tenantId ?? credential.tenantId ?? sandbox?.tenantId;
      const requestedTenant = sandbox?.tenantId ?? ('tenantId' in request ? request.tenantId : undefined);
      const state: SessionState = {
        method: request.method === 'sandbox' ? 'servicePrincipalSecret' : request.method,
        cloud: cloud.name,
        authorityHost: cloud.authorityHost,
        tenantId,
        tenantLabel: requestedTenant && !isGuid(requestedTenant) ? requestedTenant : undefined,
        requestedTenant,
        account: vscodeAccount?.label ?? (who.kind === 'user' && who.account ? who.account : clientId ? `service principal ${shortId(clientId)}` : (who.account ?? credential.label)),
        clientId,
        vscodeAccount: request.method === 'vscode' ? vscodeAccount : undefined,
        // A tenant change rebuilds the sandbox sign-in from SecretStorage; it is still the sandbox principal.
        sandbox: request.method === 'sandbox' || previous?.sandbox ? true : undefined,
        signedInAt: new Date().toISOString(),
      };
      const secret =
        sandbox ? { name: 'clientSecret' as const, value: sandbox.clientSecret }
        : request.method === 'servicePrincipalSecret' ? { name: 'clientSecret' as const, value: request.clientSecret }
        : request.method === 'servicePrincipalCertificate' ? { name: 'certificatePem' as const, value: request.certificatePem }
        : undefined;
      return { credential, state, secret };
    } finally {
      subscription?.dispose();
    }
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function toCredentialRequest(request: Exclude<SignInRequest, { method: 'vscode' | 'sandbox' | 'deviceCode' }>): CredentialRequest {
  switch (request.method) {
    case 'azureCli':
      return { kind: 'azureCli', tenantId: request.tenantId };
    case 'servicePrincipalSecret':
      return { kind: 'servicePrincipalSecret', tenantId: request.tenantId, clientId: request.clientId, clientSecret: request.clientSecret };
    case 'servicePrincipalCertificate':
      return { kind: 'servicePrincipalCertificate', tenantId: request.tenantId, clientId: request.clientId, certificatePem: request.certificatePem };
  }
}

function requireSandbox(cloud: CloudEndpoints): { tenantId: string; clientId: string; clientSecret: string } {
  const principal = sandboxPrincipal(cloud);
  if (!principal) {
    throw new AcgError({
      kind: 'notSignedIn',
      service: 'entra',
      message: 'The sandbox sign-in works only in the Emulator cloud started by "npm start" (ACG_SANDBOX_* variables are not set).',
    });
  }
  return principal;
}

function blankState(cloud: CloudEndpoints): SessionState {
  return { method: 'vscode', cloud: cloud.name, authorityHost: cloud.authorityHost, account: '', signedInAt: '' };
}

function filterScope(state: SessionState): string {
  return `${state.cloud}|${state.authorityHost}|${state.tenantId ?? ''}`;
}

export function notSignedIn(): AcgError {
  return new AcgError({ kind: 'notSignedIn', message: 'Not signed in. Run "Communications Gateway: Sign In…" first.' });
}
