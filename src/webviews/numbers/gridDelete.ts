// Delete selected, from the Numbers panel: VS Code's modal confirmation with the exact change (how many, from which
// account, up to ten numbers by name and "and N more"), then ProvisioningClient.deleteNumbersInBatches (≤100 a
// request) under progress with Cancel. Cancel stops between batches: the request on its way is let finish, so the
// report says exactly which numbers the service accepted and how many were never sent. The deleted numbers go out on
// Host.numberChanges (reason 'delete'), which takes them off this grid, and any other view that listens.
import type { ProvisioningClient } from '../../azure/clients';
import { isAcgError } from '../../azure/errors';
import type { NumberResource } from '../../core/models';
import { deleteConfirmation, type NumberRef } from '../../core/numbers/deletion';
import type { NumbersGridDeps } from './deps';
import type { NumbersGridTarget } from './handlers';
import type { DeleteReport } from './protocol';

export interface DeleteContext {
  readonly deps: NumbersGridDeps;
  readonly target: NumbersGridTarget;
  client(): Promise<ProvisioningClient>;
  /** The number as last read, for the confirmation's wording (services, Teams assignment). */
  known(ref: NumberRef): NumberResource | undefined;
}

export async function deleteShownNumbers(context: DeleteContext, refs: readonly NumberRef[]): Promise<DeleteReport> {
  const { deps, target } = context;
  const byAccount = new Map<string, string[]>();
  for (const ref of refs) {
    const list = byAccount.get(ref.accountName) ?? [];
    if (!list.includes(ref.telephoneNumber)) list.push(ref.telephoneNumber);
    byAccount.set(ref.accountName, list);
  }
  const unique = [...byAccount].flatMap(([accountName, numbers]) => numbers.map((telephoneNumber) => ({ accountName, telephoneNumber })));
  const requested = unique.length;
  const confirmation = deleteConfirmation(unique.map((ref) => context.known(ref) ?? { ...ref, serviceDetails: {} }));
  const confirmed = await deps.confirm(`${confirmation.message.replace(/\?$/, '')} on ${target.gatewayName}?`, confirmation.detail, confirmation.confirmLabel);
  if (!confirmed) {
    deps.log.info(`Numbers panel: delete of ${requested} numbers not confirmed; nothing sent.`);
    return { confirmed: false, requested, deleted: [], notSent: requested, cancelled: false, message: 'Nothing was deleted.' };
  }
  const client = await context.client();
  const title = `Deleting ${requested === 1 ? unique[0].telephoneNumber : `${requested.toLocaleString('en-US')} numbers`}`;
  const deletedByAccount = new Map<string, string[]>();
  let failure: unknown;
  let cancelled = false;
  await deps.withProgress(title, async ({ signal: cancel, report }) => {
    let done = 0;
    for (const [account, numbers] of byAccount) {
      if (cancel.aborted) {
        cancelled = true;
        return;
      }
      // Aborted only between batches (from onProgress), never under a request in flight: that request's outcome
      // would be unknown, and the report could not say what was deleted.
      const between = new AbortController();
      let doneHere = 0;
      try {
        await client.deleteNumbersInBatches(account, numbers, {
          abortSignal: between.signal,
          onProgress: (progress) => {
            report(`${(done + progress.done).toLocaleString('en-US')} of ${requested.toLocaleString('en-US')} deleted`, (100 * (progress.done - doneHere)) / requested);
            doneHere = progress.done;
            if (cancel.aborted) between.abort();
          },
        });
        doneHere = numbers.length;
      } catch (error) {
        if (between.signal.aborted && isAcgError(error, 'cancelled')) cancelled = true;
        else failure = error;
      }
      if (doneHere > 0) deletedByAccount.set(account, numbers.slice(0, doneHere));
      done += doneHere;
      if (cancelled || failure !== undefined) return;
    }
  });

  const deleted = [...deletedByAccount.values()].flat();
  for (const [account, numbers] of deletedByAccount) {
    deps.fireNumbersChange({ gatewayId: target.gatewayId, gatewayDomain: client.gatewayDomain, account, upserted: [], deleted: numbers, reason: 'delete' });
  }
  const notSent = requested - deleted.length;
  deps.log.info(`Numbers panel: deleted ${deleted.length} of ${requested} numbers${cancelled ? ' (cancelled)' : ''}${failure !== undefined ? ' (failed)' : ''}.`);
  if (failure !== undefined) throw failure;
  const count = (n: number): string => `${n.toLocaleString('en-US')} number${n === 1 ? '' : 's'}`;
  const message = cancelled
    ? `Cancelled: ${count(deleted.length)} deleted, ${count(notSent)} not sent (still on the service).`
    : `Deleted ${count(deleted.length)}. The service releases them from Teams shortly.`;
  return { confirmed: true, requested, deleted, notSent, cancelled, message };
}
