// *.acg-numbers.csv: the portal's CSV upload (csvColumns.ts). Headings first (which column set, what is missing or
// unknown), then each row as the number it describes, checked by the same rules as a plan's numbers (each finding
// placed on the cell its path names), then rows against each other (repeated numbers) and the 10,000-row limit.
// The rules word every finding; this file only places them. Ranges are cells, quotes included.
import {
  csvColumnRepeated,
  csvColumnsMissing,
  csvEmpty,
  csvLegacyFormat,
  csvRowLength,
  csvSemicolonHeadings,
  csvServicesMixed,
  csvSyntaxError,
  csvUnknownColumn,
  validateCsvRowCount,
} from '../../rules/csvRules';
import { CSV_MAX_ROWS } from '../../limits';
import { SERVICES } from '../../models/provisioning';
import { customSipHeaderNotAllowed, validateNoDuplicateNumbers, validateNumber } from '../../rules/numberRules';
import { validateTelephoneNumber } from '../../rules/phoneNumber';
import type { RuleViolation, ValuePath } from '../../rules/types';
import { caseSlipsInList } from '../../rules/violation';
import { CSV_COLUMN_SETS, KNOWN_HEADINGS, type CsvColumn, type CsvColumnSet } from '../csvColumns';
import { diagnosticAt } from '../diagnostic';
import { suggestKey } from '../shape';
import type { ConfigDiagnostic, ConfigFix, TextRange, ValidateOptions } from '../types';
import { csvCell, tokenizeCsv, type CsvCell, type CsvRow } from './tokenizer';

export interface CsvAnalysis {
  readonly diagnostics: ConfigDiagnostic[];
  /** The column set the headings select; undefined when there is no usable heading row. */
  readonly set: CsvColumnSet | undefined;
  /** The known column of each heading cell, by index. */
  readonly columns: readonly (CsvColumn | undefined)[];
  readonly dataRows: readonly CsvRow[];
  /** Data rows (by index into dataRows) with an error that no quick fix repairs. */
  readonly brokenRows: ReadonlySet<number>;
  /** The value each fixed cell should have, by row and column index: what csvToPlan uses. */
  readonly fixedValues: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

const TEAMS_PHONE_MOBILE = SERVICES.find((s) => s.key === 'teamsPhoneMobile')?.name ?? 'Teams Phone Mobile';
/** How a cell lists several values (not documented; see csvColumns.ts). */
export const LIST_SEPARATOR = /\s*[,;|]\s*/;
/** Stands in for the account of a file without an accountName column: csvToPlan asks for it, so it is no finding here. */
const IMPLIED_ACCOUNT = 'implied-by-conversion';

function cellFix(cell: CsvCell, value: string, title = `Change to ${value}`): ConfigFix {
  return { title, kind: 'quickfix', edits: [{ range: { start: cell.start, end: cell.end }, newText: csvCell(value) }], isPreferred: true };
}

function span(x: { start: number; end: number }): TextRange {
  return { start: x.start, end: x.end };
}

/** The range of a CSV path ([row] or [row, column], row 0 being the heading row) in the tokenized rows. */
function rangeOf(rows: readonly CsvRow[], path: ValuePath): TextRange {
  const row = rows[Number(path[0])];
  if (!row) return { start: 0, end: 0 };
  const cell = path.length > 1 ? row.cells[Number(path[1])] : undefined;
  return span(cell ?? row);
}

class CsvChecker {
  readonly diagnostics: ConfigDiagnostic[] = [];
  readonly brokenRows = new Set<number>();
  readonly fixedValues = new Map<number, Map<number, string>>();

  constructor(private readonly rows: readonly CsvRow[]) {}

  add(d: ConfigDiagnostic, dataRow?: number): void {
    this.diagnostics.push(d);
    if (dataRow !== undefined && d.severity === 'error' && !d.fixes?.some((f) => f.edits.length > 0)) this.brokenRows.add(dataRow);
  }

  /** A finding whose path (and related places) are CSV paths. */
  at(v: RuleViolation, fixes: readonly ConfigFix[] = [], dataRow?: number): void {
    const related = v.related?.map((r) => ({ message: r.message, range: rangeOf(this.rows, r.path) }));
    this.add(diagnosticAt(v, rangeOf(this.rows, v.path), { related, fixes }), dataRow);
  }

  /** A finding on a data cell; a certain replacement becomes the cell's fix (and the value csvToPlan uses). */
  onCell(v: RuleViolation, row: number, column: number): void {
    const cell = this.rows[row + 1]?.cells[column];
    const replacement = v.replacement === undefined ? undefined : String(v.replacement);
    if (cell && replacement !== undefined) {
      let byColumn = this.fixedValues.get(row);
      if (!byColumn) this.fixedValues.set(row, (byColumn = new Map()));
      byColumn.set(column, replacement);
    }
    this.at({ ...v, path: [row + 1, column] }, cell && replacement !== undefined ? [cellFix(cell, replacement)] : [], row);
  }
}

interface HeaderInfo {
  readonly set: CsvColumnSet | undefined;
  readonly columns: (CsvColumn | undefined)[];
}

function checkHeader(header: CsvRow, checker: CsvChecker): HeaderInfo {
  const cells = header.cells;
  const headings = cells.map((c) => c.value.trim());
  if (headings.length === 1 && headings[0].toLowerCase() === 'numbers') {
    checker.at(csvLegacyFormat([0, 0]));
    return { set: CSV_COLUMN_SETS.legacy2023, columns: [CSV_COLUMN_SETS.legacy2023.columns[0]] };
  }
  const columns: (CsvColumn | undefined)[] = [];
  const first = new Map<string, number>();
  const hasOc = headings.some((h) => h.startsWith('serviceDetails_teamsOperatorConnect_'));
  const hasTpm = headings.some((h) => h.startsWith('serviceDetails_teamsPhoneMobile_'));
  if (!headings.includes('serviceDetails_teamsOperatorConnect_enabled') && !headings.includes('serviceDetails_teamsPhoneMobile_enabled') && headings.some((h) => h.includes(';'))) {
    checker.at(csvSemicolonHeadings([0]));
    return { set: undefined, columns: [] };
  }
  cells.forEach((cell, index) => {
    const heading = cell.value;
    const known = KNOWN_HEADINGS.get(heading);
    const seen = first.get(heading);
    if (known && seen !== undefined) {
      checker.at(csvColumnRepeated(heading, [0, index], [0, seen]));
      columns.push(undefined);
      return;
    }
    if (known) {
      first.set(heading, index);
      columns.push(known);
      // The Teams Phone Mobile column set has no custom SIP header: the column itself is the finding, once.
      if (known.kind === 'sipHeader' && hasTpm && !hasOc) checker.at(customSipHeaderNotAllowed([TEAMS_PHONE_MOBILE], [0, index]));
      return;
    }
    columns.push(undefined);
    const suggestion = suggestKey(heading.trim(), KNOWN_HEADINGS.keys());
    checker.at(csvUnknownColumn(heading, suggestion, [0, index]), suggestion === undefined ? [] : [cellFix(cell, suggestion, `Rename the column to ${suggestion}`)]);
  });
  if (hasOc && hasTpm) {
    const tpm = headings.findIndex((h) => h.startsWith('serviceDetails_teamsPhoneMobile_'));
    const oc = headings.findIndex((h) => h.startsWith('serviceDetails_teamsOperatorConnect_'));
    checker.at(csvServicesMixed([0, tpm], [0, oc]));
  }
  const set = hasTpm && !hasOc ? CSV_COLUMN_SETS.teamsPhoneMobile : CSV_COLUMN_SETS.operatorConnect;
  const missing = set.columns.filter((c) => c.required && !first.has(c.heading)).map((c) => c.heading);
  if (missing.length > 0) checker.at(csvColumnsMissing(missing, [0]));
  return { set, columns };
}

/** A cell's text as the value a NumberResource holds there; undefined for an empty cell. */
function cellValue(column: CsvColumn, text: string): unknown {
  if (text.trim() === '') return undefined;
  switch (column.kind) {
    case 'boolean':
      // Only the exact words are booleans: anything else stays text, so the rule can say what to write instead.
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'enumList':
      return text.trim().split(LIST_SEPARATOR);
    default:
      return text;
  }
}

/** Sets `value` at `path` in `target`, making the objects on the way (a CSV column's place in a NumberResource). */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) at = next as Record<string, unknown>;
    else at = at[key] = {};
  }
  at[path[path.length - 1]] = value;
}

/** Where in a row each NumberResource path is: the row's cells by the column's plan path. */
class RowLayout {
  private readonly byPath = new Map<string, number>();
  /** Paths of required columns the heading row lacks: ACG-CSV-002 reports them once, not on every row. */
  private readonly absent = new Set<string>();
  readonly numberColumn: number;

  constructor(
    readonly set: CsvColumnSet,
    readonly columns: readonly (CsvColumn | undefined)[],
  ) {
    columns.forEach((column, index) => {
      if (column) this.byPath.set(column.planPath.join('.'), index);
    });
    for (const column of set.columns) if (column.required && !this.byPath.has(column.planPath.join('.'))) this.absent.add(column.planPath.join('.'));
    this.numberColumn = columns.findIndex((c) => c?.kind === 'telephoneNumber');
  }

  /** The number a row describes, as the Provisioning API would take it. */
  resource(row: CsvRow, options: { readonly mobileFile: boolean }): Record<string, unknown> {
    const resource: Record<string, unknown> = { serviceDetails: this.set.service ? { [this.set.service]: {} } : {} };
    if (!this.byPath.has('accountName')) resource['accountName'] = IMPLIED_ACCOUNT;
    row.cells.forEach((cell, index) => {
      const column = this.columns[index];
      // A SIP header in a Teams Phone Mobile file is reported on its heading; its cells would only repeat that.
      if (!column || (column.kind === 'sipHeader' && options.mobileFile)) return;
      const value = cellValue(column, cell.value);
      if (value !== undefined) setPath(resource, column.planPath, value);
    });
    return resource;
  }

  /**
   * The cell a finding's path names: the column of that path (a list item's cell for an item), else the first
   * column under it (a finding about a whole configuration), else the number's own cell. Undefined for a finding
   * about a required column the file lacks.
   */
  cellOf(path: ValuePath): { column: number; item: boolean } | undefined {
    let end = path.length;
    while (end > 0 && typeof path[end - 1] === 'number') end--;
    const key = path.slice(0, end).join('.');
    if (this.absent.has(key)) return undefined;
    const exact = this.byPath.get(key);
    if (exact !== undefined) return { column: exact, item: end < path.length };
    const under = this.columns.findIndex((c) => c !== undefined && c.planPath.join('.').startsWith(`${key}.`));
    return { column: under >= 0 ? under : this.numberColumn, item: false };
  }
}

/** Findings on the items of one list cell: fixed together when every item only needs its case changed. */
function listFindings(found: readonly RuleViolation[], cell: CsvCell): RuleViolation[] {
  const byRule = new Map<string, RuleViolation[]>();
  for (const v of found) byRule.set(v.ruleId, [...(byRule.get(v.ruleId) ?? []), v]);
  const items = cell.value.trim().split(LIST_SEPARATOR);
  return [...byRule.values()].flatMap((group) => {
    if (!group.every((v) => v.replacement !== undefined)) return group.map((v) => ({ ...v, replacement: undefined }));
    const respelt = items.map((item, i) => group.find((v) => v.path[v.path.length - 1] === i)?.replacement ?? item).join(',');
    return [caseSlipsInList(group, cell.value.trim(), respelt, [])];
  });
}

function checkRow(layout: RowLayout, row: CsvRow, index: number, checker: CsvChecker, options: ValidateOptions, mobileFile: boolean): void {
  if (layout.set.id === 'legacy2023') {
    const cell = row.cells[0];
    if (cell) for (const v of validateTelephoneNumber(cell.value, [], options.defaultCountry)) checker.onCell(v, index, 0);
    return;
  }
  const found = validateNumber(layout.resource(row, { mobileFile }), [], options.defaultCountry === undefined ? {} : { defaultCountry: options.defaultCountry });
  const lists = new Map<number, RuleViolation[]>();
  for (const v of found) {
    const at = layout.cellOf(v.path);
    if (!at) continue;
    if (at.item) lists.set(at.column, [...(lists.get(at.column) ?? []), v]);
    else checker.onCell(v, index, at.column);
  }
  for (const [column, items] of lists) {
    const cell = row.cells[column];
    if (cell) for (const v of listFindings(items, cell)) checker.onCell(v, index, column);
  }
}

/** ACG-NUM-014 across rows, with a fix that removes the repeated row (preferred when the rows are identical). */
function checkDuplicates(rows: readonly CsvRow[], numberColumn: number, checker: CsvChecker): void {
  const numbers = rows.map((row) => {
    const value = row.cells[numberColumn]?.value.trim();
    return value === '' ? undefined : value;
  });
  const cells = (row: CsvRow) => row.cells.map((c) => c.value).join('\u0000');
  // The rule's paths are data-row indexes; the CSV's are [row, column] with the heading row first.
  const csvPath = (path: ValuePath): ValuePath => [Number(path[0]) + 1, numberColumn];
  for (const v of validateNoDuplicateNumbers(numbers)) {
    const index = Number(v.path[0]);
    const row = rows[index];
    const first = Number(v.related?.[0]?.path[0]);
    const remove: ConfigFix = { title: 'Remove this duplicate row', kind: 'quickfix', edits: [{ range: { start: row.start, end: row.next }, newText: '' }], isPreferred: cells(row) === cells(rows[first]) };
    const related = v.related?.map((r) => ({ ...r, path: csvPath(r.path) }));
    checker.at({ ...v, path: csvPath(v.path), ...(related ? { related } : {}) }, [remove], index);
  }
}

export function validateCsv(text: string, options: ValidateOptions = {}): CsvAnalysis {
  const table = tokenizeCsv(text);
  const checker = new CsvChecker(table.rows);
  for (const p of table.problems) checker.add(diagnosticAt(csvSyntaxError(p.problem), { start: p.start, end: p.end }));
  const [header, ...dataRows] = table.rows;
  if (!header) {
    checker.add(diagnosticAt(csvEmpty(), { start: 0, end: Math.min(1, text.length) }));
    return { diagnostics: checker.diagnostics, set: undefined, columns: [], dataRows: [], brokenRows: checker.brokenRows, fixedValues: checker.fixedValues };
  }
  const { set, columns } = checkHeader(header, checker);
  const split: ConfigFix = { title: `Split into files of at most ${CSV_MAX_ROWS.toLocaleString('en-US')} rows`, kind: 'quickfix', edits: [], command: 'splitCsv' };
  for (const v of validateCsvRowCount(dataRows.length, [CSV_MAX_ROWS + 1])) checker.at(v, [split]);
  const layout = set ? new RowLayout(set, columns) : undefined;
  const mobileFile = set?.id === 'teamsPhoneMobile';
  dataRows.forEach((row, index) => {
    if (row.cells.length !== header.cells.length) checker.at(csvRowLength(row.cells.length, header.cells.length, [index + 1]), [], index);
    if (layout) checkRow(layout, row, index, checker, options, mobileFile);
  });
  const numberColumn = columns.findIndex((c) => c?.kind === 'telephoneNumber');
  if (numberColumn >= 0) checkDuplicates(dataRows, numberColumn, checker);
  const diagnostics = checker.diagnostics.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { diagnostics, set, columns, dataRows, brokenRows: checker.brokenRows, fixedValues: checker.fixedValues };
}
