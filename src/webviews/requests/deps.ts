// Everything the Requests for Information panel's host side needs from the rest of the extension, in one small
// interface that the panel module fills from the host (./hostScope.ts) and tests fill with fakes. Type-only imports.
import type { ProvisioningClient } from '../../azure/clients';
import type { RequestForInformationResource } from '../../core/models';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';

/** The writes and the fresh read the panel makes. */
export type RequestsClient = Pick<ProvisioningClient, 'getRequestForInformation' | 'updateCustomerRelationship' | 'createOrReplaceAccount'>;

export type EnterprisePart = 'requests' | 'accounts' | 'both';

/** One gateway's requests and accounts: for the selected gateway, the very lists the Enterprises view shows. */
export interface RequestsScope {
  readonly gatewayName: string;
  requests(): Promise<readonly RequestForInformationResource[]>;
  accountNames(): Promise<readonly string[]>;
  client(): Promise<RequestsClient>;
  /** Drops the lists read so far and refreshes the Enterprises view (after a write, or on Reload). */
  changed(part: EnterprisePart): void;
}

export interface RevealTarget {
  readonly kind: 'account' | 'request';
  /** The account name, or the request's tenant id. */
  readonly name: string;
}

export interface RequestsPanelDeps {
  /** The scope of the gateway with this ARM id, under the current sign-in (rejects notSignedIn when signed out). */
  scopeOf(gatewayId: string, signal: AbortSignal): Promise<RequestsScope>;
  /** A modal confirmation; true when the person chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Shows an account or a request of the gateway in the Enterprises view. */
  reveal(gatewayId: string, target: RevealTarget): Promise<void>;
  readonly log: RpcLog;
  /** The project's error presenter (message, detail, actions). */
  present(error: unknown): PresentedError;
  /** Runs an error's action (e.g. acg.signIn); only actions this panel presented reach it. */
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
  /** Fires after every sign-in, sign-out, tenant or cloud change. */
  onDidChangeSignIn(listener: () => void): { dispose(): unknown };
  /** The clock (tests pass a fixed one). */
  now(): number;
}
