// The Onboarding Checks panel's host-side request handlers and its stream of results. Free of `vscode`, so mocha tests
// drive them with the real protocol and RpcHost. The page can only name things the host sent it: a fix request must
// list exactly the writes offered for that check (by their writeKey), a copy names an evidence item the host marked
// copyable, a source link is the check's own. Everything else is refused before anything is asked or written.
import type { CheckFix, CheckResult, EvidenceValue, FixWrite } from '../../core/onboarding/types';
import type { OnboardingProgress, OnboardingTarget } from '../../host/onboarding';
import { ErrorActions } from '../shared/errorActions';
import type { NotificationMethod, NotificationOf } from '../shared/protocol';
import type { RequestHandlers } from '../shared/rpcHost';
import type { OnboardingPanelDeps } from './deps';
import type { CheckRow, FixReport, LastRun, OnboardingChecksProtocol, PanelIdentity } from './protocol';

export type Notify = <N extends NotificationMethod<OnboardingChecksProtocol>>(method: N, data: NotificationOf<OnboardingChecksProtocol, N>) => void;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Offer {
  readonly fix: CheckFix;
  readonly keys: readonly string[];
}

/** A refusal of a request that asks for something the host never offered: logged, and the page is told why. */
export class RefusedRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedRequest';
  }
}

export class OnboardingPanelHandlers {
  /** The presenter the panel's RpcHost uses: it records each error action offered, which runAction then allows. */
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<OnboardingChecksProtocol>;
  /** The fix offered with each check's last row the page was sent. */
  private readonly offers = new Map<string, Offer>();
  /** Results of the run in flight, over the stored run: what a page loaded mid-run shows. */
  private readonly live = new Map<string, CheckResult>();
  /** Rows go out in the order their events came, though making a row waits for the engine (writeKey). */
  private queue: Promise<void> = Promise.resolve();
  private fixing = false;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly deps: OnboardingPanelDeps,
    readonly target: OnboardingTarget,
    private readonly notify: Notify,
  ) {
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    const onboarding = deps.onboarding;
    this.subscription = onboarding.onDidProgress((progress) => this.onProgress(progress));
    this.handlers = {
      identity: async (): Promise<PanelIdentity> => {
        const engine = await onboarding.engine();
        return {
          gatewayId: target.id,
          gatewayName: target.name,
          stages: engine.STAGES.map((s) => ({ id: s.id, title: s.title })),
          checks: engine.ONBOARDING_CHECKS.map((c) => ({ id: c.id, title: c.title, stage: c.stage, manual: c.manual === true })),
        };
      },
      lastRun: async (): Promise<LastRun> => {
        const stored = onboarding.lastRun(target.id);
        const byId = new Map((stored?.results ?? []).map((r) => [r.id, r]));
        for (const [id, result] of this.live) byId.set(id, result);
        const rows = await Promise.all([...byId.values()].map((r) => this.row(r)));
        return { ...(stored ? { finishedAt: stored.finishedAt } : {}), rows, running: onboarding.isRunning(target.id) };
      },
      runAll: async () => ({ ok: await this.succeeds(onboarding.run(target)) }),
      rerun: async ({ checkId }) => {
        await this.knownCheck(checkId);
        return { ok: await this.succeeds(onboarding.run(target, { checkIds: [checkId] })) };
      },
      fix: ({ checkId, writes }) => this.fix(checkId, writes),
      setMark: async ({ checkId, done }) => {
        const check = (await onboarding.engine()).ONBOARDING_CHECKS.find((c) => c.id === checkId);
        if (!check?.manual) throw this.refuse(`"${checkId}" is not a manual check: only manual steps are marked done.`);
        await onboarding.recordMark(target, checkId, done);
        return { ok: await this.succeeds(onboarding.run(target, { checkIds: [checkId] })) };
      },
      copy: async ({ checkId, index }) => {
        const evidence = this.resultOf(checkId)?.evidence[index];
        if (!evidence?.copy) throw this.refuse(`Evidence ${index} of "${checkId}" is not one the page can copy.`);
        await deps.prompts.copy(copyText(evidence.value));
        return { label: evidence.label };
      },
      openSource: async ({ checkId }) => {
        const result = this.resultOf(checkId);
        if (!result || !/^https:\/\//i.test(result.source.url)) throw this.refuse(`"${checkId}" has no source to open.`);
        await deps.prompts.openExternal(result.source.url);
      },
      exportReport: async () => {
        const markdown = await onboarding.report(target);
        const savedTo = await deps.prompts.saveReport(`${target.name}-onboarding.md`, markdown);
        return savedTo === undefined ? {} : { savedTo };
      },
      runAction: ({ id }) => this.actions.run(id),
    };
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /**
   * The fix of `checkId`: refused unless `writes` are exactly the ones offered; then the inputs (if any), a modal
   * confirmation of every resolved write, and the executor with exactly those as `confirmed`, under progress with
   * Cancel. The re-checked result streams to the page like any other.
   */
  private async fix(checkId: string, writes: readonly string[]): Promise<FixReport> {
    const offer = this.offers.get(checkId);
    if (!offer) throw this.refuse(`The extension offered no fix for "${checkId}"; nothing was written.`);
    if (!sameSet(writes, offer.keys)) throw this.refuse(`The request names writes the extension did not offer for "${checkId}"; nothing was written.`);
    if (this.fixing) throw this.refuse('A fix is already being applied in this panel; wait for it to finish.');
    this.fixing = true;
    try {
      const { fix } = offer;
      const inputs = await this.askInputs(fix);
      if (!inputs) return notApplied();
      const engine = await this.deps.onboarding.engine();
      const resolved = engine.resolveFixWrites(fix, inputs);
      const confirmed = await this.deps.prompts.confirmWrites(`${fix.title} (${this.target.name})`, fix.description, resolved);
      if (!confirmed) {
        this.deps.log.info(`Onboarding Checks: ${checkId} fix not confirmed; nothing written.`);
        return notApplied();
      }
      const outcome = await this.deps.prompts.withProgress(`${fix.title}…`, ({ signal, report }) =>
        this.deps.onboarding.fix(this.target, { checkId, confirmed: resolved, inputs, signal, onWrite: (write) => report(write.description) }),
      );
      const describe = (list: readonly FixWrite[]): string[] => list.map((w) => w.description);
      return {
        applied: true,
        written: describe(outcome.written),
        alreadyDone: describe(outcome.alreadyDone),
        notConfirmed: describe(outcome.notConfirmed),
        failed: (outcome.failures ?? []).map((f) => `${f.write.description}: ${f.message}`),
        status: outcome.result.status,
      };
    } finally {
      this.fixing = false;
    }
  }

  /** The values a fix needs, asked one by one; undefined when the person dismisses one. */
  private async askInputs(fix: CheckFix): Promise<Record<string, string> | undefined> {
    const inputs: Record<string, string> = {};
    for (const input of fix.inputs ?? []) {
      if (input.kind === 'choice') {
        const value = await this.deps.prompts.pickChoice(input, fix.title);
        if (value === undefined) return undefined;
        inputs[input.id] = value;
      } else {
        const typed = (await this.deps.prompts.askPrincipal(input, fix.title))?.trim();
        if (!typed) return undefined;
        inputs[input.id] = GUID.test(typed) ? typed : await this.deps.resolvePrincipal(typed, new AbortController().signal);
      }
    }
    return inputs;
  }

  private onProgress(progress: OnboardingProgress): void {
    if (progress.gatewayId.toLowerCase() !== this.target.id.toLowerCase()) return;
    this.queue = this.queue.then(async () => {
      try {
        switch (progress.kind) {
          case 'started':
            if (!progress.checkIds) this.live.clear();
            this.notify('started', { checkIds: progress.checkIds ? [...progress.checkIds] : null });
            return;
          case 'result':
            this.live.set(progress.result.id, progress.result);
            this.notify('result', { row: await this.row(progress.result) });
            return;
          case 'finished': {
            this.live.clear();
            const error = progress.error === undefined ? undefined : this.actions.present(progress.error);
            // A cancel is nothing to show.
            const shown = error && !/^Cancelled\.?$/.test(error.message) ? error : undefined;
            this.notify('finished', { checkIds: null, finishedAt: new Date().toISOString(), ...(shown ? { error: shown } : {}) });
            return;
          }
        }
      } catch (error) {
        this.deps.log.error(`Onboarding Checks: a result could not be sent to the page: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** The page's row for a result, recording the fix it offers. */
  private async row(result: CheckResult): Promise<CheckRow> {
    const mark = result.manual ? this.deps.onboarding.state.marks(this.target.id)[result.id] : undefined;
    const base = { id: result.id, title: result.title, stage: result.stage, why: result.why, source: result.source, manual: result.manual, status: result.status, summary: result.summary, evidence: result.evidence, ...(mark ? { mark } : {}) };
    if (!result.fix) {
      this.offers.delete(result.id);
      return base;
    }
    const engine = await this.deps.onboarding.engine();
    const keys = result.fix.writes.map((w) => engine.writeKey(w));
    this.offers.set(result.id, { fix: result.fix, keys });
    return {
      ...base,
      fix: {
        title: result.fix.title,
        description: result.fix.description,
        inputs: (result.fix.inputs ?? []).map((i) => ({ id: i.id, label: i.label, kind: i.kind })),
        writes: result.fix.writes.map((w, i) => ({ key: keys[i], service: w.service, method: w.method, path: w.path, description: w.description })),
      },
    };
  }

  private resultOf(checkId: string): CheckResult | undefined {
    return this.live.get(checkId) ?? this.deps.onboarding.lastRun(this.target.id)?.results.find((r) => r.id === checkId);
  }

  private async knownCheck(checkId: string): Promise<void> {
    const known = (await this.deps.onboarding.engine()).ONBOARDING_CHECKS.some((c) => c.id === checkId);
    if (!known) throw this.refuse(`"${checkId}" is not an onboarding check.`);
  }

  /** Whether a run succeeded; its failure reaches the page through the `finished` notification, once. */
  private async succeeds(run: Promise<unknown>): Promise<boolean> {
    try {
      await run;
      return true;
    } catch {
      return false;
    }
  }

  private refuse(message: string): RefusedRequest {
    this.deps.log.warn(`Onboarding Checks refused a request from the webview: ${message}`);
    return new RefusedRequest(message);
  }
}

/** What lands on the clipboard: text as it is; a record (a DNS record) one "key: value" per line, as people paste it. */
export function copyText(value: EvidenceValue): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, EvidenceValue>)
      .map(([key, item]) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`)
      .join('\n');
  }
  return Array.isArray(value) ? value.map((item) => copyText(item)).join('\n') : JSON.stringify(value);
}

function notApplied(): FixReport {
  return { applied: false, written: [], alreadyDone: [], notConfirmed: [], failed: [] };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && a.length === left.size && [...left].every((key) => right.has(key));
}
