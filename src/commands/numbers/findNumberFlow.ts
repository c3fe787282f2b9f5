// "Find Number…", the whole flow (findNumber.ts loads it on first use: the `find` lazy bundle in esbuild.mjs, so
// activation does not parse it). Asks for a number in any common format (shown as E.164 while typing), asks every
// gateway of the selected subscriptions for it (src/azure/numbers/findNumber.ts), then reveals it in the Numbers view:
// its gateway selected, its account shown, filtered to the number, the row selected. Several matches (test setups
// across tenants) give a pick; none says where it looked and what could not be searched.
import * as vscode from 'vscode';
import { AcgError, notSignedInError } from '../../azure/errors';
import { findNumber as search, numberState, searchProgress, type FoundNumber, type SearchTarget } from '../../azure/numbers/findNumber';
import type { NumberMatch } from '../../core/numbers/numberSearch';
import { selectionOf } from '../../host/gatewaySelection';
import { COMMANDS, VIEWS } from '../../host/ids';
import { runWithProgress } from '../../host/progress';
import { numbersDefaultCountry } from '../../host/settings';
import type { NumberNode } from '../../views/numbers/numberNodes';
import type { CommandContext } from '../context';

export interface FindNumberResult extends FoundNumber {
  /** The row revealed in the Numbers view, when there was one to reveal. */
  readonly revealed?: NumberNode;
}

const SHOW_DETAILS = 'Show Details';
const SHOW_IN_PANEL = 'Show in Numbers Panel';

/** `given`: the number passed by automation; undefined asks for one. */
export async function runFindNumber(ctx: CommandContext, given: string | undefined): Promise<FindNumberResult | undefined> {
  const { host } = ctx;
  if (!host.signIn.signedIn) throw notSignedInError();
  const lookup = await import('../../core/numbers/numberLookup');
  const country = lookup.normalizeCountry(numbersDefaultCountry());
  const text =
    given ??
    (await host.ui.showInputBox({
      title: 'Find Number',
      prompt: `A telephone number in any format; every gateway in the selected subscriptions is searched.${country ? ` Numbers without a country code are read as ${country} (acg.numbers.defaultCountry).` : ''}`,
      placeHolder: '+44 20 7946 0301, 0044 20 7946 0301, GB (020) 7946 0301',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const hint = lookup.lookupHint(value, country);
        if (!hint) return undefined;
        return { message: hint.message, severity: hint.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Info };
      },
    }));
  if (text === undefined) return undefined;
  const parsed = lookup.parseNumberLookup(text, country);
  if (!parsed.ok) throw new AcgError({ kind: 'badRequest', message: parsed.message });
  const e164 = parsed.e164;

  const services = await host.services.get();
  const started = Date.now();
  const found = await runWithProgress(host.ui, `Finding ${e164}`, ({ signal, report }) =>
    search(e164, { arm: services.arm, provisioning: (domain) => services.provisioning(domain) }, host.subscriptions.current(), {
      abortSignal: signal,
      onListed: (targets) => report(`${searchProgress(0, targets.length)}…`),
      onSettled: (_outcome, done, total) => report(searchProgress(done, total), 100 / total),
    }),
  );
  const { summary } = found;
  host.log.info(`Find ${e164}: ${summary.headline} (${summary.searched} of ${summary.gateways} gateways answered in ${Date.now() - started} ms)`);
  for (const u of summary.unsearched) host.log.warn(`Find ${e164}: could not search ${u.where}: ${u.reason}`);

  if (summary.matches.length === 0) {
    // Cancelled with nothing found: the person stopped it, so there is nothing to tell them.
    if (summary.cancelled > 0) throw new vscode.CancellationError();
    if (summary.unsearched.length > 0) void host.ui.showWarningMessage(summary.headline, {});
    else void host.ui.showInformationMessage(summary.headline);
    return found;
  }
  const match = summary.matches.length === 1 ? summary.matches[0] : await pickMatch(ctx, summary.matches, summary.headline);
  if (!match) return found;
  const revealed = await reveal(ctx, match, found.targets);
  const message = summary.matches.length === 1 ? summary.headline : `${e164} is on ${match.gateway.name}, ${numberState(match.number)}.`;
  void host.ui.showInformationMessage(message, ...(revealed ? [SHOW_DETAILS] : []), SHOW_IN_PANEL).then((choice) => {
    // Through the command table: this module is a bundle of its own, and Show Details knows the row by its class.
    if (choice === SHOW_DETAILS && revealed) return vscode.commands.executeCommand(COMMANDS.showNumberDetails, revealed);
    // The Numbers panel of the number's account, filtered to it, its row selected.
    if (choice === SHOW_IN_PANEL) return vscode.commands.executeCommand(COMMANDS.manageNumbers, revealInPanel(match));
    return undefined;
  });
  return { ...found, ...(revealed ? { revealed } : {}) };
}

/** Manage Numbers…' argument that opens the number's account in the Numbers panel with the number selected. */
export function revealInPanel(match: NumberMatch): { gatewayId: string; account: string; telephoneNumbers: string[] } {
  return { gatewayId: match.gateway.id, account: match.number.accountName, telephoneNumbers: [match.number.telephoneNumber] };
}

async function pickMatch(ctx: CommandContext, matches: readonly NumberMatch[], headline: string): Promise<NumberMatch | undefined> {
  const picked = await ctx.host.ui.showQuickPick(
    matches.map((match) => ({ label: match.gateway.name, description: match.gateway.subscriptionName ?? match.gateway.subscriptionId, detail: numberState(match.number), match })),
    { title: 'Find Number', placeHolder: `${headline} Which one do you want to see?`, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.match;
}

/** Selects the gateway, shows the account filtered to the number, and selects its row. */
async function reveal(ctx: CommandContext, match: NumberMatch, targets: readonly SearchTarget[]): Promise<NumberNode | undefined> {
  const target = targets.find((t) => t.gateway.id.toLowerCase() === match.gateway.id.toLowerCase());
  const selection = target && selectionOf(target.resource, ctx.host.signIn);
  if (!selection) throw new AcgError({ kind: 'notFound', message: `${match.gateway.name} has no resource id: refresh the Gateways view and try again.` });
  await ctx.host.selection.select(selection);
  const { accountName, telephoneNumber } = match.number;
  const root = await ctx.numbers.show({ kind: 'account', accountName }, { prefix: telephoneNumber });
  await vscode.commands.executeCommand(`${VIEWS.numbers}.focus`);
  if (!root) return undefined;
  await root.getChildren();
  const node = root.findNumber(accountName, telephoneNumber);
  await ctx.numbers.reveal(node ?? root);
  return node;
}
