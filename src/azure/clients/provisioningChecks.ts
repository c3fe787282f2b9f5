// Checks of numbers and accounts before a Provisioning API write, with the rule table (nothing is sent on bad input).
import type { NumberResource } from '../../core/models';
import { validateAccountName, validateNoDuplicateNumbers, validateNumber, validateTelephoneNumber, type RuleViolation } from '../../core/rules';
import { AcgError } from '../errors';
import { rejectInvalid } from './validation';

export function check(found: readonly RuleViolation[], operation: string, subject: string): void {
  rejectInvalid(found, { service: 'provisioning', operation, subject });
}

/** Every number valid, listed once, and in `account` (the service refuses a body naming another account). */
export function checkNumbersFor(account: string, numbers: readonly NumberResource[], operation: string): void {
  check(validateAccountName(account), operation, `account name ${account}`);
  const found = [...numbers.flatMap((n, i) => validateNumber(n, ['numbers', i])), ...validateNoDuplicateNumbers(numbers, ['numbers'], 'telephoneNumber')];
  check(found, operation, 'the numbers');
  const stray = numbers.findIndex((n) => n.accountName !== account);
  if (stray >= 0) {
    throw new AcgError({
      kind: 'badRequest',
      message: `Not sent: numbers[${stray}] (${numbers[stray].telephoneNumber}) names account '${numbers[stray].accountName}', but the batch is for '${account}'.`,
      service: 'provisioning',
      operation,
    });
  }
}

export function checkNumberIds(account: string, telephoneNumbers: readonly string[], operation: string): void {
  check(validateAccountName(account), operation, `account name ${account}`);
  const found = [
    ...telephoneNumbers.flatMap((n, i) => validateTelephoneNumber(n, ['numbers', i, 'telephoneNumber'])),
    ...validateNoDuplicateNumbers(telephoneNumbers, ['numbers']),
  ];
  check(found, operation, 'the numbers');
}
