// Long-running operations. A PUT or DELETE answers at once and finishes after `armOperationDelayMs`; clients poll the
// Azure-AsyncOperation URL (PUT) or the Location URL (DELETE), as the spec's final-state-via says.
import { randomUUID } from 'node:crypto';
import type { AsyncOperationStatus } from '../../src/core/models';
import type { ServiceContext } from '../context';
import { armError } from '../errors';
import { json, noContent, type EmulatorResponse, type RequestContext } from '../http';
import { PROVIDER, normalizeLocation, sameId } from './common';

type OperationState = AsyncOperationStatus['status'];

interface ArmOperation {
  readonly id: string;
  readonly subscriptionId: string;
  readonly location: string;
  readonly resourceId: string;
  readonly kind: 'write' | 'delete';
  readonly startTime: string;
  readonly dueAt: number;
  status: OperationState;
  endTime?: string;
  /** Applies the operation's effect to state (marks the resource Succeeded, or removes it). */
  readonly finish: () => void;
}

export interface StartOptions {
  subscriptionId: string;
  location: string;
  resourceId: string;
  kind: 'write' | 'delete';
  finish: () => void;
}

const RETRY_AFTER_SECONDS = '1';

export class OperationTracker {
  private readonly operations = new Map<string, ArmOperation>();

  constructor(private readonly ctx: ServiceContext) {}

  /** Starts an operation. Finishing is lazy (on the next request) and also on a timer, so that state settles anyway. */
  start(options: StartOptions): ArmOperation {
    const now = this.ctx.now();
    const delayMs = Math.max(0, this.ctx.config.armOperationDelayMs);
    const operation: ArmOperation = {
      id: randomUUID(),
      subscriptionId: options.subscriptionId,
      location: normalizeLocation(options.location),
      resourceId: options.resourceId,
      kind: options.kind,
      startTime: new Date(now).toISOString(),
      dueAt: now + delayMs,
      status: 'InProgress',
      finish: options.finish,
    };
    this.operations.set(operation.id, operation);
    // unref: a pending operation must never keep a test run or a stopped emulator alive.
    setTimeout(() => this.settle(), delayMs + 5).unref();
    return operation;
  }

  /** Finishes every operation whose time has come. Idempotent. */
  settle(): void {
    const now = this.ctx.now();
    let changed = false;
    for (const operation of this.operations.values()) {
      if (operation.status !== 'InProgress' || now < operation.dueAt) continue;
      operation.finish();
      operation.status = 'Succeeded';
      operation.endTime = new Date(now).toISOString();
      changed = true;
    }
    if (changed) this.ctx.persist();
  }

  /** The operation still running on a resource (or, with `includeChildren`, on one of its children), if any. */
  inProgressOn(resourceId: string, includeChildren = false): ArmOperation | undefined {
    const prefix = `${resourceId.toLowerCase()}/`;
    for (const operation of this.operations.values()) {
      if (operation.status !== 'InProgress') continue;
      const id = operation.resourceId.toLowerCase();
      if (id === resourceId.toLowerCase() || (includeChildren && id.startsWith(prefix))) return operation;
    }
    return undefined;
  }

  /** Whether `resourceId` itself is being deleted (its children cannot be written meanwhile). */
  isBeingDeleted(resourceId: string): boolean {
    for (const operation of this.operations.values()) {
      if (operation.status === 'InProgress' && operation.kind === 'delete' && sameId(operation.resourceId, resourceId)) return true;
    }
    return false;
  }

  find(subscriptionId: string, location: string, id: string): ArmOperation | undefined {
    const operation = this.operations.get(id.toLowerCase());
    if (!operation || !sameId(operation.subscriptionId, subscriptionId) || operation.location !== normalizeLocation(location)) return undefined;
    return operation;
  }
}

const trackers = new WeakMap<ServiceContext, OperationTracker>();

export function operationsOf(ctx: ServiceContext): OperationTracker {
  let tracker = trackers.get(ctx);
  if (!tracker) {
    tracker = new OperationTracker(ctx);
    trackers.set(ctx, tracker);
  }
  return tracker;
}

function operationPath(operation: ArmOperation, kind: 'operationStatuses' | 'operationResults'): string {
  return `/subscriptions/${operation.subscriptionId}/providers/${PROVIDER}/locations/${operation.location}/${kind}/${operation.id}`;
}

function operationUrl(req: RequestContext, operation: ArmOperation, kind: 'operationStatuses' | 'operationResults'): string {
  return `${req.origin}${operationPath(operation, kind)}?api-version=${req.query.get('api-version') ?? ''}`;
}

/** Headers of a PUT that started an operation (final-state-via azure-async-operation). */
export function asyncOperationHeaders(req: RequestContext, operation: ArmOperation): Record<string, string> {
  return { 'Azure-AsyncOperation': operationUrl(req, operation, 'operationStatuses'), 'Retry-After': RETRY_AFTER_SECONDS };
}

/** Headers of a DELETE that started an operation (final-state-via location). */
export function locationHeaders(req: RequestContext, operation: ArmOperation): Record<string, string> {
  return { Location: operationUrl(req, operation, 'operationResults'), 'Retry-After': RETRY_AFTER_SECONDS };
}

function operationNotFound(id: string): EmulatorResponse {
  return armError(404, 'OperationNotFound', `The operation '${id}' could not be found.`);
}

/** `GET …/locations/{location}/operationStatuses/{operationId}`: the Azure-AsyncOperation body. */
export function getOperationStatus(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const tracker = operationsOf(ctx);
  tracker.settle();
  const operation = tracker.find(req.params.subscriptionId, req.params.location, req.params.operationId);
  if (!operation) return operationNotFound(req.params.operationId);
  const body: AsyncOperationStatus & { resourceId: string } = {
    id: operationPath(operation, 'operationStatuses'),
    name: operation.id,
    status: operation.status,
    startTime: operation.startTime,
    ...(operation.endTime ? { endTime: operation.endTime } : {}),
    resourceId: operation.resourceId,
  };
  return json(200, body, operation.status === 'InProgress' ? { 'Retry-After': RETRY_AFTER_SECONDS } : {});
}

/** `GET …/locations/{location}/operationResults/{operationId}`: 202 while running, then 204 (a finished delete). */
export function getOperationResult(ctx: ServiceContext, req: RequestContext): EmulatorResponse {
  const tracker = operationsOf(ctx);
  tracker.settle();
  const operation = tracker.find(req.params.subscriptionId, req.params.location, req.params.operationId);
  if (!operation) return operationNotFound(req.params.operationId);
  if (operation.status === 'InProgress') return noContent(202, locationHeaders(req, operation));
  return noContent(204);
}
