// The network allowlist in front of a gateway's Provisioning API (`apiBridge.allowedAddressPrefixes`). Real ACG
// refuses other callers with a 403 whose wording is not public; the emulator's refusal names the caller's address,
// which is what lets the onboarding check show it (clients treat the address as optional).
import { cidrBlock, isIpv4Address } from '../../src/core/rules/networkRules';
import { gatewayDomainOf } from '../../src/core/ids';
import type { ServiceContext } from '../context';
import { coreError } from '../errors';
import type { EmulatorResponse, RequestContext } from '../http';

/** The caller's IPv4 address as the socket sees it (`::ffff:127.0.0.1` → `127.0.0.1`). */
export function callerAddress(req: RequestContext): string | undefined {
  const raw = req.req.socket.remoteAddress;
  if (raw === undefined) return undefined;
  return raw.startsWith('::ffff:') ? raw.slice('::ffff:'.length) : raw;
}

function inPrefix(address: string, prefix: string): boolean {
  const block = cidrBlock(prefix);
  const host = cidrBlock(`${address}/32`);
  return block !== undefined && host !== undefined && host.first >= block.first && host.first <= block.last;
}

/**
 * The refusal for a caller outside the gateway's allowlist, or undefined when it may call. A gateway with no
 * prefixes is treated as not restricted (gateways created in the sandbox without an allowlist stay usable).
 */
export function refuseOutsideAllowlist(ctx: ServiceContext, req: RequestContext, domain: string): EmulatorResponse | undefined {
  const gateway = ctx.state.gateways.find((g) => gatewayDomainOf(g.resource)?.toLowerCase() === domain.toLowerCase());
  const prefixes = gateway?.resource.properties?.apiBridge?.allowedAddressPrefixes ?? [];
  if (prefixes.length === 0) return undefined;
  const address = callerAddress(req);
  if (address !== undefined && isIpv4Address(address) && prefixes.some((p) => inPrefix(address, p))) return undefined;
  return coreError(
    403,
    'IpNotAllowed',
    `The caller's IP address ${address ?? 'unknown'} is not in the allowed address prefixes of this Communications Gateway's API Bridge.`,
  );
}
