// Building blocks shared by the validators: one way to make a finding, and the helpers every message needs. The shape
// rules (missing values, wrong types, enums, formats) are in ./schemaRules.
import { RULES, type RuleId } from './ruleTable';
import type { RelatedPlace, Replacement, RuleViolation, ValuePath } from './types';

export interface ViolationExtras {
  readonly target?: 'key';
  readonly related?: readonly RelatedPlace[];
}

export function violation(ruleId: RuleId, path: ValuePath, message?: string, replacement?: Replacement, extras: ViolationExtras = {}): RuleViolation {
  const rule = RULES[ruleId];
  return {
    ruleId,
    severity: rule.severity,
    message: message ?? rule.message,
    path: [...path],
    ...(replacement === undefined ? {} : { replacement }),
    ...(extras.target ? { target: extras.target } : {}),
    ...(extras.related && extras.related.length > 0 ? { related: extras.related } : {}),
  };
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

/** The characters of `value` that `allowed` (a one-character class) rejects, for a message; '' when none. */
export function badCharacters(value: string, allowed: RegExp): string {
  return [...new Set([...value].filter((c) => !allowed.test(c)))].map((c) => (c === ' ' ? 'spaces' : `'${c}'`)).join(' ');
}

export function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
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

/**
 * One finding for a list written in one place (a CSV cell) whose items are only misspelt in case: the whole list,
 * respelt, is the fix. `found` are the items' findings, each with its replacement, all of one rule.
 */
export function caseSlipsInList(found: readonly RuleViolation[], written: string, respelt: string, path: ValuePath): RuleViolation {
  const first = found[0];
  const message = found.length === 1 ? first.message : `${show(written)}: values are case-sensitive, write ${respelt}.`;
  return violation(first.ruleId as RuleId, path, message, respelt);
}
