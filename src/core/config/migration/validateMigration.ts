// *.acg-migration.json: an enterprise's move of users and their numbers to Operator Connect or Teams Phone Mobile.
// The rules are the Teams admin's steps (RULES.md, last table): what must happen before the new number is assigned.
import { validateAccountName, validateTenantId } from '../../rules/accountRules';
import { validateTelephoneNumber } from '../../rules/phoneNumber';
import type { ValuePath } from '../../rules/types';
import { checkEnum, isRecord, show } from '../../rules/violation';
import { canonicalNumber } from '../plan/duplicates';
import { finding, fromViolation, replaceFix, type Finding } from '../json/findings';
import {
  CALLING_PLAN_WAIT_MINUTES,
  MIGRATION_SOURCES,
  MIGRATION_TARGETS,
  MOBILE_DIALER_PREFERENCES,
  TEAMS_UPGRADE_MODES,
  type MigrationTarget,
} from '../model';
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
const BOOLEAN_STEPS = ['unassignNumber', 'removeCallingPlanLicence', 'removeOnPremLineUri', 'removeVoiceRoutingPolicy'] as const;

function enumFindings(ruleId: 'ACG-SCHEMA-003' | 'ACG-MIG-008', value: unknown, allowed: readonly string[], path: ValuePath, label: string): Finding[] {
  return checkEnum(ruleId, value, allowed, path, label).map((v) => fromViolation(v));
}

function checkPolicy(value: unknown, path: ValuePath, found: Finding[]): void {
  if (!isRecord(value)) {
    found.push(wrongTypeOf(path, 'an object with name and mobileDialerPreference', value));
    return;
  }
  found.push(...unknownKeys(value, path, POLICY_KEYS));
  if (typeof value['name'] !== 'string' || value['name'].trim() === '') {
    found.push(value['name'] === undefined ? missingValue([...path, 'name']) : wrongTypeOf([...path, 'name'], 'a policy name', value['name']));
  }
  const preference = value['mobileDialerPreference'];
  if (preference === undefined) found.push(missingValue([...path, 'mobileDialerPreference']));
  else found.push(...enumFindings('ACG-MIG-008', preference, MOBILE_DIALER_PREFERENCES, [...path, 'mobileDialerPreference'], 'MobileDialerPreference'));
}

/** A step that must not be switched off: false gets the rule and a fix back to true. */
function requiredStep(
  user: Record<string, unknown>,
  key: (typeof BOOLEAN_STEPS)[number],
  path: ValuePath,
  ruleId: 'ACG-MIG-001' | 'ACG-MIG-002' | 'ACG-MIG-004' | 'ACG-MIG-005',
  why: string,
): Finding[] {
  if (user[key] !== false) return [];
  const at = [...path, key];
  return [finding(ruleId, at, `${key} is false, but ${why}`, { fixes: [replaceFix(at, true, 'Change to true')] })];
}

function checkSteps(user: Record<string, unknown>, path: ValuePath, source: unknown): Finding[] {
  const found: Finding[] = [];
  for (const key of BOOLEAN_STEPS) {
    const value = user[key];
    if (value !== undefined && typeof value !== 'boolean') found.push(wrongTypeOf([...path, key], 'true or false', value));
  }
  if (source === 'DirectRoutingOnPremises') {
    found.push(...requiredStep(user, 'removeOnPremLineUri', path, 'ACG-MIG-004', 'an on-premises Direct Routing number is released by removing its OnPremLineURI first.'));
  } else {
    found.push(...requiredStep(user, 'unassignNumber', path, 'ACG-MIG-001', 'the number must be unassigned from its current service before the operator number is assigned.'));
  }
  if (source === 'CallingPlan') {
    found.push(...requiredStep(user, 'removeCallingPlanLicence', path, 'ACG-MIG-002', 'a Calling Plan user keeps the Calling Plan number until the licence is removed.'));
    const wait = user['waitMinutes'];
    const at = [...path, 'waitMinutes'];
    if (wait !== undefined && typeof wait !== 'number') found.push(wrongTypeOf(at, 'a number of minutes', wait));
    else if (typeof wait === 'number' && wait < CALLING_PLAN_WAIT_MINUTES) {
      found.push(
        finding('ACG-MIG-003', at, `Wait ${wait} minutes is too short: after removing the Calling Plan licence, wait at least ${CALLING_PLAN_WAIT_MINUTES} minutes.`, {
          fixes: [replaceFix(at, CALLING_PLAN_WAIT_MINUTES, `Change to ${CALLING_PLAN_WAIT_MINUTES}`)],
        }),
      );
    }
  }
  if (source === 'DirectRoutingOnline' || source === 'DirectRoutingOnPremises') {
    found.push(...requiredStep(user, 'removeVoiceRoutingPolicy', path, 'ACG-MIG-005', 'a Direct Routing user keeps routing calls to the old trunk until the online voice routing policy is removed.'));
  }
  return found;
}

function checkMobile(user: Record<string, unknown>, path: ValuePath, target: MigrationTarget | undefined): Finding[] {
  const found: Finding[] = [];
  const mode = user['teamsUpgradeMode'];
  if (mode !== undefined) found.push(...enumFindings('ACG-SCHEMA-003', mode, TEAMS_UPGRADE_MODES, [...path, 'teamsUpgradeMode'], 'Teams upgrade mode'));
  const licences = user['licences'];
  if (licences !== undefined && !isRecord(licences)) found.push(wrongTypeOf([...path, 'licences'], 'an object', licences));
  if (isRecord(licences)) found.push(...unknownKeys(licences, [...path, 'licences'], LICENCE_KEYS));
  const policy = user['mobilityPolicy'];
  if (policy !== undefined) checkPolicy(policy, [...path, 'mobilityPolicy'], found);
  if (target !== 'TeamsPhoneMobile') {
    if (policy !== undefined) {
      found.push(finding('ACG-MIG-008', [...path, 'mobilityPolicy'], 'A mobility policy applies to Teams Phone Mobile users only: this user moves to Operator Connect.', { target: 'key' }));
    }
    return found;
  }
  if (typeof mode === 'string' && mode !== 'TeamsOnly' && (TEAMS_UPGRADE_MODES as readonly string[]).includes(mode)) {
    const at = [...path, 'teamsUpgradeMode'];
    found.push(finding('ACG-MIG-006', at, `Teams Phone Mobile users are TeamsOnly, not ${mode}.`, { fixes: [replaceFix(at, 'TeamsOnly')] }));
  }
  const held = isRecord(licences) ? licences : {};
  const lacking = [held['phoneSystem'] === true ? undefined : 'a Phone System licence', held['teamsPhoneMobile'] === true ? undefined : 'the Teams Phone Mobile add-on licence'].filter(
    (x): x is string => x !== undefined,
  );
  if (lacking.length > 0) {
    found.push(
      finding(
        'ACG-MIG-007',
        [...path, 'licences'],
        `A Teams Phone Mobile user needs ${lacking.join(' and ')}: assign ${lacking.length > 1 ? 'them' : 'it'}, then record it here (licences.phoneSystem and licences.teamsPhoneMobile true).`,
      ),
    );
  }
  return found;
}

function checkUser(user: Record<string, unknown>, path: ValuePath, defaultTarget: MigrationTarget | undefined): Finding[] {
  const found = unknownKeys(user, path, USER_KEYS);
  found.push(...checkFormat(user, 'userPrincipalName', path, UPN, 'a user principal name such as megan@contoso.com', true));
  found.push(...validateTelephoneNumber(user['telephoneNumber'], [...path, 'telephoneNumber']).map((v) => fromViolation(v)));
  const source = user['source'];
  if (source === undefined) found.push(missingValue([...path, 'source']));
  else found.push(...enumFindings('ACG-SCHEMA-003', source, MIGRATION_SOURCES, [...path, 'source'], 'source'));
  const ownTarget = user['target'];
  if (ownTarget !== undefined) found.push(...enumFindings('ACG-SCHEMA-003', ownTarget, MIGRATION_TARGETS, [...path, 'target'], 'target'));
  const target = ownTarget === undefined ? defaultTarget : MIGRATION_TARGETS.find((t) => t === ownTarget);
  const location = user['locationId'];
  if (location !== undefined && typeof location !== 'string') found.push(wrongTypeOf([...path, 'locationId'], 'a string', location));
  return [...found, ...checkSteps(user, path, source), ...checkMobile(user, path, target)];
}

function checkDuplicates(users: readonly unknown[]): Finding[] {
  const found: Finding[] = [];
  const upns = new Map<string, number>();
  const numbers = new Map<string, number>();
  users.forEach((user, index) => {
    if (!isRecord(user)) return;
    const upn = user['userPrincipalName'];
    if (typeof upn === 'string') {
      const first = upns.get(upn.toLowerCase());
      if (first === undefined) upns.set(upn.toLowerCase(), index);
      else {
        found.push(
          finding('ACG-MIG-009', ['users', index, 'userPrincipalName'], `${show(upn)} is already listed (user ${first + 1}): move each user once.`, {
            related: [{ path: ['users', first, 'userPrincipalName'], message: 'The first entry for this user.' }],
            fixes: [{ kind: 'removeElement', title: 'Remove this duplicate user', path: ['users', index] }],
          }),
        );
      }
    }
    const tel = user['telephoneNumber'];
    if (typeof tel === 'string') {
      const key = canonicalNumber(tel);
      const first = numbers.get(key);
      if (first === undefined) numbers.set(key, index);
      else {
        found.push(
          finding('ACG-NUM-014', ['users', index, 'telephoneNumber'], `${show(tel)} is already assigned to user ${first + 1}: a number goes to one user.`, {
            related: [{ path: ['users', first, 'telephoneNumber'], message: `${tel} is first assigned here.` }],
          }),
        );
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
    found.push(...validateTenantId(enterprise['tenantId'], ['enterprise', 'tenantId']).map((v) => fromViolation(v)));
    if (enterprise['accountName'] !== undefined) found.push(...validateAccountName(enterprise['accountName'], ['enterprise', 'accountName']).map((v) => fromViolation(v)));
    if (enterprise['name'] !== undefined && typeof enterprise['name'] !== 'string') found.push(wrongTypeOf(['enterprise', 'name'], 'a string', enterprise['name']));
  }
  const targetValue = root['target'];
  if (targetValue === undefined) found.push(missingValue(['target']));
  else found.push(...enumFindings('ACG-SCHEMA-003', targetValue, MIGRATION_TARGETS, ['target'], 'target'));
  const target = MIGRATION_TARGETS.find((t) => t === targetValue);
  if (root['mobilityPolicy'] !== undefined) checkPolicy(root['mobilityPolicy'], ['mobilityPolicy'], found);
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
