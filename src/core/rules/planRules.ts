// Provisioning plans (*.acg-plan.json): rules across the records of one plan, which no single API call sees. The
// records themselves are checked by ./accountRules, ./numberRules and ./relationshipRules.
import { CSV_MAX_ROWS } from '../limits';
import { SERVICES, type ServiceKey } from '../models/provisioning';
import type { RuleViolation, ValuePath } from './types';
import { show, violation } from './violation';

/** Above this many numbers a plan should be split: the portal's CSV limit, so each part can also go through the portal. */
export const PLAN_SPLIT_MAX_NUMBERS = CSV_MAX_ROWS;

const count = (n: number) => n.toLocaleString('en-US');

/** ACG-PLAN-001 for one account's numbers list, or (without `accountName`) for the whole plan. */
export function validatePlanSize(numbers: number, path: ValuePath, accountName?: string): RuleViolation[] {
  if (numbers <= PLAN_SPLIT_MAX_NUMBERS) return [];
  const message =
    accountName === undefined
      ? `The plan lists ${count(numbers)} numbers: split it into files of at most ${count(PLAN_SPLIT_MAX_NUMBERS)}.`
      : `Account ${show(accountName)} lists ${count(numbers)} numbers: split the plan into files of at most ${count(PLAN_SPLIT_MAX_NUMBERS)}.`;
  return [violation('ACG-PLAN-001', path, message, undefined, { target: 'key' })];
}

/** ACG-PLAN-002: a number enables a service its account does not. */
export function serviceNotOnAccount(service: ServiceKey, accountName: string, path: ValuePath): RuleViolation {
  const name = SERVICES.find((s) => s.key === service)?.name ?? service;
  return violation(
    'ACG-PLAN-002',
    path,
    `${name} is enabled on this number but not on account ${show(accountName)}: enable serviceDetails.${service} on the account, or remove it here.`,
    undefined,
    { target: 'key' },
  );
}

/** ACG-PLAN-003: an account defined again; `firstIndex` is the 0-based index of its first definition. */
export function accountDefinedTwice(name: string, firstIndex: number, path: ValuePath, firstPath: ValuePath): RuleViolation {
  return violation(
    'ACG-PLAN-003',
    path,
    `Account ${show(name)} is already defined (account ${firstIndex + 1}): define each account once and list all its numbers there.`,
    undefined,
    { related: [{ path: firstPath, message: `${name} is first defined here.` }] },
  );
}

/** ACG-PLAN-004: a second relationship change for one tenant. */
export function relationshipChangedTwice(tenantId: string, firstIndex: number, path: ValuePath, firstPath: ValuePath): RuleViolation {
  return violation('ACG-PLAN-004', path, `Tenant ${show(tenantId)} already has a relationship change (entry ${firstIndex + 1}): keep one.`, undefined, {
    related: [{ path: firstPath, message: 'The first change for this tenant.' }],
  });
}

/** ACG-PLAN-005: a number's own accountName names another account than the one it is listed under. */
export function accountNameDiffers(accountName: string, enclosing: string, path: ValuePath): RuleViolation {
  return violation(
    'ACG-PLAN-005',
    path,
    `accountName ${show(accountName)} differs from the account ${show(enclosing)} this number is listed under: move the number, or correct accountName.`,
  );
}
