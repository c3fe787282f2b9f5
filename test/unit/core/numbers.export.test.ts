// The portal-format CSV writer and the JSON forms of an export (src/core/numbers/numberExport.ts), and the filter
// expressions of `acg export --filter` (filterExpression.ts). What is written must be what the reader takes back: the
// headings of the samples, values that survive quoting, numbers that convert back to the same writable fields.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvToPlan } from '../../../src/core/config/csv/toPlan';
import { tokenizeCsv } from '../../../src/core/config/csv/tokenizer';
import { validateCsv } from '../../../src/core/config/csv/validateCsv';
import { CSV_COLUMN_SETS } from '../../../src/core/config/csvColumns';
import type { NumberResource } from '../../../src/core/models';
import { RULES } from '../../../src/core/rules/ruleTable';
import { parseFilterExpressions } from '../../../src/core/numbers/filterExpression';
import { csvColumnSetFor, csvHeadingRow, fitsCsvSet, NumberExportWriter, type ExportChunk, type NumberExportOptions } from '../../../src/core/numbers/numberExport';

const root = join(__dirname, '..', '..', '..');
const OC = CSV_COLUMN_SETS.operatorConnect;
const TPM = CSV_COLUMN_SETS.teamsPhoneMobile;
const SIP_HEADER_RULE = Object.values(RULES).find((r) => r.title === 'Custom SIP header value')?.id;

function oc(telephoneNumber: string, extra: { header?: string; account?: string; capabilities?: NumberResource['serviceDetails'] } = {}): NumberResource {
  return {
    telephoneNumber,
    accountName: extra.account ?? 'Northwind-Traders',
    serviceDetails: extra.capabilities ?? {
      teamsOperatorConnect: {
        enabled: true,
        assignmentStatus: 'assigned',
        configuration: {
          usage: 'CallingUserAssignment',
          choosableCapabilities: ['InboundCalling', 'OutboundCalling'],
          acquiredCapabilities: ['InboundCalling'],
          civicAddressId: '9414b224-827c-4e5e-a979-83d6030b6e22',
          locationId: 'a93408d4-1063-41ce-8a27-e5d7ee07f17d',
          allowTenantAddressUpdate: false,
        },
      },
    },
    ...(extra.header === undefined ? {} : { configuration: { customSipHeader: extra.header } }),
    serviceProvisioningStatus: 'synced',
    serviceProvisioningErrors: [],
  };
}

const tpm = (telephoneNumber: string): NumberResource => ({
  telephoneNumber,
  accountName: 'Tailspin-Toys',
  serviceDetails: {
    teamsPhoneMobile: {
      enabled: true,
      assignmentStatus: 'unassigned',
      configuration: { usage: 'CallingUserAssignment', choosableCapabilities: ['InboundCalling', 'OutboundCalling', 'Mobile'], locationId: '36571aae-2c85-4ce2-8065-deb7b9b21f8e', allowTenantAddressUpdate: false },
    },
  },
});

/** Feeds pages through a writer; the text of each part. */
function exportPages(options: NumberExportOptions, pages: readonly (readonly NumberResource[])[]): string[] {
  const writer = new NumberExportWriter(options);
  const chunks: ExportChunk[] = [...writer.begin(), ...pages.flatMap((p) => writer.page(p)), ...writer.end()];
  const parts: string[] = [];
  for (const chunk of chunks) parts[chunk.part] = (parts[chunk.part] ?? '') + chunk.text;
  return parts;
}

describe('number export: the portal CSV', () => {
  it('writes every heading of the column set: the samples\' headings, in their order', () => {
    const sampleHeadings = (sample: string) => readFileSync(join(root, 'samples', `${sample}.acg-numbers.csv`), 'utf8').split('\n')[0].trim().split(',');
    assert.deepEqual(csvHeadingRow(OC).split(','), sampleHeadings('numbers-oc'));
    // The Teams Phone Mobile sample leaves out optional columns; the export writes the docs' whole table.
    const written = csvHeadingRow(TPM).split(',');
    assert.deepEqual(written, TPM.columns.map((c) => c.heading));
    assert.deepEqual(written.filter((h) => sampleHeadings('numbers-tpm').includes(h)), sampleHeadings('numbers-tpm'));
    assert.ok(!csvHeadingRow(TPM).includes('customSipHeader'), 'Teams Phone Mobile has no custom SIP header column');
  });

  it('a written file validates with no findings, and converts back to the same writable fields', () => {
    const numbers = [oc('+442030000100', { header: 'northwind-traders' }), oc('+442030000101')];
    const [text] = exportPages({ format: 'csv', csvSet: OC }, [numbers]);
    assert.deepEqual(validateCsv(text).diagnostics.map((d) => `${d.ruleId} ${d.message}`), []);
    const plan = csvToPlan(text).plan;
    const back = plan.accounts?.[0]?.numbers;
    assert.equal(plan.accounts?.[0]?.name, 'Northwind-Traders');
    // Read-only fields (acquiredCapabilities, provisioning status) are not portal columns; the rest comes back.
    const writable = numbers.map((n) => {
      const { acquiredCapabilities: _acquired, ...configuration } = n.serviceDetails.teamsOperatorConnect!.configuration!;
      return { telephoneNumber: n.telephoneNumber, serviceDetails: { teamsOperatorConnect: { ...n.serviceDetails.teamsOperatorConnect, configuration } }, ...(n.configuration ? { configuration: n.configuration } : {}) };
    });
    assert.deepEqual(back, writable);
  });

  it('quotes commas, quotes and line breaks so the reader gets each value back exactly', () => {
    const awkward = ['a,b', 'say "hi"', 'two\nlines', ' edge ', 'x"", y\r\nz'];
    const numbers = awkward.map((header, i) => oc(`+44203000010${i}`, { header, account: i === 0 ? 'Acme,Inc' : 'Northwind-Traders' }));
    const [text] = exportPages({ format: 'csv', csvSet: OC }, [numbers]);
    const table = tokenizeCsv(text);
    assert.deepEqual(table.problems, []);
    const sip = OC.columns.findIndex((c) => c.heading === 'configuration_customSipHeader');
    assert.deepEqual(table.rows.slice(1).map((r) => r.cells[sip].value), awkward);
    assert.equal(table.rows[1].cells[1].value, 'Acme,Inc');
    assert.ok(table.rows.slice(1).every((r) => r.cells.length === OC.columns.length));
    // The validator reads the same cells: no malformed rows (ACG-CSV-005); the SIP header rule still speaks.
    const found = validateCsv(text).diagnostics.map((d) => d.ruleId);
    assert.ok(!found.includes('ACG-CSV-005'), found.join(' '));
    assert.equal(found.filter((id) => id === SIP_HEADER_RULE).length, awkward.length, found.join(' '));
  });

  it('cuts parts at the row limit, each with its heading row, across page boundaries', () => {
    const pages = [[oc('+442030000101'), oc('+442030000102'), oc('+442030000103')], [oc('+442030000104'), oc('+442030000105')]];
    const parts = exportPages({ format: 'csv', csvSet: OC, maxRowsPerPart: 2 }, pages);
    assert.equal(parts.length, 3);
    const rows = parts.map((p) => tokenizeCsv(p).rows);
    for (const r of rows) assert.equal(r[0].cells[0].value, 'telephoneNumber');
    assert.deepEqual(rows.map((r) => r.slice(1).map((row) => row.cells[0].value)), [['+442030000101', '+442030000102'], ['+442030000103', '+442030000104'], ['+442030000105']]);
    assert.equal(exportPages({ format: 'csv', csvSet: OC }, pages).length, 1, 'without a limit, one part');
  });

  it('writes a Teams Phone Mobile number in its own column set, and the column set follows the filter', () => {
    const [text] = exportPages({ format: 'csv', csvSet: TPM }, [[tpm('+447700900501')]]);
    assert.deepEqual(validateCsv(text).diagnostics.map((d) => d.ruleId), []);
    assert.match(text, /^\+447700900501,Tailspin-Toys,true,unassigned,CallingUserAssignment,"InboundCalling,OutboundCalling,Mobile",,,36571aae/m);
    assert.equal(fitsCsvSet(tpm('+447700900501'), OC), false);
    assert.equal(fitsCsvSet(oc('+442030000100'), OC), true);
    const chosen = (service?: string) => {
      const parsed = parseFilterExpressions(service ? [`service=${service}`] : []);
      assert.ok(parsed.ok);
      const choice = csvColumnSetFor(parsed.filter);
      return choice.ok ? choice.set.id : choice.message;
    };
    assert.equal(chosen(), 'operatorConnect');
    assert.equal(chosen('TPM'), 'teamsPhoneMobile');
    assert.match(chosen('DR'), /Operator Connect \(OC\) and Teams Phone Mobile \(TPM\) numbers only, not DR: export those with --format json/);
  });

  it('an empty export is a heading row (CSV), an empty array (JSON) and nothing (JSON Lines)', () => {
    assert.deepEqual(exportPages({ format: 'csv', csvSet: OC }, []), [`${csvHeadingRow(OC)}\n`]);
    assert.deepEqual(JSON.parse(exportPages({ format: 'json' }, [[]]).join('')), []);
    assert.deepEqual(exportPages({ format: 'jsonl' }, [[]]), []);
  });
});

describe('number export: JSON', () => {
  const pages = [[oc('+442030000100', { header: 'a"b' })], [tpm('+447700900501'), oc('+442030000101')]];

  it('streams one array that parses to every number, in order', () => {
    const parts = exportPages({ format: 'json' }, pages);
    assert.equal(parts.length, 1);
    assert.deepEqual(JSON.parse(parts[0]), pages.flat());
  });

  it('JSON Lines: one number per line', () => {
    const lines = exportPages({ format: 'jsonl' }, pages)[0].split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(lines.map((l) => JSON.parse(l) as unknown), pages.flat());
  });
});

describe('number export: --filter expressions', () => {
  const parse = (...texts: string[]) => parseFilterExpressions(texts);

  it('reads fields by name or by their bare value, in one argument or several', () => {
    assert.deepEqual(parse('prefix=+44 20,service=OC,status=failed'), { ok: true, filter: { prefix: '+4420', service: 'teamsOperatorConnect', status: 'failed' } });
    assert.deepEqual(parse('prefix=+4420,service=oc', 'status=failed'), { ok: true, filter: { prefix: '+4420', service: 'teamsOperatorConnect', status: 'failed' } });
    assert.deepEqual(parse('4420, TPM,pending'), { ok: true, filter: { prefix: '+4420', service: 'teamsPhoneMobile', status: 'pending' } });
    assert.deepEqual(parse('service=teamsDirectRouting'), { ok: true, filter: { service: 'teamsDirectRouting' } });
    assert.deepEqual(parse(), { ok: true, filter: {} });
  });

  it('says what is wrong with a field, a value or a repeat', () => {
    const message = (...texts: string[]) => {
      const result = parse(...texts);
      return result.ok ? 'ok' : result.message;
    };
    assert.match(message('colour=red'), /unknown filter field 'colour'/);
    assert.match(message('synced-ish'), /'synced-ish' is not a filter: give prefix=<\+digits>, service=<OC, TPM, DR, Zoom, AOCP> or status=<pending\|synced\|failed>/);
    assert.match(message('service=ISDN'), /service 'ISDN' is not one of OC, TPM, DR, Zoom, AOCP/);
    assert.match(message('status=done'), /status 'done' is not one of pending, synced, failed/);
    assert.match(message('prefix=+044'), /prefix '\+044': A number prefix is \+ and digits/);
    assert.match(message('OC', 'service=TPM'), /gives service twice/);
    assert.match(message('prefix='), /prefix= needs a value/);
  });
});
