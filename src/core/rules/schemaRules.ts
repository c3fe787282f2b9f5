// The shape rules (ACG-SCHEMA-*): a value missing, of the wrong type, outside its enum or its format, a property the
// file format does not have, and JSON that does not parse. Plans, gateway files, runbooks, CSV cells and the
// emulator's 400s all word them here, so one bad value reads the same wherever it is found.
import type { RuleId } from './ruleTable';
import type { Replacement, RuleViolation, ValuePath } from './types';
import { listOf, show, typeName, violation } from './violation';

function fieldName(path: ValuePath): string {
  const last = path[path.length - 1];
  return last === undefined ? 'The value' : String(last);
}

/** What a wrong value is, for a message: text is quoted, since "not a string" says nothing in a CSV cell. */
function described(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return typeName(value);
}

/** ACG-SCHEMA-001. `hint` says what to write, for a value whose choices are not obvious. */
export function missing(path: ValuePath, what = fieldName(path), hint?: string): RuleViolation {
  return violation('ACG-SCHEMA-001', path, hint === undefined ? `${what} is required.` : `${what} is required: ${hint}.`);
}

/** ACG-SCHEMA-002. `replacement` when the value is the right one written as the wrong type (the text "TRUE"). */
export function wrongType(path: ValuePath, expected: string, value: unknown, replacement?: Replacement): RuleViolation {
  const text = `${fieldName(path)} must be ${expected}, not ${described(value)}`;
  return replacement === undefined
    ? violation('ACG-SCHEMA-002', path, `${text}.`)
    : violation('ACG-SCHEMA-002', path, `${text}: write ${String(replacement)}.`, replacement);
}

/** The boolean a text spells in another case or with spaces around it ("TRUE", " false"), if any. */
function booleanInText(value: unknown): boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : undefined;
}

/** Checks an optional boolean, or a required one when `required` is set. */
export function checkBoolean(owner: Record<string, unknown>, key: string, path: ValuePath, required: boolean): RuleViolation[] {
  const value = owner[key];
  const at = [...path, key];
  if (value === undefined) return required ? [missing(at)] : [];
  return typeof value === 'boolean' ? [] : [wrongType(at, 'true or false', value, booleanInText(value))];
}

/**
 * Checks a value against an enum, under the rule that owns the enum. Matching is exact, as in the service; a
 * case-only mismatch gets the right spelling as a replacement, since that is the common typo.
 */
export function checkEnum(ruleId: RuleId, value: unknown, allowed: readonly string[], path: ValuePath, label: string): RuleViolation[] {
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (allowed.includes(value)) return [];
  const spelled = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  const hint = spelled === undefined ? `use ${listOf(allowed)}` : `did you mean ${spelled}? (values are case-sensitive)`;
  return [violation(ruleId, path, `${show(value)} is not a valid ${label}: ${hint}.`, spelled)];
}

/** Checks that `value` is an array of enum values; each bad item is reported at its own index. */
export function checkEnumList(ruleId: RuleId, value: unknown, allowed: readonly string[], path: ValuePath, label: string): RuleViolation[] {
  if (!Array.isArray(value)) return [wrongType(path, 'an array', value)];
  return value.flatMap((item, index) => checkEnum(ruleId, item, allowed, [...path, index], label));
}

/** ACG-SCHEMA-003: an enum no more specific rule owns (connectivity, deployment, a migration's source). */
export function checkAllowed(value: unknown, allowed: readonly string[], path: ValuePath, label: string): RuleViolation[] {
  return checkEnum('ACG-SCHEMA-003', value, allowed, path, label);
}

/** ACG-SCHEMA-004: a string that is not `expected` (a phrase such as "a subscription id (a GUID)"). */
export function badFormat(path: ValuePath, value: string, expected: string, replacement?: string): RuleViolation {
  return replacement === undefined
    ? violation('ACG-SCHEMA-004', path, `${show(value)} is not ${expected}.`)
    : violation('ACG-SCHEMA-004', path, `${show(value)} is not ${expected}: write ${replacement}.`, replacement);
}

/**
 * An optional (or, with `required`, required) string member that `valid` accepts. Spaces around an otherwise valid
 * value are the usual paste slip, so that case gets the trimmed value as its fix.
 */
export function checkFormat(
  owner: Record<string, unknown>,
  key: string,
  path: ValuePath,
  valid: (value: string) => boolean,
  expected: string,
  required: boolean,
): RuleViolation[] {
  const value = owner[key];
  const at = [...path, key];
  if (value === undefined) return required ? [missing(at)] : [];
  if (typeof value !== 'string') return [wrongType(at, 'a string', value)];
  if (valid(value)) return [];
  const trimmed = value.trim();
  return [badFormat(at, value, expected, trimmed !== value && valid(trimmed) ? trimmed : undefined)];
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

/**
 * An ISO 3166 alpha-2 country code in capitals (a plan's defaultCountry, a number's displayedCountryCode, a CSV
 * cell). `known` narrows the codes further, for example to those libphonenumber can parse national numbers for.
 */
export function validateCountryCode(value: unknown, path: ValuePath, known: (code: string) => boolean = () => true): RuleViolation[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [wrongType(path, 'a string such as "GB"', value)];
  if (COUNTRY_CODE.test(value) && known(value)) return [];
  const upper = value.trim().toUpperCase();
  const replacement = COUNTRY_CODE.test(upper) && known(upper) ? upper : undefined;
  return [badFormat(path, value, 'an ISO 3166 two-letter country code such as GB or US', replacement)];
}

/** ACG-SCHEMA-005 at the property's key. `suggestion` is the known property it was probably meant to be. */
export function unknownProperty(path: ValuePath, suggestion?: string): RuleViolation {
  const key = String(path[path.length - 1] ?? '');
  const message =
    suggestion === undefined
      ? `Unknown property ${show(key)}: it is not part of this file format, so it would be ignored.`
      : `Unknown property ${show(key)}: did you mean ${suggestion}?`;
  return violation('ACG-SCHEMA-005', path, message, undefined, { target: 'key' });
}

const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'This is not a valid number.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  ColonExpected: 'A colon (:) is expected after the property name.',
  CommaExpected: 'A comma is expected here.',
  CloseBraceExpected: 'A closing brace (}) is expected here.',
  CloseBracketExpected: 'A closing bracket (]) is expected here.',
  EndOfFileExpected: 'Nothing may follow the top-level value.',
  InvalidCommentToken: 'This comment is not closed properly.',
  UnexpectedEndOfComment: 'The comment is not closed (*/ missing).',
  UnexpectedEndOfString: 'The string is not closed (a " is missing).',
  UnexpectedEndOfNumber: 'The number ends unexpectedly.',
  InvalidUnicode: 'Invalid \\u escape in a string.',
  InvalidEscapeCharacter: 'Invalid escape character in a string.',
  InvalidCharacter: 'Invalid character in a string (control characters must be escaped).',
};

/** ACG-SCHEMA-006 for one of jsonc-parser's error codes (printParseErrorCode), at the place it gives. */
export function jsonSyntaxError(code: string, path: ValuePath = []): RuleViolation {
  return violation('ACG-SCHEMA-006', path, `JSON syntax: ${SYNTAX_MESSAGES[code] ?? code}`);
}
