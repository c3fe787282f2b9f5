// Where a token may go. A token is only ever sent to the hosts of the selected cloud (DESIGN.md, "Auth"): the exact
// ARM, Graph and Entra hosts, and the Provisioning API hosts of gateways (`provapi.<label>.commsgw.azure.com`, API.md
// §1). In emulator mode only the emulator's own loopback origin (host and port) qualifies, so a second local server
// cannot collect emulator tokens either.
import type { CloudEndpoints } from '../../core/clouds';

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

export function allowedHostsForCloud(cloud: CloudEndpoints): (url: URL) => boolean {
  if (cloud.name === 'Emulator') {
    const origin = new URL(cloud.resourceManager);
    // The emulator URL setting is validated as loopback, but a hand-edited value must not widen the allowlist.
    if (origin.protocol !== 'https:' || !isLoopbackHost(origin.hostname)) return () => false;
    return (url) => url.protocol === 'https:' && noUserInfo(url) && url.hostname === origin.hostname && portOf(url) === portOf(origin);
  }
  const exact = new Set([cloud.resourceManager, cloud.graph, cloud.authorityHost].map((u) => new URL(u).hostname.toLowerCase()));
  return (url) =>
    url.protocol === 'https:' &&
    noUserInfo(url) &&
    portOf(url) === '443' &&
    (exact.has(url.hostname.toLowerCase()) || isProvisioningApiHost(url.hostname));
}

function noUserInfo(url: URL): boolean {
  return url.username === '' && url.password === '';
}
