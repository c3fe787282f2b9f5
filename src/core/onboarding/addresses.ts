// IPv4 and IPv6 prefix containment for the Provisioning API allowlist check: is the address the API saw inside one
// of `apiBridge.allowedAddressPrefixes`? Addresses become bigints so that both families share one comparison.

interface ParsedAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

function parseIpv4(text: string): bigint | undefined {
  if (!IPV4.test(text)) return undefined;
  return text.split('.').reduce((sum, octet) => sum * 256n + BigInt(octet), 0n);
}

function hextets(part: string): bigint[] | undefined {
  if (part === '') return [];
  const groups = part.split(':');
  const values: bigint[] = [];
  for (const [i, group] of groups.entries()) {
    // An embedded IPv4 address (::ffff:192.0.2.1) counts as two hextets, and only at the end.
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      values.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEXTET.test(group)) {
      values.push(BigInt(`0x${group}`));
    } else {
      return undefined;
    }
  }
  return values;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = hextets(halves[0] ?? '');
  const tail = halves.length === 2 ? hextets(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<bigint>(missing).fill(0n), ...tail].reduce((sum, h) => (sum << 16n) | h, 0n);
}

const MAPPED_IPV4_PREFIX = 0xffffn << 32n;

/** An address of either family; an IPv4-mapped IPv6 address (::ffff:192.0.2.1, as Node reports) is its IPv4 address. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(trimmed.replace(/%.*$/, ''));
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === MAPPED_IPV4_PREFIX >> 32n) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** Whether `address` lies inside `prefix` (CIDR, or a bare address meaning exactly that one). Invalid input: false. */
export function prefixContains(prefix: string, address: string): boolean {
  const at = parseAddress(address);
  const [base = '', lengthText, extra] = prefix.trim().split('/');
  const network = parseAddress(base);
  if (!at || !network || extra !== undefined || network.family !== at.family) return false;
  const bits = network.family === 4 ? 32 : 128;
  const length = lengthText === undefined ? bits : /^\d{1,3}$/.test(lengthText) ? Number(lengthText) : NaN;
  if (!(length >= 0 && length <= bits)) return false;
  const shift = BigInt(bits - length);
  return network.value >> shift === at.value >> shift;
}
