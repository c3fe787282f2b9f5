// Sign-in: the state machine (one sign-in at a time, for the cloud in the settings) and its credential. It persists
// who/where/how (SessionStore) and keeps secrets in SecretStorage only. The credential is built on first use, so
// restoring a sign-in at activation loads no SDK. Clients are built elsewhere (services.ts), from this credential.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../core/clouds';
import { createCredential, shortId, type AcgCredential, type CredentialRequest, type DeviceCodePrompt } from '../azure/auth/credentialFactory';
import { audienceScopes, ScopedCredential } from '../azure/auth/scopedCredential';
import { identityFromToken } from '../azure/auth/tokenClaims';
import { isGuid } from '../azure/auth/tenant';
import { AcgError, notSignedInError } from '../azure/errors';
import { sandboxPrincipal } from './sandbox';
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

/** Why the sign-in changed. `credentialChanged`: same account, but tokens must be asked for anew (scope settings changed). */
export type SignInChangeReason = 'signedIn' | 'signedOut' | 'tenantChanged' | 'cloudChanged' | 'credentialChanged';

export interface SignInChange {
  readonly reason: SignInChangeReason;
  /** The state after the change (undefined: signed out). */
  readonly state: SessionState | undefined;
}

/** What faces see of sign-in. */
export interface SignIn {
  readonly state: SessionState | undefined;
  readonly signedIn: boolean;
  readonly cloud: CloudEndpoints;
  /** Fires after every sign-in, sign-out, tenant, cloud or credential change. */
  readonly onDidChange: vscode.Event<SignInChange>;
  /** The credential with each audience's scopes (ARM, Graph, Provisioning API); throws `notSignedIn` once signed out. */
  scoped(): ScopedCredential;
  signIn(request: SignInRequest, options?: SignInOptions): Promise<SessionState>;
  signOut(reason?: string): Promise<void>;
  selectTenant(tenant: string, label?: string, options?: SignInOptions): Promise<SessionState>;
  /** Whether any secret of ours is in SecretStorage (never returns the secret). */
  hasStoredSecret(): Promise<boolean>;
}

export class SignInSession implements SignIn, vscode.Disposable {
  private readonly store: SessionStore;
  private readonly changed = new vscode.EventEmitter<SignInChange>();
  readonly onDidChange = this.changed.event;
  private current: SessionState | undefined;
  private credentialPromise: Promise<AcgCredential> | undefined;
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
        else if (affectsScopes(event)) {
          this.credentialPromise = undefined;
          if (this.current) this.changed.fire({ reason: 'credentialChanged', state: this.current });
        }
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
      this.current = attempt.state;
      this.log.info(`Signed in to ${cloud.name} as ${attempt.state.account} (${attempt.state.method}, tenant ${attempt.state.tenantId ?? 'home'}).`);
      this.changed.fire({ reason: 'signedIn', state: this.current });
      return attempt.state;
    });
  }

  signOut(reason = 'Signed out'): Promise<void> {
    return this.serialise(() => this.signOutNow(reason, 'signedOut'));
  }

  private async signOutNow(reason: string, why: SignInChangeReason): Promise<void> {
    const was = this.current;
    await this.store.clear();
    this.credentialPromise = undefined;
    this.current = undefined;
    // VS Code's own account stays signed in (other extensions share it); we only forget that we use it.
    if (was) this.log.info(`${reason} (${was.account}, ${was.cloud}).`);
    this.changed.fire({ reason: why, state: undefined });
  }

  /** Moves the sign-in to another tenant with the same method, checking it with a token first. */
  selectTenant(tenant: string, label?: string, options: SignInOptions = {}): Promise<SessionState> {
    return this.serialise(async () => {
      const state = this.current;
      if (!state) throw notSignedInError();
      const request = await this.requestFor(state, tenant);
      const attempt = await this.attempt(request, this.cloud, options, state);
      const next: SessionState = { ...attempt.state, tenantLabel: label ?? (isGuid(tenant) ? attempt.state.tenantLabel : tenant) };
      await this.store.save(next);
      this.credentialPromise = Promise.resolve(attempt.credential);
      this.current = next;
      this.log.info(`Tenant set to ${next.tenantLabel ?? next.tenantId}.`);
      this.changed.fire({ reason: 'tenantChanged', state: next });
      return next;
    });
  }

  /** For tests and diagnostics: whether any secret of ours is in SecretStorage (never returns the secret). */
  async hasStoredSecret(): Promise<boolean> {
    return (await this.store.getSecret('clientSecret')) !== undefined || (await this.store.getSecret('certificatePem')) !== undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Queued behind any sign-in in flight, so a sign-in that finishes after the change is signed out too. */
  private onCloudChanged(): Promise<void> {
    return this.serialise(async () => {
      const cloud = this.cloud;
      const state = this.current;
      if (state && (state.cloud !== cloud.name || state.authorityHost !== cloud.authorityHost)) {
        await this.signOutNow(`Signed out of ${state.cloud}: the cloud is now ${cloud.name}`, 'cloudChanged');
      } else {
        this.changed.fire({ reason: 'cloudChanged', state });
      }
    });
  }

  private currentCredential(): Promise<AcgCredential> {
    const state = this.current;
    if (!state) return Promise.reject(notSignedInError());
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
          throw new AcgError({ kind: 'notSignedIn', service: 'entra', message: 'The stored service principal credential is gone. Sign in again.' });
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
