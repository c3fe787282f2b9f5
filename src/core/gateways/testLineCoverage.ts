// Service verification test lines of a live gateway (RULES.md "Gateways and test lines"): Microsoft's verification
// needs 6 automated lines per service (OC, TPM) in production and 3 in a lab, each a valid E.164 number. The Gateways
// view warns when a gateway falls short; Add Test Line suggests the names that would close the gap.
import type { CommunicationsGateway, TestLine } from '../models/arm';
import { VERIFIED_SERVICES } from '../config/model';
import { validateTelephoneNumber } from '../rules/phoneNumber';
import { AUTOMATED_TEST_LINES, serviceOfTestLine, TEST_LINE_NAME_PREFIX } from '../rules/testLineRules';
import { deploymentKindOf } from './gatewaySummary';
import type { InvalidTestLineNumber, ServiceCoverage, TestLineCoverage } from './coverage';

export { hasCoverageWarnings, type InvalidTestLineNumber, type ServiceCoverage, type TestLineCoverage } from './coverage';

/** The first problem with a test line number, or undefined when it is valid E.164 as the Provisioning API takes it. */
export function testLineNumberProblem(phoneNumber: string | undefined): string | undefined {
  const problem = validateTelephoneNumber(phoneNumber).find((v) => v.severity === 'error');
  return problem?.message;
}

function nameOf(line: TestLine): string {
  return line.name ?? line.id?.split('/').pop() ?? '';
}

export function testLineCoverage(gateway: CommunicationsGateway, testLines: readonly TestLine[]): TestLineCoverage {
  const deployment = deploymentKindOf(gateway);
  const required = AUTOMATED_TEST_LINES[deployment];
  const platforms = gateway.properties?.platforms ?? [];
  const services: ServiceCoverage[] = VERIFIED_SERVICES.filter((s) => platforms.includes(s)).map((service) => {
    const automated = testLines.filter((line) => line.properties?.purpose === 'Automated' && serviceOfTestLine({ name: nameOf(line) }) === service).length;
    return { service, prefix: TEST_LINE_NAME_PREFIX[service], automated, required, missing: Math.max(0, required - automated) };
  });
  const invalidNumbers: InvalidTestLineNumber[] = [];
  for (const line of testLines) {
    const problem = testLineNumberProblem(line.properties?.phoneNumber);
    if (problem) invalidNumbers.push({ name: nameOf(line), phoneNumber: line.properties?.phoneNumber ?? '', problem });
  }
  const warnings = [
    ...services
      .filter((s) => s.missing > 0)
      .map((s) => `${s.prefix}: ${s.automated} of ${s.required} automated test lines (a ${deployment} deployment needs ${s.required}); add ${s.missing} more.`),
    ...invalidNumbers.map((n) => `Test line ${n.name}: ${n.phoneNumber || '(no number)'} is not a valid E.164 number. ${n.problem}`),
  ];
  return { deployment, required, services, invalidNumbers, warnings };
}

/**
 * Names for new test lines: for each service short of lines, the next free <prefix><n> (OC5, OC6…), in the order a
 * person would add them; then, when nothing is missing, the next free name of each service.
 */
export function suggestTestLineNames(coverage: TestLineCoverage, existingNames: readonly string[]): string[] {
  const taken = new Set(existingNames.map((n) => n.toLowerCase()));
  const nextFree = (prefix: string, count: number): string[] => {
    const names: string[] = [];
    for (let i = 1; names.length < count; i++) {
      const name = `${prefix}${i}`;
      if (!taken.has(name.toLowerCase())) names.push(name);
    }
    return names;
  };
  const gaps = coverage.services.flatMap((s) => nextFree(s.prefix, s.missing));
  if (gaps.length > 0) return gaps;
  return coverage.services.flatMap((s) => nextFree(s.prefix, 1));
}
