// Composition root: build the services once and register the faces. No logic lives here. Nothing imported here may
// load an SDK: @azure/identity and the clients are reached only through import() on first use
// (test/unit/activation.test.ts checks the bundle graph).
import * as vscode from 'vscode';
import { maybeAutoSignIn } from './auth/autoSignIn';
import { showDeviceCode } from './auth/deviceCodePrompt';
import { AuthSession } from './auth/session';
import { currentCloudName } from './auth/settings';
import { accountMenu } from './commands/accountMenu';
import { registerCommand } from './commands/registerCommand';
import { selectCloud } from './commands/selectCloud';
import { selectSubscriptions } from './commands/selectSubscriptions';
import { selectTenant } from './commands/selectTenant';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { registerStatusBar, ACCOUNT_MENU_COMMAND } from './views/statusBar';
import { registerGatewaysView, type GatewaysFeature } from './views/gateways/registerGatewaysView';
import { registerEnterpriseViews, type EnterpriseViewsFeature } from './views/enterprises/registerEnterpriseViews';
import { liveCheckerFor, registerConfigFeatures } from './diagnostics/registerConfigFeatures';
import { resolveGateway } from './commands/gateways/targets';
import { TestLineStore } from './views/gateways/testLineStore';
import { ResourceDocuments } from './views/gateways/resourceDocuments';
import { OPEN_GATEWAY_OVERVIEW_COMMAND, OPEN_OVERVIEW_COMMAND } from './webviews/gatewayOverview/ids';
import { registerGatewayOverview } from './webviews/gatewayOverview/register';
import { revealInTrees } from './webviews/gatewayOverview/treeReveal';
import { presentErrorForWebview } from './webviews/shared/presentError';

/** What activate() returns: only what the integration tests need to observe. */
export interface AcgExtensionApi {
  statusBarText(): string;
  session: AuthSession;
  /** Tree providers, for node arguments in integration tests. */
  trees: { gateways: GatewaysFeature['gateways']; gatewaysView: GatewaysFeature['gatewaysView']; gatewayDecorations: GatewaysFeature['decorations'] };
  /** The window surface of tree commands (tests script answers with `ui.override`). */
  ui: GatewaysFeature['ui'];
  gatewaySelection: GatewaysFeature['selection'];
  /** The Enterprises and Numbers views and their prompts (tests walk the trees and script answers). */
  enterpriseViews: EnterpriseViewsFeature;
}

export function activate(context: vscode.ExtensionContext): AcgExtensionApi {
  const log = vscode.window.createOutputChannel('Communications Gateway', { log: true });
  context.subscriptions.push(log);
  log.info(`Activated (${vscode.env.appName} ${vscode.version}, cloud ${currentCloudName()})`);

  const session = new AuthSession(context, log, { showDeviceCode: (prompt) => showDeviceCode(prompt, log) });
  context.subscriptions.push(session);
  const statusBar = registerStatusBar(context, session);

  // Also creates the tree infrastructure the other views share: gatewayViews.selection and gatewayViews.ui.
  const gatewayViews = registerGatewaysView(context, log, session);
  const enterpriseViews = registerEnterpriseViews(context, log, session, gatewayViews);
  registerConfigFeatures(context, log, liveCheckerFor(session, gatewayViews.selection, log));
  registerCommand(context, log, 'acg.showLog', () => log.show());
  registerCommand(context, log, 'acg.openSettings', () =>
    vscode.commands.executeCommand('workbench.action.openSettings', '@ext:acg-tools.acg-tools'),
  );
  registerCommand(context, log, 'acg.selectCloud', (argument) => selectCloud(log, session, argument));
  registerCommand(context, log, 'acg.signIn', (argument) => signIn(session, argument));
  registerCommand(context, log, 'acg.signOut', () => signOut(session));
  registerCommand(context, log, 'acg.selectTenant', (argument) => selectTenant(session, argument));
  registerCommand(context, log, 'acg.selectSubscriptions', (argument) => selectSubscriptions(session, argument));
  registerCommand(context, log, ACCOUNT_MENU_COMMAND, () => accountMenu(session));

  // Gateway Overview (webview panel). Interim wiring, to be re-applied onto the command table: the picker needs a
  // GatewayCommandDeps, whose store and documents it never touches (the command table's ctx has the real ones).
  const overview = registerGatewayOverview(context, {
    services: () => session.services(),
    log,
    present: presentErrorForWebview,
    reveal: revealInTrees({ session, gateways: gatewayViews.gateways, gatewaysView: gatewayViews.gatewaysView, selection: gatewayViews.selection, enterprises: enterpriseViews.enterprises }),
    copy: (text) => vscode.env.clipboard.writeText(text),
    onDidChangeSignIn: session.onDidChange,
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
  });
  const documents = new ResourceDocuments(session);
  context.subscriptions.push(documents);
  const picker = { session, log, ui: gatewayViews.ui, provider: gatewayViews.gateways, selection: gatewayViews.selection, store: new TestLineStore(session), documents };
  const openOverview = async (argument: unknown): Promise<void> => {
    const target = await resolveGateway(argument, picker, 'Open Gateway Overview');
    if (target) await overview.open(target.gateway);
  };
  registerCommand(context, log, OPEN_OVERVIEW_COMMAND, openOverview);
  registerCommand(context, log, OPEN_GATEWAY_OVERVIEW_COMMAND, openOverview);

  maybeAutoSignIn(session, log);
  return {
    statusBarText: () => statusBar.text(),
    session,
    trees: { gateways: gatewayViews.gateways, gatewaysView: gatewayViews.gatewaysView, gatewayDecorations: gatewayViews.decorations },
    ui: gatewayViews.ui,
    gatewaySelection: gatewayViews.selection,
    enterpriseViews,
  };
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions.
}
