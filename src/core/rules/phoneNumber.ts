// Telephone numbers: today's Provisioning API format, the 2023 portal format that old files still use, and the
// country calling code (from libphonenumber-js's default, "min", metadata: enough for calling codes, and small).
import { isSupportedCountry, parsePhoneNumberFromString, parsePhoneNumberWithError } from 'libphonenumber-js';
import { TELEPHONE_NUMBER_MAX_LENGTH } from '../limits';
import { missing, wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { show, violation } from './violation';

export const TELEPHONE_NUMBER_PATTERN = /^\+[1-9]\d+$/;
export { TELEPHONE_NUMBER_MAX_LENGTH };
export const TELEPHONE_NUMBER_MIN_LENGTH = 3;
/** The 2023 portal allowed digits with an optional `+`, up to this many characters. */
export const LEGACY_NUMBER_MAX_LENGTH = 19;

const NORTH_AMERICAN_TOLL_FREE = /^\+1(800|833|844|855|866|877|888)/;
const DIGITS_WITH_OPTIONAL_PLUS = /^\+?\d+$/;
const SEPARATOR_KINDS: readonly (readonly [RegExp, string])[] = [
  [/[\s\u00a0]/, 'spaces'],
  [/[-\u2010-\u2015]/, 'dashes'],
  [/\./, 'dots'],
  [/[()]/, 'parentheses'],
  [/\//, 'slashes'],
];
const SEPARATORS = /[\s\u00a0\-\u2010-\u2015.()/]/g;

/** True for +1 800/833/844/855/866/877/888 numbers, which need displayedCountryCode. */
export function isNorthAmericanTollFree(e164: string): boolean {
  return NORTH_AMERICAN_TOLL_FREE.test(e164);
}

/** True when the value meets today's rules: pattern, 3 to 16 characters. The country code is not checked here. */
export function isServiceFormat(value: string): boolean {
  return (
    TELEPHONE_NUMBER_PATTERN.test(value) &&
    value.length >= TELEPHONE_NUMBER_MIN_LENGTH &&
    value.length <= TELEPHONE_NUMBER_MAX_LENGTH
  );
}

/** True for a number written the 2023 way: digits without a `+`, up to 19 characters. */
export function isLegacyNumberFormat(value: string): boolean {
  return /^\d+$/.test(value) && value.length <= LEGACY_NUMBER_MAX_LENGTH;
}

type CallingCodeLookup = { readonly kind: 'known'; readonly code: string } | { readonly kind: 'unknown' } | { readonly kind: 'incomplete' };

/** What the parser said of one probe: a calling code, or whether it refused the probe as INVALID_COUNTRY. */
type ProbeAnswer = { readonly code: string } | { readonly invalidCountry: boolean };

/**
 * Parser answers by probe. A probe is made of at most three leading digits, so there are at most 1,110 of them; the
 * parse is the costliest step of checking a number (a batch of 100 numbers parsed 100 times, on the client and again
 * in the emulator), and its answer never changes for the same probe.
 */
const probeAnswers = new Map<string, ProbeAnswer>();

function parseProbe(probe: string): ProbeAnswer {
  let answer = probeAnswers.get(probe);
  if (answer === undefined) {
    try {
      answer = { code: parsePhoneNumberWithError(probe).countryCallingCode };
    } catch (error) {
      answer = { invalidCountry: error instanceof Error && error.message === 'INVALID_COUNTRY' };
    }
    probeAnswers.set(probe, answer);
  }
  return answer;
}

function lookUpCallingCode(digits: string): CallingCodeLookup {
  // A calling code is 1 to 3 digits and depends only on the leading digits, so padding the first three keeps the
  // parser's own length checks (TOO_SHORT, TOO_LONG) out of the answer.
  const answer = parseProbe(`+${digits.slice(0, 3)}0000000`);
  if ('code' in answer) return answer.code.length <= digits.length ? { kind: 'known', code: answer.code } : { kind: 'incomplete' };
  return answer.invalidCountry && digits.length >= 3 ? { kind: 'unknown' } : { kind: 'incomplete' };
}

/** The country calling code of an E.164 number (`'44'` for +442079460000), or undefined when none matches. */
export function countryCallingCodeOf(e164: string): string | undefined {
  const digits = e164.startsWith('+') ? e164.slice(1) : e164;
  if (!/^[1-9]\d*$/.test(digits)) return undefined;
  const lookup = lookUpCallingCode(digits);
  return lookup.kind === 'known' ? lookup.code : undefined;
}

/**
 * Rewrites a number the way people type it into E.164: spaces, dashes, dots, parentheses, `tel:`, a `00`
 * international prefix, or a national number when `defaultCountry` (ISO 3166 alpha-2, such as "GB") is given.
 * Returns undefined when the result would still break today's rules or the country code is unknown.
 */
export function normalizeToE164(raw: string, defaultCountry?: string): string | undefined {
  let text = raw.trim().replace(/^tel:/i, '').replace(SEPARATORS, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!DIGITS_WITH_OPTIONAL_PLUS.test(text)) return undefined;
  const country = defaultCountry?.trim().toUpperCase();
  const parsed = text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : country !== undefined && isSupportedCountry(country)
      ? parsePhoneNumberFromString(text, country)
      : undefined;
  const e164 = parsed?.number;
  return e164 !== undefined && isServiceFormat(e164) && countryCallingCodeOf(e164) !== undefined ? e164 : undefined;
}

/** A candidate that passes every number rule, or undefined. */
function acceptable(candidate: string): string | undefined {
  return isServiceFormat(candidate) && countryCallingCodeOf(candidate) !== undefined ? candidate : undefined;
}

function withExample(text: string, replacement: string | undefined): string {
  return replacement === undefined ? `${text}.` : `${text} (${replacement}).`;
}

function formattingProblem(value: string, path: ValuePath): RuleViolation {
  const stripped = value.replace(SEPARATORS, '');
  if (DIGITS_WITH_OPTIONAL_PLUS.test(stripped)) {
    const kinds = SEPARATOR_KINDS.filter(([pattern]) => pattern.test(value)).map(([, name]) => name);
    const found = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}` : kinds.join('');
    const replacement = normalizeToE164(value);
    const advice = stripped.startsWith('+') ? 'use digits only after +' : 'use + then the country code and digits only';
    return violation('ACG-NUM-001', path, withExample(`${show(value)} contains ${found}: ${advice}`, replacement), replacement);
  }
  if (value.indexOf('+', 1) > 0) {
    return violation('ACG-NUM-001', path, `${show(value)} has a + after the start: + only comes first, then digits only.`);
  }
  const odd = [...new Set(value.replace(/[\d+]/g, '').replace(SEPARATORS, ''))].map((c) => `'${c}'`).join(' ');
  const problem = odd === '' ? 'has no digits' : `contains ${odd}`;
  return violation('ACG-NUM-001', path, `${show(value)} ${problem}: a telephone number is + then digits only.`);
}

function withoutPlus(value: string, path: ValuePath): RuleViolation {
  if (value.startsWith('00')) {
    const replacement = acceptable(`+${value.slice(2)}`);
    return violation(
      'ACG-NUM-001',
      path,
      withExample(`${value} starts with the international prefix 00: write + instead`, replacement),
      replacement,
    );
  }
  if (value.startsWith('0')) {
    return violation(
      'ACG-NUM-001',
      path,
      `${value} looks like a national number: drop the leading 0 and write + and the country code first (for example +44 for the UK).`,
    );
  }
  if (!isLegacyNumberFormat(value)) {
    return violation(
      'ACG-NUM-001',
      path,
      `${show(value)} has no leading + and ${value.length} digits: a telephone number is + then at most ${TELEPHONE_NUMBER_MAX_LENGTH - 1} digits.`,
    );
  }
  const replacement = acceptable(`+${value}`);
  const text =
    replacement === undefined
      ? `${value} is in the 2023 portal format (up to ${LEGACY_NUMBER_MAX_LENGTH} digits, + optional), which no longer passes: today a number is + then at most ${TELEPHONE_NUMBER_MAX_LENGTH - 1} digits, so shorten it to its E.164 form.`
      : `${value} is in the 2023 portal format (no leading +): today's format is ${replacement}.`;
  return violation('ACG-NUM-004', path, text, replacement);
}

function withPlus(value: string, path: ValuePath): RuleViolation[] {
  const digits = value.slice(1);
  if (digits.startsWith('0')) {
    const replacement = digits.startsWith('00') ? acceptable(`+${digits.slice(2)}`) : undefined;
    return [
      violation(
        'ACG-NUM-001',
        path,
        withExample(`${value} starts with +0, but no country calling code starts with 0`, replacement),
        replacement,
      ),
    ];
  }
  const found: RuleViolation[] = [];
  if (value.length > TELEPHONE_NUMBER_MAX_LENGTH) {
    found.push(
      violation(
        'ACG-NUM-002',
        path,
        `${show(value)} has ${value.length} characters: a telephone number has at most ${TELEPHONE_NUMBER_MAX_LENGTH}, counting the +.`,
      ),
    );
  }
  if (value.length < TELEPHONE_NUMBER_MIN_LENGTH) {
    found.push(
      violation(
        'ACG-NUM-003',
        path,
        `${value} has ${value.length} characters: a telephone number has at least ${TELEPHONE_NUMBER_MIN_LENGTH}, counting the +.`,
      ),
    );
  }
  if (lookUpCallingCode(digits).kind === 'unknown') {
    const prefixes = [1, 2, 3].map((n) => digits.slice(0, n)).join(', ');
    found.push(
      violation('ACG-NUM-005', path, `${show(value)} does not start with a country calling code in use (none of ${prefixes}): check for a typo.`),
    );
  }
  return found;
}

/**
 * A national number (leading 0, or digits without a country code) becomes E.164 once the file says which country it
 * is from; the finding then carries that number as its fix and names it in the message.
 */
function inCountry(v: RuleViolation, value: string, defaultCountry: string | undefined): RuleViolation {
  if (defaultCountry === undefined || v.replacement !== undefined) return v;
  if (v.ruleId !== 'ACG-NUM-001' && v.ruleId !== 'ACG-NUM-004') return v;
  const e164 = normalizeToE164(value, defaultCountry);
  if (e164 === undefined) return v;
  return { ...v, message: `${v.message.replace(/\.$/, '')} (in ${defaultCountry}: ${e164}).`, replacement: e164 };
}

/**
 * Checks one telephone number against today's Provisioning API rules. Each problem gets its own rule id so that an
 * editor can offer the right quick fix; `replacement` is set when the fix is certain. `defaultCountry` (ISO 3166
 * alpha-2) is the country a file declares for numbers written in national format.
 */
export function validateTelephoneNumber(value: unknown, path: ValuePath = [], defaultCountry?: string): RuleViolation[] {
  if (value === undefined || value === null) return [missing(path, 'A telephone number')];
  if (typeof value !== 'string') return [wrongType(path, 'a string such as "+14255550100"', value)];
  if (value === '') return [violation('ACG-NUM-001', path, 'The telephone number is empty: write + then the country code and digits, for example +14255550100.')];
  const found = !DIGITS_WITH_OPTIONAL_PLUS.test(value) ? [formattingProblem(value, path)] : value.startsWith('+') ? withPlus(value, path) : [withoutPlus(value, path)];
  return defaultCountry === undefined ? found : found.map((v) => inCountry(v, value, defaultCountry));
}

/** The form numbers are compared in, so that "+44 20 7946 0000" repeats "+442079460000"; clean numbers skip libphonenumber. */
export function canonicalNumber(value: string): string {
  return isServiceFormat(value) ? value : (normalizeToE164(value) ?? value);
}
