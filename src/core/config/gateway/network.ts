// IPv4 facts the gateway rules need beyond "is it well formed": special-purpose ranges and prefix overlaps.
import { isIpv4Address } from '../../rules/networkRules';

export interface Block {
  /** First address, as an unsigned 32-bit number. */
  readonly first: number;
  readonly last: number;
  readonly prefix: number;
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
}

/** The block a CIDR covers (host bits ignored), or undefined when it is not a valid CIDR. */
export function cidrBlock(cidr: string): Block | undefined {
  const [address = '', prefixText, extra] = cidr.split('/');
  if (extra !== undefined || prefixText === undefined || !/^(3[0-2]|[12]?\d)$/.test(prefixText) || !isIpv4Address(address)) return undefined;
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(ipv4ToNumber(address) / size) * size;
  return { first, last: first + size - 1, prefix };
}

export function overlaps(a: Block, b: Block): boolean {
  return a.first <= b.last && b.first <= a.last;
}

// RFC 6890 special-purpose ranges that can never be a reachable operator address. The documentation ranges
// (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, RFC 5737) are left out on purpose: examples and the emulator use them.
const SPECIAL_RANGES: readonly (readonly [string, string])[] = [
  ['0.0.0.0/8', '"this network" (0.0.0.0/8)'],
  ['10.0.0.0/8', 'private (RFC 1918, 10.0.0.0/8)'],
  ['100.64.0.0/10', 'shared carrier-grade NAT space (RFC 6598, 100.64.0.0/10)'],
  ['127.0.0.0/8', 'loopback (127.0.0.0/8)'],
  ['169.254.0.0/16', 'link-local (169.254.0.0/16)'],
  ['172.16.0.0/12', 'private (RFC 1918, 172.16.0.0/12)'],
  ['192.0.0.0/24', 'reserved for IETF protocol assignments (192.0.0.0/24)'],
  ['192.168.0.0/16', 'private (RFC 1918, 192.168.0.0/16)'],
  ['198.18.0.0/15', 'reserved for benchmarking (RFC 2544, 198.18.0.0/15)'],
  ['224.0.0.0/4', 'multicast (224.0.0.0/4)'],
  ['240.0.0.0/4', 'reserved (240.0.0.0/4, including broadcast)'],
];

const SPECIAL_BLOCKS = SPECIAL_RANGES.map(([cidr, name]) => ({ block: cidrBlock(cidr)!, name }));

/** What kind of special-purpose range a valid IPv4 address is in, or undefined for a public address. */
export function specialRangeOf(address: string): string | undefined {
  if (!isIpv4Address(address)) return undefined;
  const value = ipv4ToNumber(address);
  return SPECIAL_BLOCKS.find(({ block }) => value >= block.first && value <= block.last)?.name;
}
