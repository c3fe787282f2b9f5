// How the CLI signs in, in the order the issue fixes: (1) a service principal from the environment variables
// @azure/identity reads, (2) the Azure CLI's login, (3) a device code, only with --device-code. Every credential comes
// from the one factory, which pins the chosen cloud's authority host; the pipeline then keeps tokens on that cloud's
// hosts. Each method is tried with one ARM token request, so a failure shows here and not halfway through a run.
import { readFileSync } from 'node:fs';
import { createCredential, wrap, type AcgCredential, type CredentialFactoryOptions, type CredentialRequest } from '../azure/auth/credentialFactory';
import { environmentSignIn, type EnvironmentVariables } from '../azure/auth/environmentCredential';
import { cachingCredential } from '../azure/auth/tokenCache';
import { AcgError } from '../azure/errors';
import type { CloudEndpoints } from '../core/clouds';
import { messageOf } from '../host/presentError';

export type CredentialFactory = (request: CredentialRequest, cloud: CloudEndpoints, options?: CredentialFactoryOptions) => Promise<AcgCredential>;

export interface CliSignInOptions {
  readonly cloud: CloudEndpoints;
  readonly env: EnvironmentVariables;
  /** --device-code: the third way is allowed. */
  readonly deviceCode: boolean;
  /** The device-code prompt goes here (stderr), so stdout stays the report. */
  readonly err: (line: string) => void;
  /** Injected by tests; the real factory otherwise. */
  readonly createCredential?: CredentialFactory;
  readonly readFile?: (path: string) => string;
  /** Extra CA certificates (tests with an in-process emulator); the CLI itself relies on NODE_EXTRA_CA_CERTS. */
  readonly ca?: readonly string[];
}

/** No way of signing in worked: the command prints `lines` (the three ways, and why each did not apply). */
export class SignInUnavailableError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join(' '));
    this.name = 'SignInUnavailableError';
  }
}

export async function signInForCli(options: CliSignInOptions): Promise<AcgCredential> {
  const { cloud, env } = options;
  const factory = options.createCredential ?? createCredential;
  const factoryOptions: CredentialFactoryOptions = options.ca && options.ca.length > 0 ? { ca: [...options.ca] } : {};
  const tenantId = env.AZURE_TENANT_ID?.trim() || undefined;

  const fromEnvironment = environmentSignIn(env, options.readFile ?? ((path) => readFileSync(path, 'utf8')));
  if (fromEnvironment.kind === 'incomplete') {
    throw new AcgError({ kind: 'notSignedIn', service: 'entra', message: `The service principal in the environment is incomplete: ${fromEnvironment.problem}.` });
  }
  if (fromEnvironment.kind === 'servicePrincipal') {
    // The person chose this principal by setting the variables: its failure is the answer, not a reason to try others.
    const credential = await factory(fromEnvironment.request, cloud, factoryOptions);
    await credential.getToken(cloud.resourceManagerScope);
    return credential;
  }

  let azureCli: string;
  if (cloud.name === 'Emulator') {
    azureCli = 'not used with the Emulator cloud (its tokens are for Azure and must not go to the emulator)';
  } else {
    try {
      const credential = await factory({ kind: 'azureCli', ...(tenantId ? { tenantId } : {}) }, cloud, factoryOptions);
      // `az` runs once per token request: keep its tokens for the run.
      const cached = wrap(cachingCredential(credential), credential.kind, credential.label, credential.tenantId);
      await cached.getToken(cloud.resourceManagerScope);
      return cached;
    } catch (error) {
      azureCli = messageOf(error).replace(/\s*Choose another sign-in method\.?$/, '');
    }
  }

  if (options.deviceCode) {
    const credential = await factory(
      { kind: 'deviceCode', ...(tenantId ? { tenantId } : {}), onPrompt: (prompt) => options.err(prompt.message) },
      cloud,
      factoryOptions,
    );
    await credential.getToken(cloud.resourceManagerScope);
    return credential;
  }

  throw new SignInUnavailableError([
    `could not sign in to ${cloud.displayName}. acg signs in the first of these ways that works:`,
    '  1. a service principal: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH). Not set.',
    `  2. the Azure CLI: run az login. ${sentence(azureCli)}`,
    '  3. a device code: run again with --device-code.',
  ]);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
