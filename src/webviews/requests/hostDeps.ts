// The Requests for Information panel's deps, filled from the host: for the selected gateway, the Enterprises data the
// tree shows (one read shared by both, and a write refreshes both); for another gateway (a Gateways view row, a panel
// restored after the selection changed), its own lists, its domain read from ARM (never from the page's state, so a
// page cannot steer tokens elsewhere). Loaded with the panel module, never at activation.
import { parseGatewayId } from '../../azure/clients/armIds';
import { AcgError, notSignedInError } from '../../azure/errors';
import { EnterpriseData, type EnterpriseScope } from '../../host/enterpriseData';
import { selectionOf } from '../../host/gatewaySelection';
import type { Host } from '../../host/host';
import type { PresentedError } from '../shared/protocol';
import type { RpcLog } from '../shared/rpcHost';
import type { EnterprisePart, RequestsPanelDeps, RequestsScope, RevealTarget } from './deps';

export interface RequestsHostParts {
  readonly host: Pick<Host, 'signIn' | 'services' | 'selection' | 'enterprises' | 'ui' | 'events'>;
  readonly log: RpcLog;
  present(error: unknown): PresentedError;
  /** Re-reads the Enterprises view's requests or accounts (it shows the selected gateway). */
  refreshEnterprises(part: EnterprisePart): void;
  /** Reveals an account or request of the selected gateway in the Enterprises view. */
  revealInEnterprises(target: RevealTarget): Promise<void>;
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}

export function requestsPanelDeps(parts: RequestsHostParts): RequestsPanelDeps {
  const { host } = parts;
  // Gateways other than the selected one, by lower-cased id; dropped on any sign-in change.
  const others = new Map<string, Promise<RequestsScope>>();
  host.events.onDidChangeSignIn(() => others.clear());

  const selectedScope = (gatewayId: string): EnterpriseScope | undefined => {
    const scope = host.enterprises.current();
    return scope && scope.gateway.id.toLowerCase() === gatewayId.toLowerCase() ? scope : undefined;
  };

  const shared = (scope: EnterpriseScope): RequestsScope => ({
    gatewayName: scope.gateway.name,
    requests: () => scope.data.requests(),
    accountNames: async () => (await scope.data.accounts()).map((a) => a.name),
    client: () => scope.client(),
    changed: (part) => {
      // Dropped here too: the view refreshes only the parts it has shown.
      if (part !== 'accounts') scope.data.invalidateRequests();
      if (part !== 'requests') scope.data.invalidateAccounts();
      parts.refreshEnterprises(part);
    },
  });

  const own = async (gatewayId: string, signal: AbortSignal): Promise<RequestsScope> => {
    const ref = parseGatewayId(gatewayId);
    if (!ref) throw new AcgError({ kind: 'badRequest', message: `${gatewayId} is not a communications gateway id.` });
    const gateway = await (await host.services.get()).arm.getGateway(ref, { abortSignal: signal });
    const selection = selectionOf(gateway, host.signIn);
    if (!selection) throw new AcgError({ kind: 'notFound', message: `${ref.name} has no resource id.` });
    const data = new EnterpriseData(() => host.selection.provisioningClient(selection));
    return {
      gatewayName: selection.name,
      requests: () => data.requests(),
      accountNames: async () => (await data.accounts()).map((a) => a.name),
      client: () => host.selection.provisioningClient(selection),
      changed: (part) => {
        if (part !== 'accounts') data.invalidateRequests();
        if (part !== 'requests') data.invalidateAccounts();
      },
    };
  };

  return {
    async scopeOf(gatewayId, signal) {
      if (!host.signIn.signedIn) throw notSignedInError();
      const selected = selectedScope(gatewayId);
      if (selected) return shared(selected);
      const key = gatewayId.toLowerCase();
      let scope = others.get(key);
      if (!scope) {
        scope = own(gatewayId, signal);
        others.set(key, scope);
        // A failed read is not kept: Retry reads again.
        scope.catch(() => others.get(key) === scope && others.delete(key));
      }
      return scope;
    },
    async confirm(message, detail, action) {
      return (await host.ui.showWarningMessage(message, { modal: true, detail }, action)) === action;
    },
    async reveal(gatewayId, target) {
      if (!selectedScope(gatewayId)) {
        throw new AcgError({ kind: 'badRequest', message: 'The Enterprises view shows another gateway: select this one (Communications Gateway: Select Gateway…) to see it there.' });
      }
      await parts.revealInEnterprises(target);
    },
    log: parts.log,
    present: parts.present,
    executeCommand: parts.executeCommand,
    onDidChangeSignIn: (listener) => host.events.onDidChangeSignIn(listener),
    now: () => Date.now(),
  };
}
