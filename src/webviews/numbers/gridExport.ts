// Export, from the Numbers panel: the list under the panel's filter, to the Number Management Portal's CSV (so it can
// be edited and uploaded again) or to JSON, through the same writer as `acg export` (core/numbers/numberExport.ts).
// Streamed: the service's largest page is read, written and dropped, so 100,000 numbers never sit in memory. The file
// appears under its name only when the export is complete; a cancel or a failure leaves nothing there.
import type { ProvisioningClient } from '../../azure/clients';
import { AcgError, isAcgError } from '../../azure/errors';
import { PROVISIONING_MAX_PAGE_SIZE } from '../../core/limits';
import { csvColumnSetFor, EXPORT_CSV_ROWS_PER_PART, NumberExportWriter } from '../../core/numbers/numberExport';
import { clientPredicate, describeFilter, serverFilter, type NumberFilter } from '../../core/numbers/numberFilter';
import { serviceShortName } from '../../core/numbers/numberDisplay';
import type { NumbersGridDeps } from './deps';
import type { NumbersGridTarget } from './handlers';
import type { ExportReport, GridExportFormat } from './protocol';

export interface ExportContext {
  readonly deps: NumbersGridDeps;
  readonly target: NumbersGridTarget;
  client(signal: AbortSignal): Promise<ProvisioningClient>;
}

export async function exportNumbers(context: ExportContext, format: GridExportFormat, given: NumberFilter): Promise<ExportReport> {
  const { deps, target } = context;
  // A CSV holds one service's column set, so only numbers enabled for that service (numberExport.ts).
  const csv = format === 'csv' ? csvColumnSetFor(given) : undefined;
  if (csv && !csv.ok) throw new AcgError({ kind: 'badRequest', message: `Not exported: ${csv.message.replace('--format json', 'Export JSON')}` });
  const filter: NumberFilter = csv?.ok ? { ...given, service: csv.service } : given;
  const scope = target.account ?? `${target.gatewayName}-all`;
  const path = await deps.pickExportPath(`${scope}${format === 'csv' ? '.acg-numbers.csv' : '.numbers.json'}`, format);
  if (path === undefined) return { count: 0, message: 'Export cancelled.' };
  const what = `${target.account ?? `every account of ${target.gatewayName}`}${describeFilter(filter) ? ` (${describeFilter(filter)})` : ''}`;
  const writer = new NumberExportWriter({ format, ...(csv?.ok ? { csvSet: csv.set } : {}) });
  const keep = clientPredicate(filter);

  let scanned = 0;
  await deps.withProgress(`Exporting the numbers of ${what}`, async ({ signal, report }) => {
    const client = await context.client(signal);
    const sink = await deps.openExportFile(path);
    try {
      await sink.write(text(writer.begin()));
      const options = { filter: serverFilter(filter), maxpagesize: PROVISIONING_MAX_PAGE_SIZE, countRecords: true, abortSignal: signal };
      const pages = target.account === undefined ? client.listAllNumbers(options) : client.listNumbers(target.account, options);
      let total: number | undefined;
      for await (const page of pages) {
        if (signal.aborted) throw new AcgError({ kind: 'cancelled', message: 'Cancelled: export numbers.' });
        total ??= page.totalCount;
        scanned += page.items.length;
        await sink.write(text(writer.page(keep ? page.items.filter(keep) : page.items)));
        report(`${scanned.toLocaleString('en-US')}${total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`} read`, total ? (100 * page.items.length) / total : undefined);
      }
      await sink.write(text(writer.end()));
      await sink.commit();
    } catch (error) {
      await sink.abort();
      if (isAcgError(error, 'cancelled')) deps.log.info(`Numbers panel: export of ${what} cancelled after ${writer.count} numbers; nothing was saved.`);
      throw error;
    }
  });
  const count = writer.count;
  const notes = [
    `Exported ${count.toLocaleString('en-US')} number${count === 1 ? '' : 's'} of ${what} to ${path}.`,
    csv?.ok && given.service === undefined && scanned > count
      ? `${(scanned - count).toLocaleString('en-US')} not enabled for ${serviceShortName(csv.service)} are not in the CSV (one column set per file): filter on TPM, or export JSON.`
      : undefined,
    csv?.ok && count > EXPORT_CSV_ROWS_PER_PART ? `The portal takes at most ${EXPORT_CSV_ROWS_PER_PART.toLocaleString('en-US')} rows per file: Split CSV cuts it into parts.` : undefined,
  ];
  return { savedTo: path, count, message: notes.filter(Boolean).join(' ') };
}

function text(chunks: readonly { readonly text: string }[]): string {
  return chunks.map((c) => c.text).join('');
}
