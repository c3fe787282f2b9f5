// The shape of the JSON file kinds (which properties an object has, required members, types, formats), reported
// through the shape rules of src/core/rules/schemaRules.ts. schemas/*.json describe the same shapes for completion
// and hover: test/unit/config/schemas.test.ts checks the samples against both.
import { checkFormat as formatRule, missing, unknownProperty, wrongType } from '../rules/schemaRules';
import type { ValuePath } from '../rules/types';
import { isRecord } from '../rules/violation';
import { fromViolation, type Finding } from './json/findings';

/** Levenshtein distance, capped: only small distances matter for "did you mean". */
function distance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known key an unknown one was probably meant to be: same letters in another case, or one or two typos. */
export function suggestKey(key: string, known: Iterable<string>): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance && d <= Math.max(1, Math.floor(candidate.length / 5))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * One SCHEMA-005 finding per property of `value` that `known` does not list, with a rename fix when a known key was
 * probably meant. `ignored` are read-only properties a file exported from the service may carry: accepted silently,
 * since apply never sends them.
 */
export function unknownKeys(value: Record<string, unknown>, path: ValuePath, known: ReadonlySet<string>, ignored?: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  for (const key in value) {
    if (known.has(key) || ignored?.has(key)) continue;
    const suggestion = suggestKey(key, known);
    const keyPath = [...path, key];
    const fixes = suggestion === undefined || suggestion in value ? [] : [{ kind: 'renameKey' as const, title: `Rename to ${suggestion}`, path: keyPath, key: suggestion, preferred: true }];
    found.push(fromViolation(unknownProperty(keyPath, suggestion), [], fixes));
  }
  return found;
}

export function missingValue(path: ValuePath, what?: string, hint?: string): Finding {
  return fromViolation(missing(path, what, hint));
}

export function wrongTypeOf(path: ValuePath, expected: string, value: unknown): Finding {
  return fromViolation(wrongType(path, expected, value));
}

/** A required object member: the object, or a finding (missing / wrong type) and undefined. */
export function requireObject(owner: Record<string, unknown>, key: string, path: ValuePath, found: Finding[]): Record<string, unknown> | undefined {
  const value = owner[key];
  if (value === undefined) {
    found.push(missingValue([...path, key]));
    return undefined;
  }
  if (!isRecord(value)) {
    found.push(wrongTypeOf([...path, key], 'an object', value));
    return undefined;
  }
  return value;
}

/** An optional array member: the array, or a finding for the wrong type and undefined. */
export function optionalArray(owner: Record<string, unknown>, key: string, path: ValuePath, found: Finding[]): unknown[] | undefined {
  const value = owner[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    found.push(wrongTypeOf([...path, key], 'an array', value));
    return undefined;
  }
  return value;
}

/** An optional (or required) string member that `valid` accepts (SCHEMA-004 otherwise). */
export function checkFormat(
  owner: Record<string, unknown>,
  key: string,
  path: ValuePath,
  valid: (value: string) => boolean,
  expected: string,
  required: boolean,
): Finding[] {
  return formatRule(owner, key, path, valid, expected, required).map((v) => fromViolation(v));
}

export function requireString(owner: Record<string, unknown>, key: string, path: ValuePath, found: Finding[]): string | undefined {
  const value = owner[key];
  if (value === undefined) {
    found.push(missingValue([...path, key]));
    return undefined;
  }
  if (typeof value !== 'string') {
    found.push(wrongTypeOf([...path, key], 'a string', value));
    return undefined;
  }
  return value;
}
