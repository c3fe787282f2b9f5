// Number CSVs (*.acg-numbers.csv), as the Number Management Portal takes them: the file's own rules (ACG-CSV-*). The
// cells are numbers, and are checked by ./numberRules like any other number. A CSV path is [row, column]: row 0 is
// the heading row, and a path without a column means the whole row.
import { CSV_MAX_ROWS } from '../limits';
import type { RuleViolation, ValuePath } from './types';
import { show, violation } from './violation';

const count = (n: number) => n.toLocaleString('en-US');

/** ACG-CSV-001 at the first row over the limit; `rows` counts data rows, without the heading row. */
export function validateCsvRowCount(rows: number, path: ValuePath = []): RuleViolation[] {
  if (rows <= CSV_MAX_ROWS) return [];
  return [violation('ACG-CSV-001', path, `This file has ${count(rows)} rows: the portal takes at most ${count(CSV_MAX_ROWS)} per file, so split it.`)];
}

/** ACG-CSV-002: required headings that the heading row lacks. */
export function csvColumnsMissing(headings: readonly string[], path: ValuePath = []): RuleViolation {
  return violation('ACG-CSV-002', path, `The heading row lacks ${headings.join(', ')}: add ${headings.length > 1 ? 'these columns' : 'this column'}.`);
}

/** ACG-CSV-002 for a file with no rows at all. */
export function csvEmpty(path: ValuePath = []): RuleViolation {
  return violation('ACG-CSV-002', path, 'The file is empty: it needs a heading row (telephoneNumber, accountName, serviceDetails_..._enabled, ...) and one row per number.');
}

/** ACG-CSV-002 when converting: rows of a 2023-format file name no account, and none was chosen. */
export function csvRowsWithoutAccount(path: ValuePath = []): RuleViolation {
  return violation('ACG-CSV-002', path, 'Some rows name no account (the 2023 format has no accountName column): choose the account to convert them into.');
}

/** ACG-CSV-003. `suggestion` is the known heading it was probably meant to be. */
export function csvUnknownColumn(heading: string, suggestion: string | undefined, path: ValuePath = []): RuleViolation {
  const caseOnly = suggestion !== undefined && suggestion.toLowerCase() === heading.trim().toLowerCase();
  const message =
    suggestion === undefined
      ? `Unknown column ${show(heading)}: the portal's headings are telephoneNumber, accountName, serviceDetails_<service>_... and configuration_customSipHeader.`
      : `Unknown column ${show(heading)}: ${caseOnly ? 'headings are case-sensitive, write' : 'did you mean'} ${suggestion}?`;
  return violation('ACG-CSV-003', path, message);
}

/** ACG-CSV-004 at the first Teams Phone Mobile column, with the first Operator Connect column as the related place. */
export function csvServicesMixed(path: ValuePath, operatorConnectPath: ValuePath): RuleViolation {
  return violation(
    'ACG-CSV-004',
    path,
    'Operator Connect and Teams Phone Mobile columns in one file: the docs give one column set per service, so upload them as two files.',
    undefined,
    { related: [{ path: operatorConnectPath, message: 'The first Operator Connect column.' }] },
  );
}

/** What the tokenizer found wrong with the text (./config/csv/tokenizer.ts reports these, with their spans). */
export type CsvSyntaxProblem = 'unclosedQuote' | 'textAfterQuote' | 'quoteInUnquotedCell';

const SYNTAX: Readonly<Record<CsvSyntaxProblem, string>> = {
  unclosedQuote: 'This quoted cell is never closed: add the closing ".',
  textAfterQuote: 'Characters follow the closing quote of this cell: put them inside the quotes.',
  quoteInUnquotedCell: 'A quote inside an unquoted cell: quote the whole cell and double the inner quotes ("").',
};

/** ACG-CSV-005 for a place the text itself does not follow RFC 4180. */
export function csvSyntaxError(problem: CsvSyntaxProblem, path: ValuePath = []): RuleViolation {
  return violation('ACG-CSV-005', path, SYNTAX[problem]);
}

/** ACG-CSV-005: the heading row is separated by semicolons (a spreadsheet saved in a locale that does). */
export function csvSemicolonHeadings(path: ValuePath = []): RuleViolation {
  return violation('ACG-CSV-005', path, 'The heading row is separated by semicolons: the portal reads commas (save as "CSV UTF-8 (Comma delimited)").');
}

/** ACG-CSV-005: a data row with another number of cells than the heading row. */
export function csvRowLength(cells: number, headings: number, path: ValuePath = []): RuleViolation {
  return violation('ACG-CSV-005', path, `This row has ${cells} cell${cells === 1 ? '' : 's'}, the heading row ${headings}: each row has one cell per column.`);
}

/** ACG-CSV-006: a heading that appears again. */
export function csvColumnRepeated(heading: string, path: ValuePath, firstPath: ValuePath): RuleViolation {
  return violation('ACG-CSV-006', path, `Column ${heading} appears twice: keep one.`, undefined, {
    related: [{ path: firstPath, message: `${heading} first appears here.` }],
  });
}

/** ACG-CSV-007: the 2023 portal's one-column (Numbers) format. */
export function csvLegacyFormat(path: ValuePath = []): RuleViolation {
  return violation(
    'ACG-CSV-007',
    path,
    'This is the 2023 portal format (one Numbers column). Today the portal takes telephoneNumber, accountName and serviceDetails_... columns: convert it to a plan, or add those columns.',
  );
}
