// Integration: live diagnostics and quick fixes for configuration files, in a real VS Code with the extension loaded.
// Samples are opened in place (read-only use); anything a test edits is a copy in the temporary workspace folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { planToText, type PlanDocument } from '../../src/core/config';
import {
  acgDiagnostics,
  activeExtension,
  closeAllEditors,
  codeOf,
  copySample,
  diagnosticAt,
  expectedFindings,
  nextEvent,
  openEditor,
  quickFixes,
  sampleUri,
  waitForDiagnostics,
  workspaceFolder,
} from './configHelpers';

/** Each broken sample, and findings that must be among its diagnostics: rule id on exactly this text. */
const BROKEN_SAMPLES: Record<string, [code: string, text: string][]> = {
  'broken.acg-plan.json': [
    ['ACG-NUM-001', '"020 3000 0001"'],
    ['ACG-NUM-004', '"442030000002"'],
    ['ACG-NUM-002', '"+4420300000031234567"'],
    ['ACG-NUM-006', '"callingUserAssignment"'],
    ['ACG-TEN-001', '"{d03b82dc-4553-48a6-9dc6-6947743824e4}"'],
    ['ACG-ACC-001', '"Woodgrove Bank"'],
    ['ACG-RFI-001', '"Signed"'],
  ],
  'broken.acg-gateway.json': [
    ['ACG-GW-001', '"contoso_prod_gw"'],
    ['ACG-GW-010', '"198.51.100.300"'],
    ['ACG-GW-004', '"pcmu"'],
    ['ACG-TL-001', '"automated"'],
  ],
  'broken-lab.acg-gateway.json': [
    ['ACG-GW-004', '"OPUS"'],
    ['ACG-GW-003', '"Zoom"'],
  ],
  'broken.acg-numbers.csv': [
    ['ACG-CSV-003', 'Notes'],
    ['ACG-NUM-004', '442030000102'],
    ['ACG-NUM-006', 'callinguserassignment'],
    ['ACG-NUM-007', '"InboundCalling;mobile"'],
  ],
  'broken-legacy.acg-numbers.csv': [
    ['ACG-NUM-004', '441632960000'],
    ['ACG-NUM-001', '0044 1632 960002'],
  ],
  'broken.acg-migration.json': [
    ['ACG-TEN-001', '"northwindtraders.onmicrosoft.com"'],
    ['ACG-MIG-006', '"Islands"'],
    ['ACG-SCHEMA-003', '"Skype"'],
  ],
};

const CLEAN_SAMPLES = [
  'northwind.acg-plan.json',
  'contoso-prod.acg-gateway.json',
  'contoso-lab.acg-gateway.json',
  'numbers-oc.acg-numbers.csv',
  'numbers-tpm.acg-numbers.csv',
  'move-to-oc.acg-migration.json',
];

describe('config files: live diagnostics', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    extension = await activeExtension();
  });

  afterEach(closeAllEditors);

  for (const [name, spots] of Object.entries(BROKEN_SAMPLES)) {
    it(`shows the engine's findings for samples/${name} with codes, ranges, links and severities`, async () => {
      const { document } = await openEditor(sampleUri(extension, name));
      const expected = expectedFindings(document);
      assert.ok(expected.length > 0, `${name} is broken`);
      const shown = await waitForDiagnostics(document.uri, (d) => d.length === expected.length, `${expected.length} diagnostics on ${name}`);
      for (const { finding, range } of expected) {
        const match = shown.find((d) => codeOf(d) === finding.ruleId && d.range.isEqual(range) && d.message === finding.message);
        assert.ok(match, `${finding.ruleId} at ${range.start.line + 1}:${range.start.character + 1} is shown`);
        const code = match.code as { value: string; target: vscode.Uri };
        assert.equal(code.target.toString(true), vscode.Uri.parse(finding.sourceUrl).toString(true), 'the code links to the rule source');
        const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
        assert.equal(match.severity, severity[finding.severity]);
        assert.equal(match.relatedInformation?.length ?? 0, finding.related?.length ?? 0, 'related information');
      }
      for (const [code, text] of spots) diagnosticAt(document, shown, code, text);
    });
  }

  for (const name of CLEAN_SAMPLES) {
    it(`shows no acg diagnostics for the valid samples/${name}`, async () => {
      const { document } = await openEditor(sampleUri(extension, name));
      assert.deepEqual(expectedFindings(document), [], `the engine finds nothing in ${name}`);
      // Validation on open is synchronous in the extension; a changed-diagnostics event for this uri would mean a bug.
      assert.deepEqual(acgDiagnostics(document.uri), []);
    });
  }

  it('gives *.acg-numbers.csv its own language, so that quick fixes and commands can target it', async () => {
    const { document } = await openEditor(sampleUri(extension, 'numbers-oc.acg-numbers.csv'));
    assert.equal(document.languageId, 'acg-numbers-csv');
  });

  it('points a duplicate at its first occurrence through related information', async () => {
    const { document } = await openEditor(sampleUri(extension, 'broken.acg-plan.json'));
    const shown = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'ACG-NUM-014'), 'the duplicate number');
    const first = document.getText().indexOf('"+442030000000"');
    const duplicate = diagnosticAt(document, shown, 'ACG-NUM-014', '"+442030000000"', first + 1);
    const related = duplicate.relatedInformation?.[0];
    assert.ok(related, 'related information');
    assert.equal(related.location.uri.toString(), document.uri.toString());
    assert.equal(document.offsetAt(related.location.range.start), first, 'the first occurrence');
  });

  it('clears a document\'s diagnostics when it closes', async () => {
    const { document } = await openEditor(sampleUri(extension, 'broken-lab.acg-gateway.json'));
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics on open');
    const closed = nextEvent(vscode.workspace.onDidCloseTextDocument, (d) => d.uri.toString() === document.uri.toString(), 'the document to close');
    const cleared = waitForDiagnostics(document.uri, (d) => d.length === 0, 'diagnostics cleared on close', 30_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await cleared;
  });

  it('re-validates after typing, debounced, and keeps only the latest text\'s findings', async () => {
    const uri = await copySample(extension, 'northwind.acg-plan.json', 'typing.acg-plan.json');
    const editor = await openEditor(uri);
    assert.deepEqual(acgDiagnostics(uri), []);
    const text = editor.document.getText();
    const match = /"telephoneNumber":\s*"\+(\d+)"/.exec(text);
    assert.ok(match, 'a telephone number in the sample');
    const plusOffset = match.index + match[0].indexOf('"+') + 1;
    const plus = new vscode.Range(editor.document.positionAt(plusOffset), editor.document.positionAt(plusOffset + 1));
    // Two edits in quick succession: drop the +, then put it back. Only the final (valid) text may end up shown...
    const broken = waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'ACG-NUM-004'), 'the legacy-format finding');
    assert.ok(await editor.edit((b) => b.delete(plus)));
    await broken;
    const typedBack = waitForDiagnostics(uri, (d) => d.length === 0, 'the finding to go after the fix by hand');
    assert.ok(await editor.edit((b) => b.insert(plus.start, '+')));
    await typedBack;
  });
});

describe('config files: quick fixes', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    extension = await activeExtension();
  });

  afterEach(closeAllEditors);

  /** Applies the fix titled `title` for the diagnostic `code` on `text`, then waits for that diagnostic to go. */
  async function applyFix(uri: vscode.Uri, code: string, text: string, title: RegExp, after = 0): Promise<vscode.TextDocument> {
    const { document } = await openEditor(uri);
    const shown = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === code), `${code} on ${text}`);
    const diagnostic = diagnosticAt(document, shown, code, text, after);
    const actions = await quickFixes(uri, diagnostic.range);
    const fix = actions.find((a) => title.test(a.title));
    assert.ok(fix?.edit, `a quick fix ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const gone = waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === code && x.range.start.isEqual(diagnostic.range.start)), `${code} to go`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    await gone;
    return document;
  }

  it('normalises a 2023-format number to E.164', async () => {
    const uri = await copySample(extension, 'broken.acg-plan.json');
    const document = await applyFix(uri, 'ACG-NUM-004', '"442030000002"', /^Change to "\+442030000002"$/);
    assert.ok(document.getText().includes('"telephoneNumber":"+442030000002"'));
  });

  it('converts a national number with the plan\'s default country', async () => {
    const uri = await copySample(extension, 'broken.acg-plan.json');
    const document = await applyFix(uri, 'ACG-NUM-001', '"020 3000 0001"', /^Change to "\+442030000001"/);
    assert.ok(document.getText().includes('"+442030000001"'));
  });

  it('removes a duplicate number', async () => {
    const uri = await copySample(extension, 'broken.acg-plan.json');
    const before = (await vscode.workspace.openTextDocument(uri)).getText();
    const first = before.indexOf('"+442030000000"');
    const document = await applyFix(uri, 'ACG-NUM-014', '"+442030000000"', /^Remove this duplicate number$/, first + 1);
    const after = document.getText();
    assert.equal(after.split('"+442030000000"').length - 1, 1, 'the number is listed once');
    assert.doesNotThrow(() => JSON.parse(after), 'the plan is still valid JSON');
  });

  it('adds a missing reason placeholder to a declined relationship', async () => {
    const uri = await copySample(extension, 'broken.acg-plan.json');
    const document = await applyFix(uri, 'ACG-RFI-002', '"customerRelationship"', /^Add a reason placeholder$/);
    const plan = JSON.parse(document.getText()) as PlanDocument;
    assert.ok(plan.relationships?.[0]?.customerRelationship.comment, 'the declined relationship has a comment');
  });

  it('fixes a CSV row: the capabilities list in the portal\'s format', async () => {
    const uri = await copySample(extension, 'broken.acg-numbers.csv');
    const document = await applyFix(uri, 'ACG-NUM-007', '"InboundCalling;mobile"', /^Change to InboundCalling,Mobile$/);
    assert.ok(document.getText().includes('"InboundCalling,Mobile"'), document.lineAt(4).text);
  });

  it('removes a duplicate CSV row', async () => {
    const uri = await copySample(extension, 'broken.acg-numbers.csv');
    const before = (await vscode.workspace.openTextDocument(uri)).getText();
    const rows = before.split('\n').length;
    const first = before.indexOf('+442030000100');
    const document = await applyFix(uri, 'ACG-NUM-014', '+442030000100', /^Remove this duplicate row$/, first + 1);
    assert.equal(document.getText().split('\n').length, rows - 1, 'one row fewer');
    assert.equal(document.getText().split('+442030000100').length - 1, 1, 'the number is listed once');
  });

  it('offers to split a plan of more than 10,000 numbers, through the confirming command', async () => {
    const numbers = Array.from({ length: 10_001 }, (_, i) => ({
      telephoneNumber: `+44203${String(1_000_000 + i).padStart(7, '0')}`,
      serviceDetails: {
        teamsOperatorConnect: {
          enabled: true,
          assignmentStatus: 'unassigned' as const,
          configuration: { usage: 'FirstPartyAppAssignment' as const, choosableCapabilities: ['InboundCalling' as const] },
        },
      },
    }));
    const plan: PlanDocument = {
      accounts: [{ name: 'big', serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: true } }, numbers }],
    };
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'big.acg-plan.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(planToText(plan)));
    const { document } = await openEditor(uri);
    const shown = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'ACG-PLAN-001'), 'the plan-size finding', 30_000);
    const tooBig = shown.find((d) => codeOf(d) === 'ACG-PLAN-001')!;
    const actions = await quickFixes(uri, tooBig.range);
    const split = actions.find((a) => a.command?.command === 'acg.config.splitPlan');
    assert.ok(split, `a split action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(split.edit, undefined, 'no edit applies on a click: the command asks first');
    assert.equal(String(split.command?.arguments?.[0]), document.uri.toString());
  });
});
