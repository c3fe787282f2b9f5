// An RFC 4180 tokenizer that keeps every cell's offsets. CSV libraries give values (and at best line numbers or byte
// offsets); diagnostics and quick fixes need the UTF-16 span of each cell, quotes included. Values agree with
// csv-parse's (checked in test/unit/config/csvTokenizer.test.ts). Lenient where Excel is: blank lines are skipped,
// a BOM is ignored, and \r\n, \n or \r end a row.
import type { CsvSyntaxProblem } from '../../rules/csvRules';

export interface CsvCell {
  /** The unescaped value. */
  readonly value: string;
  /** Span of the cell in the text, quotes included. */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

export interface CsvRow {
  readonly cells: readonly CsvCell[];
  /** Span of the row without its line break. */
  readonly start: number;
  readonly end: number;
  /** Where the next row starts (after the line break), for removing a whole row. */
  readonly next: number;
}

export interface CsvProblem {
  readonly problem: CsvSyntaxProblem;
  readonly start: number;
  readonly end: number;
}

export interface CsvTable {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvProblem[];
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export function tokenizeCsv(text: string): CsvTable {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const length = text.length;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < length) {
    const rowStart = at;
    const cells: CsvCell[] = [];
    let rowEnd = length;
    let next = length;
    for (;;) {
      const cellStart = at;
      let value: string;
      let quoted = false;
      if (text.charCodeAt(at) === QUOTE) {
        quoted = true;
        let parts = '';
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) {
            problems.push({ problem: 'unclosedQuote', start: cellStart, end: length });
            parts += text.slice(from);
            at = length;
            break;
          }
          parts += text.slice(from, quote);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            parts += '"';
            from = quote + 2;
            continue;
          }
          at = quote + 1;
          break;
        }
        value = parts;
        // Anything between the closing quote and the delimiter is kept, but is malformed.
        let after = at;
        while (after < length && text.charCodeAt(after) !== COMMA && text.charCodeAt(after) !== CR && text.charCodeAt(after) !== LF) after++;
        if (after > at) {
          problems.push({ problem: 'textAfterQuote', start: cellStart, end: after });
          value += text.slice(at, after);
          at = after;
        }
      } else {
        let end = at;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === CR || c === LF) break;
          end++;
        }
        value = text.slice(at, end);
        if (value.includes('"')) {
          problems.push({ problem: 'quoteInUnquotedCell', start: at, end });
        }
        at = end;
      }
      cells.push({ value, start: cellStart, end: at, quoted });
      const c = text.charCodeAt(at);
      if (c === COMMA) {
        at++;
        continue;
      }
      rowEnd = at;
      if (c === CR) at += text.charCodeAt(at + 1) === LF ? 2 : 1;
      else if (c === LF) at++;
      next = at;
      break;
    }
    const blank = cells.length === 1 && !cells[0].quoted && cells[0].value.trim() === '';
    if (!blank) rows.push({ cells, start: rowStart, end: rowEnd, next });
  }
  return { rows, problems };
}

/** A value as a CSV cell: quoted when it has to be (a delimiter, a quote, a line break, or edge spaces). */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
