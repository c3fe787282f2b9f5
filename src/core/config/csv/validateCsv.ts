// *.acg-numbers.csv: the portal's CSV upload (csvColumns.ts). Headings first (which column set, what is missing or
// unknown), then every cell with the same rule validators as a plan, then rows against each other (duplicates,
// emergency address, toll-free display country) and the 10,000-row limit. Ranges are cells, quotes included.
import { validateAccountName } from '../../rules/accountRules';
import { validateCustomSipHeader, CSV_MAX_ROWS } from '../../rules/numberRules';
import { isNorthAmericanTollFree, normalizeToE164, validateTelephoneNumber } from '../../rules/phoneNumber';
import { RULES, type RuleId } from '../../rules/ruleTable';
import type { RuleViolation } from '../../rules/types';
import { checkEnum, show } from '../../rules/violation';
import { canonicalNumber } from '../plan/duplicates';
import { suggestKey } from '../shape';
import { CSV_COLUMN_SETS, KNOWN_HEADINGS, type CsvColumn, type CsvColumnSet } from '../csvColumns';
import type { ConfigDiagnostic, ConfigFix, ConfigRelatedInformation, TextRange, ValidateOptions } from '../types';
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

const LIST_SEPARATOR = /\s*[,;|]\s*/;
const DISPLAYED_COUNTRY = /^[A-Z]{2}$/;

interface Options {
  readonly related?: readonly ConfigRelatedInformation[];
  readonly fixes?: readonly ConfigFix[];
}

function diagnostic(ruleId: RuleId, range: TextRange, message: string, options: Options = {}): ConfigDiagnostic {
  const rule = RULES[ruleId];
  return {
    ruleId,
    severity: rule.severity,
    message,
    range,
    sourceUrl: rule.sourceUrl,
    ...(options.related && options.related.length > 0 ? { related: options.related } : {}),
    ...(options.fixes && options.fixes.length > 0 ? { fixes: options.fixes } : {}),
  };
}

function cellFix(cell: CsvCell, value: string, title = `Change to ${value}`): ConfigFix {
  return { title, kind: 'quickfix', edits: [{ range: { start: cell.start, end: cell.end }, newText: csvCell(value) }], isPreferred: true };
}

function span(x: { start: number; end: number }): TextRange {
  return { start: x.start, end: x.end };
}

class CsvChecker {
  readonly diagnostics: ConfigDiagnostic[] = [];
  readonly brokenRows = new Set<number>();
  readonly fixedValues = new Map<number, Map<number, string>>();

  constructor(private readonly options: ValidateOptions) {}

  add(d: ConfigDiagnostic, row?: number): void {
    this.diagnostics.push(d);
    if (row !== undefined && d.severity === 'error' && !d.fixes?.some((f) => f.edits.length > 0)) this.brokenRows.add(row);
  }

  private remember(row: number, column: number, value: string): void {
    let byColumn = this.fixedValues.get(row);
    if (!byColumn) this.fixedValues.set(row, (byColumn = new Map()));
    byColumn.set(column, value);
  }

  /** A rule violation on a cell; a certain replacement becomes the cell's fix (and the value csvToPlan uses). */
  violationAt(v: RuleViolation, cell: CsvCell, row: number, column: number): void {
    const fixes = v.replacement === undefined ? [] : [cellFix(cell, v.replacement)];
    if (v.replacement !== undefined) this.remember(row, column, v.replacement);
    this.add(diagnostic(v.ruleId as RuleId, span(cell), v.message, { fixes }), row);
  }

  telephoneNumber(cell: CsvCell, row: number, column: number): void {
    for (const v of validateTelephoneNumber(cell.value)) {
      const country = this.options.defaultCountry;
      const national = v.replacement === undefined && country !== undefined && (v.ruleId === 'ACG-NUM-001' || v.ruleId === 'ACG-NUM-004');
      const e164 = national ? normalizeToE164(cell.value, country) : undefined;
      this.violationAt(e164 === undefined ? v : { ...v, message: `${v.message.replace(/\.$/, '')} (in ${country}: ${e164}).`, replacement: e164 }, cell, row, column);
    }
  }

  cell(column: CsvColumn, cell: CsvCell, row: number, index: number, mobile: boolean): void {
    const raw = cell.value;
    const value = raw.trim();
    switch (column.kind) {
      case 'telephoneNumber':
        this.telephoneNumber(cell, row, index);
        return;
      case 'accountName':
        for (const v of validateAccountName(raw)) this.violationAt(v, cell, row, index);
        return;
      case 'boolean':
        if (value === '' || raw === 'true' || raw === 'false') return;
        if (value.toLowerCase() === 'true' || value.toLowerCase() === 'false') {
          this.violationAt({ ruleId: 'ACG-SCHEMA-002', severity: 'error', path: [], message: `${show(raw)} is not true or false (lower case): write ${value.toLowerCase()}.`, replacement: value.toLowerCase() }, cell, row, index);
        } else {
          this.add(diagnostic('ACG-SCHEMA-002', span(cell), `${column.heading} is true or false, not ${show(raw)}.`), row);
        }
        return;
      case 'enum':
        if (value === '') return;
        for (const v of checkEnum(column.heading.endsWith('_usage') ? 'ACG-NUM-006' : 'ACG-NUM-009', raw, column.values ?? [], [], column.heading.split('_').pop() ?? 'value')) {
          this.violationAt(v, cell, row, index);
        }
        return;
      case 'enumList':
        this.enumList(column, cell, row, index, mobile);
        return;
      case 'country':
        if (value === '' || DISPLAYED_COUNTRY.test(raw)) return;
        if (DISPLAYED_COUNTRY.test(value.toUpperCase())) {
          this.violationAt({ ruleId: 'ACG-SCHEMA-004', severity: 'error', path: [], message: `${show(raw)} is not a two-letter country code in capitals: write ${value.toUpperCase()}.`, replacement: value.toUpperCase() }, cell, row, index);
        } else {
          this.add(diagnostic('ACG-SCHEMA-004', span(cell), `${show(raw)} is not a two-letter country code such as US or CA.`), row);
        }
        return;
      case 'sipHeader':
        if (raw === '') return;
        for (const v of validateCustomSipHeader(raw)) this.violationAt(v, cell, row, index);
        return;
      case 'text':
        return;
    }
  }

  private enumList(column: CsvColumn, cell: CsvCell, row: number, index: number, mobile: boolean): void {
    const raw = cell.value.trim();
    if (raw === '') return;
    const capabilities = column.heading.endsWith('_choosableCapabilities');
    const ruleId = capabilities ? 'ACG-NUM-007' : 'ACG-NUM-006';
    const items = raw.split(LIST_SEPARATOR);
    const problems = items.map((item) => checkEnum(ruleId, item, column.values ?? [], [], capabilities ? 'capability' : 'usage')[0]);
    const bad = problems.filter((p): p is RuleViolation => p !== undefined);
    if (bad.length > 0 && bad.every((p) => p.replacement !== undefined)) {
      // Only case slips: one finding for the cell, with the whole corrected list as its fix.
      const fixed = items.map((item, i) => problems[i]?.replacement ?? item).join(',');
      const message = bad.length === 1 ? bad[0].message : `${show(raw)}: values are case-sensitive, write ${fixed}.`;
      this.violationAt({ ...bad[0], message, replacement: fixed }, cell, row, index);
    } else {
      for (const p of bad) this.violationAt({ ...p, replacement: undefined }, cell, row, index);
    }
    if (capabilities && !mobile && items.some((item) => item.toLowerCase() === 'mobile')) {
      this.add(diagnostic('ACG-NUM-008', span(cell), 'Mobile is a Teams Phone Mobile capability: upload this number in a Teams Phone Mobile file, or remove Mobile.'), row);
    }
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
    checker.add(
      diagnostic('ACG-CSV-007', span(cells[0]), 'This is the 2023 portal format (one Numbers column). Today the portal takes telephoneNumber, accountName and serviceDetails_... columns: convert it to a plan, or add those columns.'),
    );
    return { set: CSV_COLUMN_SETS.legacy2023, columns: [CSV_COLUMN_SETS.legacy2023.columns[0]] };
  }
  const columns: (CsvColumn | undefined)[] = [];
  const first = new Map<string, number>();
  const hasOc = headings.some((h) => h.startsWith('serviceDetails_teamsOperatorConnect_'));
  const hasTpm = headings.some((h) => h.startsWith('serviceDetails_teamsPhoneMobile_'));
  if (!headings.includes('serviceDetails_teamsOperatorConnect_enabled') && !headings.includes('serviceDetails_teamsPhoneMobile_enabled') && headings.some((h) => h.includes(';'))) {
    checker.add(diagnostic('ACG-CSV-005', span(header), 'The heading row is separated by semicolons: the portal reads commas (save as "CSV UTF-8 (Comma delimited)").'));
    return { set: undefined, columns: [] };
  }
  cells.forEach((cell, index) => {
    const heading = cell.value;
    const known = KNOWN_HEADINGS.get(heading);
    const seen = first.get(heading);
    if (known && seen !== undefined) {
      checker.add(
        diagnostic('ACG-CSV-006', span(cell), `Column ${heading} appears twice: keep one.`, {
          related: [{ message: `${heading} first appears here.`, range: span(cells[seen]) }],
        }),
      );
      columns.push(undefined);
      return;
    }
    if (known) {
      first.set(heading, index);
      columns.push(known);
      if (known.kind === 'sipHeader' && hasTpm && !hasOc) {
        checker.add(diagnostic('ACG-NUM-013', span(cell), 'A Teams Phone Mobile number cannot carry a custom SIP header: remove the configuration_customSipHeader column.'));
      }
      return;
    }
    columns.push(undefined);
    const suggestion = suggestKey(heading.trim(), KNOWN_HEADINGS.keys());
    const fixes = suggestion === undefined ? [] : [cellFix(cell, suggestion, `Rename the column to ${suggestion}`)];
    const exact = suggestion !== undefined && suggestion.toLowerCase() === heading.trim().toLowerCase();
    checker.add(
      diagnostic(
        'ACG-CSV-003',
        span(cell),
        suggestion === undefined
          ? `Unknown column ${show(heading)}: the portal's headings are telephoneNumber, accountName, serviceDetails_<service>_... and configuration_customSipHeader.`
          : `Unknown column ${show(heading)}: ${exact ? 'headings are case-sensitive, write' : 'did you mean'} ${suggestion}?`,
        { fixes },
      ),
    );
  });
  if (hasOc && hasTpm) {
    const tpm = headings.findIndex((h) => h.startsWith('serviceDetails_teamsPhoneMobile_'));
    const oc = headings.findIndex((h) => h.startsWith('serviceDetails_teamsOperatorConnect_'));
    checker.add(
      diagnostic('ACG-CSV-004', span(cells[tpm]), 'Operator Connect and Teams Phone Mobile columns in one file: the docs give one column set per service, so upload them as two files.', {
        related: [{ message: 'The first Operator Connect column.', range: span(cells[oc]) }],
      }),
    );
  }
  const set = hasTpm && !hasOc ? CSV_COLUMN_SETS.teamsPhoneMobile : CSV_COLUMN_SETS.operatorConnect;
  const missing = set.columns.filter((c) => c.required && !first.has(c.heading)).map((c) => c.heading);
  if (missing.length > 0) {
    checker.add(diagnostic('ACG-CSV-002', span(header), `The heading row lacks ${missing.join(', ')}: add ${missing.length > 1 ? 'these columns' : 'this column'}.`));
  }
  return { set, columns };
}

function cellOf(row: CsvRow, columns: readonly (CsvColumn | undefined)[], heading: string): { cell: CsvCell; index: number } | undefined {
  const index = columns.findIndex((c) => c?.heading === heading);
  const cell = index >= 0 ? row.cells[index] : undefined;
  return cell ? { cell, index } : undefined;
}

/** Rules that look at several cells of one row: required cells, emergency address, toll-free display country. */
function checkRowRules(set: CsvColumnSet, columns: readonly (CsvColumn | undefined)[], row: CsvRow, index: number, checker: CsvChecker): void {
  const service = set.service;
  if (!service) return;
  const get = (suffix: string) => cellOf(row, columns, `serviceDetails_${service}_${suffix}`);
  const value = (suffix: string) => get(suffix)?.cell.value.trim() ?? '';
  const enabledCell = get('enabled');
  if (enabledCell && enabledCell.cell.value.trim() === '') {
    checker.add(diagnostic('ACG-SCHEMA-001', span(enabledCell.cell), `serviceDetails_${service}_enabled is required: true or false.`), index);
  }
  if (value('enabled').toLowerCase() !== 'true') return;
  for (const suffix of ['configuration_usage', 'configuration_choosableCapabilities']) {
    const at = get(suffix);
    if (at && at.cell.value.trim() === '') checker.add(diagnostic('ACG-SCHEMA-001', span(at.cell), `${suffix.split('_').pop()} is required for an enabled number.`), index);
  }
  const usages = [value('configuration_usage'), ...value('configuration_additionalUsages').split(LIST_SEPARATOR)].map((u) => u.toLowerCase());
  const allow = value('configuration_allowTenantAddressUpdate').toLowerCase() === 'true';
  if (usages.includes('callinguserassignment') && !allow && value('configuration_civicAddressId') === '' && value('configuration_locationId') === '') {
    const where = get('configuration_civicAddressId') ?? get('configuration_usage');
    checker.add(
      diagnostic(
        'ACG-NUM-010',
        where ? span(where.cell) : span(row),
        "A CallingUserAssignment number needs an emergency address: fill in configuration_civicAddressId or configuration_locationId (from the enterprise's Teams admin center), or set configuration_allowTenantAddressUpdate to true.",
      ),
    );
  }
  const tel = cellOf(row, columns, 'telephoneNumber');
  const e164 = tel ? (normalizeToE164(tel.cell.value) ?? tel.cell.value) : '';
  if (isNorthAmericanTollFree(e164) && value('configuration_displayedCountryCode') === '') {
    const where = get('configuration_displayedCountryCode') ?? tel;
    checker.add(
      diagnostic('ACG-NUM-011', where ? span(where.cell) : span(row), `${e164} is a North American toll-free number: set configuration_displayedCountryCode (for example US or CA).`),
      index,
    );
  }
}

function checkDuplicates(rows: readonly CsvRow[], numberColumn: number, checker: CsvChecker): void {
  const first = new Map<string, number>();
  rows.forEach((row, index) => {
    const cell = row.cells[numberColumn];
    if (!cell || cell.value.trim() === '') return;
    const key = canonicalNumber(cell.value.trim());
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, index);
      return;
    }
    const earlier = rows[seen];
    const identical = row.cells.map((c) => c.value).join('\u0000') === earlier.cells.map((c) => c.value).join('\u0000');
    checker.add(
      diagnostic('ACG-NUM-014', span(cell), `${show(cell.value)} is already listed on row ${seen + 2}: list each number once.`, {
        related: [{ message: `${cell.value} is first listed here.`, range: span(earlier.cells[numberColumn]) }],
        fixes: [{ title: 'Remove this duplicate row', kind: 'quickfix', edits: [{ range: { start: row.start, end: row.next }, newText: '' }], isPreferred: identical }],
      }),
      index,
    );
  });
}

export function validateCsv(text: string, options: ValidateOptions = {}): CsvAnalysis {
  const checker = new CsvChecker(options);
  const table = tokenizeCsv(text);
  for (const p of table.problems) checker.add(diagnostic('ACG-CSV-005', { start: p.start, end: p.end }, p.message));
  const [header, ...dataRows] = table.rows;
  if (!header) {
    checker.add(diagnostic('ACG-CSV-002', { start: 0, end: Math.min(1, text.length) }, 'The file is empty: it needs a heading row (telephoneNumber, accountName, serviceDetails_..._enabled, ...) and one row per number.'));
    return { diagnostics: checker.diagnostics, set: undefined, columns: [], dataRows: [], brokenRows: checker.brokenRows, fixedValues: checker.fixedValues };
  }
  const { set, columns } = checkHeader(header, checker);
  if (dataRows.length > CSV_MAX_ROWS) {
    const over = dataRows[CSV_MAX_ROWS];
    checker.add(
      diagnostic('ACG-CSV-001', span(over), `This file has ${dataRows.length.toLocaleString('en-US')} rows: the portal takes at most ${CSV_MAX_ROWS.toLocaleString('en-US')} per file; this is row ${(CSV_MAX_ROWS + 1).toLocaleString('en-US')}.`, {
        fixes: [{ title: `Split into files of at most ${CSV_MAX_ROWS.toLocaleString('en-US')} rows`, kind: 'quickfix', edits: [], command: 'splitCsv' }],
      }),
    );
  }
  const mobile = set?.id === 'teamsPhoneMobile';
  dataRows.forEach((row, index) => {
    if (row.cells.length !== header.cells.length) {
      checker.add(diagnostic('ACG-CSV-005', span(row), `This row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}, the heading row ${header.cells.length}: each row has one cell per column.`), index);
    }
    row.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column) checker.cell(column, cell, index, i, mobile);
    });
    if (set) checkRowRules(set, columns, row, index, checker);
  });
  const numberColumn = columns.findIndex((c) => c?.kind === 'telephoneNumber');
  if (numberColumn >= 0) checkDuplicates(dataRows, numberColumn, checker);
  const diagnostics = checker.diagnostics.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { diagnostics, set, columns, dataRows, brokenRows: checker.brokenRows, fixedValues: checker.fixedValues };
}
