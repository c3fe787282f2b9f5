// What "Find Number…" accepts: a telephone number as people paste it ("+44 20 7946 0301", "0044 20 7946 0301",
// "tel:+442079460301", "(020) 7946 0301" with a country), turned into the one E.164 form the service stores. The
// conversion is the core rule's own (normalizeToE164), so the search looks for exactly what an upload would have
// written. A national number needs a country: from the input itself ("GB 020 7946 0301") or from the
// acg.numbers.defaultCountry setting. Without one it is refused, as the config engine refuses it without a
// defaultCountry, rather than guessed. Loads libphonenumber-js: reach it with import() (the rules bundle).
import { isSupportedCountry } from 'libphonenumber-js';
import { normalizeToE164, validateTelephoneNumber } from '../rules/phoneNumber';

export type NumberLookup = { readonly ok: true; readonly e164: string; readonly country?: string } | { readonly ok: false; readonly message: string };

/** The input box's live line: what will be searched, or why not. */
export interface LookupHint {
  readonly severity: 'info' | 'error';
  readonly message: string;
}

const COUNTRY_FIRST = /^([A-Za-z]{2})(?:\s*:\s*|\s+)(.+)$/;
const SEPARATORS = /[\s\u00a0\-\u2010-\u2015.()/]/g;

function international(text: string): boolean {
  return text.startsWith('+') || text.startsWith('00');
}

/** Reads one number from `text`; `defaultCountry` (ISO 3166 alpha-2) applies to national numbers without a country. */
export function parseNumberLookup(text: string, defaultCountry?: string): NumberLookup {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Type a telephone number, for example +44 20 7946 0301.' };
  const inline = COUNTRY_FIRST.exec(trimmed);
  const inlineCountry = inline?.[1].toUpperCase();
  if (inlineCountry !== undefined && !isSupportedCountry(inlineCountry)) {
    return { ok: false, message: `${inlineCountry} is not a country code: start with a two-letter country such as GB or US, or type + and the calling code.` };
  }
  const number = inline ? inline[2] : trimmed;
  const compact = number.replace(/^tel:/i, '').replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) {
    const odd = [...new Set(compact.replace(/[\d+]/g, ''))].join('');
    return { ok: false, message: odd ? `A telephone number has digits only (and + first); found '${odd}'.` : 'A telephone number has digits only, with + first.' };
  }
  if (international(compact)) {
    const e164 = normalizeToE164(number);
    if (e164) return { ok: true, e164 };
    const plus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
    const [problem] = validateTelephoneNumber(plus);
    return { ok: false, message: problem?.message ?? `${plus} is not a telephone number the service accepts.` };
  }
  const country = inlineCountry ?? normalizeCountry(defaultCountry);
  if (country === undefined) {
    return {
      ok: false,
      message: `${number.trim()} has no country code: type + and the country code (+44 20 7946 0301), put the country first (GB ${number.trim()}), or set acg.numbers.defaultCountry.`,
    };
  }
  const e164 = normalizeToE164(compact, country);
  return e164 ? { ok: true, e164, country } : { ok: false, message: `${number.trim()} is not a telephone number in ${country}.` };
}

/** The setting's value when it is a country libphonenumber knows; anything else counts as unset. */
export function normalizeCountry(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? code : undefined;
}

/** Shown under the input box as the person types: the E.164 form that will be searched, or the problem. */
export function lookupHint(text: string, defaultCountry?: string): LookupHint | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseNumberLookup(text, defaultCountry);
  if (!parsed.ok) return { severity: 'error', message: parsed.message };
  return { severity: 'info', message: `Searches for ${parsed.e164}${parsed.country ? ` (a national number in ${parsed.country})` : ''}.` };
}
