// The command table: every command id (src/host/ids.ts) and its handler, registered in one place. Every handler has
// the same shape, (ctx, node?), and runs inside the same wrapper, so a failure is logged once (with its request ids)
// and shown once, worded by presentError with the actions it offers (Sign In…, Retry, Copy Details, Show Log), and a
// cancel is never an error. To add a command: an id in ids.ts, a contribution in package.json, one file with the
// handler, one line here (the table's type refuses to compile until every id has a handler).
import * as vscode from 'vscode';
import { COMMANDS, type CommandKey } from '../host/ids';
import { presentError } from '../host/presentError';
import { accountMenu } from './account/accountMenu';
import { openAuditLog } from './account/openAuditLog';
import { openSettings } from './account/openSettings';
import { selectCloud } from './account/selectCloud';
import { selectSubscriptions } from './account/selectSubscriptions';
import { selectTenant } from './account/selectTenant';
import { showLog } from './account/showLog';
import { signIn } from './account/signIn';
import { signOut } from './account/signOut';
import { guardWrites, UNTRUSTED_REFUSAL } from './commandTrust';
import type { CommandContext, CommandHandler, CommandServices } from './context';
import { applyProvisioningPlan } from './config/applyProvisioningPlan';
import { planProvisioning } from './config/planProvisioning';
import { resumeProvisioningApply } from './config/resumeProvisioningApply';
import { copyTenantId } from './enterprises/copyTenantId';
import { createAccount } from './enterprises/createAccount';
import { goToAccount } from './enterprises/goToAccount';
import { goToRequest } from './enterprises/goToRequest';
import { manageRequests } from './enterprises/manageRequests';
import { openAccount } from './enterprises/openAccount';
import { refreshEnterprises } from './enterprises/refresh';
import { showNumbers } from './enterprises/showNumbers';
import { updateRelationship } from './enterprises/updateRelationship';
import { addTestLine } from './gateways/addTestLine';
import { copyDomain } from './gateways/copyDomain';
import { copyManagedIdentity } from './gateways/copyManagedIdentity';
import { copyProvisioningApiUrl } from './gateways/copyProvisioningApiUrl';
import { deleteTestLine } from './gateways/deleteTestLine';
import { openInPortal } from './gateways/openInPortal';
import { openOverview } from './gateways/openOverview';
import { refreshGateways } from './gateways/refresh';
import { runOnboardingChecks } from './gateways/runOnboardingChecks';
import { selectGateway } from './gateways/selectGateway';
import { viewProperties } from './gateways/viewProperties';
import { clearNumberFilter } from './numbers/clearFilter';
import { copyNumbers } from './numbers/copyNumber';
import { deleteNumbers } from './numbers/deleteNumbers';
import { filterNumbers } from './numbers/filter';
import { findNumber } from './numbers/findNumber';
import { manageNumbers } from './numbers/manageNumbers';
import { createNumbers } from './numbers/createNumbers';
import { editNumbers } from './numbers/editNumbers';
import { importNumbersCsv } from './numbers/importNumbersCsv';
import { refreshNumbers } from './numbers/refresh';
import { showNumberDetails } from './numbers/showDetails';
import { showGatewayNumbers } from './numbers/showGateway';
import { loadMore } from './tree/loadMore';
import { retry } from './tree/retry';

/** A configuration-file command, from its lazy bundle. */
function configCommand(name: keyof typeof import('./config')): CommandHandler {
  return async (ctx, node) => {
    const handler: CommandHandler = (await import('./config'))[name];
    return handler(ctx, node);
  };
}

export const COMMAND_HANDLERS: { readonly [K in CommandKey]: CommandHandler } = {
  signIn,
  signOut,
  selectTenant,
  selectSubscriptions,
  selectCloud,
  accountMenu,
  showLog,
  openAuditLog,
  openSettings,
  refreshGateways,
  copyDomain,
  copyProvisioningApiUrl,
  copyManagedIdentity,
  openInPortal,
  openOverview,
  viewProperties,
  addTestLine,
  deleteTestLine,
  runOnboardingChecks,
  selectGateway,
  retry,
  loadMore,
  refreshEnterprises,
  updateRelationship,
  createAccount,
  showNumbers,
  copyTenantId,
  goToAccount,
  goToRequest,
  manageRequests,
  openAccount,
  refreshNumbers,
  filterNumbers,
  clearNumberFilter,
  showGatewayNumbers,
  copyNumbers,
  showNumberDetails,
  deleteNumbers,
  findNumber,
  manageNumbers,
  createNumbers,
  editNumbers,
  importNumbersCsv,
  convertCsvToPlan: configCommand('convertCsvToPlan'),
  generatePowerShell: configCommand('generatePowerShell'),
  validateWorkspace: configCommand('validateWorkspace'),
  splitPlan: configCommand('splitPlan'),
  splitCsv: configCommand('splitCsv'),
  planProvisioning,
  applyProvisioningPlan,
  resumeProvisioningApply,
};

const MANAGE_TRUST = 'Manage Workspace Trust';

/** A writing command run in an untrusted workspace (from a keybinding or executeCommand; menus already hide it). */
function refuseUntrusted(ctx: CommandContext): undefined {
  ctx.host.log.info(`${ctx.id}: refused, the workspace is not trusted`);
  void Promise.resolve(ctx.host.ui.showWarningMessage(UNTRUSTED_REFUSAL, {}, MANAGE_TRUST)).then((choice) =>
    choice === MANAGE_TRUST ? vscode.commands.executeCommand('workbench.trust.manage') : undefined,
  );
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, services: CommandServices): void {
  const handlers = guardWrites(COMMAND_HANDLERS, () => vscode.workspace.isTrusted, refuseUntrusted);
  for (const key of Object.keys(COMMANDS) as CommandKey[]) {
    const id = COMMANDS[key];
    const handler = handlers[key];
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand({ ...services, id, args }, handler)));
  }
}

const COPY_DETAILS = 'Copy Details';

/** Runs a handler; never rejects. Returns the handler's result, or undefined when it failed or was cancelled. */
export async function runCommand(ctx: CommandContext, handler: CommandHandler): Promise<unknown> {
  const { log, ui } = ctx.host;
  try {
    return await handler(ctx, ctx.args[0]);
  } catch (error) {
    const presented = presentError(error);
    if (presented.cancelled) {
      log.info(`${ctx.id}: cancelled`);
      return undefined;
    }
    log.error(`${ctx.id} failed: ${presented.logLine}`);
    // A notification shows no detail (VS Code renders `detail` for modal messages only), so the detail, with the
    // request ids support asks for, is one click away instead.
    const buttons = [...presented.actions.map((a) => a.title), ...(presented.detail ? [COPY_DETAILS] : [])];
    void Promise.resolve(ui.showErrorMessage(presented.message, {}, ...buttons)).then(async (choice) => {
      if (choice === COPY_DETAILS && presented.detail) return ui.writeClipboard(`${presented.message}\n${presented.detail}`);
      const action = presented.actions.find((a) => a.title === choice);
      if (action?.id === 'retry') return vscode.commands.executeCommand(ctx.id, ...ctx.args);
      if (action?.command) return vscode.commands.executeCommand(action.command, ...(action.args ?? []));
      return undefined;
    });
    return undefined;
  }
}
