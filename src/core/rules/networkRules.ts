// IPv4 addresses and CIDR prefixes, as used for operator addresses and allowlists: their format (ACG-GW-010, -011),
// whether an operator address can be reached at all (ACG-GW-015), and prefixes that overlap in one list (ACG-GW-016).
import { wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { show, violation } from './violation';

// Leading zeros are refused: some parsers read 010 as octal, so the meaning would be ambiguous.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const PREFIX_LENGTH = /^(3[0-2]|[12]?\d)$/;

export function isIpv4Address(value: string): boolean {
  return IPV4.test(value);
}

export function validateIpv4Address(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (isIpv4Address(value)) return [];
  const [address = '', prefix] = value.split('/');
  if (prefix !== undefined && isIpv4Address(address)) {
    return [violation('ACG-GW-010', path, `${show(value)} is a prefix, not an address: write the address alone (${address}).`, address)];
  }
  if (isIpv4Address(value.trim())) {
    return [violation('ACG-GW-010', path, `${show(value)} has spaces around it: write ${value.trim()}.`, value.trim())];
  }
  return [violation('ACG-GW-010', path, `${show(value)} is not an IPv4 address: write four numbers from 0 to 255, separated by dots, such as 198.51.100.1.`)];
}

export function validateCidr(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  const parts = value.split('/');
  const [address = '', prefix] = parts;
  if (parts.length === 1 && isIpv4Address(address)) {
    return [violation('ACG-GW-011', path, `${value} has no prefix length: write ${value}/32 to allow this one address.`, `${value}/32`)];
  }
  if (parts.length !== 2 || !isIpv4Address(address)) {
    return [violation('ACG-GW-011', path, `${show(value)} is not an IPv4 prefix: write an address, /, and a prefix length, such as 10.1.1.0/24.`)];
  }
  if (prefix === undefined || !PREFIX_LENGTH.test(prefix)) {
    return [violation('ACG-GW-011', path, `${show(value)} has prefix length ${show(prefix)}: use a whole number from 0 to 32.`)];
  }
  return [];
}

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
  if (extra !== undefined || prefixText === undefined || !PREFIX_LENGTH.test(prefixText) || !isIpv4Address(address)) return undefined;
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(ipv4ToNumber(address) / size) * size;
  return { first, last: first + size - 1, prefix };
}

function overlaps(a: Block, b: Block): boolean {
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

/** ACG-GW-015: an operator address in a range the internet does not route. Not an address at all is ACG-GW-010. */
export function validateOperatorAddressReachable(value: unknown, path: ValuePath = []): RuleViolation[] {
  const range = typeof value === 'string' ? specialRangeOf(value) : undefined;
  if (range === undefined) return [];
  return [
    violation(
      'ACG-GW-015',
      path,
      `${String(value)} is ${range}: Azure Communications Gateway reaches operator SBCs over the internet, so use the SBC's public IPv4 address.`,
    ),
  ];
}

/** Two prefixes of one allowlist that overlap: `later` repeats or nests in `earlier`, and `redundant` can go. */
export interface PrefixOverlap {
  readonly later: number;
  readonly earlier: number;
  /** The index of the prefix that the other one covers (the later one when both are the same). */
  readonly redundant: number;
  /** Both prefixes cover the same addresses. */
  readonly same: boolean;
}

/** Each prefix that overlaps one listed before it, paired with the first such one. Invalid prefixes are skipped. */
export function prefixOverlaps(list: readonly unknown[]): PrefixOverlap[] {
  const blocks = list.map((item) => (typeof item === 'string' ? cidrBlock(item) : undefined));
  const found: PrefixOverlap[] = [];
  blocks.forEach((block, later) => {
    if (!block) return;
    const earlier = blocks.findIndex((other, i) => i < later && other !== undefined && overlaps(block, other));
    if (earlier < 0) return;
    // Blocks of CIDR prefixes never partly overlap: one contains the other, so the smaller one is redundant.
    const other = blocks[earlier]!;
    const same = block.first === other.first && block.prefix === other.prefix;
    found.push({ later, earlier, redundant: block.prefix >= other.prefix ? later : earlier, same });
  });
  return found;
}

/** ACG-GW-016 at the later prefix of `overlap`, with the earlier one as the related place. `path` is the list's. */
export function overlappingPrefix(list: readonly unknown[], overlap: PrefixOverlap, path: ValuePath): RuleViolation {
  const [mine, theirs] = [String(list[overlap.later]), String(list[overlap.earlier])];
  const relation = overlap.same ? 'covers the same addresses as' : overlap.redundant === overlap.later ? 'lies inside' : 'contains';
  return violation('ACG-GW-016', [...path, overlap.later], `${mine} ${relation} ${theirs}, listed earlier in the same allowlist: one of them is redundant.`, undefined, {
    related: [{ path: [...path, overlap.earlier], message: `${theirs} overlaps ${mine}.` }],
  });
}
