// Onboarding checks as the faces use them: run a gateway's checks (all, or some again), apply a confirmed fix, record a
// manual step, render the report. The checks, the reads and the fix executor (src/core/onboarding, src/azure/onboarding)
// load with the first run through import() (the `onboarding` lazy bundle; see onboardingEngine.ts), never at
// activation. Results stream to the faces as each check finishes (onDidProgress); a finished run lands in the state,
// whose onDidChange the Gateways view's badge and the walkthrough's context keys follow. Free of `vscode`.
import { parseGatewayId } from '../core/ids';
import type { GatewayRef } from '../core/models';
import type { GatewayFileContext, GatewayFileText } from '../core/onboarding/gatewayFile';
import type { CheckFix, CheckResult, CheckStage, FixWrite, ManualMark, OnboardingData, OnboardingReads } from '../core/onboarding/types';
import type { AcgServices } from './services';
import type { Listen, OnboardingState, StoredRun } from './onboardingState';

export interface OnboardingTarget {
  /** The gateway's ARM resource id. */
  readonly id: string;
  readonly name: string;
}

/** What the reads take besides the clients: the workspace's intentions and the marks (contract of src/azure/onboarding). */
export interface OnboardingRunContext {
  readonly intendedPlatforms?: OnboardingData['intendedPlatforms'];
  readonly integrationNumbers?: OnboardingData['integrationNumbers'];
  readonly marks?: OnboardingData['marks'];
  readonly legacyAppIds?: readonly string[];
  readonly now?: () => Date;
}

export interface FixOutcome {
  readonly written: FixWrite[];
  readonly alreadyDone: FixWrite[];
  readonly notConfirmed: FixWrite[];
  /** A write the service refused (the writes after it were not sent). */
  readonly failures?: { readonly write: FixWrite; readonly message: string }[];
  readonly result: CheckResult;
}

export interface CheckCatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly stage: CheckStage;
  readonly manual?: boolean;
}

/** The part of src/core/onboarding and src/azure/onboarding the host uses; onboardingEngine.ts is checked against it. */
export interface OnboardingEngine {
  readonly STAGES: readonly { readonly id: CheckStage; readonly title: string }[];
  readonly ONBOARDING_CHECKS: readonly CheckCatalogEntry[];
  runOnboardingChecks(reads: OnboardingReads, options?: { checkIds?: readonly string[]; signal?: AbortSignal; onResult?: (result: CheckResult) => void }): Promise<CheckResult[]>;
  resolveFixWrites(fix: CheckFix, inputs?: Readonly<Record<string, string>>): FixWrite[];
  writeKey(write: FixWrite): string;
  gatewayFileContext(files: readonly GatewayFileText[], ref: GatewayRef): GatewayFileContext;
  createOnboardingReads(clients: AcgServices, gatewayId: string, context?: OnboardingRunContext): OnboardingReads;
  applyOnboardingFix(
    clients: AcgServices,
    gatewayId: string,
    request: {
      checkId: string;
      confirmed: readonly FixWrite[];
      inputs?: Readonly<Record<string, string>>;
      context?: OnboardingRunContext;
      signal?: AbortSignal;
      onWrite?: (write: FixWrite) => void;
    },
  ): Promise<FixOutcome>;
  renderMarkdown(report: { gateway: { name: string; id: string }; generatedAt: string; checks: CheckResult[] }): string;
}

/** As the checks of a run start, finish one by one, and the run ends. */
export type OnboardingProgress =
  | { readonly kind: 'started'; readonly gatewayId: string; readonly checkIds: readonly string[] | undefined }
  | { readonly kind: 'result'; readonly gatewayId: string; readonly result: CheckResult }
  | { readonly kind: 'finished'; readonly gatewayId: string; readonly error?: unknown };

export interface OnboardingDeps {
  readonly state: OnboardingState;
  /** The clients of the current sign-in (rejects with notSignedIn when signed out). */
  services(): Promise<AcgServices>;
  /** import('./onboardingEngine'), or a fake in tests. */
  loadEngine(): Promise<OnboardingEngine>;
  /** Who marks a manual step done: the signed-in account's name. */
  who(): string | undefined;
  /** The workspace's `*.acg-gateway.json` files: one that describes the gateway names its intended platforms and
   * integration-test numbers. */
  workspaceGatewayFiles?(signal: AbortSignal): Promise<readonly GatewayFileText[]>;
  readonly log: { info(message: string): void; warn(message: string): void };
}

interface InFlight {
  readonly promise: Promise<CheckResult[]>;
  readonly controller: AbortController;
}

export class OnboardingChecks {
  private readonly progressListeners = new Set<(progress: OnboardingProgress) => unknown>();
  /** Full runs in flight, per gateway: a second "Run all" joins the first instead of reading everything twice. */
  private readonly fullRuns = new Map<string, InFlight>();

  constructor(private readonly deps: OnboardingDeps) {}

  get state(): OnboardingState {
    return this.deps.state;
  }

  readonly onDidProgress: Listen<OnboardingProgress> = (listener) => {
    this.progressListeners.add(listener);
    return { dispose: () => void this.progressListeners.delete(listener) };
  };

  get onDidChange(): OnboardingState['onDidChange'] {
    return this.deps.state.onDidChange;
  }

  engine(): Promise<OnboardingEngine> {
    return this.deps.loadEngine();
  }

  lastRun(gatewayId: string): StoredRun | undefined {
    return this.deps.state.lastRun(gatewayId);
  }

  isRunning(gatewayId: string): boolean {
    return this.fullRuns.has(gatewayId.toLowerCase());
  }

  /** Runs every check (or `checkIds` only) of the gateway; each result streams through onDidProgress as it finishes. */
  run(target: OnboardingTarget, options: { checkIds?: readonly string[]; signal?: AbortSignal } = {}): Promise<CheckResult[]> {
    const key = target.id.toLowerCase();
    if (!options.checkIds) {
      const running = this.fullRuns.get(key);
      if (running) return running.promise;
    }
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const promise = this.execute(target, options.checkIds, controller.signal).finally(() => {
      options.signal?.removeEventListener('abort', onAbort);
      if (this.fullRuns.get(key)?.promise === promise) this.fullRuns.delete(key);
    });
    if (!options.checkIds) this.fullRuns.set(key, { promise, controller });
    return promise;
  }

  /**
   * Applies the fix of `checkId` with exactly the `confirmed` writes (the executor re-reads and writes only those still
   * missing), then keeps the re-checked result.
   */
  async fix(
    target: OnboardingTarget,
    request: { checkId: string; confirmed: readonly FixWrite[]; inputs?: Readonly<Record<string, string>>; signal?: AbortSignal; onWrite?: (write: FixWrite) => void },
  ): Promise<FixOutcome> {
    const [engine, services] = await Promise.all([this.deps.loadEngine(), this.deps.services()]);
    const context = await this.context(engine, target, request.signal ?? new AbortController().signal);
    this.deps.log.info(`Onboarding: fixing ${request.checkId} of ${target.name} with ${request.confirmed.length} confirmed write(s).`);
    const outcome = await engine.applyOnboardingFix(services, target.id, { ...request, context });
    this.deps.log.info(
      `Onboarding: ${request.checkId} of ${target.name}: ${outcome.written.length} written, ${outcome.alreadyDone.length} already done, ${outcome.notConfirmed.length} not confirmed, ${outcome.failures?.length ?? 0} refused; now ${outcome.result.status}.`,
    );
    this.emit({ kind: 'result', gatewayId: target.id, result: outcome.result });
    await this.deps.state.record(target, [outcome.result], { partial: true });
    return outcome;
  }

  /** Records a manual step as done (or not), by the signed-in account; evaluate the check again to see it. */
  recordMark(target: OnboardingTarget, checkId: string, done: boolean): Promise<ManualMark | undefined> {
    return this.deps.state.setMark(target.id, checkId, done, this.deps.who());
  }

  /** Records a manual step, then evaluates that check again with the mark. */
  async mark(target: OnboardingTarget, checkId: string, done: boolean): Promise<{ mark: ManualMark | undefined; result: CheckResult | undefined }> {
    const mark = await this.recordMark(target, checkId, done);
    const [result] = await this.run(target, { checkIds: [checkId] });
    return { mark, result };
  }

  /** The last run as Markdown (the CLI's --format markdown). */
  async report(target: OnboardingTarget, now: Date = new Date()): Promise<string> {
    const run = this.deps.state.lastRun(target.id);
    if (!run) throw new Error(`${target.name} has no onboarding check results yet: run the checks first.`);
    const engine = await this.deps.loadEngine();
    return engine.renderMarkdown({ gateway: { name: target.name, id: target.id }, generatedAt: now.toISOString(), checks: [...run.results] });
  }

  private async execute(target: OnboardingTarget, checkIds: readonly string[] | undefined, signal: AbortSignal): Promise<CheckResult[]> {
    this.emit({ kind: 'started', gatewayId: target.id, checkIds });
    try {
      const [engine, services] = await Promise.all([this.deps.loadEngine(), this.deps.services()]);
      const context = await this.context(engine, target, signal);
      const reads = engine.createOnboardingReads(services, target.id, context);
      const started = Date.now();
      const results = await engine.runOnboardingChecks(reads, {
        ...(checkIds ? { checkIds } : {}),
        signal,
        onResult: (result) => this.emit({ kind: 'result', gatewayId: target.id, result }),
      });
      this.deps.log.info(`Onboarding: ${checkIds ? checkIds.join(', ') : 'all checks'} of ${target.name} in ${Date.now() - started} ms: ${summary(results)}.`);
      await this.deps.state.record(target, results, { partial: checkIds !== undefined });
      this.emit({ kind: 'finished', gatewayId: target.id });
      return results;
    } catch (error) {
      this.emit({ kind: 'finished', gatewayId: target.id, error });
      throw error;
    }
  }

  private async context(engine: OnboardingEngine, target: OnboardingTarget, signal: AbortSignal): Promise<OnboardingRunContext> {
    let fromWorkspace: OnboardingRunContext = {};
    const ref = parseGatewayId(target.id);
    if (this.deps.workspaceGatewayFiles && ref) {
      try {
        const found = engine.gatewayFileContext(await this.deps.workspaceGatewayFiles(signal), ref);
        if (found.files.length > 0) this.deps.log.info(`Onboarding: ${target.name} is described by ${found.files.join(', ')}.`);
        fromWorkspace = { intendedPlatforms: found.intendedPlatforms, integrationNumbers: found.integrationNumbers };
      } catch (error) {
        // The workspace file only refines the checks; without it they still run.
        this.deps.log.warn(`Onboarding: the workspace's gateway file was not read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { ...fromWorkspace, marks: this.deps.state.marks(target.id) };
  }

  private emit(progress: OnboardingProgress): void {
    for (const listener of [...this.progressListeners]) {
      try {
        listener(progress);
      } catch (error) {
        this.deps.log.warn(`An onboarding progress listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

function summary(results: readonly CheckResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ') || 'no checks';
}
