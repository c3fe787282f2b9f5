// Find Number… inside a real VS Code (code-server), against the emulator: a number typed in a mixed format is looked
// for on every demo gateway, and the Numbers view switches to the gateway and account that hold it, filtered to the
// number, with its row selected. The prompts are answered through api.host.ui, so the command runs unchanged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindNumberResult } from '../../src/commands/numbers/findNumber';
import type { AcgExtensionApi } from '../../src/extension';
import { BULK_ACCOUNT_NAME, GATEWAY_LAB, GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { activateInEmulator, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const DEFAULT_COUNTRY = 'acg.numbers.defaultCountry';
/** One of Northwind-Bulk's 100,000 generated numbers on contoso-prod-gw. */
const BULK_NUMBER = '+442030001234';

type Validation = string | vscode.InputBoxValidationMessage | undefined | null;

function validation(options: vscode.InputBoxOptions, value: string): vscode.InputBoxValidationMessage {
  const answer = options.validateInput?.(value) as Validation;
  assert.ok(answer && typeof answer === 'object', `a message for ${value}`);
  return answer;
}

describe('Find Number… against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;

  before(async () => {
    api = await activateInEmulator();
    await signInAs({ method: 'sandbox' });
    // Another gateway is selected: finding the number must switch to the one that holds it.
    await api.host.selection.select(selectionOf(api, GATEWAY_LAB));
  });

  afterEach(async () => {
    endScript();
    await vscode.workspace.getConfiguration().update(DEFAULT_COUNTRY, undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await leaveEmulator(api);
  });

  it('finds a number typed in a mixed format and reveals it in the Numbers view', async () => {
    const recorded = script(api, {
      inputs: [
        (options) => {
          assert.deepEqual(validation(options, '0044 (0)20 3000-1234'), { message: `Searches for ${BULK_NUMBER}.`, severity: vscode.InputBoxValidationSeverity.Info });
          assert.equal(validation(options, '020 3000 1234').severity, vscode.InputBoxValidationSeverity.Error, 'a national number needs a country');
          return '0044 (0)20 3000-1234';
        },
      ],
    });
    const result = await run<FindNumberResult>('acg.numbers.find');
    assert.ok(result, 'the command answered');
    assert.equal(result.summary.matches.length, 1);
    assert.equal(result.summary.searched, 3);

    assert.equal(api.host.selection.current?.name, GATEWAY_PRODUCTION.name, 'the gateway that holds the number is selected');
    assert.deepEqual(api.numbers.scope, { kind: 'account', accountName: BULK_ACCOUNT_NAME });
    assert.deepEqual(api.numbers.filter, { prefix: BULK_NUMBER });
    assert.equal(api.numbers.view.description, `${BULK_ACCOUNT_NAME} · filter: ${BULK_NUMBER}…`);
    assert.ok(result.revealed, 'a row was revealed');
    await until('the number to be selected in the Numbers view', () => api.numbers.view.selection[0]?.id === result.revealed?.id);
    assert.equal(result.revealed.number.telephoneNumber, BULK_NUMBER);

    assert.equal(recorded.progress[0]?.title, `Finding ${BULK_NUMBER}`);
    assert.ok(recorded.progress[0]?.reports.includes('3 of 3 gateways searched'), recorded.progress[0]?.reports.join(', '));
    assert.match(recorded.info[0] ?? '', /^\+442030001234 is on contoso-prod-gw, account Northwind-Bulk · Operator Connect \((un)?assigned\) · synced\.$/);
  });

  it('reads a national number in acg.numbers.defaultCountry, and Show Details opens the number', async () => {
    await vscode.workspace.getConfiguration().update(DEFAULT_COUNTRY, 'GB', vscode.ConfigurationTarget.Global);
    script(api, {
      inputs: [
        (options) => {
          assert.equal(validation(options, '(020) 3000 1234').message, `Searches for ${BULK_NUMBER} (a national number in GB).`);
          return '(020) 3000 1234';
        },
      ],
    });
    // Press "Show Details" on the answer.
    const pressed = api.host.ui.script({ showInformationMessage: (_message, ...items) => Promise.resolve(items.find((i) => i === 'Show Details')) });
    try {
      const result = await run<FindNumberResult>('acg.numbers.find');
      assert.ok(result?.revealed);
      await until('the details editor', () => vscode.window.activeTextEditor?.document.uri.scheme === 'acg-details');
      const body = JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}') as { telephoneNumber?: string; accountName?: string };
      assert.deepEqual([body.telephoneNumber, body.accountName], [BULK_NUMBER, BULK_ACCOUNT_NAME]);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      pressed.dispose();
    }
  });

  it('says where it looked when the number is nowhere', async () => {
    const recorded = script(api);
    const result = await run<FindNumberResult>('acg.numbers.find', '+1 425 555 9999');
    assert.equal(result?.summary.matches.length, 0);
    assert.deepEqual(recorded.info, ['+14255559999 was not found on 3 gateways in 2 subscriptions.']);
  });
});
