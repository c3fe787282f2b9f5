// VS Code's own Microsoft sign-in, wrapped as a TokenCredential (pattern: microsoft/vscode-azuretools `auth/`). The
// azure layer never imports 'vscode'; this face builds the credential and hands it down.
import type { AccessToken, GetTokenOptions } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { CloudEndpoints } from '../core/clouds';
import { wrap, type AcgCredential } from '../azure/auth/credentialFactory';
import { tokenExpiry } from '../azure/auth/tokenClaims';
import { AcgError } from '../azure/errors';
import { vscodeScopes } from './vscodeScopes';

export interface VscodeSessionOptions {
  cloud: CloudEndpoints;
  /** Adds `VSCODE_TENANT:<tenant>`; without it the provider uses the account's home tenant. */
  tenantId?: string;
  /** `acg.auth.clientId`: adds `VSCODE_CLIENT_ID:<id>`, so tokens carry the operator app's Graph permissions. */
  clientId?: string;
  /** The account chosen at sign-in, so later silent look-ups never pick another signed-in account. */
  account?: vscode.AuthenticationSessionAccountInformation;
}

/**
 * Interactive sign-in: the one place that may show VS Code's consent and account picker. Called only from the Sign In
 * command, never from a token request in the background (and never by tests: in code-server it would hang offline).
 */
export async function signInWithVscode(options: VscodeSessionOptions): Promise<vscode.AuthenticationSession> {
  await ensureSovereignEnvironment(options.cloud);
  return vscode.authentication.getSession(options.cloud.vscodeAuthProvider, vscodeScopes(options.cloud.resourceManagerScope, options), {
    createIfNone: { detail: `Communications Gateway signs in to ${options.cloud.displayName} to list your gateways.` },
  });
}

/** VS Code registers its `microsoft-sovereign-cloud` provider only once this setting names the cloud (the Azure
 * extensions set it the same way). */
const SOVEREIGN_ENVIRONMENT: Partial<Record<CloudEndpoints['name'], string>> = { AzureUSGovernment: 'USGovernment', AzureChinaCloud: 'ChinaCloud' };

async function ensureSovereignEnvironment(cloud: CloudEndpoints): Promise<void> {
  const environment = SOVEREIGN_ENVIRONMENT[cloud.name];
  if (!environment) return;
  const config = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  if (config.get<string>('environment') === environment) return;
  try {
    await config.update('environment', environment, vscode.ConfigurationTarget.Global);
  } catch (error) {
    throw new AcgError({
      kind: 'notSignedIn',
      service: 'entra',
      message: `This VS Code has no sign-in for ${cloud.displayName} (microsoft-sovereign-cloud.environment could not be set). Use Device code instead.`,
      cause: error,
    });
  }
}

/**
 * The credential used after sign-in. Silent only: a request for a new audience (Graph, Provisioning API) that needs
 * consent fails with "sign in again" rather than popping a dialog in the middle of a tree refresh.
 */
export function createVscodeSessionCredential(options: VscodeSessionOptions): AcgCredential {
  const inner = {
    async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
      const session = await vscode.authentication.getSession(options.cloud.vscodeAuthProvider, vscodeScopes(scopes, options), {
        silent: true,
        ...(options.account ? { account: options.account } : {}),
      });
      if (!session) {
        throw new AcgError({
          kind: 'notSignedIn',
          service: 'entra',
          message: `VS Code has no ${options.cloud.displayName} session for ${[scopes].flat().join(', ')}. Run "Communications Gateway: Sign In…" again.`,
        });
      }
      // The provider does not say when the token expires; the JWT does. Otherwise assume a short life so that a
      // caching pipeline asks again soon (the provider refreshes on its own).
      return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + 5 * 60_000 };
    },
  };
  const label = options.account?.label ? `VS Code (${options.account.label})` : 'VS Code';
  return wrap(inner, 'vscode', label, options.tenantId);
}
