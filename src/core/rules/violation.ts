// Building blocks shared by the validators: one way to make a finding, and the shape checks every validator needs.
import { RULES, type RuleId } from './ruleTable';
import type { RuleViolation, ValuePath } from './types';

export function violation(ruleId: RuleId, path: ValuePath, message?: string, replacement?: string): RuleViolation {
  const rule = RULES[ruleId];
  const base = { ruleId, severity: rule.severity, message: message ?? rule.message, path: [...path] };
  return replacement === undefined ? base : { ...base, replacement };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A value for a message: long or odd values would make the message unreadable, so they are cut and quoted. */
export function show(value: unknown): string {
  if (typeof value !== 'string') return typeName(value);
  const cut = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return cut.trim() === cut && cut !== '' ? cut : JSON.stringify(cut);
}

function fieldName(path: ValuePath): string {
  const last = path[path.length - 1];
  return last === undefined ? 'value' : String(last);
}

export function missing(path: ValuePath, what = fieldName(path)): RuleViolation {
  return violation('ACG-SCHEMA-001', path, `${what} is required.`);
}

export function wrongType(path: ValuePath, expected: string, value: unknown): RuleViolation {
  return violation('ACG-SCHEMA-002', path, `${fieldName(path)} must be ${expected}, not ${typeName(value)}.`);
}

/** The characters of `value` that `allowed` (a one-character class) rejects, for a message; '' when none. */
export function badCharacters(value: string, allowed: RegExp): string {
  return [...new Set([...value].filter((c) => !allowed.test(c)))].map((c) => (c === ' ' ? 'spaces' : `'${c}'`)).join(' ');
}

export function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** Checks an optional boolean, or a required one when `required` is set. */
export function checkBoolean(owner: Record<string, unknown>, key: string, path: ValuePath, required: boolean): RuleViolation[] {
  const value = owner[key];
  if (value === undefined) return required ? [missing([...path, key])] : [];
  return typeof value === 'boolean' ? [] : [wrongType([...path, key], 'true or false', value)];
}

/**
 * Checks a value against an enum. Matching is exact, as in the service; a case-only mismatch gets the right spelling
 * as a replacement, since that is the common typo.
 */
export function checkEnum(
  ruleId: RuleId,
  value: unknown,
  allowed: readonly string[],
  path: ValuePath,
  label: string,
): RuleViolation[] {
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (allowed.includes(value)) return [];
  const spelled = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  const hint = spelled === undefined ? `use ${listOf(allowed)}` : `did you mean ${spelled}? (values are case-sensitive)`;
  return [violation(ruleId, path, `${show(value)} is not a valid ${label}: ${hint}.`, spelled)];
}

/** Checks that `value` is an array of enum values; each bad item is reported at its own index. */
export function checkEnumList(
  ruleId: RuleId,
  value: unknown,
  allowed: readonly string[],
  path: ValuePath,
  label: string,
): RuleViolation[] {
  if (!Array.isArray(value)) return [wrongType(path, 'an array', value)];
  return value.flatMap((item, index) => checkEnum(ruleId, item, allowed, [...path, index], label));
}

/**
 * Re-files number-format findings under another rule, keeping message, path and fix. Used where a field must look
 * like a telephone number but the contract is looser than the Provisioning API's (test lines, voicemail pilot).
 */
export function recastNumberFindings(found: readonly RuleViolation[], ruleId: RuleId): RuleViolation[] {
  return found.map((item) =>
    item.ruleId.startsWith('ACG-NUM-') ? violation(ruleId, item.path, item.message, item.replacement) : item,
  );
}
