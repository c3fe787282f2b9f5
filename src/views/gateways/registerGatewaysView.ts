// The Gateways view and everything it owns: the tree, its decorations, the acg-resource: documents, the shared tree
// commands and the gateway commands. Also creates the gateway selection and the injectable window (CommandUi) that
// the Enterprises and Numbers views share. Nothing here reads from Azure: the tree loads when the view is shown.
import * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import { addTestLine } from '../../commands/gateways/addTestLine';
import { copyDomain } from '../../commands/gateways/copyDomain';
import { copyManagedIdentity } from '../../commands/gateways/copyManagedIdentity';
import { copyProvisioningApiUrl } from '../../commands/gateways/copyProvisioningApiUrl';
import { deleteTestLine } from '../../commands/gateways/deleteTestLine';
import type { GatewayCommandDeps } from '../../commands/gateways/deps';
import { openInPortal } from '../../commands/gateways/openInPortal';
import { refreshGateways } from '../../commands/gateways/refresh';
import { selectGateway } from '../../commands/gateways/selectGateway';
import { viewProperties } from '../../commands/gateways/viewProperties';
import { registerCommand } from '../../commands/registerCommand';
import { GatewaySelection } from '../gatewaySelection';
import { createAcgTreeView, OverridableUi, registerTreeCommands, type AcgTreeDataProvider, type TreeNode } from '../tree';
import { parseGatewayId } from '../../azure/clients/armIds';
import { GatewayDecorations } from './decorations';
import { gatewayNodeId } from './gatewayNode';
import { gatewaysRootChildren } from './gatewaysRoot';
import { VIEW_PROPERTIES_COMMAND } from './propertiesNode';
import { RESOURCE_SCHEME, ResourceDocuments } from './resourceDocuments';
import { TestLineStore } from './testLineStore';
import { GATEWAYS_VIEW_ID, type GatewaysTreeContext } from './treeContext';

export interface GatewaysFeature {
  /** The Gateways view's provider (integration tests walk it for node arguments). */
  readonly gateways: AcgTreeDataProvider;
  readonly gatewaysView: vscode.TreeView<TreeNode>;
  /** The warning decorations of the Gateways view (tests read them). */
  readonly decorations: GatewayDecorations;
  /** The gateway the Enterprises and Numbers views work on. */
  readonly selection: GatewaySelection;
  /** The window surface every tree command uses; tests override it. */
  readonly ui: OverridableUi;
}

export function registerGatewaysView(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, session: AuthSession): GatewaysFeature {
  registerTreeCommands(context, log);
  const ui = new OverridableUi();
  const selection = new GatewaySelection(context.globalState);
  const store = new TestLineStore(session);
  const decorations = new GatewayDecorations();
  const documents = new ResourceDocuments(session);
  context.subscriptions.push(
    selection,
    decorations,
    documents,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, documents),
  );

  // `refresh` is only called from nodes, which exist only after the view below does.
  const ctx: GatewaysTreeContext = { session, store, decorations, selection, log, refresh: (node) => gateways.refresh(node) };
  const { provider: gateways, view } = createAcgTreeView(context, { viewId: GATEWAYS_VIEW_ID, log, rootChildren: () => gatewaysRootChildren(ctx) });

  // Sign-in, sign-out, tenant, cloud and subscription filter changes all arrive here: one refresh of the whole view.
  context.subscriptions.push(
    session.onDidChange(() => {
      store.invalidate();
      decorations.clear();
      gateways.refresh();
    }),
  );

  // The selected gateway says so in its tooltip: re-render the rows that were and are selected.
  let previous = selection.current;
  context.subscriptions.push(
    selection.onDidChange((current) => {
      for (const selected of [previous, current]) {
        const ref = selected && parseGatewayId(selected.id);
        const node = ref && gateways.findNode(gatewayNodeId(ref));
        if (node) gateways.rerender(node);
      }
      previous = current;
    }),
  );

  const deps: GatewayCommandDeps = { session, ui, provider: gateways, store, documents, selection, log };
  const commands: [string, (deps: GatewayCommandDeps, argument: unknown) => unknown][] = [
    ['acg.gateways.refresh', refreshGateways],
    ['acg.gateways.copyDomain', copyDomain],
    ['acg.gateways.copyProvisioningApiUrl', copyProvisioningApiUrl],
    ['acg.gateways.copyManagedIdentity', copyManagedIdentity],
    ['acg.gateways.openInPortal', openInPortal],
    [VIEW_PROPERTIES_COMMAND, viewProperties],
    ['acg.gateways.addTestLine', addTestLine],
    ['acg.gateways.deleteTestLine', deleteTestLine],
    ['acg.selectGateway', selectGateway],
  ];
  for (const [id, run] of commands) registerCommand(context, log, id, (argument) => run(deps, argument));

  return { gateways, gatewaysView: view, decorations, selection, ui };
}
