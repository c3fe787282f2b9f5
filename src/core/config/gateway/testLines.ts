// Test lines and integration test numbers of a gateway file: the file's shape here, the rules in
// src/core/rules/gatewayRules.ts (one test line) and src/core/rules/testLineRules.ts (the lines together).
import { validateTestLine, validateTestLineNumber } from '../../rules/gatewayRules';
import { canonicalNumber } from '../../rules/phoneNumber';
import { checkAllowed } from '../../rules/schemaRules';
import {
  integrationNumberIsTestLine,
  integrationNumberMissing,
  serviceOfTestLine,
  testLineNameRepeated,
  testLineNumberRepeated,
  testLineServiceUnknown,
  validateAutomatedLineCount,
} from '../../rules/testLineRules';
import type { ValuePath } from '../../rules/types';
import { isRecord } from '../../rules/violation';
import { fromViolation, type Finding } from '../json/findings';
import { VERIFIED_SERVICES, type DeploymentKind, type VerifiedService } from '../model';
import { optionalArray, unknownKeys, wrongTypeOf } from '../shape';

const TEST_LINE_KEYS: ReadonlySet<string> = new Set(['name', 'service', 'properties', 'tags']);
const TEST_LINE_PROPERTY_KEYS: ReadonlySet<string> = new Set(['phoneNumber', 'purpose']);
const TEST_LINE_READ_ONLY: ReadonlySet<string> = new Set(['provisioningState']);

interface LineInfo {
  readonly index: number;
  readonly service: VerifiedService | undefined;
  readonly automated: boolean;
  readonly number: string | undefined;
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
  if (line['service'] !== undefined) found.push(...checkAllowed(line['service'], VERIFIED_SERVICES, [...path, 'service'], 'service').map((v) => fromViolation(v)));
  const automated = isRecord(props) && props['purpose'] === 'Automated';
  const service = serviceOfTestLine(line);
  if (automated && service === undefined) found.push(fromViolation(testLineServiceUnknown(line['name'], [...path, 'name'])));
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
      else found.push(fromViolation(testLineNameRepeated(name, first, ['testLines', index, 'name'], ['testLines', first, 'name'])));
    }
    const props = line['properties'];
    const phone = isRecord(props) ? props['phoneNumber'] : undefined;
    if (typeof phone === 'string') {
      const key = canonicalNumber(phone);
      const first = numbers.get(key);
      if (first === undefined) numbers.set(key, index);
      else {
        const at = (i: number) => ['testLines', i, 'properties', 'phoneNumber'];
        found.push(fromViolation(testLineNumberRepeated(phone, first, at(index), at(first))));
      }
    }
  });
}

function checkCounts(infos: readonly LineInfo[], platforms: readonly unknown[], deployment: DeploymentKind | undefined, hasList: boolean, found: Finding[]): void {
  if (deployment === undefined) return;
  for (const service of VERIFIED_SERVICES) {
    const at = platforms.indexOf(service);
    if (at < 0) continue;
    const count = infos.filter((i) => i.automated && i.service === service).length;
    const path = hasList ? ['testLines'] : ['properties', 'platforms', at];
    found.push(...validateAutomatedLineCount(service, count, deployment, path).map((v) => fromViolation(v)));
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
    const at = platforms.indexOf(service);
    if (at >= 0 && (!list || list.length === 0)) found.push(fromViolation(integrationNumberMissing(service, list ? path : ['properties', 'platforms', at])));
    list?.forEach((item, index) => {
      const itemPath = [...path, index];
      found.push(...validateTestLineNumber(item, itemPath).map((v) => fromViolation(v)));
      if (typeof item !== 'string') return;
      const line = lineByNumber.get(canonicalNumber(item));
      if (line !== undefined) found.push(fromViolation(integrationNumberIsTestLine(item, line, itemPath, ['testLines', line, 'properties', 'phoneNumber'])));
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
