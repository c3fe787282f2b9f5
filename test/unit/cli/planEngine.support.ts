// The real planner, renderings, saved plan and journal replay (src/core/apply) with a stand-in for the live read and
// the executor, so acg plan and acg apply are tested on what the CLI decides (which plan, stale or not, which journal,
// asked or not, exit codes, summary, resume command) without the network half. The executor keeps a real journal file
// (JSON lines) so resume is exercised through the file.
import { appendFileSync } from 'node:fs';
import type { AccountResource, NumberResource, RequestForInformationResource } from '../../../src/core/models';
import type { JournalEntry, LiveProvisioningState, Versioned } from '../../../src/core/apply/types';
import type { PlanDocument } from '../../../src/core/config/model';
import { GATEWAY_EXECUTOR, PLANNER, type ApplyOptions, type ApplyResult, type LiveReadOptions, type PlanEngine, type PlanOptions } from '../../../src/cli/planEngine';

/** The live state as the lab gateway would answer for samples/fabrikam-pilot.acg-plan.json: Fabrikam-Pilot without its
 * correlation id and its two new numbers, no Contoso-Telecom-Demo, Fabrikam's relationship still CustomerContacted;
 * with `matching`, exactly the desired file (nothing to change). */
export function liveStateFor(desired: PlanDocument, domain: string, matching: boolean): LiveProvisioningState {
  const accounts = new Map<string, Versioned<AccountResource>>();
  const numbers = new Map<string, Versioned<NumberResource>>();
  const requests = new Map<string, Versioned<RequestForInformationResource>>();
  let etag = 0;
  const next = () => `"${(++etag).toString(16).padStart(8, '0')}"`;
  for (const account of desired.accounts ?? []) {
    if (!matching && account.name === 'Contoso-Telecom-Demo') continue;
    const { numbers: planned, defaultCountry: _country, ...resource } = account;
    if (!matching && account.name === 'Fabrikam-Pilot') delete resource.correlationId;
    accounts.set(account.name.toLowerCase(), { resource: resource as AccountResource, etag: next() });
    for (const number of planned ?? []) {
      if (!matching && ['+14255550303', '+14255550304'].includes(number.telephoneNumber)) continue;
      numbers.set(number.telephoneNumber, { resource: { ...number, accountName: account.name } as NumberResource, etag: next() });
    }
  }
  for (const relationship of desired.relationships ?? []) {
    const customerRelationship = matching ? relationship.customerRelationship : { status: 'CustomerContacted' as const, comment: 'Pilot scoping' };
    requests.set(relationship.tenantId.toLowerCase(), { resource: { tenantId: relationship.tenantId, customerRelationship } as RequestForInformationResource, etag: next() });
  }
  return { gateway: domain, readAt: '2025-06-01T10:00:00.000Z', accounts, numbers, completeAccounts: new Set(), requests };
}

export interface FakeEngineOptions {
  /** The live state already matches the desired file: nothing to change. */
  readonly matching?: boolean;
  /** Change ids the executor reports as failed or drifted (with this message). */
  readonly outcomes?: Readonly<Record<string, { outcome: 'failed' | 'drift'; message: string }>>;
  /** Called before each change is sent, with how many were sent before it: a test aborts here (Ctrl-C). */
  readonly beforeSend?: (sent: number) => void;
  /** The executor throws this once this many changes were sent (the network gone, sign-in expired). */
  readonly throwAfter?: { readonly sent: number; readonly error: Error };
}

export interface FakeEngine extends PlanEngine {
  readonly calls: {
    readonly live: { domain: string; prune: boolean }[];
    readonly plans: PlanOptions[];
    /** Change ids each apply sent, in order. */
    readonly sent: string[][];
  };
}

export function fakeEngine(options: FakeEngineOptions = {}): FakeEngine {
  const calls: FakeEngine['calls'] = { live: [], plans: [], sent: [] };
  const real = PLANNER;
  return {
    ...real,
    ...GATEWAY_EXECUTOR,
    calls,
    readLiveProvisioningState(client, desired: PlanDocument, read: LiveReadOptions): Promise<LiveProvisioningState> {
      calls.live.push({ domain: client.gatewayDomain, prune: read.prune });
      read.onProgress?.('read 2 accounts and 6 numbers');
      return Promise.resolve(liveStateFor(desired, client.gatewayDomain, options.matching === true));
    },
    planProvisioning(desired, live, plan: PlanOptions) {
      calls.plans.push(plan);
      return real.planProvisioning(desired, live, plan);
    },
    async applyProvisioningPlan(_client, plan, apply: ApplyOptions): Promise<ApplyResult> {
      const todo = apply.resume ? plan.changes.filter((c) => !apply.resume!.done.has(c.id)) : [...plan.changes];
      const sent: string[] = [];
      calls.sent.push(sent);
      const result = { done: [] as string[], drift: [] as { changeId: string; message: string }[], failed: [] as { changeId: string; message: string }[], notStarted: [] as string[], cancelled: false };
      // As the real executor: a fresh journal starts by naming its plan.
      if (apply.planFile) await apply.journal.append({ type: 'start', at: '2025-06-01T10:00:00.000Z', planSha256: apply.planFile.sha256, planPath: apply.planFile.path, gateway: plan.gateway.domain, changes: plan.changes.length });
      for (const [index, change] of todo.entries()) {
        options.beforeSend?.(sent.length);
        if (options.throwAfter?.sent === sent.length) throw options.throwAfter.error;
        if (apply.signal?.aborted) {
          result.cancelled = true;
          result.notStarted.push(...todo.slice(index).map((c) => c.id));
          break;
        }
        await apply.journal.append({ type: 'sending', at: 'now', request: index, changeIds: [change.id] });
        sent.push(change.id);
        const special = options.outcomes?.[change.id];
        await apply.journal.append({ type: 'answered', at: 'now', request: index, results: [{ changeId: change.id, outcome: special?.outcome ?? 'done', ...(special ? { message: special.message } : {}) }] });
        if (special) (special.outcome === 'failed' ? result.failed : result.drift).push({ changeId: change.id, message: special.message });
        else result.done.push(change.id);
        apply.onProgress?.({ done: index + 1, total: todo.length, message: `${change.action} ${change.id}` });
      }
      await apply.journal.append({ type: 'end', at: 'now', outcome: result.cancelled ? 'cancelled' : 'completed' });
      return result;
    },
    openJournal(path: string) {
      return Promise.resolve({
        append: (entry: JournalEntry) => Promise.resolve(appendFileSync(path, `${JSON.stringify(entry)}\n`)),
        close: () => Promise.resolve(),
      });
    },
  };
}
