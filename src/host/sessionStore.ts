// Where the signed-in state lives. Who, where and how go to globalState (not synced: a sign-in belongs to this
// machine). Secrets — a client secret, or a certificate's PEM with its private key — go ONLY to SecretStorage
// (the OS keychain, or code-server's encrypted store): never settings, files, globalState or logs.
import type * as vscode from 'vscode';
import type { CloudName } from '../core/clouds';
import type { SignInMethod } from './signInRequest';

export interface SessionState {
  method: SignInMethod;
  cloud: CloudName;
  /** The authority at sign-in: the emulator's URL can change under the same cloud name. */
  authorityHost: string;
  /** Directory GUID (from the token's `tid`), when known. */
  tenantId?: string;
  /** What the person typed or picked (a domain or the tenant's name), for display. */
  tenantLabel?: string;
  /** The tenant the sign-in asked for (undefined: the account's home tenant). Rebuilt credentials ask for the same,
   * so VS Code's provider is asked for exactly the scopes it granted at sign-in. */
  requestedTenant?: string;
  /** Who is signed in: a user name, or "service principal c0ffee00…". */
  account: string;
  /** Service principal or device-code client id. */
  clientId?: string;
  /** VS Code account, so silent look-ups return the same account. */
  vscodeAccount?: { id: string; label: string };
  /** Whether this sign-in came from the sandbox's environment (the secret then also lives in SecretStorage). */
  sandbox?: boolean;
  signedInAt: string;
}

const STATE_KEY = 'acg.auth.session';
/** One secret slot per kind: only one sign-in exists at a time, and sign-out clears both. */
export const SECRET_KEYS = { clientSecret: 'acg.auth.clientSecret', certificatePem: 'acg.auth.certificatePem' } as const;
type SecretName = keyof typeof SECRET_KEYS;

export class SessionStore {
  constructor(
    private readonly globalState: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  load(): SessionState | undefined {
    const value = this.globalState.get<unknown>(STATE_KEY);
    return isSessionState(value) ? value : undefined;
  }

  async save(state: SessionState): Promise<void> {
    await this.globalState.update(STATE_KEY, state);
  }

  async clear(): Promise<void> {
    await this.globalState.update(STATE_KEY, undefined);
    await Promise.all(Object.values(SECRET_KEYS).map((key) => this.secrets.delete(key)));
  }

  getSecret(name: SecretName): Thenable<string | undefined> {
    return this.secrets.get(SECRET_KEYS[name]);
  }

  async storeSecret(name: SecretName, value: string): Promise<void> {
    // Only one kind of secret is live at a time: a certificate sign-in must not leave an old client secret behind.
    await Promise.all((Object.keys(SECRET_KEYS) as SecretName[]).filter((n) => n !== name).map((n) => this.secrets.delete(SECRET_KEYS[n])));
    await this.secrets.store(SECRET_KEYS[name], value);
  }
}

function isSessionState(value: unknown): value is SessionState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.method === 'string' && typeof v.cloud === 'string' && typeof v.authorityHost === 'string' && typeof v.account === 'string';
}
