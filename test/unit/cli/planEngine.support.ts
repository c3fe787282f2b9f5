// A stand-in for the planner and the executor, so acg plan and acg apply are tested on what the CLI decides (which
// plan, stale or not, which journal, asked or not, exit codes, summary, resume command) without them. It keeps a real
// journal file (JSON lines) so resume is exercised through the file.
import { appendFileSync } from 'node:fs';
import type { JournalEntry, JournalState, LiveProvisioningState, PlanChange, SavedProvisioningPlan } from '../../../src/core/apply/types';
import type { PlanDocument } from '../../../src/core/config/model';
import type { ApplyOptions, ApplyResult, LiveReadOptions, PlanEngine, PlanOptions } from '../../../src/cli/planEngine';

export const PLANNED_CHANGES: readonly PlanChange[] = [
  { kind: 'account', id: 'account:Contoso-Telecom-Demo', action: 'create', account: 'Contoso-Telecom-Demo', fields: [{ path: 'correlationId', after: 'OPS-DEMO-2025' }] },
  { kind: 'account', id: 'account:Fabrikam-Pilot', action: 'update', account: 'Fabrikam-Pilot', etag: '"00000006"', fields: [{ path: 'correlationId', after: 'SF-PILOT-0042' }] },
  { kind: 'number', id: 'number:+14255550303', action: 'create', account: 'Fabrikam-Pilot', telephoneNumber: '+14255550303', fields: [] },
  { kind: 'number', id: 'number:+14255550304', action: 'create', account: 'Fabrikam-Pilot', telephoneNumber: '+14255550304', fields: [] },
  { kind: 'relationship', id: 'relationship:9a2d802f-60c3-467f-b3ef-4ac53ec2fb0d', action: 'update', tenantId: '9a2d802f-60c3-467f-b3ef-4ac53ec2fb0d', status: 'AgreementSigned', fields: [] },
];

export interface FakeEngineOptions {
  /** What the planner finds to change; default PLANNED_CHANGES. */
  readonly changes?: readonly PlanChange[];
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
  const changes = options.changes ?? PLANNED_CHANGES;
  return {
    calls,
    readLiveProvisioningState(client, _desired: PlanDocument, read: LiveReadOptions): Promise<LiveProvisioningState> {
      const domain = client.gatewayDomain;
      calls.live.push({ domain, prune: read.prune });
      read.onProgress?.('read 2 accounts and 6 numbers');
      return Promise.resolve({ gateway: domain, readAt: '2025-06-01T10:00:00.000Z', accounts: new Map(), numbers: new Map(), completeAccounts: new Set(), requests: new Map() });
    },
    planProvisioning(_desired, live, plan: PlanOptions): SavedProvisioningPlan {
      calls.plans.push(plan);
      const count = (action: PlanChange['action']) => changes.filter((c) => c.action === action).length;
      return {
        format: 'acg-provisioning-plan/1',
        kind: 'provisioning',
        desired: { path: plan.desiredPath, sha256: plan.desiredSha256 },
        gateway: { ...(plan.gatewayId ? { id: plan.gatewayId } : {}), domain: live.gateway },
        createdAt: plan.now.toISOString(),
        liveReadAt: live.readAt,
        prune: false,
        changes,
        counts: { create: count('create'), update: count('update'), delete: count('delete'), noop: 2 },
        estimate: { requests: changes.length, requestsPerMinute: 100, seconds: 0 },
      };
    },
    renderPlanText: (plan) => [`Plan for ${plan.gateway.domain}: ${plan.changes.length} changes`, ...plan.changes.map((c) => `  ${c.action} ${c.id}`)].join('\n'),
    renderPlanMarkdown: (plan) => `### Plan for \`${plan.gateway.domain}\`\n\n| create | update | delete |\n|---|---|---|\n| ${plan.counts.create} | ${plan.counts.update} | ${plan.counts.delete} |`,
    planToJson: (plan) => `${JSON.stringify(plan, null, 2)}\n`,
    parseSavedPlan(text, source) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new Error(`${source} is not a saved plan: it is not JSON.`);
      }
      if ((value as { format?: unknown }).format !== 'acg-provisioning-plan/1') throw new Error(`${source} is not a saved plan (acg plan --out writes one).`);
      return value as SavedProvisioningPlan;
    },
    readJournal(text: string): JournalState {
      const done = new Set<string>();
      const failed = new Map<string, string>();
      const drift = new Map<string, string>();
      let ignoredLines = 0;
      let ended: JournalState['ended'];
      let planSha256: string | undefined;
      for (const line of text.split('\n').filter((l) => l !== '')) {
        let entry: JournalEntry;
        try {
          entry = JSON.parse(line) as JournalEntry;
        } catch {
          ignoredLines++;
          continue;
        }
        if (entry.type === 'start') planSha256 = entry.planSha256;
        if (entry.type === 'end') ended = entry.outcome;
        if (entry.type === 'answered') {
          for (const r of entry.results) {
            if (r.outcome === 'done') done.add(r.changeId);
            else (r.outcome === 'failed' ? failed : drift).set(r.changeId, r.message ?? '');
          }
        }
      }
      return { ...(planSha256 ? { planSha256 } : {}), done, inFlight: [], failed, drift, ...(ended ? { ended } : {}), ignoredLines };
    },
    remainingChanges: (plan, state) => plan.changes.filter((c) => !state.done.has(c.id) && !state.failed.has(c.id) && !state.drift.has(c.id)),
    async applyProvisioningPlan(_client, plan, apply: ApplyOptions): Promise<ApplyResult> {
      const todo = apply.resume ? plan.changes.filter((c) => !apply.resume!.done.has(c.id)) : [...plan.changes];
      const sent: string[] = [];
      calls.sent.push(sent);
      const result = { done: [] as string[], drift: [] as { changeId: string; message: string }[], failed: [] as { changeId: string; message: string }[], notStarted: [] as string[], cancelled: false };
      await apply.journal.append({ type: 'start', at: 'executor', planSha256: 'executor', planPath: 'executor', gateway: plan.gateway.domain, changes: plan.changes.length });
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
