// What the extension remembers of onboarding checks, per gateway: the last run's results (so the Gateways view's
// badge and a restored panel show them after a reload, before anything is read again) and the manual steps a person
// marked done. Free of `vscode` (the storage and the context-key setter are injected), so mocha tests reach it; the
// host wires it to workspaceState, globalState and setContext in onboarding.ts.
import type { CheckResult, CheckStage, CheckStatus, ManualMark } from '../core/onboarding/types';
import { CONTEXT_KEYS } from './ids';

/** The last run of a gateway's checks, as kept. */
export interface StoredRun {
  readonly gatewayId: string;
  readonly gatewayName: string;
  /** ISO 8601. */
  readonly finishedAt: string;
  readonly results: readonly CheckResult[];
}

/** Fired when a run finishes (or a single check was re-run) and when a mark changes. */
export type OnboardingChange = { readonly kind: 'run'; readonly gatewayId: string } | { readonly kind: 'mark'; readonly gatewayId: string; readonly checkId: string };

/** VS Code's Memento, as far as this module uses it. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The shape of vscode.Event, so faces subscribe as they do to any host event. */
export type Listen<T> = (listener: (value: T) => unknown) => { dispose(): void };

export const RUNS_KEY = 'acg.onboarding.runs';
export const MARKS_KEY = 'acg.onboarding.marks';

/** The walkthrough's steps complete on these: every check of the stage passed for some gateway. */
export const STAGE_CONTEXT_KEYS: Readonly<Record<CheckStage, string>> = {
  deployment: CONTEXT_KEYS.onboardingDeploymentPassed,
  entra: CONTEXT_KEYS.onboardingEntraPassed,
  operatorConnect: CONTEXT_KEYS.onboardingOperatorConnectPassed,
  teamsPhoneMobile: CONTEXT_KEYS.onboardingTeamsPhoneMobilePassed,
  goLive: CONTEXT_KEYS.onboardingGoLivePassed,
};

const FAILED: ReadonlySet<CheckStatus> = new Set(['fail', 'error']);
/** A stage "passes" when nothing in it is left to do: skipped checks do not apply to this gateway. */
const DONE: ReadonlySet<CheckStatus> = new Set(['pass', 'skipped']);
const STATUSES: ReadonlySet<string> = new Set(['pass', 'fail', 'warn', 'manual', 'skipped', 'error']);

export function gatewayKey(gatewayId: string): string {
  return gatewayId.toLowerCase();
}

/** How many checks of a run failed or could not run: the Gateways view's badge. */
export function failureCount(results: readonly CheckResult[]): number {
  return results.filter((result) => FAILED.has(result.status)).length;
}

/** The stages whose checks all pass (or do not apply), with at least one that passed. */
export function passedStages(results: readonly CheckResult[]): Set<CheckStage> {
  const byStage = new Map<CheckStage, CheckResult[]>();
  for (const result of results) byStage.set(result.stage, [...(byStage.get(result.stage) ?? []), result]);
  const passed = new Set<CheckStage>();
  for (const [stage, list] of byStage) {
    if (list.every((r) => DONE.has(r.status)) && list.some((r) => r.status === 'pass')) passed.add(stage);
  }
  return passed;
}

export class OnboardingState {
  private readonly runs = new Map<string, StoredRun>();
  private readonly listeners = new Set<(change: OnboardingChange) => unknown>();

  /**
   * @param runs workspaceState: the last runs belong to this workspace's work.
   * @param marks globalState: a step done for a gateway is done whichever window looks at it.
   */
  constructor(
    private readonly runStore: KeyValueStore,
    private readonly markStore: KeyValueStore,
    private readonly setContext: (key: string, value: boolean) => unknown,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    for (const run of readRuns(runStore.get<unknown>(RUNS_KEY), warn)) this.runs.set(gatewayKey(run.gatewayId), run);
    this.updateContextKeys();
  }

  readonly onDidChange: Listen<OnboardingChange> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  lastRun(gatewayId: string): StoredRun | undefined {
    return this.runs.get(gatewayKey(gatewayId));
  }

  allRuns(): StoredRun[] {
    return [...this.runs.values()];
  }

  /**
   * Keeps a run's results. A partial run (some checks re-run, a fix re-checked) replaces only those checks in the last
   * run, in their place; checks it did not cover keep their earlier result.
   */
  async record(gateway: { id: string; name: string }, results: readonly CheckResult[], options: { partial?: boolean; at?: Date } = {}): Promise<StoredRun> {
    const key = gatewayKey(gateway.id);
    const before = this.runs.get(key);
    const merged = options.partial && before ? mergeResults(before.results, results) : [...results];
    const run: StoredRun = { gatewayId: gateway.id, gatewayName: gateway.name, finishedAt: (options.at ?? new Date()).toISOString(), results: merged };
    this.runs.set(key, run);
    await this.runStore.update(RUNS_KEY, [...this.runs.values()]);
    this.updateContextKeys();
    this.fire({ kind: 'run', gatewayId: gateway.id });
    return run;
  }

  marks(gatewayId: string): Record<string, ManualMark> {
    const all = this.readMarks();
    return { ...(all[gatewayKey(gatewayId)] ?? {}) };
  }

  /** Records (or clears, with done false) a manual step, with when and by whom. */
  async setMark(gatewayId: string, checkId: string, done: boolean, by: string | undefined, at: Date = new Date()): Promise<ManualMark | undefined> {
    const all = this.readMarks();
    const key = gatewayKey(gatewayId);
    const mark: ManualMark | undefined = done ? { done: true, at: at.toISOString(), ...(by ? { by } : {}) } : undefined;
    const others = Object.entries(all[key] ?? {}).filter(([id]) => id !== checkId);
    const forGateway = Object.fromEntries(mark ? [...others, [checkId, mark]] : others);
    const next = Object.fromEntries([...Object.entries(all).filter(([id]) => id !== key), ...(Object.keys(forGateway).length > 0 ? [[key, forGateway]] : [])]);
    await this.markStore.update(MARKS_KEY, next);
    this.fire({ kind: 'mark', gatewayId, checkId });
    return mark;
  }

  /** Forgets a gateway's last run (its badge goes). */
  async forget(gatewayId: string): Promise<void> {
    if (!this.runs.delete(gatewayKey(gatewayId))) return;
    await this.runStore.update(RUNS_KEY, [...this.runs.values()]);
    this.updateContextKeys();
    this.fire({ kind: 'run', gatewayId });
  }

  private readMarks(): Record<string, Record<string, ManualMark>> {
    return readMarks(this.markStore.get<unknown>(MARKS_KEY));
  }

  private updateContextKeys(): void {
    const passed = new Set<CheckStage>();
    for (const run of this.runs.values()) for (const stage of passedStages(run.results)) passed.add(stage);
    void this.setContext(CONTEXT_KEYS.onboardingRan, this.runs.size > 0);
    for (const [stage, key] of Object.entries(STAGE_CONTEXT_KEYS) as [CheckStage, string][]) void this.setContext(key, passed.has(stage));
  }

  private fire(change: OnboardingChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.warn(`An onboarding listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

function mergeResults(before: readonly CheckResult[], update: readonly CheckResult[]): CheckResult[] {
  const byId = new Map(update.map((r) => [r.id, r]));
  const merged = before.map((r) => byId.get(r.id) ?? r);
  const known = new Set(before.map((r) => r.id));
  return [...merged, ...update.filter((r) => !known.has(r.id))];
}

// ---- Reading back what was stored: it may come from an older version of the extension, so each entry is checked ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResult(value: unknown): value is CheckResult {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.stage === 'string' &&
    typeof value.status === 'string' &&
    STATUSES.has(value.status) &&
    typeof value.summary === 'string' &&
    Array.isArray(value.evidence)
  );
}

function readRuns(value: unknown, warn: (message: string) => void): StoredRun[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warn('Onboarding: the stored runs are not a list; they are ignored.');
    return [];
  }
  const runs: StoredRun[] = [];
  for (const entry of value) {
    if (isRecord(entry) && typeof entry.gatewayId === 'string' && typeof entry.gatewayName === 'string' && typeof entry.finishedAt === 'string' && Array.isArray(entry.results) && entry.results.every(isResult)) {
      runs.push({ gatewayId: entry.gatewayId, gatewayName: entry.gatewayName, finishedAt: entry.finishedAt, results: entry.results });
    } else {
      warn('Onboarding: a stored run could not be read; it is ignored.');
    }
  }
  return runs;
}

function readMarks(value: unknown): Record<string, Record<string, ManualMark>> {
  if (!isRecord(value)) return {};
  const marks: Record<string, Record<string, ManualMark>> = {};
  for (const [gateway, checks] of Object.entries(value)) {
    if (!isRecord(checks)) continue;
    const forGateway: Record<string, ManualMark> = {};
    for (const [checkId, mark] of Object.entries(checks)) {
      if (isRecord(mark) && mark.done === true && typeof mark.at === 'string') forGateway[checkId] = { done: true, at: mark.at, ...(typeof mark.by === 'string' ? { by: mark.by } : {}) };
    }
    marks[gateway] = forGateway;
  }
  return marks;
}
