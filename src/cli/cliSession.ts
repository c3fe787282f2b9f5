// What every signed-in command (acg check, acg export) does before its own work: pick the cloud (--cloud,
// --emulator-url), make sure the emulator's TLS is trusted, sign in the first way that works, and build the clients
// on that cloud's pipeline. One place, so each command signs in, and fails to, in the same words.
import { audienceScopes, ScopedCredential } from '../azure/auth/scopedCredential';
import type { EnvironmentVariables } from '../azure/auth/environmentCredential';
import { createAzureClients, type AzureClients } from '../azure/azureClients';
import type { PipelineOptions } from '../azure/http';
import { resolveCloud, type CloudArguments } from './cloudOption';
import { emulatorTrustProblem } from './emulatorTrust';
import { SignInUnavailableError, signInForCli, type CredentialFactory } from './signIn';

/** What a test replaces; the CLI passes process.env and the working folder only. */
export interface SessionDependencies {
  readonly env: EnvironmentVariables;
  readonly cwd: string;
  /** Extra CA certificates for an in-process emulator; the CLI itself relies on NODE_EXTRA_CA_CERTS. */
  readonly ca?: readonly string[];
  readonly createCredential?: CredentialFactory;
  readonly pipelineOptions?: Omit<PipelineOptions, 'credential' | 'isAllowedHost' | 'logger' | 'ca'>;
}

export interface SessionArguments extends CloudArguments {
  readonly deviceCode: boolean;
}

export type CliSession =
  | { readonly ok: true; readonly clients: AzureClients }
  /** usage: a cloud option is wrong (the command adds its --help hint); failed: the lines are already on stderr. */
  | { readonly ok: false; readonly kind: 'usage'; readonly message: string }
  | { readonly ok: false; readonly kind: 'failed' };

/** Signs in for `acg <command>`; the caller disposes `clients.pipeline` when done. */
export async function openCliSession(command: string, args: SessionArguments, err: (line: string) => void, deps: SessionDependencies): Promise<CliSession> {
  const cloudChoice = resolveCloud(args, deps.env);
  if (!cloudChoice.ok) return { ok: false, kind: 'usage', message: cloudChoice.message };
  const { cloud } = cloudChoice;

  if (cloud.name === 'Emulator') {
    const problem = await emulatorTrustProblem(cloud.resourceManager, { env: deps.env, cwd: deps.cwd, ...(deps.ca ? { ca: deps.ca } : {}) });
    if (problem) {
      err(`acg ${command}: ${problem}`);
      return { ok: false, kind: 'failed' };
    }
  }

  let credential;
  try {
    credential = await signInForCli({ cloud, env: deps.env, deviceCode: args.deviceCode, err, ...(deps.createCredential ? { createCredential: deps.createCredential } : {}), ...(deps.ca ? { ca: deps.ca } : {}) });
  } catch (error) {
    if (!(error instanceof SignInUnavailableError)) throw error;
    error.lines.forEach((line, i) => err(i === 0 ? `acg ${command}: ${line}` : line));
    return { ok: false, kind: 'failed' };
  }

  const clients = createAzureClients({
    cloud,
    scoped: new ScopedCredential(credential, audienceScopes(cloud, deps.env.ACG_PROVISIONING_SCOPE)),
    pipelineOptions: { ...deps.pipelineOptions, ...(deps.ca ? { ca: [...deps.ca] } : {}) },
  });
  return { ok: true, clients };
}
