// *.acg-migration.json: an enterprise's move of users and their numbers to Operator Connect or Teams Phone Mobile.
// The file's shape is checked here; the Teams admin's steps are rules in src/core/rules/migrationRules.ts.
import { validateAccountName, validateTenantId } from '../../rules/accountRules';
import { userListedTwice, validateMigrationSteps, validateMobileUser, validateMobilityPolicy } from '../../rules/migrationRules';
import { validateNoDuplicateNumbers } from '../../rules/numberRules';
import { validateTelephoneNumber } from '../../rules/phoneNumber';
import { checkAllowed } from '../../rules/schemaRules';
import type { RuleViolation, ValuePath } from '../../rules/types';
import { isRecord } from '../../rules/violation';
import { fromViolation, type Finding } from '../json/findings';
import { MIGRATION_SOURCES, MIGRATION_TARGETS, type MigrationTarget } from '../model';
import { checkFormat, missingValue, requireObject, unknownKeys, wrongTypeOf } from '../shape';

const ROOT_KEYS: ReadonlySet<string> = new Set(['$schema', 'enterprise', 'target', 'mobilityPolicy', 'users']);
const ENTERPRISE_KEYS: ReadonlySet<string> = new Set(['name', 'tenantId', 'accountName']);
const POLICY_KEYS: ReadonlySet<string> = new Set(['name', 'mobileDialerPreference']);
const LICENCE_KEYS: ReadonlySet<string> = new Set(['phoneSystem', 'teamsPhoneMobile']);
const USER_KEYS: ReadonlySet<string> = new Set([
  'userPrincipalName',
  'telephoneNumber',
  'source',
  'target',
  'unassignNumber',
  'removeCallingPlanLicence',
  'waitMinutes',
  'removeOnPremLineUri',
  'removeVoiceRoutingPolicy',
  'teamsUpgradeMode',
  'licences',
  'mobilityPolicy',
  'locationId',
]);
const UPN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const findings = (found: readonly RuleViolation[]): Finding[] => found.map((v) => fromViolation(v));

function policyShape(value: unknown, path: ValuePath): Finding[] {
  return isRecord(value) ? unknownKeys(value, path, POLICY_KEYS) : [];
}

function checkUser(user: Record<string, unknown>, path: ValuePath, defaultTarget: MigrationTarget | undefined): Finding[] {
  const found = unknownKeys(user, path, USER_KEYS);
  found.push(...checkFormat(user, 'userPrincipalName', path, (v) => UPN.test(v), 'a user principal name such as megan@contoso.com', true));
  found.push(...findings(validateTelephoneNumber(user['telephoneNumber'], [...path, 'telephoneNumber'])));
  const source = user['source'];
  if (source === undefined) found.push(missingValue([...path, 'source']));
  else found.push(...findings(checkAllowed(source, MIGRATION_SOURCES, [...path, 'source'], 'source')));
  const ownTarget = user['target'];
  if (ownTarget !== undefined) found.push(...findings(checkAllowed(ownTarget, MIGRATION_TARGETS, [...path, 'target'], 'target')));
  const target = ownTarget === undefined ? defaultTarget : MIGRATION_TARGETS.find((t) => t === ownTarget);
  const location = user['locationId'];
  if (location !== undefined && typeof location !== 'string') found.push(wrongTypeOf([...path, 'locationId'], 'a string', location));
  const licences = user['licences'];
  if (isRecord(licences)) found.push(...unknownKeys(licences, [...path, 'licences'], LICENCE_KEYS));
  found.push(...policyShape(user['mobilityPolicy'], [...path, 'mobilityPolicy']));
  return [...found, ...findings(validateMigrationSteps(user, path, source)), ...findings(validateMobileUser(user, path, target))];
}

function checkDuplicates(users: readonly unknown[]): Finding[] {
  const found = findings(validateNoDuplicateNumbers(users, ['users'], 'telephoneNumber'));
  const upns = new Map<string, number>();
  users.forEach((user, index) => {
    if (!isRecord(user)) return;
    const upn = user['userPrincipalName'];
    if (typeof upn === 'string') {
      const first = upns.get(upn.toLowerCase());
      if (first === undefined) upns.set(upn.toLowerCase(), index);
      else {
        const repeat = userListedTwice(upn, first, ['users', index, 'userPrincipalName'], ['users', first, 'userPrincipalName']);
        found.push(fromViolation(repeat, [], [{ kind: 'removeElement', title: 'Remove this duplicate user', path: ['users', index] }]));
      }
    }
  });
  return found;
}

export function migrationFindings(root: unknown): Finding[] {
  if (!isRecord(root)) return [wrongTypeOf([], 'a migration runbook object', root)];
  const found = unknownKeys(root, [], ROOT_KEYS);
  const enterprise = requireObject(root, 'enterprise', [], found);
  if (enterprise) {
    found.push(...unknownKeys(enterprise, ['enterprise'], ENTERPRISE_KEYS));
    found.push(...findings(validateTenantId(enterprise['tenantId'], ['enterprise', 'tenantId'])));
    if (enterprise['accountName'] !== undefined) found.push(...findings(validateAccountName(enterprise['accountName'], ['enterprise', 'accountName'])));
    if (enterprise['name'] !== undefined && typeof enterprise['name'] !== 'string') found.push(wrongTypeOf(['enterprise', 'name'], 'a string', enterprise['name']));
  }
  const targetValue = root['target'];
  if (targetValue === undefined) found.push(missingValue(['target']));
  else found.push(...findings(checkAllowed(targetValue, MIGRATION_TARGETS, ['target'], 'target')));
  const target = MIGRATION_TARGETS.find((t) => t === targetValue);
  const policy = root['mobilityPolicy'];
  if (policy !== undefined) found.push(...policyShape(policy, ['mobilityPolicy']), ...findings(validateMobilityPolicy(policy, ['mobilityPolicy'])));
  const users = root['users'];
  if (users === undefined) found.push(missingValue(['users']));
  else if (!Array.isArray(users)) found.push(wrongTypeOf(['users'], 'an array', users));
  else {
    users.forEach((user, index) => {
      if (isRecord(user)) found.push(...checkUser(user, ['users', index], target));
      else found.push(wrongTypeOf(['users', index], 'a user object', user));
    });
    found.push(...checkDuplicates(users));
  }
  return found;
}
