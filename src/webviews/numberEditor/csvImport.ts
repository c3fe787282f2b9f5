// Import from a CSV in the portal's format: the config engine's own validator (the one that checks *.acg-numbers.csv
// in the editor and in `acg validate`) lists every finding before anything is sent, and its converter gives the
// numbers. The engine and libphonenumber-js load with the first import (the rules bundle), not with the panel.
import type { NumberResource } from '../../core/models';
import type { CsvFinding, CsvPreview } from './protocol';

export interface CsvImport {
  readonly preview: CsvPreview;
  /** Every number the file describes (rows with errors left out), with its account. */
  readonly numbers: readonly NumberResource[];
}

export async function csvImport(fileName: string, text: string, account: string, defaultCountry: string | undefined): Promise<CsvImport> {
  const { csvToPlan, LineMap } = await import('../../core/config');
  const { plan, diagnostics, skippedRows } = csvToPlan(text, { accountName: account, ...(defaultCountry ? { defaultCountry } : {}) });
  const lines = new LineMap(text);
  const findings: CsvFinding[] = diagnostics.map((d) => ({ line: lines.positionAt(d.range.start).line, ruleId: d.ruleId, severity: d.severity, message: d.message }));
  const numbers: NumberResource[] = (plan.accounts ?? []).flatMap((a) => (a.numbers ?? []).map((n) => ({ ...n, accountName: n.accountName ?? a.name })));
  const byAccount = new Map<string, number>();
  for (const n of numbers) byAccount.set(n.accountName, (byAccount.get(n.accountName) ?? 0) + 1);
  return {
    preview: {
      fileName,
      rows: numbers.length + skippedRows,
      accounts: [...byAccount].map(([name, count]) => ({ account: name, numbers: count })),
      findings,
      errors: findings.filter((f) => f.severity === 'error').length,
    },
    numbers,
  };
}
