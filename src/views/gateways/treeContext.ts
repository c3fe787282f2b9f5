// What every Gateways-view node needs, handed down from the view's registration instead of reached through globals.
import type { Host } from '../../host/host';
import type { TreeNode } from '../tree';
import type { GatewayDecorations } from './decorations';
import type { TestLineStore } from '../../host/testLines';

export interface GatewaysTreeContext {
  readonly host: Pick<Host, 'signIn' | 'services' | 'subscriptions' | 'selection' | 'log' | 'onboarding'>;
  readonly store: TestLineStore;
  readonly decorations: GatewayDecorations;
  /** The view's refresh (one node and below, or everything). */
  refresh(node?: TreeNode): void;
}
