// The number editor's writes. Many numbers go through createOrUpdateNumbersInBatches, one call per batch of ≤100 (the
// pipeline's limiter paces them; each batch keeps its Repeatability-Request-ID across resends, so a batch whose answer
// was lost is replayed, not applied twice). A cancel is a request to stop BETWEEN batches: the batch on its way is
// never aborted (its outcome would be unknown), and the result says which numbers were written and which were not.
// One number is edited with PUT and If-Match (the ETag read): a 412 becomes a typed conflict that carries the
// resource as it is now, so the editor can re-apply the patch onto it and ask again. Nothing is overwritten silently.
import { chunk } from '../clients/provisioningBatches';
import type { ProvisioningClient } from '../clients/provisioning';
import type { WithEtag } from '../clients/provisioningTypes';
import { applyPatch, type NumberPatch } from '../../core/numbers/numberPatch';
import type { NumberResource } from '../../core/models';
import { isAcgError, type AcgError } from '../errors';

export type NumberWriter = Pick<ProvisioningClient, 'createOrUpdateNumbersInBatches' | 'createOrReplaceNumber' | 'getNumber' | 'checkWriteAccess'>;

export interface WriteProgress {
  /** Numbers written so far, and in all. */
  readonly done: number;
  readonly total: number;
  readonly batch: number;
  readonly batches: number;
}

export interface SaveManyOptions {
  /** Aborts between batches: the batch on its way finishes, the rest is not sent. */
  readonly stop?: AbortSignal;
  readonly onProgress?: (progress: WriteProgress) => void;
  /** After each batch, with the numbers as the service returned them (for the status follow-up). */
  readonly onBatch?: (written: readonly NumberResource[]) => void;
}

export interface SaveManyResult {
  /** As the service returned them, in order. */
  readonly written: readonly NumberResource[];
  /** Telephone numbers not sent (after a cancel or a failed batch). */
  readonly notWritten: readonly string[];
  readonly cancelled: boolean;
  /** The batch that failed (the run stops there); its numbers are in notWritten. */
  readonly failure?: AcgError;
}

/** Creates or updates `numbers` (all in `account`) in batches; never rejects for a failed batch, it reports it. */
export async function saveNumbers(client: NumberWriter, account: string, numbers: readonly NumberResource[], options: SaveManyOptions = {}): Promise<SaveManyResult> {
  const batches = chunk(numbers);
  const written: NumberResource[] = [];
  const rest = (from: number): string[] => batches.slice(from).flatMap((b) => b.map((n) => n.telephoneNumber));
  for (const [index, batch] of batches.entries()) {
    if (options.stop?.aborted) return { written, notWritten: rest(index), cancelled: true };
    let saved: NumberResource[];
    try {
      saved = await client.createOrUpdateNumbersInBatches(account, batch);
    } catch (error) {
      // A refusal before the first batch (role pre-flight, a rule) is the caller's to present as it is.
      if (!isAcgError(error) || written.length === 0) throw error;
      return { written, notWritten: rest(index), cancelled: false, failure: error };
    }
    // The service answers with the numbers it took; an empty answer still means the batch was applied.
    const answer = saved.length > 0 ? saved : batch.map((n) => ({ ...n, serviceProvisioningStatus: 'pending' as const }));
    written.push(...answer);
    options.onBatch?.(answer);
    options.onProgress?.({ done: written.length, total: numbers.length, batch: index + 1, batches: batches.length });
  }
  return { written, notWritten: [], cancelled: false };
}

export type EditOutcome =
  | { readonly kind: 'saved'; readonly number: WithEtag<NumberResource> }
  /** Someone changed the number since it was read: `fresh` is how it is now; nothing was written. */
  | { readonly kind: 'conflict'; readonly fresh: WithEtag<NumberResource>; readonly attempted: NumberResource };

/** PUTs `patch` applied onto `current` with If-Match: `current.etag`. A 412 reads the number again and says so. */
export async function editNumber(client: NumberWriter, current: WithEtag<NumberResource>, patch: NumberPatch, signal?: AbortSignal): Promise<EditOutcome> {
  const next = applyPatch(current.resource, patch);
  const options = { ...(current.etag ? { ifMatch: current.etag } : {}), ...(signal ? { abortSignal: signal } : {}) };
  try {
    return { kind: 'saved', number: await client.createOrReplaceNumber(next, options) };
  } catch (error) {
    if (!isAcgError(error, 'preconditionFailed')) throw error;
    const fresh = await client.getNumber(current.resource.accountName, current.resource.telephoneNumber, signal ? { abortSignal: signal } : {});
    return { kind: 'conflict', fresh, attempted: next };
  }
}

/** `patch` applied onto each of `numbers` (read just before), then written in batches. The role is checked first. */
export async function editNumbers(client: NumberWriter, account: string, numbers: readonly NumberResource[], patch: NumberPatch, options: SaveManyOptions = {}): Promise<SaveManyResult> {
  return saveNumbers(client, account, numbers.map((n) => applyPatch(n, patch)), options);
}
