// The Enterprises and Numbers views and every command they own, registered in one call from extension.ts. Nothing
// here reads from Azure: each view loads when it is shown, and the client SDK is reached only through the session's
// lazy services().
import * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import type { EnterpriseCommandDeps } from '../../commands/enterprises/deps';
import { copyTenantId } from '../../commands/enterprises/copyTenantId';
import { createAccount } from '../../commands/enterprises/createAccount';
import { goToAccount } from '../../commands/enterprises/goToAccount';
import { goToRequest } from '../../commands/enterprises/goToRequest';
import { ENTERPRISE_COMMANDS } from '../../commands/enterprises/ids';
import { OverridablePrompts } from '../../commands/enterprises/prompts';
import { refreshEnterprises } from '../../commands/enterprises/refresh';
import { showNumbers } from '../../commands/enterprises/showNumbers';
import { updateRelationship } from '../../commands/enterprises/updateRelationship';
import { clearNumberFilter } from '../../commands/numbers/clearFilter';
import { copyNumbers } from '../../commands/numbers/copyNumber';
import { deleteNumbers } from '../../commands/numbers/deleteNumbers';
import { filterNumbers } from '../../commands/numbers/filter';
import { NUMBER_COMMANDS } from '../../commands/numbers/ids';
import { refreshNumbers } from '../../commands/numbers/refresh';
import { showGatewayNumbers } from '../../commands/numbers/showGateway';
import { showNumberDetails } from '../../commands/numbers/showDetails';
import { registerCommand } from '../../commands/registerCommand';
import { DetailsDocuments } from '../numbers/detailsDocument';
import { NumbersView } from '../numbers/numbersView';
import type { CommandUi, GatewaySelection } from '../tree';
import { EnterprisesView } from './enterprisesView';

export interface EnterpriseViewsFeature {
  readonly enterprises: EnterprisesView;
  readonly numbers: NumbersView;
  /** The prompts every Enterprises/Numbers command uses; integration tests script answers with `override`. */
  readonly prompts: OverridablePrompts;
}

/** `shared`: the gateway selection and window surface the Gateways view created (registerGatewaysView). */
export function registerEnterpriseViews(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  session: AuthSession,
  shared: { readonly selection: GatewaySelection; readonly ui: CommandUi },
): EnterpriseViewsFeature {
  const { selection } = shared;
  const prompts = new OverridablePrompts(shared.ui);
  const enterprises = new EnterprisesView({ session, selection, log });
  const numbers = new NumbersView({ session, selection, log });
  const documents = new DetailsDocuments();
  context.subscriptions.push(enterprises, numbers, documents);

  const deps: EnterpriseCommandDeps = { session, selection, prompts, enterprises, numbers, documents, log };
  // Context menus call a command with (clicked node, selected nodes); the palette calls it with nothing.
  const commands: [string, (deps: EnterpriseCommandDeps, argument: unknown, selected: unknown) => unknown][] = [
    [ENTERPRISE_COMMANDS.refresh, refreshEnterprises],
    [ENTERPRISE_COMMANDS.updateRelationship, updateRelationship],
    [ENTERPRISE_COMMANDS.createAccount, createAccount],
    [ENTERPRISE_COMMANDS.showNumbers, showNumbers],
    [ENTERPRISE_COMMANDS.copyTenantId, copyTenantId],
    [ENTERPRISE_COMMANDS.goToAccount, goToAccount],
    [ENTERPRISE_COMMANDS.goToRequest, goToRequest],
    [NUMBER_COMMANDS.refresh, refreshNumbers],
    [NUMBER_COMMANDS.filter, filterNumbers],
    [NUMBER_COMMANDS.clearFilter, clearNumberFilter],
    [NUMBER_COMMANDS.showGateway, showGatewayNumbers],
    [NUMBER_COMMANDS.copy, copyNumbers],
    [NUMBER_COMMANDS.showDetails, showNumberDetails],
    [NUMBER_COMMANDS.delete, deleteNumbers],
  ];
  for (const [id, run] of commands) registerCommand(context, log, id, (argument, selected) => run(deps, argument, selected));
  return { enterprises, numbers, prompts };
}
