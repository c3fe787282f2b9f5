// IPv4 addresses and CIDR prefixes, as used for operator addresses and allowlists.
import type { RuleViolation, ValuePath } from './types';
import { show, violation, wrongType } from './violation';

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
