// The Account panel's host-side request handlers: read what the page asks for through the injected deps and shape it
// with the pure view model (src/core/enterprises/accountPanel, civicUsage). Free of `vscode`, so mocha tests drive
// them against the emulator and with fakes. The host keeps the account as it read it, with its ETag: an edit is
// applied to that copy, confirmed in a VS Code modal with the exact change, and PUT with If-Match, so someone else's
// change in between is met with a 412 and a choice (reload, or reload and re-apply), never overwritten.
import { gatewayDomainOf, parseGatewayId } from '../../azure/clients/armIds';
import { collectPages } from '../../azure/clients/paging';
import type { ProvisioningClient } from '../../azure/clients/provisioning';
import type { WithEtag } from '../../azure/clients/provisioningTypes';
import { AcgError, isAcgError } from '../../azure/errors';
import { accountDeletion, accountOverview, applyServicesEdit, currentEdit, describeServiceChanges, type ServicesEdit } from '../../core/enterprises/accountPanel';
import { civicAddressRows, emptyUsage, tallyNumbers } from '../../core/enterprises/civicUsage';
import type { AccountResource } from '../../core/models';
import { accountNameProblem } from '../../core/rules/accountRules';
import { ErrorActions } from '../shared/errorActions';
import type { NotificationMethod, NotificationOf } from '../shared/protocol';
import type { RequestHandlers } from '../shared/rpcHost';
import type { AccountPanelDeps } from './deps';
import { MANAGE_NUMBERS_COMMAND } from './ids';
import type { AccountIdentity, AccountProtocol, AccountRead, DeleteOutcome, NumberUsage, SaveOutcome } from './protocol';

export interface AccountTarget {
  /** The gateway's ARM resource id. */
  readonly gatewayId: string;
  readonly gatewayName: string;
  readonly account: string;
  /**
   * The gateway's Provisioning API domain, when the command knew it (the selected gateway). Never taken from the
   * page's saved state: a restored panel reads it from ARM again.
   */
  readonly domain?: string;
}

export type Notify = <N extends NotificationMethod<AccountProtocol>>(method: N, data: NotificationOf<AccountProtocol, N>) => void;

/** A scan of the account's numbers reads at most this many (10 requests at the largest page size). */
export const USAGE_SCAN_LIMIT = 10_000;
export const USAGE_PAGE_SIZE = 1_000;

export class AccountHandlers {
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<AccountProtocol>;
  /** The account as last read or saved, with the ETag a save sends as If-Match. */
  private held: WithEtag<AccountResource> | undefined;
  private domain: Promise<string> | undefined;
  private scanStop: AbortController | undefined;
  private deleted = false;
  private readonly subscriptions: { dispose(): unknown }[];

  constructor(
    private readonly deps: AccountPanelDeps,
    private readonly target: AccountTarget,
    notify: Notify,
  ) {
    if (!parseGatewayId(target.gatewayId)) throw new Error(`${target.gatewayId} is not a communications gateway id.`);
    const badName = accountNameProblem(target.account);
    if (badName) throw new Error(badName);
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    const name = target.account;
    this.handlers = {
      identity: (): AccountIdentity => ({ gatewayId: target.gatewayId, gatewayName: target.gatewayName, account: name }),
      account: async ({ reload }, { signal }) => readOf((reload || !this.held ? await this.read(signal) : this.held).resource),
      numberTotal: async (_params, { signal }) => ({ total: await (await this.client()).countNumbers(name, { abortSignal: signal }) }),
      civicAddresses: async (_params, { signal }) => civicAddressRows(await collectPages((await this.client()).listCivicAddresses(name, { abortSignal: signal }))),
      numberUsage: (_params, { signal }) => this.scanNumbers(signal, notify),
      stopNumberUsage: () => {
        this.scanStop?.abort();
      },
      saveServices: ({ edit }, { signal }) => this.save(edit, signal),
      deleteAccount: ({ deleteNumbers }, { signal }) => this.delete(deleteNumbers, signal),
      manageNumbers: () => this.manageNumbers(),
      runAction: ({ id }) => this.actions.run(id),
    };
    this.subscriptions = [
      deps.onDidChangeSignIn(() => {
        this.forget();
        notify('refresh', { reason: 'signIn' });
      }),
      deps.onDidChangeNumbers((change) => {
        if (change.gatewayId.toLowerCase() === target.gatewayId.toLowerCase() && change.account === name && !this.deleted) notify('refresh', { reason: 'numbers' });
      }),
    ];
  }

  /** Drops what the host holds (after a sign-in change): the next request reads everything again. */
  forget(): void {
    this.held = undefined;
    this.domain = undefined;
    this.scanStop?.abort();
  }

  dispose(): void {
    this.forget();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async read(signal: AbortSignal): Promise<WithEtag<AccountResource>> {
    if (this.deleted) throw new AcgError({ kind: 'notFound', message: `Account ${this.target.account} was deleted.` });
    const read = await (await this.client()).getAccount(this.target.account, { abortSignal: signal });
    this.held = read;
    return read;
  }

  private async client(): Promise<ProvisioningClient> {
    const services = await this.deps.services();
    return services.provisioning(await this.gatewayDomain());
  }

  private gatewayDomain(): Promise<string> {
    if (this.target.domain) return Promise.resolve(this.target.domain);
    if (!this.domain) {
      const domain = this.readDomain();
      // A failed read is not kept: the next request (Retry) reads again.
      domain.catch(() => {
        if (this.domain === domain) this.domain = undefined;
      });
      this.domain = domain;
    }
    return this.domain;
  }

  private async readDomain(): Promise<string> {
    const ref = parseGatewayId(this.target.gatewayId);
    if (!ref) throw new AcgError({ kind: 'badRequest', message: `${this.target.gatewayId} is not a communications gateway id.` });
    const gateway = await (await this.deps.services()).arm.getGateway(ref);
    const domain = gatewayDomainOf(gateway);
    if (!domain) throw new AcgError({ kind: 'unavailable', message: `${this.target.gatewayName} has no domain yet, so its Provisioning API cannot be reached. Refresh later.` });
    return domain;
  }

  /** Pages through the account's numbers (bounded), tallying civic address use and services; Stop ends it between pages. */
  private async scanNumbers(signal: AbortSignal, notify: Notify): Promise<NumberUsage> {
    this.scanStop?.abort();
    const stop = new AbortController();
    this.scanStop = stop;
    const tally = emptyUsage();
    let total = 0;
    try {
      const pages = (await this.client()).listNumbers(this.target.account, { top: USAGE_SCAN_LIMIT, maxpagesize: USAGE_PAGE_SIZE, countRecords: true, abortSignal: signal });
      for await (const page of pages) {
        total = page.totalCount ?? Math.max(total, tally.scanned + page.items.length);
        tallyNumbers(tally, page.items);
        notify('usageProgress', { scanned: tally.scanned, total });
        if (stop.signal.aborted) break;
      }
    } finally {
      if (this.scanStop === stop) this.scanStop = undefined;
    }
    return {
      scanned: tally.scanned,
      total,
      complete: tally.scanned >= total,
      stopped: stop.signal.aborted && tally.scanned < total,
      limit: USAGE_SCAN_LIMIT,
      withoutAddress: tally.withoutAddress,
      addresses: Object.values(tally.byAddress),
      perService: tally.perService,
    };
  }

  private async save(edit: ServicesEdit, signal: AbortSignal): Promise<SaveOutcome> {
    const name = this.target.account;
    let base = this.held ?? (await this.read(signal));
    for (;;) {
      const applied = applyServicesEdit(base.resource, edit);
      if ('problems' in applied) return { kind: 'invalid', problems: applied.problems };
      const changes = describeServiceChanges(base.resource, applied.account);
      if (changes.length === 0) return { kind: 'unchanged', message: 'The form changes nothing: nothing was sent.' };
      const condition = base.etag ? 'It is saved only if nobody changed the account since it was read (If-Match).' : 'The service gave no ETag, so the save cannot check for changes made since the read.';
      const confirmed = await this.deps.prompts.confirm(`Change the services of account ${name}?`, `${changes.join('\n')}\n\n${condition}`, 'Save');
      if (!confirmed) return { kind: 'cancelled', message: 'Not saved: nothing was sent.' };
      try {
        const saved = await (await this.client()).createOrReplaceAccount(applied.account, { ...(base.etag ? { ifMatch: base.etag } : {}), abortSignal: signal });
        this.held = saved;
        this.deps.accountsChanged();
        return { kind: 'saved', message: `Saved ${name}: ${changes.join('; ')}.`, read: readOf(saved.resource) };
      } catch (error) {
        if (!isAcgError(error, 'preconditionFailed')) throw error;
        const choice = await this.deps.prompts.conflict(
          `Someone else changed account ${name} since it was read. Nothing was saved.`,
          `Your change:\n${changes.join('\n')}\n\nReload and Re-apply reads the account as it is now and applies your change to it, after a new confirmation. Reload only shows it as it is now.`,
        );
        if (choice === undefined) return { kind: 'cancelled', message: `Not saved: someone else changed ${name}. Refresh to see their change.` };
        base = await this.read(signal);
        this.deps.accountsChanged();
        if (choice === 'reload') return { kind: 'reloaded', message: `Not saved: ${name} is shown as it is now. Edit it again to apply your change.`, read: readOf(base.resource) };
      }
    }
  }

  private async delete(deleteNumbers: boolean, signal: AbortSignal): Promise<DeleteOutcome> {
    const name = this.target.account;
    const client = await this.client();
    // Counted now, not from the page: the count in the confirmation is the one the service has.
    const total = await client.countNumbers(name, { abortSignal: signal });
    const plan = accountDeletion(name, total, deleteNumbers);
    if (!plan.allowed) return { kind: 'refused', message: plan.message };
    if (!(await this.deps.prompts.confirm(plan.message, plan.detail, 'Delete'))) return { kind: 'cancelled', message: 'Not deleted: nothing was sent.' };
    const etag = this.held?.etag;
    try {
      await client.deleteAccount(name, { deleteNumbers, ...(etag ? { ifMatch: etag } : {}), abortSignal: signal });
    } catch (error) {
      if (!isAcgError(error, 'preconditionFailed')) throw error;
      return { kind: 'refused', message: `Not deleted: someone else changed account ${name} since it was read. Refresh, check what changed, and delete again.` };
    }
    this.deleted = true;
    this.held = undefined;
    this.deps.accountsChanged();
    return { kind: 'deleted', message: total > 0 ? `Account ${name} and its ${total.toLocaleString('en-US')} numbers were deleted.` : `Account ${name} was deleted.` };
  }

  private async manageNumbers(): Promise<void> {
    try {
      await this.deps.executeCommand(MANAGE_NUMBERS_COMMAND, { gatewayId: this.target.gatewayId, account: this.target.account });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (!/not found/i.test(text) || !text.includes(MANAGE_NUMBERS_COMMAND)) throw error;
      throw new AcgError({
        kind: 'notFound',
        message: `The Numbers panel (Manage Numbers…) is not in this build of the extension. Use Show Numbers on ${this.target.account} in the Enterprises view instead.`,
      });
    }
  }
}

function readOf(account: AccountResource): AccountRead {
  return { overview: accountOverview(account), edit: currentEdit(account) };
}
