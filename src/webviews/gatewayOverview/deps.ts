// Everything the Gateway Overview's host side needs from the rest of the extension, in one small interface that the
// composition root fills in (and tests fill with fakes). Type-only imports: nothing here loads code.
import type { AcgServices } from '../../host/services';
import type { CommunicationsGateway } from '../../core/models';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';
import type { RevealTargetKind } from './protocol';

/** A tree node to show for the gateway: its Test lines node, or the Enterprises view's accounts or requests. */
export interface OverviewRevealTarget {
  readonly kind: RevealTargetKind;
  readonly gateway: CommunicationsGateway;
}

export interface GatewayOverviewDeps {
  /**
   * The clients of the current sign-in; rejects with AcgError notSignedIn when signed out. Its `cloud` is the one the
   * page names URLs in (no separate cloud(): the page shows the cloud it actually reads from).
   */
  services(): Promise<AcgServices>;
  readonly log: RpcLog;
  /** The project's error presenter (message, detail, actions). */
  present(error: unknown): PresentedError;
  reveal(target: OverviewRevealTarget): Promise<void>;
  copy(text: string): PromiseLike<void>;
  /** Opens the Onboarding Checks panel of the gateway and starts a run of its checks. */
  runOnboardingChecks(gateway: { readonly id: string; readonly name: string }): Promise<void>;
  /** Fires after every sign-in, sign-out, tenant or cloud change. */
  onDidChangeSignIn(listener: () => void): { dispose(): unknown };
  /** Runs an error's action (e.g. acg.signIn); only actions this panel presented reach it. */
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}
