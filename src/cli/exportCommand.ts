// `acg export --gateway <name | id> [--account <name>] [--filter …] --format csv|json|jsonl [--out <file>]`: the
// numbers of a gateway (GET /numbers) or of one account, with the Numbers view's filter, in the Number Management
// Portal's CSV (so they can be edited and uploaded again) or JSON. Streamed page by page: the service's largest page
// is read, written, and dropped, so 100,000 numbers never sit in memory. Progress goes to stderr; stdout carries the
// export only. Exit code: 0 done; 1 the export failed partway (nothing is left at --out); 3 the command could not
// start (sign-in, gateway or account not found); 4 usage error (exitCodes.ts).
import { isAcgError } from '../azure/errors';
import type { AzureClients } from '../azure/azureClients';
import { clientPredicate, describeFilter, serverFilter, type NumberFilter } from '../core/numbers/numberFilter';
import { serviceShortName } from '../core/numbers/numberDisplay';
import { csvColumnSetFor, EXPORT_CSV_ROWS_PER_PART, NumberExportWriter } from '../core/numbers/numberExport';
import { PROVISIONING_MAX_PAGE_SIZE } from '../core/limits';
import { presentError } from '../host/presentError';
import { openCliSession, type SessionDependencies } from './cliSession';
import { EXIT } from './exitCodes';
import { resolveProvisioningGateway } from './provisioningGateway';
import { parseExportArguments, type ExportArguments } from './exportArgs';
import { fileSink, lineSink, staleParts, type ExportSink } from './exportSink';

export const EXPORT_USAGE = `Usage: acg export --gateway <name | resource id> [--subscription <id>] [--account <name>]
                  [--filter <expression>...] [--format csv|json|jsonl] [--out <file>]
                  [--cloud AzureCloud|AzureUSGovernment|AzureChinaCloud|Emulator] [--emulator-url <url>] [--device-code]

  Exports the numbers of a gateway (every account's), or of one account with --account, page by page.
  --filter   the Numbers view's filter: prefix=<+digits>, service=<OC|TPM|DR|Zoom|AOCP>, status=<pending|synced|failed>,
             or the bare value (+4420, OC, failed); comma-separated (prefix=+44,status=failed) or repeated
  --format   csv (default): the Number Management Portal's upload format, which acg validate reads. One column set per
               file: the filter's service (OC or TPM; OC without one), and only numbers enabled for it.
               With --out, a file holds at most 10,000 rows (the portal's limit); more go to <name>.part2.<kind>, ...
             json: one array of the Provisioning API's number resources; jsonl: one number resource per line
  --out      the file to write (name it *.acg-numbers.csv for acg validate); it appears only once the export is
             complete. Without --out, stdout.
  Sign-in and --cloud/--emulator-url as acg check (acg check --help).
  Exit code: 0 exported; 1 the export failed partway (nothing is left at --out);
             3 the command could not start (sign-in, gateway or account not found); 4 usage error.`;

export interface ExportDependencies extends SessionDependencies {
  /** Stops the export between pages (Ctrl-C): the files are removed, exit 1. */
  readonly abortSignal?: AbortSignal;
  /** Progress every this many pages on stderr. Default 10. */
  readonly progressEveryPages?: number;
}

type Line = (line: string) => void;

export async function runExport(argv: readonly string[], out: Line, err: Line, deps: ExportDependencies): Promise<number> {
  const parsed = parseExportArguments(argv);
  if (parsed.kind === 'help') {
    out(EXPORT_USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') return usageError(err, parsed.message);
  const session = await openCliSession('export', parsed.args, err, deps);
  if (!session.ok) return session.kind === 'usage' ? usageError(err, session.message) : EXIT.failed;
  try {
    return await exportNumbers(parsed.args, session.clients, out, err, deps);
  } finally {
    session.clients.pipeline.dispose();
  }
}

async function exportNumbers(args: ExportArguments, clients: AzureClients, out: Line, err: Line, deps: ExportDependencies): Promise<number> {
  const gateway = await resolveProvisioningGateway(clients, args.gateway, args.subscription, deps.abortSignal);
  if (!gateway.ok) return failed(err, gateway.lines);
  const provisioning = clients.provisioning(gateway.domain);
  // A CSV holds one service's column set, so it holds only numbers enabled for that service (numberExport.ts).
  const csv = args.format === 'csv' ? csvColumnSetFor(args.filter) : undefined;
  if (csv && !csv.ok) return usageError(err, csv.message);
  const filter: NumberFilter = csv ? { ...args.filter, service: csv.service } : args.filter;
  const toFile = args.out !== undefined;
  const writer = new NumberExportWriter({
    format: args.format,
    ...(csv ? { csvSet: csv.set, ...(toFile ? { maxRowsPerPart: EXPORT_CSV_ROWS_PER_PART } : {}) } : {}),
  });
  const keep = clientPredicate(filter);
  const listOptions = { filter: serverFilter(filter), maxpagesize: PROVISIONING_MAX_PAGE_SIZE, countRecords: true, abortSignal: deps.abortSignal };
  const pages = args.account === undefined ? provisioning.listAllNumbers(listOptions) : provisioning.listNumbers(args.account, listOptions);
  const what = `${args.account === undefined ? `every account of ${gateway.ref.name}` : `${args.account} on ${gateway.ref.name}`}${describeFilter(filter) ? ` (${describeFilter(filter)})` : ''}`;

  let sink: ExportSink;
  try {
    sink = args.out === undefined ? lineSink(out) : fileSink(args.out);
    await sink.write(writer.begin());
  } catch (error) {
    return failed(err, [`cannot write ${args.out ?? 'stdout'}: ${presentError(error).message}`]);
  }
  let scanned = 0;
  let pageCount = 0;
  let total: number | undefined;
  const every = deps.progressEveryPages ?? 10;
  try {
    for await (const page of pages) {
      deps.abortSignal?.throwIfAborted();
      total ??= page.totalCount;
      scanned += page.items.length;
      pageCount++;
      await sink.write(writer.page(keep ? page.items.filter(keep) : page.items));
      if (pageCount % every === 0) err(`acg export: ${count(scanned)}${total === undefined ? '' : ` of ${count(total)}`} numbers read, ${count(writer.count)} written…`);
    }
    await sink.write(writer.end());
    const paths = await sink.commit();
    summarize(err, { what, written: writer.count, scanned, paths, csvService: csv?.ok && args.filter.service === undefined ? csv.service : undefined });
    if (args.out !== undefined) for (const stale of staleParts(args.out, paths.length)) err(`acg export: ${stale} is from an earlier export, not this one: remove it before uploading the parts.`);
    if (csv && !toFile && writer.count > EXPORT_CSV_ROWS_PER_PART) {
      err(`acg export: ${count(writer.count)} rows in one CSV: the portal takes at most ${count(EXPORT_CSV_ROWS_PER_PART)} per file (ACG-CSV-001); --out writes parts that fit.`);
    }
    return EXIT.ok;
  } catch (error) {
    await sink.abort();
    // The account is not read beforehand (that would cost one of the 100 requests a minute): its listing says so.
    if (pageCount === 0 && args.account !== undefined && isAcgError(error, 'notFound')) {
      return failed(err, [`${gateway.ref.name} has no account named '${args.account}' (names are case-sensitive).`]);
    }
    // Stopped on purpose (Ctrl-C, a closed pipe): the reason says which, where presentError would only say "Cancelled".
    const reason: unknown = deps.abortSignal?.aborted ? deps.abortSignal.reason : undefined;
    const presented = presentError(reason instanceof Error ? reason : error);
    err(`acg export: the export stopped after ${count(writer.count)} numbers: ${presented.message}`);
    for (const line of presented.detail?.split('\n') ?? []) err(`  ${line}`);
    err(args.out === undefined ? '  What was printed is incomplete.' : `  Nothing was written to ${args.out}.`);
    return EXIT.problems;
  }
}

interface Summary {
  readonly what: string;
  readonly written: number;
  readonly scanned: number;
  readonly paths: readonly string[];
  /** The service a CSV chose by default (the filter named none): numbers without it were left out, and counted. */
  readonly csvService?: Parameters<typeof serviceShortName>[0];
}

function summarize(err: Line, { what, written, scanned, paths, csvService }: Summary): void {
  const where = paths.length === 0 ? '' : ` to ${paths.length === 1 ? paths[0] : `${paths.length} files: ${paths.join(', ')}`}`;
  err(`acg export: exported ${count(written)} number${written === 1 ? '' : 's'} of ${what}${where}.`);
  const left = scanned - written;
  if (csvService && left > 0) {
    err(`acg export: ${count(left)} number${left === 1 ? ' is' : 's are'} not enabled for ${serviceShortName(csvService)} and not in the CSV (one column set per file): export them with --filter service=TPM, or --format json.`);
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function failed(err: Line, lines: readonly string[]): number {
  lines.forEach((line, i) => err(i === 0 ? `acg export: ${line}` : line));
  return EXIT.failed;
}

function usageError(err: Line, message: string): number {
  // One line: the option and why, then where the options are listed.
  err(`acg export: ${message} (acg export --help lists the options)`);
  return EXIT.usage;
}
