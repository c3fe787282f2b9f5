// How a planned change stands against the resource as it is NOW: still to do (the resource is as the plan saw it),
// already done (it is as the plan wants it: a resend after a lost answer, a resume after the repeatability window, or
// someone else did it), or drift (it moved since the plan, so doing the change would overwrite someone's edit).
// ETags decide when both sides have one; number listings carry none, so then the fields the plan recorded decide:
// every field the change touches must still hold its plan-time value.
import type { Versioned, PlanChange } from '../../core/apply/types';

export type LiveVerdict =
  | { readonly kind: 'pending' }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'drift'; readonly message: string };

const PENDING: LiveVerdict = { kind: 'pending' };

/** The live resource for `change` (undefined: it does not exist) judged against the plan. */
export function judgeLive(change: PlanChange, live: Versioned<unknown> | undefined): LiveVerdict {
  if (unchangedSincePlan(change, live)) return PENDING;
  if (alreadyAsPlanned(change, live)) {
    return { kind: 'done', message: change.action === 'delete' ? `${describe(change)} was already gone.` : `${describe(change)} was already as the plan wants it.` };
  }
  return { kind: 'drift', message: driftMessage(change, live) };
}

/** "Number +4930…", "Account Contoso", "The relationship with tenant …": how messages name a change's target. */
export function describe(change: PlanChange): string {
  switch (change.kind) {
    case 'account':
      return `Account ${change.account}`;
    case 'number':
      return `Number ${change.telephoneNumber}`;
    case 'relationship':
      return `The relationship with tenant ${change.tenantId}`;
  }
}

function unchangedSincePlan(change: PlanChange, live: Versioned<unknown> | undefined): boolean {
  if (change.action === 'create') return live === undefined;
  if (live === undefined) return false;
  if (change.etag !== undefined && live.etag !== undefined) return change.etag === live.etag;
  return change.fields.every((field) => sameValue(valueAt(live.resource, field.path), field.before));
}

function alreadyAsPlanned(change: PlanChange, live: Versioned<unknown> | undefined): boolean {
  if (change.action === 'delete') return live === undefined;
  if (live === undefined) return false;
  if (change.kind === 'relationship') {
    const relationship = valueAt(live.resource, 'customerRelationship');
    if (!sameValue(valueAt(relationship, 'status'), change.status)) return false;
    if (change.comment !== undefined && !sameValue(valueAt(relationship, 'comment'), change.comment)) return false;
  }
  if (!change.fields.every((field) => sameValue(valueAt(live.resource, field.path), field.after))) return false;
  // The body is what the write would send: a resource someone else created or edited holds all of it, or is not ours.
  const body = change.kind === 'relationship' ? undefined : change.body;
  return body === undefined || leaves(body).every(([path, value]) => sameValue(valueAt(live.resource, path), value));
}

/** Every value of `body` that is not an object, with its dotted path (a list counts as one value). */
function leaves(body: unknown, prefix = ''): [string, unknown][] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [[prefix, body]];
  return Object.entries(body).flatMap(([key, value]) => leaves(value, prefix === '' ? key : `${prefix}.${key}`));
}

function driftMessage(change: PlanChange, live: Versioned<unknown> | undefined): string {
  const what = describe(change);
  const replan = 'Not changed: plan again to see it as it is now.';
  if (live === undefined) return `${what} was deleted since the plan. ${replan}`;
  if (change.action === 'create') return `${what} was created by someone else since the plan, differently. ${replan}`;
  if (change.etag !== undefined && live.etag !== undefined) return `${what} changed since the plan (ETag ${change.etag}, now ${live.etag}). ${replan}`;
  const moved = change.fields.find((field) => !sameValue(valueAt(live.resource, field.path), field.before));
  return moved
    ? `${what} changed since the plan: ${moved.path} was ${show(moved.before)}, is now ${show(valueAt(live.resource, moved.path))}. ${replan}`
    : `${what} changed since the plan. ${replan}`;
}

/** The value at a dotted path ("serviceDetails.teamsOperatorConnect.enabled"); undefined when any step is missing. */
export function valueAt(resource: unknown, path: string): unknown {
  let at: unknown = resource;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Equal as data: object keys in any order, and lists of plain values (capabilities, usages) in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => typeof item !== 'object' || item === null) ? [...items].sort((x, y) => String(x).localeCompare(String(y))) : items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}
