// Live checks of a provisioning plan against the selected gateway (ACG-LIVE-*): what the gateway said about the
// plan's accounts, civic addresses, locations and numbers. Paths are empty: the live checker knows each value's range.
import type { RuleViolation, ValuePath } from './types';
import { violation } from './violation';

/** ACG-LIVE-001 */
export function unknownAccount(accountName: string, gatewayName: string, path: ValuePath = []): RuleViolation {
  return violation('ACG-LIVE-001', path, `Account ${accountName} does not exist on gateway ${gatewayName}.`);
}

/** ACG-LIVE-002, for a civic address id or (with `kind` 'location') a location id. */
export function unknownCivicReference(kind: 'civic address' | 'location', id: string, accountName: string, path: ValuePath = []): RuleViolation {
  return violation('ACG-LIVE-002', path, `The enterprise of account ${accountName} has no ${kind} ${id}.`);
}

/** ACG-LIVE-003 */
export function numberOwnedElsewhere(telephoneNumber: string, owner: string, gatewayName: string, path: ValuePath = []): RuleViolation {
  return violation('ACG-LIVE-003', path, `${telephoneNumber} already belongs to account ${owner} on gateway ${gatewayName}.`);
}

/** ACG-LIVE-004, at the first number that was not looked up. */
export function liveChecksLimited(max: number, total: number, path: ValuePath = []): RuleViolation {
  return violation('ACG-LIVE-004', path, `Live checks looked up the first ${max} of ${total} numbers; the others (from here on) were not checked.`);
}
