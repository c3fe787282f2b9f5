// What "Sign In" can be asked to do: by the quick pick, or by automation passing an argument object to `acg.signIn`
// (integration tests, other extensions, keybindings). No 'vscode' here, so plain mocha tests reach the parser.
import { validateClientId, validateTenant } from '../azure/auth/tenant';

export type SignInMethod = 'vscode' | 'deviceCode' | 'azureCli' | 'servicePrincipalSecret' | 'servicePrincipalCertificate';

export type SignInRequest =
  /** The emulator demo tenant's operator service principal, from the ACG_SANDBOX_* environment (see sandbox.ts). */
  | { method: 'sandbox' }
  | { method: 'vscode'; tenantId?: string }
  | { method: 'deviceCode'; tenantId?: string; clientId?: string }
  | { method: 'azureCli'; tenantId?: string }
  | { method: 'servicePrincipalSecret'; tenantId: string; clientId: string; clientSecret: string }
  | { method: 'servicePrincipalCertificate'; tenantId: string; clientId: string; certificatePem: string };

const METHODS = ['sandbox', 'vscode', 'deviceCode', 'azureCli', 'servicePrincipalSecret', 'servicePrincipalCertificate'] as const;

/**
 * Checks an argument object from automation. Throws an Error whose message names the bad field; never echoes a secret
 * value back.
 */
export function parseSignInRequest(value: unknown): SignInRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Sign In takes an object such as { method: 'servicePrincipalSecret', tenantId, clientId, clientSecret }.`);
  }
  const record = value as Record<string, unknown>;
  const method = record.method;
  if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) {
    throw new Error(`Sign In: 'method' must be one of ${METHODS.join(', ')}.`);
  }
  const optionalTenant = (): string | undefined => (record.tenantId === undefined ? undefined : tenant());
  const tenant = (): string => check('tenantId', validateTenant);
  const client = (): string => check('clientId', validateClientId);
  const check = (field: string, validate: (v: string) => string | undefined): string => {
    const v = record[field];
    if (typeof v !== 'string') throw new Error(`Sign In: '${field}' is required and must be a string.`);
    const problem = validate(v);
    if (problem) throw new Error(`Sign In: ${field}: ${problem}`);
    return v.trim();
  };
  const secretText = (field: string): string => {
    const v = record[field];
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`Sign In: '${field}' is required and must be a non-empty string.`);
    return v;
  };
  switch (method as (typeof METHODS)[number]) {
    case 'sandbox':
      return { method: 'sandbox' };
    case 'vscode':
      return { method: 'vscode', tenantId: optionalTenant() };
    case 'azureCli':
      return { method: 'azureCli', tenantId: optionalTenant() };
    case 'deviceCode':
      return { method: 'deviceCode', tenantId: optionalTenant(), clientId: record.clientId === undefined ? undefined : client() };
    case 'servicePrincipalSecret':
      return { method: 'servicePrincipalSecret', tenantId: tenant(), clientId: client(), clientSecret: secretText('clientSecret') };
    case 'servicePrincipalCertificate': {
      const certificatePem = secretText('certificatePem');
      const problem = validateCertificatePem(certificatePem);
      if (problem) throw new Error(`Sign In: certificatePem: ${problem}`);
      return { method: 'servicePrincipalCertificate', tenantId: tenant(), clientId: client(), certificatePem };
    }
  }
}

/** ClientCertificateCredential needs the certificate and its private key in one PEM text. */
export function validateCertificatePem(pem: string): string | undefined {
  if (!/-----BEGIN CERTIFICATE-----/.test(pem)) return 'The PEM file holds no certificate (-----BEGIN CERTIFICATE-----).';
  if (!/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    return 'The PEM file holds no private key. Export the certificate together with its private key (unencrypted PEM).';
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) return 'The private key is encrypted; export it without a password.';
  return undefined;
}

export const METHOD_LABELS: Readonly<Record<SignInMethod, string>> = {
  vscode: 'VS Code account',
  deviceCode: 'device code',
  azureCli: 'Azure CLI',
  servicePrincipalSecret: 'service principal (secret)',
  servicePrincipalCertificate: 'service principal (certificate)',
};
