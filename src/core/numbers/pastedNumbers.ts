// "Create numbers" starts from text people paste: a column copied from a spreadsheet, a line from an email, a list
// separated by commas or semicolons, numbers written "+44 20 7946 0101", "0044-20-7946-0102" or "(020) 7946 0103".
// Each entry becomes the E.164 form the service stores, through the same reading Find Number… uses
// (numberLookup.ts, on the core rule's normalizeToE164), so what the preview shows is what an upload would write. A
// repeat is flagged with the core rule's wording (ACG-NUM-014). Loads libphonenumber-js: reach it with import().
import { CSV_MAX_ROWS } from '../limits';
import { validateCsvRowCount } from '../rules/csvRules';
import { repeatedNumber } from '../rules/numberRules';
import { parseNumberLookup } from './numberLookup';

/** As many numbers as one portal CSV upload holds. */
export const PASTED_NUMBERS_MAX = CSV_MAX_ROWS;

export interface PastedNumber {
  /** 0-based position in the paste (among the non-empty entries). */
  readonly index: number;
  /** The entry as pasted, trimmed. */
  readonly input: string;
  /** The E.164 form; undefined when the entry is not a number the service accepts. */
  readonly e164?: string;
  /** The E.164 form differs from what was pasted (spaces, dashes, 00, a national number…). */
  readonly changed: boolean;
  /** Why the entry is not usable: invalid, or a repeat of an earlier entry. */
  readonly problem?: string;
  /** Index of the entry this one repeats. */
  readonly duplicateOf?: number;
}

export interface PastedNumbers {
  readonly entries: readonly PastedNumber[];
  /** The distinct valid numbers in E.164, in paste order: what will be written. */
  readonly numbers: readonly string[];
  readonly invalid: number;
  readonly duplicates: number;
  readonly changed: number;
  /** Set when the paste holds more entries than one upload may (the rest is not read). */
  readonly tooMany?: string;
}

const ENTRY_SEPARATORS = /[\r\n,;\t]+/;

/** The entries of a paste: separated by newlines, commas, semicolons or tabs (spaces stay inside a number). */
export function splitPastedNumbers(text: string): string[] {
  return text
    .split(ENTRY_SEPARATORS)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Reads a paste; `defaultCountry` (acg.numbers.defaultCountry) applies to national numbers. */
export function parsePastedNumbers(text: string, defaultCountry?: string): PastedNumbers {
  const all = splitPastedNumbers(text);
  const inputs = all.slice(0, PASTED_NUMBERS_MAX);
  const firstSeen = new Map<string, number>();
  const entries: PastedNumber[] = [];
  const numbers: string[] = [];
  let invalid = 0;
  let duplicates = 0;
  let changed = 0;
  inputs.forEach((input, index) => {
    const parsed = parseNumberLookup(input, defaultCountry);
    if (!parsed.ok) {
      invalid += 1;
      entries.push({ index, input, changed: false, problem: parsed.message });
      return;
    }
    const isChanged = parsed.e164 !== input;
    if (isChanged) changed += 1;
    const first = firstSeen.get(parsed.e164);
    if (first !== undefined) {
      duplicates += 1;
      const problem = repeatedNumber(input, [index], { path: [first], value: inputs[first] }).message;
      entries.push({ index, input, e164: parsed.e164, changed: isChanged, problem, duplicateOf: first });
      return;
    }
    firstSeen.set(parsed.e164, index);
    numbers.push(parsed.e164);
    entries.push({ index, input, e164: parsed.e164, changed: isChanged });
  });
  // The portal's per-upload limit, in the CSV rule's words: a paste is one upload.
  const tooMany = validateCsvRowCount(all.length)[0]?.message;
  return { entries, numbers, invalid, duplicates, changed, ...(tooMany ? { tooMany } : {}) };
}
