// "Convert Number CSV to Provisioning Plan": the engine turns the CSV into a plan; this asks where it goes and which
// account takes rows that name none (the 2023 portal format has no accountName column).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { AcgError } from '../../azure/errors';
import type { CsvToPlanResult } from '../../core/config';
import { loadConfigEngine } from '../../core/config/load';
import type { CommandContext } from '../context';
import { pickConfigTarget, siblingUri } from './configTarget';
import { askDestination, isGenerateOptions, openGenerated, type GenerateOptions } from './openResult';

/** The rule the engine reports when rows name no account. */
const NO_ACCOUNT_RULE = 'ACG-CSV-002';

export interface ConvertOptions extends GenerateOptions {
  /** The account for rows without an accountName; asked for when needed and not given. */
  accountName?: string;
}

export async function convertCsvToPlan(ctx: CommandContext): Promise<vscode.TextEditor | undefined> {
  const { ui, log } = ctx.host;
  const options: ConvertOptions = ctx.args.find(isGenerateOptions) ?? {};
  const target = await pickConfigTarget(ui, ctx.args, 'numbersCsv', 'a number CSV');
  if (!target) return undefined;
  const name = path.posix.basename(target.uri.path);
  const { csvToPlan, planToText } = await loadConfigEngine();

  let result: CsvToPlanResult = csvToPlan(target.text, options.accountName ? { accountName: options.accountName } : {});
  if (!options.accountName && result.diagnostics.some((d) => d.ruleId === NO_ACCOUNT_RULE)) {
    const { validateNewAccountName } = await import('../../core/enterprises/accountFromRequest');
    const accountName = await ui.showInputBox({
      title: 'Convert Number CSV to Provisioning Plan',
      prompt: `Some rows of ${name} name no account (2023 format). Which account should hold them?`,
      placeHolder: 'account name, e.g. contoso',
      validateInput: (value) => validateNewAccountName(value),
    });
    if (accountName === undefined) return undefined;
    result = csvToPlan(target.text, { accountName });
  }

  const accountList = result.plan.accounts ?? [];
  const numbers = accountList.reduce((sum, a) => sum + (a.numbers?.length ?? 0), 0);
  if (numbers === 0) {
    throw new AcgError({ kind: 'badRequest', message: `${name} holds no number that can be converted (${result.skippedRows} rows left out): see the Problems view for why.` });
  }
  const planUri = siblingUri(target.uri, 'numbersCsv', '.acg-plan.json');
  const destination = options.destination ?? (await askDestination(ui, planUri, 'Convert Number CSV to Provisioning Plan'));
  if (!destination) return undefined;
  const editor = await openGenerated(ui, planUri, planToText(result.plan), destination);
  if (!editor) return undefined;

  const accounts = accountList.length;
  const summary = `${numbers} number${numbers === 1 ? '' : 's'} in ${accounts} account${accounts === 1 ? '' : 's'}`;
  log.info(`${ctx.id}: ${target.uri.toString(true)} → ${editor.document.uri.toString(true)}: ${summary}, ${result.skippedRows} rows left out`);
  if (result.skippedRows > 0) {
    void ui.showWarningMessage(
      `Converted ${summary}. ${result.skippedRows} row${result.skippedRows === 1 ? ' was' : 's were'} left out: fix ${name} (see Problems) and convert again.`,
      {},
    );
  }
  return editor;
}
