// Deleting numbers, decided in one place: the batches (≤100 per `:deleteNumbers`, one account each), the modal
// confirmation that says what will change, and the outcome after the re-check. The Provisioning API applies deletes
// asynchronously (Teams releases the number after the call returns), so the command re-checks for up to 30 s; the
// polling loop is here with its clock and sleep injected, so unit tests run it instantly.
import type { NumberResource } from '../models';
import { BATCH_MAX_NUMBERS } from '../limits';
import { numberServiceKeys, serviceShortName, teamsDetailsOf } from './numberDisplay';

export const RECHECK_TIMEOUT_MS = 30_000;
export const RECHECK_INTERVAL_MS = 2_000;

export interface NumberRef {
  readonly accountName: string;
  readonly telephoneNumber: string;
}

export interface DeleteBatch {
  readonly accountName: string;
  readonly telephoneNumbers: readonly string[];
}

/** One batch per ≤100 numbers of one account; duplicates dropped; accounts and numbers in a stable order. */
export function planDeleteBatches(numbers: readonly NumberRef[]): DeleteBatch[] {
  const byAccount = new Map<string, Set<string>>();
  for (const n of numbers) {
    const set = byAccount.get(n.accountName) ?? new Set<string>();
    set.add(n.telephoneNumber);
    byAccount.set(n.accountName, set);
  }
  const batches: DeleteBatch[] = [];
  for (const accountName of [...byAccount.keys()].sort()) {
    const all = [...byAccount.get(accountName)!].sort();
    for (let i = 0; i < all.length; i += BATCH_MAX_NUMBERS) batches.push({ accountName, telephoneNumbers: all.slice(i, i + BATCH_MAX_NUMBERS) });
  }
  return batches;
}

const LISTED = 10;

/** What a number's deletion changes, in words: which services lose it, and whether a Teams user or app holds it. */
export function deletionEffect(number: NumberResource): string {
  const services = numberServiceKeys(number).map(serviceShortName);
  const teams = teamsDetailsOf(number);
  const usage = teams?.configuration?.usage;
  const holder =
    teams?.assignmentStatus === 'assigned'
      ? usage === 'FirstPartyAppAssignment'
        ? ' — assigned to a Teams app or auto attendant, which stops working'
        : usage === 'ConferenceAssignment'
          ? ' — assigned to Teams audio conferencing, which loses this dial-in'
          : ' — assigned to a Teams user, who can no longer call with it'
      : '';
  return `${number.telephoneNumber} (${number.accountName}${services.length ? `, ${services.join('+')}` : ''})${holder}`;
}

export interface DeleteConfirmation {
  readonly message: string;
  readonly detail: string;
  readonly confirmLabel: string;
}

export function deleteConfirmation(numbers: readonly NumberResource[]): DeleteConfirmation {
  const accounts = [...new Set(numbers.map((n) => n.accountName))].sort();
  const count = numbers.length;
  const what = count === 1 ? `number ${numbers[0].telephoneNumber}` : `${count} numbers`;
  const assigned = numbers.filter((n) => teamsDetailsOf(n)?.assignmentStatus === 'assigned').length;
  const listed = numbers.slice(0, LISTED).map((n) => `• ${deletionEffect(n)}`);
  const more = count > LISTED ? [`• … and ${count - LISTED} more`] : [];
  const batches = planDeleteBatches(numbers).length;
  return {
    message: `Delete ${what} from ${accounts.length === 1 ? `account ${accounts[0]}` : `${accounts.length} accounts`}?`,
    detail: [
      ...listed,
      ...more,
      '',
      assigned > 0 ? `${assigned} ${assigned === 1 ? 'is' : 'are'} assigned in Teams: the enterprise loses ${assigned === 1 ? 'it' : 'them'} as soon as the service applies the change.` : undefined,
      'The numbers are released from every service listed. Uploading them again is the only way back.',
      batches > 1 ? `Sent as ${batches} requests of at most ${BATCH_MAX_NUMBERS} numbers.` : undefined,
    ]
      .filter((line): line is string => line !== undefined)
      .join('\n'),
    confirmLabel: count === 1 ? 'Delete Number' : `Delete ${count} Numbers`,
  };
}

export interface RecheckDeps {
  /** The numbers among `pending` that the service still has. */
  remaining(pending: readonly NumberRef[], signal?: AbortSignal): Promise<NumberRef[]>;
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Progress after each check: how many are gone so far. */
  report?(gone: number, total: number): void;
}

export interface RecheckResult {
  readonly gone: readonly NumberRef[];
  readonly remaining: readonly NumberRef[];
  readonly elapsedMs: number;
  readonly timedOut: boolean;
}

/** Checks until every number is gone or `timeoutMs` has passed; the first check is immediate. */
export async function recheckUntilGone(
  numbers: readonly NumberRef[],
  deps: RecheckDeps,
  options: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<RecheckResult> {
  const timeoutMs = options.timeoutMs ?? RECHECK_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? RECHECK_INTERVAL_MS;
  const start = deps.now();
  let pending: NumberRef[] = [...numbers];
  for (;;) {
    pending = await deps.remaining(pending, options.signal);
    deps.report?.(numbers.length - pending.length, numbers.length);
    const elapsed = deps.now() - start;
    if (pending.length === 0 || elapsed + intervalMs > timeoutMs) {
      const still = new Set(pending.map(refKey));
      return { gone: numbers.filter((n) => !still.has(refKey(n))), remaining: pending, elapsedMs: elapsed, timedOut: pending.length > 0 };
    }
    await deps.sleep(intervalMs, options.signal);
  }
}

export function refKey(n: NumberRef): string {
  return `${n.accountName}/${n.telephoneNumber}`;
}

/** The message after the re-check, and whether it is a success. */
export function deletionOutcome(result: RecheckResult): { ok: boolean; message: string } {
  const seconds = Math.max(1, Math.round(result.elapsedMs / 1000));
  const total = result.gone.length + result.remaining.length;
  if (result.remaining.length === 0) {
    return { ok: true, message: total === 1 ? `Deleted ${result.gone[0].telephoneNumber}.` : `Deleted ${total} numbers.` };
  }
  const sample = result.remaining.slice(0, 5).map((n) => n.telephoneNumber).join(', ');
  const more = result.remaining.length > 5 ? ` and ${result.remaining.length - 5} more` : '';
  return {
    ok: false,
    message: `The service accepted the delete, but after ${seconds} s ${result.remaining.length} of ${total} number${total === 1 ? ' is' : 's are'} still there (${sample}${more}). It may still be applying the change: refresh the Numbers view later.`,
  };
}

/** The longest prefix all numbers share: one filtered list request can then re-check many numbers at once. */
export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0];
  for (const value of values) {
    let i = 0;
    while (i < prefix.length && i < value.length && prefix[i] === value[i]) i += 1;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Where a delete stood when the person cancelled it between (or during) its requests. */
export interface CancelledDeletion {
  /** In requests the service answered: deleted (or being deleted: the service applies deletes asynchronously). */
  readonly sent: readonly NumberRef[];
  /** In the request that was on its way when the cancel came: it may or may not have reached the service. */
  readonly inFlight: readonly NumberRef[];
  /** Never sent: these numbers are untouched. */
  readonly notSent: readonly NumberRef[];
}

/** What a cancelled multi-request delete did, in one message. */
export function cancelledDeletionMessage(c: CancelledDeletion): string {
  const total = c.sent.length + c.inFlight.length + c.notSent.length;
  const n = (count: number) => `${count} number${count === 1 ? ' was' : 's were'}`;
  const parts = [`Cancelled: ${c.sent.length} of ${total} numbers were sent for deletion`];
  if (c.inFlight.length > 0) parts.push(`${n(c.inFlight.length)} on their way when you cancelled (refresh to see whether they went)`);
  parts.push(`${n(c.notSent.length)} not touched`);
  return `${parts.join('; ')}. Refresh the Numbers view to see the result.`;
}
