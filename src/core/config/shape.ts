// Shape checks that the JSON Schemas also express (unknown properties, required values, types, formats), written as
// code because the engine must report them with rule ids and fixes, and fast. schemas/*.json and these sets must
// agree: test/unit/config/schemas.test.ts checks the samples against both.
import type { ValuePath } from '../rules/types';
import { isRecord, show, typeName } from '../rules/violation';
import { finding, type Finding } from './json/findings';

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Azure resource group names: 1-90 letters, digits, _ - . ( ), not ending in a period. */
export const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;

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
 * One SCHEMA-005 finding per property of `value` that `known` does not list. `ignored` are read-only properties a
 * file exported from the service may carry: accepted silently, since apply never sends them.
 */
export function unknownKeys(value: Record<string, unknown>, path: ValuePath, known: ReadonlySet<string>, ignored?: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  for (const key in value) {
    if (known.has(key) || ignored?.has(key)) continue;
    const suggestion = suggestKey(key, known);
    const keyPath = [...path, key];
    const message =
      suggestion === undefined
        ? `Unknown property ${show(key)}: it is not part of this file format, so it would be ignored.`
        : `Unknown property ${show(key)}: did you mean ${suggestion}?`;
    const fixes = suggestion === undefined || suggestion in value
      ? undefined
      : [{ kind: 'renameKey' as const, title: `Rename to ${suggestion}`, path: keyPath, key: suggestion, preferred: true }];
    found.push(finding('ACG-SCHEMA-005', keyPath, message, { target: 'key', ...(fixes ? { fixes } : {}) }));
  }
  return found;
}

export function missingValue(path: ValuePath, what?: string): Finding {
  const name = what ?? String(path[path.length - 1] ?? 'value');
  return finding('ACG-SCHEMA-001', path, `${name} is required.`);
}

export function wrongTypeOf(path: ValuePath, expected: string, value: unknown): Finding {
  const name = String(path[path.length - 1] ?? 'The value');
  return finding('ACG-SCHEMA-002', path, `${name} must be ${expected}, not ${typeName(value)}.`);
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

/** An optional string member that must match `pattern` (SCHEMA-004 otherwise). */
export function checkFormat(
  owner: Record<string, unknown>,
  key: string,
  path: ValuePath,
  pattern: RegExp,
  expected: string,
  required: boolean,
): Finding[] {
  const value = owner[key];
  const at = [...path, key];
  if (value === undefined) return required ? [missingValue(at)] : [];
  if (typeof value !== 'string') return [wrongTypeOf(at, 'a string', value)];
  if (pattern.test(value)) return [];
  const trimmed = value.trim();
  const fixes = trimmed !== value && pattern.test(trimmed) ? [{ kind: 'replace' as const, title: `Change to ${JSON.stringify(trimmed)}`, path: at, value: trimmed, preferred: true }] : undefined;
  return [finding('ACG-SCHEMA-004', at, `${show(value)} is not ${expected}.`, fixes ? { fixes } : {})];
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
