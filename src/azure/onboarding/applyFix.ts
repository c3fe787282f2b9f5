// Runs one check's fix, safely: re-read everything fresh, re-evaluate the check, and send only the writes that the
// fresh evaluation still proposes AND the person confirmed (matched by writeKey). Graph's "already exists" answers
// count as done, so running a fix twice writes once. Afterwards the check is evaluated again; role assignments
// replicate with a delay, so a fix that says so is re-checked with a backoff until it passes or attempts run out.
import { isGuid } from '../../core/ids';
import { findCheck, resolveFixWrites, runOnboardingChecks, writeKey } from '../../core/onboarding';
import type { CheckFix, CheckResult, FixWrite } from '../../core/onboarding/types';
import { AcgError, isAcgError } from '../errors';
import { sleep as abortableSleep } from '../http/abort';
import { createOnboardingReads, type OnboardingClients, type OnboardingContext } from './reads';

export interface RecheckPolicy {
  attempts: number;
  /** The wait before re-check `attempt` (1-based). */
  delayMs: (attempt: number) => number;
  /** Injected so tests use no real timers. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface FixRequest {
  checkId: string;
  /** The writes the person confirmed (as shown to them: resolved or with placeholders). */
  confirmed: readonly FixWrite[];
  inputs?: Readonly<Record<string, string>>;
  context?: OnboardingContext;
  signal?: AbortSignal;
  onWrite?: (write: FixWrite) => void;
  recheck?: RecheckPolicy;
}

export interface FixWriteFailure {
  write: FixWrite;
  /** Graph's reason, as the error mapper phrased it. */
  message: string;
}

export interface FixRunResult {
  written: FixWrite[];
  /** Confirmed writes that were no longer needed, or that Graph answered "already exists". */
  alreadyDone: FixWrite[];
  /** Writes the fresh evaluation proposes that were not confirmed: not sent. */
  notConfirmed: FixWrite[];
  /** (Optional addition to the contract.) A write the service refused; the writes after it were not sent. */
  failures?: FixWriteFailure[];
  result: CheckResult;
}

/** Default re-check after writes that replicate: 5 attempts, 1 s, 2 s, 4 s, 8 s, 8 s. */
export const DEFAULT_RECHECK: RecheckPolicy = { attempts: 5, delayMs: (attempt) => Math.min(1000 * 2 ** (attempt - 1), 8000) };

const ALREADY = /already exists|already in use|already been added/i;

export async function applyOnboardingFix(clients: OnboardingClients, gatewayId: string, request: FixRequest): Promise<FixRunResult> {
  if (!findCheck(request.checkId)) throw new Error(`Unknown onboarding check '${request.checkId}'.`);
  const evaluate = async (): Promise<CheckResult> => {
    const reads = createOnboardingReads(clients, gatewayId, request.context);
    const [result] = await runOnboardingChecks(reads, { checkIds: [request.checkId], ...(request.signal ? { signal: request.signal } : {}) });
    return result;
  };

  const before = await evaluate();
  const fix = before.fix;
  if (!fix) return { written: [], alreadyDone: [...request.confirmed], notConfirmed: [], result: before };

  const inputs = await resolvePrincipals(clients, fix, request.inputs ?? {}, request.signal);
  const fresh = resolveFixWrites(fix, inputs);
  const asGiven = resolveFixWrites(fix, request.inputs ?? {});
  const confirmedKeys = new Set(request.confirmed.map(writeKey));
  const isConfirmed = (i: number) => [fresh[i], asGiven[i], fix.writes[i]].some((w) => confirmedKeys.has(writeKey(w)));
  const toSend = fresh.filter((_, i) => isConfirmed(i));
  const notConfirmed = fresh.filter((_, i) => !isConfirmed(i));
  const sentKeys = new Set([...toSend.map(writeKey), ...asGiven.filter((_, i) => isConfirmed(i)).map(writeKey), ...fix.writes.map(writeKey)]);
  // Confirmed writes the fresh evaluation no longer proposes were done in the meantime.
  const alreadyDone: FixWrite[] = request.confirmed.filter((w) => !sentKeys.has(writeKey(w)));

  const written: FixWrite[] = [];
  const failures: FixWriteFailure[] = [];
  for (const write of toSend) {
    request.onWrite?.(write);
    try {
      await send(clients, write, request.signal);
      written.push(write);
    } catch (error) {
      if (!isAcgError(error) || error.kind === 'cancelled') throw error;
      if ((error.kind === 'conflict' || error.kind === 'badRequest') && ALREADY.test(error.message)) {
        alreadyDone.push(write);
        continue;
      }
      // A refusal (verify before the TXT record is published, a missing permission) is the fix's result, not a crash.
      failures.push({ write, message: error.message });
      break;
    }
  }

  if (written.length === 0 && failures.length === 0) {
    const result = toSend.length === 0 ? before : await evaluate();
    return { written, alreadyDone, notConfirmed, result };
  }
  let result = await evaluate();
  if (fix.recheckWithBackoff && written.length > 0) {
    const policy = request.recheck ?? DEFAULT_RECHECK;
    const wait = policy.sleep ?? ((ms: number, signal?: AbortSignal) => abortableSleep(ms, signal, 're-check the onboarding check'));
    for (let attempt = 1; result.status !== 'pass' && attempt < policy.attempts; attempt++) {
      await wait(policy.delayMs(attempt), request.signal);
      result = await evaluate();
    }
  }
  if (failures.length > 0) result = withFailures(result, failures);
  return { written, alreadyDone, notConfirmed, ...(failures.length > 0 ? { failures } : {}), result };
}

async function send(clients: OnboardingClients, write: FixWrite, signal?: AbortSignal): Promise<void> {
  if (write.service !== 'graph') {
    throw new AcgError({ kind: 'badRequest', message: `Not sent: the onboarding fixes write to Microsoft Graph only, not ${write.service} (${write.method} ${write.path}).`, service: write.service, operation: write.description });
  }
  await clients.graph.onboardingWrite({ method: write.method, path: write.path, body: write.body, description: write.description }, signal ? { abortSignal: signal } : {});
}

/** 'principal' inputs given as a user principal name become the user's object id (Graph: GET /users/{upn}). */
async function resolvePrincipals(clients: OnboardingClients, fix: CheckFix, inputs: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<Record<string, string>> {
  const resolved: Record<string, string> = { ...inputs };
  for (const input of fix.inputs ?? []) {
    const value = inputs[input.id]?.trim();
    if (input.kind !== 'principal' || value === undefined || value === '' || isGuid(value)) continue;
    const user = await clients.graph.user(value, signal ? { abortSignal: signal } : {});
    if (!user) throw new Error(`${input.label}: no user '${value}' in the directory. Give an object id or the user principal name of an existing user.`);
    resolved[input.id] = user.id;
  }
  return resolved;
}

function withFailures(result: CheckResult, failures: readonly FixWriteFailure[]): CheckResult {
  const reasons = failures.map((f) => f.message).join(' ');
  return {
    ...result,
    summary: `${result.summary} The fix did not go through: ${reasons}`,
    evidence: [...result.evidence, ...failures.map((f) => ({ label: 'Fix refused', value: { write: f.write.description, reason: f.message } }))],
  };
}
