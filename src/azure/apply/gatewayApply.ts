// Executes a saved gateway plan through ARM, journalled with the same entries and file as a provisioning plan, so
// `acg apply --resume` works the same way. ARM has no Repeatability-Request-ID; what makes a resend safe here is that
// every change READS FIRST and writes only what is still to do:
// - already as the plan wants it (a PUT whose answer was lost, a create that took effect, a delete that finished) is
//   done without a write;
// - changed by someone else since the plan (the ETag moved, a planned field no longer holds its planned "before",
//   another field now differs, a line created or removed meanwhile) is drift: that item stops, the rest go on;
// - otherwise the write goes: the gateway by GET-edit-PUT with If-Match (the plan's ETag, when ARM gave one) and the
//   long-running operation polled to its end, or, when the plan creates it, by a PUT of the file's gateway after a read
//   that found none (ARM declares no If-None-Match for this resource); test lines by PUT (create/replace) or DELETE,
//   polled the same way.
// A PUT of the same body is idempotent and a DELETE of a missing line succeeds, so a resend after a crash between the
// write and its 'answered' entry repeats nothing that matters. Failures that say nothing about the item (sign-in,
// role, network, a timeout) stop the run and leave the item in flight for the resume.
import { comparableGateway, comparableLine } from '../../core/apply/planGateway';
import { fieldChanges } from '../../core/apply/fieldDiff';
import type { FieldChange, GatewayPlanChange, GatewayResourceChange, JournalState, SavedGatewayPlan, TestLineChange } from '../../core/apply/types';
import { parseGatewayId } from '../../core/ids';
import type { CommunicationsGateway, GatewayRef, TestLine } from '../../core/models';
import type { ArmClient } from '../clients/arm';
import { isAcgError, type AcgError } from '../errors';
import { RunStopped, type ApplyResult, type JournalSink } from './applyPlan';

export type GatewayApplyClient = Pick<ArmClient, 'getGatewayVersioned' | 'updateGateway' | 'createGateway' | 'getTestLine' | 'createTestLine' | 'deleteTestLine'>;

export interface GatewayApplyOptions {
  journal: JournalSink;
  resume?: JournalState;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; message: string }) => void;
  planFile?: { path: string; sha256: string };
}

type Outcome = { outcome: 'done' | 'drift' | 'failed'; message: string };

/** Errors that say something about the item (ARM refused this body, or it changed): the rest of the run goes on. */
const ITEM_ERRORS: ReadonlySet<string> = new Set(['badRequest', 'conflict', 'preconditionFailed', 'notFound']);

export async function applyGatewayPlan(arm: GatewayApplyClient, plan: SavedGatewayPlan, options: GatewayApplyOptions): Promise<ApplyResult> {
  const ref = parseGatewayId(plan.gateway.id);
  if (!ref) throw new Error(`The plan's gateway id ${plan.gateway.id} is not a communications gateway resource id.`);
  const outcomes = new Map<string, Outcome>();
  const resume = options.resume;
  for (const id of resume?.done ?? []) outcomes.set(id, { outcome: 'done', message: '' });
  for (const [id, message] of resume?.drift ?? []) outcomes.set(id, { outcome: 'drift', message });
  for (const [id, message] of resume?.failed ?? []) outcomes.set(id, { outcome: 'failed', message });
  const inFlight = resume?.inFlight ?? [];
  // As applyProvisioningPlan, the result covers the whole plan: a resume's earlier outcomes included.

  // As applyPlan numbers them: above every request the journal has seen in flight and above the settled count.
  let request = Math.max(0, ...inFlight.map((s) => s.request), outcomes.size + inFlight.length) + 1;
  const { journal } = options;
  const now = () => new Date().toISOString();
  if (options.planFile) {
    await journal.append({ type: 'start', at: now(), planSha256: options.planFile.sha256, planPath: options.planFile.path, gateway: plan.gateway.id, changes: plan.changes.length });
  }
  const step = new GatewayStep(arm, ref, options.signal ? { abortSignal: options.signal } : {});
  let current: string | undefined;
  let ended: { outcome: 'completed' | 'cancelled' | 'failed'; message?: string } = { outcome: 'completed' };
  try {
    for (const change of plan.changes) {
      if (outcomes.has(change.id)) continue;
      if (options.signal?.aborted) {
        ended = { outcome: 'cancelled' };
        break;
      }
      const number = request++;
      await journal.append({ type: 'sending', at: now(), request: number, changeIds: [change.id] });
      current = change.id;
      const result = await step.run(change);
      current = undefined;
      await journal.append({ type: 'answered', at: now(), request: number, results: [{ changeId: change.id, outcome: result.outcome, ...(result.message ? { message: result.message } : {}) }] });
      outcomes.set(change.id, result);
      options.onProgress?.({ done: outcomes.size, total: plan.changes.length, message: `${change.action} ${change.id}: ${result.outcome}${result.message ? ` (${result.message})` : ''}` });
    }
  } catch (error) {
    if (!(error instanceof RunStopped)) throw error;
    ended = error.cancelled ? { outcome: 'cancelled' } : { outcome: 'failed', message: error.message };
  }
  await journal.append({ type: 'end', at: now(), ...ended });
  const of = (kind: Outcome['outcome']) => plan.changes.filter((c) => outcomes.get(c.id)?.outcome === kind);
  return {
    done: of('done').map((c) => c.id),
    drift: of('drift').map((c) => ({ changeId: c.id, message: outcomes.get(c.id)?.message ?? '' })),
    failed: of('failed').map((c) => ({ changeId: c.id, message: outcomes.get(c.id)?.message ?? '' })),
    notStarted: plan.changes.filter((c) => !outcomes.has(c.id) && c.id !== current).map((c) => c.id),
    cancelled: ended.outcome === 'cancelled',
    ...(ended.outcome === 'failed' && ended.message !== undefined ? { stoppedBy: ended.message } : {}),
    ...(current !== undefined ? { inFlight: [current] } : {}),
  };
}

/** Why the live object no longer is what the plan saw, if it is not: the planned fields must still hold their "before",
 * and no other field may differ from the desired body (a PUT would silently undo that edit). */
function driftOf(now: readonly FieldChange[], planned: readonly FieldChange[]): string | undefined {
  const byPath = new Map(planned.map((f) => [f.path, f]));
  for (const field of now) {
    const plannedField = byPath.get(field.path);
    if (!plannedField) return `${field.path} changed since the plan (it is ${JSON.stringify(field.before)} now)`;
    if (JSON.stringify(plannedField.before) !== JSON.stringify(field.before)) {
      return `${field.path} is ${JSON.stringify(field.before) ?? '(absent)'} now, the plan saw ${JSON.stringify(plannedField.before) ?? '(absent)'}`;
    }
  }
  return undefined;
}

class GatewayStep {
  constructor(
    private readonly arm: GatewayApplyClient,
    private readonly ref: GatewayRef,
    private readonly call: { abortSignal?: AbortSignal },
  ) {}

  async run(change: GatewayPlanChange): Promise<Outcome> {
    try {
      return change.kind === 'gateway' ? await this.gateway(change) : await this.testLine(change);
    } catch (error) {
      if (!isAcgError(error)) throw error;
      if (ITEM_ERRORS.has(error.kind)) return itemOutcome(error);
      // The item's fate is unknown (the answer was lost, sign-in expired, the network is gone): stop here.
      throw new RunStopped(error.kind === 'cancelled', error.message);
    }
  }

  private async gateway(change: GatewayResourceChange): Promise<Outcome> {
    if (change.action === 'create') return this.createGateway(change);
    const live = await this.arm.getGatewayVersioned(this.ref, this.call);
    const now = fieldChanges(comparableGateway(live.gateway), comparableGateway(change.body));
    if (now.length === 0) return { outcome: 'done', message: 'already as planned' };
    if (change.etag !== undefined && live.etag !== undefined && live.etag !== change.etag) {
      return { outcome: 'drift', message: `gateway ${this.ref.name} changed since the plan (ETag ${live.etag}, the plan read ${change.etag})` };
    }
    const drift = driftOf(now, change.fields);
    if (drift) return { outcome: 'drift', message: `gateway ${this.ref.name}: ${drift}` };
    const body = change.body;
    await this.arm.updateGateway(this.ref, (g) => ({ ...g, tags: body.tags ?? {}, ...(body.properties ? { properties: body.properties } : {}) }), {
      ...this.call,
      ...(change.etag !== undefined ? { ifMatch: change.etag } : {}),
    });
    return { outcome: 'done', message: '' };
  }

  /** A create reads first: a gateway there already is ours from a PUT whose answer was lost (as planned: done; a
   * resume after a crash lands here), or someone else's (drift: never replaced). */
  private async createGateway(change: GatewayResourceChange): Promise<Outcome> {
    const live = await this.readGateway();
    if (live) {
      return fieldChanges(comparableGateway(live), comparableGateway(change.body)).length === 0
        ? { outcome: 'done', message: 'already as planned' }
        : { outcome: 'drift', message: `gateway ${this.ref.name} was created by someone else since the plan` };
    }
    await this.arm.createGateway(this.ref, change.body, this.call);
    return { outcome: 'done', message: '' };
  }

  private async readGateway(): Promise<CommunicationsGateway | undefined> {
    try {
      return (await this.arm.getGatewayVersioned(this.ref, this.call)).gateway;
    } catch (error) {
      if (isAcgError(error, 'notFound')) return undefined;
      throw error;
    }
  }

  private async testLine(change: TestLineChange): Promise<Outcome> {
    const live = await this.readLine(change.name);
    if (change.action === 'delete') {
      if (!live) return { outcome: 'done', message: 'already gone' };
      await this.arm.deleteTestLine(this.ref, change.name, this.call);
      return { outcome: 'done', message: '' };
    }
    const body = change.body as TestLine;
    if (change.action === 'create') {
      // A line there already: ours, from an answer that was lost (as planned: done), or someone else's (drift).
      if (live) return fieldChanges(comparableLine(live), comparableLine(body)).length === 0 ? { outcome: 'done', message: 'already as planned' } : { outcome: 'drift', message: `test line ${change.name} was created by someone else since the plan` };
    } else {
      if (!live) return { outcome: 'drift', message: `test line ${change.name} was deleted since the plan` };
      const now = fieldChanges(comparableLine(live), comparableLine(body));
      if (now.length === 0) return { outcome: 'done', message: 'already as planned' };
      const drift = driftOf(now, change.fields);
      if (drift) return { outcome: 'drift', message: `test line ${change.name}: ${drift}` };
    }
    const properties = body.properties;
    if (!properties) return { outcome: 'failed', message: `the plan gives test line ${change.name} no properties` };
    await this.arm.createTestLine(this.ref, change.name, { phoneNumber: properties.phoneNumber, purpose: properties.purpose }, {
      ...this.call,
      location: body.location,
      ...(body.tags ? { tags: body.tags } : {}),
    });
    return { outcome: 'done', message: '' };
  }

  private async readLine(name: string): Promise<TestLine | undefined> {
    try {
      return await this.arm.getTestLine(this.ref, name, this.call);
    } catch (error) {
      if (isAcgError(error, 'notFound')) return undefined;
      throw error;
    }
  }
}

function itemOutcome(error: AcgError): Outcome {
  if (error.kind === 'preconditionFailed') return { outcome: 'drift', message: `changed since the plan: ${error.message}` };
  return { outcome: 'failed', message: error.message };
}
