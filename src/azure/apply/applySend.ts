// One step of an apply on the wire: the request, resent with the SAME repeatability headers when its retries ran out
// on a transient failure (so a request the service did apply is replayed, never applied twice), and the answer as
// per-change outcomes. A refusal that concerns the items (412, 400, 404, 409) becomes their outcome; any other
// failure (sign-in, role, the service unreachable after every resend, a cancel during a pause) is thrown: the caller
// stops the run and leaves the request in flight, since nothing is known of what it did.
import type { AccountChange, PlanChange, RelationshipChange } from '../../core/apply/types';
import type { ProvisioningClient } from '../clients/provisioning';
import type { WithEtag } from '../clients/provisioningTypes';
import { resendOnTransient, type ResendPolicy } from '../clients/resend';
import { isAcgError, type AcgError, type AcgErrorKind } from '../errors';
import type { RepeatabilityHeaders } from '../http/headers';
import { planWithoutBody, saveBodies, type ApplyStep } from './applySteps';
import { describe, judgeLive } from './liveMatch';

export type StepWriter = Pick<
  ProvisioningClient,
  'createOrReplaceAccount' | 'deleteAccount' | 'getAccount' | 'createOrUpdateNumbers' | 'deleteNumbers' | 'updateCustomerRelationship' | 'getRequestForInformation'
>;

export interface StepOutcome {
  readonly results: { changeId: string; outcome: 'done' | 'drift' | 'failed'; message?: string; etag?: string }[];
}

/** Refusals that say something about the items themselves: they settle the items, the run goes on. */
const ITEM_REFUSALS = new Set<AcgErrorKind>(['preconditionFailed', 'badRequest', 'notFound', 'conflict']);

export async function sendStep(client: StepWriter, step: ApplyStep, repeatability: RepeatabilityHeaders, policy: ResendPolicy & { signal?: AbortSignal }): Promise<StepOutcome> {
  const operation = step.kind === 'single' ? describe(step.change) : `${step.operation} ${step.changes.length} numbers in ${step.account}`;
  try {
    return await resendOnTransient(() => send(client, step, repeatability), { ...policy, operation, ...(policy.signal ? { abortSignal: policy.signal } : {}) });
  } catch (error) {
    if (!isAcgError(error) || !ITEM_REFUSALS.has(error.kind)) throw error;
    if (step.kind === 'single' && error.kind === 'preconditionFailed') return settleByReading(client, step.change, error);
    const changes: readonly PlanChange[] = step.kind === 'single' ? [step.change] : step.changes;
    return { results: changes.map((c) => ({ changeId: c.id, outcome: 'failed', message: `${describe(c)}: ${error.message}` })) };
  }
}

async function send(client: StepWriter, step: ApplyStep, repeatability: RepeatabilityHeaders): Promise<StepOutcome> {
  if (step.kind === 'numbers') {
    if (step.operation === 'save') await client.createOrUpdateNumbers(step.account, saveBodies(step.changes), { repeatability });
    else await client.deleteNumbers(step.account, step.changes.map((c) => c.telephoneNumber), { repeatability });
    return { results: step.changes.map((c) => ({ changeId: c.id, outcome: 'done' })) };
  }
  const change = step.change;
  const written = change.kind === 'account' ? await writeAccount(client, change, repeatability) : await writeRelationship(client, change, repeatability);
  return { results: [{ changeId: change.id, outcome: 'done', ...(written?.etag ? { etag: written.etag } : {}) }] };
}

async function writeAccount(client: StepWriter, change: AccountChange, repeatability: RepeatabilityHeaders): Promise<WithEtag<unknown> | undefined> {
  const ifMatch = change.etag === undefined ? {} : { ifMatch: change.etag };
  if (change.action === 'delete') {
    await client.deleteAccount(change.account, { ...ifMatch, repeatability, ...(change.deleteNumbers ? { deleteNumbers: true } : {}) });
    return undefined;
  }
  if (!change.body) throw planWithoutBody(change);
  return client.createOrReplaceAccount(change.body, change.action === 'create' ? { onlyIfNew: true, repeatability } : { ...ifMatch, repeatability });
}

async function writeRelationship(client: StepWriter, change: RelationshipChange, repeatability: RepeatabilityHeaders): Promise<WithEtag<unknown>> {
  const update = { status: change.status, ...(change.comment === undefined ? {} : { comment: change.comment }) };
  return client.updateCustomerRelationship(change.tenantId, update, { ...(change.etag === undefined ? {} : { ifMatch: change.etag }), repeatability });
}

/** A 412 on an account or relationship: read it; as the plan wants it is done (a resend after a lost answer), else drift. */
async function settleByReading(client: StepWriter, change: AccountChange | RelationshipChange, refusal: AcgError): Promise<StepOutcome> {
  let live: WithEtag<unknown> | undefined;
  try {
    live = change.kind === 'account' ? await client.getAccount(change.account) : await client.getRequestForInformation(change.tenantId);
  } catch (error) {
    if (!isAcgError(error, 'notFound')) throw error;
  }
  const verdict = judgeLive(change, live === undefined ? undefined : live.etag === undefined ? { resource: live.resource } : { resource: live.resource, etag: live.etag });
  if (verdict.kind === 'done') return { results: [{ changeId: change.id, outcome: 'done', message: verdict.message, ...(live?.etag ? { etag: live.etag } : {}) }] };
  const message = verdict.kind === 'drift' ? verdict.message : `${describe(change)}: ${refusal.message}`;
  return { results: [{ changeId: change.id, outcome: 'drift', message }] };
}
