// What the Gateways view's commands share: the session, the view's provider and caches, and the injectable window.
import type * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import type { GatewaySelection } from '../../views/gatewaySelection';
import type { ResourceDocuments } from '../../views/gateways/resourceDocuments';
import type { TestLineStore } from '../../views/gateways/testLineStore';
import type { AcgTreeDataProvider, CommandUi } from '../../views/tree';

export interface GatewayCommandDeps {
  readonly session: AuthSession;
  readonly ui: CommandUi;
  readonly provider: AcgTreeDataProvider;
  readonly store: TestLineStore;
  readonly documents: ResourceDocuments;
  readonly selection: GatewaySelection;
  readonly log: vscode.LogOutputChannel;
}
