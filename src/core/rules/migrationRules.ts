// Migration runbooks (*.acg-migration.json): the Teams admin's steps before an operator number is assigned (RULES.md,
// "Enterprise side"). Paths are relative to the user (or policy) checked, under `path`.
import {
  CALLING_PLAN_WAIT_MINUTES,
  MOBILE_DIALER_PREFERENCES,
  TEAMS_UPGRADE_MODES,
  type MigrationTarget,
} from '../config/model';
import { checkAllowed, checkBoolean, checkEnum, missing, wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { isRecord, show, violation } from './violation';

type Step = 'unassignNumber' | 'removeCallingPlanLicence' | 'removeOnPremLineUri' | 'removeVoiceRoutingPolicy';
const STEPS: readonly Step[] = ['unassignNumber', 'removeCallingPlanLicence', 'removeOnPremLineUri', 'removeVoiceRoutingPolicy'];

/** A step that must not be switched off: false gets the rule, and true as its fix. */
function stepSwitchedOff(user: Record<string, unknown>, key: Step, path: ValuePath): RuleViolation[] {
  if (user[key] !== false) return [];
  const at = [...path, key];
  switch (key) {
    case 'unassignNumber':
      return [violation('ACG-MIG-001', at, `${key} is false, but the number must be unassigned from its current service before the operator number is assigned.`, true)];
    case 'removeCallingPlanLicence':
      return [violation('ACG-MIG-002', at, `${key} is false, but a Calling Plan user keeps the Calling Plan number until the licence is removed.`, true)];
    case 'removeOnPremLineUri':
      return [violation('ACG-MIG-004', at, `${key} is false, but an on-premises Direct Routing number is released by removing its OnPremLineURI first.`, true)];
    case 'removeVoiceRoutingPolicy':
      return [
        violation('ACG-MIG-005', at, `${key} is false, but a Direct Routing user keeps routing calls to the old trunk until the online voice routing policy is removed.`, true),
      ];
  }
}

function validateWait(user: Record<string, unknown>, path: ValuePath): RuleViolation[] {
  const wait = user['waitMinutes'];
  const at = [...path, 'waitMinutes'];
  if (wait === undefined) return [];
  if (typeof wait !== 'number') return [wrongType(at, 'a number of minutes', wait)];
  if (wait >= CALLING_PLAN_WAIT_MINUTES) return [];
  return [
    violation(
      'ACG-MIG-003',
      at,
      `Wait ${wait} minutes is too short: after removing the Calling Plan licence, wait at least ${CALLING_PLAN_WAIT_MINUTES} minutes.`,
      CALLING_PLAN_WAIT_MINUTES,
    ),
  ];
}

/** ACG-MIG-001 to -005: the steps that release the number from where it comes from (`source`). */
export function validateMigrationSteps(user: Record<string, unknown>, path: ValuePath, source: unknown): RuleViolation[] {
  const found = STEPS.flatMap((key) => checkBoolean(user, key, path, false));
  found.push(...stepSwitchedOff(user, source === 'DirectRoutingOnPremises' ? 'removeOnPremLineUri' : 'unassignNumber', path));
  if (source === 'CallingPlan') found.push(...stepSwitchedOff(user, 'removeCallingPlanLicence', path), ...validateWait(user, path));
  if (source === 'DirectRoutingOnline' || source === 'DirectRoutingOnPremises') found.push(...stepSwitchedOff(user, 'removeVoiceRoutingPolicy', path));
  return found;
}

/** ACG-MIG-008: a mobility policy object (name and MobileDialerPreference). Its unknown properties are the file's business. */
export function validateMobilityPolicy(value: unknown, path: ValuePath): RuleViolation[] {
  if (!isRecord(value)) return [wrongType(path, 'an object with name and mobileDialerPreference', value)];
  const name = value['name'];
  const found =
    typeof name === 'string' && name.trim() !== '' ? [] : [name === undefined ? missing([...path, 'name']) : wrongType([...path, 'name'], 'a policy name', name)];
  const preference = value['mobileDialerPreference'];
  const at = [...path, 'mobileDialerPreference'];
  found.push(...(preference === undefined ? [missing(at)] : checkEnum('ACG-MIG-008', preference, MOBILE_DIALER_PREFERENCES, at, 'MobileDialerPreference')));
  return found;
}

/** ACG-MIG-006 to -008: what a user moving to Teams Phone Mobile needs, and what only such a user may have. */
export function validateMobileUser(user: Record<string, unknown>, path: ValuePath, target: MigrationTarget | undefined): RuleViolation[] {
  const found: RuleViolation[] = [];
  const mode = user['teamsUpgradeMode'];
  if (mode !== undefined) found.push(...checkAllowed(mode, TEAMS_UPGRADE_MODES, [...path, 'teamsUpgradeMode'], 'Teams upgrade mode'));
  const licences = user['licences'];
  if (licences !== undefined && !isRecord(licences)) found.push(wrongType([...path, 'licences'], 'an object', licences));
  const policy = user['mobilityPolicy'];
  if (policy !== undefined) found.push(...validateMobilityPolicy(policy, [...path, 'mobilityPolicy']));
  if (target !== 'TeamsPhoneMobile') {
    if (policy !== undefined) {
      found.push(
        violation('ACG-MIG-008', [...path, 'mobilityPolicy'], 'A mobility policy applies to Teams Phone Mobile users only: this user moves to Operator Connect.', undefined, {
          target: 'key',
        }),
      );
    }
    return found;
  }
  if (typeof mode === 'string' && mode !== 'TeamsOnly' && (TEAMS_UPGRADE_MODES as readonly string[]).includes(mode)) {
    found.push(violation('ACG-MIG-006', [...path, 'teamsUpgradeMode'], `Teams Phone Mobile users are TeamsOnly, not ${mode}.`, 'TeamsOnly'));
  }
  const held = isRecord(licences) ? licences : {};
  const lacking = [held['phoneSystem'] === true ? undefined : 'a Phone System licence', held['teamsPhoneMobile'] === true ? undefined : 'the Teams Phone Mobile add-on licence'].filter(
    (x): x is string => x !== undefined,
  );
  if (lacking.length > 0) {
    found.push(
      violation(
        'ACG-MIG-007',
        [...path, 'licences'],
        `A Teams Phone Mobile user needs ${lacking.join(' and ')}: assign ${lacking.length > 1 ? 'them' : 'it'}, then record it here (licences.phoneSystem and licences.teamsPhoneMobile true).`,
      ),
    );
  }
  return found;
}

/** ACG-MIG-009: a user listed again; `firstIndex` is the 0-based index of the first entry. */
export function userListedTwice(userPrincipalName: string, firstIndex: number, path: ValuePath, firstPath: ValuePath): RuleViolation {
  return violation('ACG-MIG-009', path, `${show(userPrincipalName)} is already listed (user ${firstIndex + 1}): move each user once.`, undefined, {
    related: [{ path: firstPath, message: 'The first entry for this user.' }],
  });
}
