// Numbers (the Provisioning API's NumberResource) out to a file: the Number Management Portal's CSV, so that an export
// can be edited and uploaded again, or JSON. The CSV's headings are the reader's own column table (csvColumns.ts),
// so whatever is written here is what `acg validate` and the CSV-to-plan conversion read back.
//
// Streaming: the writer is fed one page at a time and returns the text of that page only, so an export of the
// 100,000-number account holds one page, never the account. A CSV may be cut into parts of at most `maxRowsPerPart`
// rows (the portal's 10,000, ACG-CSV-001), each starting with its own heading row, as splitCsv cuts a file.
//
// One column set per CSV: the docs give one table for Operator Connect and one for Teams Phone Mobile, and the
// validator warns about a file that mixes them (ACG-CSV-004). A row of one set also states that service's `enabled`,
// so writing a Teams Phone Mobile number as an Operator Connect row (enabled=false) would, uploaded again, switch its
// service off. So a CSV holds the numbers enabled for its set's service only; the filter's service chooses the set,
// and Operator Connect is the default (numbers of other services are counted as left out, and JSON holds them all).
import { csvCell } from '../config/csv/tokenizer';
import { CSV_COLUMN_SETS, type CsvColumnSet } from '../config/csvColumns';
import { CSV_MAX_ROWS } from '../limits';
import type { NumberResource } from '../models';
import { serviceShortName, type NumberServiceKey } from './numberDisplay';
import type { NumberFilter } from './numberFilter';

/** csv: the portal's columns; json: one array; jsonl: one number per line (for tools that read line by line). */
export const EXPORT_FORMATS = ['csv', 'json', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The text of one part of the export; parts are numbered from 0 (a CSV cut at the row limit has several). */
export interface ExportChunk {
  readonly part: number;
  readonly text: string;
}

export type CsvSetChoice = { readonly ok: true; readonly set: CsvColumnSet; readonly service: NumberServiceKey } | { readonly ok: false; readonly message: string };

/** The CSV column set for a filter: its service's, Operator Connect when it names none. */
export function csvColumnSetFor(filter: NumberFilter): CsvSetChoice {
  const service = filter.service ?? 'teamsOperatorConnect';
  const set = Object.values(CSV_COLUMN_SETS).find((s) => s.service === service);
  if (!set || set.service === undefined) {
    return {
      ok: false,
      message: `the portal's CSV has columns for Operator Connect (OC) and Teams Phone Mobile (TPM) numbers only, not ${serviceShortName(service)}: export those with --format json.`,
    };
  }
  return { ok: true, set, service: set.service };
}

/** Whether a number belongs in a CSV of `set`: it is enabled for the set's service. */
export function fitsCsvSet(number: NumberResource, set: CsvColumnSet): boolean {
  return set.service !== undefined && number.serviceDetails?.[set.service]?.enabled === true;
}

/** The heading row of a column set, without a line break. */
export function csvHeadingRow(set: CsvColumnSet): string {
  return set.columns.map((c) => csvCell(c.heading)).join(',');
}

/** One number as a row of `set`, without a line break: each column's value found at its plan path. */
export function csvNumberRow(number: NumberResource, set: CsvColumnSet): string {
  return set.columns.map((column) => csvCell(cellText(valueAt(number, column.planPath)))).join(',');
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let at = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A value as the reader takes it back: lists comma-separated (as the samples write them), booleans as words. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').join(',');
  return '';
}

export interface NumberExportOptions {
  readonly format: ExportFormat;
  /** CSV only: the column set (csvColumnSetFor). */
  readonly csvSet?: CsvColumnSet;
  /** CSV only: rows per part before a new part (with its heading row) starts. Default: no limit, one part. */
  readonly maxRowsPerPart?: number;
}

/** The portal's upload limit, for callers that cut a CSV into uploadable parts. */
export const EXPORT_CSV_ROWS_PER_PART = CSV_MAX_ROWS;

const EOL = '\n';

/**
 * Turns pages of numbers into text: `begin()` once, `page()` per page, `end()` once. Each call returns the chunks to
 * write, in order; the writer keeps counts only, never the numbers.
 */
export class NumberExportWriter {
  private rows = 0;
  private rowsInPart = 0;
  private part = 0;
  private readonly maxRows: number;

  constructor(private readonly options: NumberExportOptions) {
    if (options.format === 'csv' && !options.csvSet) throw new TypeError('A CSV export needs its column set.');
    const max = options.maxRowsPerPart ?? Number.POSITIVE_INFINITY;
    if (!(max >= 1)) throw new RangeError(`maxRowsPerPart must be at least 1, not ${max}.`);
    this.maxRows = max;
  }

  /** Numbers written so far. */
  get count(): number {
    return this.rows;
  }

  /** Parts begun so far (1 after begin()). */
  get parts(): number {
    return this.part + 1;
  }

  begin(): ExportChunk[] {
    switch (this.options.format) {
      case 'csv':
        return [{ part: 0, text: this.heading() }];
      case 'json':
        return [{ part: 0, text: '[' }];
      case 'jsonl':
        return [];
    }
  }

  page(numbers: readonly NumberResource[]): ExportChunk[] {
    const chunks: ExportChunk[] = [];
    let text = '';
    for (const number of numbers) {
      if (this.options.format === 'csv' && this.rowsInPart >= this.maxRows) {
        if (text !== '') chunks.push({ part: this.part, text });
        this.part++;
        this.rowsInPart = 0;
        text = this.heading();
      }
      text += this.item(number);
      this.rows++;
      this.rowsInPart++;
    }
    if (text !== '') chunks.push({ part: this.part, text });
    return chunks;
  }

  end(): ExportChunk[] {
    return this.options.format === 'json' ? [{ part: this.part, text: `${this.rows === 0 ? '' : EOL}]${EOL}` }] : [];
  }

  private heading(): string {
    return `${csvHeadingRow(this.csvSet())}${EOL}`;
  }

  private item(number: NumberResource): string {
    switch (this.options.format) {
      case 'csv':
        return `${csvNumberRow(number, this.csvSet())}${EOL}`;
      case 'json':
        return `${this.rows === 0 ? '' : ','}${EOL}  ${JSON.stringify(number)}`;
      case 'jsonl':
        return `${JSON.stringify(number)}${EOL}`;
    }
  }

  private csvSet(): CsvColumnSet {
    const set = this.options.csvSet;
    if (!set) throw new TypeError('A CSV export needs its column set.');
    return set;
  }
}
