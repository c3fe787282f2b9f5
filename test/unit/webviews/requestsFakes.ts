// The Requests for Information panel's deps for tests: a fake scope and client over three requests, with every call,
// write, confirmation, reveal and command recorded (its unit and fuzz tests).
import { AcgError } from '../../../src/azure/errors';
import type { AccountResource, RequestForInformationResource } from '../../../src/core/models';
import type { RequestsClient, RequestsPanelDeps, RequestsScope, RevealTarget } from '../../../src/webviews/requests/deps';
import { presentErrorForWebview } from '../../../src/webviews/shared/presentError';
import { RecordingLog } from './rpcHarness';

export const GATEWAY_ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.VoiceServices/communicationsGateways/gw1';
export const A = '11111111-1111-1111-1111-111111111111';
export const B = '22222222-2222-2222-2222-222222222222';
export const C = '33333333-3333-3333-3333-333333333333';

export function rfi(tenantId: string, company: string, status?: 'ConsentAcknowledged' | 'AgreementSigned', comment?: string): RequestForInformationResource {
  return {
    tenantId,
    status: 'active',
    consentedCountries: ['US'],
    contacts: [{ fullName: `${company} admin`, email: 'admin@example.com', companyName: company }],
    ...(status ? { customerRelationship: { status, ...(comment ? { comment } : {}) } } : {}),
  };
}

export class RequestsWorld {
  readonly requests = [rfi(A, 'Alpha', 'ConsentAcknowledged'), rfi(B, 'Beta', 'AgreementSigned', 'PO 1'), rfi(C, 'Gamma')];
  readonly accounts = ['Existing'];
  readonly calls: string[] = [];
  readonly writes: { tenantId: string; status: string; comment?: string; ifMatch?: string }[] = [];
  readonly created: { account: AccountResource; onlyIfNew?: boolean }[] = [];
  readonly confirmations: { message: string; detail: string }[] = [];
  readonly changed: string[] = [];
  readonly reveals: RevealTarget[] = [];
  readonly commands: string[] = [];
  /** Tenants whose write answers 412 (someone changed them). */
  readonly stale = new Set<string>();
  answer = true;
  /** Times a handler asked for the gateway's scope (its lists and client). */
  scopes = 0;
  onWrite: () => void = () => undefined;
  readonly log = new RecordingLog();

  readonly client: RequestsClient = {
    getRequestForInformation: async (tenantId) => {
      this.calls.push(`get ${tenantId}`);
      const resource = this.requests.find((r) => r.tenantId === tenantId);
      if (!resource) throw new AcgError({ kind: 'notFound', message: 'no such request' });
      return { resource, etag: `"etag-${tenantId.slice(0, 1)}"` };
    },
    updateCustomerRelationship: async (tenantId, update, options = {}) => {
      this.calls.push(`patch ${tenantId}`);
      this.writes.push({ tenantId, status: update.status, ...(update.comment === undefined ? {} : { comment: update.comment }), ...(options.ifMatch ? { ifMatch: options.ifMatch } : {}) });
      this.onWrite();
      if (this.stale.has(tenantId)) throw new AcgError({ kind: 'preconditionFailed', message: 'The resource has changed.' });
      const before = this.requests.find((r) => r.tenantId === tenantId);
      return { resource: { ...before, tenantId, customerRelationship: { status: update.status, ...(update.comment ? { comment: update.comment } : {}) } }, etag: '"next"' };
    },
    createOrReplaceAccount: async (account, options = {}) => {
      this.calls.push(`put ${account.name}`);
      this.created.push({ account, ...(options.onlyIfNew === undefined ? {} : { onlyIfNew: options.onlyIfNew }) });
      return { resource: { ...account, serviceProvisioningStatus: 'pending' } };
    },
  };

  readonly scope: RequestsScope = {
    gatewayName: 'gw1',
    requests: async () => this.requests,
    accountNames: async () => this.accounts,
    client: async () => this.client,
    changed: (part) => void this.changed.push(part),
  };

  readonly deps: RequestsPanelDeps = {
    scopeOf: async () => {
      this.scopes++;
      return this.scope;
    },
    confirm: async (message, detail) => {
      this.confirmations.push({ message, detail });
      return this.answer;
    },
    reveal: async (_gatewayId, target) => void this.reveals.push(target),
    log: this.log,
    present: presentErrorForWebview,
    executeCommand: async (id) => void this.commands.push(id),
    onDidChangeSignIn: () => ({ dispose: () => undefined }),
    now: () => Date.UTC(2025, 0, 15, 9, 30, 0),
  };
}
