// Where a token may go. A token is only ever sent to the hosts of the selected cloud (DESIGN.md, "Auth"): the exact
// ARM, Graph and Entra hosts, and the Provisioning API hosts of gateways (`provapi.<label>.commsgw.azure.com`, API.md
// §1). In emulator mode only the emulator's own loopback origin (host and port) qualifies, so a second local server
// cannot collect emulator tokens either. Given the service a request is for, only that service's host qualifies (the
// emulator's: its path prefix), so a nextLink or Azure-AsyncOperation URL naming another service of the same cloud
// never receives a token meant for the first.
import { EMULATOR_GRAPH_PATH, EMULATOR_PROVISIONING_PATH, type CloudEndpoints } from '../../core/clouds';
import type { ServiceKind } from './types';

/** One DNS label (RFC 1035 letters, digits and inner hyphens). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PROVISIONING_HOST = new RegExp(`^provapi\\.${LABEL}\\.commsgw\\.azure\\.com$`);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isProvisioningApiHost(hostname: string): boolean {
  return PROVISIONING_HOST.test(hostname.toLowerCase());
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** The port a URL really uses (WHATWG URL drops the scheme's default port). */
function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
}

export function allowedHostsForCloud(cloud: CloudEndpoints): (url: URL, service?: ServiceKind) => boolean {
  if (cloud.name === 'Emulator') {
    const origin = new URL(cloud.resourceManager);
    // The emulator URL setting is validated as loopback, but a hand-edited value must not widen the allowlist.
    if (origin.protocol !== 'https:' || !isLoopbackHost(origin.hostname)) return () => false;
    return (url, service) =>
      url.protocol === 'https:' && noUserInfo(url) && url.hostname === origin.hostname && portOf(url) === portOf(origin) && (service === undefined || emulatorServiceOf(url) === service);
  }
  const hosts: Record<ServiceKind, string> = { arm: hostOf(cloud.resourceManager), graph: hostOf(cloud.graph), provisioning: '' };
  const exact = new Set([hosts.arm, hosts.graph, hostOf(cloud.authorityHost)]);
  return (url, service) => {
    if (url.protocol !== 'https:' || !noUserInfo(url) || portOf(url) !== '443') return false;
    const host = url.hostname.toLowerCase();
    if (service === 'provisioning') return isProvisioningApiHost(host);
    if (service !== undefined) return host === hosts[service];
    return exact.has(host) || isProvisioningApiHost(host);
  };
}

/** Which service the emulator serves at a path: Graph and the Provisioning API under their prefixes, ARM elsewhere. */
function emulatorServiceOf(url: URL): ServiceKind {
  const under = (prefix: string): boolean => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  return under(EMULATOR_GRAPH_PATH) ? 'graph' : under(EMULATOR_PROVISIONING_PATH) ? 'provisioning' : 'arm';
}

function hostOf(base: string): string {
  return new URL(base).hostname.toLowerCase();
}

function noUserInfo(url: URL): boolean {
  return url.username === '' && url.password === '';
}
