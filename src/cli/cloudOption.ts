// `--cloud` and `--emulator-url` (or ACG_CLOUD and ACG_EMULATOR_URL): which cloud's hosts the CLI talks to, and
// therefore the only hosts a token may go to.
import { CLOUD_NAMES, getCloud, isCloudName, type CloudEndpoints } from '../core/clouds';
import { isLoopbackHost } from '../azure/http';
import type { EnvironmentVariables } from '../azure/auth/environmentCredential';

export interface CloudArguments {
  readonly cloud?: string;
  readonly emulatorUrl?: string;
}

export type CloudChoice = { readonly ok: true; readonly cloud: CloudEndpoints } | { readonly ok: false; readonly message: string };

export function resolveCloud(args: CloudArguments, env: EnvironmentVariables): CloudChoice {
  const fromEnv = env.ACG_CLOUD?.trim() || undefined;
  const name = args.cloud ?? fromEnv ?? 'AzureCloud';
  const where = args.cloud !== undefined ? '--cloud' : 'ACG_CLOUD';
  if (!isCloudName(name)) return { ok: false, message: `${where} must be one of ${CLOUD_NAMES.join(', ')}, not '${name}'.` };
  if (name !== 'Emulator') {
    if (args.emulatorUrl !== undefined) return { ok: false, message: `--emulator-url applies only to --cloud Emulator (the cloud is ${name}).` };
    return { ok: true, cloud: getCloud(name) };
  }
  const url = args.emulatorUrl ?? (env.ACG_EMULATOR_URL?.trim() || undefined);
  const urlWhere = args.emulatorUrl !== undefined ? '--emulator-url' : 'ACG_EMULATOR_URL';
  if (url === undefined) return { ok: false, message: 'the Emulator cloud needs --emulator-url (or ACG_EMULATOR_URL), e.g. https://127.0.0.1:10443.' };
  const problem = emulatorUrlProblem(url);
  if (problem) return { ok: false, message: `${urlWhere} ${problem}` };
  return { ok: true, cloud: getCloud('Emulator', url) };
}

/** The emulator serves HTTPS on a loopback origin; anything else would send tokens off this machine. */
function emulatorUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `must be a URL such as https://127.0.0.1:10443, not '${text}'.`;
  }
  if (url.protocol !== 'https:') return `must be https (the emulator serves TLS), not '${text}'.`;
  if (!isLoopbackHost(url.hostname)) return `must point at this machine (127.0.0.1, localhost or [::1]), not '${url.hostname}'.`;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) return `must be the emulator's origin only (https://host:port), not '${text}'.`;
  return undefined;
}
