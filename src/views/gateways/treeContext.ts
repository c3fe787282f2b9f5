// What every Gateways-view node needs, handed down from the view's registration instead of reached through globals.
import type * as vscode from 'vscode';
import type { AuthSession } from '../../auth/session';
import type { GatewaySelection } from '../gatewaySelection';
import type { TreeNode } from '../tree';
import type { GatewayDecorations } from './decorations';
import type { TestLineStore } from './testLineStore';

export const GATEWAYS_VIEW_ID = 'acg.gateways';

export interface GatewaysTreeContext {
  readonly session: AuthSession;
  readonly store: TestLineStore;
  readonly decorations: GatewayDecorations;
  readonly selection: GatewaySelection;
  readonly log: vscode.LogOutputChannel;
  /** The view's refresh (one node and below, or everything). */
  refresh(node?: TreeNode): void;
}
