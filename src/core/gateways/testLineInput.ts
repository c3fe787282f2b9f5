// Checks for what a person types into Add Test Line, and the description of what a delete changes. Pure, so the
// input boxes, the re-check after the prompts and the unit tests all use the same words.
import type { CommunicationsGateway, TestLine } from '../models/arm';
import { validateResourceName } from '../rules/gatewayRules';
import { testLineCoverage, testLineNumberProblem } from './testLineCoverage';

/** Undefined when `name` is a valid, unused test line name on this gateway. */
export function testLineNameProblem(name: string, existing: readonly TestLine[]): string | undefined {
  const trimmed = name.trim();
  const violation = validateResourceName(trimmed)[0];
  if (violation) return violation.message;
  // ARM names are case-insensitive: a PUT with an existing name silently replaces that line.
  if (existing.some((line) => line.name?.toLowerCase() === trimmed.toLowerCase())) return `${trimmed} already exists on this gateway: choose another name (ARM would replace it).`;
  return undefined;
}

/** Undefined when `phoneNumber` is valid E.164 and not already a test line of this gateway. */
export function newTestLineNumberProblem(phoneNumber: string, existing: readonly TestLine[]): string | undefined {
  const trimmed = phoneNumber.trim();
  const problem = testLineNumberProblem(trimmed);
  if (problem) return problem;
  const clash = existing.find((line) => line.properties?.phoneNumber === trimmed);
  return clash ? `${trimmed} is already test line ${clash.name ?? ''}: each test line has its own number.` : undefined;
}

/** Sentences for a delete confirmation: the line, and how the verification count of its service changes. */
export function testLineDeletionImpact(gateway: CommunicationsGateway, lines: readonly TestLine[], name: string): string[] {
  const line = lines.find((l) => l.name?.toLowerCase() === name.toLowerCase());
  const props = line?.properties;
  const before = testLineCoverage(gateway, lines);
  const after = testLineCoverage(gateway, lines.filter((l) => l !== line));
  const changes = before.services
    .map((service, i) => ({ service, next: after.services[i] }))
    .filter(({ service, next }) => service.automated !== next.automated)
    .map(({ service, next }) =>
      `${service.prefix} automated test lines go from ${service.automated} to ${next.automated} of ${service.required} required${next.missing > 0 ? ': service verification will be short' : ''}.`,
    );
  return [
    `Test line ${name} (${props?.phoneNumber ?? 'no number'}, ${props?.purpose ?? 'unknown purpose'}) will be deleted from ${gateway.name ?? 'the gateway'}.`,
    ...changes,
    'This cannot be undone; you can add the line again later.',
  ];
}
