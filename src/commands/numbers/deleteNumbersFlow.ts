// "Delete Number…" (one, or every selected number): a modal confirmation that says what will change, one
// `:deleteNumbers` request per ≤100 numbers of an account (one DELETE for a single number), then a re-check for up to
// 30 s, because the service applies deletes asynchronously. The outcome says which numbers are gone and which are
// still there; the list drops the gone ones in place, so the person keeps their position. A cancel between requests
// stops there and says how many were sent, how many were on their way and how many were not touched. The numbers
// gone are told on Host.numberChanges (reason 'delete'), so an open Numbers panel or editor drops them too.
import { isAcgError } from '../../azure/errors';
import {
  cancelledDeletionMessage, deleteConfirmation, deletionOutcome, planDeleteBatches, recheckUntilGone, refKey, type CancelledDeletion, type NumberRef, type RecheckResult,
} from '../../core/numbers';
import { cancelledError, sleep } from '../../azure/http/abort';
import { runWithProgress } from '../../host/progress';
import type { NumberResource } from '../../core/models';
import type { CommandContext } from '../context';
import { remainingNumbers } from './remainingNumbers';

export interface DeleteResult extends RecheckResult {
  /** The re-check was cancelled: the delete was sent, the outcome is unknown for `remaining`. */
  readonly recheckCancelled: boolean;
  /** Cancelled between requests, after at least one was sent: where the delete stood. */
  readonly cancelledBetweenRequests?: CancelledDeletion;
}

export async function deleteNumbersFlow(ctx: CommandContext, numbers: readonly NumberResource[]): Promise<DeleteResult | undefined> {
  const confirmation = deleteConfirmation(numbers);
  const answer = await ctx.host.ui.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, confirmation.confirmLabel);
  if (answer !== confirmation.confirmLabel) return undefined;

  const scope = ctx.host.enterprises.currentOrThrow();
  const client = await scope.client();
  const refs: NumberRef[] = numbers.map(({ accountName, telephoneNumber }) => ({ accountName, telephoneNumber }));
  const batches = planDeleteBatches(refs);
  const result = await runWithProgress(
    ctx.host.ui,
    `Deleting ${refs.length === 1 ? refs[0].telephoneNumber : `${refs.length} numbers`}`,
    async ({ report, signal, token }) => {
      const sent: NumberRef[] = [];
      const refsOf = (from: number) => batches.slice(from).flatMap((b) => b.telephoneNumbers.map((telephoneNumber) => ({ accountName: b.accountName, telephoneNumber })));
      for (const [i, batch] of batches.entries()) {
        report(batches.length > 1 ? `request ${i + 1} of ${batches.length}…` : 'sending…', 50 / batches.length);
        if (signal.aborted) {
          if (sent.length === 0) throw cancelledError('delete numbers');
          return stopped({ sent, inFlight: [], notSent: refsOf(i) });
        }
        try {
          if (refs.length === 1) await client.deleteNumber(batch.accountName, batch.telephoneNumbers[0], { abortSignal: signal });
          else await client.deleteNumbers(batch.accountName, batch.telephoneNumbers, { abortSignal: signal });
        } catch (error) {
          if (sent.length === 0 || !isAcgError(error, 'cancelled')) throw error;
          // Cancelled while this request was on its way: it may or may not have reached the service.
          const inFlight = refsOf(i).slice(0, batch.telephoneNumbers.length);
          return stopped({ sent, inFlight, notSent: refsOf(i + 1) });
        }
        sent.push(...refsOf(i).slice(0, batch.telephoneNumbers.length));
      }
      // From here the delete has been sent: a cancel only stops the re-check, and the outcome says so.
      let gone = 0;
      try {
        const checked = await recheckUntilGone(
          refs,
          {
            remaining: (pending, s) => remainingNumbers(client, pending, s),
            now: () => Date.now(),
            sleep: (ms, s) => sleep(ms, s, 'check deleted numbers'),
            report: (done, total) => {
              report(`checking: ${done} of ${total} gone`, ((done - gone) / total) * 50);
              gone = done;
            },
          },
          { signal },
        );
        return { ...checked, recheckCancelled: false };
      } catch (error) {
        if (!token.isCancellationRequested) throw error;
        return { gone: [], remaining: refs, elapsedMs: 0, timedOut: false, recheckCancelled: true };
      }
    });

  if (result.cancelledBetweenRequests) {
    ctx.numbers.reload();
    ctx.enterprises.refreshPart('accounts');
    void ctx.host.ui.showWarningMessage(cancelledDeletionMessage(result.cancelledBetweenRequests), {});
    return result;
  }
  ctx.numbers.forget(new Set(result.gone.map(refKey)));
  tellDeleted(ctx, scope.gateway.id, client.gatewayDomain, result.gone);
  // Number counts on the accounts changed.
  ctx.enterprises.refreshPart('accounts');
  if (result.recheckCancelled) {
    void ctx.host.ui.showWarningMessage('The delete was sent; checking that the service applied it was cancelled. Refresh the Numbers view later.', {});
  } else {
    const outcome = deletionOutcome(result);
    if (outcome.ok) void ctx.host.ui.showInformationMessage(outcome.message);
    else void ctx.host.ui.showWarningMessage(outcome.message, {});
  }
  return result;
}

function tellDeleted(ctx: CommandContext, gatewayId: string, gatewayDomain: string, gone: readonly NumberRef[]): void {
  const byAccount = new Map<string, string[]>();
  for (const ref of gone) byAccount.set(ref.accountName, [...(byAccount.get(ref.accountName) ?? []), ref.telephoneNumber]);
  for (const [account, deleted] of byAccount) ctx.host.numberChanges.fire({ gatewayId, gatewayDomain, account, upserted: [], deleted, reason: 'delete' });
}

function stopped(where: CancelledDeletion): DeleteResult {
  return { gone: [], remaining: [...where.sent, ...where.inFlight, ...where.notSent], elapsedMs: 0, timedOut: false, recheckCancelled: false, cancelledBetweenRequests: where };
}
