// Test lines and integration test numbers against the platforms and the deployment kind (connect-operator-connect.md):
// 6 automated lines per verified service in production, 3 in a lab; integration numbers exist per service and are
// never test lines.
import { validateTestLine } from '../../rules/gatewayRules';
import { validateTelephoneNumber } from '../../rules/phoneNumber';
import type { ValuePath } from '../../rules/types';
import { checkEnum, isRecord, recastNumberFindings, show } from '../../rules/violation';
import { canonicalNumber } from '../plan/duplicates';
import { finding, fromViolation, type Finding } from '../json/findings';
import { VERIFIED_SERVICES, type DeploymentKind, type VerifiedService } from '../model';
import { optionalArray, unknownKeys, wrongTypeOf } from '../shape';

export const AUTOMATED_TEST_LINES: Readonly<Record<DeploymentKind, number>> = { production: 6, lab: 3 };
const TEST_LINE_KEYS: ReadonlySet<string> = new Set(['name', 'service', 'properties', 'tags']);
const TEST_LINE_PROPERTY_KEYS: ReadonlySet<string> = new Set(['phoneNumber', 'purpose']);
const TEST_LINE_READ_ONLY: ReadonlySet<string> = new Set(['provisioningState']);
const SERVICE_NAMES: Readonly<Record<VerifiedService, string>> = { OperatorConnect: 'Operator Connect', TeamsPhoneMobile: 'Teams Phone Mobile' };

interface LineInfo {
  readonly index: number;
  readonly service: VerifiedService | undefined;
  readonly automated: boolean;
  readonly number: string | undefined;
}

/** The service a test line verifies: its `service`, else its name (TPM… before OC…, since neither contains the other). */
export function serviceOfTestLine(line: Record<string, unknown>): VerifiedService | undefined {
  const service = line['service'];
  if (service === 'OperatorConnect' || service === 'TeamsPhoneMobile') return service;
  const name = typeof line['name'] === 'string' ? line['name'] : '';
  if (/^tpm/i.test(name)) return 'TeamsPhoneMobile';
  if (/^oc/i.test(name)) return 'OperatorConnect';
  return undefined;
}

function checkLine(line: unknown, path: ValuePath, found: Finding[]): LineInfo | undefined {
  const index = Number(path[path.length - 1]);
  if (!isRecord(line)) {
    found.push(wrongTypeOf(path, 'a test line object', line));
    return undefined;
  }
  found.push(...unknownKeys(line, path, TEST_LINE_KEYS));
  const props = line['properties'];
  if (isRecord(props)) found.push(...unknownKeys(props, [...path, 'properties'], TEST_LINE_PROPERTY_KEYS, TEST_LINE_READ_ONLY));
  found.push(...validateTestLine(line, path).map((v) => fromViolation(v)));
  if (line['service'] !== undefined) {
    found.push(...checkEnum('ACG-SCHEMA-003', line['service'], VERIFIED_SERVICES, [...path, 'service'], 'service').map((v) => fromViolation(v)));
  }
  const automated = isRecord(props) && props['purpose'] === 'Automated';
  const service = serviceOfTestLine(line);
  if (automated && service === undefined) {
    found.push(
      finding('ACG-TL-006', [...path, 'name'], `Automated test line ${show(line['name'])}: set "service" (OperatorConnect or TeamsPhoneMobile), or name it OC1... or TPM1....`),
    );
  }
  const phone = isRecord(props) && typeof props['phoneNumber'] === 'string' ? props['phoneNumber'] : undefined;
  return { index, service, automated, number: phone === undefined ? undefined : canonicalNumber(phone) };
}

function checkDuplicates(lines: readonly unknown[], found: Finding[]): void {
  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  lines.forEach((line, index) => {
    if (!isRecord(line)) return;
    const name = line['name'];
    // ARM resource names are case-insensitive.
    if (typeof name === 'string') {
      const first = names.get(name.toLowerCase());
      if (first === undefined) names.set(name.toLowerCase(), index);
      else {
        found.push(
          finding('ACG-TL-007', ['testLines', index, 'name'], `Test line name ${show(name)} is already used (test line ${first + 1}): ARM would overwrite it.`, {
            related: [{ path: ['testLines', first, 'name'], message: 'The first test line with this name.' }],
          }),
        );
      }
    }
    const props = line['properties'];
    const phone = isRecord(props) ? props['phoneNumber'] : undefined;
    if (typeof phone === 'string') {
      const key = canonicalNumber(phone);
      const first = numbers.get(key);
      if (first === undefined) numbers.set(key, index);
      else {
        found.push(
          finding('ACG-TL-007', ['testLines', index, 'properties', 'phoneNumber'], `${show(phone)} is already a test line (test line ${first + 1}): each test line has its own number.`, {
            related: [{ path: ['testLines', first, 'properties', 'phoneNumber'], message: 'The first test line with this number.' }],
          }),
        );
      }
    }
  });
}

function platformIndex(platforms: readonly unknown[], service: VerifiedService): number {
  return platforms.indexOf(service);
}

function checkCounts(infos: readonly LineInfo[], platforms: readonly unknown[], deployment: DeploymentKind | undefined, hasList: boolean, found: Finding[]): void {
  if (deployment === undefined) return;
  const expected = AUTOMATED_TEST_LINES[deployment];
  for (const service of VERIFIED_SERVICES) {
    const at = platformIndex(platforms, service);
    if (at < 0) continue;
    const count = infos.filter((i) => i.automated && i.service === service).length;
    if (count === expected) continue;
    const path = hasList ? ['testLines'] : ['properties', 'platforms', at];
    found.push(
      finding(
        'ACG-TL-003',
        path,
        `${SERVICE_NAMES[service]} has ${count} automated test line${count === 1 ? '' : 's'}: a ${deployment} deployment needs ${expected} (named ${service === 'OperatorConnect' ? 'OC1' : 'TPM1'}... with purpose Automated).`,
        { target: 'key' },
      ),
    );
  }
}

function checkIntegrationNumbers(root: Record<string, unknown>, infos: readonly LineInfo[], platforms: readonly unknown[], found: Finding[]): void {
  const value = root['integrationTestNumbers'];
  const byService = isRecord(value) ? value : {};
  if (value !== undefined && !isRecord(value)) found.push(wrongTypeOf(['integrationTestNumbers'], 'an object keyed by service', value));
  if (isRecord(value)) found.push(...unknownKeys(value, ['integrationTestNumbers'], new Set(VERIFIED_SERVICES)));
  const lineByNumber = new Map<string, number>();
  for (const info of infos) if (info.number !== undefined && !lineByNumber.has(info.number)) lineByNumber.set(info.number, info.index);
  for (const service of VERIFIED_SERVICES) {
    const path = ['integrationTestNumbers', service];
    const list = optionalArray(byService, service, ['integrationTestNumbers'], found);
    const at = platformIndex(platforms, service);
    if (at >= 0 && (!list || list.length === 0)) {
      found.push(
        finding('ACG-TL-005', list ? path : ['properties', 'platforms', at], `${SERVICE_NAMES[service]} has no integration test number: list at least one under integrationTestNumbers.${service}.`),
      );
    }
    list?.forEach((item, index) => {
      const itemPath = [...path, index];
      found.push(...recastNumberFindings(validateTelephoneNumber(item, itemPath), 'ACG-TL-002').map((v) => fromViolation(v)));
      if (typeof item !== 'string') return;
      const line = lineByNumber.get(canonicalNumber(item));
      if (line === undefined) return;
      found.push(
        finding('ACG-TL-004', itemPath, `Integration test number ${show(item)} is also test line ${line + 1}: an integration test number is never a test line.`, {
          related: [{ path: ['testLines', line, 'properties', 'phoneNumber'], message: 'The test line with the same number.' }],
        }),
      );
    });
  }
}

/** Test lines, integration numbers and their counts; `deployment` is undefined when the file's own is invalid. */
export function testLineFindings(root: Record<string, unknown>, deployment: DeploymentKind | undefined): Finding[] {
  const found: Finding[] = [];
  const props = root['properties'];
  const platforms = isRecord(props) && Array.isArray(props['platforms']) ? props['platforms'] : [];
  const lines = optionalArray(root, 'testLines', [], found);
  const infos = (lines ?? []).map((line, index) => checkLine(line, ['testLines', index], found)).filter((i): i is LineInfo => i !== undefined);
  if (lines) checkDuplicates(lines, found);
  checkCounts(infos, platforms, deployment, lines !== undefined, found);
  checkIntegrationNumbers(root, infos, platforms, found);
  return found;
}
