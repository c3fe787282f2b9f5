// The one credential factory (DESIGN.md, "Auth"). Every @azure/identity credential the product uses is built here, and
// @azure/identity is loaded only through `await import()` inside these functions: it pulls in MSAL and is the heaviest
// thing we ship, so activation must never pay for it (test/unit/activation.test.ts checks the bundle graph).
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../core/clouds';
import { toAuthError } from './authErrors';
import { retryingCredential, type AuthorityFailure, type AuthorityRetryOptions } from './authorityRetry';

/** How a person or pipeline signs in. `vscode` credentials are built by the VS Code face and only wrapped here. */
export type CredentialKind = 'vscode' | 'deviceCode' | 'azureCli' | 'servicePrincipalSecret' | 'servicePrincipalCertificate';

/** A TokenCredential that can say what it is, for the status bar, logs and error messages. Never holds a secret in
 * `label`. */
export interface AcgCredential extends TokenCredential {
  readonly kind: CredentialKind;
  /** Short human description, e.g. "service principal c0ffee00…" or "Azure CLI". */
  readonly label: string;
  /** The tenant the credential asks for tokens in, when it was given one. */
  readonly tenantId?: string;
}

/** What the device-code flow asks the person to do; the face turns it into a notification. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  message: string;
}

export type CredentialRequest =
  | { kind: 'azureCli'; tenantId?: string }
  | {
      kind: 'deviceCode';
      tenantId?: string;
      /** A public client allowed to use the device-code grant; the identity library's default when undefined. */
      clientId?: string;
      onPrompt: (prompt: DeviceCodePrompt) => void;
    }
  | { kind: 'servicePrincipalSecret'; tenantId: string; clientId: string; clientSecret: string }
  | {
      kind: 'servicePrincipalCertificate';
      tenantId: string;
      clientId: string;
      /** PEM text holding the certificate and its private key (never a path: the text comes from SecretStorage). */
      certificatePem: string;
      /** The password of an encrypted private key in `certificatePem` (AZURE_CLIENT_CERTIFICATE_PASSWORD). */
      certificatePassword?: string;
    };

export interface CredentialFactoryOptions {
  /** Extra CA certificates (PEM) for the token endpoint, e.g. the emulator's. Verification is never turned off; inside
   * VS Code NODE_EXTRA_CA_CERTS does the same job and this stays unset. */
  ca?: string[];
  /** How often, and how far apart, sign-in asks an authority that did not answer (default: DEFAULT_AUTHORITY_RETRY). */
  retry?: AuthorityRetryOptions;
  /** Told about each retry of an authority that did not answer (the face logs it). */
  onRetry?: (message: string) => void;
}

/**
 * Builds the credential for `request` in `cloud`. Always pins `authorityHost` to the cloud's authority, so a token
 * request never goes to another cloud's Entra; the emulator also needs instance discovery off, or MSAL asks
 * login.microsoftonline.com which authority to trust and never reaches the emulator (API.md §6).
 */
export async function createCredential(
  request: CredentialRequest,
  cloud: CloudEndpoints,
  options: CredentialFactoryOptions = {},
): Promise<AcgCredential> {
  const identity = await import('@azure/identity');
  const common = {
    authorityHost: cloud.authorityHost,
    ...(cloud.name === 'Emulator' ? { disableInstanceDiscovery: true } : {}),
    ...(options.ca && options.ca.length > 0 ? { tlsOptions: { ca: options.ca } } : {}),
  };
  let build: () => TokenCredential;
  let label: string;
  // Device code asks the person for a code once MSAL has found the authority: after that, a retry would show a new
  // code, so only a failed discovery is retried there. Azure CLI asks `az`, which has its own retries.
  let retryOn: readonly AuthorityFailure[] = ['discovery', 'unavailable'];
  switch (request.kind) {
    case 'azureCli':
      build = () => new identity.AzureCliCredential({ ...common, tenantId: request.tenantId });
      label = 'Azure CLI';
      retryOn = [];
      break;
    case 'deviceCode':
      build = () =>
        new identity.DeviceCodeCredential({
          ...common,
          tenantId: request.tenantId,
          clientId: request.clientId,
          userPromptCallback: (info) => request.onPrompt({ userCode: info.userCode, verificationUri: info.verificationUri, message: info.message }),
        });
      label = 'device code';
      retryOn = ['discovery'];
      break;
    case 'servicePrincipalSecret':
      build = () => new identity.ClientSecretCredential(request.tenantId, request.clientId, request.clientSecret, common);
      label = `service principal ${shortId(request.clientId)}`;
      break;
    case 'servicePrincipalCertificate':
      build = () => new identity.ClientCertificateCredential(request.tenantId, request.clientId, { certificate: request.certificatePem, ...(request.certificatePassword ? { certificatePassword: request.certificatePassword } : {}) }, common);
      label = `service principal ${shortId(request.clientId)} (certificate)`;
      break;
  }
  let first: TokenCredential;
  try {
    first = build();
  } catch (error) {
    // Constructors throw for malformed input (bad tenant id, http:// authority); say so without echoing secrets.
    throw toAuthError(error, 'Could not set up sign-in');
  }
  const inner =
    retryOn.length === 0
      ? first
      : retryingCredential({
          credential: first,
          rebuild: build,
          label,
          authority: `${cloud.authorityHost}/${request.tenantId ?? 'organizations'}`,
          emulator: cloud.name === 'Emulator',
          retryOn,
          retry: options.retry,
          onRetry: options.onRetry,
        });
  return wrap(inner, request.kind, label, request.tenantId);
}

/** Wraps any TokenCredential (e.g. the VS Code session credential built by the face) so it knows its kind and label,
 * and so that every failure reaches callers as an AcgError with a message a person can act on. */
export function wrap(inner: TokenCredential, kind: CredentialKind, label: string, tenantId?: string): AcgCredential {
  return {
    kind,
    label,
    tenantId,
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        return await inner.getToken(scopes, options);
      } catch (error) {
        throw toAuthError(error, `Sign-in with ${label} failed`);
      }
    },
  };
}

/** GUIDs are long; the first block is enough to tell principals apart on screen. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}
