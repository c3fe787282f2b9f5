// Splitting a number CSV over the portal's 10,000-row limit (ACG-CSV-001): each part repeats the heading row.
import { CSV_MAX_ROWS } from '../../limits';
import type { SplitPart } from '../types';
import { tokenizeCsv } from './tokenizer';

function withNewline(text: string): string {
  return /[\r\n]$/.test(text) ? text : `${text}\n`;
}

/** The parts of a CSV with at most `maxRows` data rows each; a file that fits comes back as one part, unchanged. */
export function splitCsv(csvText: string, maxRows: number = CSV_MAX_ROWS): SplitPart[] {
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a whole number of at least 1, not ${maxRows}.`);
  const { rows } = tokenizeCsv(csvText);
  const [header, ...data] = rows;
  if (!header || data.length <= maxRows) return [{ fileSuffix: '', text: csvText }];
  const heading = withNewline(csvText.slice(header.start, header.next));
  const parts: SplitPart[] = [];
  for (let from = 0; from < data.length; from += maxRows) {
    const body = data
      .slice(from, from + maxRows)
      .map((row) => withNewline(csvText.slice(row.start, row.next)))
      .join('');
    parts.push({ fileSuffix: parts.length === 0 ? '' : `.part${parts.length + 1}`, text: heading + body });
  }
  return parts;
}
