// Service verification test lines (deploy.md "Collect values for service verification numbers"): enough automated
// lines per service, valid E.164 numbers with purpose Automated, names OC1…/TPM1…, and none of them an
// integration-test number. The counting and number rules are the Gateways view's (../../gateways/testLineCoverage).
import type { TestLine } from '../../models/arm';
import { testLineCoverage, testLineNumberProblem } from '../../gateways/testLineCoverage';
import { canonicalNumber } from '../../rules/phoneNumber';
import { serviceOfTestLine, TEST_LINE_NAME_PREFIX } from '../../rules/testLineRules';
import type { EvidenceValue } from '../types';
import { SOURCES } from '../sources';
import { defineCheck, plural } from './define';

function nameOf(line: TestLine): string {
  return line.name ?? line.id?.split('/').pop() ?? '';
}

/** A line named like a service verification line (OC…, TPM…). */
function isVerificationName(name: string): boolean {
  return serviceOfTestLine({ name }) !== undefined;
}

const NAME_PATTERN = new RegExp(`^(${Object.values(TEST_LINE_NAME_PREFIX).join('|')})[1-9]\\d*$`, 'i');

export const testLineCountCheck = defineCheck({
  id: 'test-lines.count',
  title: 'Enough automated test lines per service',
  stage: 'deployment',
  why: 'Microsoft verifies Operator Connect and Teams Phone Mobile continuously by calling automated test lines: 6 per service in production, 3 in a lab deployment.',
  source: SOURCES.deploy,
  reads: ['gateway', 'testLines'],
  evaluate({ gateway, testLines }) {
    const coverage = testLineCoverage(gateway, testLines);
    const evidence = [
      { label: 'Deployment', value: coverage.deployment },
      ...coverage.services.map((s) => ({ label: `${s.prefix} automated test lines`, value: { automated: s.automated, required: s.required, missing: s.missing } })),
    ];
    if (coverage.services.length === 0) return { status: 'skipped', summary: 'The gateway runs neither Operator Connect nor Teams Phone Mobile, which need no test lines.', evidence };
    const summary = coverage.services
      .map((s) => `${s.prefix}: ${s.automated} of ${s.required} automated test lines${s.missing > 0 ? ` (${coverage.deployment} needs ${s.required})` : ''}`)
      .join('; ');
    const short = coverage.services.some((s) => s.missing > 0);
    return { status: short ? 'fail' : 'pass', summary: `${summary}.`, evidence };
  },
});

export const testLineNumbersCheck = defineCheck({
  id: 'test-lines.numbers',
  title: 'Test line numbers are E.164 and automated',
  stage: 'deployment',
  why: 'Each service verification line is a number in E.164 format with its country code, and its purpose is always Automated.',
  source: SOURCES.deploy,
  reads: ['testLines'],
  evaluate({ testLines }) {
    if (testLines.length === 0) return { status: 'skipped', summary: 'The gateway has no test lines.', evidence: [] };
    const problems: { [key: string]: EvidenceValue }[] = [];
    for (const line of testLines) {
      const name = nameOf(line);
      const phoneNumber = line.properties?.phoneNumber ?? '';
      const numberProblem = testLineNumberProblem(line.properties?.phoneNumber);
      if (numberProblem) problems.push({ name, phoneNumber, problem: `Not a valid E.164 number: ${numberProblem}` });
      const purpose = line.properties?.purpose;
      if (isVerificationName(name) && purpose !== 'Automated') {
        problems.push({ name, phoneNumber, problem: `Purpose is ${purpose ?? 'not set'}: a service verification line's purpose is Automated.` });
      }
    }
    const evidence = [
      { label: 'Test lines', value: testLines.map((l) => ({ name: nameOf(l), phoneNumber: l.properties?.phoneNumber ?? '', purpose: l.properties?.purpose ?? null })) },
      ...(problems.length > 0 ? [{ label: 'Problems', value: problems }] : []),
    ];
    if (problems.length === 0) return { status: 'pass', summary: `All ${plural(testLines.length, 'test line')} have valid E.164 numbers.`, evidence };
    const first = problems[0]!;
    return { status: 'fail', summary: `${plural(problems.length, 'problem')} with test lines; first: ${String(first['name'])} (${String(first['phoneNumber']) || 'no number'}): ${String(first['problem'])}`, evidence };
  },
});

export const testLineNamesCheck = defineCheck({
  id: 'test-lines.names',
  title: 'Automated test lines are named OC1…, TPM1…',
  stage: 'deployment',
  why: 'The guide names service verification lines OC1, OC2… and TPM1, TPM2…; the name is how a line is counted for its service.',
  source: SOURCES.deploy,
  reads: ['testLines'],
  evaluate({ testLines }) {
    const automated = testLines.filter((l) => l.properties?.purpose === 'Automated');
    if (automated.length === 0) return { status: 'skipped', summary: 'The gateway has no automated test lines.', evidence: [] };
    const names = automated.map(nameOf);
    const badNames = names.filter((n) => !NAME_PATTERN.test(n));
    const evidence = [{ label: 'Automated test lines', value: names }, ...(badNames.length > 0 ? [{ label: 'Not named OC<n> or TPM<n>', value: badNames }] : [])];
    if (badNames.length === 0) return { status: 'pass', summary: `All ${plural(names.length, 'automated test line')} are named OC<n> or TPM<n>.`, evidence };
    return { status: 'fail', summary: `${badNames.join(', ')}: name automated test lines OC1, OC2… (Operator Connect) or TPM1, TPM2… (Teams Phone Mobile), or they are not counted for a service.`, evidence };
  },
});

export const integrationOverlapCheck = defineCheck({
  id: 'test-lines.integration-overlap',
  title: 'No integration-test number is a test line',
  stage: 'deployment',
  why: 'Integration-test numbers are assigned to test users; service verification numbers are configured by the onboarding team. A number cannot be both.',
  source: SOURCES.prepareForLiveTraffic,
  reads: ['testLines', 'integrationNumbers'],
  evaluate({ testLines, integrationNumbers }) {
    const files = integrationNumbers.filter((f) => f.numbers.length > 0);
    if (files.length === 0) return { status: 'skipped', summary: 'No integration-test numbers are known (no *.acg-gateway.json lists any).', evidence: [] };
    const lineByNumber = new Map<string, string>();
    for (const line of testLines) {
      const number = line.properties?.phoneNumber;
      if (number) lineByNumber.set(canonicalNumber(number), nameOf(line));
    }
    const overlaps = files.flatMap((f) =>
      f.numbers.flatMap((number) => {
        const testLine = lineByNumber.get(canonicalNumber(number));
        return testLine === undefined ? [] : [{ number, file: f.file, testLine }];
      }),
    );
    const count = files.reduce((n, f) => n + f.numbers.length, 0);
    const evidence = [
      { label: 'Integration-test numbers', value: files.map((f) => ({ file: f.file, numbers: [...f.numbers] })) },
      ...(overlaps.length > 0 ? [{ label: 'Also test lines', value: overlaps }] : []),
    ];
    if (overlaps.length === 0) return { status: 'pass', summary: `None of ${plural(count, 'integration-test number')} is a test line.`, evidence };
    return {
      status: 'fail',
      summary: `${overlaps.map((o) => `${o.number} (${o.file}) is also test line ${o.testLine}`).join('; ')}: use different numbers for integration testing and service verification.`,
      evidence,
    };
  },
});
