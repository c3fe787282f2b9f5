// Runs onboarding checks against injected reads: all checks at once, each read requested at most once and shared.
// A read that fails turns only the checks that need it into 'error' (naming the missing permission when the error
// carries one); a cancelled read or an aborted signal stops the whole run instead.
import { ONBOARDING_CHECKS } from './registry';
import type { CheckDefinition, CheckOutcome, CheckResult, Evidence, OnboardingData, OnboardingReads, ReadKey } from './types';

export interface RunOptions {
  /** Only these checks (in registry order); every id must be known. */
  readonly checkIds?: readonly string[];
  readonly signal?: AbortSignal;
  /** Called as each check finishes, in the order they finish. */
  readonly onResult?: (result: CheckResult) => void;
}

/** A read that failed, remembered with the key it was for, so that the checks needing it can say so. */
class ReadFailure {
  constructor(
    readonly key: ReadKey,
    readonly error: unknown,
  ) {}
}

/** Cancellation is not a check's failure: the person or the host stopped the run. */
export function isCancellation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return ('kind' in error && error.kind === 'cancelled') || ('name' in error && error.name === 'AbortError');
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'The read failed without a message.';
}

function requiredRoleOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('requiredRole' in error)) return undefined;
  const role = error.requiredRole;
  return typeof role === 'string' && role.trim() !== '' ? role : undefined;
}

function readErrorOutcome(failure: ReadFailure): CheckOutcome {
  const message = messageOf(failure.error);
  const role = requiredRoleOf(failure.error);
  const evidence: Evidence[] = [{ label: 'Failed read', value: failure.key }];
  if (role === undefined) return { status: 'error', summary: message, evidence };
  return { status: 'error', summary: `${message} Missing permission: ${role}.`, evidence: [...evidence, { label: 'Missing permission', value: role }] };
}

function selectChecks(checkIds: readonly string[] | undefined): readonly CheckDefinition[] {
  if (checkIds === undefined) return ONBOARDING_CHECKS;
  const unknown = checkIds.filter((id) => !ONBOARDING_CHECKS.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`Unknown onboarding check ${unknown.map((id) => `'${id}'`).join(', ')}.`);
  const wanted = new Set(checkIds);
  return ONBOARDING_CHECKS.filter((c) => wanted.has(c.id));
}

function abortError(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error('The onboarding checks were cancelled.');
  error.name = 'AbortError';
  return error;
}

export async function runOnboardingChecks(reads: OnboardingReads, options: RunOptions = {}): Promise<CheckResult[]> {
  const { signal, onResult } = options;
  const checks = selectChecks(options.checkIds);
  if (signal?.aborted) throw abortError(signal);

  const pending = new Map<ReadKey, Promise<unknown>>();
  const readOnce = (key: ReadKey): Promise<unknown> => {
    let promise = pending.get(key);
    if (!promise) {
      promise = reads.read(key, signal).catch((error: unknown) => {
        throw isCancellation(error) || signal?.aborted ? error : new ReadFailure(key, error);
      });
      pending.set(key, promise);
    }
    return promise;
  };

  const runOne = async (check: CheckDefinition): Promise<CheckResult> => {
    // Every read is started before any is awaited, so one check never waits on its reads one after another.
    const settled = await Promise.allSettled(check.reads.map(readOnce));
    let outcome: CheckOutcome;
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (rejected) {
      if (!(rejected.reason instanceof ReadFailure)) throw rejected.reason;
      outcome = readErrorOutcome(rejected.reason);
    } else {
      const data: Partial<Record<ReadKey, unknown>> = {};
      check.reads.forEach((key, i) => {
        const s = settled[i];
        if (s?.status === 'fulfilled') data[key] = s.value;
      });
      outcome = evaluateSafely(check, data as OnboardingData);
    }
    const result = toResult(check, outcome);
    if (!signal?.aborted) onResult?.(result);
    return result;
  };

  const all = Promise.all(checks.map(runOne));
  if (!signal) return all;
  return new Promise<CheckResult[]>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    all.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function evaluateSafely(check: CheckDefinition, data: OnboardingData): CheckOutcome {
  try {
    return check.evaluate(data);
  } catch (error) {
    return { status: 'error', summary: `The check could not judge what it read: ${messageOf(error)}`, evidence: [] };
  }
}

export function toResult(check: CheckDefinition, outcome: CheckOutcome): CheckResult {
  return { ...outcome, id: check.id, title: check.title, stage: check.stage, why: check.why, source: check.source, manual: check.manual === true };
}
