// The requests an apply sends, from the plan's changes in order: an account or a relationship is one request; a run
// of consecutive number changes becomes batches of ≤100 per account and operation (saves through
// :createOrUpdateNumbers, deletes through :deleteNumbers), in the order each group first appears, so the plan's
// order (accounts before their numbers, number deletes before account deletes) holds. A step's changes are in the
// order its body lists them: a resume rebuilds the very same body from the same change ids, which is what lets the
// service recognise a resend by its Repeatability-Request-ID.
import type { AccountChange, NumberChange, PlanChange, RelationshipChange } from '../../core/apply/types';
import type { NumberResource } from '../../core/models';
import { BATCH_MAX_NUMBERS } from '../../core/rules';
import { AcgError } from '../errors';

export type ApplyStep =
  | { readonly kind: 'single'; readonly change: AccountChange | RelationshipChange }
  | { readonly kind: 'numbers'; readonly account: string; readonly operation: 'save' | 'delete'; readonly changes: readonly NumberChange[] };

export function planSteps(changes: readonly PlanChange[]): ApplyStep[] {
  const steps: ApplyStep[] = [];
  let run: NumberChange[] = [];
  const flush = (): void => {
    steps.push(...numberSteps(run));
    run = [];
  };
  for (const change of changes) {
    if (change.kind === 'number') {
      run.push(change);
      continue;
    }
    flush();
    steps.push({ kind: 'single', change });
  }
  flush();
  return steps;
}

function numberSteps(run: readonly NumberChange[]): ApplyStep[] {
  const groups = new Map<string, { account: string; operation: 'save' | 'delete'; changes: NumberChange[] }>();
  for (const change of run) {
    const operation = change.action === 'delete' ? 'delete' : 'save';
    const key = `${operation}\u0000${change.account}`;
    const group = groups.get(key) ?? { account: change.account, operation, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  const steps: ApplyStep[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.changes.length; i += BATCH_MAX_NUMBERS) {
      steps.push({ kind: 'numbers', account: group.account, operation: group.operation, changes: group.changes.slice(i, i + BATCH_MAX_NUMBERS) });
    }
  }
  return steps;
}

/** A step as the journal's 'sending' entry and the body name it: the change ids, in body order. */
export function stepChangeIds(step: ApplyStep): string[] {
  return step.kind === 'single' ? [step.change.id] : step.changes.map((c) => c.id);
}

/** The numbers a save batch sends: each change's body, in the batch's account (the service checks they match). */
export function saveBodies(changes: readonly NumberChange[]): NumberResource[] {
  return changes.map((change) => {
    if (!change.body) throw planWithoutBody(change);
    return change.body;
  });
}

/** A create or update without a body (a hand-edited plan file): refused for its step, before anything is sent. */
export function planWithoutBody(change: PlanChange): AcgError {
  return new AcgError({ kind: 'badRequest', message: `The plan's change ${change.id} has no body to send: plan again.`, service: 'provisioning' });
}

/** Rebuilds a step from change ids a journal recorded (undefined when the ids are not one step of this plan). */
export function stepFromIds(ids: readonly string[], byId: ReadonlyMap<string, PlanChange>): ApplyStep | undefined {
  const changes = ids.map((id) => byId.get(id));
  if (changes.length === 0 || changes.some((c) => c === undefined)) return undefined;
  const found = changes as PlanChange[];
  if (found.length === 1 && found[0].kind !== 'number') return { kind: 'single', change: found[0] };
  if (!found.every((c): c is NumberChange => c.kind === 'number')) return undefined;
  const operation = found[0].action === 'delete' ? 'delete' : 'save';
  const account = found[0].account;
  if (found.length > BATCH_MAX_NUMBERS || found.some((c) => c.account !== account || (c.action === 'delete') !== (operation === 'delete'))) return undefined;
  return { kind: 'numbers', account, operation, changes: found };
}
