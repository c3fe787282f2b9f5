// A gateway's test lines and integration test numbers taken together (connect-operator-connect.md): 6 automated lines
// per verified service in production, 3 in a lab; integration numbers exist per service and are never test lines;
// names and numbers appear once. ACG-TL-001 and -002, about one test line, are in ./gatewayRules.
import type { DeploymentKind, VerifiedService } from '../config/model';
import type { RuleViolation, ValuePath } from './types';
import { show, violation } from './violation';

export const AUTOMATED_TEST_LINES: Readonly<Record<DeploymentKind, number>> = { production: 6, lab: 3 };
const SERVICE_NAMES: Readonly<Record<VerifiedService, string>> = { OperatorConnect: 'Operator Connect', TeamsPhoneMobile: 'Teams Phone Mobile' };
/** How automated test lines are conventionally named: OC1…OC6, TPM1…TPM6. */
export const TEST_LINE_NAME_PREFIX: Readonly<Record<VerifiedService, string>> = { OperatorConnect: 'OC', TeamsPhoneMobile: 'TPM' };

/** The service a test line verifies: its `service`, else its name (TPM… before OC…, since neither contains the other). */
export function serviceOfTestLine(line: Record<string, unknown>): VerifiedService | undefined {
  const service = line['service'];
  if (service === 'OperatorConnect' || service === 'TeamsPhoneMobile') return service;
  const name = typeof line['name'] === 'string' ? line['name'] : '';
  if (/^tpm/i.test(name)) return 'TeamsPhoneMobile';
  if (/^oc/i.test(name)) return 'OperatorConnect';
  return undefined;
}

/** ACG-TL-003: `count` automated lines for `service`, where the deployment kind needs a fixed number. */
export function validateAutomatedLineCount(service: VerifiedService, count: number, deployment: DeploymentKind, path: ValuePath): RuleViolation[] {
  const expected = AUTOMATED_TEST_LINES[deployment];
  if (count === expected) return [];
  return [
    violation(
      'ACG-TL-003',
      path,
      `${SERVICE_NAMES[service]} has ${count} automated test line${count === 1 ? '' : 's'}: a ${deployment} deployment needs ${expected} (named ${TEST_LINE_NAME_PREFIX[service]}1... with purpose Automated).`,
      undefined,
      { target: 'key' },
    ),
  ];
}

/** ACG-TL-004: an integration test number that is also test line `lineIndex` (0-based) of `linesPath`. */
export function integrationNumberIsTestLine(number: string, lineIndex: number, path: ValuePath, linePath: ValuePath): RuleViolation {
  return violation(
    'ACG-TL-004',
    path,
    `Integration test number ${show(number)} is also test line ${lineIndex + 1}: an integration test number is never a test line.`,
    undefined,
    { related: [{ path: linePath, message: 'The test line with the same number.' }] },
  );
}

/** ACG-TL-005: a verified service on the gateway's platforms without an integration test number. */
export function integrationNumberMissing(service: VerifiedService, path: ValuePath): RuleViolation {
  return violation('ACG-TL-005', path, `${SERVICE_NAMES[service]} has no integration test number: list at least one under integrationTestNumbers.${service}.`);
}

/** ACG-TL-006: an automated line whose service neither its `service` nor its name tells. */
export function testLineServiceUnknown(name: unknown, path: ValuePath): RuleViolation {
  return violation('ACG-TL-006', path, `Automated test line ${show(name)}: set "service" (OperatorConnect or TeamsPhoneMobile), or name it OC1... or TPM1....`);
}

/** ACG-TL-007: a test line name already used by test line `firstIndex` (ARM names are case-insensitive). */
export function testLineNameRepeated(name: string, firstIndex: number, path: ValuePath, firstPath: ValuePath): RuleViolation {
  return violation('ACG-TL-007', path, `Test line name ${show(name)} is already used (test line ${firstIndex + 1}): ARM would overwrite it.`, undefined, {
    related: [{ path: firstPath, message: 'The first test line with this name.' }],
  });
}

/** ACG-TL-007: a phone number already on test line `firstIndex`. */
export function testLineNumberRepeated(number: string, firstIndex: number, path: ValuePath, firstPath: ValuePath): RuleViolation {
  return violation('ACG-TL-007', path, `${show(number)} is already a test line (test line ${firstIndex + 1}): each test line has its own number.`, undefined, {
    related: [{ path: firstPath, message: 'The first test line with this number.' }],
  });
}
