// The service principal that the environment names, with the variables @azure/identity's EnvironmentCredential reads
// (AZURE_TENANT_ID, AZURE_CLIENT_ID, and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH). It becomes a
// CredentialRequest for the one factory, so the cloud's authority host is pinned exactly as for every other sign-in;
// EnvironmentCredential itself would follow AZURE_AUTHORITY_HOST wherever it points.
import type { CredentialRequest } from './credentialFactory';

export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

export type EnvironmentSignIn =
  /** No service principal variables at all: another way of signing in applies. */
  | { readonly kind: 'none' }
  /** Some are set, but not enough: the person meant to use them, so say what is missing rather than move on. */
  | { readonly kind: 'incomplete'; readonly problem: string }
  | { readonly kind: 'servicePrincipal'; readonly request: Extract<CredentialRequest, { kind: 'servicePrincipalSecret' | 'servicePrincipalCertificate' }> };

const SECRET_VARIABLES = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH'] as const;

/**
 * Reads the service principal from `env`. `readCertificate` reads AZURE_CLIENT_CERTIFICATE_PATH (PEM with the private
 * key); it is injected so that this module does no I/O of its own and tests need no files.
 */
export function environmentSignIn(env: EnvironmentVariables, readCertificate: (path: string) => string): EnvironmentSignIn {
  const value = (name: string): string | undefined => {
    const text = env[name]?.trim();
    return text ? text : undefined;
  };
  const tenantId = value('AZURE_TENANT_ID');
  const clientId = value('AZURE_CLIENT_ID');
  const secret = value('AZURE_CLIENT_SECRET');
  const certificatePath = value('AZURE_CLIENT_CERTIFICATE_PATH');
  // AZURE_CLIENT_ID alone is also how a managed identity is chosen: only a secret or a certificate says "service principal".
  if (!secret && !certificatePath) return { kind: 'none' };
  const missing = [tenantId ? undefined : 'AZURE_TENANT_ID', clientId ? undefined : 'AZURE_CLIENT_ID'].filter((name): name is string => name !== undefined);
  const given = SECRET_VARIABLES.filter((name) => value(name));
  if (missing.length > 0 || !tenantId || !clientId) {
    return { kind: 'incomplete', problem: `${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set, but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not` };
  }
  if (secret) return { kind: 'servicePrincipal', request: { kind: 'servicePrincipalSecret', tenantId, clientId, clientSecret: secret } };
  let certificatePem: string;
  try {
    certificatePem = readCertificate(certificatePath!);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { kind: 'incomplete', problem: `AZURE_CLIENT_CERTIFICATE_PATH (${certificatePath}) cannot be read${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  const certificatePassword = value('AZURE_CLIENT_CERTIFICATE_PASSWORD');
  return {
    kind: 'servicePrincipal',
    request: { kind: 'servicePrincipalCertificate', tenantId, clientId, certificatePem, ...(certificatePassword ? { certificatePassword } : {}) },
  };
}
