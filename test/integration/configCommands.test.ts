// Integration: the config commands (convert, PowerShell, validate workspace) and what package.json promises for them,
// in a real VS Code with the extension loaded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LineMap, configKindOf, validateConfig, type PlanDocument } from '../../src/core/config';
import { formatText } from '../../src/cli/validateOutput';
import {
  acgDiagnostics,
  activeExtension,
  closeAllEditors,
  codeOf,
  copySample,
  nextEvent,
  openEditor,
  sampleUri,
  waitForDiagnostics,
  workspaceFolder,
} from './configHelpers';

const COMMANDS = {
  'acg.config.convertCsvToPlan': /\.acg-numbers\\\.csv/,
  'acg.config.generatePowerShell': /\.acg-migration\\\.json/,
  'acg.config.splitPlan': /\.acg-plan\\\.json/,
  'acg.config.splitCsv': /\.acg-numbers\\\.csv/,
  'acg.config.validateWorkspace': /workspaceFolderCount/,
} as const;

interface Contributes {
  commands?: { command: string; title: string; category?: string; icon?: string }[];
  menus?: Record<string, { command: string; when?: string }[]>;
  jsonValidation?: { fileMatch: string; url: string }[];
  languages?: { id: string; extensions?: string[] }[];
  problemMatchers?: { name: string; owner: string; fileLocation: unknown; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[];
  configuration?: { properties?: Record<string, { default?: unknown; scope?: string; type?: string }> };
}

function totalNumbers(plan: PlanDocument): number {
  return (plan.accounts ?? []).reduce((sum, a) => sum + (a.numbers?.length ?? 0), 0);
}

describe('config files: contributions', () => {
  let extension: vscode.Extension<unknown>;
  let contributes: Contributes;

  before(async () => {
    extension = await activeExtension();
    contributes = (extension.packageJSON as { contributes: Contributes }).contributes;
  });

  it('maps the three JSON kinds to their schemas, which exist', async () => {
    const expected = {
      '*.acg-gateway.json': './schemas/acg-gateway.schema.json',
      '*.acg-plan.json': './schemas/acg-plan.schema.json',
      '*.acg-migration.json': './schemas/acg-migration.schema.json',
    };
    for (const [fileMatch, url] of Object.entries(expected)) {
      assert.ok(contributes.jsonValidation?.some((j) => j.fileMatch === fileMatch && j.url === url), `${fileMatch} → ${url}`);
      const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, url)))) as { $schema?: string };
      assert.ok(schema.$schema, `${url} is a JSON Schema`);
    }
  });

  it('gives each config command the category, an icon and a palette "when" for the file it needs', () => {
    for (const [id, when] of Object.entries(COMMANDS)) {
      const command = contributes.commands?.find((c) => c.command === id);
      assert.ok(command, `${id} is contributed`);
      assert.equal(command.category, 'Communications Gateway');
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/);
      const palette = contributes.menus?.['commandPalette']?.find((m) => m.command === id);
      assert.match(palette?.when ?? '', when, `${id} palette when`);
    }
  });

  it('keeps acg.config.liveChecks off by default', () => {
    const setting = contributes.configuration?.properties?.['acg.config.liveChecks'];
    assert.equal(setting?.type, 'boolean');
    assert.equal(setting?.default, false);
    assert.equal(vscode.workspace.getConfiguration('acg').get('config.liveChecks'), false);
  });

  it("has a problem matcher 'acg' that reads every finding line of `acg validate` and nothing else", async () => {
    const matcher = contributes.problemMatchers?.find((p) => p.name === 'acg');
    assert.ok(matcher, 'problem matcher acg');
    // Its own owner, not the live collection's ('acg'): a task run must not clear open editors' diagnostics.
    assert.equal(matcher.owner, 'acg-cli');
    const regexp = new RegExp(matcher.pattern.regexp);
    const results = [];
    for (const name of ['broken.acg-plan.json', 'broken.acg-numbers.csv', 'broken-lab.acg-gateway.json']) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(extension, name)));
      const kind = configKindOf(name)!;
      results.push({ path: `samples/${name}`, kind, text, diagnostics: validateConfig(kind, text) });
    }
    const lines = formatText(results).split('\n');
    const expected = results.flatMap((r) => {
      const map = new LineMap(r.text);
      return r.diagnostics.map((d) => {
        const { line, column } = map.positionAt(d.range.start);
        return [r.path, String(line), String(column), d.severity, d.ruleId, d.message];
      });
    });
    const matched = lines.flatMap((line) => {
      const m = regexp.exec(line);
      if (!m) return [];
      const { file, line: l, column, severity, code, message } = matcher.pattern;
      return [[m[file], m[l], m[column], m[severity], m[code], m[message]]];
    });
    assert.deepEqual(matched, expected);
  });
});

describe('config files: commands', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    extension = await activeExtension();
  });

  afterEach(closeAllEditors);

  it('converts a number CSV into a provisioning plan opened beside it, unsaved', async () => {
    const csv = await copySample(extension, 'numbers-oc.acg-numbers.csv');
    await vscode.commands.executeCommand('acg.config.convertCsvToPlan', csv, { destination: 'untitled' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.ok(editor.document.uri.path.endsWith('/numbers-oc.acg-plan.json'), editor.document.uri.path);
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'beside the CSV');
    const plan = JSON.parse(editor.document.getText()) as PlanDocument;
    assert.deepEqual(plan.accounts?.map((a) => a.name), ['Northwind-Traders', 'Fabrikam-Finance']);
    assert.equal(totalNumbers(plan), 5);
    assert.deepEqual(validateConfig('plan', editor.document.getText()), [], 'the converted plan is clean');
    // The untitled plan is a plan to the extension too: validated live as it is edited.
    const at = editor.document.getText().indexOf('"+442030000100"') + 1;
    const broken = waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'ACG-NUM-004'), 'a finding in the untitled plan');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 1)))));
    await broken;
  });

  it('saves the converted plan next to the CSV when asked to', async () => {
    const csv = await copySample(extension, 'numbers-tpm.acg-numbers.csv');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'numbers-tpm.acg-plan.json');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    await vscode.commands.executeCommand('acg.config.convertCsvToPlan', csv, { destination: 'save' });
    const plan = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as PlanDocument;
    assert.ok(totalNumbers(plan) > 0);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
  });

  it('puts the rows of a 2023-format CSV into the account it is given, leaving out rows it cannot place', async () => {
    const csv = await copySample(extension, 'broken-legacy.acg-numbers.csv');
    await vscode.commands.executeCommand('acg.config.convertCsvToPlan', csv, { destination: 'untitled', accountName: 'contoso' });
    const plan = JSON.parse(vscode.window.activeTextEditor!.document.getText()) as PlanDocument;
    assert.deepEqual(plan.accounts?.map((a) => a.name), ['contoso']);
    assert.deepEqual(plan.accounts?.[0]?.numbers?.map((n) => n.telephoneNumber), ['+441632960000', '+441632960001', '+441632960002']);
  });

  it('generates the enterprise admin\'s PowerShell from a runbook, steps in the documented order', async () => {
    await vscode.commands.executeCommand('acg.config.generatePowerShell', sampleUri(extension, 'move-to-oc.acg-migration.json'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('/move-to-oc.ps1'), editor?.document.uri.path);
    assert.equal(editor.document.uri.scheme, 'untitled', 'a script that changes a tenant opens unsaved, for review');
    assert.equal(editor.document.languageId, 'powershell');
    const script = editor.document.getText();
    const order = [
      'Connect-MicrosoftTeams',
      '# Step 1',
      "Remove-CsPhoneNumberAssignment -Identity 'megan.bowen@northwindtraders.example'",
      '-RemoveLicenses',
      'Grant-CsOnlineVoiceRoutingPolicy',
      'Set-CsUser -Identity \'lee.gu@northwindtraders.example\' -OnPremLineURI $null',
      '# Step 2',
      'Start-Sleep -Seconds 1800',
      '# Step 3',
      'New-CsTeamsMobilityPolicy',
      'Grant-CsTeamsUpgradePolicy',
      '# Step 4',
      "Set-CsPhoneNumberAssignment -Identity 'megan.bowen@northwindtraders.example' -PhoneNumber '+442030000051' -PhoneNumberType OperatorConnect",
      '-PhoneNumberType OCMobile',
    ];
    let at = -1;
    for (const step of order) {
      const next = script.indexOf(step, at + 1);
      assert.ok(next > at, `"${step}" comes after the previous step`);
      at = next;
    }
  });

  it('refuses to generate PowerShell from a runbook with errors, and opens nothing', async () => {
    const { document } = await openEditor(sampleUri(extension, 'broken.acg-migration.json'));
    const result = await vscode.commands.executeCommand('acg.config.generatePowerShell', document.uri);
    assert.equal(result, undefined);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'no script opened');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/broken.ps1')));
  });

  it('validates every config file in the workspace into the Problems view, and keeps them after an open and close', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'all');
    const names = ['broken.acg-plan.json', 'broken.acg-gateway.json', 'broken.acg-numbers.csv', 'broken.acg-migration.json', 'northwind.acg-plan.json'];
    const copies = await Promise.all(names.map((name) => copySample(extension, name, `all/${name}`)));
    for (const uri of copies) assert.deepEqual(acgDiagnostics(uri), [], 'nothing before the run');
    const summary = await vscode.commands.executeCommand<{ files: number; problems: number; cancelled: boolean }>('acg.config.validateWorkspace');
    assert.ok(summary && !summary.cancelled && summary.files >= names.length, JSON.stringify(summary));
    for (const uri of copies) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const expected = validateConfig(configKindOf(uri.path)!, text).length;
      await waitForDiagnostics(uri, (d) => d.length === expected, `${expected} diagnostics on ${uri.path}`);
    }
    const plan = copies[0]!;
    const count = acgDiagnostics(plan).length;
    await openEditor(plan);
    const closed = nextEvent(vscode.workspace.onDidCloseTextDocument, (d) => d.uri.toString() === plan.toString(), 'the plan to close');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(plan, (d) => d.length === count, 'the saved state back in Problems after close');
    // Deleting the folder (as the explorer does, through a WorkspaceEdit) takes its files' problems with it.
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(folder, { recursive: true });
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const uri of copies) await waitForDiagnostics(uri, (d) => d.length === 0, `no diagnostics for the deleted ${uri.path}`);
  });
});
