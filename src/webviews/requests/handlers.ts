// The Requests for Information panel's host-side request handlers. Free of `vscode`, so mocha drives them with fakes
// and against the emulator. The rules come from the core (relationshipUpdate, accountFromRequest), loaded with
// import() since they bring the rule table; nothing the page sends is trusted: tenant ids must be ones this panel
// read, the ETags sent with If-Match are the ones the host read (never the page's), and every write is confirmed here.
import { AcgError, isAcgError } from '../../azure/errors';
import { describeRelationshipChange, requestRow, requestRows } from '../../core/enterprises/requestGrid';
import { tenantKey } from '../../core/enterprises/links';
import type { RelationshipStatus, RequestForInformationResource } from '../../core/models';
import { ErrorActions } from '../shared/errorActions';
import type { RequestHandlers } from '../shared/rpcHost';
import { accountConfirmation, accountFormSetup, accountInput } from './accountForm';
import type { RequestsPanelDeps, RequestsScope } from './deps';
import type { RequestResult, RequestsIdentity, RequestsLoad, RequestsProtocol, UpdateOutcome } from './protocol';

export interface RequestsTarget {
  /** The gateway's ARM resource id. */
  readonly gatewayId: string;
  readonly gatewayName: string;
}

/** A request as the update form read it: the ETag its write sends with If-Match. */
interface Prepared {
  readonly resource: RequestForInformationResource;
  readonly etag?: string;
  readonly readAt: number;
}

/** The confirmation lists every change up to this many, then a count (a summary plus a sample). */
const CONFIRMATION_SAMPLE = 25;

export class RequestsHandlers {
  /** The presenter the panel's RpcHost uses: it records each error action offered, which runAction then allows. */
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<RequestsProtocol>;
  /** Told how far an update has got (the panel forwards it to the page). */
  onProgress: (done: number, total: number) => void = () => undefined;
  private readonly prepared = new Map<string, Prepared>();
  /** Stops the running update between two writes (the page's Stop): what was sent is still reported. */
  private running: AbortController | undefined;

  constructor(
    private readonly deps: RequestsPanelDeps,
    private readonly target: RequestsTarget,
  ) {
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    this.handlers = {
      identity: (): RequestsIdentity => ({ gatewayId: target.gatewayId, gatewayName: target.gatewayName }),
      load: async ({ reload }, { signal }) => {
        const scope = await this.scope(signal);
        if (reload) scope.changed('requests');
        return { rows: requestRows(await scope.requests()), readAt: new Date(this.deps.now()).toISOString() };
      },
      checkRelationship: async ({ status, comment }) => {
        const { validateReason } = await import('../../core/enterprises/relationshipUpdate');
        const problem = validateReason(status, comment);
        return problem === undefined ? {} : { problem };
      },
      prepareUpdate: async ({ tenantIds }, { signal }) => this.prepare(tenantIds, signal),
      applyUpdate: async ({ tenantIds, status, comment }, { signal }) => this.apply(tenantIds, status, comment, signal),
      stopUpdate: () => {
        this.running?.abort();
      },
      accountForm: async ({ tenantId }, { signal }) => {
        const scope = await this.scope(signal);
        const { suggestAccountName, ACCOUNT_FORM_SERVICES } = await import('../../core/enterprises/accountFromRequest');
        const request = await this.listedRequest(scope, tenantId);
        return accountFormSetup(request, suggestAccountName(request), ACCOUNT_FORM_SERVICES);
      },
      checkAccount: async ({ form }, { signal }) => {
        const scope = await this.scope(signal);
        const { accountFormProblems } = await import('../../core/enterprises/accountFromRequest');
        return accountFormProblems(accountInput(form, await this.listedRequest(scope, form.tenantId)), await scope.accountNames());
      },
      createAccount: async ({ form }, { signal }) => {
        const scope = await this.scope(signal);
        const { accountFromRequest, ACCOUNT_FORM_SERVICES } = await import('../../core/enterprises/accountFromRequest');
        const request = await this.listedRequest(scope, form.tenantId);
        const built = accountFromRequest(accountInput(form, request), await scope.accountNames());
        // Checked again here: the page's live check is a courtesy, this one decides. Nothing is sent when it fails.
        if ('error' in built) throw new AcgError({ kind: 'badRequest', message: `Not sent: ${built.error}` });
        const { message, detail } = accountConfirmation(built.account, request, scope.gatewayName, ACCOUNT_FORM_SERVICES);
        if (!(await this.deps.confirm(message, detail, 'Create Account'))) return { confirmed: false, message: 'Nothing was created.' };
        const client = await scope.client();
        // If-None-Match: *, so an account of that name created meanwhile is never replaced.
        const created = await client.createOrReplaceAccount(built.account, { onlyIfNew: true, abortSignal: signal });
        scope.changed('both');
        const status = created.resource.serviceProvisioningStatus;
        return {
          confirmed: true,
          accountName: created.resource.name,
          message: `Created account ${created.resource.name} for ${requestRow(request).company}${status ? ` (${status})` : ''}.`,
        };
      },
      reveal: async ({ kind, name }) => this.deps.reveal(target.gatewayId, { kind, name }),
      runAction: ({ id }) => this.actions.run(id),
    };
  }

  /** After a sign-in change: what was read belongs to another session. */
  forget(): void {
    this.running?.abort();
    this.prepared.clear();
  }

  dispose(): void {
    this.forget();
  }

  private scope(signal: AbortSignal): Promise<RequestsScope> {
    return this.deps.scopeOf(this.target.gatewayId, signal);
  }

  /** A request of this gateway's list: the page can only name requests the host has shown it. */
  private async listedRequest(scope: RequestsScope, tenantId: string): Promise<RequestForInformationResource> {
    const key = tenantKey(tenantId);
    const prepared = this.prepared.get(key);
    if (prepared) return prepared.resource;
    const request = (await scope.requests()).find((r) => tenantKey(r.tenantId) === key);
    if (!request) throw new AcgError({ kind: 'notFound', message: `${scope.gatewayName} has no request for information from tenant ${tenantId}. Reload the list.` });
    return request;
  }

  private async prepare(tenantIds: readonly string[], signal: AbortSignal): Promise<RequestsLoad> {
    const scope = await this.scope(signal);
    for (const tenantId of tenantIds) await this.listedRequest(scope, tenantId);
    const client = await scope.client();
    const read = await Promise.all(
      unique(tenantIds).map(async (tenantId) => {
        const fresh = await client.getRequestForInformation(tenantId, { abortSignal: signal });
        const entry: Prepared = { resource: fresh.resource, ...(fresh.etag ? { etag: fresh.etag } : {}), readAt: this.deps.now() };
        return entry;
      }),
    );
    for (const entry of read) this.prepared.set(tenantKey(entry.resource.tenantId), entry);
    return { rows: read.map((entry) => requestRow(entry.resource)), readAt: new Date(this.deps.now()).toISOString() };
  }

  private async apply(tenantIds: readonly string[], status: RelationshipStatus, comment: string, signal: AbortSignal): Promise<UpdateOutcome> {
    const { relationshipChange } = await import('../../core/enterprises/relationshipUpdate');
    const decided = relationshipChange(status, comment);
    if ('error' in decided) throw new AcgError({ kind: 'badRequest', message: `Not sent: ${decided.error}` });
    const targets = unique(tenantIds).map((tenantId) => {
      const prepared = this.prepared.get(tenantKey(tenantId));
      if (!prepared) throw new AcgError({ kind: 'badRequest', message: `Not sent: tenant ${tenantId} was not read for this update. Open the update form again.` });
      return prepared;
    });
    const scope = await this.scope(signal);
    const changes = targets.map((t) => describeRelationshipChange(requestRow(t.resource), decided.change));
    const shown = changes.slice(0, CONFIRMATION_SAMPLE);
    const more = changes.length - shown.length;
    const confirmed = await this.deps.confirm(
      `Update the relationship status of ${plural(targets.length, 'request')} on ${scope.gatewayName}?`,
      [...shown, ...(more > 0 ? [`…and ${more} more with the same change.`] : []), '', 'Each is written only if nobody changed it since it was read (If-Match).'].join('\n'),
      'Update',
    );
    if (!confirmed) return { confirmed: false, results: [] };

    const client = await scope.client();
    const running = new AbortController();
    this.running = running;
    const stop = (): void => running.abort();
    signal.addEventListener('abort', stop, { once: true });
    const results: RequestResult[] = [];
    try {
      for (const [index, prepared] of targets.entries()) {
        results.push(await this.writeOne(client, prepared, decided.change, changes[index], running.signal));
        this.onProgress(index + 1, targets.length);
      }
    } finally {
      signal.removeEventListener('abort', stop);
      if (this.running === running) this.running = undefined;
    }
    if (results.some((r) => r.outcome === 'updated')) scope.changed('requests');
    return { confirmed: true, results };
  }

  private async writeOne(
    client: Awaited<ReturnType<RequestsScope['client']>>,
    prepared: Prepared,
    change: { readonly status: RelationshipStatus; readonly comment?: string },
    described: string,
    signal: AbortSignal,
  ): Promise<RequestResult> {
    const { tenantId } = prepared.resource;
    const company = requestRow(prepared.resource).company;
    const key = tenantKey(tenantId);
    if (signal.aborted) return { tenantId, company, outcome: 'notSent', message: 'Stopped before it was sent: unchanged.' };
    try {
      // No abort signal: a write once started is let finish, so its result is known (Stop acts between writes).
      const updated = await client.updateCustomerRelationship(tenantId, change, prepared.etag ? { ifMatch: prepared.etag } : {});
      this.prepared.set(key, { resource: updated.resource, ...(updated.etag ? { etag: updated.etag } : {}), readAt: this.deps.now() });
      return { tenantId, company, outcome: 'updated', message: described, row: requestRow(updated.resource) };
    } catch (error) {
      if (isAcgError(error, 'preconditionFailed')) {
        // Its ETag is stale: the next apply must read it again, so nobody overwrites a change they have not seen.
        this.prepared.delete(key);
        const at = new Date(prepared.readAt).toISOString().slice(11, 19);
        return { tenantId, company, outcome: 'conflict', message: `Changed by someone else since it was read at ${at} UTC: not overwritten. Reload it, check, and apply again.` };
      }
      return { tenantId, company, outcome: 'failed', message: this.actions.present(error).message };
    }
  }
}

function unique(tenantIds: readonly string[]): string[] {
  const seen = new Set<string>();
  return tenantIds.filter((id) => {
    const key = tenantKey(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
