// `acg export` end to end against the in-process emulator, signed in as the sandbox operator (the service principal
// from the environment): Northwind-Bulk's 100,000 numbers to CSV parts that `acg validate` accepts, awkward values
// through the CSV reader, JSON, usage errors, and an export that fails midway leaving nothing at --out.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { serviceCounts, totalNumbers } from '../../../emulator/provisioning/numberStore';
import { BULK_ACCOUNT_NAME, BULK_ACCOUNT_NUMBER_COUNT, DEMO_TENANT_ID, demoGatewayDomain, GATEWAY_LAB, GATEWAY_PRODUCTION, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET } from '../../../emulator/seed/ids';
import { tokenizeCsv } from '../../../src/core/config/csv/tokenizer';
import type { NumberResource } from '../../../src/core/models';
import { runExport } from '../../../src/cli/exportCommand';
import { runCli } from '../../../src/cli/main';

const OPERATOR_ENV = { AZURE_TENANT_ID: DEMO_TENANT_ID, AZURE_CLIENT_ID: OPERATOR_CLIENT_ID, AZURE_CLIENT_SECRET: OPERATOR_CLIENT_SECRET };
/** Rows per file the portal takes (ACG-CSV-001). */
const PORTAL_ROWS = 10_000;

interface Run {
  code: number;
  out: string[];
  err: string[];
}

describe('acg export (emulator)', function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let dataDir: string;
  let dir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'acg-cli-export-'));
    dir = mkdtempSync(join(tmpdir(), 'acg-cli-export-out-'));
    // The rate limit is the service's (100 requests a minute); the export's pacing is not what these tests are about.
    emulator = await startEmulator({ port: 0, dataDir, rateLimit: { requestsPerWindow: 0 } });
  });
  after(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => emulator.context.faults.update({ provisioning: { errorRate: 0 } }));

  async function exportNumbers(args: string[], options: { progressEveryPages?: number } = {}): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runExport(['--cloud', 'Emulator', '--emulator-url', emulator.url, ...args], (l) => out.push(l), (l) => err.push(l), {
      env: OPERATOR_ENV,
      cwd: dir,
      ca: [emulator.caCertPem],
      pipelineOptions: { provisioningRequestsPerMinute: 1_000_000, provisioningFailoverDelayMs: 0, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } },
      ...options,
    });
    return { code, out, err };
  }
  const production = () => emulator.context.state.provisioning[demoGatewayDomain(GATEWAY_PRODUCTION)];

  it('exports Northwind-Bulk to CSV parts of 10,000 rows: every number once, and acg validate finds no errors', async () => {
    const expected = serviceCounts(production(), BULK_ACCOUNT_NAME).teamsOperatorConnect;
    assert.equal(expected, totalNumbers(production(), BULK_ACCOUNT_NAME), 'every Northwind-Bulk number is Operator Connect');
    assert.equal(expected, BULK_ACCOUNT_NUMBER_COUNT);
    const folder = mkdtempSync(join(dir, 'bulk-'));
    const out = join(folder, 'northwind-bulk.acg-numbers.csv');

    const run = await exportNumbers(['--gateway', 'contoso-prod-gw', '--account', BULK_ACCOUNT_NAME, '--format', 'csv', '--out', out], { progressEveryPages: 25 });
    assert.equal(run.code, 0, run.err.join('\n'));
    assert.deepEqual(run.out, [], 'stdout stays clean with --out');
    const files = readdirSync(folder).sort();
    assert.equal(files.length, Math.ceil(expected / PORTAL_ROWS));
    assert.deepEqual(files.filter((f) => !f.endsWith('.acg-numbers.csv')), [], 'no temporary file is left');
    let rows = 0;
    const numbers = new Set<string>();
    for (const file of files) {
      const table = tokenizeCsv(readFileSync(join(folder, file), 'utf8'));
      assert.equal(table.rows[0].cells[0].value, 'telephoneNumber', file);
      assert.ok(table.rows.length - 1 <= PORTAL_ROWS, file);
      rows += table.rows.length - 1;
      for (const row of table.rows.slice(1)) numbers.add(row.cells[0].value);
    }
    assert.equal(rows, expected);
    assert.equal(numbers.size, expected, 'no number twice');
    assert.match(run.err.join('\n'), /acg export: 25,000 of 100,000 numbers read, 25,000 written…/);
    assert.match(run.err.at(-1) ?? '', /^acg export: exported 100,000 numbers of Northwind-Bulk on contoso-prod-gw \(OC\) to 10 files: .*northwind-bulk\.acg-numbers\.csv, .*northwind-bulk\.part2\.acg-numbers\.csv/);

    const validated: string[] = [];
    const code = await runCli(['validate', '--format', 'json', folder], (l) => validated.push(l), () => undefined, dir, {});
    const results = (JSON.parse(validated.join('\n')) as { files: { path: string; diagnostics: { severity: string; ruleId: string }[] }[] }).files;
    assert.equal(results.length, files.length);
    assert.deepEqual(results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.ruleId}`)), []);
    assert.equal(code, 0);
  });

  it('a custom SIP header with a comma, quotes and a line break comes back from the CSV exactly', async () => {
    const lab = emulator.context.state.provisioning[demoGatewayDomain(GATEWAY_LAB)];
    const stored = Object.values(lab.numbers['Northwind-Trial'].explicit)[0];
    const awkward = 'Ward 3, "East"\nwing';
    stored.resource = { ...stored.resource, configuration: { customSipHeader: awkward } };
    const out = join(dir, 'awkward.acg-numbers.csv');
    const run = await exportNumbers(['--gateway', 'contoso-lab-gw', '--account', 'Northwind-Trial', '--out', out]);
    assert.equal(run.code, 0, run.err.join('\n'));
    const table = tokenizeCsv(readFileSync(out, 'utf8'));
    assert.deepEqual(table.problems, []);
    const column = table.rows[0].cells.findIndex((c) => c.value === 'configuration_customSipHeader');
    assert.deepEqual(table.rows.slice(1).map((r) => [r.cells[0].value, r.cells[column].value]), [[stored.resource.telephoneNumber, awkward]]);
  });

  it('JSON of a whole gateway, filtered: one array that parses, only the filter\'s numbers; stdout is the export only', async () => {
    const run = await exportNumbers(['--gateway', 'contoso-lab-gw', '--format', 'json', '--filter', 'prefix=+44 20,status=synced']);
    assert.equal(run.code, 0, run.err.join('\n'));
    const numbers = JSON.parse(run.out.join('\n')) as NumberResource[];
    assert.ok(numbers.length > 0);
    assert.ok(numbers.every((n) => n.telephoneNumber.startsWith('+4420') && n.serviceProvisioningStatus === 'synced'));
    const accounts = new Set(numbers.map((n) => n.accountName));
    assert.ok(accounts.size > 1, `every account of the gateway: ${[...accounts].join(', ')}`);
    assert.match(run.err.at(-1) ?? '', new RegExp(`^acg export: exported ${numbers.length} numbers of every account of contoso-lab-gw \\(\\+4420… · synced\\)\\.$`));

    const lines = await exportNumbers(['--gateway', 'contoso-lab-gw', '--format', 'jsonl', '--filter', '+4420', '--filter', 'synced']);
    assert.deepEqual(lines.out.join('\n').split('\n').map((l) => JSON.parse(l) as unknown), numbers);
  });

  it('an unknown account or gateway exits 3 (could not run) with one line that names it', async () => {
    const account = await exportNumbers(['--gateway', 'contoso-lab-gw', '--account', 'No-Such-Account']);
    assert.equal(account.code, 3);
    assert.deepEqual(account.err, [`acg export: contoso-lab-gw has no account named 'No-Such-Account' (names are case-sensitive).`]);
    const gateway = await exportNumbers(['--gateway', 'nowhere-gw']);
    assert.equal(gateway.code, 3);
    assert.match(gateway.err[0], /^acg export: no gateway named 'nowhere-gw' in the 2 subscriptions this sign-in can see\./);
  });

  it('usage errors exit 4 with one line that says why, no stack trace, and sign nobody in', async () => {
    const cases: [string[], RegExp][] = [
      [[], /name the gateway with --gateway/],
      [['--gateway', 'x', '--format', 'xml'], /--format must be csv, json or jsonl, not 'xml'/],
      [['--gateway', 'x', '--filter', 'colour=red'], /--filter: unknown filter field 'colour'/],
      [['--gateway', 'x', '--filter', 'service=DR'], /the portal's CSV has columns for Operator Connect \(OC\) and Teams Phone Mobile \(TPM\) numbers only, not DR: export those with --format json/],
      [['--gateway', 'x', '--account', 'bad name!'], /--account 'bad name!': /],
      [['--gateway', 'x', '--out'], /--out needs a value/],
      [['--gateway', 'x', 'numbers.csv'], /unexpected argument 'numbers\.csv'/],
      [['--gateway', 'x', '--cloud', 'Mars'], /--cloud must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud, Emulator/],
    ];
    for (const [argv, message] of cases) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['export', ...argv], (l) => out.push(l), (l) => err.push(l), dir, {});
      assert.equal(code, 4, argv.join(' '));
      assert.equal(err.length, 1, err.join('\n'));
      assert.match(err[0], new RegExp(`^acg export: .*${message.source}.* \\(acg export --help lists the options\\)$`), argv.join(' '));
      assert.deepEqual(out, []);
    }
    const help: string[] = [];
    assert.equal(await runCli(['export', '--help'], (l) => help.push(l), () => undefined, dir, {}), 0);
    assert.match(help.join('\n'), /Exit code: 0 exported; 1 the export failed partway/);
  });

  it('an export that fails midway leaves no file at --out, and exits 1', async () => {
    const out = join(dir, 'failing.acg-numbers.csv');
    let pages = 0;
    // After the third page, every Provisioning API request fails (503), retries included.
    const stop = emulator.onExchange((exchange) => {
      if (exchange.service === 'provisioning' && exchange.method === 'GET' && exchange.path.endsWith('/numbers') && ++pages === 3) {
        emulator.context.faults.update({ provisioning: { errorRate: 1 } });
      }
    });
    try {
      const run = await exportNumbers(['--gateway', 'contoso-prod-gw', '--account', BULK_ACCOUNT_NAME, '--out', out]);
      assert.equal(run.code, 1, run.err.join('\n'));
      assert.match(run.err[0], /^acg export: the export stopped after 3,000 numbers: /);
      assert.match(run.err.at(-1) ?? '', /Nothing was written to .*failing\.acg-numbers\.csv\./);
    } finally {
      stop();
    }
    assert.ok(!existsSync(out), 'nothing at the path');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('failing')), [], 'no partial or part file is left');
  });
});
